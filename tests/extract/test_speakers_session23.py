"""Speaker classes found on the eighth unseen batch (benchmarks/data/unseen8, session 23), on the
project's own sentences: a role the actor list gives to one person, with another person's name
beside it, is that other person (offices change hands)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.model import Document

pytestmark = pytest.mark.model


def speakers(extractor: Any, text: str) -> list[tuple[str | None, str | None]]:
    doc = Document(id="d", text=text, published=date(2026, 3, 2))
    return [
        (s.speaker.name, s.speaker.party) if s.speaker else (None, None)
        for s in extractor.extract_one(doc).statements
    ]


def test_a_name_beside_a_role_is_who_holds_it_now(extractor: Any) -> None:
    text = (
        "Ukraine's chief negotiator, Bohdan Marchuk, said Kyiv would not sign the text. "
        "Russia's foreign minister, Pavel Orlov, said the draft was a good basis."
    )
    assert speakers(extractor, text) == [("Bohdan Marchuk", "ukraine"), ("Pavel Orlov", "russia")]


def test_a_role_alone_or_with_its_holders_name_stays_the_holder(extractor: Any) -> None:
    text = (
        "Russia's foreign minister said the draft was a good basis. "
        "The Kremlin spokesman, Dmitry Peskov, said talks would go on. "
        "The Kremlin spokesman, Dmitri Peskoff, said the talks were useful."
    )
    assert speakers(extractor, text) == [
        ("Sergei Lavrov", "russia"),
        ("Dmitry Peskov", "russia"),
        ("Dmitry Peskov", "russia"),  # the holder's surname respelt, not a new person
    ]
