"""Error classes found on the seventh unseen batch (benchmarks/data/unseen7, session 23): hostage
mediation with readouts, past-perfect plea talks, league bargaining, a world briefs page, a radio
transcript under role labels and an analysis that names its people once. Each test is one general
class, on the project's own sentences (not the batch's), with the negative case beside it."""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import said_by

pytestmark = pytest.mark.model

# --- a broadcast transcript under role labels ---------------------------------------------------

TRANSCRIPT = (
    "Transcript: Harbour Minister Ostrova on the ferry talks\n\n"
    "Evening Edition, Lakeside Radio\n\n"
    "The programme's presenter, Tom Kiley, spoke to Marsh County's harbour minister, Delia Ostrova, "
    "after the ferry talks adjourned. The ferry union's leader, Piet Rennick, spoke to the programme "
    "on Friday.\n\n"
    "PRESENTER: Minister, is the ferry deal done?\n\n"
    "MINISTER: Not yet. The timetable is agreed, the fares are not.\n\n"
    "HOST: The union says you are stalling. Are you?\n\n"
    "MINISTER: No. Mr Rennick knows that is not true. The fares are still open, and I have told the "
    "union that we will meet them on Monday.\n\n"
    "RENNICK (through an interpreter): We came to sign a deal, not to talk about one.\n"
)


def test_a_broadcast_host_asks_for_the_outlet(extractor: Any) -> None:
    # "PRESENTER:" and "HOST:" ask, as "Q:" does: their questions are nobody's statement, though
    # a report inside one ("The union says you are stalling") is the union's
    found = said_by(extractor, TRANSCRIPT)
    assert not any(content.startswith(("Minister, is", "The union says")) for _, content in found)
    assert ("union", "you are stalling") in found


def test_a_role_label_is_the_person_the_introduction_gives_that_role(extractor: Any) -> None:
    # a name right after a capitals label ("MINISTER: No. Mr Rennick knows") is inside the turn:
    # the label is no dateline, so the name is not its speaker
    found = said_by(extractor, TRANSCRIPT)
    turns = [name for name, content in found if content.startswith(("Not yet.", "No. Mr Rennick"))]
    assert turns == ["Delia Ostrova", "Delia Ostrova"]


def test_a_report_inside_a_labelled_turn_is_no_second_statement(extractor: Any) -> None:
    found = said_by(extractor, TRANSCRIPT)
    turn = next(content for _, content in found if content.startswith("No. Mr Rennick"))
    assert turn.endswith("we will meet them on Monday")  # the turn whole, the report inside it
    assert not any(content.startswith("we will meet") for _, content in found)


def test_a_note_between_a_label_and_its_colon_is_not_the_speaker(extractor: Any) -> None:
    found = said_by(extractor, TRANSCRIPT)
    assert ("Piet Rennick", "We came to sign a deal, not to talk about one") in found


def test_a_capitals_line_opening_without_a_colon_is_still_a_dateline(extractor: Any) -> None:
    text = "MARSH HARBOUR - The harbour minister, Delia Ostrova, said the fares were still open."
    assert said_by(extractor, text) == [("Delia Ostrova", "the fares were still open")]


# --- names --------------------------------------------------------------------------------------


def test_a_surname_the_tagger_reads_as_a_verb_stays_in_the_name(extractor: Any) -> None:
    # "Ferres" (-es) is tagged VERB but attached as a noun: it ends the name, not the clause
    text = "The talks resumed on Monday. The port's chief negotiator, Tomas Ferres, said the offer was fair."
    assert said_by(extractor, text) == [("Tomas Ferres", "the offer was fair")]


def test_a_verb_after_a_name_still_ends_it(extractor: Any) -> None:
    text = "Tomas Ferres Says Ferry Offer Is Fair\n\nThe port's negotiator spoke on Monday."
    assert all(name != "Tomas Ferres Says" for name, _ in said_by(extractor, text))


# --- no one speaks -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nobody at the ministry would say when the ferry talks resume.",
        "No official would confirm that the port had closed.",
        "Neither side has said whether the ferry talks will resume.",
    ],
)
def test_a_subject_that_says_no_one_spoke_makes_no_statement(extractor: Any, text: str) -> None:
    assert said_by(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the negative subject is inside what was said, not the speaker's
        ("Nobody wants a strike, the union's leader said.", "Nobody wants a strike"),
        ("Officials said no deal was near.", "no deal was near"),
    ],
)
def test_a_negative_word_inside_what_was_said_leaves_the_statement(
    extractor: Any, text: str, content: str
) -> None:
    assert [c for _, c in said_by(extractor, text)] == [content]


