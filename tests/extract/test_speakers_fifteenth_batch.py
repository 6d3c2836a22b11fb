"""Speakers from the fifteenth news batch's first run (session 30, issue 10), through the whole
extractor, on sentences written for these tests: an office the article names a holder for is
that person, not the actor list's holder of the office (offices change hands)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.model import Document, Extraction, Statement

pytestmark = pytest.mark.model


def _extract(extractor: Any, text: str) -> Extraction:
    result: Extraction = extractor.extract_one(Document(id="n", text=text, published=date(2025, 12, 1)))
    return result


def _only(extraction: Extraction, start: str) -> Statement:
    found = [s for s in extraction.statements if s.content.text.startswith(start)]
    assert len(found) == 1, [s.content.text for s in extraction.statements]
    return found[0]


def _speaker(extraction: Extraction, start: str) -> str | None:
    speaker = _only(extraction, start).speaker
    return speaker.name if speaker else None


def test_a_pronoun_after_a_named_office_is_the_named_person(extractor: Any) -> None:
    text = (
        "Russia's deputy foreign minister, Anton Belykh, spoke after the meeting in Vienna. "
        "He said Moscow would not accept foreign troops in Ukraine."
    )
    assert _speaker(_extract(extractor, text), "Moscow would not") == "Anton Belykh"


def test_the_office_again_is_the_person_the_article_named_in_it(extractor: Any) -> None:
    text = (
        "The talks in Vienna ran late, Anton Belykh, Russia's deputy foreign minister, told "
        "reporters. Later, Russia's deputy foreign minister said Moscow would not accept foreign troops."
    )
    assert _speaker(_extract(extractor, text), "Moscow would not") == "Anton Belykh"


def test_an_office_with_no_name_beside_it_is_still_the_listed_holder(extractor: Any) -> None:
    text = "Russia's deputy foreign minister said Moscow would not accept foreign troops in Ukraine."
    assert _speaker(_extract(extractor, text), "Moscow would not") == "Sergei Ryabkov"


def test_a_name_beside_the_office_of_another_persons_aide_is_the_aides(extractor: Any) -> None:
    text = (
        "A spokesman for Russia's deputy foreign minister, Oleg Sirotin, said on Monday that the "
        "meeting would go ahead. He said Moscow wanted it held in Vienna."
    )
    extraction = _extract(extractor, text)
    assert _speaker(extraction, "the meeting would") == "Oleg Sirotin"
    assert _speaker(extraction, "Moscow wanted") == "Oleg Sirotin"


def test_a_new_name_beside_the_office_wins_over_an_earlier_one(extractor: Any) -> None:
    text = (
        "Anton Belykh, Russia's deputy foreign minister, met the envoys on Monday. On Friday "
        "Russia's deputy foreign minister, Ivan Tarasenko, said Moscow would not accept foreign troops."
    )
    assert _speaker(_extract(extractor, text), "Moscow would not") == "Ivan Tarasenko"
