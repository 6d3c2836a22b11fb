"""Error classes found on the fourth unseen batch (benchmarks/data/unseen4, session 22): a regional
TV strike story, a climate summit, merger talks, a newsletter, a long-form profile and a council
budget story. Each test is one general class, on the project's own sentences (not the batch's),
with the negative case beside it."""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import Attributed, said_by

pytestmark = pytest.mark.model

BODY = "\n\nHARWICK - The two sides met again on Tuesday, a union official said."


def _headline(attributed: Attributed, headline: str) -> list[tuple[str, str | None]]:
    return [(a.content, a.source) for a in attributed(headline + BODY) if a.start < len(headline)]


# --- headlines signed by a plural source -------------------------------------------------------


@pytest.mark.parametrize(
    ("headline", "content", "source"),
    [
        # a plural source takes the plural present ("say", tagged VBP), like "says" and "said"
        ("Grain tariff deal within reach, negotiators say", "Grain tariff deal within reach", "negotiators"),
        # "sources" is also an editorial label ("Sources: ..."), but not when it signs a headline
        (
            "Kelvar in talks to buy Tansy Foods for about $2 billion, sources say",
            "Kelvar in talks to buy Tansy Foods for about $2 billion",
            "sources",
        ),
        (
            "Lindqvist in advanced talks to sell its bakery arm, sources say",
            "Lindqvist in advanced talks to sell its bakery arm",
            "sources",
        ),
    ],
)
def test_a_headline_signed_by_a_plural_source_is_a_statement(
    attributed: Attributed, headline: str, content: str, source: str
) -> None:
    assert _headline(attributed, headline) == [(content, source)]


@pytest.mark.parametrize(
    "headline",
    [
        "Council budget goes to a vote, but residents must have their say",  # "say" the noun
        "Harbour reopening delayed again, video shows",  # no speech verb, no source
    ],
)
def test_a_headline_not_signed_by_a_source_is_no_statement(attributed: Attributed, headline: str) -> None:
    assert _headline(attributed, headline) == []


# --- page furniture ----------------------------------------------------------------------------


def test_a_related_link_line_is_no_statement(attributed: Attributed) -> None:
    text = (
        "The ferry operator said on Monday that crossings would resume next week.\n\n"
        "Related: Harbour fees rise as traffic climbs"
    )
    found = attributed(text)
    assert [a.content for a in found] == ["crossings would resume next week"]


def test_the_verb_related_still_reports(attributed: Attributed) -> None:
    found = attributed("The envoy related that the talks had broken down over the water quota.")
    assert [(a.content, a.cue) for a in found] == [
        ("the talks had broken down over the water quota", "related")
    ]


# --- who speaks ------------------------------------------------------------------------------


def test_a_title_the_model_ran_into_a_name_is_not_part_of_it(extractor: Any) -> None:
    # the small model tags "Councillor Marisol Ventura" as one ORG: the title opens a person's name
    text = (
        "The budget talks ended on Tuesday with a deal backed by the Independent group led by "
        "Councillor Marisol Ventura.\n\nVentura had made the bus routes her red line. Speaking after "
        "the vote, she said the routes would stay."
    )
    assert said_by(extractor, text) == [("Marisol Ventura", "the routes would stay")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a title before one capitalised word of a body's name does not make a person
        ("General Motors said it would keep the plant open.", "General Motors"),
        # nor before a body word ("Office")
        ("Councillor Office staff said the hall would close early.", "Councillor Office staff"),
    ],
)
def test_a_title_word_in_a_bodys_name_stays_in_it(extractor: Any, text: str, name: str) -> None:
    assert said_by(extractor, text)[0][0] == name


def test_the_source_of_according_to_is_who_a_later_pronoun_means(extractor: Any) -> None:
    text = (
        "Councillor Marisol Ventura leads the Independent group.\n\n"
        "A spokesperson for the Harbour Residents Association said the group was relieved.\n\n"
        'According to Ventura, the talks nearly collapsed on Monday. "That was a close call," she said.'
    )
    assert said_by(extractor, text)[-1] == ("Marisol Ventura", "That was a close call")


