"""A spokesperson of a named organisation speaks as the organisation, whether or not the actor
list knows it: "a spokesperson for the union" (the union named before), "the guild's
spokesman", "the office's spokeswoman". A person's or a state's spokesperson is not the person
or the state. Every sentence here is written for the project."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.model import Document

pytestmark = pytest.mark.model


def _speakers(extractor: Any, text: str) -> list[str | None]:
    doc = Document(id="spokes", text=text, published=date(2026, 4, 1))
    (ex,) = list(extractor.extract([doc]))
    return [s.speaker.name if s.speaker else None for s in ex.statements]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Brannock Customs Union met on Monday. A spokesperson for the union said the tariff "
            "schedule was final.",
            "Brannock Customs Union",
        ),
        (
            "The Marrowby Dock Workers Federation's spokesperson said the strike would go on.",
            "Marrowby Dock Workers Federation",
        ),
        (
            "Talks with the Ostvik Trade Office resumed. The office's spokesman said the quota talks "
            "had stalled.",
            "Ostvik Trade Office",
        ),
        ("Helmfrost Logistics' spokesperson told reporters the depot would close.", "Helmfrost Logistics"),
        (
            "A spokesperson for the Tessaly Growers Federation said the harvest was late.",
            "Tessaly Growers Federation",
        ),
    ],
)
def test_the_organisation_a_spokesperson_speaks_for_is_the_speaker(
    extractor: Any, text: str, speaker: str
) -> None:
    assert _speakers(extractor, text) == [speaker]


def test_a_persons_spokesperson_is_not_the_person(extractor: Any) -> None:
    (said,) = _speakers(extractor, "Dan Pollard's spokesperson said the minister would attend the summit.")
    assert said != "Dan Pollard"
