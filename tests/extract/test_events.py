"""Event finding on short sentences written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.extract.events import EventFinder
from redline.knowledge.events import load_events
from redline.model import Event, Mention, Span

PUB = date(2025, 11, 27)  # a Thursday

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def finder() -> EventFinder:
    return EventFinder(load_events())


def find(nlp: Any, finder: EventFinder, text: str, published: date | None = PUB) -> list[Event]:
    return finder.find(nlp(text), published, [], "doc")


@pytest.mark.parametrize(
    ("text", "etype", "actor", "place"),
    [
        ("Zelensky visited Washington on Monday.", "visit", "Zelensky", "Washington"),
        ("Rubio met Umerov in Geneva on Sunday.", "meeting", "Umerov", "Geneva"),
        ("Ukrainian and American negotiators held talks in Abu Dhabi last week.", "talks", None, "Abu Dhabi"),
        (
            "The White House unveiled a revised 19-point framework on Tuesday.",
            "proposal",
            "White House",
            None,
        ),
        ("Macron told reporters in Paris that Europe must be at the table.", "statement", "Macron", "Paris"),
        (
            "A court in Moscow sentenced a journalist to ten years in prison.",
            "legal_action",
            "court",
            "Moscow",
        ),
        ("A missile attack on Odesa killed three people overnight.", "attack", None, None),
        ("Both sides agreed to a 30-day energy ceasefire in March.", "ceasefire", None, None),
        ("Russia and Ukraine exchanged prisoners on Friday.", "prisoner_exchange", "Ukraine", None),
        (
            "The European Union imposed new sanctions on Russian oil companies yesterday.",
            "sanction",
            "European Union",
            None,
        ),
    ],
)
def test_each_event_type(
    nlp: Any, finder: EventFinder, text: str, etype: str, actor: str | None, place: str | None
) -> None:
    events = [e for e in find(nlp, finder, text) if e.type == etype]
    assert len(events) == 1, find(nlp, finder, text)
    event = events[0]
    if actor:
        assert actor in event.actors
    if place:
        assert event.place == place
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text
    assert event.date is not None


def test_dates_come_from_the_sentence(nlp: Any, finder: EventFinder) -> None:
    (talks,) = find(nlp, finder, "Ukrainian and American negotiators held talks in Abu Dhabi last week.")
    assert (talks.date, talks.date_precision) == (date(2025, 11, 20), "week")
    (visit,) = find(nlp, finder, "Zelensky visited Washington on Monday.")
    assert (visit.date, visit.date_precision) == (date(2025, 11, 24), "day")


@pytest.mark.parametrize(
    "text",
    [
        "Witkoff is expected to travel to Moscow.",
        "Trump will meet Putin in Budapest.",
        "The envoy would soon fly to Moscow.",
    ],
)
def test_planned_events_have_no_made_up_date(nlp: Any, finder: EventFinder, text: str) -> None:
    (event,) = find(nlp, finder, text)
    assert event.planned
    assert event.date is None


def test_planned_event_with_a_date(nlp: Any, finder: EventFinder) -> None:
    (event,) = find(nlp, finder, "Witkoff is expected to travel to Moscow next week.")
    assert event.planned
    assert (event.date, event.date_precision) == (date(2025, 12, 4), "week")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # published on a Thursday: the Monday still to come, not the one just past
        ("The envoys will hold talks in Vienna on Monday.", date(2025, 12, 1)),
        ("Ankara would host a new round of talks on Saturday.", date(2025, 11, 29)),
        ("The ministers will meet in Geneva on Thursday.", date(2025, 11, 27)),
    ],
)
def test_a_planned_event_on_a_weekday_looks_forward(
    nlp: Any, finder: EventFinder, text: str, day: date
) -> None:
    events = find(nlp, finder, text)
    assert events and all(e.planned for e in events)
    assert {(e.date, e.date_precision) for e in events} == {(day, "day")}


def test_hosting_an_event_is_that_one_event(nlp: Any, finder: EventFinder) -> None:
    (event,) = find(nlp, finder, "Ankara would host a new round of talks on Saturday.")
    assert (event.type, event.actors, event.date) == ("talks", ["Ankara"], date(2025, 11, 29))
    (visit,) = find(nlp, finder, "The president will host the envoy in Vienna on Friday.")
    assert visit.type == "meeting"  # a person hosted is a meeting, not an event inside one


def test_a_past_event_on_a_weekday_looks_back(nlp: Any, finder: EventFinder) -> None:
    (event,) = find(nlp, finder, "The envoys held talks in Vienna on Monday.")
    assert not event.planned and event.date == date(2025, 11, 24)


def test_past_event_is_not_planned(nlp: Any, finder: EventFinder) -> None:
    (event,) = find(nlp, finder, "Witkoff travelled to Moscow on Tuesday.")
    assert not event.planned
    assert event.place == "Moscow"


def test_passing_mentions_and_purposes_are_not_events(nlp: Any, finder: EventFinder) -> None:
    assert find(nlp, finder, "The US took Russia's position into account in negotiations.") == []
    events = find(nlp, finder, "Witkoff will travel to Moscow for more talks.")
    assert [e.type for e in events] == ["visit"]


def test_only_agents_are_actors(nlp: Any, finder: EventFinder) -> None:
    (event,) = find(nlp, finder, "The text was drafted by Witkoff on Monday.")
    assert event.type == "proposal"
    assert event.actors == ["Witkoff"]
    (told,) = find(
        nlp, finder, "The head of the Ukrainian delegation told reporters on Sunday that talks went well."
    )
    assert told.actors == ["head of the Ukrainian delegation"]


def test_places_drop_the_article(nlp: Any, finder: EventFinder) -> None:
    (visit,) = find(nlp, finder, "Zelensky will travel to the United States.")
    assert visit.place == "United States"


def test_reveal_without_a_plan_is_not_a_proposal(nlp: Any, finder: EventFinder) -> None:
    assert find(nlp, finder, "The minister revealed that he was ill.") == []


def test_mentions_give_canonical_names(nlp: Any, finder: EventFinder) -> None:
    text = "Witkoff visited Moscow on Tuesday."
    mention = Mention(Span("Witkoff", 0, 7), "steve-witkoff", "Steve Witkoff")
    (event,) = finder.find(nlp(text), PUB, [mention], "doc")
    assert event.actors == ["Steve Witkoff"]
    assert event.actor_ids == ["steve-witkoff"]


def test_without_publication_date(nlp: Any, finder: EventFinder) -> None:
    (event,) = find(nlp, finder, "Zelensky visited Washington on Monday.", None)
    assert event.date is None
    (attack,) = find(nlp, finder, "The 2022 attack on the bridge was claimed by Ukraine.", None)
    assert (attack.date, attack.date_precision) == (date(2022, 1, 1), "year")


def test_empty_and_eventless_documents(nlp: Any, finder: EventFinder) -> None:
    assert find(nlp, finder, "") == []
    assert find(nlp, finder, "The weather was cold.") == []


def test_ids_are_stable(nlp: Any, finder: EventFinder) -> None:
    text = "Rubio met Umerov in Geneva on Sunday."
    assert [e.id for e in find(nlp, finder, text)] == [e.id for e in find(nlp, finder, text)]


@pytest.mark.parametrize(
    "text",
    [
        "MARLOW — The Port Authority on Monday handed the shipping lines a draft of the new fee schedule.",
        "MARLOW, April 6 (Harbour Wire) - The Port Authority handed the shipping lines a draft fee schedule.",
    ],
)
def test_a_dateline_is_where_the_story_was_filed_not_who_acted(
    nlp: Any, finder: EventFinder, text: str
) -> None:
    """The parser made the filing place a subject ("MARLOW" the one who handed the draft) and
    the body a second subject or its apposition; the timeline named the place as the actor."""
    (event,) = [e for e in find(nlp, finder, text) if e.type == "proposal"]
    assert event.actors == ["Port Authority"]
