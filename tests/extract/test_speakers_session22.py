"""Speaker classes found by trying headline-and-lede stories the project wrote (session 22):
a role named in a headline, a name set off after "the agent of <person>", and a title-case
headline clause the entity model takes for a person's name. Every sentence is the project's own,
with the negative case beside each rule."""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import said_by

pytestmark = pytest.mark.model


def _speaker_of(extractor: Any, text: str, words: str) -> str | None:
    found = [name for name, content in said_by(extractor, text) if words in content]
    assert found, f"no statement with {words!r} in {said_by(extractor, text)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Trade Minister Says Tariff Draft Needs Work\n\nTrade Minister Aino Lehtola said the tariff "
            "draft needed more work before any signature.\n",
            "Tariff Draft Needs Work",
            "Aino Lehtola",
        ),
        (
            "Union Leader Vows Strike Will Go Ahead\n\nThe city said its offer was final. Union leader "
            "Dana Kowal said the strike would go ahead on Monday.\n",
            "Strike Will Go Ahead",
            "Dana Kowal",
        ),
    ],
)
def test_a_role_in_a_headline_is_the_person_the_opening_names_with_it(
    extractor: Any, text: str, words: str, name: str
) -> None:
    assert _speaker_of(extractor, text, words) == name


def test_a_role_in_a_headline_no_opening_speaker_holds_stays_a_role(extractor: Any) -> None:
    text = (
        "Trade Minister Says Tariff Draft Needs Work\n\nFarmers' leader Aino Lehtola said the tariff "
        "draft would ruin small farms.\n"
    )
    assert _speaker_of(extractor, text, "Tariff Draft Needs Work") != "Aino Lehtola"


def test_a_name_set_off_after_a_role_of_another_person_is_the_role_holder(extractor: Any) -> None:
    text = "The agent of striker Leon Baptiste, Selma Varga, said on Monday that the offer was far too low."
    assert _speaker_of(extractor, text, "offer was far too low") == "Selma Varga"


def test_a_role_of_a_person_without_a_second_name_is_not_given_one(extractor: Any) -> None:
    text = "The agent of striker Leon Baptiste said on Monday that the offer was far too low."
    assert _speaker_of(extractor, text, "offer was far too low") != "Leon Baptiste"


def test_a_title_case_clause_is_no_person_a_role_could_take_up(extractor: Any) -> None:
    text = "Union Leader Says Strike Will Go Ahead\n\nThe mayor said the city had made its last offer.\n"
    assert _speaker_of(extractor, text, "city had made its last offer") == "mayor"


@pytest.mark.parametrize(
    ("surname", "expected"),
    [("Lvova-Belova", "Maria Lvova-Belova"), ("Belova", "Belova")],
)
def test_a_hyphenated_surname_alone_is_the_person_named_in_full_before(
    extractor: Any, surname: str, expected: str
) -> None:
    text = (
        "The court issued warrants for the country's children's commissioner, Maria Lvova-Belova, "
        f"over the transfers.\n\nThe ministry rejects the charge. {surname} has said that the "
        "children were moved for their own safety."
    )
    assert _speaker_of(extractor, text, "moved for their own safety") == expected
