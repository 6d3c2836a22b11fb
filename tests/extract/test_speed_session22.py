"""Session 22's speed paths give what the readings they replace gave (issue 10): each check runs
the old computation beside the new one, or the remembered reading beside a fresh one. Sentences
written for these tests."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from redline.extract import lexicon, linear
from redline.extract.actors import MentionFinder
from redline.extract.answers import answered
from redline.extract.classify import StatementClassifier
from redline.extract.features import StatementInput, bucket
from redline.knowledge.actors import load_actors
from redline.knowledge.classifiers import load_weights
from redline.knowledge.issues import load_issues
from redline.memo import Memo

# -- lexicon.prepare: apostrophes replaced in turn --------------------------------------------------

_TRANSLATED = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def _old_prepare(text: str) -> str:
    """``lexicon.prepare`` as it translated the apostrophes through a mapping (before session 22)."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii() or "`" in text:
        text = text.translate(_TRANSLATED)
    text = text.lower()
    if "'s" in text:
        text = re.sub(r"(?<=\w)'s\b", "", text, flags=re.IGNORECASE)
    if "n't" in text or "cannot" in text:
        for pattern, repl in (
            (r"\bcan't\b|\bcannot\b", "can not"),
            (r"\bwon't\b", "will not"),
            (r"\bshan't\b", "shall not"),
            (r"n't\b", " not"),
        ):
            text = re.sub(pattern, repl, text, flags=re.IGNORECASE)
    return text


_APOSTROPHE_TEXT = st.lists(
    st.sampled_from(["\u2019", "\u2018", "\u02bc", "`", "'", "s", "n", "t", " ", "\u00e9", "A", "."]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_APOSTROPHE_TEXT)
def test_apostrophes_replaced_in_turn_are_the_ones_translated(text: str) -> None:
    assert lexicon.prepare(text) == _old_prepare(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv won\u2019t sign, and the envoy can`t say when.",
        "The list\u2019s first point \u2026 the envoys\u2018 reply.",
        "They didn\u02bct; it is plain ASCII otherwise.",
        "Plain ASCII with no apostrophe at all.",
    ],
)
def test_prepare_reads_curly_and_backtick_apostrophes_as_before(text: str) -> None:
    assert lexicon.prepare(text) == _old_prepare(text)
    assert "'" in lexicon.prepare(text) or "'" not in _old_prepare(text)


# -- StatementClassifier: a bare reply read once per statement --------------------------------------


@pytest.fixture(scope="module")
def classifier() -> StatementClassifier:
    return StatementClassifier(load_issues(), load_weights())


@pytest.mark.parametrize(
    ("content", "context"),
    [
        ("Never.", "Asked whether Kyiv would give up the east, the president replied: Never."),
        ("it would not", "Asked if Moscow would accept a truce, Peskov said it would not."),
        ("the talks were useful", "Peskov said the talks were useful."),
    ],
)
def test_a_remembered_reply_reads_as_a_fresh_one(
    classifier: StatementClassifier, content: str, context: str
) -> None:
    item = StatementInput(content=content, context=context, party="russia")
    fresh = StatementClassifier(load_issues(), load_weights())
    first = classifier.about(item), classifier.rule_reading(item, ["ceasefire"])
    again = classifier.about(item), classifier.rule_reading(item, ["ceasefire"])
    assert first == again == (fresh.about(item), fresh.rule_reading(item, ["ceasefire"]))
    assert (answered(content, context) is None) == (first[0] == item)


# -- MentionFinder: untagged surnames found among the proper nouns ----------------------------------


def _old_untagged_surnames(
    finder: MentionFinder, doc: Doc, names: list[Any], entities: list[Any], surnames: set[str]
) -> list[tuple[int, int]]:
    """``MentionFinder._untagged_surnames`` as it walked every token after the first full name."""
    taken = {i for m in (*names, *entities) for i in range(m.start, m.end)}
    first = min((m.end for m in entities if m.label == "PERSON" and m.end - m.start > 1), default=len(doc))
    return [
        (t.i, t.i + 1)
        for t in doc[first:]
        if t.pos_ == "PROPN"
        and t.i not in taken
        and not t.ent_type_
        and t.text[:1].isupper()
        and finder.kb.fold(t.text) in surnames
        and (t.i + 1 >= len(doc) or doc[t.i + 1].pos_ != "PROPN")
        and doc[t.i - 1].pos_ != "PROPN"
    ]


class _Checked(MentionFinder):
    """A finder that reads each document's untagged surnames both ways and compares them."""

    calls = 0
    found = 0

    def _untagged_surnames(
        self, doc: Doc, words: list[str], names: list[Any], entities: list[Any], surnames: set[str]
    ) -> list[Any]:
        new = super()._untagged_surnames(doc, words, names, entities, surnames)
        assert [(m.start, m.end) for m in new] == _old_untagged_surnames(self, doc, names, entities, surnames)
        self.calls += 1
        self.found += len(new)
        return new


SURNAME_TEXTS = [
    "Petra Lind, the city's new mayor, spoke first. Lind, speaking on radio, struck a harder tone, "
    "and Lind Street was closed. Later Marta Oberg said Lind had promised Oberg a vote.",
    "Ines Marrow met Tomas Kell in Geneva on Monday. Kell said Marrow would visit Kyiv, and Marrow "
    "agreed. Kell Kell Kell.",
    "No one is named here; Lind said nothing.",
]


@pytest.mark.model
def test_untagged_surnames_from_the_arrays_are_those_of_the_token_walk(nlp: Language) -> None:
    finder = _Checked(load_actors())
    for text in SURNAME_TEXTS:
        finder.find(nlp(text))
    assert finder.calls >= 2  # two texts name a person in full, then by surname
    assert finder.found >= 1  # and some surname the model tagged as nothing is found


# -- linear: the bucket memo's miss hashes directly -------------------------------------------------


def test_the_bucket_memo_gives_bucket_s_hash_and_starts_afresh_when_full() -> None:
    memo = linear.bucket_memo(97)
    memo.limit = 4
    features = [f"w=word{i}" for i in range(10)] + ["party=none", "w=word3"]
    assert [memo[f] for f in features] == [bucket(f, 97) for f in features]
    assert 0 < len(memo) <= 4
    assert isinstance(memo, Memo)
