"""Finding actor mentions in a parsed document (needs the spaCy model)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from redline.extract.actors import MentionFinder, find_mentions
from redline.knowledge.actors import ActorBase, load_actors
from redline.model import Mention

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder(load_actors())


def by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.span.text: m for m in mentions}


def test_names_titles_and_transliterations(nlp: Language, finder: MentionFinder) -> None:
    text = (
        "Serhiy Kyslytsya met Zelenskiy's envoys in Geneva. The Russian leader was not there, "
        "and the Kremlin said nothing."
    )
    found = by_text(finder.find(nlp(text)))
    assert found["Serhiy Kyslytsya"].actor_id == "sergiy-kyslytsya"
    assert found["Serhiy Kyslytsya"].name == "Sergiy Kyslytsya"
    assert found["Zelenskiy"].actor_id == "volodymyr-zelensky"
    assert found["The Russian leader"].actor_id == "vladimir-putin"
    assert found["Kremlin"].actor_id == "kremlin"


def test_offsets_point_into_the_text(nlp: Language, finder: MentionFinder) -> None:
    text = "On Monday, Marco Rubio said the talks in Florida had gone well."
    mentions = finder.find(nlp(text))
    assert any(m.actor_id == "marco-rubio" for m in mentions), mentions
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.span.text


def test_unknown_person_takes_fullest_form(nlp: Language, finder: MentionFinder) -> None:
    text = (
        "Oleksiy Honcharenko, a member of parliament, criticised the draft on Tuesday. "
        "Honcharenko said the plan would not pass a vote."
    )
    mentions = [m for m in finder.find(nlp(text)) if m.span.text == "Honcharenko"]
    assert mentions, "the surname alone should be found as a mention"
    assert mentions[0].actor_id is None
    assert mentions[0].name == "Oleksiy Honcharenko"


def test_title_before_a_name_belongs_to_that_name(nlp: Language, finder: MentionFinder) -> None:
    text = "Former Ukrainian president Petro Poroshenko said the deal was a trap."
    mentions = finder.find(nlp(text))
    assert all(m.actor_id != "volodymyr-zelensky" for m in mentions)


def test_another_person_with_a_known_surname(nlp: Language, finder: MentionFinder) -> None:
    text = "Melania Trump wrote to the Russian president about children taken from Ukraine."
    found = by_text(finder.find(nlp(text)))
    assert "Melania Trump" in found
    assert found["Melania Trump"].actor_id is None


def test_lowercase_words_are_not_names(nlp: Language, finder: MentionFinder) -> None:
    text = "The envoy said a trump card was still on the table."
    assert all(m.actor_id != "donald-trump" for m in finder.find(nlp(text)))


def test_appositions_are_learned(nlp: Language, finder: MentionFinder) -> None:
    text = (
        "Ivan Fedorov, the regional governor, said the city was shelled overnight. "
        "Kremlin spokesman Dmitry Peskov declined to comment."
    )
    found = finder.analyse(nlp(text))
    by_name = {d.name: d for d in found.descriptions}
    assert "governor" in by_name["Ivan Fedorov"].key
    assert {"kremlin", "spokesman"} <= set(by_name["Dmitry Peskov"].key)


def test_find_mentions_function(nlp: Language) -> None:
    kb: ActorBase = load_actors()
    mentions = find_mentions(nlp("Volodymyr Zelensky spoke to Emmanuel Macron."), kb)
    assert [m.actor_id for m in mentions] == ["volodymyr-zelensky", "emmanuel-macron"]
