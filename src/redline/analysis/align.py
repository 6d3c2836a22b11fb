"""Aligning the points of two plan versions: kept, modified, added, removed, merged, split.

Drafts get renumbered, reworded, merged and split between rounds, so texts must be compared;
but real drafts carry more evidence than their wording, and a pair earns all of it:

- text similarity (TF-IDF cosine lifted by character overlap), and containment, so that a
  truncated or summarised point still meets the full one it comes from;
- the numbers and named entities a clause carries (600,000 and 800,000 in "the army" are a
  change of one clause; shared names such as NATO or Zaporizhzhia are evidence);
- shared issue tags;
- the point number, weakly in general and strongly when the new version keeps the old
  numbering (a mark-up: ``based_on`` names the old version, or the confident pairs mostly
  share numbers).

A dynamic programme over both point sequences finds the best monotone alignment (order
matters because a rewrite keeps its structure), where a merge (two or three old points into
one new) or a split (one into several) must also earn the containment of each part in the
whole, and earns the names, figures and tags its parts share with the whole, as a pair does.
Points left out of sequence are then paired by one global assignment (the Hungarian method),
not greedily, and flagged ``moved``; one whose text a pair holds (a point joined to a later one
past its neighbours) joins that pair as a moved merge or split. Points whose
text is unknown take no part: they are reported as "unknown", never "removed".
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from redline.analysis.textsim import TfIdf, similarity, stem, tokens
from redline.knowledge.scripts import latin_letters
from redline.model import PlanVersion, Point

__all__ = [
    "KINDS",
    "AlignOptions",
    "Change",
    "ChangeKind",
    "PlanDiff",
    "WordChange",
    "align_versions",
    "best_assignment",
    "word_diff",
]

ChangeKind = Literal["kept", "modified", "added", "removed", "merged", "split", "unknown"]
KINDS: tuple[ChangeKind, ...] = ("kept", "modified", "added", "removed", "merged", "split", "unknown")


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Thresholds of the alignment; the defaults are tuned by benchmarks/alignment_quality.py."""

    pair_threshold: float = 0.38  # similarity a one-to-one pair must exceed to beat removed + added
    part_threshold: float = 0.6  # containment each part of a merge or split must exceed
    move_threshold: float = 0.7  # similarity for pairing points out of sequence
    max_parts: int = 3  # largest merge or split considered
    contained: float = 0.85  # weight of containment (a truncated or summarised point in the full one)
    entity_weight: float = 0.15  # bonus for the share of numbers and names two points have in common
    tag_weight: float = 0.05  # bonus for sharing an issue tag
    number_bonus: float = 0.04  # same point number, when numbering may have shifted
    kept_number_bonus: float = 0.3  # same point number in a mark-up that keeps the numbering
    kept_share: float = 0.75  # share of confident pairs with equal numbers that means "numbering kept"


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
        """Aligned point numbers; removed points pair with None on the right, added on the left.

        Points whose text is unknown are in no pair: nothing is known about what became of them.
        """
        out: set[tuple[str | None, str | None]] = set()
        for c in self.changes:
            if c.kind == "unknown":
                continue
            olds: list[str | None] = [p.number for p in c.old] or [None]
            news: list[str | None] = [p.number for p in c.new] or [None]
            out.update((o, n) for o in olds for n in news)
        return out

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        for c in self.changes:
            counts[c.kind] += 1
        if not counts["unknown"]:
            del counts["unknown"]  # only versions with points of unknown text say so
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


_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b([A-Z][\w-]+)")
_NUM = re.compile(r"\d[\d,.]*")
# a word of any script after the first of its sentence; capitalised ones are names
_WORD_INSIDE = re.compile(r"(?<![.!?:]\s)(?<!^)\b([^\W\d_][\w'’-]+)")
# names spelled loosely once in Latin letters: c and k, g and h, w and v, j and y and i meet
_LOOSE = str.maketrans("cgwjyq", "khviik")


def _entities(text: str) -> set[str]:
    """Numbers and capitalised names (not sentence-initial words): the specifics of a clause."""
    nums = {n.replace(",", "").rstrip(".") for n in _NUM.findall(text)}
    names = {stem(m.lower()) for m in _NAME.findall(text)}
    return nums | names


