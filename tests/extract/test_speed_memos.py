"""The memos and array reads of issue 10's speed work (session 14) find what the slow paths
found: the lexicon's per-word starting patterns, the linear models' bucket memo, the issue
tagger's last read of a statement, and the speaker index's sentence numbers and quote mask.
Each is checked against a copy of the code it replaced. Sentences written for these tests."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import pytest
import spacy

from redline.extract import lexicon, linear
from redline.extract.english import CLOSING_QUOTES, OPENING_QUOTES
from redline.extract.features import bucket
from redline.extract.issues import IssueTagger
from redline.extract.lexicon import BOUNDARY, Hit, Pattern, PatternSet, normalise, words
from redline.extract.linear import LinearModel
from redline.extract.speaker_index import quote_mask, sentence_numbers
from redline.knowledge.issues import load_issues

SENTENCES = [
    "The envoy said the ceasefire along the front line must hold before sanctions are lifted.",
    "Kyiv rejected any withdrawal from the Donbas; Moscow demanded it, and Washington hesitated.",
    "Security guarantees, the minister insisted, were not negotiable (nor was the army's size).",
    "\u201cWe will never recognise the annexation,\u201d she told reporters on Tuesday.",
    "Talks on the nuclear plant stalled; the frozen assets were not discussed at all.",
    "Das ist nicht der Plan, sagte er, und die Gespr\u00e4che gehen weiter.",
]

PATTERNS = [
    "ceasefire",
    "front line",
    "sanction*",
    "withdraw* ... donbas",
    "security guarantee*",
    "not ... negotiable",
    "army",
    "nuclear plant",
    "froz* asset*",
    "annex*",
    "re*",  # a short prefix: tried at every word
    "ta* on",
]


def reference_find(patterns: Sequence[Pattern], tokens: Sequence[str]) -> list[Hit]:
    """``PatternSet.find`` as it was before the per-word memo: candidates filed by exact first
    word, then by the first three letters, then the short prefixes, each tried in turn."""
    exact: dict[str, list[Pattern]] = {}
    prefixed: dict[str, list[Pattern]] = {}
    short: list[Pattern] = []
    for p in patterns:
        word, prefix, _ = p.steps[0]
        if not prefix:
            exact.setdefault(word, []).append(p)
        elif len(word) >= 3:
            prefixed.setdefault(word[:3], []).append(p)
        else:
            short.append(p)
    hits = []
    for start, tok in enumerate(tokens):
        if tok == BOUNDARY:
            continue
        for candidates in (exact.get(tok), prefixed.get(tok[:3]), short):
            for p in candidates or ():
                end = p._match_from(tokens, start)
                if end is not None:
                    hits.append(Hit(p, start, end))
    return hits


@pytest.mark.parametrize("text", SENTENCES)
def test_a_pattern_set_finds_the_hits_of_the_walk_it_replaced_in_the_same_order(text: str) -> None:
    patterns = [Pattern.compile(p, 1.0, p) for p in PATTERNS]
    found = PatternSet(patterns)
    tokens = normalise(text)
    assert found.find(tokens) == reference_find(patterns, tokens)
    assert found.find(tuple(tokens)) == reference_find(patterns, tokens)  # from the memo now
    # every pattern tried alone finds the same spans
    assert sorted((h.pattern.source, h.start, h.end) for h in found.find(tokens)) == sorted(
        (p.source, s, e) for p in patterns for s, e in p.find(tokens)
    )


@pytest.mark.parametrize("text", SENTENCES)
def test_a_pattern_set_without_short_prefixes_finds_the_same(text: str) -> None:
    """Without a short prefix, a word no pattern is filed under starts none (the quick path)."""
    patterns = [Pattern.compile(p, 1.0, p) for p in PATTERNS if p not in ("re*", "ta* on")]
    found = PatternSet(patterns)
    assert not found._short
    tokens = normalise(text)
    assert found.find(tokens) == reference_find(patterns, tokens)
    assert any(v == () for v in found._starting.values())  # words that start nothing were met


def test_the_pattern_memo_starts_afresh_past_its_limit_and_finds_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(PatternSet, "_REMEMBERED", 3)
    patterns = [Pattern.compile(p, 1.0, p) for p in PATTERNS]
    found = PatternSet(patterns)
    for text in SENTENCES + SENTENCES:
        tokens = normalise(text)
        assert found.find(tokens) == reference_find(patterns, tokens)
        assert len(found._starting) <= 3


def test_a_one_word_pattern_ends_after_its_word_and_a_longer_one_is_still_walked() -> None:
    found = PatternSet([Pattern.compile("plan"), Pattern.compile("plan ... peace"), Pattern.compile("peace")])
    hits = found.find(normalise("The plan for peace, then peace."))
    assert [(h.pattern.source, h.start, h.end) for h in hits] == [
        ("plan", 1, 2),
        ("plan ... peace", 1, 4),
        ("peace", 3, 4),
        ("peace", 6, 7),
    ]


def reference_scores(model: LinearModel, features: Sequence[str]) -> list[float]:
    """``LinearModel.scores`` as it was: every bucket of the set, hashed by ``bucket``."""
    out = list(model.bias)
    for b in {bucket(f, model.dims) for f in features}:
        for index, weight in model.weights.get(b, ()):
            out[index] += weight
    return out


def test_linear_scores_are_the_sums_of_the_code_they_replaced_to_the_last_bit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(14)
    dims = 97  # few buckets: features collide, as they do in the shipped models
    vocabulary = [f"w=word{i}" for i in range(300)]
    weights: dict[int, tuple[tuple[int, float], ...]] = {}
    for f in vocabulary[::2]:
        weights[bucket(f, dims)] = tuple((c, rng.uniform(-3, 3)) for c in range(3) if rng.random() < 0.7)
    monkeypatch.setattr(linear, "_REMEMBERED", 50)  # the memo starts afresh along the way
    model = LinearModel(("a", "b", "c"), dims, (0.1, -0.2, 0.3), weights)
    for _ in range(200):
        features = rng.sample(vocabulary, rng.randint(0, 60))
        features += features[: rng.randint(0, 5)]  # a feature named twice counts once
        assert model.scores(features) == reference_scores(model, features)
    assert len(model._buckets) <= 50
    assert model.contributions(["w=word0", "w=word2"], "a") == sorted(
        ((f, w) for f in ["w=word0", "w=word2"] for i, w in weights.get(bucket(f, dims), ()) if i == 0),
        key=lambda kv: -kv[1],
    )


@pytest.fixture(scope="module")
def tagger() -> IssueTagger:
    return IssueTagger(load_issues())


def test_the_issue_order_of_a_statement_is_its_own_whatever_was_read_before(tagger: IssueTagger) -> None:
    """``order`` reuses the hits ``evidence`` found for the same words: a statement read in
    between, or a different sentence around the same content, must not leak into it."""
    first = "the sanctions will stay until the ceasefire holds"
    second = "security guarantees for Kyiv come before any talk of territory"
    alone = IssueTagger(load_issues())
    expected = (alone.order(first), IssueTagger(load_issues()).order(second))
    tagger.evidence(first, "They said the sanctions will stay until the ceasefire holds.")
    assert tagger.order(first) == expected[0]
    tagger.evidence(second, "", "The sanctions will stay.")
    assert tagger.order(first) == expected[0]
    assert tagger.order(second) == expected[1]
    assert {k: (v.score, v.terms, v.first, v.words) for k, v in tagger.evidence(first).items()} == {
        k: (v.score, v.terms, v.first, v.words) for k, v in alone.evidence(first).items()
    }


def test_the_last_read_is_keyed_by_the_words_object_not_by_equal_text(tagger: IssueTagger) -> None:
    content = "the frozen assets must be returned"
    tokens = words(content)
    read = tagger._read(tokens)
    assert tagger._read(tokens) is read
    assert tagger._read(tuple(lexicon.normalise(content))) is not read  # equal, not the same: read again


def reference_index(doc: Any) -> tuple[list[int], list[bool]]:
    """The token walk ``SpeakerResolver._index`` made before it read the arrays."""
    sentenced = doc.has_annotation("SENT_START")
    sent_of, n = [0] * len(doc), 0
    in_quote, inside = [False] * len(doc), False
    for t in doc:
        if sentenced and t.i > 0 and t.is_sent_start:
            n += 1
        sent_of[t.i] = n
        word = t.text
        if word in OPENING_QUOTES or (word == '"' and not inside):
            inside = True
        elif word in CLOSING_QUOTES or word == '"':
            inside = False
            in_quote[t.i] = True
            continue
        in_quote[t.i] = inside
    return sent_of, in_quote


QUOTED = [
    '"We are ready," the envoy said. "But not at any price." Nobody answered.',
    "\u201cThe draft is dead,\u201d one official said. \u201cIt was dead on arrival.",
    "He called it \u00aba trap\u00bb and left. Then \u201cnothing\u201d, she wrote.",
    'An unclosed "quote runs on. And on, to the end',
    "\u201cOpened twice \u201cand closed once\u201d here. The end.",
    "No quotation marks at all in this sentence. Nor in this one.",
    "",
]


@pytest.mark.model
@pytest.mark.parametrize("text", QUOTED)
def test_sentence_numbers_and_quote_mask_are_those_of_the_token_walk(nlp: Any, text: str) -> None:
    doc = nlp(text)
    assert (sentence_numbers(doc), quote_mask(doc)) == reference_index(doc)


@pytest.mark.parametrize("text", QUOTED)
def test_a_doc_without_sentence_bounds_is_one_sentence(text: str) -> None:
    doc = spacy.blank("en")(text)
    assert not len(doc) or not doc.has_annotation("SENT_START")
    assert (sentence_numbers(doc), quote_mask(doc)) == reference_index(doc)


DATED = [
    "The envoy spoke on Tuesday, a day after the talks in Geneva.",
    "The draft of November 19, 2025 was replaced on 2025-11-23 by a shorter text.",
    "Since March 2022 the front has barely moved; in April the guns fell silent for a day.",
    "Two weeks ago the minister said the plan would be signed soon, perhaps next week.",
    "On the 3rd of December, the 28 points became 19.",
    "The vote is set for \u0663 December.",  # an Arabic-Indic digit: ``\d`` reads it too
    "Nothing in this sentence names a day at all.",
]


@pytest.mark.parametrize("text", DATED)
def test_date_expressions_are_those_found_when_every_pattern_runs(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The numeric patterns are skipped in a text without a digit: what is found is what
    running every pattern finds."""
    from datetime import date

    from redline.extract import dates

    pub, told = date(2025, 11, 27), date(2025, 11, 25)
    fast = (dates._candidates(text, pub), dates._candidates(text, pub, True, told))
    monkeypatch.setattr(dates, "_DIGIT", __import__("re").compile(""))  # every text "has a digit"
    assert fast == (dates._candidates(text, pub), dates._candidates(text, pub, True, told))


