"""A bare demonstrative subject ("This underscores the urgency of ...", "That shows the plan is
failing") points at a fact or an event, never at a person: it shows, it does not say. A
demonstrative that determines a noun ("This official said") or carries words of its own ("Those
close to him say") names people. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "This underscores the urgency of the budget talks.",
        "That shows the plan is failing.",
    ],
)
def test_a_pointing_pronoun_is_no_source(attributed: Attributed, text: str) -> None:
    found = attributed(text)
    assert found == [], found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("This official said the plan was failing.", "This official"),
        ("Those close to the mayor say she will run again.", "Those close to the mayor"),
    ],
)
def test_people_named_with_a_demonstrative_still_speak(
    attributed: Attributed, text: str, source: str
) -> None:
    found = [a.source for a in attributed(text)]
    assert source in found, found
