"""Every speaker in a party: unnamed officials, groups, capitals and media (needs the spaCy model).

The sentences are written for the project. Each test first checks that the statement and its
speaker were found at all, so that a lost statement fails the test rather than passing it.
"""

from __future__ import annotations

from typing import Any

import pytest

from redline.extract.speakers import SpeakerResolver
from redline.knowledge.actors import load_actors
from redline.model import Document, Speaker, Statement

pytestmark = pytest.mark.model


def statements(extractor: Any, text: str) -> list[Statement]:
    found: list[Statement] = extractor.extract_one(Document(id="t", text=text)).statements
    return found


def speaker_of(extractor: Any, text: str, content_words: str) -> Speaker:
    """The speaker of the statement whose content holds ``content_words``."""
    found = [s for s in statements(extractor, text) if content_words in s.content.text]
    assert found, (
        f"no statement with {content_words!r} in {[s.content.text for s in statements(extractor, text)]}"
    )
    sp = found[0].speaker
    assert sp is not None, "the statement has no speaker"
    return sp


@pytest.mark.parametrize(
    ("text", "content", "name", "party"),
    [
        (
            "A senior Ukrainian official said the draft left the army cap open.",
            "army cap",
            "anonymous Ukrainian official",
            "ukraine",
        ),
        (
            "A US official, speaking on condition of anonymity, said the envoys would meet on Friday.",
            "envoys would meet",
            "anonymous US official",
            "united_states",
        ),
        (
            "Two American officials told reporters that the sanctions would stay in place.",
            "sanctions would stay",
            "anonymous US official",
            "united_states",
        ),
        (
            "Russian negotiators said the corridor had to be demilitarised first.",
            "corridor",
            "anonymous Russian official",
            "russia",
        ),
        (
            "Sources in Kyiv said the delegation would fly home on Sunday.",
            "fly home",
            "anonymous Ukrainian official",
            "ukraine",
        ),
        (
            "French officials said the monitoring mission needed a mandate.",
            "monitoring mission",
            "anonymous French official",
            "europe",
        ),
    ],
)
def test_unnamed_officials_speak_for_their_side(
    extractor: Any, text: str, content: str, name: str, party: str
) -> None:
    sp = speaker_of(extractor, text, content)
    assert sp.name == name
    assert sp.party == party


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "U.S. and Ukrainian officials said the working groups would meet again.",
            "working groups",
            "anonymous US and Ukrainian officials",
        ),
        (
            "US and Ukrainian officials said the working groups would meet again.",
            "working groups",
            "anonymous US and Ukrainian officials",
        ),
        (
            "Russian and French diplomats said the prisoner lists had been swapped.",
            "prisoner lists",
            "anonymous Russian and French officials",
        ),
    ],
)
def test_unnamed_officials_of_two_sides_get_one_joint_label(
    extractor: Any, text: str, content: str, name: str
) -> None:
    """The guide's joint label, however the places are spelt, so that one group is one actor;
    it speaks for no single side."""
    sp = speaker_of(extractor, text, content)
    assert (sp.name, sp.party) == (name, None)


def test_unnamed_officials_of_one_side_keep_its_label(extractor: Any) -> None:
    sp = speaker_of(extractor, "French and German officials said the fund was ready.", "fund was ready")
    assert (sp.name, sp.party) == ("French and German officials", "europe")


@pytest.mark.parametrize(
    ("text", "content", "party"),
    [
        ("Moscow said the proposal ignored the causes of the war.", "ignored the causes", "russia"),
        ("Kyiv said the new text was a better basis for talks.", "better basis", "ukraine"),
        ("Washington said the deadline could slip by a week.", "deadline could slip", "united_states"),
    ],
)
def test_capitals_speak_for_their_state(extractor: Any, text: str, content: str, party: str) -> None:
    sp = speaker_of(extractor, text, content)
    assert sp.actor_id is not None and sp.kind == "state"
    assert sp.party == party


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("European leaders said any settlement needed firm guarantees for Ukraine.", "firm guarantees"),
        ("The E3 said the sanctions should remain until a ceasefire holds.", "sanctions should remain"),
        ("Western diplomats said the summit was unlikely before spring.", "summit was unlikely"),
    ],
)
def test_european_groups_are_europe(extractor: Any, text: str, content: str) -> None:
    sp = speaker_of(extractor, text, content)
    assert sp.party == "europe"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Reuters reported that the two delegations met for five hours.", "two delegations met"),
        ("Local media reported that the talks would resume in the spring.", "talks would resume"),
        ("TASS said the Russian side had received the document.", "received the document"),
    ],
)
def test_media_are_their_own_kind(extractor: Any, text: str, content: str) -> None:
    sp = speaker_of(extractor, text, content)
    assert sp.kind == "media"
    assert sp.party is None


def test_a_named_person_keeps_their_party(extractor: Any) -> None:
    text = "Friedrich Merz said Europe would not accept a deal made over its head."
    sp = speaker_of(extractor, text, "would not accept")
    assert sp.actor_id == "friedrich-merz"
    assert (sp.party, sp.kind) == ("europe", "person")


def test_an_unknown_office_holder_takes_the_party_of_the_office(extractor: Any) -> None:
    text = "Latvian Prime Minister Anna Berzina said the Baltic states would keep their own sanctions."
    sp = speaker_of(extractor, text, "keep their own sanctions")
    assert sp.actor_id is None and sp.name == "Anna Berzina"
    assert sp.party == "europe"


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Irish Prime Minister Aoife Byrne said Dublin would send deminers.", "europe"),
        ("Portuguese Foreign Minister Rui Costa said Lisbon would send deminers.", "europe"),
        ("Canadian Defence Minister Jean Tremblay said Ottawa would send deminers.", "other"),
    ],
)
def test_an_office_holder_of_any_eu_state_or_ally_has_a_side(extractor: Any, text: str, party: str) -> None:
    assert speaker_of(extractor, text, "would send deminers").party == party


