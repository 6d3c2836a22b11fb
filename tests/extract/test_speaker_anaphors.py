"""Sources that point back to a speaker named before them (issue 10: non-speakers become actors):
"The statement said" is the words of whoever issued it, a bare plural ("leaders said") takes up
the group named before, a role a pronoun gives ("his spokesman") is read as if named. Sentences
written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.knowledge.actors import load_actors
from redline.model import Document

pytestmark = pytest.mark.model


def _speakers(extractor: Any, text: str) -> dict[str, str | None]:
    result = extractor.extract_one(Document(id="s", text=text, published=date(2025, 12, 1)))
    return {s.content.text: (s.speaker.name if s.speaker else None) for s in result.statements}


SPLIT = (
    "Opposition leaders were split on Monday. Some said the vote should wait for a ceasefire, "
    "while others said the country should begin preparing now."
)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "The Finnish foreign ministry said the talks had been useful. "
            "The statement said the two sides would meet again in March.",
            "the two sides would meet again in March",
            "Finnish foreign ministry",
            id="the statement after a speaker is that speaker's",
        ),
        pytest.param(
            "The Kremlin issued a statement on Friday. The statement said Moscow was ready for talks.",
            "Moscow was ready for talks",
            "Kremlin",
            id="the statement a body issued is that body's",
        ),
        pytest.param(
            "European leaders met in Oslo on Monday. They said the force would be ready within a year. "
            "The readout said the leaders would back a monitoring mission.",
            "the leaders would back a monitoring mission",
            "European leaders",
            id="a readout goes on from a group named by a pronoun",
        ),
        pytest.param(
            "Nordic leaders met in Oslo on Friday. After hours of talks, leaders said the fund was agreed.",
            "the fund was agreed",
            "Nordic leaders",
            id="a bare plural takes up the group named before",
        ),
        pytest.param(
            "Russian officials met on Monday. Officials said the convoy had left.",
            "the convoy had left",
            "anonymous Russian official",
            id="a bare plural takes up the group under its label",
        ),
        pytest.param(
            "Vladimir Putin met the envoy on Tuesday. His spokesman said the meeting had been useful.",
            "the meeting had been useful",
            "Dmitry Peskov",
            id="a role a pronoun gives is its one holder",
        ),
        pytest.param(
            "Vladimir Putin met the envoy on Tuesday. A member of his team said the talks would go on.",
            "the talks would go on",
            "member of Putin's team",
            id="a role a pronoun gives is named for its owner",
        ),
        pytest.param(SPLIT, "the vote should wait for a ceasefire", "Opposition leaders", id="some"),
        pytest.param(SPLIT, "the country should begin preparing now", "Opposition leaders", id="others"),
        pytest.param(
            "Three farm economists read the bill. All of them said the subsidy cap was too low.",
            "the subsidy cap was too low",
            "Three farm economists",
            id="all of them",
        ),
    ],
)
def test_a_source_that_points_back_takes_up_the_speaker_named_before(
    extractor: Any, text: str, content: str, speaker: str
) -> None:
    found = _speakers(extractor, text)
    assert found[content] == speaker, found


def test_a_statement_someone_rejected_is_not_theirs(extractor: Any) -> None:
    # the earlier statement is the object of a rejection: whose it is stays unsaid
    text = "Ukraine rejected the statement on Friday. The statement said Moscow was ready for talks."
    assert _speakers(extractor, text)["Moscow was ready for talks"] != "Ukraine"


def test_a_speaker_two_sentences_back_is_too_far(extractor: Any) -> None:
    text = (
        "The Finnish foreign ministry said the talks had been useful. Rain fell on the capital all day. "
        "The statement said the two sides would meet again in March."
    )
    found = _speakers(extractor, text)
    assert found["the two sides would meet again in March"] != "Finnish foreign ministry", found


def test_a_plan_is_no_issued_statement() -> None:
    # a plan or draft is made for others to weigh: it does not go on from the last speaker
    kb = load_actors()
    assert "issue" in kb.issuing_verbs(["the", "statement"])
    assert kb.issuing_verbs(["the", "draft"]) == frozenset()
    assert kb.issuing_verbs(["the", "ministers"]) == frozenset()


def test_the_statement_they_spoke_in_is_the_speakers_they_were_read_as(extractor: Any) -> None:
    # "in a joint statement ..., the leaders of X, Y and Z said": the later "statement" is theirs,
    # as the first statement's speaker names them, not a bare "leaders"
    text = (
        "In a joint statement issued after the summit, the leaders of Norway, Denmark and Sweden said "
        "the force would be ready within a year. The statement said the leaders would back a monitoring "
        "mission."
    )
    found = _speakers(extractor, text)
    first = found["the force would be ready within a year"]
    assert first is not None and first.startswith("leaders of Norway")
    assert found["the leaders would back a monitoring mission"] == first, found


def test_a_bare_plural_does_not_take_up_one_person(extractor: Any) -> None:
    text = "A Russian official spoke on Monday. Officials said the convoy had left."
    assert _speakers(extractor, text)["the convoy had left"] != "anonymous Russian official"


def test_a_named_counterpart_keeps_the_name(extractor: Any) -> None:
    text = "Putin and his American counterpart Donald Trump welcomed the chance to meet in person."
    result = extractor.extract_one(Document(id="s", text=text, published=date(2025, 12, 1)))
    assert {s.speaker.name for s in result.statements if s.speaker} == {"Vladimir Putin", "Donald Trump"}


def test_the_phrase_does_not_own_itself(extractor: Any) -> None:
    # "his" in "a member of his team" cannot be the member: with no one before, no owner is made up
    found = _speakers(extractor, "A member of his team said the talks would go on.")
    assert "member of member" not in (found["the talks would go on"] or "")
    assert "'s team" not in (found["the talks would go on"] or "")


@pytest.mark.parametrize(
    "text",
    [
        # what was named before is no group of people: "some" of it says nothing
        "Efforts to reach voters grew. Some said the campaign was worried.",
        # a group three sentences back is out of reach
        "Farm leaders met. The hall was cold. Rain fell. Some said the campaign was worried.",
    ],
)
def test_some_without_a_group_just_before_stays_unresolved(extractor: Any, text: str) -> None:
    assert _speakers(extractor, text)["the campaign was worried"] in {"Some", None}


@pytest.mark.parametrize("noun", ["comments", "remarks", "tone"])
def test_words_a_pronoun_gives_to_an_actor_are_no_speaker(extractor: Any, noun: str) -> None:
    # issue 10: "His comments" is no speaker, even when "his" is someone the story named
    text = f"Yuri Ushakov spoke on Sunday. His {noun} suggested that Moscow would keep the old framework."
    result = extractor.extract_one(Document(id="s", text=text, published=date(2025, 12, 1)))
    names = [s.speaker.name for s in result.statements if s.speaker is not None]
    assert not any(noun in n.lower() for n in names), names
