"""Linear classifiers over hashed feature names, evaluated in plain Python.

The weights are trained offline with scikit-learn (``scripts/train_classifiers.py``) and shipped
as JSON; at run time a prediction is one dictionary lookup per feature and a softmax or
sigmoid, so redline never imports scikit-learn and the model adds microseconds per statement.
Weights are sparse (only buckets that carried weight in training are stored).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import InitVar, dataclass, field
from functools import partial

from redline.extract.features import bucket
from redline.memo import Memo

_REMEMBERED = 1 << 16  # feature names whose bucket a memo keeps before it starts afresh


def bucket_memo(dims: int) -> Memo[str, int]:
    """Feature name -> bucket among ``dims``, hashed on first sight: ``scores`` reads it
    through a C-level map (a plain dict lookup, where ``bucket``'s cache builds a key). The
    models of one weights file read mostly the same features and share one. A miss hashes
    directly (``bucket`` uncached): the memo is the cache, and most n-grams of an article are
    first seen there, where a second cache's miss and insertion only added to the hash."""
    return _BucketMemo(dims, _REMEMBERED)


_hashed = bucket.__wrapped__  # ``bucket`` uncached


class _BucketMemo(Memo[str, int]):
    """A ``Memo`` of ``bucket`` for one ``dims`` whose miss calls the hash itself: through
    ``Memo.compute`` (a ``partial``) a miss ran a Python frame more, and a tenth of the
    features the models read are first sightings (34,000 of 374,000 on PolNeAR dev)."""

    __slots__ = ("dims",)

    def __init__(self, dims: int, limit: int) -> None:
        super().__init__(partial(_hashed, dims=dims), limit)
        self.dims = dims

    def __missing__(self, key: str) -> int:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = _hashed(key, self.dims)
        return value


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Per-class weights over hashed features; ``multilabel`` scores classes independently
    (one-vs-rest sigmoid, for issues), otherwise they compete (softmax, for stance)."""

    classes: tuple[str, ...]
    dims: int
    bias: tuple[float, ...]
    weights: Mapping[int, tuple[tuple[int, float], ...]]  # bucket -> ((class index, weight), ...)
    multilabel: bool = False
    # a ``bucket_memo`` of the same dims to share with other models (else the model makes its own)
    buckets: InitVar[Memo[str, int] | None] = None
    _buckets: Memo[str, int] = field(init=False, repr=False, compare=False)
    # class index -> {bucket: its weight for the class} (``contributions``), built on first use
    _class_weights: dict[int, dict[int, float]] = field(init=False, repr=False, compare=False)

    def __post_init__(self, buckets: Memo[str, int] | None) -> None:
        object.__setattr__(self, "_buckets", bucket_memo(self.dims) if buckets is None else buckets)
        object.__setattr__(self, "_class_weights", {})

    def scores(self, features: Iterable[str]) -> list[float]:
        """Raw class scores (logits); each distinct feature counts once."""
        out = list(self.bias)
        # the buckets in the features' order, as a set comprehension would add them (the sums
        # then run in the same order), looked up by a C-level map; the buckets that carry no
        # weight (most words) are passed over by a C-level filter, which keeps that order
        buckets = set(map(self._buckets.__getitem__, features))
        for entries in filter(None, map(self.weights.get, buckets)):
            for index, weight in entries:
                out[index] += weight
        return out

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Class probabilities: independent sigmoids (multilabel) or a softmax."""
        logits = self.scores(features)
        if self.multilabel:
            return {c: _sigmoid(x) for c, x in zip(self.classes, logits, strict=True)}
        top = max(logits)
        exp = [math.exp(x - top) for x in logits]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    def knows(self, feature: str) -> bool:
        """Whether ``feature`` carries weight for any class: whether training taught the model
        anything about it (a hashed bucket shared by chance with a learned feature counts too;
        at 2**18 buckets and a few thousand learned ones, about one unseen word in a hundred)."""
        return self._buckets[feature] in self.weights

    def contributions(self, features: Iterable[str], cls: str, top: int = 3) -> list[tuple[str, float]]:
        """The features that pushed hardest toward ``cls``: what an explanation shows."""
        weights = self._weights_of(self.classes.index(cls))
        features = list(features)
        # each feature with its weight for the class, first place and last weight kept as a
        # loop filling a dict would keep them; the lookups are C-level maps
        found = zip(features, map(weights.get, map(self._buckets.__getitem__, features)), strict=True)
        seen = {f: w for f, w in found if w is not None}
        return sorted(seen.items(), key=lambda kv: -kv[1])[:top]

    def _weights_of(self, index: int) -> dict[int, float]:
        """Each bucket's weight for the class at ``index``: an explanation asks for one class's
        weights of every feature of a statement. Every class's are read from ``weights`` in
        one pass, the first time any is asked (a pass per class read every entry each time)."""
        if not self._class_weights:
            by_class: dict[int, dict[int, float]] = {i: {} for i in range(len(self.classes))}
            for b, entries in self.weights.items():
                for i, w in entries:
                    by_class[i][b] = w
            self._class_weights.update(by_class)
        return self._class_weights[index]


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


__all__ = ["LinearModel"]
