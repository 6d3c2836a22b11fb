"""Session 21's speed paths give what the readings they replace gave (issue 10): each check runs
the old computation beside the new one. Sentences written for these tests."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import numpy
import pytest
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc

from redline.extract import lexicon
from redline.extract.components import document_text, register_extensions
from redline.extract.events import EventFinder
from redline.extract.linear import LinearModel
from redline.extract.token_columns import StringColumn
from redline.knowledge.events import load_events

TEXTS = [
    "Zelensky met Macron in Paris on Monday. He said Macron would visit Kyiv before the summit.",
    "The envoys held talks in Geneva; the delegations will meet again next week to discuss a truce.",
    "Moscow rejected the proposal, and Kyiv proposed a ceasefire after the attack on the port.",
    "",
]


@pytest.fixture(scope="module")
def docs(nlp: Any) -> list[Doc]:
    return [nlp(text) for text in TEXTS]


# -- StringColumn ---------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [1_000, 3])  # 3: the memo starts afresh on every document
def test_a_string_column_reads_each_token_as_the_token_does(docs: list[Doc], limit: int) -> None:
    texts, lowers = StringColumn(str, limit), StringColumn(str.upper, limit)
    for doc in docs + docs:  # the second round reads remembered strings
        assert texts.column(doc, ORTH) == [t.text for t in doc]
        assert lowers.column(doc, LOWER) == [t.lower_.upper() for t in doc]
        assert len(texts.known) <= max(limit, len({t.orth for t in doc}))


def test_a_string_column_is_asked_once_per_string(docs: list[Doc]) -> None:
    asked: list[str] = []

    def compute(word: str) -> str:
        asked.append(word)
        return word

    column = StringColumn(compute, 1_000)
    column.column(docs[0], ORTH)
    column.column(docs[0], ORTH)
    assert sorted(asked) == sorted({t.text for t in docs[0]})


# -- event triggers' first words ------------------------------------------------------------------


def _old_starting_phrases(finder: EventFinder, doc: Doc) -> dict[int, set[int]]:
    """``EventFinder._starting_phrases`` as it decoded every distinct form and lemma of each Doc."""
    found: dict[int, set[int]] = {}
    if len(doc) == 0:
        return found
    strings, array = doc.vocab.strings, doc.to_array([LOWER, LEMMA])
    for column, key in ((0, str), (1, str.lower)):
        values, of = numpy.unique(array[:, column], return_inverse=True)
        of = of.reshape(-1)
        ranks = [finder._by_first.get(key(strings[v])) for v in values.tolist()]
        wanted = [k for k, r in enumerate(ranks) if r]
        for i in numpy.flatnonzero(numpy.isin(of, wanted)).tolist():
            found.setdefault(i, set()).update(ranks[of[i]] or ())
    return found


def test_starting_phrases_are_those_read_from_the_strings(docs: list[Doc]) -> None:
    finder = EventFinder(load_events())
    found = [finder._starting_phrases(doc) for doc in docs + docs]
    assert found == [_old_starting_phrases(finder, doc) for doc in docs + docs]
    assert any(found)  # the texts name events (a test that cannot fail is a defect)
    for new, old in zip(found, (_old_starting_phrases(finder, doc) for doc in docs + docs), strict=True):
        assert list(new) == list(old)  # in the same order


# -- the text the pipeline hands over -------------------------------------------------------------


def test_the_text_handed_over_is_read_once_and_dropped(nlp: Any) -> None:
    register_extensions()
    doc = nlp("Peskov said the talks were useful.")
    assert document_text(doc) == doc.text  # nothing handed over: the Doc's own text
    doc._.redline_text = doc.text
    assert document_text(doc) == doc.text
    assert doc._.redline_text is None  # not sent back from a worker


def test_the_extractor_hands_over_the_text_it_parses(extractor: Any) -> None:
    from redline.model import Document

    document = Document(id="d1", text="Peskov said the talks were useful.\n\nLavrov said they were not.")
    doc = extractor._prepare(document, 0, 36)
    assert doc._.redline_text == document.text[:36] == doc.text


def test_statements_are_the_same_with_and_without_the_text_handed_over(extractor: Any) -> None:
    text = "Peskov said on Monday that the talks were useful. “We are ready,” Lavrov told reporters."
    with extractor.nlp.select_pipes(disable=["redline_extract"]):
        bare, given = extractor.nlp(text), extractor.nlp(text)
    component = extractor.nlp.get_pipe("redline_extract")
    given._.redline_text = text
    assert component(bare)._.redline_statements == component(given)._.redline_statements
    assert bare._.redline_statements  # statements were found


# -- lexicon.prepare ------------------------------------------------------------------------------


_OLD_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def _old_prepare(text: str) -> str:
    """``lexicon.prepare`` as it translated and ran every pass on any text with an apostrophe."""
    text = unicodedata.normalize("NFKC", text).translate(_OLD_APOSTROPHES).lower()
    if "'" in text or "cannot" in text:
        text = re.sub(r"(?<=\w)'s\b", "", text, flags=re.IGNORECASE)
        for pattern, repl in (
            (r"\bcan't\b|\bcannot\b", "can not"),
            (r"\bwon't\b", "will not"),
            (r"\bshan't\b", "shall not"),
            (r"n't\b", " not"),
        ):
            text = re.sub(pattern, repl, text, flags=re.IGNORECASE)
    return text


@pytest.mark.parametrize(
    "text",
    [
        "The talks were useful, Peskov said.",
        "Moscow CANNOT accept it; Kyiv won’t either.",
        "Kyiv won't sign, and the envoy can`t say when.",
        "Putin’s aide said it’s too early.",
        "PUTIN'S AIDE SAID IT'S TOO EARLY; WE SHAN'T.",
        "They didn‘t, and ʼtwas the envoy's call.",
        "The list’s first point … the envoys’ reply.",
        "Ukraine’ſ position: the Kremlin'ſ reply",  # the long s, folded by NFKC
        "Ten\u00a0points, 28 in all, at 10:30 on 1.5.2025",
        "Don't, can't, isn't, aren't: no's and maybe's.",
        "",
    ],
)
def test_prepare_reads_as_every_pass_run(text: str) -> None:
    assert lexicon.prepare(text) == _old_prepare(text)
    assert lexicon.normalise(text) == list(lexicon._normalised(_old_prepare(text)))  # and the tokens from it


# -- LinearModel.contributions --------------------------------------------------------------------


def _old_contributions(model: LinearModel, features: Iterable[str], cls: str, top: int = 3) -> list[Any]:
    """``LinearModel.contributions`` as it read every feature's entries for the class."""
    index = model.classes.index(cls)
    seen: dict[str, float] = {}
    for f in features:
        for i, weight in model.weights.get(model._buckets[f], ()):
            if i == index:
                seen[f] = weight
    return sorted(seen.items(), key=lambda kv: -kv[1])[:top]


