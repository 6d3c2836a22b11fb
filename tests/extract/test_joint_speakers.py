"""Named people joined by "and" each speak, as the annotation guide splits them; states and
groups joined by "and" keep one joint label. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import said_by
from redline.model import Document

pytestmark = pytest.mark.model


def test_each_named_person_gets_the_statement(extractor: Any) -> None:
    text = "Rubio and Yermak said the talks in Geneva had been productive."
    found = extractor.extract_one(Document(id="d", text=text)).statements
    assert [s.speaker.name for s in found if s.speaker] == ["Marco Rubio", "Andriy Yermak"]
    assert len({s.id for s in found}) == 2, "one id per speaker, or the store keeps one"
    assert {s.party for s in [x.speaker for x in found] if s} == {"united_states", "ukraine"}


def test_a_role_that_names_one_person_is_a_person(extractor: Any) -> None:
    text = "Putin and his American counterpart Donald Trump welcomed the chance to meet again."
    assert [n for n, _ in said_by(extractor, text)] == ["Vladimir Putin", "Donald Trump"]


def test_states_and_groups_speak_jointly(extractor: Any) -> None:
    assert [n for n, _ in said_by(extractor, "Germany and France said the draft needed more work.")] == [
        "Germany and France"
    ]
    said = said_by(extractor, "Rubio and Ukrainian officials said the talks had been useful.")
    assert len(said) == 1  # a person and a group: not two named speakers


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Merz and Macron met in Berlin on Monday. The two leaders said the fund must be ready by spring.",
            ["Friedrich Merz", "Emmanuel Macron"],
        ),
        (
            "Rubio and Yermak talked late into the night. Both men said the text was nearly agreed.",
            ["Marco Rubio", "Andriy Yermak"],
        ),
    ],
)
def test_a_counted_plural_taking_up_named_people_is_each_of_theirs(
    extractor: Any, text: str, names: list[str]
) -> None:
    found = extractor.extract_one(Document(id="d", text=text)).statements
    assert [s.speaker.name for s in found if s.speaker] == names
    assert len({s.id for s in found}) == len(names)


@pytest.mark.parametrize(
    "text",
    [
        # three named before "the two": no coordination of two to take up
        "Merz and Macron met Tusk in Warsaw. The three leaders said the fund must be ready by spring.",
        # people who are not named are no one to split into
        "Two envoys and a general met in Riyadh. The two leaders said the fund must be ready by spring.",
    ],
)
def test_a_counted_plural_without_as_many_named_people_stays_one_speaker(extractor: Any, text: str) -> None:
    found = extractor.extract_one(Document(id="d", text=text)).statements
    assert len(found) == 1, [(s.speaker and s.speaker.name, s.content.text) for s in found]


def test_a_counted_plural_taking_up_states_keeps_the_joint_label(extractor: Any) -> None:
    text = "Norway and Qatar hosted the talks. Both governments said the venue would stay the same."
    assert [n for n, _ in said_by(extractor, text)] == ["Norway and Qatar"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "American and Ukrainian negotiators met in Oslo. Both sides said the ceasefire text was ready.",
            "United States and Ukraine",
        ),
        (
            "The Russian and Chinese teams met in Beijing. Both delegations said the talks were useful.",
            "Russia and China",
        ),
    ],
)
def test_both_sides_take_up_the_states_nationality_words_name(extractor: Any, text: str, name: str) -> None:
    assert [n for n, _ in said_by(extractor, text)] == [name]


def test_both_sides_after_words_that_name_no_state_stay_as_written(extractor: Any) -> None:
    text = "Tired and hungry negotiators met in Oslo. Both sides said the ceasefire text was ready."
    assert [n for n, _ in said_by(extractor, text)] == ["Both sides"]
