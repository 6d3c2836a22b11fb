"""A condition the parser hangs on the speech verb is still part of what was said.

"X said Europe would help, but only if a ceasefire held": spaCy often makes the "if" clause a
conjunct of "said", so the content stopped before the condition and a conditional offer read as
plain support. Sentences are written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from redline.extract.attribution import find_attributions
from redline.knowledge.cues import load_cues
from redline.model import Document

pytestmark = pytest.mark.model


def _contents(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [doc.text[a.content[0] : a.content[1]] for a in find_attributions(doc, load_cues())]


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        (
            "The Dutch prime minister said the Netherlands stood ready to send engineers, "
            "but only if a truce held first.",
            "but only if a truce held first",
        ),
        (
            "The foreign minister said Ankara would host the next round, unless either side "
            "walked out before then.",
            "unless either side walked out before then",
        ),
    ],
)
def test_a_condition_hung_on_the_speech_verb_stays_in_the_content(
    nlp: Language, text: str, condition: str
) -> None:
    contents = _contents(nlp, text)
    assert len(contents) == 1, contents
    assert contents[0].endswith(condition), contents


def test_a_clause_that_is_not_a_condition_is_not_pulled_in(nlp: Language) -> None:
    contents = _contents(
        nlp, "The envoy said the ferry talks had stalled, and the delegation left the city on Monday."
    )
    assert contents and all("delegation left" not in c for c in contents), contents


def test_the_conditional_offer_reads_as_conditional(extractor: Any) -> None:
    text = (
        "The Dutch prime minister said the Netherlands stood ready to provide security guarantees "
        "to Ukraine, but only if a ceasefire held first."
    )
    statements = extractor.extract_one(Document(id="d", text=text)).statements
    found = [s for s in statements if "security guarantees" in s.content.text]
    assert found, [s.content.text for s in statements]
    assert "only if" in found[0].content.text
    assert found[0].stance == "conditional"
