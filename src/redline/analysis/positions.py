"""Who stands where: the party (or actor) x issue (or point) matrix at a date.

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
silently. Changes of position over time (shifts) are ``analysis.shifts``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from redline.model import STANCES, Statement

__all__ = [
    "GENERIC_ISSUES",
    "UNAFFILIATED",
    "Cell",
    "Columns",
    "PositionMatrix",
    "RowKind",
    "by_issue",
    "by_points",
    "position_matrix",
    "row_of",
    "stance_issues",
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


def _strength(s: Statement) -> tuple[int, float, date, int]:
    return (_KIND_RANK.get(s.kind, 0), s.confidence, s.date or date.min, len(s.content.text))


class _Tally:
    """Dated statements of one cell, added day by day, and the balance they make so far.

    Each stance keeps its most recent statement, ranked by (date, how many statements took
    that stance that day, strength): "the most recent" of two stances said the same day is
    the one more often said that day, then the one with the stronger quote.
    """

    def __init__(self) -> None:
        self.counts: dict[str, int] = dict.fromkeys(STANCES, 0)
        self._strongest: dict[str, Statement] = {}
        self._recent: dict[str, tuple[tuple[date, int, tuple[int, float, date, int]], Statement]] = {}

    def add_day(self, day: date, group: Sequence[Statement]) -> None:
        per_day = Counter(s.stance for s in group)
        for s in group:
            self.counts[s.stance] = self.counts.get(s.stance, 0) + 1
            key = (day, per_day[s.stance], _strength(s))
            if s.stance not in self._recent or key > self._recent[s.stance][0]:
                self._recent[s.stance] = (key, s)
            best = self._strongest.get(s.stance)
            if best is None or _strength(s) > _strength(best):
                self._strongest[s.stance] = s

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

    def strongest(self, stance: str) -> Statement:
        """The strongest statement so far with ``stance``: a direct quote, then the more confident."""
        return self._strongest[stance]

    def recent(self, stance: str) -> Statement:
        return self._recent[stance][1]


def _by_day(statements: Sequence[Statement]) -> list[tuple[date, list[Statement]]]:
    days: dict[date, list[Statement]] = {}
    for s in statements:
        if s.date is not None:
            days.setdefault(s.date, []).append(s)
    return sorted(days.items())


def _cell(row: str, column: str, statements: Sequence[Statement], undated: int) -> Cell:
    tally = _Tally()
    for day, group in _by_day(statements):
        tally.add_day(day, group)
    value, latest = tally.value, tally.latest
    return Cell(
        row,
        column,
        value,
        latest,
        tally.most_frequent,
        dict(tally.counts),
        tally.strongest(value),
        tally.recent(latest),
        max(s.date for s in statements if s.date is not None),
        undated,
    )


Columns = Callable[[Statement], Iterable[str]]


GENERIC_ISSUES = frozenset({"plan_overall"})


def by_issue(statement: Statement) -> list[str]:
    """The issues a statement's stance is about.

    The stance is toward the first-listed issue; further specific issues share it (a demand
    on territory and the ceasefire), but a generic issue listed after specific ones does not:
    reporting that the army cap was dropped is no stance on the plan as a whole.
    """
    return stance_issues(statement.issues)


def stance_issues(issues: Sequence[str]) -> list[str]:
    """``by_issue`` on a bare list of issue ids, for readers of stored rows (exports)."""
    first, rest = list(issues[:1]), issues[1:]
    return first + [i for i in rest if i not in GENERIC_ISSUES]


def by_points(links: Mapping[str, Sequence[str]]) -> Columns:
    """Columns from statement-point links (statement id -> point numbers)."""
    return lambda s: list(links.get(s.id, ()))


@dataclass(slots=True)
class _Groups:
    """Statements by (row, column): dated ones up to the date, and the undated ones apart."""

    dated: dict[tuple[str, str], list[Statement]] = field(default_factory=dict)
    undated: dict[tuple[str, str], list[Statement]] = field(default_factory=dict)

    @property
    def undated_statements(self) -> int:
        return len({s.id for group in self.undated.values() for s in group})


def _groups(
    statements: Iterable[Statement],
    by: RowKind,
    party_of: Mapping[str, str],
    columns: Columns | None,
    at: date | None,
    issue: str | None,
) -> _Groups:
    """Statements by (row, column); with an issue filter, issue columns narrow to that issue.

    A statement dated after ``at`` is left out (it was not said yet); an undated one goes
    to ``undated`` whatever ``at`` is, since nobody can tell whether it was said by then.
    """
    if columns is None:
        columns = by_issue if issue is None else (lambda s: [i for i in by_issue(s) if i == issue])
    groups = _Groups()
    for s in statements:
        if at is not None and s.date is not None and s.date > at:
            continue
        if issue is not None and issue not in s.issues:
            continue
        row = row_of(s, by, party_of)
        if row is None:
            continue
        target = groups.undated if s.date is None else groups.dated
        for col in columns(s):
            target.setdefault((row, col), []).append(s)
    return groups


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
    groups = _groups(statements, by, party_of or {}, columns, at, issue)
    undated = {key: len(group) for key, group in groups.undated.items()}
    keys = set(groups.dated) | set(undated)
    cells = {key: _cell(*key, group, undated.get(key, 0)) for key, group in groups.dated.items()}
    return PositionMatrix(
        sorted({r for r, _ in keys}),
        sorted({c for _, c in keys}),
        cells,
        at,
        undated,
        groups.undated_statements,
    )
