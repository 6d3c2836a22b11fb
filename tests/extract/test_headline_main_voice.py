"""A headline that names a side ("City Hall says ...") is given to the person the story quotes
for that side; of two people quoted as often, to the one quoted first, as news puts its main
voice at the top. Sentences are written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from redline.model import Document

pytestmark = pytest.mark.model


def _first_speaker(extractor: Any, text: str) -> tuple[str | None, str | None]:
    found = extractor.extract_one(Document(id="d", text=text))
    first = min(found.statements, key=lambda s: s.content.start)
    return (first.speaker.name, first.speaker.mention.text) if first.speaker else (None, None)


def test_of_two_voices_quoted_as_often_the_first_is_the_headlines(extractor: Any) -> None:
    text = (
        "Russia says no deal on territory after talks with US envoys\n\n"
        "Kremlin aide Yuri Ushakov said that no compromise had been found on the territorial question. "
        "He added that a lot of work remained for both capitals. Putin later called the European "
        "amendments unacceptable and warned that the fighting would go on."
    )
    assert _first_speaker(extractor, text) == ("Yuri Ushakov", "Russia")


def test_a_side_with_no_one_quoted_keeps_its_name(extractor: Any) -> None:
    text = (
        "Russia says no deal on territory after talks with US envoys\n\n"
        "Talks in Moscow ended late on Tuesday. Kyiv's foreign minister Andrii Sybiha said the terms "
        "were unacceptable."
    )
    name, mention = _first_speaker(extractor, text)
    assert mention == "Russia" and name != "Andrii Sybiha", (name, mention)
