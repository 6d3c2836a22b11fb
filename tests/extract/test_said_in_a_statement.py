"""'Said in a statement that ...': the parser hangs the clause on the noun of the preposition,
but it is what was said. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import Attributed
from redline.model import Document

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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Rubio closed the second day of talks with a statement saying the gaps had narrowed.",
            "Marco Rubio",
        ),
        (
            "Finnish and Estonian negotiators ended the round with a joint statement saying the border "
            "talks would resume in May.",
            "Finnish and Estonian negotiators",
        ),
    ],
)
def test_a_statement_put_out_with_a_clause_is_its_subjects(extractor: Any, text: str, speaker: str) -> None:
    (s,) = extractor.extract_one(Document(id="d", text=text)).statements
    assert s.speaker is not None and s.speaker.name == speaker


def test_an_event_that_ended_with_a_statement_made_none(extractor: Any) -> None:
    text = "The summit closed with a communique saying the parties would meet again."
    (s,) = extractor.extract_one(Document(id="d", text=text)).statements
    assert s.speaker is None or s.speaker.name != "summit"
