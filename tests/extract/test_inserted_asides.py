"""A speaker interrupted by an aside: "Peskov, asked about the remarks, said ...".

spaCy tends to read the aside as a clause of "said" with the speaker as its subject, so the
aside became the content and the speaker was lost. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


def _found(attributed: Attributed, text: str) -> list[tuple[str, str | None]]:
    return [(a.content, a.source) for a in attributed(text)]


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
    attributed: Attributed, text: str, content: str, source: str
) -> None:
    assert _found(attributed, text) == [(content, source)]


def test_a_real_question_is_still_a_statement(attributed: Attributed) -> None:
    found = _found(
        attributed, "The mayor asked about the budget, and the treasurer said the figures were final."
    )
    assert ("the figures were final", "the treasurer") in found, found
