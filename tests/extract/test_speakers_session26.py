"""Speakers and parties on new coverage (session 26, issue 10): a pronoun is never a speaker's
name, a surname the tagger misreads is still the person named in full, and a place beside a
border locates people without giving them a side. Sentences written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.model import Document, Statement

pytestmark = pytest.mark.model


def _statements(extractor: Any, text: str) -> dict[str, Statement]:
    result = extractor.extract_one(Document(id="s26", text=text, published=date(2026, 3, 2)))
    return {s.content.text: s for s in result.statements}


def test_a_surname_the_tagger_reads_as_a_nationality_is_the_person_named_in_full(extractor: Any) -> None:
    # "Danish" alone is tagged a nationality: the "he" after it found no one and kept "he"
    text = (
        "The harbour master's lawyer, Anton Danish, asked the court for another month.\n\n"
        "Several traders are losing patience. Trader Mira Solberg said the market had waited two "
        'years for a ruling. "Every month costs us customers," she said.\n\n'
        "Danish rejected that complaint. Hearings are held in public, he noted, and the judge "
        "sets every date."
    )
    found = _statements(extractor, text)
    said = found["Hearings are held in public"]
    assert said.speaker is not None and said.speaker.name == "Anton Danish"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('"We are not leaving the table," she said on Tuesday.', "We are not leaving the table"),
        (
            "Nothing had been agreed by midnight, they told reporters after the meeting.",
            "Nothing had been agreed by midnight",
        ),
    ],
)
def test_a_pronoun_no_one_is_named_for_leaves_the_speaker_unknown(
    extractor: Any, text: str, content: str
) -> None:
    # the speaker was "she" or "They": an actor no analyst can count, listed beside real ones
    found = _statements(extractor, text)
    assert content in found  # still a statement
    assert found[content].speaker is None  # unknown, as the store and the exports mark it


def test_a_pronoun_with_someone_to_stand_for_still_names_them(extractor: Any) -> None:
    text = 'Port director Lena Varga met the unions on Monday. "The cranes stay idle," she said.'
    speaker = _statements(extractor, text)["The cranes stay idle"].speaker
    assert speaker is not None and speaker.name == "Lena Varga"


@pytest.mark.parametrize(
    "text",
    [
        "Mayors of villages along the Russian border said the buffer zone would leave their towns exposed.",
        "Farmers near the border with Belarus said the new fence cut their fields in two.",
    ],
)
def test_people_beside_a_border_are_not_that_state_s_side(extractor: Any, text: str) -> None:
    (said,) = _statements(extractor, text).values()
    assert said.speaker is not None and said.speaker.party is None


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "The envoys met for six hours. A joint statement said the delegations would meet again "
            "in May. The statement added that the dam would stay open.",
            "the dam would stay open",
            "joint statement",
            id="taken up: the document's label, as first named, without its article",
        ),
        pytest.param(
            "The envoys met for six hours. A joint statement said the delegations would meet again in May.",
            "the delegations would meet again in May",
            "joint statement",
            id="no maker named: the document itself",
        ),
        pytest.param(
            "Norway issued a statement on Friday. The statement said the fishing quota would not change.",
            "the fishing quota would not change",
            "Norway",
            id="a maker named for the document: the maker",
        ),
    ],
)
def test_a_document_speaks_for_its_maker_else_under_its_own_label(
    extractor: Any, text: str, content: str, speaker: str
) -> None:
    # GUIDE.md and NOTES.md: a document with a say-type verb is a source; without a maker the
    # text names, its label is the document ("statement", "joint statement"), never "A joint
    # statement" beside "joint statement" as two actors
    said = _statements(extractor, text)[content]
    assert said.speaker is not None and said.speaker.name == speaker


def test_a_lead_s_bare_role_is_the_one_person_given_that_role_later(extractor: Any) -> None:
    # "The prosecutor" stayed "prosecutor": the story's only prosecutor is named a line later,
    # her role with words the lead left out ("the court's chief prosecutor")
    text = (
        "The prosecutor preparing the fraud cases says an amnesty would empty the court's docket.\n\n"
        '"Nobody can pardon a crime before a trial," Lena Broek, the court\'s chief prosecutor, '
        "said on Tuesday."
    )
    said = _statements(extractor, text)["an amnesty would empty the court's docket"]
    assert said.speaker is not None and said.speaker.name == "Lena Broek"


def test_a_lead_s_bare_role_two_people_share_stays_unnamed(extractor: Any) -> None:
    text = (
        "The secretary said the budget would pass. Defence secretary Rowan Pike and foreign "
        "secretary Ada Lind met on Monday."
    )
    said = _statements(extractor, text)["the budget would pass"]
    assert said.speaker is not None and said.speaker.name == "secretary"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "Flights of Brenlo Air were grounded on Friday after a strike by baggage handlers. "
            "The airline said passengers could rebook free of charge.",
            "passengers could rebook free of charge",
            "Brenlo Air",
            id="the airline",
        ),
        pytest.param(
            "Brenlo Air and its pilots reached a deal on Saturday. The Brenlan Pilots' Association "
            "said the deal met its demands. Passengers can rebook free of charge, the airline said.",
            "Passengers can rebook free of charge",
            "Brenlo Air",
            id="not a body whose name says it is another kind",
        ),
        pytest.param(
            "The Harbour Workers Union called a strike on Monday. "
            "The group said the strike would last a week.",
            "the strike would last a week",
            "Harbour Workers Union",
            id="the group: a body of any kind",
        ),
    ],
)
def test_a_definite_body_noun_takes_up_the_body_named_before(
    extractor: Any, text: str, content: str, speaker: str
) -> None:
    # "the airline", "the group" were speakers of their own, beside the body they stand for
    said = _statements(extractor, text)[content]
    assert said.speaker is not None and said.speaker.name == speaker


def test_a_definite_body_noun_with_no_body_before_stays_itself(extractor: Any) -> None:
    said = _statements(extractor, "Talks in Oslo stalled on Monday. The group said it would walk out.")
    assert said["it would walk out"].speaker is not None
    assert said["it would walk out"].speaker.name == "group"  # not Oslo, a place
