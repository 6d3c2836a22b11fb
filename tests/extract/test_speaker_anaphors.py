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


def test_the_statement_after_a_speaker_is_that_speakers(extractor: Any) -> None:
    text = (
        "The Finnish foreign ministry said the talks had been useful. "
        "The statement said the two sides would meet again in March."
    )
    found = _speakers(extractor, text)
    assert found["the two sides would meet again in March"] == "Finnish foreign ministry", found


def test_the_statement_a_body_issued_is_that_bodys(extractor: Any) -> None:
    text = "The Kremlin issued a statement on Friday. The statement said Moscow was ready for talks."
    assert _speakers(extractor, text)["Moscow was ready for talks"] == "Kremlin"


def test_a_readout_goes_on_from_a_group_named_by_a_pronoun(extractor: Any) -> None:
    text = (
        "European leaders met in Oslo on Monday. They said the force would be ready within a year. "
        "The readout said the leaders would back a monitoring mission."
    )
    found = _speakers(extractor, text)
    assert found["the leaders would back a monitoring mission"] == "European leaders", found


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


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Nordic leaders met in Oslo on Friday. After hours of talks, leaders said the fund was agreed.",
            "the fund was agreed",
            "Nordic leaders",
        ),
        (
            "Russian officials met on Monday. Officials said the convoy had left.",
            "the convoy had left",
            "anonymous Russian official",
        ),
    ],
)
def test_a_bare_plural_takes_up_the_group_named_before(
    extractor: Any, text: str, content: str, speaker: str
) -> None:
    assert _speakers(extractor, text)[content] == speaker


def test_a_bare_plural_does_not_take_up_one_person(extractor: Any) -> None:
    text = "A Russian official spoke on Monday. Officials said the convoy had left."
    assert _speakers(extractor, text)["the convoy had left"] != "anonymous Russian official"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Vladimir Putin met the envoy on Tuesday. His spokesman said the meeting had been useful.",
            "the meeting had been useful",
            "Dmitry Peskov",
        ),
        (
            "Vladimir Putin met the envoy on Tuesday. A member of his team said the talks would go on.",
            "the talks would go on",
            "member of Putin's team",
        ),
    ],
)
def test_a_role_a_pronoun_gives_to_an_actor_is_read_as_named(
    extractor: Any, text: str, content: str, speaker: str
) -> None:
    assert _speakers(extractor, text)[content] == speaker


def test_a_named_counterpart_keeps_the_name(extractor: Any) -> None:
    text = "Putin and his American counterpart Donald Trump welcomed the chance to meet in person."
    result = extractor.extract_one(Document(id="s", text=text, published=date(2025, 12, 1)))
    assert {s.speaker.name for s in result.statements if s.speaker} == {"Vladimir Putin", "Donald Trump"}


def test_the_phrase_does_not_own_itself(extractor: Any) -> None:
    # "his" in "a member of his team" cannot be the member: with no one before, no owner is made up
    found = _speakers(extractor, "A member of his team said the talks would go on.")
    assert "member of member" not in (found["the talks would go on"] or "")
    assert "'s team" not in (found["the talks would go on"] or "")


def test_some_and_others_are_part_of_the_group_named_before(extractor: Any) -> None:
    text = (
        "Opposition leaders were split on Monday. Some said the vote should wait for a ceasefire, "
        "while others said the country should begin preparing now."
    )
    found = _speakers(extractor, text)
    assert found["the vote should wait for a ceasefire"] == "Opposition leaders", found
    assert found["the country should begin preparing now"] == "Opposition leaders", found


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
