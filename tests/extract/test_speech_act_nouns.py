"""Nouns that name an act of saying carry their "that" clause as what was said, like "claim" and
"warning": "the mayor's declaration that the fire was arson", "the union's threat that it would
strike". A "that" opening a relative clause ("charges that carry ten years") is no content.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reporters asked about the mayor's declaration that the fire was arson.",
            ("the fire was arson", "declaration", "the mayor's"),
        ),
        (
            "The union's threat that it would strike worried the board.",
            ("it would strike", "threat", "The union's"),
        ),
    ],
)
def test_a_speech_act_noun_carries_its_clause(
    attributed: Attributed, text: str, expected: tuple[str, str, str]
) -> None:
    found = [(a.content, a.cue, a.source) for a in attributed(text)]
    assert expected in found, found


def test_a_relative_clause_on_the_noun_is_no_content(attributed: Attributed) -> None:
    found = attributed("He faces charges that carry ten years in prison.")
    assert found == [], found
