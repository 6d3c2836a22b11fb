"""Shifts: a party or actor whose position on an issue or point changed, with evidence on both sides.

A shift read from one stray statement is noise (a misread stance, a quote out of context), so
a shift needs at least two dated statements on each side of the change (the old stance before
it, the new one from that day on), or one statement in which the speaker says outright that
the position changed ("no longer", "now supports"; ``knowledge/shift_cues.yaml``). It shows
the quotes on both sides. Rows that are nobody's position (media, unaffiliated sources) make
no shifts.

The position on a day is the balance of the dated statements so far (``balance.Tally``: the
stance taken most often, the most recent on a tie); an explicit reversal starts a new balance
from its day, since the speaker has said the earlier statements no longer hold.

The rule walks one cell's days, each summarised per stance (how many, the strongest, and the
strongest explicit reversal: ``ShiftGroup``), so the same walk serves summaries made here from
statements and those the store keeps in its tallies (``analysis.stored_positions``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, NamedTuple, TypeVar

from redline.analysis.positions import Columns, RowKind, by_issue, day_groups, row_of
from redline.balance import (
    NEUTRAL,
    NO_SHIFT_ROWS,
    DayGroup,
    Strength,
    Tally,
    nobodys,
    reversal_test,
    strength,
)
from redline.model import Statement

__all__ = [
    "NO_SHIFT_ROWS",
    "Reversal",
    "Shift",
    "ShiftDays",
    "ShiftDraft",
    "ShiftGroup",
    "cell_shifts",
    "find_shifts",
    "shift_days",
]

Q = TypeVar("Q")  # how a quote is held: a Statement, or a stored statement id


@dataclass(slots=True)
class Shift:
    """A row's position (the cell value) on a column changed on a date."""

    row: str
    column: str
    before: str
    after: str
    quote_before: Statement  # the strongest statement for ``before`` until then
    quote_after: Statement  # the strongest statement for ``after`` on the day it changed
    date: date
    evidence_before: int = 0  # dated statements with ``before`` up to the change
    evidence_after: int = 0  # dated statements with ``after`` from the change on
    explicit: bool = False  # the after quote says outright that the position changed


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

    def finish(self, quote: Callable[[Q], Statement]) -> Shift:
        return Shift(
            self.row,
            self.column,
            self.before,
            self.after,
            quote(self.quote_before),
            quote(self.quote_after),
            self.date,
            self.evidence_before,
            self.evidence_after,
            self.explicit,
        )


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
        self.index: dict[str, list[int]] = {}  # day positions where the stance was taken
        self.dates: dict[str, list[date]] = {}
        self.groups: dict[str, list[DayGroup[Q]]] = {}
        for i, (day, groups) in enumerate(days):
            for g in groups:
                self.index.setdefault(g.group.stance, []).append(i)
                self.dates.setdefault(g.group.stance, []).append(day)
                self.groups.setdefault(g.group.stance, []).append(g.group)
        self.sums: dict[str, list[int]] = {}  # statements of the stance before each of its days
        self.strongest: dict[str, list[DayGroup[Q]]] = {}  # from each of its days on
        for stance, taken in self.groups.items():
            sums = [0]
            for t in taken:
                sums.append(sums[-1] + t.n)
            self.sums[stance] = sums
            best = list(taken)
            for k in range(len(best) - 2, -1, -1):  # an earlier day wins a tie
                if _quote_rank(best[k + 1].strength) > _quote_rank(best[k].strength):
                    best[k] = best[k + 1]
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


def cell_shifts(row: str, column: str, days: ShiftDays[Q]) -> list[ShiftDraft[Q]]:
    """Every change of one cell's position backed by evidence, over its days in order."""
    tally: Tally[Q] = Tally()
    before: str | None = None
    evidence: _Evidence[Q] | None = None  # made at the first change: most cells have none
    out: list[ShiftDraft[Q]] = []
    for i, (day, groups) in enumerate(days):
        turn: tuple[str, Reversal[Q]] | None = None
        for g in groups:
            r = g.reversal
            if r is None or g.group.stance in (NEUTRAL, before):
                continue
            if turn is None or (r.strength, turn[1].order) > (turn[1].strength, r.order):
                turn = (g.group.stance, r)
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
    return out


def _strength(s: Statement) -> Strength:
    return strength(s.kind, s.confidence, s.date, len(s.content.text))


def shift_days(statements: Sequence[Statement], reversal: Callable[[str], bool]) -> ShiftDays[Statement]:
    """One cell's dated statements (in corpus order) summarised per day and stance."""
    reversals: dict[tuple[date, str], Reversal[Statement]] = {}
    for i, s in enumerate(statements):
        if s.date is None or not reversal(s.content.text):
            continue
        k = _strength(s)
        seen = reversals.get((s.date, s.stance))
        if seen is None:
            reversals[(s.date, s.stance)] = Reversal(1, k, i, s)
        elif k > seen.strength:
            reversals[(s.date, s.stance)] = Reversal(seen.n + 1, k, i, s)
        else:
            reversals[(s.date, s.stance)] = seen._replace(n=seen.n + 1)
    return [
        (day, [ShiftGroup(g, reversals.get((day, g.stance))) for g in groups])
        for day, groups in day_groups(statements)
    ]


def _identity(s: Statement) -> Statement:
    return s


def find_shifts(
    statements: Iterable[Statement],
    *,
    by: RowKind = "actor",
    party_of: Mapping[str, str] | None = None,
    columns: Columns | None = None,
    at: date | None = None,
    issue: str | None = None,
    reversal_cues: Sequence[str] = (),
) -> list[Shift]:
    """Every change of a row's position on a column backed by evidence, in date order.

    Undated statements make none; statements after ``at`` are not counted (on either side);
    media and unaffiliated speakers make none, whatever the rows are.
    """
    parties = party_of or {}
    if columns is None:
        columns = by_issue if issue is None else (lambda s: [i for i in by_issue(s) if i == issue])
    reversal = reversal_test(reversal_cues)
    groups: dict[tuple[str, str], list[Statement]] = {}
    for s in statements:
        if s.date is None or (at is not None and s.date > at):
            continue
        if issue is not None and issue not in s.issues:
            continue
        sp = s.speaker
        if sp is None or sp.kind == "media" or nobodys(parties, sp.actor_id, sp.name):
            continue  # nobody's position: media, analysts, unaffiliated sources, also by actor
        row = row_of(s, by, parties)
        if row is None or row in NO_SHIFT_ROWS:
            continue
        for col in columns(s):
            groups.setdefault((row, col), []).append(s)
    shifts = [
        sh.finish(_identity)
        for key, group in sorted(groups.items())
        for sh in cell_shifts(*key, shift_days(group, reversal))
    ]
    shifts.sort(key=lambda sh: (sh.date, sh.row, sh.column))
    return shifts
