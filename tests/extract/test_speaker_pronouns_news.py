"""Pronoun sources on news (issue 10): what a pronoun may not be, and whom it takes up.

"I" inside a quotation is no surname; a role standing in apposition before a name ("The
envoy, Steve Witkoff, said ... He") hands "he" to the name; "it" takes up a body the actor list
does not know when that body is the subject. Every sentence here is written for the project.
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
    found = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text)
    assert found is not None
    got = resolver.resolve(doc, found.span(), resolver.finder.find(doc))
    assert got is not None
    return got


def test_the_word_i_is_not_a_surname(nlp: Language, resolver: SpeakerResolver) -> None:
    text = (
        "“We will see what happens, and I think it can work,” Trump said on Friday. "
        "He added that talks would go on."
    )
    doc = nlp(text)
    assert all(m.span.text != "I" for m in resolver.finder.find(doc))
    assert resolve(nlp, resolver, text, "He").actor_id == "donald-trump"


def test_a_role_in_apposition_hands_the_pronoun_to_the_name(nlp: Language, resolver: SpeakerResolver) -> None:
    text = (
        "The US President's Special Envoy, Steve Witkoff, called the meeting useful. "
        "He warned, however, that much work was left."
    )
    assert resolve(nlp, resolver, text, "He").actor_id == "steve-witkoff"


def test_it_takes_up_a_body_the_actor_list_does_not_know(nlp: Language, resolver: SpeakerResolver) -> None:
    text = (
        "The Qatari Foreign Ministry said the second round of the talks would bring results. "
        "It also confirmed that the hosts would stay neutral."
    )
    got = resolve(nlp, resolver, text, "It")
    assert got.name == "Qatari Foreign Ministry"


def test_he_in_a_relative_clause_is_who_acted_on_its_noun(nlp: Language, resolver: SpeakerResolver) -> None:
    text = (
        "Rustem Umerov said the talks had been useful. Umerov spoke after Oleksiy Honcharenko "
        "published a list, which he claimed was the plan."
    )
    assert resolve(nlp, resolver, text, "he").name == "Oleksiy Honcharenko"
