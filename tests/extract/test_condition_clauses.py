"""A condition the parser hangs on the speech verb is still part of what was said.

"X said Europe would help, but only if a ceasefire held": spaCy often makes the "if" clause a
conjunct of "said", so the content stopped before the condition and a conditional offer read as
plain support. Sentences are written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import Attributed
from redline.model import Document

pytestmark = pytest.mark.model


def _contents(attributed: Attributed, text: str) -> list[str]:
    return [a.content for a in attributed(text)]


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
        (
            "Officials in Oslo said Norway was willing to fund the demining, but only after "
            "the front line had been fixed in writing.",
            "but only after the front line had been fixed in writing",
        ),
        (
            "The minister said Warsaw would reopen the crossing, but only once the shelling stopped.",
            "but only once the shelling stopped",
        ),
    ],
)
def test_a_condition_hung_on_the_speech_verb_stays_in_the_content(
    attributed: Attributed, text: str, condition: str
) -> None:
    contents = _contents(attributed, text)
    assert len(contents) == 1, contents
    assert contents[0].endswith(condition), contents


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        (
            "The envoy said the ferry talks had stalled, and the delegation left the city on Monday.",
            "delegation left",
        ),
    ],
)
def test_a_clause_that_is_not_a_condition_is_not_pulled_in(
    attributed: Attributed, text: str, outside: str
) -> None:
    contents = _contents(attributed, text)
    assert contents and all(outside not in c for c in contents), contents


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
