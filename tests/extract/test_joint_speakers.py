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
