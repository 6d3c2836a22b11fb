"""Aligning the points of two plan versions: kept, modified, added, removed, merged, split.

Drafts get renumbered, reworded, merged and split between rounds, so numbers say little and
texts must be compared. A dynamic programme over both point sequences finds the best
monotone alignment, where a one-to-one pair earns its text similarity above a threshold
and a merge (two or three old points into one new) or a split (one into several) earns the
containment of each part in the whole. Order matters because drafts keep their structure:
of two similar candidates, the one in sequence wins. Points that moved out of sequence are
paired afterwards when their texts are near-identical, and flagged ``moved``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from redline.analysis.textsim import TfIdf, similarity, tokens
from redline.model import PlanVersion, Point

__all__ = [
    "KINDS",
    "AlignOptions",
    "Change",
    "ChangeKind",
    "PlanDiff",
    "WordChange",
    "align_versions",
    "word_diff",
]

ChangeKind = Literal["kept", "modified", "added", "removed", "merged", "split"]
KINDS: tuple[ChangeKind, ...] = ("kept", "modified", "added", "removed", "merged", "split")


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Thresholds of the alignment; the defaults are tuned by benchmarks/alignment_quality.py."""

    pair_threshold: float = 0.38  # similarity a one-to-one pair must exceed to beat removed + added
    part_threshold: float = 0.6  # containment each part of a merge or split must exceed
    move_threshold: float = 0.7  # similarity for pairing points out of sequence
    max_parts: int = 3  # largest merge or split considered


@dataclass(frozen=True, slots=True)
class WordChange:
    """One run of a word-level diff: ``op`` is equal, insert or delete."""

    op: Literal["equal", "insert", "delete"]
    text: str


@dataclass(slots=True)
class Change:
    """Old points, new points and how the ones became the others."""

    kind: ChangeKind
    old: list[Point] = field(default_factory=list)
    new: list[Point] = field(default_factory=list)
    similarity: float = 0.0
    moved: bool = False
    words: list[WordChange] = field(default_factory=list)

    @property
    def renumbered(self) -> bool:
        return len(self.old) == 1 and len(self.new) == 1 and self.old[0].number != self.new[0].number


@dataclass(slots=True)
class PlanDiff:
    """The alignment of two versions of one plan, in the order of the new version."""

    old: PlanVersion
    new: PlanVersion
    changes: list[Change]

    def pairs(self) -> set[tuple[str | None, str | None]]:
        """Aligned point numbers; removed points pair with None on the right, added on the left."""
        out: set[tuple[str | None, str | None]] = set()
        for c in self.changes:
            olds: list[str | None] = [p.number for p in c.old] or [None]
            news: list[str | None] = [p.number for p in c.new] or [None]
            out.update((o, n) for o in olds for n in news)
        return out

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        for c in self.changes:
            counts[c.kind] += 1
        return counts


def _one_to_one(old: Point, new: Point) -> ChangeKind:
    """Kept when only case, spacing or punctuation differ; modified otherwise."""
    same = re.findall(r"\w+", old.text.lower()) == re.findall(r"\w+", new.text.lower())
    return "kept" if same else "modified"


