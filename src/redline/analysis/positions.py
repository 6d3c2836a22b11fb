"""Who stands where: the party (or actor) x issue (or point) matrix, and shifts over time.

A cell is the balance of one row's dated statements on one column up to a date, so that one
stray label (a misread refusal, a report taken for a demand) cannot flip it:

- ``counts``: the dated statements per stance;
- ``stance``: the cell's value, the most frequent non-neutral stance, a tie going to the stance
  said most recently; neutral only when the row said nothing but neutral things, because a
  neutral statement is a report of fact ("there is no final version") and withdraws nothing;
- ``latest``: the latest non-neutral stance (on a day with several, that day's most frequent),
  which is where a real change of position shows first;
- ``most_frequent``: the most frequent stance, neutral included.

Undated statements cannot be placed in time, so they are in no balance; they are counted per
cell (``undated``) and in the matrix (``undated_statements``) so that nothing is dropped
silently. A shift is a change of the cell value as statements accumulate day by day: the
matrix at any two dates and the shifts between them always agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Literal, NamedTuple, TypeVar

from redline.model import GENERIC_ISSUES, STANCES, Statement, stance_issues

__all__ = [
    "GENERIC_ISSUES",
    "UNAFFILIATED",
    "Cell",
    "CellDays",
    "Columns",
    "DayGroup",
    "Days",
    "PositionMatrix",
    "RowKind",
    "Shift",
    "by_issue",
    "by_points",
    "cell_days",
    "day_groups",
    "find_shifts",
    "matrix_and_shifts",
    "position_matrix",
    "row_of",
    "stance_issues",
    "strength",
]

RowKind = Literal["party", "actor"]
UNAFFILIATED = "unaffiliated"
NEUTRAL = "neutral"
_KIND_RANK = {"direct": 2, "mixed": 1, "indirect": 0}


@dataclass(slots=True)
class Cell:
    """One row's position on one column: the balance of its dated statements."""

    row: str
    column: str
    stance: str  # the value: majority of non-neutral stances, the most recent on a tie
    latest: str  # the latest non-neutral stance (neutral if there is none)
    most_frequent: str  # the most frequent stance, neutral included
    counts: dict[str, int]  # dated statements per stance, every stance keyed
    quote: Statement  # the strongest statement with the value's stance
    latest_quote: Statement  # the statement that gave the latest stance
    last_date: date  # of the latest dated statement, neutral ones included
    undated: int = 0  # statements in the cell with no date: counted here, in no balance

    @property
    def supporting(self) -> int:
        """Statements with the cell's stance."""
        return self.counts[self.stance]

    @property
    def total(self) -> int:
        """Dated statements in the balance, neutral ones included."""
        return sum(self.counts.values())


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


@dataclass(slots=True)
class PositionMatrix:
    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    at: date | None = None
    # undated statements per (row, column), also where no dated statement makes a cell
    undated: dict[tuple[str, str], int] = field(default_factory=dict)
    undated_statements: int = 0  # distinct undated statements the matrix would otherwise hold

    def get(self, row: str, column: str) -> Cell | None:
        return self.cells.get((row, column))

    def undated_in(self, row: str, column: str) -> int:
        return self.undated.get((row, column), 0)


def row_of(statement: Statement, by: RowKind, party_of: Mapping[str, str]) -> str | None:
    """The row a statement belongs to: its speaker's party or the speaker; None without a speaker."""
    sp = statement.speaker
    if sp is None:
        return None
    if by == "actor":
        return sp.name
    return party_of.get(sp.actor_id or "", party_of.get(sp.name, UNAFFILIATED))


Strength = tuple[int, float, date, int]
Q = TypeVar("Q")  # how a quote is held while a matrix is computed: a Statement, or a stored id


def strength(kind: str, confidence: float, day: date | None, length: int) -> Strength:
    """How strong a quote is: a direct quote first, then the more confident, later, longer one."""
    return (_KIND_RANK.get(kind, 0), confidence, day or date.min, length)


def _strength(s: Statement) -> Strength:
    return strength(s.kind, s.confidence, s.date, len(s.content.text))


class DayGroup(NamedTuple, Generic[Q]):
    """The statements of one cell that took one stance on one day: how many, and the strongest
    (the first of equally strong ones in corpus order), which is all a balance needs of them.
    (A named tuple: a matrix makes tens of thousands.)"""

    stance: str
    n: int
    strength: Strength
    best: Q


Days = list[tuple[date, list[DayGroup[Q]]]]