def reference_units(kb: Any, words: Sequence[str], places: bool) -> list[tuple[str, int, int]]:
    """``ActorBase.units`` as it was, building a unit per step while it walked."""
    from redline.knowledge.actors import SKIPPED

    folded = [kb.fold(w) for w in words]
    if not places:
        return [(word, i, i + 1) for i, word in enumerate(folded) if word not in SKIPPED]
    out: list[tuple[str, int, int]] = []
    i, size = 0, len(folded)
    while i < size:
        word = folded[i]
        if word in SKIPPED:
            i += 1
            continue
        hit = None
        if word in kb._place_starts:
            for n in range(min(kb._longest_place, size - i), 0, -1):
                span = tuple(k for k in folded[i : i + n] if k not in SKIPPED)
                if span and span in kb.place_forms and folded[i + n - 1] not in SKIPPED:
                    hit = (kb.place_forms[span], n)
                    break
        if hit:
            out.append((hit[0], i, i + hit[1]))
            i += hit[1]
        else:
            out.append((word, i, i + 1))
            i += 1
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Russia's Foreign Minister Sergei Lavrov met the US envoy in Abu Dhabi",
        "the Kremlin said the Ukrainian president and the president of Russia had not spoken",
        "Moscow's negotiator , the the Kyiv delegation 's head",
        "",
    ],
)
def test_unit_columns_are_the_units_the_walk_built(text: str) -> None:
    from redline.knowledge.actors import load_actors, split_words

    kb = load_actors()
    words = split_words(text)
    for places in (False, True):
        keys, starts, ends = kb.unit_columns(words, places)
        assert list(zip(keys, starts, ends, strict=True)) == reference_units(kb, words, places)
        assert [tuple(u) for u in kb.units(words, places)] == reference_units(kb, words, places)
        assert kb.key(words, places) == tuple(k for k, _, _ in reference_units(kb, words, places))