def _script(points: Sequence[Point]) -> str:
    """The script most letters of the points' wording are in ("LATIN", "CYRILLIC")."""
    counts = Counter(unicodedata.name(c, "?").split()[0] for p in points for c in p.english if c.isalpha())
    return counts.most_common(1)[0][0] if counts else ""


def _name_key(word: str) -> str:
    """A name as its first Latin letters, spelled loosely: "Корран" and "Corran", "Тавріну"
    (inflected) and "Tavrin", "Гальм" and "Halm" meet."""
    table = latin_letters()
    latin = "".join(table.get(c, c if c.isascii() and c.isalpha() else "") for c in word.lower())
    return "~" + re.sub(r"(.)\1+", r"\1", latin.translate(_LOOSE))[:4]


def _translated_entities(text: str) -> set[str]:
    """What survives a translation of a clause: its figures and its names in Latin letters."""
    nums = {n.replace(",", "").rstrip(".") for n in _NUM.findall(text)}
    return nums | {_name_key(w) for w in _WORD_INSIDE.findall(text) if w[0].isupper()}


def _share(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


class _Scorer:
    """Evidence that two points are one clause, computed once per pair."""

    def __init__(self, old: Sequence[Point], new: Sequence[Point], opt: AlignOptions, markup: bool) -> None:
        self.a = [tokens(p.english) for p in old]
        self.b = [tokens(p.english) for p in new]
        self.space = TfIdf(self.a + self.b)
        # versions in two scripts (a draft and its translation, with no English gloss) share no
        # words: their points are compared by what a translation keeps, figures and names
        self.translated = bool(old and new) and _script(old) != _script(new)
        entities = _translated_entities if self.translated else _entities
        self.ea = [entities(p.english) for p in old]
        self.eb = [entities(p.english) for p in new]
        self.tags_a = [set(p.issues) for p in old]
        self.tags_b = [set(p.issues) for p in new]
        loose = [p.text_status in ("partial", "summary") for p in new]
        if self.translated:
            self.text = [[_share(x, y) for y in self.eb] for x in self.ea]
        else:
            self.text = [[self._text(x, y, opt, loose[j]) for j, y in enumerate(self.b)] for x in self.a]
        self.sim = [[0.0] * len(new) for _ in old]
        self.bonus = [[0.0] * len(new) for _ in old]  # the point-number part of ``sim``
        if not markup:
            markup = _keeps_numbering(old, new, self.text, opt)
        self.markup = markup
        for i, p in enumerate(old):
            for j, q in enumerate(new):
                s = self.text[i][j] + self.evidence([i], [j], opt)
                if p.number == q.number:
                    # A mark-up that keeps the numbering makes the number itself evidence,
                    # as long as the texts have something in common or the new one is a summary.
                    strong = markup and (s >= 0.1 or q.text_status in ("partial", "summary"))
                    self.bonus[i][j] = opt.kept_number_bonus if strong else opt.number_bonus
                    s += self.bonus[i][j]
                self.sim[i][j] = min(s, 1.0)

    def evidence(self, olds: Sequence[int], news: Sequence[int], opt: AlignOptions) -> float:
        """What the old points ``olds`` and new points ``news`` share besides wording: numbers and
        names, and issue tags. A merge or split earns it as a pair does, its parts taken together."""
        ea = set().union(*(self.ea[i] for i in olds))
        eb = set().union(*(self.eb[j] for j in news))
        s = opt.entity_weight * len(ea & eb) / min(len(ea), len(eb)) if ea and eb else 0.0
        tags_a = set().union(*(self.tags_a[i] for i in olds))
        return s + (opt.tag_weight if tags_a & set().union(*(self.tags_b[j] for j in news)) else 0.0)

    def _text(self, x: list[str], y: list[str], opt: AlignOptions, loose: bool) -> float:
        """Similarity, or containment when the new text is a summary, an excerpt or a truncated prefix.

        Containment is not used for complete texts in general: a short new point contained
        in a longer old one is as often one half of a split.
        """
        s = similarity(self.space, x, y)
        short, long_ = (x, y) if len(x) <= len(y) else (y, x)
        prefix = len(short) >= 3 and long_[: len(short)] == short
        if min(len(x), len(y)) >= 3 and (loose or prefix):
            s = max(s, opt.contained * self.space.containment(short, long_) * min(1.0, len(short) / 6))
        return s

    def multi(
        self, parts: Sequence[list[str]], whole: list[str], k: int, opt: AlignOptions, evidence: float = 0.0
    ) -> tuple[float, float]:
        """Gain and similarity of a merge or split of ``parts`` into (or out of) ``whole``.

        The joined parts pay like one pair with the whole; each extra part must also earn
        its place by being contained in the whole (and the whole in the parts), so that an
        unrelated neighbour is never swallowed.
        """
        joined = [t for part in parts for t in part]
        s = min(similarity(self.space, joined, whole) + evidence, 1.0)
        worst = min(self.space.containment(part, whole) for part in parts)
        c = min(worst, self.space.containment(whole, joined) + 0.15)
        return (s - opt.pair_threshold) + (k - 1) * (c - opt.part_threshold), s


def _keeps_numbering(
    old: Sequence[Point], new: Sequence[Point], text: list[list[float]], opt: AlignOptions
) -> bool:
    """Whether most confidently similar pairs (each other's best match) share their point number."""
    confident = 0
    same = 0
    for i in range(len(old)):
        if not text[i]:
            continue
        j = max(range(len(new)), key=lambda k: text[i][k])
        if text[i][j] < 0.5 or max(range(len(old)), key=lambda k: text[k][j]) != i:
            continue
        confident += 1
        same += old[i].number == new[j].number
    return confident >= 3 and same >= opt.kept_share * confident


def best_assignment(gain: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Rows paired with columns so that the total gain is largest (Hungarian method, O(n^3)).

    Every row of the smaller side is paired; callers drop the pairs that gain nothing.
    """
    rows, cols = len(gain), len(gain[0]) if gain else 0
    if not rows or not cols:
        return []
    flip = rows > cols
    if flip:
        gain = [list(col) for col in zip(*gain, strict=True)]
        rows, cols = cols, rows
    top = max(max(r) for r in gain)
    cost = [[top - g for g in r] for r in gain]  # minimise cost = maximise gain
    inf = float("inf")
    u, v = [0.0] * (rows + 1), [0.0] * (cols + 1)
    match = [0] * (cols + 1)  # column -> row (1-based; 0 free)
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        match[0] = i
        j0 = 0
        low = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, cols + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < low[j]:
                        low[j], way[j] = cur, j0
                    if low[j] < delta:
                        delta, j1 = low[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    low[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    pairs = [(match[j] - 1, j - 1) for j in range(1, cols + 1) if match[j]]
    return sorted((c, r) for r, c in pairs) if flip else sorted(pairs)


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
                # a merge or split earns the number evidence of the pairs inside it, like a pair
                if i + k <= n and j < m:
                    gain, s = sc.multi(
                        sc.a[i : i + k], sc.b[j], k, opt, sc.evidence(range(i, i + k), [j], opt)
                    )
                    moves.append((k, 1, gain + max(sc.bonus[i + d][j] for d in range(k)), s))
                if j + k <= m and i < n:
                    gain, s = sc.multi(
                        sc.b[j : j + k], sc.a[i], k, opt, sc.evidence([i], range(j, j + k), opt)
                    )
                    moves.append((1, k, gain + max(sc.bonus[i][j + d] for d in range(k)), s))
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
        # a point in another language is compared through its English gloss, word by word too
        words = word_diff(" ".join(p.english for p in old), " ".join(p.english for p in new))
    return Change(kind, old, new, round(s, 3), moved, words)


def align_versions(old: PlanVersion, new: PlanVersion, options: AlignOptions | None = None) -> PlanDiff:
    """Align the points of ``old`` and ``new`` and say how each changed."""
    opt = options or AlignOptions()
    unknown_new = {p.number: p for p in new.points if p.text_status == "unknown"}
    old_pts = [p for p in old.points if p.text_status != "unknown" and p.number not in unknown_new]
    new_pts = [p for p in new.points if p.text_status != "unknown"]
    markup = new.based_on is not None and new.based_on == old.label
    sc = _Scorer(old_pts, new_pts, opt, markup)
    groups = _dp(sc, opt)
    if sc.translated:
        groups = _paired_gaps(groups, sc)
    lone_old = sorted(g[0][0] for g in groups if not g[1])
    lone_new = sorted(g[1][0] for g in groups if not g[0])
    moved: dict[int, tuple[int, float]] = {}  # new index -> (old index, similarity)
    if lone_old and lone_new:
        # pairs too weak to count are worth nothing, so they cannot buy a better total elsewhere
        gain = [[max(0.0, sc.sim[i][j] - opt.move_threshold) for j in lone_new] for i in lone_old]
        for r, c in best_assignment(gain):
            if gain[r][c] > 0 or sc.sim[lone_old[r]][lone_new[c]] >= opt.move_threshold:
                moved[lone_new[c]] = (lone_old[r], sc.sim[lone_old[r]][lone_new[c]])
    moved_old = {i for i, _ in moved.values()}
    # a moved pair is a group of its own, so that the rest of a split can join it as a lone part does
    paired: list[tuple[list[int], list[int], float]] = []
    moved_groups: set[int] = set()
    for olds, news, s in groups:
        if not news and olds[0] in moved_old:
            continue
        if not olds and news[0] in moved:
            moved_groups.add(len(paired))
            i, ms = moved[news[0]]
            paired.append(([i], news, ms))
            continue
        paired.append((olds, news, s))
    groups, folded, moved_groups = _out_of_sequence_parts(paired, sc, opt, moved_groups)
    changes: list[Change] = []
    for k, (olds, news, s) in enumerate(groups):
        o = [old_pts[i] for i in olds]
        w = [new_pts[j] for j in news]
        if k in folded:
            changes.append(_change("merged" if len(olds) > 1 else "split", o, w, s, moved=True))
        elif k in moved_groups:
            changes.append(_change(_one_to_one(o[0], w[0]), o, w, s, moved=True))
        elif not news:
            changes.append(_change("removed", o, [], 0.0))
        elif not olds:
            changes.append(_change("added", [], w, 0.0))
        elif len(olds) > 1:
            changes.append(_change("merged", o, w, s))
        elif len(news) > 1:
            changes.append(_change("split", o, w, s))
        else:
            changes.append(_change(_one_to_one(o[0], w[0]), o, w, s))
    return PlanDiff(old=old, new=new, changes=_with_unknown(changes, old, new))


def _paired_gaps(
    groups: list[tuple[list[int], list[int], float]], sc: _Scorer
) -> list[tuple[list[int], list[int], float]]:
    """Groups of a diff across scripts with the one old and the one new point that alone stand
    between the same two pairs (or a pair and an end) made a pair: with no words to compare,
    the order of the text is the evidence left, and a clause with no figure or name ("no crew
    member shall be prosecuted") would otherwise show as removed and added."""
    out: list[tuple[list[int], list[int], float]] = []
    run: list[tuple[list[int], list[int], float]] = []
    for group in [*groups, None]:
        if group is not None and not (group[0] and group[1]):
            run.append(group)
            continue
        olds = [g for g in run if g[0]]
        news = [g for g in run if g[1]]
        if len(olds) == 1 and len(news) == 1 and len(olds[0][0]) == 1 and len(news[0][1]) == 1:
            i, j = olds[0][0][0], news[0][1][0]
            out.append(([i], [j], sc.sim[i][j]))
        else:
            out += run
        run = []
        if group is not None:
            out.append(group)
    return out


def _out_of_sequence_parts(
    groups: list[tuple[list[int], list[int], float]],
    sc: _Scorer,
    opt: AlignOptions,
    moved: set[int],
) -> tuple[list[tuple[list[int], list[int], float]], set[int], set[int]]:
    """``groups`` with each point left alone folded into the pair that holds its text out of
    sequence: a draft that joins points 3 and 5 as its new 5, after its new 4, leaves old 3
    outside the monotone alignment, though every word of it is in new 5. A part must be as
    similar as a moved point and contained in the whole as a merge's part is, or else say what
    the whole says beyond its pair (old 3 "displaced persons return, and the houses are
    rebuilt" split into new 6 on the return and, after other points, new 7 on the rebuilding,
    which adds a conference: the rest of old 3 once new 6 is taken is in new 7). Returns the
    groups, the indices of the groups that became merges or splits so, and those of the groups
    in ``moved`` (pairs made out of sequence) in the new order."""
    out = [(list(olds), list(news), s) for olds, news, s in groups]
    holder_new = {g[1][0]: k for k, g in enumerate(out) if len(g[1]) == 1 and g[0]}
    holder_old = {g[0][0]: k for k, g in enumerate(out) if len(g[0]) == 1 and g[1]}
    folded: set[int] = set()
    gone: set[int] = set()
    for k, (olds, news, _) in enumerate(groups):
        if olds and news:
            continue
        lone_old = not news
        part, sims = (olds[0], sc.sim[olds[0]]) if lone_old else (news[0], [row[news[0]] for row in sc.sim])
        holders = holder_new if lone_old else holder_old
        mine = sc.a[part] if lone_old else sc.b[part]
        best = max(holders, key=lambda x: sims[x], default=None)
        whole = (sc.b[best] if lone_old else sc.a[best]) if best is not None else []
        weak = best is None or sims[best] < opt.move_threshold
        if weak or sc.space.containment(mine, whole) < opt.part_threshold:
            best = _rest_holder(mine, holders, out, sc, opt, lone_old)
        if best is None:
            continue
        target = out[holders[best]]
        side = target[0] if lone_old else target[1]
        side.append(part)
        side.sort()
        folded.add(holders[best])
        gone.add(k)
    keep = [k for k in range(len(out)) if k not in gone]
    return (
        [out[k] for k in keep],
        {n for n, k in enumerate(keep) if k in folded},
        {n for n, k in enumerate(keep) if k in moved},
    )


def _rest_holder(
    mine: list[str],
    holders: dict[int, int],
    out: list[tuple[list[int], list[int], float]],
    sc: _Scorer,
    opt: AlignOptions,
    lone_old: bool,
) -> int | None:
    """The holder whose text beyond its pair a lone point says, or None: the words of the whole
    that its partners do not have (three at least) must be in the lone point (as a part is in a
    merge), and the lone point must draw on the whole (a new point that only shares a leftover
    word is added)."""
    best, top = None, opt.part_threshold
    for h, k in holders.items():
        whole = sc.b[h] if lone_old else sc.a[h]
        partners = out[k][0] if lone_old else out[k][1]
        said = {t for x in partners for t in (sc.a[x] if lone_old else sc.b[x])}
        rest = [t for t in whole if t not in said]
        if len(set(rest)) < 3 or sc.space.containment(mine, whole) < opt.part_threshold * 2 / 3:
            continue
        # a figure of the rest that the lone point gives another value ("400 troops", now "300")
        # is a change of that part, not a word it lacks
        changed = any(t[:1].isdigit() and t not in whole for t in mine)
        rest = [t for t in rest if not (changed and t[:1].isdigit())]
        c = sc.space.containment(rest, mine)
        if c >= top:
            best, top = h, c
    return best


def _with_unknown(changes: list[Change], old: PlanVersion, new: PlanVersion) -> list[Change]:
    """Put the points of unknown text back, each after the change that precedes it in the new version."""
    by_number = {p.number: p for p in old.points}
    order = {id(p): k for k, p in enumerate(new.points)}
    old_order = {id(p): k for k, p in enumerate(old.points)}
    out = list(changes)
    for p in new.points:
        if p.text_status != "unknown":
            continue
        was = by_number.get(p.number)
        change = Change("unknown", [was] if was else [], [p])
        at = 0
        for k, c in enumerate(out):
            before = (
                order.get(id(c.new[0]), -1) < order[id(p)]
                if c.new
                else was is not None and old_order.get(id(c.old[0]), -1) < old_order[id(was)]
            )
            if before:
                at = k + 1
        out.insert(at, change)
    return out
