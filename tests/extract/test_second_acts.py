"""A second speech act joined by "and" to the end of what was said: "Smith said he would order a
review and warned against hackers".

The parser hangs the second verb on the reported clause, so the first statement ran on over it
and the second act was lost, or read as an insert ("..., he warned") taking the first content.
The guide counts one statement per act, both the speaker's. Sentences are written for these tests.
"""

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
            "Smith said he would order a full review of the defenses and warned against hackers from abroad.",
            ("he would order a full review of the defenses", "said", "Smith"),
            ("hackers from abroad", "warned", "Smith"),
        ),
        (
            'Even Beijing, the regime\'s only ally, said it was "firmly opposed" to the test and warned '
            "the North to refrain from further steps.",
            ('it was "firmly opposed" to the test', "said", "Even Beijing, the regime's only ally"),
            ("the North to refrain from further steps", "warned", "Even Beijing, the regime's only ally"),
        ),
    ],
)
def test_the_second_act_is_the_speakers_own_statement(
    attributed: Attributed,
    text: str,
    first: tuple[str, str, str],
    second: tuple[str, str, str],
) -> None:
    found = _found(attributed, text)
    assert first in found and second in found, found


def test_an_act_inside_a_clause_of_what_was_said_stays_there(attributed: Attributed) -> None:
    found = _found(
        attributed,
        "Her aide said she was giving interviews when the guards found her and told her to leave.",
    )
    assert not any(source == "Her aide" and cue == "told" for _, cue, source in found), found


def test_a_clause_with_its_own_subject_is_still_what_was_said(attributed: Attributed) -> None:
    found = _found(attributed, "The mayor said the council approved the budget and the governor signed it.")
    assert found == [("the council approved the budget and the governor signed it", "said", "The mayor")], (
        found
    )
