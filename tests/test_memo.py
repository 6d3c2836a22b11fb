"""The bounded memo (``redline.memo.Memo``) and each memo built on it: a value is worked out
once per key, the memory stays within the limit, and a memo that started afresh gives what
working every value out again gives. Texts written for these tests."""

from __future__ import annotations

import pickle
from urllib.parse import quote_plus

import pytest

from redline.extract import issues, linear
from redline.extract.issues import IssueTagger
from redline.extract.lexicon import Pattern, PatternSet, normalise
from redline.extract.linear import LinearModel
from redline.knowledge import actors
from redline.knowledge.actors import ActorBase, fold_token, load_actors, split_words
from redline.knowledge.issues import load_issues
from redline.memo import Memo

TEXTS = [
    "The envoy said the ceasefire must hold before any sanctions are lifted.",
    "Security guarantees for Kyiv come before any talk of territory, the minister said.",
    "The talks were difficult but useful, a spokesman for the Kremlin told reporters.",
    "Nothing was agreed on the frozen assets, and the next round is set for Tuesday.",
    "Ukraine's foreign minister met the US special envoy in Geneva on Sunday.",
]


def test_a_value_is_worked_out_once_per_key() -> None:
    asked: list[str] = []

    def compute(key: str) -> int:
        asked.append(key)
        return len(key)

    memo = Memo(compute, 10)
    assert [memo[k] for k in ("a", "bb", "a", "bb", "ccc")] == [1, 2, 1, 2, 3]
    assert asked == ["a", "bb", "ccc"]
    assert list(map(memo.__getitem__, ["ccc", "a"])) == [3, 1]  # the C-level map reads it too
    assert asked == ["a", "bb", "ccc"]


def test_a_full_memo_starts_afresh_and_gives_the_same_values() -> None:
    asked: list[str] = []

    def compute(key: str) -> str:
        asked.append(key)
        return key.upper()

    memo = Memo(compute, 2)
    keys = ["a", "bb", "a", "ccc", "a", "dd", "bb"]
    assert [memo[k] for k in keys] == [k.upper() for k in keys]
    assert asked == ["a", "bb", "ccc", "a", "dd", "bb"]  # "ccc" dropped the two kept
    assert len(memo) <= 2


def test_get_and_membership_do_not_compute() -> None:
    memo = Memo(len, 4)
    assert memo.get("abc") is None and "abc" not in memo and len(memo) == 0
    assert memo["abc"] == 3 and "abc" in memo


def test_a_memo_pickles_with_its_values_and_limit() -> None:
    memo = Memo(fold_token, 7)
    memo["Zelenskyy"]
    again = pickle.loads(pickle.dumps(memo))
    assert dict(again) == dict(memo) and again.limit == 7 and again["Kyiv"] == fold_token("Kyiv")


def test_issue_tagger_memos_are_bounded_and_give_fresh_results(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(issues, "_TEXTS_REMEMBERED", 2)
    tagger = IssueTagger(load_issues())
    fresh = [(IssueTagger(load_issues()).order(t), IssueTagger(load_issues()).word_classes(t)) for t in TEXTS]
    assert any(order for order, _ in fresh) and any(classes for _, classes in fresh)  # something to compare
    for _ in range(2):
        assert [(tagger.order(t), tagger.word_classes(t)) for t in TEXTS] == fresh
        assert len(tagger._orders) <= 2 and len(tagger._word_classes) <= 2


def test_actor_base_memos_are_bounded_and_give_fresh_results(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actors, "_FOLDS_REMEMBERED", 3)
    monkeypatch.setattr(ActorBase, "_KEYS_REMEMBERED", 2)
    kb = load_actors()
    words = [split_words(t) for t in TEXTS]
    for _ in range(2):
        for w in words:
            assert [kb.fold(x) for x in w] == [fold_token(x) for x in w]
            for places in (False, True):
                assert kb.key(w, places) == tuple(kb.unit_columns(w, places)[0])
            assert len(kb._folded) <= 3 and len(kb._keys) <= 2
    assert kb.key(split_words("Russia's president"), True) != kb.key(split_words("Russia's president"), False)


def test_each_actor_base_keeps_its_own_keys() -> None:
    kb, other = load_actors(), load_actors()
    kept = dict(other._keys)
    unheard = ["a", "negotiator", "unheard", "of"]
    assert kb.key(unheard) == tuple(map(fold_token, unheard))
    assert other._keys == kept and kb._keys is not other._keys  # per instance: nothing shared


def test_linear_models_keep_their_own_buckets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linear, "_REMEMBERED", 3)
    weights = {linear.bucket("w=plan", 31): ((0, 1.5),), linear.bucket("w=deal", 31): ((1, -0.5),)}
    a = LinearModel(("x", "y"), 31, (0.0, 0.0), weights)
    b = LinearModel(("x", "y"), 31, (0.0, 0.0), weights)
    features = ["w=plan", "w=talks", "w=deal", "w=envoy", "w=plan", "w=week"]
    assert a.scores(features) == [1.5, -0.5] and len(a._buckets) <= 3
    assert len(b._buckets) == 0 and a == b  # the memo is neither shared nor compared


def test_pattern_set_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PatternSet, "_REMEMBERED", 4)
    patterns = PatternSet(Pattern.compile(p) for p in ("ceasefire", "sanction*", "security guarantee*"))
    fresh = [
        [(h.pattern.source, h.start, h.end) for h in PatternSet(patterns.patterns).find(normalise(t))]
        for t in TEXTS
    ]
    assert any(fresh)
    for _ in range(2):
        assert [
            [(h.pattern.source, h.start, h.end) for h in patterns.find(normalise(t))] for t in TEXTS
        ] == fresh
        assert len(patterns._starting) <= 4


def test_renderer_quotes_as_quote_plus() -> None:
    pytest.importorskip("fastapi")
    from redline.web.render import Renderer

    renderer = Renderer()
    for value in ("Sergei Lavrov", "a&b=c", 42, "Sergei Lavrov"):
        assert renderer._plus(value) == quote_plus(str(value))
    assert len(renderer._quoted) == 3


def test_the_models_of_one_weights_file_share_one_bucket_memo() -> None:
    from redline.knowledge.classifiers import load_weights

    w, other = load_weights(), load_weights()
    assert w is not None and other is not None
    assert w.issues._buckets is w.stance._buckets  # the same dims, the same features
    assert w.issues._buckets is not other.issues._buckets  # per weights file read
    alone = LinearModel(w.stance.classes, w.stance.dims, w.stance.bias, w.stance.weights)
    features = ["w=ceasefire", "w=hold", "cue=said", "w=sanctions"]
    w.issues.scores(features)
    assert w.stance.scores(features) == alone.scores(features)
