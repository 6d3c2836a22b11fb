"""Verbs of putting a point forward ("highlighted that", "underscored that", "reasoned that") take
the clause after them as what was said, as "stressed that" does. Sentences are written for these
tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor highlighted that the key result of the meeting was a balanced budget.",
            ("the key result of the meeting was a balanced budget", "highlighted", "The mayor"),
        ),
        (
            "The union underscored that the strike would go on until the pay offer improved.",
            ("the strike would go on until the pay offer improved", "underscored", "The union"),
        ),
        (
            "The finance minister reasoned that a delay would cost the state far more.",
            ("a delay would cost the state far more", "reasoned", "The finance minister"),
        ),
    ],
)
def test_a_point_put_forward_is_a_statement(
    attributed: Attributed, text: str, expected: tuple[str, str, str]
) -> None:
    found = [(a.content, a.cue, a.source) for a in attributed(text)]
    assert expected in found, found


def test_reasoning_without_a_clause_says_nothing(attributed: Attributed) -> None:
    found = attributed("The engineers reasoned for hours over the broken pump.")
    assert found == [], found
