"""Definite descriptions that vary the words for the person in focus (issue 10).

News refers back to the person it is quoting by a role with an affiliation ("the political head
of the alliance") or by a past role ("the former prime minister"); a role tied to another side,
or to a body no one named, is someone new. Every sentence here is written for the project.
"""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from redline.extract.speakers import SpeakerResolver
from redline.knowledge.actors import load_actors
from redline.model import Speaker

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolver() -> SpeakerResolver:
    return SpeakerResolver(load_actors())


def resolve(nlp: Language, resolver: SpeakerResolver, text: str, phrase: str) -> Speaker:
    doc = nlp(text)
    start = re.search(re.escape(phrase), text)
    assert start is not None
    got = resolver.resolve(doc, start.span(), resolver.finder.find(doc))
    assert got is not None
    return got


@pytest.mark.parametrize(
    ("text", "phrase", "actor_id"),
    [
        (
            "Mark Rutte arrived in Brussels. “Those points will be handled apart,” "
            "the political head of the alliance said.",
            "the political head of the alliance",
            "mark-rutte",
        ),
        (
            "Dmitry Peskov spoke to the agency on Friday. “The troops must go,” "
            "the press secretary to the Russian president said.",
            "the press secretary to the Russian president",
            "dmitry-peskov",
        ),
        (
            "Mark Rutte spoke in Brussels on Tuesday. Later the former Dutch prime minister "
            "insisted that the door stayed open.",
            "the former Dutch prime minister",
            "mark-rutte",
        ),
        (
            "Kyrylo Budanov gave an interview on Monday. “We will keep looking,” "
            "the former head of the GUR replied.",
            "the former head of the GUR",
            "kyrylo-budanov",
        ),
    ],
)
def test_a_role_with_an_affiliation_takes_up_the_person_in_focus(
    nlp: Language, resolver: SpeakerResolver, text: str, phrase: str, actor_id: str
) -> None:
    assert resolve(nlp, resolver, text, phrase).actor_id == actor_id


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # the role is tied to another side than the person in focus
        (
            "Dmitry Peskov spoke first. The spokesperson for the European Commission said talks would go on.",
            "The spokesperson for the European Commission",
        ),
        # a body the knowledge base does not know: a reporter there is someone new
        (
            "Volodymyr Zelensky met troops on Monday, the correspondent of Northwind Daily reports.",
            "the correspondent of Northwind Daily",
        ),
        # the person in focus holds the role today, so its former holder is someone else
        (
            "Volodymyr Zelensky spoke on Monday. The former Ukrainian president said the deal was a trap.",
            "The former Ukrainian president",
        ),
    ],
)
def test_a_role_that_does_not_fit_the_person_in_focus_is_someone_new(
    nlp: Language, resolver: SpeakerResolver, text: str, phrase: str
) -> None:
    got = resolve(nlp, resolver, text, phrase)
    assert got.actor_id not in {"dmitry-peskov", "volodymyr-zelensky"}
    assert got.name not in {"Dmitry Peskov", "Volodymyr Zelensky"}


def test_a_document_a_named_person_owns_speaks_for_them(nlp: Language, resolver: SpeakerResolver) -> None:
    text = "Yuri Ushakov briefed reporters.\n\nUshakov’s readout made clear that the talks would go on."
    got = resolve(nlp, resolver, text, "Ushakov’s readout")
    assert got.actor_id == "yuri-ushakov"