EU_MEMBERS = (
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN "
    "ESP SWE"
)


def test_every_eu_member_state_is_a_place_on_the_european_side() -> None:
    actors = load_actors()
    states = {a.country: a for a in actors.actors.values() if a.type == "state"}
    missing = [c for c in EU_MEMBERS.split() if c not in states or states[c].id not in actors.places]
    assert not missing, missing
    assert {states[c].party for c in EU_MEMBERS.split()} == {"europe"}


@pytest.mark.parametrize(
    "text",
    [
        "The Slovak premier said the talks in Geneva had been useful.",
        "Slovak Premier Hails Talks\n\nThe meeting ended late on Friday.",
    ],
)
def test_an_office_named_by_its_state_alone_takes_the_state_party(extractor: Any, text: str) -> None:
    content = "useful" if "useful" in text else "Talks"
    sp = speaker_of(extractor, text, content)
    assert sp.actor_id is None and sp.name.lower() == "slovak premier"
    assert sp.party == "europe"


def test_an_analyst_is_no_side(extractor: Any) -> None:
    text = "Russian political analyst Pavel Orlov said the Kremlin was playing for time."
    sp = speaker_of(extractor, text, "playing for time")
    assert sp.name == "Pavel Orlov"
    assert sp.party is None


def test_states_joined_by_and_speak_jointly(extractor: Any) -> None:
    text = "Russia and Ukraine said the exchange of prisoners would go ahead on Thursday."
    sp = speaker_of(extractor, text, "exchange of prisoners")
    assert sp.name == "Russia and Ukraine"
    assert sp.party is None  # two sides, not one


def test_the_extraction_contract_carries_party_and_kind(extractor: Any) -> None:
    text = "A senior European official said the guarantees were the hardest part."
    found = [s for s in statements(extractor, text) if "guarantees" in s.content.text]
    assert found and found[0].speaker is not None
    record = found[0].to_dict()["speaker"]
    assert {"name", "actor_id", "mention", "start", "end"} <= set(record)
    assert (record["party"], record["kind"]) == ("europe", "person")


def test_a_source_that_names_no_one_is_no_speaker(extractor: Any) -> None:
    """Issue 10: a source span that is no one ("the use", "Moscow's turn") makes no speaker; a
    possessor that can speak does ("Putin's refusal")."""
    resolver = SpeakerResolver(load_actors())
    text = "Putin's refusal came late. The use of force was discussed. It was Moscow's turn to answer."
    doc = extractor.nlp(text)
    mentions = resolver.finder.find(doc)

    def at(phrase: str) -> Speaker | None:
        start = text.index(phrase)
        return resolver.resolve(doc, (start, start + len(phrase)), mentions)

    refusal = at("Putin's refusal")
    assert refusal is not None and refusal.actor_id == "vladimir-putin"
    assert at("The use of force") is None
    turn = at("Moscow's turn")
    assert turn is None or turn.actor_id == "russia"


def test_a_nationality_takes_up_the_person_of_that_country(extractor: Any) -> None:
    text = (
        "Mark Rutte arrived in Berlin on Monday for talks with the chancellor. "
        "The Dutch leader said the alliance would keep supplying air defence."
    )
    sp = speaker_of(extractor, text, "keep supplying")
    assert sp.actor_id == "mark-rutte"
    assert sp.party == "nato"  # his party is the alliance's, not the Netherlands'


def test_a_bare_quote_continues_the_last_speaker(extractor: Any) -> None:
    text = (
        'Kaja Kallas said on Tuesday that the sanctions package was ready. "We will not lift them '
        'while the shelling goes on."'
    )
    sp = speaker_of(extractor, text, "will not lift")
    assert sp.actor_id == "kaja-kallas"
    assert sp.party == "eu"


def test_a_document_takes_up_its_named_owner(extractor: Any) -> None:
    text = (
        "Leaders signed the Helsinki declaration on Monday. "
        "The declaration said that borders could not be changed by force."
    )
    sp = speaker_of(extractor, text, "borders could not be changed")
    assert sp.kind == "document"
    assert sp.party == "europe"


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "The budget speech ran long. In Warsaw, officials said it held nothing new.",
            "held nothing new",
            "anonymous Polish official",
        ),
        (
            "In private, French officials were less polite. One senior official said the fund was a fiction.",
            "fund was a fiction",
            "anonymous French official",
        ),
        (
            "US officials called the text a first draft. "
            "A senior administration official said more changes were due.",
            "more changes were due",
            "anonymous US official",
        ),
    ],
)
def test_an_unnamed_source_takes_the_side_the_story_just_gave_it(
    extractor: Any, text: str, content: str, name: str
) -> None:
    assert speaker_of(extractor, text, content).name == name


@pytest.mark.parametrize(
    "text",
    [
        # two sides named before: which one is not said
        "US officials met Russian officials in Riyadh. An official said the talks were useful.",
        # a place that is no side of the talks
        "In Geneva, officials said the talks were useful.",
        # no group named before
        "The talks ended late on Friday. Officials said the talks were useful.",
    ],
)
def test_an_unnamed_source_with_no_side_given_stays_unplaced(extractor: Any, text: str) -> None:
    sp = speaker_of(extractor, text, "talks were useful")
    assert sp.party is None and sp.name == "anonymous official", sp
