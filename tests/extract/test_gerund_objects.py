"""A speech act whose object is a gerund is a statement: "ruled out raising the tolls".

The parser makes the gerund a clausal complement, not a direct object, so verbs that make a
statement of their object (``object_verbs``) found none. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from redline.extract.attribution import find_attributions
from redline.knowledge.cues import load_cues

pytestmark = pytest.mark.model


def _found(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    out = []
    for a in find_attributions(doc, load_cues()):
        cue = doc.text[a.cue[0] : a.cue[1]] if a.cue else None
        out.append((doc.text[a.content[0] : a.content[1]], cue))
    return out


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "The port authority ruled out raising the tolls this year.",
            "raising the tolls this year",
            "ruled out",
        ),
        ("The mayor rejected holding a second vote.", "holding a second vote", "rejected"),
        ("The envoy denied meeting the rebel commanders.", "meeting the rebel commanders", "denied"),
    ],
)
def test_a_gerund_object_is_the_content(nlp: Language, text: str, content: str, cue: str) -> None:
    assert _found(nlp, text) == [(content, cue)]


def test_a_topic_verb_with_a_gerund_is_still_no_statement(nlp: Language) -> None:
    assert _found(nlp, "The two delegations discussed raising the tolls.") == []