def day_groups(statements: Iterable[Statement]) -> Days[Statement]:
    """Dated statements summarised per day and stance, days in order (undated ones left out)."""
    days: dict[date, dict[str, DayGroup[Statement]]] = {}
    for s in statements:
        if s.date is None:
            continue
        per = days.setdefault(s.date, {})
        seen = per.get(s.stance)
        k = _strength(s)
        if seen is None:
            per[s.stance] = DayGroup(s.stance, 1, k, s)
        else:
            better = k > seen.strength
            best = (k, s) if better else (seen.strength, seen.best)
            per[s.stance] = DayGroup(s.stance, seen.n + 1, *best)
    return [(day, list(per.values())) for day, per in sorted(days.items())]


class _Tally(Generic[Q]):
    """Dated statements of one cell, added day by day, and the balance they make so far.

    Each stance keeps its most recent statement, ranked by (date, how many statements took
    that stance that day, strength): "the most recent" of two stances said the same day is
    the one more often said that day, then the one with the stronger quote.
    """

    def __init__(self) -> None:
        self.counts: dict[str, int] = dict.fromkeys(STANCES, 0)
        self._strongest: dict[str, tuple[Strength, Q]] = {}
        self._recent: dict[str, tuple[tuple[date, int, Strength], Q]] = {}

    def add_day(self, day: date, groups: Sequence[DayGroup[Q]]) -> None:
        for g in groups:
            self.counts[g.stance] = self.counts.get(g.stance, 0) + g.n
            key = (day, g.n, g.strength)
            if g.stance not in self._recent or key > self._recent[g.stance][0]:
                self._recent[g.stance] = (key, g.best)
            best = self._strongest.get(g.stance)
            if best is None or g.strength > best[0]:
                self._strongest[g.stance] = (g.strength, g.best)

    def _most_recent(self, stances: Iterable[str]) -> str:
        return max(stances, key=lambda st: self._recent[st][0])

    @property
    def value(self) -> str:
        taken = {st: n for st, n in self.counts.items() if n and st != NEUTRAL}
        if not taken:
            return NEUTRAL
        top = max(taken.values())
        return self._most_recent(st for st, n in taken.items() if n == top)

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
class _CellDraft(Generic[Q]):
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

    def finish(self, quote: Callable[[Q], Statement]) -> Cell:
        return Cell(
            self.row,
            self.column,
            self.stance,
            self.latest,
            self.most_frequent,
            self.counts,
            quote(self.quote),
            quote(self.latest_quote),
            self.last_date,
            self.undated,
        )


@dataclass(slots=True)
class _ShiftDraft(Generic[Q]):
    row: str
    column: str
    before: str
    after: str
    quote_before: Q
    quote_after: Q
    date: date

    def finish(self, quote: Callable[[Q], Statement]) -> Shift:
        before, after = quote(self.quote_before), quote(self.quote_after)
        return Shift(self.row, self.column, self.before, self.after, before, after, self.date)


def _walk(
    row: str, column: str, days: Days[Q], undated: int, shifts: bool
) -> tuple[_CellDraft[Q], list[_ShiftDraft[Q]]]:
    """A cell's balance over its days, and (if asked) each change of its value on the way."""
    tally: _Tally[Q] = _Tally()
    found: list[_ShiftDraft[Q]] = []
    before: str | None = None
    quote_before: Q | None = None
    for day, groups in days:
        tally.add_day(day, groups)
        if not shifts:
            continue
        after = tally.value
        if after == NEUTRAL and before is None:
            continue  # nothing but reports yet: no position to shift from
        if before is not None and quote_before is not None and after != before:
            today = [g.best for g in groups if g.stance == after]
            quote_after = today[0] if today else tally.strongest(after)
            found.append(_ShiftDraft(row, column, before, after, quote_before, quote_after, day))
        before, quote_before = after, tally.strongest(after)
    value, latest = tally.value, tally.latest
    cell = _CellDraft(
        row,
        column,
        value,
        latest,
        tally.most_frequent,
        dict(tally.counts),
        tally.strongest(value),
        tally.recent(latest),
        days[-1][0],
        undated,
    )
    return cell, found


Columns = Callable[[Statement], Iterable[str]]


def by_issue(statement: Statement) -> list[str]:
    """The issues a statement's stance is about (``redline.model.stance_issues``)."""
    return stance_issues(statement.issues)


def by_points(links: Mapping[str, Sequence[str]]) -> Columns:
    """Columns from statement-point links (statement id -> point numbers)."""
    return lambda s: list(links.get(s.id, ()))


