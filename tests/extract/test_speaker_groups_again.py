"""Sources that refer back to ones named before (issue 10): a plural that counts its members
("both outlets", "all parties") is the group named together before it, and "the source" is the
unnamed source that spoke last. Every sentence here is written for the project."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from spacy.language import Language

from redline.extract.speakers import SpeakerResolver
from redline.knowledge.actors import load_actors
from redline.model import Speaker

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolver() -> SpeakerResolver:
    return SpeakerResolver(load_actors())


def resolve_all(nlp: Language, resolver: SpeakerResolver, text: str, phrases: Sequence[str]) -> list[Speaker]:
    """Each phrase resolved in turn, the earlier speakers passed on as the pipeline does."""
    doc = nlp(text)
    mentions = resolver.finder.find(doc)
    out: list[Speaker] = []
    for phrase in phrases:
        found = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text)
        assert found is not None
        got = resolver.resolve(doc, found.span(), mentions, previous=out)
        assert got is not None
        out.append(got)
    return out


def test_both_outlets_are_the_two_named_before(nlp: Language, resolver: SpeakerResolver) -> None:
    text = (
        "The envoy will meet the Ukrainian negotiator in Miami, an announcement carried by both "
        "BBC and CNN said. Both outlets note that the meeting follows the Moscow session."
    )
    (got,) = resolve_all(nlp, resolver, text, ["Both outlets"])
    assert got.name == "BBC and CNN"


def test_all_parties_are_the_states_named_together(nlp: Language, resolver: SpeakerResolver) -> None:
    text = (
        "Talks between Ukraine, Russia and the United States ended in Geneva on Friday without "
        "a deal, though all parties expressed a wish to meet again."
    )
    (got,) = resolve_all(nlp, resolver, text, ["all parties"])
    assert got.name.startswith("Ukraine, Russia and")
    assert got.name.endswith("United States")


def test_a_counted_plural_with_no_article_is_someone_new(nlp: Language, resolver: SpeakerResolver) -> None:
    text = (
        "Envoys from Ukraine and Russia met in Geneva. Two people familiar with the talks said "
        "the mood was calm."
    )
    (got,) = resolve_all(nlp, resolver, text, ["Two people familiar with the talks"])
    assert " and " not in got.name


def test_the_source_is_the_unnamed_source_that_spoke_last(nlp: Language, resolver: SpeakerResolver) -> None:
    text = (
        "A senior Polish official told a news agency on Monday that the draft had changed. "
        "The text now caps the army at a higher number, the source said."
    )
    first, second = resolve_all(nlp, resolver, text, ["A senior Polish official", "the source"])
    assert first.name == "anonymous Polish official"
    assert second.name == "anonymous Polish official"


def test_one_of_the_sources_is_the_sources_cited_before(nlp: Language, resolver: SpeakerResolver) -> None:
    text = (
        "The agency reported this, citing sources in EU institutions. A failure would be a "
        "disaster for everyone, one of the sources said."
    )
    first, second = resolve_all(nlp, resolver, text, ["sources in EU institutions", "one of the sources"])
    assert second.name == first.name
    assert second.name != "unnamed sources"
