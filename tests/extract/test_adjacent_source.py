"""The fallback speaker of a cue with no subject in the parse is the name written next to it
(``reported.adjacent_source``), and a time written there ("said Thursday morning") names no one.
Sentences are written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from redline.extract.reported import adjacent_source

pytestmark = pytest.mark.model


def _beside(nlp: Any, text: str, cue: str) -> str | None:
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == cue)
    rng = adjacent_source(doc, i, [False] * len(doc))
    return None if rng is None else doc[rng[0] : rng[1]].text


def test_the_name_after_the_cue_is_the_speaker(nlp: Any) -> None:
    assert _beside(nlp, "The talks will go on, said Deputy Minister Olga Hansen.", "said") == (
        "Deputy Minister Olga Hansen"
    )


def test_a_time_after_the_cue_is_no_speaker(nlp: Any) -> None:
    doc = nlp("The talks will go on, said Thursday morning on the radio.")
    assert any(t.ent_type_ in ("DATE", "TIME") for t in doc if t.text == "Thursday")
    assert _beside(nlp, "The talks will go on, said Thursday morning on the radio.", "said") is None
