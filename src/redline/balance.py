"""The balance of one positions cell, day by day: below the analysis and the store, which share it.

A cell of the positions matrix (a party or speaker on an issue or point) is the balance of
its dated statements; all the balance needs of one day's statements with one stance is how
many there were and the strongest of them (``DayGroup``). ``walk`` adds the days in order
and gives the cell's value, its latest stance and its quotes. ``cell_shifts`` walks the same
days, with each day's explicit reversals (``ShiftGroup``), and gives the changes of value that
evidence backs (the rule: ``analysis.shifts``). ``analysis.positions`` and ``analysis.shifts``
walk days summarised from statements; the store walks the same summaries from its tallies to
keep cells and shifts current on every write.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

from redline.model import STANCES, Statement

NEUTRAL = "neutral"
KIND_RANK = {"direct": 2, "mixed": 1, "indirect": 0}
SURE_QUOTE = 0.5  # the certainty from which a quote ranks before doubted ones (``quote_rank``)
UNAFFILIATED = "unaffiliated"
# rows that are nobody's position (media, analysts, unaffiliated sources): they make no shifts
NO_SHIFT_ROWS = frozenset({UNAFFILIATED, "media"})

__all__ = [
    "KIND_RANK",
    "NO_SHIFT_ROWS",
    "NUANCE",
    "REVERSAL",
    "SHIFT_KINDS",
    "UNAFFILIATED",
    "CellDraft",
    "DayGroup",
    "Days",
    "Reversal",
    "ReversalTest",
    "ShiftDays",
    "ShiftDraft",
    "ShiftGroup",
    "Strength",
    "Tally",
    "Turn",
    "cell_of",
    "cell_shifts",
    "cell_turns",
    "certainty",
    "drop_undone",
    "nobodys",
    "quote_rank",
    "reversal_test",
    "shift_kind",
    "statement_strength",
    "strength",
    "turn_shift",
    "turn_shifts",
    "walk",
]

Strength = tuple[int, float, date, int]
Q = TypeVar("Q")  # how a quote is held while a matrix is computed: a Statement, or a stored id


def certainty(confidence: float, stance_confidence: float) -> float:
    """How sure redline is that a statement says what its cell counts it as saying: that its
    speaker said it (the attribution's ``confidence``) and that it takes its stance (the models'
    ``stance_confidence``, 1.0 where an analyst set the stance). Ranks the quote a cell shows:
    the plainest statement of the position, not the latest stray label."""
    return confidence * stance_confidence


def quote_rank(kind: str, certainty: float) -> int:
    """The first key of a quote's strength: a statement whose stance the models found likelier
    than not (``SURE_QUOTE``) before any they doubt, then a direct quote before a mixed or
    reported one. A doubted direct quote ("typical lies", read as support with p 0.4) is a poor
    face for a cell that plainer reported statements back."""
    return KIND_RANK.get(kind, 0) + (len(KIND_RANK) if certainty >= SURE_QUOTE else 0)


def strength(kind: str, confidence: float, day: date | None, length: int) -> Strength:
    """How strong a quote is (``confidence``: its ``certainty``): by ``quote_rank``, then the
    surer, later, longer one."""
    return (quote_rank(kind, confidence), confidence, day or date.min, length)


def statement_strength(s: Statement) -> Strength:
    """``strength`` of a statement as analyses hold it (effective values: a stance an analyst
    corrected comes with ``stance_confidence`` 1.0, ``store.extractions``)."""
    return strength(s.kind, certainty(s.confidence, s.stance_confidence), s.date, len(s.content.text))


class ReversalTest(Protocol):
    """Whether a statement's text says outright that its speaker's own position changed;
    ``own``: the names the speaker goes by (its name, its party row)."""

    def __call__(self, text: str, own: Collection[str] = ()) -> bool: ...


# what ends the clause a cue's subject stands in: punctuation, or a word that opens a new one
_CLAUSE_BREAK = re.compile(
    r"[.;:!?,()\[\]\"\u201c\u201d\u2014\u2013]|\b(?:that|and|but|while|said|says|saying|as|because|if|when)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w\u2019'.-]*")


def _own_words(own: Collection[str]) -> set[str]:
    return {w.lower() for name in own for w in re.split(r"[\W_]+", name) if w}


def reversal_test(
    cues: Sequence[str], not_names: Collection[str] = (), aliases: Mapping[str, Collection[str]] | None = None
) -> ReversalTest:
    """Whether a statement's text says outright that its speaker's position changed ("no
    longer", "now supports": ``knowledge/shift_cues.yaml``), which lets one statement make a
    shift. The change must be the speaker's own: a cue whose clause names someone else before
    it ("the United States is no longer ready", said by a Russian minister) reports another's
    change. A capitalised word names someone unless ``not_names`` has it (pronouns and
    determiners, lower-cased) or it is one of the speaker's ``own`` names (with the other names
    ``aliases`` gives each: a party's capital, its adjective). The store tests each
    statement as it is written; the corpus path when it reads."""
    if not cues:
        return lambda _text, _own=(): False
    pattern = re.compile("|".join(r"\b" + re.escape(c) + r"\b" for c in cues))
    skip = frozenset(not_names)

    def test(text: str, own: Collection[str] = ()) -> bool:
        mine: set[str] | None = None
        for m in pattern.finditer(text.lower()):
            before = text[: m.start()]
            breaks = list(_CLAUSE_BREAK.finditer(before))
            subject = before[breaks[-1].end() :] if breaks else before
            names = [w.rstrip(".").lower() for w in _WORD.findall(subject) if w[0].isupper()]
            names = [re.sub(r"[\u2019']s$", "", n) for n in names if n not in skip]
            if names and mine is None:
                mine = _own_words([*own, *(a for o in own for a in (aliases or {}).get(o, ()))])
            if all(n in (mine or ()) for n in names):
                return True
        return False

    return test


def nobodys(party_of: Mapping[str, str], actor_id: str | None, speaker: str) -> bool:
    """Whether a speaker's statements are nobody's position (a party of media or unaffiliated,
    known by the actor or the name); a speaker of unknown party is somebody's, by actor."""
    return party_of.get(actor_id or "", party_of.get(speaker)) in NO_SHIFT_ROWS


class DayGroup(NamedTuple, Generic[Q]):
    """The statements of one cell that took one stance on one day: how many, and the strongest
    (the first of equally strong ones in corpus order), which is all a balance needs of them.
    (A named tuple: a matrix makes tens of thousands.)"""

    stance: str
    n: int
    strength: Strength
    best: Q


Days = list[tuple[date, list[DayGroup[Q]]]]
_Recent = tuple[tuple[date, int, Strength], Q]  # a stance's most recent: (day, count, strength), quote


class Tally(Generic[Q]):
    """Dated statements of one cell, added day by day, and the balance they make so far.

    Each stance keeps its most recent statement, ranked by (date, how many statements took
    that stance that day, strength): "the most recent" of two stances said the same day is
    the one more often said that day, then the one with the stronger quote.
    """

    def __init__(self) -> None:
        self.counts: dict[str, int] = dict.fromkeys(STANCES, 0)
        self._strongest: dict[str, tuple[Strength, Q]] = {}
        self._recent: dict[str, tuple[tuple[date, int, Strength], Q]] = {}

    def set_stance(
        self, stance: str, n: int, recent: tuple[tuple[date, int, Strength], Q], strongest: tuple[Strength, Q]
    ) -> None:
        """Set one stance's totals at once (counted elsewhere: the store's tallies in SQL):
        ``n`` statements, the most recent day's (day, count, strength) and quote, the strongest."""
        self.counts[stance] = n
        self._recent[stance] = recent
        self._strongest[stance] = strongest

    def parts(self) -> tuple[dict[str, int], dict[str, _Recent[Q]], dict[str, tuple[Strength, Q]]]:
        """What the balance is made of (counts, most recent, strongest per stance), to be kept
        and made into a ``Tally`` again by ``restored``: a store's checkpoints of a walk."""
        return dict(self.counts), dict(self._recent), dict(self._strongest)

    @classmethod
    def restored(
        cls,
        counts: dict[str, int],
        recent: dict[str, _Recent[Q]],
        strongest: dict[str, tuple[Strength, Q]],
    ) -> Tally[Q]:
        """The tally ``parts`` described; ``counts`` in the order they were kept, since a tie
        of equally recent stances goes to the first."""
        tally: Tally[Q] = cls()
        tally.counts, tally._recent, tally._strongest = counts, recent, strongest
        return tally

    def add_day(self, day: date, groups: Sequence[DayGroup[Q]]) -> None:
        counts, recent, strongest = self.counts, self._recent, self._strongest
        for stance, n, strength, quote in groups:  # unpacked: a shift walk adds every day of a cell
            counts[stance] = counts.get(stance, 0) + n
            key = (day, n, strength)
            last = recent.get(stance)
            if last is None or key > last[0]:
                recent[stance] = (key, quote)
            best = strongest.get(stance)
            if best is None or strength > best[0]:
                strongest[stance] = (strength, quote)

    def _most_recent(self, stances: Iterable[str]) -> str:
        return max(stances, key=lambda st: self._recent[st][0])

    @property
    def value(self) -> str:
        # the most taken stance but neutral, the most recent of a tie; one pass, since a shift
        # walk asks after every day of a cell
        top, tied = 0, []
        for st, n in self.counts.items():
            if n > top and st != NEUTRAL:
                top, tied = n, [st]
            elif n == top and n and st != NEUTRAL:
                tied.append(st)
        if not tied:
            return NEUTRAL
        return tied[0] if len(tied) == 1 else self._most_recent(tied)

    @property
    def latest(self) -> str:
        taken = [st for st, n in self.counts.items() if n and st != NEUTRAL]
        return self._most_recent(taken) if taken else NEUTRAL

    @property
    def most_frequent(self) -> str:
        top = max(self.counts.values())
        return self._most_recent(st for st, n in self.counts.items() if n == top)

    def strongest(self, stance: str) -> Q:
        """The strongest statement so far with ``stance``: a direct quote, then the more confident."""
        return self._strongest[stance][1]

    def recent(self, stance: str) -> Q:
        return self._recent[stance][1]


@dataclass(slots=True)
class CellDraft(Generic[Q]):
    """A cell whose quotes are still references (ids, when the days come from the store)."""

    row: str
    column: str
    stance: str
    latest: str
    most_frequent: str
    counts: dict[str, int]
    quote: Q
    latest_quote: Q
    last_date: date
    undated: int


def walk(row: str, column: str, days: Days[Q], undated: int) -> CellDraft[Q]:
    """A cell's balance over its days."""
    tally: Tally[Q] = Tally()
    for day, groups in days:
        tally.add_day(day, groups)
    return cell_of(row, column, tally, days[-1][0], undated)


def cell_of(row: str, column: str, tally: Tally[Q], last_date: date, undated: int) -> CellDraft[Q]:
    """The cell a balance makes (its value, latest stance, counts and quotes)."""
    value, latest = tally.value, tally.latest
    return CellDraft(
        row,
        column,
        value,
        latest,
        tally.most_frequent,
        dict(tally.counts),
        tally.strongest(value),
        tally.recent(latest),
        last_date,
        undated,
    )


# -- shifts: the evidence rule over one cell's days (``analysis.shifts`` says why) ----------


@dataclass(slots=True)
class ShiftDraft(Generic[Q]):
    """A shift whose quotes are still references (ids, when the days come from the store)."""

    row: str
    column: str
    before: str
    after: str
    quote_before: Q
    quote_after: Q
    date: date
    evidence_before: int
    evidence_after: int
    explicit: bool

    @property
    def kind(self) -> str:
        return shift_kind(self.before, self.after)


class Reversal(NamedTuple, Generic[Q]):
    """The statements of one day and stance that say outright that the position changed."""

    n: int
    strength: Strength
    order: Any  # position in corpus order: of equally strong ones the first is the quote
    best: Q


class ShiftGroup(NamedTuple, Generic[Q]):
    """One day's statements of one stance in a cell, and its explicit reversals (if any)."""

    group: DayGroup[Q]
    reversal: Reversal[Q] | None


ShiftDays = list[tuple[date, list[ShiftGroup[Q]]]]


def _quote_rank(s: Strength) -> tuple[int, float, int]:
    """A quote's strength across days: kind, confidence, length (an earlier day on a tie)."""
    return (s[0], s[1], s[3])


class _Evidence(Generic[Q]):
    """One cell's days per stance, indexed so that each change weighs its evidence at once."""

    def __init__(self, days: ShiftDays[Q]) -> None:
        # made for most cells at 1M statements, so built in one pass with few lookups per group
        self.index: dict[str, list[int]] = {}  # day positions where the stance was taken
        self.dates: dict[str, list[date]] = {}
        self.groups: dict[str, list[DayGroup[Q]]] = {}
        for i, (day, groups) in enumerate(days):
            for g in groups:
                stance = g.group.stance
                taken = self.groups.get(stance)
                if taken is None:
                    self.index[stance], self.dates[stance], taken = [], [], []
                    self.groups[stance] = taken
                self.index[stance].append(i)
                self.dates[stance].append(day)
                taken.append(g.group)
        self.sums: dict[str, list[int]] = {}  # statements of the stance before each of its days
        self.strongest: dict[str, list[DayGroup[Q]]] = {}  # from each of its days on
        for stance, taken in self.groups.items():
            self.sums[stance] = [0, *accumulate(t.n for t in taken)]
            best = list(taken)
            ranks = [_quote_rank(t.strength) for t in taken]  # of ``best[k]``, as it is replaced
            for k in range(len(best) - 2, -1, -1):  # an earlier day wins a tie
                if ranks[k + 1] > ranks[k]:
                    best[k], ranks[k] = best[k + 1], ranks[k + 1]
            self.strongest[stance] = best

    def before(self, stance: str, i: int) -> tuple[int, date, Q] | None:
        """Statements of ``stance`` before day ``i``, its last day then, and that day's quote."""
        k = bisect_left(self.index.get(stance, []), i)
        if k == 0:
            return None
        return self.sums[stance][k], self.dates[stance][k - 1], self.groups[stance][k - 1].best

    def since(self, stance: str, day: date) -> tuple[int, Q] | None:
        """Statements of ``stance`` after ``day`` (up to the last day), and the strongest."""
        dates = self.dates.get(stance, [])
        k = bisect_right(dates, day)
        if k == len(dates):
            return None
        sums = self.sums[stance]
        return sums[-1] - sums[k], self.strongest[stance][k].best


def _evidenced(
    row: str,
    column: str,
    days: ShiftDays[Q],
    evidence: _Evidence[Q],
    i: int,
    change: tuple[str, str],
    turn: tuple[str, Reversal[Q]] | None,
) -> ShiftDraft[Q] | None:
    """The shift of day ``i`` from ``before`` to ``after``, if the evidence backs it."""
    before, after = change
    old = evidence.before(before, i)
    if old is None:
        return None
    # the new stance's evidence: what was said with it after the old one was last said
    new = evidence.since(after, old[1])
    if new is None:
        return None
    explicit = turn is not None and turn[0] == after
    if not (explicit or (old[0] >= 2 and new[0] >= 2)):
        return None
    quote_after = turn[1].best if explicit and turn is not None else new[1]
    return ShiftDraft(row, column, before, after, old[2], quote_after, days[i][0], old[0], new[0], explicit)


def _side(stance: str) -> str:
    """Support with or without conditions is one side: a move between them is a nuance (and
    the pair a classifier confuses most), not a change of side; only to or from oppose is."""
    return "for" if stance in ("support", "conditional") else stance


REVERSAL = "reversal"  # a change of side: to or from oppose
NUANCE = "nuance"  # a move within one side: conditions dropped (conditional to support) or added
SHIFT_KINDS = (REVERSAL, NUANCE)


def shift_kind(before: str, after: str) -> str:
    """A change of position is a reversal when it changes side, a nuance (the softer kind) when
    it moves between support and conditional support: an analyst following a party wants "moved
    from conditional to support" reported, apart from its reversals."""
    return REVERSAL if _side(before) != _side(after) else NUANCE


# A change undone within this many days is no change of position: on real news such a pair is
# one side's quotes misread for a few days (a report of edits read as opposition, a stated
# condition read as consent), not a party turning and turning back.
UNDONE_DAYS = 7


def drop_undone(shifts: list[ShiftDraft[Q]]) -> list[ShiftDraft[Q]]:
    """The shifts without each pair of a change and its undoing within ``UNDONE_DAYS``; a change
    said outright ("we no longer insist") is kept, and so is its undoing. Applied to one cell's
    shifts in day order: by ``cell_shifts``, and by the store to the shifts it makes of kept turns
    (``turn_shift``), so both paths give the same shifts. Each kind is paired with its own: the
    reversals as if there were no nuances (a back-and-forth of side is undone whatever nuance lay
    between), the nuances by their stances."""
    kept = {id(sh) for kind in SHIFT_KINDS for sh in _kept(kind, [sh for sh in shifts if sh.kind == kind])}
    return [sh for sh in shifts if id(sh) in kept]


def _kept(kind: str, shifts: list[ShiftDraft[Q]]) -> list[ShiftDraft[Q]]:
    back = _side if kind == REVERSAL else str  # what the undoing returns to: the side, the stance
    out: list[ShiftDraft[Q]] = []
    k = 0
    while k < len(shifts):
        sh = shifts[k]
        nxt = shifts[k + 1] if k + 1 < len(shifts) else None
        if (
            nxt is not None
            and not (sh.explicit or nxt.explicit)
            and back(nxt.after) == back(sh.before)
            and (nxt.date - sh.date).days <= UNDONE_DAYS
        ):
            k += 2
            continue
        out.append(sh)
        k += 1
    return out


def _day_reversal(groups: Sequence[ShiftGroup[Q]], before: str | None) -> tuple[str, Reversal[Q]] | None:
    """The day's strongest explicit reversal to a stance other than ``before`` (the first said
    of equally strong ones), with that stance: the walk starts the cell's tally afresh there."""
    turn: tuple[str, Reversal[Q]] | None = None
    for g in groups:
        r = g.reversal
        if r is None or g.group.stance in (NEUTRAL, before):
            continue
        if turn is None or (r.strength, turn[1].order) > (turn[1].strength, r.order):
            turn = (g.group.stance, r)
    return turn


def cell_shifts(row: str, column: str, days: ShiftDays[Q]) -> list[ShiftDraft[Q]]:
    """Every change of one cell's position backed by evidence and not undone within a week,
    over its days in order: reversals and nuances (``shift_kind``)."""
    tally: Tally[Q] = Tally()
    before: str | None = None
    evidence: _Evidence[Q] | None = None  # made at the first change: most cells have none
    out: list[ShiftDraft[Q]] = []
    for i, (day, groups) in enumerate(days):
        turn = _day_reversal(groups, before)
        if turn is not None and before is not None:
            tally = Tally()  # the speaker has said the earlier stance no longer holds
        tally.add_day(day, [g.group for g in groups])
        after = tally.value
        if after == NEUTRAL:
            continue  # nothing but neutral so far: no position yet
        if before is not None and after != before:
            evidence = evidence or _Evidence(days)
            shift = _evidenced(row, column, days, evidence, i, (before, after), turn)
            if shift is not None:
                out.append(shift)
        before = after
    return drop_undone(out)


class Turn(NamedTuple, Generic[Q]):
    """A change of a cell's value that ``cell_shifts`` weighs on day ``day``, with all of its
    evidence that later days cannot change: a walk is a left-to-right fold, so the changes
    and the evidence before them are those of any later walk too. Only the new stance's
    evidence grows with the days: ``base`` is how many statements took it up to the old
    stance's last day, and ``quotes`` the days from which a stronger one of it was said after
    that (the first of equally strong ones), with the quote. ``explicit``: the quote of the
    day's reversal to the new stance, if one says so."""

    day: date
    before: str
    after: str
    evidence_before: int
    quote_before: Q
    base: int
    quotes: list[tuple[date, Q]]
    explicit: Q | None


def cell_turns(days: ShiftDays[Q]) -> list[Turn[Q]]:
    """Every change of one cell's value over its days, each with the evidence that later
    days keep as it is (``Turn``): the shifts as of any day are ``turn_shift`` of those up to
    it, without walking the days again (tested equal to ``cell_shifts`` of the days up to it)."""
    tally: Tally[Q] = Tally()
    before: str | None = None
    evidence: _Evidence[Q] | None = None
    out: list[Turn[Q]] = []
    for i, (day, groups) in enumerate(days):
        turn = _day_reversal(groups, before)
        if turn is not None and before is not None:
            tally = Tally()
        tally.add_day(day, [g.group for g in groups])
        after = tally.value
        if after == NEUTRAL:
            continue
        if before is not None and after != before:
            evidence = evidence or _Evidence(days)
            old = evidence.before(before, i)
            if old is not None:
                dates = evidence.dates.get(after, [])
                k = bisect_right(dates, old[1])
                quotes: list[tuple[date, Q]] = []
                best: tuple[int, float, int] | None = None
                taken = evidence.groups.get(after, [])
                for j in range(k, len(taken)):  # the strongest so far, from each of its days
                    rank = _quote_rank(taken[j].strength)
                    if best is None or rank > best:
                        best = rank
                        quotes.append((dates[j], taken[j].best))
                sums = evidence.sums.get(after, [0])
                explicit = turn[1].best if turn is not None and turn[0] == after else None
                out.append(Turn(day, before, after, old[0], old[2], sums[k], quotes, explicit))
        before = after
    return out


def turn_shifts(
    row: str, column: str, turns: Iterable[Turn[Q]], counts: Mapping[str, int], at: date
) -> list[ShiftDraft[Q]]:
    """One cell's shifts as of ``at`` made of its turns up to then (in day order), given its
    statements per stance up to ``at``: ``cell_shifts`` of its days up to ``at``, without them."""
    made = (turn_shift(row, column, t, counts.get(t.after, 0), at) for t in turns if t.day <= at)
    return drop_undone([sh for sh in made if sh is not None])


def turn_shift(row: str, column: str, turn: Turn[Q], after_n: int, at: date) -> ShiftDraft[Q] | None:
    """The shift ``turn`` makes as of ``at`` (on or after its day), when the cell's new stance
    has ``after_n`` statements up to then: ``cell_shifts``' evidence rule, counted from it."""
    k = bisect_right(turn.quotes, at, key=lambda q: q[0])
    if k == 0:
        return None  # the new stance not said since the old one was last said
    n = after_n - turn.base
    if not (turn.explicit is not None or (turn.evidence_before >= 2 and n >= 2)):
        return None
    quote_after = turn.quotes[k - 1][1] if turn.explicit is None else turn.explicit
    return ShiftDraft(
        row,
        column,
        turn.before,
        turn.after,
        turn.quote_before,
        quote_after,
        turn.day,
        turn.evidence_before,
        n,
        turn.explicit is not None,
    )
