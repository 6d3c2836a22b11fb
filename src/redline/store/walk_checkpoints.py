"""Each cell's walk kept by week, so that a matrix as of a past day reads a few rows per cell.

A cell's balance as of a day is the walk (``balance.Tally``) of its tallies up to the day, and
its shifts the evidence rule over the same days; at 1M statements that was some 75,000 tallies
read and walked on the first call after each write. Every write already walks again each
cell it touches (``balances.rewalk``); it now keeps, per cell, the walk's state after the last
of its days in each week (``position_checkpoint``) and each change of value the rule weighs
(``balance.Turn``: ``position_turn``). As of a day, a cell starts from its last checkpoint
before the day's week and adds that week's tallies up to the day; its shifts are its turns up
to the day, each weighed with the new stance's count then (``balance.turn_shift``).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, String, Table, and_, select, type_coerce
from sqlalchemy.engine import Connection

from redline.balance import CellDraft, Days, Tally, Turn, cell_of
from redline.memo import Memo
from redline.store.schema import (
    point_cell,
    point_checkpoint,
    point_issue_cell,
    point_issue_checkpoint,
    point_issue_tally,
    point_issue_turn,
    point_tally,
    point_turn,
    position_cell,
    position_checkpoint,
    position_tally,
    position_turn,
)

__all__ = [
    "ISSUES",
    "UNSPLIT",
    "WEEK",
    "Rows",
    "Scope",
    "checkpoint_records",
    "checkpoints_before",
    "load",
    "of_version",
    "turn_records",
    "turns_upto",
    "unsplit_record",
    "week_start",
]


# the rows of a matrix to read: all (None), or one page of them (a few hundred at most, so that
# ``row_key IN (...)`` stays under every driver's bound-parameter limit)
Rows = Collection[str] | None


@dataclass(frozen=True, slots=True)
class Scope:
    """Where one kind of matrix keeps its tallies, cells and walk: the issue columns'
    (``position_*``) or, with ``version`` (plan, label), the points of a plan version's
    (``point_*``), whose cells are named by the version too. Both are read alike."""

    tally: Table
    cell: Table
    checkpoint: Table
    turn: Table
    version: tuple[str, str] | None = None
    issue: str | None = None  # with ``version``: of the statements that have this issue

    def of(self, table: Table, by: str, rows: Rows = None) -> list[ColumnElement[bool]]:
        """The conditions picking this scope's ``by`` rows (only ``rows``, if given: one page of
        a matrix's rows) in one of its tables."""
        where = [table.c.by_kind == by]
        if self.version is not None:
            where += [table.c.plan == self.version[0], table.c.label == self.version[1]]
        if self.issue is not None:
            where.append(table.c.issue == self.issue)
        if rows is not None:
            where.append(table.c.row_key.in_(sorted(rows)))
        return where

    def cell_columns(self) -> tuple[str, ...]:
        """The columns that name a cell in its tables."""
        cell = ("by_kind", "col_key", "row_key")
        if self.version is None:
            return cell
        return ("plan", "label", *cell) if self.issue is None else ("plan", "label", "issue", *cell)


ISSUES = Scope(position_tally, position_cell, position_checkpoint, position_turn)


def of_version(plan: str, label: str, issue: str | None = None) -> Scope:
    """The scope of a plan version's points (counting only the statements that have ``issue``,
    if given: ``point_issue_*``)."""
    if issue is not None:
        tables = (point_issue_tally, point_issue_cell, point_issue_checkpoint, point_issue_turn)
        return Scope(*tables, (plan, label), issue)
    return Scope(point_tally, point_cell, point_checkpoint, point_turn, (plan, label))


WEEK = 7  # days per checkpoint: a call adds at most this many days of tallies to a checkpoint
UNSPLIT = ""  # ``shift_before`` of the row that marks a cell's turns unusable from its day on


