"""A statement's date is when it was said: publication, moved only by what dates the speech act.

Sentences are written for these tests (never copied from a corpus). Each test first asserts
that the statement was found, so a change in attribution cannot make it pass vacuously.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.config import Settings
from redline.model import Document, Statement
from redline.sources.files import FileReader

PUB = date(2025, 11, 27)  # a Thursday


def _statement(extractor: Any, text: str, words: str, published: date | None = PUB) -> Statement:
    """The statement whose content contains ``words``; fails when none was extracted."""
    doc = Document(id="d", text=text, published=published)
    statements = extractor.extract_one(doc).statements
    found = [s for s in statements if words in s.content.text]
    assert found, f"no statement with {words!r} in {[s.content.text for s in statements]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "On Tuesday, the Finnish president said the ceasefire proposal deserved a careful reading.",
            "ceasefire proposal",
            date(2025, 11, 25),
        ),
        (
            "The envoy said Monday that the draft was balanced and fair.",
            "draft was balanced",
            date(2025, 11, 24),
        ),
        (
            "The defence minister on Wednesday said the talks in Geneva had been useful.",
            "talks in Geneva",
            date(2025, 11, 26),
        ),
        (
            "Speaking to reporters on Sunday, the chancellor said the guarantees were too vague.",
            "guarantees were too vague",
            date(2025, 11, 23),
        ),
        ("The prime minister said Thursday that the plan was a starting point.", "starting point", PUB),
        # written between the cue and what was said, whatever the parser hangs it on
        (
            "The negotiator said on Monday he was ready to sign the transit deal.",
            "ready to sign",
            date(2025, 11, 24),
        ),
    ],
)
def test_a_weekday_on_the_speech_act_is_the_latest_such_day(
    extractor: Any, text: str, words: str, expected: date
) -> None:
    assert _statement(extractor, text, words).date == expected


def test_yesterday(extractor: Any) -> None:
    text = "The foreign minister told reporters yesterday that the border question was not settled."
    assert _statement(extractor, text, "border question").date == date(2025, 11, 26)


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (
            "A day earlier, the Latvian president had told the radio that the cap was too low.",
            date(2025, 11, 23),
        ),
        (
            "The day before, the Latvian president had told the radio that the cap was too low.",
            date(2025, 11, 23),
        ),
        ("Two days later the Latvian president told the radio that the cap was too low.", date(2025, 11, 26)),
        ("Hours later the Latvian president told the radio that the cap was too low.", date(2025, 11, 24)),
        ("Later that day the Latvian president told the radio that the cap was too low.", date(2025, 11, 24)),
        ("The Latvian president told the radio that the cap was too low.", PUB),
    ],
)
def test_a_day_counted_from_the_last_told_day(extractor: Any, second: str, expected: date) -> None:
    text = "On Monday, the Estonian premier said the ferry deal was dead.\n\n" + second
    assert _statement(extractor, text, "ferry deal").date == date(2025, 11, 24)
    assert _statement(extractor, text, "cap was too low").date == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the second cue hangs, in the parse, on the verb of what the first one reports
        (
            "The envoy said Monday that the round had gone well, while claiming the gaps had narrowed a lot.",
            "gaps had narrowed",
        ),
        (
            "The mayor on Monday said the bridge deal had been signed and announced he was flying to Oslo.",
            "flying to Oslo",
        ),
        ("The envoy spoke to reporters Monday to describe a six-point roadmap for the port.", "roadmap"),
    ],
)
def test_a_second_cue_shares_the_day_of_the_speech_act_it_belongs_to(
    extractor: Any, text: str, words: str
) -> None:
    assert _statement(extractor, text, words).date == date(2025, 11, 24)


def test_a_day_before_an_event_named_dates_nothing(extractor: Any) -> None:
    text = "The day before the vote, the Latvian president said the cap was too low."
    assert _statement(extractor, text, "cap was too low").date == PUB


def test_a_day_and_month_take_the_year_of_publication(extractor: Any) -> None:
    text = "In an interview on Nov. 20, the chancellor said the security guarantees were too vague."
    assert _statement(extractor, text, "security guarantees").date == date(2025, 11, 20)


def test_a_day_and_month_after_new_year_belong_to_the_year_before(extractor: Any) -> None:
    text = "In an interview on Dec. 30, the chancellor said the security guarantees were too vague."
    found = _statement(extractor, text, "security guarantees", published=date(2026, 1, 5))
    assert found.date == date(2025, 12, 30)


@pytest.mark.parametrize(
    "text",
    [
        "According to a transcript of the Nov. 20 call, the envoy told the aide that the plan was fair.",
        "In a recording of the Nov. 20 meeting, the envoy told the aide that the plan was fair.",
        "The envoy, according to a readout of the Nov. 20 call released by the ministry, told the aide"
        " that the plan was fair.",
    ],
)
def test_a_record_of_a_dated_speech_event_dates_what_it_reports(extractor: Any, text: str) -> None:
    assert _statement(extractor, text, "plan was fair").date == date(2025, 11, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the record's topic is no speech event: the date is the attack's, not the speech's
        (
            "According to a summary of the Nov. 20 attack, the envoy told the aide that the plan was fair.",
            PUB,
        ),
        # a dated speech act beside an undated record
        (
            "According to a transcript of the call, the envoy told the aide on Nov. 21 that the plan was"
            " fair.",
            date(2025, 11, 21),
        ),
    ],
)
def test_a_record_dates_only_the_speech_event_it_records(extractor: Any, text: str, expected: date) -> None:
    assert _statement(extractor, text, "plan was fair").date == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('"The agreement must be signed by Thursday," the spokesman said.', "agreement must be signed"),
        (
            "The spokesman said the agreement would be signed on Monday in Geneva.",
            "agreement would be signed",
        ),
        (
            "The envoy said he would travel to the capital next Tuesday for more talks.",
            "travel to the capital",
        ),
        ("The minister said the ceasefire signed on November 3 had not held.", "ceasefire signed"),
    ],
)
def test_a_date_inside_what_was_said_is_not_the_statement_date(extractor: Any, text: str, words: str) -> None:
    assert _statement(extractor, text, words).date == PUB


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Since February 2022, officials in the capital say, the front line has barely moved.", "front line"),
        (
            "The minister, whose government annexed the peninsula in 2014, said the offer was unacceptable.",
            "offer was unacceptable",
        ),
        (
            "After the phone call on Monday, the president said the plan still needed work.",
            "plan still needed",
        ),
        (
            "The president, who will fly to the summit on Saturday, said the plan still needed work.",
            "plan still needed",
        ),
        ("In 2023, the army chief said, the counteroffensive had stalled.", "counteroffensive"),
    ],
)
def test_background_dates_are_not_the_statement_date(extractor: Any, text: str, words: str) -> None:
    assert _statement(extractor, text, words).date == PUB


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "In June 2024, the minister said the border would stay closed.",
            "border would stay",
            date(2024, 6, 30),
        ),
        (
            "Officials said in 2023 that the bridge had been rebuilt.",
            "bridge had been rebuilt",
            date(2023, 12, 31),
        ),
        # "since" dates a stretch of time up to now, never the speech act
        (
            "Since February 2022, the ministry has said the border would stay closed.",
            "border would stay",
            PUB,
        ),
    ],
)
def test_a_period_long_past_gives_its_last_day(extractor: Any, text: str, words: str, expected: date) -> None:
    """The day the statement is known to have been made by: not this week, or a quote of long
    ago would count among the latest positions."""
    assert _statement(extractor, text, words).date == expected


def test_a_vague_period_keeps_the_publication_day(extractor: Any) -> None:
    """ "last week" could be 1 to 13 days back: the statement keeps the day it is known by."""
    text = "The prime minister said last week that the plan was a starting point for talks."
    assert _statement(extractor, text, "starting point").date == PUB
    text = "The prime minister said earlier this month that the plan was a starting point for talks."
    assert _statement(extractor, text, "starting point").date == PUB


def test_without_publication_only_a_complete_date_dates_a_statement(extractor: Any) -> None:
    text = "On Nov. 21, 2025, the spokeswoman said the proposal was still under study."
    assert _statement(extractor, text, "under study", published=None).date == date(2025, 11, 21)
    text = "On Tuesday, the spokeswoman said the proposal was still under study."
    assert _statement(extractor, text, "under study", published=None).date is None
    text = "The spokeswoman, speaking about the war that began in 2022, said the proposal was under study."
    assert _statement(extractor, text, "under study", published=None).date is None


def test_a_speech_act_after_publication_is_a_plan_not_a_date(extractor: Any) -> None:
    text = "The chancellor said on Dec. 4 that the guarantees were too vague."
    assert _statement(extractor, text, "guarantees were too vague").date == PUB


def test_an_undated_record_is_dated_by_its_dateline_end_to_end(extractor: Any) -> None:
    """Reading fills ``published`` from the dateline; the statement is then dated from it."""
    reader = FileReader(Settings())
    text = "VILNIUS, November 27, 2025 (Wire) - The minister said on Tuesday that the draft needed more work."
    [document] = [d for d in reader.from_record({"id": "w", "text": text}, "w") if isinstance(d, Document)]
    assert document.published == PUB
    assert _statement(extractor, text, "draft needed", published=document.published).date == date(
        2025, 11, 25
    )
    bare = "The minister said on Tuesday that the draft needed more work."
    [undated] = [d for d in reader.from_record({"id": "u", "text": bare}, "u") if isinstance(d, Document)]
    assert undated.published is None
    assert _statement(extractor, bare, "draft needed", published=undated.published).date is None


def test_a_headline_takes_the_day_the_lede_gives_the_same_speaker(extractor: Any) -> None:
    text = (
        "Lehtola Says Ceasefire Draft Needs Work\n\n"
        "Trade Minister Aino Lehtola said on Tuesday that the ceasefire draft needed more work "
        "before any signature.\n"
    )
    assert _statement(extractor, text, "Ceasefire Draft Needs Work").date == date(2025, 11, 25)


@pytest.mark.parametrize(
    "lede",
    [
        # the lede dates nothing: the headline keeps the publication day
        "Trade Minister Aino Lehtola said that the ceasefire draft needed more work before any signature.",
        # the lede's dated statement is another speaker's
        "The farmers' union leader, Kaarel Tamm, said on Tuesday that the ceasefire draft needed more "
        "work before any signature.",
    ],
)
def test_a_headline_keeps_publication_without_the_same_speaker_dated_in_the_lede(
    extractor: Any, lede: str
) -> None:
    text = f"Lehtola Says Ceasefire Draft Needs Work\n\n{lede}\n"
    assert _statement(extractor, text, "Ceasefire Draft Needs Work").date == PUB