@dataclass(slots=True)
class CellDays(Generic[Q]):
    """What a matrix is computed from: per (row, column), the dated statements summarised day
    by day, and the undated ones counted. Built from statements here, or read from the
    store's tallies, which hold the same summaries kept current on every write."""

    dated: dict[tuple[str, str], Days[Q]] = field(default_factory=dict)
    undated: dict[tuple[str, str], int] = field(default_factory=dict)
    undated_statements: int = 0  # distinct: a statement on two columns once


def cell_days(
    statements: Iterable[Statement],
    *,
    by: RowKind,
    party_of: Mapping[str, str],
    columns: Columns | None = None,
    at: date | None = None,
    issue: str | None = None,
) -> CellDays[Statement]:
    """Statements by (row, column); with an issue filter, issue columns narrow to that issue.

    A statement dated after ``at`` is left out (it was not said yet); an undated one goes
    to ``undated`` whatever ``at`` is, since nobody can tell whether it was said by then.
    """
    if columns is None:
        columns = by_issue if issue is None else (lambda s: [i for i in by_issue(s) if i == issue])
    dated: dict[tuple[str, str], list[Statement]] = {}
    undated: dict[tuple[str, str], int] = {}
    undated_ids: set[str] = set()
    for s in statements:
        if at is not None and s.date is not None and s.date > at:
            continue
        if issue is not None and issue not in s.issues:
            continue
        row = row_of(s, by, party_of)
        if row is None:
            continue
        for col in columns(s):
            if s.date is None:
                undated[(row, col)] = undated.get((row, col), 0) + 1
                undated_ids.add(s.id)
            else:
                dated.setdefault((row, col), []).append(s)
    return CellDays({key: day_groups(group) for key, group in dated.items()}, undated, len(undated_ids))


# given the quote references a result uses, how to turn each into its statement
Quotes = Callable[[list[Q]], Callable[[Q], Statement]]


def _identity(s: Statement) -> Statement:
    return s


def _same(_quotes: list[Statement]) -> Callable[[Statement], Statement]:
    return _identity


def matrix_and_shifts(
    days: CellDays[Q], quotes: Quotes[Q], at: date | None = None, *, shifts: bool = True
) -> tuple[PositionMatrix, list[Shift]]:
    """The matrix of summarised cells and the shifts within them; ``quotes`` turns the quote
    references the result uses (only those) into statements, in one call."""
    keys = set(days.dated) | set(days.undated)
    cells: dict[tuple[str, str], _CellDraft[Q]] = {}
    drafts: list[_ShiftDraft[Q]] = []
    for key in sorted(days.dated):
        cells[key], changes = _walk(*key, days.dated[key], days.undated.get(key, 0), shifts)
        drafts += changes
    drafts.sort(key=lambda sh: (sh.date, sh.row, sh.column))
    wanted = [q for c in cells.values() for q in (c.quote, c.latest_quote)]
    wanted += [q for d in drafts for q in (d.quote_before, d.quote_after)]
    found = quotes(wanted)
    matrix = PositionMatrix(
        sorted({r for r, _ in keys}),
        sorted({c for _, c in keys}),
        {key: c.finish(found) for key, c in cells.items()},
        at,
        dict(days.undated),
        days.undated_statements,
    )
    return matrix, [d.finish(found) for d in drafts]


def position_matrix(
    statements: Iterable[Statement],
    *,
    by: RowKind = "party",
    party_of: Mapping[str, str] | None = None,
    columns: Columns | None = None,
    at: date | None = None,
    issue: str | None = None,
) -> PositionMatrix:
    """The matrix of rows (parties or actors) by columns (issues by default, or linked points).

    ``at`` keeps only statements dated on or before it, so the matrix answers "where did
    everyone stand on that day"; undated statements are counted beside the cells, never in them.
    A row or column that has only undated statements is still listed, with no cell.
    """
    days = cell_days(statements, by=by, party_of=party_of or {}, columns=columns, at=at, issue=issue)
    return matrix_and_shifts(days, _same, at, shifts=False)[0]


def find_shifts(
    statements: Iterable[Statement],
    *,
    by: RowKind = "actor",
    party_of: Mapping[str, str] | None = None,
    columns: Columns | None = None,
    at: date | None = None,
    issue: str | None = None,
) -> list[Shift]:
    """Every change of a row's position on a column, in date order; undated statements make none."""
    days = cell_days(statements, by=by, party_of=party_of or {}, columns=columns, at=at, issue=issue)
    return matrix_and_shifts(days, _same, at)[1]
