"""Session 23's speed paths give what the readings they replace gave (issue 10): each check runs
the old computation beside the new one. Sentences written for these tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language

from redline.extract import lexicon
from redline.extract.events import EventFinder
from redline.extract.linear import LinearModel
from redline.knowledge.actors import SKIPPED, load_actors
from redline.knowledge.events import load_events

# -- lexicon: each raw token normalised through one cached map ------------------------------------


def _old_normalised(prepared: str) -> list[str]:
    """``lexicon._normalised`` as one comprehension (before session 23)."""
    stem, boundary = lexicon.stem, lexicon.BOUNDARY
    return [
        boundary if not raw[0].isalnum() else raw.replace(",", "") if raw[0].isdigit() else stem(raw)
        for raw in lexicon._TOKEN.findall(prepared)
    ]


NORMALISED_TEXTS = [
    "The envoys withdrew on Tuesday; the ministers didn't, and 12,500 troops stayed (for now).",
    "Talks resumed: 3.5 per cent, 1,000,000 people, the '90s, withdrawing, withdrawn, withdraws!",
    "Münster’s mayor said the café's plan [phase two] was “fine” — or was it?",
    "",
    "...",
]


@pytest.mark.parametrize("text", NORMALISED_TEXTS)
def test_tokens_normalised_by_the_cached_map_are_those_of_the_comprehension(text: str) -> None:
    prepared = lexicon.prepare(text)
    assert lexicon._normalised(prepared) == _old_normalised(prepared)
    assert lexicon.normalise(text) == _old_normalised(prepared)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1,.;:!? \u00e9\u0394()[]'\u2019-_\n", max_size=40))
def test_any_text_normalises_as_before(text: str) -> None:
    prepared = lexicon.prepare(text)
    assert lexicon._normalised(prepared) == _old_normalised(prepared)


# -- lexicon.english_signs: an all-ASCII text read from its flag ------------------------------------


def _old_has_ascii(words: list[str]) -> bool:
    return re.search(r"[\x00-\x7f]", "".join(words)) is not None


@pytest.mark.parametrize(
    "words",
    [
        ["the", "talk", "resum"],
        ["\u0434\u0430", "\u043d\u0435\u0442"],  # Cyrillic only: no ASCII letter
        ["\u0434\u0430", "x"],  # one ASCII letter among others
        ["caf\u00e9"],  # ASCII letters in a word that is not all ASCII
        [],
    ],
)
def test_english_signs_find_an_ascii_letter_as_the_search_did(words: list[str]) -> None:
    assert lexicon.english_signs(words).ascii == _old_has_ascii(words)


# -- LinearModel: every class's weights read in one pass -------------------------------------------


def test_class_weights_read_in_one_pass_are_those_read_per_class() -> None:
    model = LinearModel(
        classes=("support", "oppose", "neutral"),
        dims=64,
        bias=(0.1, -0.2, 0.0),
        weights={3: ((0, 0.5), (2, -1.0)), 7: ((1, 2.0),), 9: ((0, -0.25), (1, 0.75))},
    )
    for index in (1, 0, 2):  # asked in any order, each class as the old per-class pass read it
        old = {b: w for b, entries in model.weights.items() for i, w in entries if i == index}
        assert model._weights_of(index) == old
    assert model._weights_of(2) == {3: -1.0}


# -- ActorBase.unit_columns: the kept words picked out at C level ---------------------------------


def test_unit_columns_keep_the_words_the_loop_kept() -> None:
    kb = load_actors()
    words = ["The", "mayor", "of", "Riverton", "'s", "council", "the", "s", "", "said", "the"]
    keys, starts, ends = kb.unit_columns(words)
    folded = [kb._folded[w] for w in words]
    kept = [i for i, word in enumerate(folded) if word not in SKIPPED]
    assert (keys, starts, ends) == ([folded[i] for i in kept], kept, [i + 1 for i in kept])
    assert "the" not in keys and 0 not in starts  # a negative case: the skipped words are gone
    assert kb.unit_columns([]) == ([], [], [])


# -- EventFinder: phrase starts picked out with compress --------------------------------------------


@pytest.mark.model
def test_event_phrase_starts_are_those_of_the_token_loop(nlp: Language) -> None:
    finder = EventFinder(load_events())
    doc = nlp(
        "The two delegations met in Oslo on Monday and will meet again next week. "
        "A ceasefire was signed, then the envoys held talks and visited the port."
    )
    old: dict[int, set[int]] = {}
    for column in (finder._form_starts.column(doc, LOWER), finder._lemma_starts.column(doc, LEMMA)):
        for i, ranks in enumerate(column):
            if ranks:
                old.setdefault(i, set()).update(ranks)
    assert old  # the sentences hold event phrases
    assert finder._starting_phrases(doc) == old
