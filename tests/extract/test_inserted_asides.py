"""A speaker interrupted by an aside: "Peskov, asked about the remarks, said ...".

spaCy tends to read the aside as a clause of "said" with the speaker as its subject, so the
aside became the content and the speaker was lost. Sentences are written for these tests.
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
        source = doc.text[a.source[0] : a.source[1]] if a.source else None
        out.append((doc.text[a.content[0] : a.content[1]], source))
    return out


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Finance Minister Anna Rebane, asked about the budget, said Estonia's stance had not changed.",
            "Estonia's stance had not changed",
            "Finance Minister Anna Rebane",
        ),
        (
            "Government spokesman Marek Tamm, asked about the report, said the cabinet's view was clear.",
            "the cabinet's view was clear",
            "Government spokesman Marek Tamm",
        ),
        (
            "Foreign ministry spokeswoman Liis Kask, asked about the talks, "
            "said Riga's position was unchanged.",
            "Riga's position was unchanged",
            "Foreign ministry spokeswoman Liis Kask",
        ),
        (
            "The minister, pressed by reporters, said the agreement was close.",
            "the agreement was close",
            "The minister",
        ),
    ],
)
def test_the_aside_is_neither_content_nor_a_statement(
    nlp: Language, text: str, content: str, source: str
) -> None:
    assert _found(nlp, text) == [(content, source)]


def test_a_real_question_is_still_a_statement(nlp: Language) -> None:
    found = _found(nlp, "The mayor asked about the budget, and the treasurer said the figures were final.")
    assert ("the figures were final", "the treasurer") in found, found