def test_an_object_that_is_no_source_is_still_not_the_pronouns(extractor: Any) -> None:
    text = (
        "Councillor Marisol Ventura met the harbour master, Ines Calloway, on Monday. "
        '"That was a close call," she said afterwards.'
    )
    assert said_by(extractor, text)[-1] == ("Marisol Ventura", "That was a close call")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A spokesperson for the Tarrow Canoe Club said the club was relieved.", "Tarrow Canoe Club"),
        ("A Halden Freight spokesman said the offer was fair.", "Halden Freight"),
        (
            "Kelvar Foods shares fell. A Kelvar spokeswoman said the company would not comment.",
            "Kelvar",
        ),
    ],
)
def test_an_unnamed_spokesperson_speaks_as_the_organisation(extractor: Any, text: str, name: str) -> None:
    assert said_by(extractor, text)[-1][0] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a place gives the spokesperson a side, not a body
        ("A French spokesman said the offer was fair.", "anonymous French official"),
        # a named spokesperson is the person
        ("A spokeswoman for the canoe club, Ines Dorrego, said the club was relieved.", "Ines Dorrego"),
    ],
)
def test_a_spokesperson_of_a_place_or_with_a_name_is_not_the_organisation(
    extractor: Any, text: str, name: str
) -> None:
    assert said_by(extractor, text)[-1][0] == name


def test_a_by_phrase_inside_what_a_statement_says_is_not_its_maker(extractor: Any) -> None:
    text = (
        "The Tarrow Residents Group issued a statement saying it would "
        '"not be hurried into a bad deal by the calendar."'
    )
    assert said_by(extractor, text)[0][0] == "Tarrow Residents Group"


def test_a_by_phrase_on_the_statement_still_names_its_maker(extractor: Any) -> None:
    text = "A joint statement released late on Friday by the two ministries said the talks would resume."
    assert said_by(extractor, text)[0][0] == "two ministries"


# --- questions put to a speaker ------------------------------------------------------------------


def test_a_fronted_question_put_to_the_speaker_is_not_her_statement(extractor: Any) -> None:
    # the parser makes the fronted participle a complement of "laughs", not an adverbial clause
    text = (
        "She says that was where she learned it.\n\n"
        "Asked whether she expects a deal before she retires, she laughs. "
        "“I expected a deal in May,” she says."
    )
    assert [content for _, content in said_by(extractor, text)] == [
        "was where she learned it",
        "I expected a deal in May",
    ]


def test_a_speaker_who_asks_still_asks(attributed: Attributed) -> None:
    found = attributed("The council asked whether the depot could wait a year.")
    assert [(a.content, a.cue) for a in found] == [("the depot could wait a year", "asked")]


# --- a quotation over paragraphs -------------------------------------------------------------------


def test_a_quote_reopened_in_the_next_paragraph_is_one_statement_per_paragraph(
    attributed: Attributed,
) -> None:
    text = (
        "“Most people think a strike is about money,” she says. “It rarely is. It is about being heard.\n\n"
        "“Nobody walks out over a few cents. They walk out when nobody listens.”"
    )
    assert [a.content.rstrip(".") for a in attributed(text)] == [
        "Most people think a strike is about money",
        "It rarely is. It is about being heard",
        "Nobody walks out over a few cents. They walk out when nobody listens",
    ]


def test_a_quote_closed_in_its_paragraph_is_not_cut(attributed: Attributed) -> None:
    text = (
        "“Most people think a strike is about money. It rarely is,” she says.\n\n"
        "The union has not struck since 2019."
    )
    assert [a.content for a in attributed(text)] == [
        "Most people think a strike is about money. It rarely is"
    ]


# --- bulleted quotes in a newsletter --------------------------------------------------------------

NEWSLETTER = (
    "WHAT THEY SAID\n\n"
    "- The port authority's chief negotiator, Harbour Master Willem Strand: "
    "“We have settled the easy parts. The dredging comes next.”\n"
    "- Mediator Odile Farrant of the Lake Council: both teams had “moved a long way,” she told "
    "the newsletter, adding that she expects another round in July.\n"
)


def test_a_bulleted_label_before_a_quote_names_its_speaker(extractor: Any) -> None:
    found = said_by(extractor, NEWSLETTER)
    assert found[0] == ("Willem Strand", "We have settled the easy parts. The dredging comes next")


def test_a_bulleted_label_before_fronted_words_is_who_the_pronoun_is(extractor: Any) -> None:
    found = dict((content, name) for name, content in said_by(extractor, NEWSLETTER))
    said = next(c for c in found if c.startswith("both teams"))
    assert "Odile Farrant" in (found[said] or "")


@pytest.mark.parametrize(
    "line",
    [
        "Quote of the week: “A harbour is only as deep as its politics.”",  # no one named
        "A lesson from Mayor Ruth Ngata: “Always read the small print.”",  # headed by a lesson
    ],
)
def test_a_line_label_that_names_no_speaker_gives_none(extractor: Any, line: str) -> None:
    found = said_by(extractor, "The talks ended on Friday.\n\n" + line)
    assert all(
        name is None or ("lesson" not in name.lower() and "quote" not in name.lower()) for name, _ in found
    )
