"""A speaker mention stays within its own stretch of text: a headline run into the dateline or
a title read over a full stop names no one. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import said_by
from redline.model import Document

pytestmark = pytest.mark.model


def test_a_headline_run_into_the_dateline_is_not_the_speaker(extractor: Any) -> None:
    """The parser reads headline and dateline as one sentence and gives "said" two subjects;
    the one next to the verb speaks."""
    text = (
        "Talks resume in Geneva\nGENEVA, November 24, 2025 - Rubio and Yermak said the talks had been useful."
    )
    assert [n for n, _ in said_by(extractor, text)] == ["Marco Rubio", "Andriy Yermak"]


def test_a_title_never_runs_over_a_full_stop(extractor: Any) -> None:
    """'... as Russian. The Head of State noted' is no 'Russian head of state': the president
    the story names is the one meant."""
    text = (
        "President of Ukraine Volodymyr Zelensky stressed that Ukraine would never legally recognize the "
        "occupied territories as Russian. The Head of State noted this during a press conference in Berlin.\n"
        '"Recognition is impossible," the President emphasized.'
    )
    assert {n for n, _ in said_by(extractor, text)} == {"Volodymyr Zelensky"}


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The harbour deal was close, the mayor on Tuesday said.", "the mayor"),
        ("A panel of judges in 2019 said the tolls were lawful.", "A panel of judges"),
        ("The governor this week said the bridge would reopen.", "The governor"),
    ],
)
def test_a_time_hung_on_the_speaker_is_not_part_of_the_mention(
    extractor: Any, text: str, mention: str
) -> None:
    (st,) = extractor.extract_one(Document(id="d", text=text)).statements
    assert st.speaker is not None and st.speaker.mention.text == mention