def test_a_quoted_no_in_the_headline_is_no_subject_of_the_next_line(extractor: Any) -> None:
    # the parser may run a headline into the standfirst under it and make its quoted "no ..." the
    # subject of the standfirst's verb
    text = (
        "Ferry union says \u201cno new offer\u201d after talks with the port over fares\n"
        "A union official says the strike will continue into next week\n\n"
        "The talks ended on Friday."
    )
    assert "the strike will continue into next week" in [c for _, c in said_by(extractor, text)]


def test_a_negated_belief_holds_no_clause(extractor: Any) -> None:
    assert said_by(extractor, "The mayor is not convinced that a new venue would help.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor is convinced that a new venue would help.", "a new venue would help"),
        # a negated stance toward a thing is still the speaker's position
        ("The union is not opposed to a shorter contract.", "a shorter contract"),
    ],
)
def test_a_belief_or_a_negated_stance_toward_a_thing_stays(extractor: Any, text: str, content: str) -> None:
    assert [c for _, c in said_by(extractor, text)] == [content]


# --- a person named once, then by role ------------------------------------------------------------


def test_a_pronoun_after_a_role_takes_the_person_the_role_named_before(extractor: Any) -> None:
    text = (
        "Ines Calder has studied the ferry routes for a decade. The economist points out that fares "
        "have doubled since 2020. The routes were built for a smaller town. Two boats are older than "
        "the harbour master. The council has debated a subsidy for three years. Ferry workers want a "
        "raise. The economist is not convinced that the subsidy will help. She says she is sorry to "
        "think so."
    )
    assert said_by(extractor, text)[-1] == ("Ines Calder", "she is sorry to think so")


def test_a_role_no_one_held_before_stays_the_role(extractor: Any) -> None:
    text = "Ferry workers want a raise. The economist is not convinced. She says fares must rise."
    assert said_by(extractor, text) == [("economist", "fares must rise")]


# --- the reporter's question ---------------------------------------------------------------------


def test_a_fronted_question_the_parser_made_the_root_is_the_reporters(extractor: Any) -> None:
    # the parser makes "Asked" the root and the minister's "said" a parataxis hung on it
    text = (
        "The port did not publish a readout. Asked about the fares, Harbour Minister Delia Ostrova "
        "said, through an interpreter, that no fare would rise this year."
    )
    assert said_by(extractor, text) == [("Delia Ostrova", "no fare would rise this year")]


def test_a_request_made_in_the_main_clause_is_still_read(extractor: Any) -> None:
    text = "The union asked the port for a new offer on Monday."
    assert [name for name, _ in said_by(extractor, text)] == ["union"]


# --- the byline --------------------------------------------------------------------------------


def test_the_writer_in_the_byline_is_no_ones_antecedent(extractor: Any) -> None:
    text = (
        "Port chief faces fraud trial\n\nBy Tom Harlan, Courts Reporter\n\n"
        "The former head of the port authority had rejected two offers, prosecutors said on Monday. "
        "He denies all charges."
    )
    assert all(name != "Tom Harlan" for name, _ in said_by(extractor, text))


def test_a_name_after_by_in_running_text_is_still_an_antecedent(extractor: Any) -> None:
    text = (
        "The talks ran late. By then Tom Harlan, the port's lawyer, had left the room. "
        "He said the offer was fair."
    )
    assert said_by(extractor, text) == [("Tom Harlan", "the offer was fair")]


# --- an outlet taken up by its kind -------------------------------------------------------------


def test_the_agency_takes_up_the_agency_named_before(extractor: Any) -> None:
    text = (
        "The ferry talks ended without progress, the Marsh news agency MNA reported, citing a port "
        "official. The talks will resume in January, the agency said."
    )
    assert said_by(extractor, text)[-1] == ("MNA", "The talks will resume in January")


def test_the_agency_with_no_agency_named_stays_the_agency(extractor: Any) -> None:
    text = "The ferry talks stalled on Monday. The agency said the union would strike."
    assert said_by(extractor, text) == [("agency", "the union would strike")]