def test_contributions_are_those_read_feature_by_feature() -> None:
    from redline.extract.features import bucket

    dims = 64
    features = ["w=withdraw", "w=troops", "party=russia", "cue=insist", "w=withdraw", "kind=direct", "w=x"]
    weights: dict[int, tuple[tuple[int, float], ...]] = {}
    for n, f in enumerate(features[:5]):
        b = bucket(f, dims)
        weights[b] = (*weights.get(b, ()), (n % 3, 0.5 - n / 4), ((n + 1) % 3, n / 3))
    model = LinearModel(("conditional", "oppose", "support"), dims, (0.1, 0.2, 0.3), weights)
    for cls in model.classes:
        for top in (1, 3, 10):
            assert model.contributions(features, cls, top) == _old_contributions(model, features, cls, top)
            assert model.contributions(iter(features), cls, top) == _old_contributions(
                model, features, cls, top
            )
    assert model.contributions(features, "oppose", 10)  # some feature weighs for the class
    assert model.contributions([], "support") == []


# -- ActorBase.by_alias and with_title ------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Putin", "putin", "Vladimir Putin", "the Kremlin", "Zelenskyy", "Nobody Known"]
)
def test_an_alias_is_remembered_as_read(text: str) -> None:
    from redline.knowledge.actors import load_actors, split_words

    kb = load_actors()
    ids = kb.names.get(kb.key(split_words(text)), frozenset())
    fresh = tuple(kb.actors[i] for i in sorted(ids))
    assert kb.by_alias(text) == fresh
    assert kb.by_alias(text) is kb.by_alias(text)  # the second asking reads the memo


