"""Each (plan version, row, point) cell's balance and shifts as of today, kept with the point tallies.

What ``balances`` keeps for the issue columns (``position_cell``, ``position_shift``), kept for
the points of each linked version: a matrix by plan point as of today read its ~100,000 tally
rows at 1M statements and walked every cell (seconds per call); now the cells whose point
tallies a change of links touched are walked again in that transaction, by the same walk and
evidence rule (``balance.walk``, ``balance.cell_shifts``), and a call reads a few hundred
cells. The walk's weekly checkpoints and turns are kept too (``point_checkpoint``,
``point_turn``, as ``walk_checkpoints`` keeps them for the issue columns), so a matrix as of a
past day reads a checkpoint per cell and a week of tallies (``past``), not every tally up to it.
The same is kept of the tallies per issue of the statements (``point_issue_*``, cells named by
the issue too): positions by point narrowed to an issue read them alike.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import String, Table, delete, select, tuple_, type_coerce
from sqlalchemy.engine import Connection

from redline.balance import NO_SHIFT_ROWS, CellDraft, DayGroup, Days, ShiftDraft
from redline.store._sql import chunks, insert_rows
from redline.store.balances import (
    CellTotals,
    TallyRow,
    cell_record,
    from_checkpoints,
    parse_day,
    read_shifts,
    shift_records,
    undated_counts,
)
from redline.store.schema import (
    ANY_COLUMN,
    UNDATED_DAY,
    point_cell,
    point_checkpoint,
    point_issue_cell,
    point_issue_checkpoint,
    point_issue_shift,
    point_issue_tally,
    point_issue_turn,
    point_shift,
    point_tally,
    point_turn,
)
from redline.store.walk_checkpoints import Rows, checkpoint_records, of_version, turns_upto

__all__ = [
    "Cell",
    "IssueCell",
    "cells",
    "forget",
    "kept_shifts",
    "of_issue_records",
    "of_records",
    "past",
    "rewalk",
    "rewalk_issues",
]

Cell = tuple[str, str, str, str, str]  # plan, label, by_kind, point number, row_key
IssueCell = tuple[str, str, str, str, str, str]  # plan, label, issue, by_kind, point number, row_key


@dataclass(frozen=True, slots=True)
class _Kept:
    """The tables one kind of point cell is kept in, and the columns that name its scope."""

    tally: Table
    cell: Table
    shift: Table
    checkpoint: Table
    turn: Table
    keys: tuple[str, ...]

    def walked(self) -> tuple[Table, ...]:
        return (self.cell, self.shift, self.checkpoint, self.turn)


_VERSION = _Kept(point_tally, point_cell, point_shift, point_checkpoint, point_turn, ("plan", "label"))
_ISSUE = _Kept(
    point_issue_tally,
    point_issue_cell,
    point_issue_shift,
    point_issue_checkpoint,
    point_issue_turn,
    ("plan", "label", "issue"),
)


def _delete(conn: Connection, kept: _Kept, cells: Collection[tuple[str, ...]]) -> None:
    for table in kept.walked():
        key = tuple_(*(table.c[k] for k in kept.keys), table.c.by_kind, table.c.col_key, table.c.row_key)
        for part in chunks(sorted(cells), 200):
            conn.execute(delete(table).where(key.in_(list(part))))


def _cell_days(
    conn: Connection, kept: _Kept, cells: Collection[tuple[str, ...]]
) -> tuple[dict[tuple[str, ...], Days[str]], dict[tuple[str, ...], list[TallyRow]]]:
    """The dated tallies of these cells as the days ``walk`` takes, and as rows for shifts."""
    t = kept.tally
    rest = (t.c.stance, t.c.n, t.c.best_rank, t.c.best_confidence, t.c.best_length, t.c.best_id, t.c.rev_n)
    rev = (t.c.rev_rank, t.c.rev_confidence, t.c.rev_length, t.c.rev_document, t.c.rev_start, t.c.rev_id)
    q = select(t.c.row_key, type_coerce(t.c.day, String), *rest, *rev, t.c.nobody).where(
        t.c.day != UNDATED_DAY
    )
    n = len(kept.keys)
    by_column: dict[tuple[str, ...], set[str]] = {}
    for cell in cells:
        if cell[n + 1] != ANY_COLUMN:
            by_column.setdefault(cell[: n + 2], set()).add(cell[n + 2])
    out: dict[tuple[str, ...], Days[str]] = {}
    rows_of: dict[tuple[str, ...], list[TallyRow]] = {}
    parsed: dict[Any, date | None] = {}
    for column, wanted in by_column.items():
        scope = [t.c[k] == v for k, v in zip(kept.keys, column, strict=False)]
        col = column[n + 1]
        for part in chunks(sorted(wanted), 200):
            one = q.where(*scope, t.c.by_kind == column[n], t.c.col_key == col, t.c.row_key.in_(part))
            for r in conn.execute(one.order_by(t.c.row_key, t.c.day, t.c.stance)):
                d = parse_day(r[1], parsed)
                assert d is not None
                cell = (*column, r[0])
                strength = (int(r[4]), float(r[5]), d, int(r[6]))
                days = out.setdefault(cell, [])
                group = DayGroup(r[2], int(r[3]), strength, r[7])
                if days and days[-1][0] == d:
                    days[-1][1].append(group)
                else:
                    days.append((d, [group]))
                if r[0] not in NO_SHIFT_ROWS:
                    rev_order = (r[12] or "", r[13] or 0, r[14] or "")
                    rows_of.setdefault(cell, []).append(
                        TallyRow(
                            r[0], col, d, r[2], int(r[3]), int(r[4]), float(r[5]), int(r[6]),
                            r[7], int(r[8]), r[9] or 0, r[10] or 0.0, r[11] or 0, rev_order,
                            r[14] or "", int(r[15]),
                        )
                    )  # fmt: skip
    return out, rows_of


def _rewalk(conn: Connection, kept: _Kept, cells: Collection[tuple[str, ...]]) -> None:
    if not cells:
        return
    _delete(conn, kept, cells)
    walked, rows_of = _cell_days(conn, kept, cells)
    n = len(kept.keys)
    shifts: list[dict[str, Any]] = []
    turns: list[dict[str, Any]] = []
    for cell, rows in rows_of.items():
        scope = dict(zip(kept.keys, cell, strict=False))
        by, col, row = cell[n:]
        made_shifts, made_turns = shift_records(by, col, row, rows)
        shifts += [{**scope, **r} for r in made_shifts]
        turns += [{**scope, **r} for r in made_turns]
    balances: list[dict[str, Any]] = []
    checkpoints: list[dict[str, Any]] = []
    for cell, days in walked.items():
        scope = dict(zip(kept.keys, cell, strict=False))
        by, col, row = cell[n:]
        drafted, kept_days = checkpoint_records(by, col, row, days)
        balances.append({**scope, **cell_record(by, col, row, drafted)})
        checkpoints += [{**scope, **r} for r in kept_days]
    for table, records in ((kept.shift, shifts), (kept.turn, turns), (kept.cell, balances)):
        for part in chunks(records, 5000):
            insert_rows(conn, table, list(part))
    for part in chunks(checkpoints, 5000):
        insert_rows(conn, kept.checkpoint, list(part))


def rewalk(conn: Connection, cells: Collection[Cell]) -> None:
    """Walk these cells again over their point tallies and keep their balance and shifts anew."""
    _rewalk(conn, _VERSION, cells)


def rewalk_issues(conn: Connection, cells: Collection[IssueCell]) -> None:
    """The same for cells of the point tallies per issue (``point_issue_tally``)."""
    _rewalk(conn, _ISSUE, cells)


def of_records(records: Iterable[dict[str, Any]]) -> set[Cell]:
    """The cells of point tally records (as ``point_tallies`` writes them)."""
    return {(r["plan"], r["label"], r["by_kind"], r["col_key"], r["row_key"]) for r in records}


def of_issue_records(records: Iterable[dict[str, Any]]) -> set[IssueCell]:
    """The cells of point tally records per issue."""
    return {(r["plan"], r["label"], r["issue"], r["by_kind"], r["col_key"], r["row_key"]) for r in records}


def forget(conn: Connection, plan: str, label: str) -> None:
    for table in (*_VERSION.walked(), *_ISSUE.walked()):
        conn.execute(delete(table).where(table.c.plan == plan, table.c.label == label))


def cells(
    conn: Connection, plan: str, label: str, by: str, rows: Rows = None, issue: str | None = None
) -> CellTotals:
    """A version's matrix as of today (of the statements that have ``issue``, if given): the
    kept cells, and the undated counts of its tallies (of ``rows``, if given: one page of the
    matrix's rows)."""
    scope = of_version(plan, label, issue)
    undated, n_distinct = undated_counts(conn, by, None, scope, rows)
    c = scope.cell
    cols: list[Any] = [c.c.row_key, c.c.col_key, c.c.value, c.c.latest, c.c.most_frequent]
    cols += [c.c.counts, c.c.quote, c.c.latest_quote, type_coerce(c.c.last_date, String)]
    q = select(*cols).where(*scope.of(c, by, rows))
    parsed: dict[Any, date | None] = {}
    kept: dict[tuple[str, str], CellDraft[str]] = {}
    for r in conn.execute(q):
        said_last = parse_day(r[8], parsed)
        assert said_last is not None
        key = (r[0], r[1])
        kept[key] = CellDraft(
            r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7], said_last, undated.get(key, 0)
        )
    return CellTotals(kept, undated, n_distinct)


def kept_shifts(
    conn: Connection, plan: str, label: str, by: str, rows: Rows = None, issue: str | None = None
) -> list[ShiftDraft[str]] | None:
    """A version's shifts as of today (of ``rows``, if given; of the statements that have
    ``issue``, if given) in date order; None if a cell's could not be walked."""
    table = point_shift if issue is None else point_issue_shift
    return read_shifts(conn, table, *of_version(plan, label, issue).of(table, by, rows))


def past(
    conn: Connection, plan: str, label: str, by: str, at: date, rows: Rows = None, issue: str | None = None
) -> tuple[CellTotals, list[ShiftDraft[str]]] | None:
    """A version's matrix and shift drafts as of a past day (of the statements that have
    ``issue``, if given), from the walk kept by week (``balances.from_checkpoints``); None if a
    cell's turns cannot be used by then (a cell mixing speakers who are somebody's position and
    nobody's): walk the point tallies."""
    scope = of_version(plan, label, issue)
    turns = turns_upto(conn, by, at, None, scope, rows)
    if turns is None:
        return None
    return from_checkpoints(conn, by, at, turns, scope=scope, rows=rows)