def week_start(day: date) -> date:
    """The first day of ``day``'s week (weeks counted from the first ordinal day)."""
    return date.fromordinal(day.toordinal() // WEEK * WEEK)


def _dump(tally: Tally[str]) -> str:
    counts, recent, strongest = tally.parts()
    # days as ordinals: every write makes thousands of these
    return json.dumps(
        [
            list(counts.items()),  # in order: a tie of equally recent stances goes to the first
            [
                [st, d.toordinal(), n, s[0], s[1], s[2].toordinal(), s[3], q]
                for st, ((d, n, s), q) in recent.items()
            ],
            [[st, s[0], s[1], s[2].toordinal(), s[3], q] for st, (s, q) in strongest.items()],
        ]
    )


_Parts = tuple[dict[str, int], dict[str, Any], dict[str, Any]]


def _state_parts(state: str) -> _Parts:
    counts, recent, strongest = json.loads(state)
    day = date.fromordinal
    return (
        {st: n for st, n in counts},
        {st: ((day(d), n, (r, c, day(sd), ln)), q) for st, d, n, r, c, sd, ln, q in recent},
        {st: ((r, c, day(sd), ln), q) for st, r, c, sd, ln, q in strongest},
    )


# Values parsed from stored text, kept by that text (``_states`` and ``_turns``): a matrix as of
# a past day reads the same ~7,000 turns and ~750 checkpoints of a page by actor again on its
# first call after each write (a write changes few of them), and parsing them was half of that
# call. What text parses to never changes, so nothing kept can be out of date; the limit bounds
# the memory (all is dropped when full: a whole matrix by actor, 48,000 turns, is read as before).
_states = Memo(_state_parts, 10_000)  # ~3.7 KB each at 1M statements: ~40 MB


def load(state: str) -> Tally[str]:
    """The tally a checkpoint kept (a new one each call: the caller adds days to it)."""
    counts, recent, strongest = _states[state]
    return Tally.restored(dict(counts), dict(recent), dict(strongest))


def checkpoint_records(
    by: str, column: str, row: str, days: Days[str], since: date | None = None
) -> tuple[CellDraft[str], list[dict[str, Any]]]:
    """The cell its days make (as ``balance.walk`` makes it) and the checkpoints of the walk:
    after the last of its days in each week (``since``: of the weeks from that day's on)."""
    tally: Tally[str] = Tally()
    out: list[dict[str, Any]] = []
    first = None if since is None else week_start(since)
    for i, (day, groups) in enumerate(days):
        tally.add_day(day, groups)
        last_of_week = i + 1 == len(days) or week_start(days[i + 1][0]) != week_start(day)
        if last_of_week and (first is None or day >= first):
            out.append({"by_kind": by, "col_key": column, "row_key": row, "day": day, "state": _dump(tally)})
    return cell_of(row, column, tally, days[-1][0], 0), out


def unsplit_record(by: str, column: str, row: str, day: date) -> dict[str, Any]:
    """The row marking the day from which a cell's tallies mix speakers who are somebody's
    position with ones who are nobody's: its turns are not used from then on."""
    return {
        "by_kind": by,
        "col_key": column,
        "row_key": row,
        "day": day,
        "shift_before": UNSPLIT,
        "shift_after": UNSPLIT,
        "evidence_before": 0,
        "quote_before": "",
        "base": 0,
        "quotes": "[]",
        "explicit": None,
    }


def turn_records(by: str, column: str, row: str, turns: Iterable[Turn[str]]) -> list[dict[str, Any]]:
    """The rows of a cell's turns."""
    cell = {"by_kind": by, "col_key": column, "row_key": row}
    return [
        {
            **cell,
            "day": t.day,
            "shift_before": t.before,
            "shift_after": t.after,
            "evidence_before": t.evidence_before,
            "quote_before": t.quote_before,
            "base": t.base,
            "quotes": json.dumps([[d.isoformat(), q] for d, q in t.quotes]),
            "explicit": t.explicit,
        }
        for t in turns
    ]


def checkpoints_before(
    conn: Connection, by: str, day: date, issue: str | None, scope: Scope = ISSUES, rows: Rows = None
) -> Iterable[tuple[str, str, Any, str]]:
    """(row, column, day as the driver gives it, state) of each cell's last checkpoint before
    ``day``: driven by the kept cells (one row per cell), two seeks back from the day per
    cell, not a scan of every checkpoint of the kind."""
    c, k = scope.cell, scope.checkpoint
    same_cell = and_(*(k.c[name] == c.c[name] for name in scope.cell_columns()))

    def last(col: Any) -> Any:
        return select(col).where(same_cell, k.c.day < day).order_by(k.c.day.desc()).limit(1).scalar_subquery()

    q = select(c.c.row_key, c.c.col_key, type_coerce(last(k.c.day), String), last(k.c.state))
    q = q.where(*scope.of(c, by, rows))
    if issue is not None:
        q = q.where(c.c.col_key == issue)
    return [(r[0], r[1], r[2], r[3]) for r in conn.execute(q) if r[3] is not None]


def turns_upto(
    conn: Connection, by: str, day: date, issue: str | None, scope: Scope = ISSUES, rows: Rows = None
) -> list[tuple[str, str, Turn[str]]] | None:
    """(row, column, turn) of every turn up to ``day`` (of ``rows``, if given); None if a
    cell's turns cannot be used by then (``UNSPLIT``)."""
    t = scope.turn
    cols = [t.c.row_key, t.c.col_key, type_coerce(t.c.day, String), t.c.shift_before, t.c.shift_after]
    cols += [t.c.evidence_before, t.c.quote_before, t.c.base, t.c.quotes, t.c.explicit]
    q = select(*cols).where(*scope.of(t, by, rows), t.c.day <= day)
    if issue is not None:
        q = q.where(t.c.col_key == issue)
    out: list[tuple[str, str, Turn[str]]] = []
    for r in conn.execute(q):
        if r[3] == UNSPLIT:
            return None
        out.append((r[0], r[1], _turns[tuple(r[2:])]))
    return out


def _turn(values: tuple[Any, ...]) -> Turn[str]:
    """The turn of a ``turns_upto`` row's values after its cell (kept by them: ``Memo``;
    its quotes are shared and never changed)."""
    day, before, after, evidence, quote_before, base, quotes, explicit = values
    iso = date.fromisoformat
    d = day if isinstance(day, date) else iso(day)
    said = [(iso(qd), qid) for qd, qid in json.loads(quotes)]
    return Turn(d, before, after, int(evidence), quote_before, int(base), said, explicit)


_turns = Memo(_turn, 40_000)  # ~1.3 KB each at 1M statements: ~50 MB
