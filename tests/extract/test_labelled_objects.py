"""A label given to someone who could be a hearer ("The mayor called the senator a "nasty
man"") is a statement about them: the object of "called X Y" is what the label is said of, not
whom it was said to (issue 10, speech acts with a noun-phrase object). Before, an object such as
"senator" or "reporters" was taken for the audience and the statement was lost.

Likewise a speech noun as the object of a light verb before a colon ("made the following comment:",
"issued this statement:") frames the quotation after it, which had no cue or speaker. Every
sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ('The mayor called the senator a "nasty man" and an "opportunist."', 'the senator a "nasty man"'),
        ("The coach called the reporters a pack of gossips.", "the reporters a pack of gossips"),
    ],
)
def test_a_label_given_to_an_audience_noun_is_a_statement(
    attributed: Attributed, text: str, starts: str
) -> None:
    found = [(a.content, a.cue) for a in attributed(text)]
    assert any(c.startswith(starts) and cue == "called" for c, cue in found), found


def test_a_hearer_without_a_label_is_still_no_content(attributed: Attributed) -> None:
    found = [(a.content, a.cue) for a in attributed("The coach told reporters the team was tired.")]
    assert found == [("the team was tired", "told")], found


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            'The harbour master made the following comment: "We have never seen a storm like this."',
            "made the following comment",
            "The harbour master",
        ),
        (
            'The club issued this statement: "The coach has left by mutual consent."',
            "issued this statement",
            "The club",
        ),
    ],
)
def test_a_speech_noun_object_before_a_colon_frames_the_quotation(
    attributed: Attributed, text: str, cue: str, source: str
) -> None:
    found = [(a.cue, a.source) for a in attributed(text) if a.content.startswith(("We have", "The coach"))]
    assert found == [(cue, source)], found
