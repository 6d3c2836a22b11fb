"""A speech act in a participle after what was said ("The mayor said the port had closed,
urging drivers to avoid the area") is the speaker's next statement, as "..., adding that ..."
is (issue 10, boundaries on real news).

The parser hangs such a participle on the reported clause's verb, so its words were read as
the end of what was said and the act itself was lost; a participle that reports no speech
("..., leaving hundreds without work") stays part of the content. Every sentence is written
for these tests.
"""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "first", "act", "cue", "source"),
    [
        (
            "The mayor said the port had closed, urging drivers to avoid the area.",
            "the port had closed",
            "drivers to avoid the area",
            "urging",
            "The mayor",
        ),
        (
            "Analysts said the port had lost its appeal, citing the rise of a rival harbour.",
            "the port had lost its appeal",
            "the rise of a rival harbour",
            "citing",
            "Analysts",
        ),
        (
            "The union said the ferry had been cancelled, calling the decision reckless.",
            "the ferry had been cancelled",
            "the decision reckless",
            "calling",
            "The union",
        ),
        (
            # hung by the parser on a verb deep inside what was said
            "The coach said he doubts the owner has even read his report, expressing his dismay.",
            "he doubts the owner has even read his report",
            "his dismay",
            "expressing",
            "The coach",
        ),
        (
            "The coach said the club had not received any offer, while reaffirming his wish to stay.",
            "the club had not received any offer",
            "his wish to stay",
            "reaffirming",
            "The coach",
        ),
    ],
)
def test_a_trailing_participle_cue_is_the_speakers_next_statement(
    attributed: Attributed, text: str, first: str, act: str, cue: str, source: str
) -> None:
    found = [(a.content, a.cue, a.source) for a in attributed(text)]
    assert (first, "said", source) in found, found
    assert (act, cue, source) in found, found


def test_after_according_to_the_participle_is_the_reported_subjects_act(attributed: Attributed) -> None:
    text = "According to the club, the coach stayed at home on Friday, citing a family matter."
    found = [(a.content, a.cue, a.source) for a in attributed(text)]
    assert ("the coach stayed at home on Friday", "According to", "the club") in found, found
    assert ("a family matter", "citing", "the coach") in found, found


def test_a_participle_that_reports_no_speech_stays_in_the_content(attributed: Attributed) -> None:
    text = "The mayor said the port had closed, leaving hundreds without work."
    found = [(a.content, a.cue) for a in attributed(text)]
    assert found == [("the port had closed, leaving hundreds without work", "said")], found


def test_a_closing_quote_mark_before_the_participle_stays_with_what_was_said(attributed: Attributed) -> None:
    text = (
        'The coach later said the training camp was "going along well," suggesting a good chance of a title.'
    )
    found = [(a.content, a.cue) for a in attributed(text)]
    assert ('the training camp was "going along well,"', "said") in found, found
    assert ("a good chance of a title", "suggesting") in found, found
