"""Media phrases that name their outlet (issue 10): "a report from Axios" is Axios's, and so is
"the US outlet Axios" where the source span stopped before the name. Every sentence here is
written for the project."""

from __future__ import annotations

import pytest
from spacy.language import Language

from redline.extract.speakers import SpeakerResolver
from redline.knowledge.actors import load_actors

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolver() -> SpeakerResolver:
    return SpeakerResolver(load_actors())


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        (
            "The spokesman did not confirm an earlier report from Axios that said a new draft existed.",
            "an earlier report from Axios",
            "Axios",
        ),
        (
            "American media outlet Axios earlier reported that the two sides had a secret plan.",
            "American media outlet",
            "Axios",
        ),
    ],
)
def test_a_media_phrase_is_the_outlet_it_names(
    nlp: Language, resolver: SpeakerResolver, text: str, phrase: str, name: str
) -> None:
    doc = nlp(text)
    start = text.index(phrase)
    got = resolver.resolve(doc, (start, start + len(phrase)), resolver.finder.find(doc))
    assert got is not None and got.name == name
