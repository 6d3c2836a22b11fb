"""Speakers on new coverage: names the model tags as bodies, pronouns after a role named beside
its holder, spokespeople of known bodies and one member of a body (needs the spaCy model).

Every sentence is written for the project. Each test first finds the statement, so that a lost
statement fails the test rather than passing it.
"""

from __future__ import annotations

from typing import Any

import pytest

from redline.model import Document, Speaker, Statement

pytestmark = pytest.mark.model


def speaker_of(extractor: Any, text: str, content_words: str) -> Speaker:
    """The speaker of the statement whose content holds ``content_words``."""
    found: list[Statement] = extractor.extract_one(Document(id="t", text=text)).statements
    hits = [s for s in found if content_words in s.content.text]
    assert hits, f"no statement with {content_words!r} in {[s.content.text for s in found]}"
    sp = hits[0].speaker
    assert sp is not None, "the statement has no speaker"
    return sp


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        # a given name the list does not hold: the model tags the name an organisation
        (
            "Marvel's trade minister, Ilse Torvund, said the ferry deal was close to done.",
            "ferry deal",
            "Ilse Torvund",
        ),
        (
            "BUDAPEST - Hungary's government spokesman, Gergely Sarkovi, said the memo proved that "
            "talks work.",
            "memo proved",
            "Gergely Sarkovi",
        ),
    ],
)
def test_a_name_beside_a_role_is_the_speaker_whatever_the_model_tags_it(
    extractor: Any, text: str, content: str, name: str
) -> None:
    # the surname decides: how much of the name the model's entity holds is not this rule's
    assert speaker_of(extractor, text, content).name.split()[-1] == name.split()[-1]


def test_a_surname_ending_in_s_is_still_one_person_a_pronoun_can_take_up(extractor: Any) -> None:
    # "Kravets" is tagged as a plural proper noun; "she" must still find her
    text = (
        "Dorland's envoy, Yegor Palenko, said the plan was dead. He repeated that Dorland would "
        "never sign. Kestria sent its deputy foreign minister, Olena Kravets. Kestria would agree to a "
        "truce only if monitors could reach the front within a week, she said."
    )
    assert speaker_of(extractor, text, "agree to a truce").name == "Olena Kravets"


def test_a_pronoun_skips_a_role_whose_holder_its_gender_rules_out(extractor: Any) -> None:
    # the role ("Dorland's envoy") is the centre of attention, but it stands for the man an
    # earlier "He" took up, so "she" is the woman named after it
    text = (
        "Dorland's envoy, Yegor Palenko, said the plan was dead. He repeated that Dorland would "
        "never sign. Kestria sent its deputy foreign minister, Olena Marchetti. Who, she asked, would "
        "trust a truce nobody could watch?"
    )
    assert speaker_of(extractor, text, "trust a truce").name == "Olena Marchetti"


@pytest.mark.parametrize(
    ("text", "content", "name", "actor_id"),
    [
        (
            "A spokesperson for the European Commission said the funds would stay frozen.",
            "funds would stay frozen",
            "European Commission",
            "european-commission",
        ),
        (
            "A spokesperson for the Swiss foreign ministry said the hall was booked for a week.",
            "hall was booked",
            "Swiss foreign ministry",
            None,
        ),
    ],
)
def test_a_spokesperson_for_a_body_speaks_as_the_body(
    extractor: Any, text: str, content: str, name: str, actor_id: str | None
) -> None:
    sp = speaker_of(extractor, text, content)
    assert (sp.name, sp.actor_id) == (name, actor_id)


def test_a_body_with_no_state_named_keeps_its_spokesperson_unnamed(extractor: Any) -> None:
    sp = speaker_of(extractor, "A spokesman for the ministry said the hall was booked for a week.", "hall")
    assert sp.name == "anonymous official"