def word_diff(old: str, new: str) -> list[WordChange]:
    """Word-level diff of two texts (punctuation stays attached to its word)."""
    a, b = old.split(), new.split()
    out: list[WordChange] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(WordChange("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(WordChange("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(WordChange("insert", " ".join(b[j1:j2])))
    return out


class _Scorer:
    """Similarities between the two versions' points, computed once per pair."""

    def __init__(self, old: Sequence[Point], new: Sequence[Point]) -> None:
        self.a = [tokens(p.text) for p in old]
        self.b = [tokens(p.text) for p in new]
        self.space = TfIdf(self.a + self.b)
        self.sim = [[similarity(self.space, x, y) for y in self.b] for x in self.a]

    def multi(
        self, parts: Sequence[list[str]], whole: list[str], k: int, opt: AlignOptions
    ) -> tuple[float, float]:
        """Gain and similarity of a merge or split of ``parts`` into (or out of) ``whole``.

        The joined parts pay like one pair with the whole; each extra part must also earn
        its place by being contained in the whole (and the whole in the parts), so that an
        unrelated neighbour is never swallowed.
        """
        joined = [t for part in parts for t in part]
        s = similarity(self.space, joined, whole)
        worst = min(self.space.containment(part, whole) for part in parts)
        c = min(worst, self.space.containment(whole, joined) + 0.15)
        return (s - opt.pair_threshold) + (k - 1) * (c - opt.part_threshold), s


def _dp(sc: _Scorer, opt: AlignOptions) -> list[tuple[list[int], list[int], float]]:
    """Best monotone alignment as (old indices, new indices, similarity) groups."""
    n, m = len(sc.a), len(sc.b)
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == neg:
                continue
            moves: list[tuple[int, int, float, float]] = []  # di, dj, gain, similarity
            if i < n:
                moves.append((1, 0, 0.0, 0.0))
            if j < m:
                moves.append((0, 1, 0.0, 0.0))
            if i < n and j < m:
                s = sc.sim[i][j]
                moves.append((1, 1, s - opt.pair_threshold, s))
            for k in range(2, opt.max_parts + 1):
                if i + k <= n and j < m:
                    moves.append((k, 1, *sc.multi(sc.a[i : i + k], sc.b[j], k, opt)))
                if j + k <= m and i < n:
                    moves.append((1, k, *sc.multi(sc.b[j : j + k], sc.a[i], k, opt)))
            for di, dj, gain, s in moves:
                if here + gain > best[i + di][j + dj]:
                    best[i + di][j + dj] = here + gain
                    back[i + di][j + dj] = (di, dj, s)
    groups: list[tuple[list[int], list[int], float]] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        di, dj, s = step
        groups.append((list(range(i - di, i)), list(range(j - dj, j)), s))
        i, j = i - di, j - dj
    groups.reverse()
    return groups


def _change(kind: ChangeKind, old: list[Point], new: list[Point], s: float, moved: bool = False) -> Change:
    words: list[WordChange] = []
    if old and new:
        words = word_diff(" ".join(p.text for p in old), " ".join(p.text for p in new))
    return Change(kind, old, new, round(s, 3), moved, words)


def align_versions(old: PlanVersion, new: PlanVersion, options: AlignOptions | None = None) -> PlanDiff:
    """Align the points of ``old`` and ``new`` and say how each changed."""
    opt = options or AlignOptions()
    sc = _Scorer(old.points, new.points)
    groups = _dp(sc, opt)
    lone_old = {g[0][0] for g in groups if not g[1]}
    lone_new = {g[1][0] for g in groups if not g[0]}
    moved: dict[int, tuple[int, float]] = {}  # new index -> (old index, similarity)
    candidates = sorted(((sc.sim[i][j], i, j) for i in lone_old for j in lone_new), reverse=True)
    for s, i, j in candidates:
        if s < opt.move_threshold:
            break
        if i in lone_old and j in lone_new:
            moved[j] = (i, s)
            lone_old.discard(i)
            lone_new.discard(j)
    moved_old = {i for i, _ in moved.values()}
    changes: list[Change] = []
    for olds, news, s in groups:
        o = [old.points[i] for i in olds]
        w = [new.points[j] for j in news]
        if not news:
            if olds[0] not in moved_old:
                changes.append(_change("removed", o, [], 0.0))
        elif not olds:
            if news[0] in moved:
                i, ms = moved[news[0]]
                p = old.points[i]
                changes.append(_change(_one_to_one(p, w[0]), [p], w, ms, moved=True))
            else:
                changes.append(_change("added", [], w, 0.0))
        elif len(olds) > 1:
            changes.append(_change("merged", o, w, s))
        elif len(news) > 1:
            changes.append(_change("split", o, w, s))
        else:
            changes.append(_change(_one_to_one(o[0], w[0]), o, w, s))
    return PlanDiff(old=old, new=new, changes=changes)
