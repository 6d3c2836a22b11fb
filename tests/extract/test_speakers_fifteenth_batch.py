"""Speakers from the fifteenth news batch's first run (session 30, issue 10), through the whole
extractor, on sentences written for these tests: an office the article names a holder for is
that person, not the actor list's holder of the office (offices change hands)."""

from __future__ import annotations

from typing import Any

import pytest

from news_extraction import extract, only
from redline.model import Extraction

pytestmark = pytest.mark.model


def _speaker(extraction: Extraction, start: str) -> str | None:
    speaker = only(extraction, start).speaker
    return speaker.name if speaker else None


def test_a_pronoun_after_a_named_office_is_the_named_person(extractor: Any) -> None:
    text = (
        "Russia's deputy foreign minister, Anton Belykh, spoke after the meeting in Vienna. "
        "He said Moscow would not accept foreign troops in Ukraine."
    )
    assert _speaker(extract(extractor, text), "Moscow would not") == "Anton Belykh"


def test_the_office_again_is_the_person_the_article_named_in_it(extractor: Any) -> None:
    text = (
        "The talks in Vienna ran late, Anton Belykh, Russia's deputy foreign minister, told "
        "reporters. Later, Russia's deputy foreign minister said Moscow would not accept foreign troops."
    )
    assert _speaker(extract(extractor, text), "Moscow would not") == "Anton Belykh"


def test_an_office_with_no_name_beside_it_is_still_the_listed_holder(extractor: Any) -> None:
    text = "Russia's deputy foreign minister said Moscow would not accept foreign troops in Ukraine."
    assert _speaker(extract(extractor, text), "Moscow would not") == "Sergei Ryabkov"


def test_a_name_beside_the_office_of_another_persons_aide_is_the_aides(extractor: Any) -> None:
    text = (
        "A spokesman for Russia's deputy foreign minister, Oleg Sirotin, said on Monday that the "
        "meeting would go ahead. He said Moscow wanted it held in Vienna."
    )
    extraction = extract(extractor, text)
    assert _speaker(extraction, "the meeting would") == "Oleg Sirotin"
    assert _speaker(extraction, "Moscow wanted") == "Oleg Sirotin"


def test_a_new_name_beside_the_office_wins_over_an_earlier_one(extractor: Any) -> None:
    text = (
        "Anton Belykh, Russia's deputy foreign minister, met the envoys on Monday. On Friday "
        "Russia's deputy foreign minister, Ivan Tarasenko, said Moscow would not accept foreign troops."
    )
    assert _speaker(extract(extractor, text), "Moscow would not") == "Ivan Tarasenko"


def test_a_name_apposed_to_a_fronted_place_is_the_speaker_a_pronoun_goes_on_with(extractor: Any) -> None:
    # the parser hangs "the head ..., Ostap Hrytsak" on "Lviv"; the scene-setting place is no one
    text = (
        "The Kremlin's deputy spokesman, Boris Zotov, told reporters the withdrawal came first. "
        "He said it could be done in a month.\n\n"
        "In Lviv, the head of the regional council's negotiating team, Ostap Hrytsak, said the "
        'order had to be the reverse. "First the shelling stops, then we talk," he said.'
    )
    extraction = extract(extractor, text)
    assert _speaker(extraction, "the order had") == "Ostap Hrytsak"
    assert _speaker(extraction, "First the shelling") == "Ostap Hrytsak"


@pytest.mark.parametrize(
    ("text", "start", "maker"),
    [
        (
            "Replying to a Russian demand that a vote be held within a year, Hrytsak said Ukraine "
            "would hold no vote in wartime.",
            "a vote be held",
            "Russia",
        ),
        (
            "Responding to a Polish proposal that the border be reopened, Hrytsak said Ukraine would wait.",
            "the border be reopened",
            "Poland",
        ),
    ],
)
def test_a_demand_a_nationality_names_is_that_countrys(
    extractor: Any, text: str, start: str, maker: str
) -> None:
    extraction = extract(extractor, text)
    assert _speaker(extraction, start) == maker
    assert _speaker(extraction, "Ukraine would") == "Hrytsak"


@pytest.mark.parametrize(
    "opening",
    [
        "The defence ministers of the Weimar Triangle issued a joint statement on Tuesday.",
        "VILNIUS - The defence ministers of the Weimar Triangle, France, Germany and Poland, "
        "issued a joint statement on Tuesday after a meeting in Vilnius.",
    ],
)
def test_a_statement_issued_by_the_ministers_of_a_body_is_the_bodys(extractor: Any, opening: str) -> None:
    text = (
        f"{opening} The statement says that the border must be defended. It adds that the "
        "three will keep their troops in Lithuania."
    )
    extraction = extract(extractor, text)
    assert _speaker(extraction, "the border must") == "Weimar Triangle"
    assert _speaker(extraction, "the three will") == "Weimar Triangle"


def test_a_body_no_mention_was_found_for_still_speaks_for_its_ministers(extractor: Any) -> None:
    text = (
        "TALLINN - The defence ministers of the Baltic Nine, the states on the eastern flank, "
        "issued a joint statement on Tuesday. The statement says that the border must be defended."
    )
    speaker = _speaker(extract(extractor, text), "the border must")
    assert speaker is not None and speaker not in {"Estonia", "statement"}


def test_a_fronted_place_the_parser_makes_the_subject_is_no_speaker(extractor: Any) -> None:
    # the parser leaves "In" hanging and makes "Kyiv" the subject, the name its apposition
    text = (
        "The Kremlin's deputy spokesman, Boris Zotov, told reporters the withdrawal came first.\n\n"
        "In Kyiv, the head of the presidential office's legal team, Taras Dovbush, said the "
        "order had to be the reverse."
    )
    assert _speaker(extract(extractor, text), "the order had") == "Taras Dovbush"
