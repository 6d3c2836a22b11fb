"""Interview transcripts: answers belong to the person interviewed, questions to nobody."""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import Attributed, said_by

pytestmark = pytest.mark.model

LEAD = "Border talks: an interview with Estonia's foreign minister\nTallinn, March 3, 2026\n\n"
TRANSCRIPT = (
    "Q: Is the proposed buffer zone acceptable to your government?\n"
    "A: No zone drawn without us is acceptable. We will defend every village.\n"
    "Q: And the monitoring mission?\n"
    "A: We welcome monitors, as long as they report to the OSCE.\n"
)


def test_answers_take_the_interviewee_named_in_the_lead(attributed: Attributed) -> None:
    found = attributed(LEAD + TRANSCRIPT)
    answers = [a for a in found if a.cue == ":"]
    assert [a.source for a in answers] == ["Estonia's foreign minister"] * 2
    assert answers[0].content.startswith("No zone drawn without us is acceptable")
    assert not any(a.content.startswith(("Is the proposed", "And the monitoring")) for a in found)


def test_a_reporter_in_the_lead_points_to_the_subject(attributed: Attributed) -> None:
    lead = "The chief negotiator sat down with reporters in Riga on Monday.\n\n"
    (answer,) = [a for a in attributed(lead + TRANSCRIPT) if a.cue == ":"][:1]
    assert answer.source == "The chief negotiator"


def test_answers_without_an_interviewee_are_left_out(attributed: Attributed) -> None:
    found = attributed("Border talks resume\n\n" + TRANSCRIPT)
    assert not any(a.source in ("A", "Q") for a in found)
    assert not any(a.cue == ":" for a in found)


PRESS_CONFERENCE = (
    "Press briefing (excerpt)\n\n"
    "KOVALOV: We have the draft. I can confirm that.\n\n"
    "QUESTION: Will the ministers meet?\n\n"
    "MARKOV: Yes, next week. He said the venue was still open.\n"
)


def test_each_labelled_speaker_of_a_press_transcript_speaks(attributed: Attributed) -> None:
    found = [(a.source, a.content) for a in attributed(PRESS_CONFERENCE)]
    assert ("KOVALOV", "We have the draft. I can confirm that") in found
    assert ("MARKOV", "Yes, next week. He said the venue was still open") in found


def test_a_label_the_tagger_reads_as_a_verb_still_speaks(attributed: Attributed) -> None:
    text = "Transcript\n\nLAVROV: Our position is well known. There will be no agreement.\n"
    found = [(a.source, a.content) for a in attributed(text)]  # "LAVROV" is tagged as a participle
    assert found == [("LAVROV", "Our position is well known. There will be no agreement")]


def test_a_report_inside_labelled_words_is_no_second_statement(attributed: Attributed) -> None:
    found = attributed(PRESS_CONFERENCE)
    assert [a.source for a in found] == ["KOVALOV", "MARKOV"], found


def test_a_labelled_line_ends_where_the_writer_tells_who_said_the_next_quote(attributed: Attributed) -> None:
    """A news lead in "Name: words" form is not a transcript: the reporter's "“...,” she told
    reporters" that follows is a statement of its own, not more of the labelled words."""
    text = (
        "Harbour dispute, live\n\n"
        "Port Minister Ida Lund: the fees must fall before summer. "
        "“No ship should pay twice,” she told reporters in Bergen.\n"
    )
    found = [(a.source, a.content) for a in attributed(text)]
    assert ("Port Minister Ida Lund", "the fees must fall before summer") in found, found
    assert ("she", "No ship should pay twice") in found, found


def test_an_initial_written_against_the_surname_labels_a_transcript_turn(extractor: Any) -> None:
    """Official transcripts write "V.Putin:"; the model's tokeniser keeps that one token, so the
    label matched nothing and the surname was never looked up."""
    text = (
        "Meeting on the harbour treaty\n\n"
        "V.Putin: Good afternoon. We consider the draft a possible basis for an agreement.\n\n"
        "S.Lavrov: The fishing quotas must be settled first.\n"
    )
    assert said_by(extractor, text) == [
        ("Vladimir Putin", "Good afternoon. We consider the draft a possible basis for an agreement"),
        ("Sergei Lavrov", "The fishing quotas must be settled first"),
    ]


def test_splitting_initials_leaves_acronyms_whole(extractor: Any) -> None:
    words = [t.text for t in extractor.nlp.make_doc("The U.S. and U.K. envoys met V.Putin in St.Petersburg.")]
    assert words[:5] == ["The", "U.S.", "and", "U.K.", "envoys"]
    assert words[6:9] == ["V", ".", "Putin"]
