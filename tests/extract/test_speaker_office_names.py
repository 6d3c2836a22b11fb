"""Offices the actor list does not know get the short name news uses (issue 10): "the Qatari
Ministry of Foreign Affairs" is the "Qatari Foreign Ministry", and "its Ministry of Foreign
Affairs" is named for the state "its" stands for. Every sentence here is written for the project."""

from __future__ import annotations

import pytest
from spacy.language import Language

from redline.extract.speakers import SpeakerResolver
from redline.knowledge.actors import load_actors

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolver() -> SpeakerResolver:
    return SpeakerResolver(load_actors())


def test_short_name_of_an_office(resolver: SpeakerResolver) -> None:
    assert resolver.kb.short_name("Qatari Ministry of Foreign Affairs") == "Qatari Foreign Ministry"
    assert resolver.kb.short_name("Qatari ministry of defence") == "Qatari Defence Ministry"
    assert resolver.kb.short_name("Qatari Foreign Ministry") == "Qatari Foreign Ministry"


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        (
            "The talks began at noon, according to the Qatari Ministry of Foreign Affairs.",
            "the Qatari Ministry of Foreign Affairs",
            "Qatari Foreign Ministry",
        ),
        (
            "Poland welcomed the swap, with its Ministry of Foreign Affairs saying the hosts had "
            "earned trust.",
            "its Ministry of Foreign Affairs",
            "Polish Foreign Ministry",
        ),
    ],
)
def test_an_unknown_office_gets_its_short_name(
    nlp: Language, resolver: SpeakerResolver, text: str, phrase: str, name: str
) -> None:
    doc = nlp(text)
    start = text.index(phrase)
    got = resolver.resolve(doc, (start, start + len(phrase)), resolver.finder.find(doc))
    assert got is not None and got.name == name
