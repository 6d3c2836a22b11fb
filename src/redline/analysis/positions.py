"""Who stands where: the party (or actor) x issue (or point) matrix, and shifts over time.

A cell summarises every statement of one row on one column up to a date. Its stance is the
latest non-neutral one, because a neutral statement is a report of fact ("there is no final
version") and does not withdraw a position taken earlier; only when a row has said nothing
but neutral things is the cell neutral. The quote shown is the strongest statement backing
that stance: a direct quote over reported speech, then the more confident, then the latest.
A shift is a change of that day-by-day stance, shown with the quotes before and after.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Literal

from redline.model import Statement

__all__ = [
    "GENERIC_ISSUES",
    "UNAFFILIATED",
    "Cell",
    "Columns",
    "PositionMatrix",
    "RowKind",
    "Shift",
    "by_issue",
    "by_points",
    "find_shifts",
    "position_matrix",
    "row_of",
    "stance_issues",
]

RowKind = Literal["party", "actor"]
UNAFFILIATED = "unaffiliated"
_KIND_RANK = {"direct": 2, "mixed": 1, "indirect": 0}


@dataclass(slots=True)
class Cell:
    """One row's position on one column."""

    row: str
    column: str
    stance: str
    quote: Statement  # the strongest statement with that stance
    supporting: int  # statements with that stance
    total: int  # statements in the cell, neutral ones included
    last_date: date | None


@dataclass(slots=True)
class Shift:
    """A row's stance on a column changed between two dates."""

    row: str
    column: str
    before: str
    after: str
    quote_before: Statement
    quote_after: Statement


@dataclass(slots=True)
class PositionMatrix:
    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    at: date | None = None

    def get(self, row: str, column: str) -> Cell | None:
        return self.cells.get((row, column))


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


def _day_stances(statements: Sequence[Statement]) -> list[tuple[date | None, str, Statement]]:
    """One stance per date: the most frequent non-neutral one that day, the strongest quote's on a tie."""
    days: dict[date | None, list[Statement]] = {}
    for s in statements:
        if s.stance != "neutral":
            days.setdefault(s.date, []).append(s)
    out: list[tuple[date | None, str, Statement]] = []
    for day in sorted(days, key=lambda d: d or date.min):
        group = days[day]
        counts = Counter(s.stance for s in group)
        top = max(counts.values())
        stance = max((s for s in group if counts[s.stance] == top), key=_strength).stance
        quote = max((s for s in group if s.stance == stance), key=_strength)
        out.append((day, stance, quote))
    return out


def _cell(row: str, column: str, statements: Sequence[Statement]) -> Cell:
    days = _day_stances(statements)
    stance = days[-1][1] if days else "neutral"
    backing = [s for s in statements if s.stance == stance]
    dates = [s.date for s in statements if s.date]
    return Cell(
        row,
        column,
        stance,
        max(backing, key=_strength),
        len(backing),
        len(statements),
        max(dates) if dates else None,
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


def _groups(
    statements: Iterable[Statement],
    by: RowKind,
    party_of: Mapping[str, str],
    columns: Columns | None,
    at: date | None,
    issue: str | None,
) -> dict[tuple[str, str], list[Statement]]:
    """Statements by (row, column); with an issue filter, issue columns narrow to that issue."""
    if columns is None:
        columns = by_issue if issue is None else (lambda s: [i for i in by_issue(s) if i == issue])
    groups: dict[tuple[str, str], list[Statement]] = {}
    for s in statements:
        if at is not None and (s.date is None or s.date > at):
            continue
        if issue is not None and issue not in s.issues:
            continue
        row = row_of(s, by, party_of)
        if row is None:
            continue
        for col in columns(s):
            groups.setdefault((row, col), []).append(s)
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

    ``at`` keeps only statements dated on or before it (undated ones cannot be placed and are
    left out), so the matrix answers "where did everyone stand on that day".
    """
    groups = _groups(statements, by, party_of or {}, columns, at, issue)
    rows = sorted({r for r, _ in groups})
    cols = sorted({c for _, c in groups})
    cells = {key: _cell(*key, group) for key, group in groups.items()}
    return PositionMatrix(rows, cols, cells, at)


def find_shifts(
    statements: Iterable[Statement],
    *,
    by: RowKind = "actor",
    party_of: Mapping[str, str] | None = None,
    columns: Columns | None = None,
    at: date | None = None,
    issue: str | None = None,
) -> list[Shift]:
    """Every change of a row's stance on a column between dated statements, in date order."""
    shifts: list[Shift] = []
    for (row, col), group in sorted(_groups(statements, by, party_of or {}, columns, at, issue).items()):
        days = [d for d in _day_stances(group) if d[0] is not None]
        for (_, before, q1), (_, after, q2) in pairwise(days):
            if before != after:
                shifts.append(Shift(row, col, before, after, q1, q2))
    shifts.sort(key=lambda sh: (sh.quote_after.date or date.min, sh.row, sh.column))
    return shifts