@pytest.mark.parametrize(
    "text", ["the envoy", "foreign minister", "Russian president", "spokesman", "of", "nothing"]
)
def test_actors_with_a_title_are_remembered_as_read(text: str) -> None:
    from redline.knowledge.actors import load_actors, split_words

    kb = load_actors()
    wanted = {k for k in kb.key(split_words(text), places=True) if k != "of"}
    ids = {i for key, owners in kb.titles.items() if wanted <= set(key) for i in owners} if wanted else set()
    assert kb.with_title(text) == tuple(kb.actors[i] for i in sorted(ids))
    assert kb.with_title(text) == kb.with_title(text)


def test_some_title_and_alias_are_known() -> None:
    from redline.knowledge.actors import load_actors

    kb = load_actors()  # the tests above compare something (a test that cannot fail is a defect)
    assert kb.by_alias("Putin") and kb.with_title("foreign minister")


# -- PatternSet: the candidates the next word leaves in play --------------------------------------


def _old_scan(patterns: lexicon.PatternSet, tokens: list[str]) -> list[tuple[int, lexicon.Hit]]:
    """``PatternSet._scan`` as it tried every pattern starting at a word."""
    out = []
    for start, tok in enumerate(tokens):
        for p, whole, group in patterns._starting[tok]:
            end = start + 1 if whole else p._match_from(tokens, start)
            if end is not None:
                out.append((group, lexicon.Hit(p, start, end)))
    return out


_SCAN_PATTERNS = [
    "not accept",
    "not ... accept",
    "not withdraw*",
    "not",
    "no deal",
    "no ... without",
    "in talks",
    "in exchange for",
    "in*",
    "withdraw* troops",
    "never",
]
_SCAN_TEXTS = [
    "Moscow will not accept it, and Kyiv will not.",
    "They would not, he said, accept any deal; no deal without Kyiv.",
    "Troops will not withdraw. Not withdrawing troops, in talks, in exchange for nothing: never",
    "not",  # a pattern's first word ends the text
    "in",
    "no",
    "not | accept",
    "",
]


@pytest.mark.parametrize("text", _SCAN_TEXTS)
def test_a_scan_finds_what_trying_every_pattern_found(text: str) -> None:
    patterns = lexicon.PatternSet.grouped(
        {
            "a": [lexicon.Pattern.compile(p) for p in _SCAN_PATTERNS[::2]],
            "b": [lexicon.Pattern.compile(p) for p in _SCAN_PATTERNS[1::2]],
        }
    )
    tokens = list(lexicon.normalise(text))
    if text == "not | accept":
        tokens = ["not", lexicon.BOUNDARY, "accept"]
    assert list(patterns._scan(tokens)) == _old_scan(patterns, tokens)
    assert list(patterns._scan(tuple(tokens))) == _old_scan(patterns, tokens)


def test_the_scan_texts_hit_longer_patterns() -> None:
    patterns = lexicon.PatternSet(lexicon.Pattern.compile(p) for p in _SCAN_PATTERNS)
    hits = [h for text in _SCAN_TEXTS for h in patterns.find(list(lexicon.normalise(text)))]
    assert {h.pattern.source for h in hits if h.length > 1} >= {"not accept", "no deal", "in exchange for"}


# -- a quotation's trailing marks -----------------------------------------------------------------


def _old_strip_content(text: str, start: int, end: int) -> tuple[int, int]:
    """``attribution._strip_content`` as it searched for the trailing marks from the content's start."""
    from redline.extract.attribution import _TRAILING

    while start < end and text[start].isspace():
        start += 1
    m = _TRAILING.search(text, start, end)
    while m and m.start() < end and m.end() == end:
        end = m.start()
        m = _TRAILING.search(text, start, end)
    return start, end


@pytest.mark.parametrize(
    "text",
    [
        "  We will not withdraw.  ",
        "The talks were useful, ",
        "The talks were useful... ",
        "Talks: day one; day two;,: \n",
        "U.S. officials said so.",
        "... .",
        ",;: ",
        "x.\u00a0",
        "",
        "No.",
    ],
)
def test_trailing_marks_are_stripped_as_searched_from_the_start(text: str) -> None:
    from redline.extract.attribution import _strip_content

    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert _strip_content(text, start, end) == _old_strip_content(text, start, end)
    if text.endswith("useful, "):
        assert _strip_content(text, 0, len(text)) == (0, len(text) - 2)  # the comma goes
