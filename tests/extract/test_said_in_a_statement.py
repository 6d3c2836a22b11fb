"""'Said in a statement that ...': the parser hangs the clause on the noun of the preposition,
but it is what was said. Sentences written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Halvorsen's office said in a statement that the meeting had been productive.",
            "the meeting had been productive",
            "Halvorsen's office",
        ),
        (
            "The council said in a letter that the vote had been fair.",
            "the vote had been fair",
            "The council",
        ),
        (
            "Halvorsen wrote in a post on X that progress had been made.",
            "progress had been made",
            "Halvorsen",
        ),
    ],
)
def test_the_clause_of_the_statement_noun_is_the_content(
    attributed: Attributed, text: str, content: str, source: str
) -> None:
    assert [(a.content, a.source) for a in attributed(text)] == [(content, source)]


def test_a_relative_clause_of_a_place_is_no_content(attributed: Attributed) -> None:
    assert attributed("Halvorsen spoke at a rally in a town that voted for him.") == []