def test_she_after_a_body_s_spokeswoman_is_the_body(extractor: Any) -> None:
    text = (
        "A spokeswoman for the European Commission said the funds would stay frozen. No penalty would "
        "be lifted, she added, as part of any deal."
    )
    assert speaker_of(extractor, text, "No penalty").name == "European Commission"


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        # one member of a side's delegation is an unnamed official of that side
        (
            "A member of the Ukrainian delegation said no figure would enter the text.",
            "no figure",
            "anonymous Ukrainian official",
        ),
        # one member of a body that names no side is an unnamed source, not the body
        ("A union member said the mood at the meeting had been bitter.", "mood", "unnamed sources"),
        (
            "A former board member of the harbour trust said the board had never seen the contracts.",
            "board had never seen",
            "unnamed sources",
        ),
    ],
)
def test_one_member_of_a_body_is_a_person(extractor: Any, text: str, content: str, name: str) -> None:
    assert speaker_of(extractor, text, content).name == name


def test_members_of_a_delegation_stay_the_group(extractor: Any) -> None:
    sp = speaker_of(extractor, "Members of the Finnish delegation said the talks were useful.", "talks")
    assert sp.name == "Members of the Finnish delegation"


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        # a lede names the role; the next paragraph names its holder
        (
            "Harbour levy to rise, says transport secretary\n\nThe levy on cargo will rise in May, the "
            "transport secretary told the assembly on Monday.\n\nOpening the debate, transport secretary "
            "Marit Okafor said the port could not run at a loss.",
            "levy on cargo",
            "Marit Okafor",
        ),
        # the story's holder outranks the actor list's, and a rank word is the same office
        (
            "Ukraine's deputy foreign minister said on Thursday that the draft was a step back.\n\n"
            "Oksana Veretska, Ukraine's first deputy foreign minister, leads the working group.",
            "step back",
            "Oksana Veretska",
        ),
    ],
)
def test_a_role_named_before_anyone_is_the_holder_the_story_names_later(
    extractor: Any, text: str, content: str, name: str
) -> None:
    assert speaker_of(extractor, text, content).name == name


def test_a_role_named_before_anyone_is_not_a_holder_of_another_office(extractor: Any) -> None:
    # "vice" makes another office: the vice-chair named later is not the chair
    text = (
        "The port levy will rise in May, the chair said on Monday.\n\n"
        "Later, vice chair Tomas Ilves said the board had not voted yet."
    )
    assert speaker_of(extractor, text, "levy will rise").name != "Tomas Ilves"


def test_a_role_after_someone_is_named_does_not_look_ahead(extractor: Any) -> None:
    # someone is in focus already, so "the senator" is no one the story names only later
    text = (
        "Dana Whitcombe spoke at the rally. The truth, the senator said, was that the levy was unfair.\n\n"
        "Later, senator Ruth Calloway said the rally had been peaceful."
    )
    assert speaker_of(extractor, text, "levy was unfair").name != "Ruth Calloway"


def test_a_name_after_a_role_is_a_person_she_can_take_up(extractor: Any) -> None:
    # a given name the list does not hold: the model tags "Nadiia Brovko" an organisation
    text = (
        "The budget passed with 41 votes. The head of the finance panel, Oleh Marchuk, told the chamber "
        'that a delay would be "a gift to the lenders."\n\n'
        "Opposition deputy Nadiia Brovko said her group had backed the budget reluctantly. "
        '"Austerity cannot become a way of life," she said.'
    )
    assert speaker_of(extractor, text, "way of life").name == "Nadiia Brovko"


def test_a_gendered_title_is_a_title_not_part_of_the_name(extractor: Any) -> None:
    text = (
        'City Attorney Raymond Feld called the sum "the floor, not the ceiling."\n\n'
        "Some council members are in a hurry. Councilwoman Tessa Marlowe said the city had waited three "
        'years for the case to close. "A deal behind closed doors is how we got here," she said.'
    )
    assert speaker_of(extractor, text, "waited three years").name == "Tessa Marlowe"
    assert speaker_of(extractor, text, "closed doors").name == "Tessa Marlowe"


@pytest.mark.parametrize(
    ("capital", "state"), [("Riga", "Latvia"), ("Copenhagen", "Denmark"), ("Ottawa", "Canada")]
)
def test_a_capital_speaks_for_its_state(extractor: Any, capital: str, state: str) -> None:
    sp = speaker_of(extractor, f"{capital} said on Monday that the draft rewarded the aggressor.", "draft")
    assert (sp.name, sp.kind) == (state, "state")
