"""A second act joined by "and" to the first in the same non-finite form ("accusing rivals of
stalling the budget and vowing to veto it") that the parser hung on the last verb inside the
first act's object: it is the speaker's next statement, not part of the accusation. Sentences
are written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


def _found(attributed: Attributed, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(a.content, a.cue, a.source) for a in attributed(text)]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The governor gave a speech at the fair, accusing rival parties of stalling the budget and "
            "vowing to veto any new tax.",
            ("rival parties of stalling the budget", "accusing", "The governor"),
            ("to veto any new tax", "vowing", "The governor"),
        ),
        (
            "The mayor took to Twitter to accuse the council of being misled by a lobbyist and urge "
            "voters to call their members.",
            ("the council of being misled by a lobbyist", "to accuse", "The mayor"),
            ("voters to call their members", "urge", "The mayor"),
        ),
    ],
)
def test_the_second_act_is_split_off(
    attributed: Attributed, text: str, first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    found = _found(attributed, text)
    assert first in found and second in found, found


def test_a_second_deed_that_says_nothing_stays_in_the_accusation(attributed: Attributed) -> None:
    found = _found(attributed, "The union accused the firm of cutting pay and threatening workers.")
    assert found == [("the firm of cutting pay and threatening workers", "accused", "The union")], found
