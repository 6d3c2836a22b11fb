"""Each (plan version, row, point) cell's balance and shifts as of today, kept with the point tallies.

What ``balances`` keeps for the issue columns (``position_cell``, ``position_shift``), kept for
the points of each linked version: a matrix by plan point as of today read its ~100,000 tally
rows at 1M statements and walked every cell (seconds per call); now the cells whose point
tallies a change of links touched are walked again in that transaction, by the same walk and
evidence rule (``balance.walk``, ``balance.cell_shifts``), and a call reads a few hundred
cells. The walk's weekly checkpoints and turns are kept too (``point_checkpoint``,
``point_turn``, as ``walk_checkpoints`` keeps them for the issue columns), so a matrix as of a
past day reads a checkpoint per cell and a week of tallies (``past``), not every tally up to it.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from sqlalchemy import String, delete, select, tuple_, type_coerce
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
    point_shift,
    point_tally,
    point_turn,
)
from redline.store.walk_checkpoints import Rows, checkpoint_records, of_version, turns_upto

__all__ = ["Cell", "cells", "forget", "kept_shifts", "past", "rewalk"]

Cell = tuple[str, str, str, str, str]  # plan, label, by_kind, point number, row_key


def _delete(conn: Connection, cells: Collection[Cell]) -> None:
    for table in (point_cell, point_shift, point_checkpoint, point_turn):
        key = tuple_(table.c.plan, table.c.label, table.c.by_kind, table.c.col_key, table.c.row_key)
        for part in chunks(sorted(cells), 200):
            conn.execute(delete(table).where(key.in_(list(part))))


def _cell_days(
    conn: Connection, cells: Collection[Cell]
) -> tuple[dict[Cell, Days[str]], dict[Cell, list[TallyRow]]]:
    """The dated point tallies of these cells as the days ``walk`` takes, and as rows for shifts."""
    t = point_tally
    cols = (t.c.plan, t.c.label, t.c.by_kind, t.c.col_key, t.c.row_key, type_coerce(t.c.day, String))
    rest = (t.c.stance, t.c.n, t.c.best_rank, t.c.best_confidence, t.c.best_length, t.c.best_id, t.c.rev_n)
    rev = (t.c.rev_rank, t.c.rev_confidence, t.c.rev_length, t.c.rev_document, t.c.rev_start, t.c.rev_id)
    q = select(*cols, *rest, *rev, t.c.nobody).where(t.c.day != UNDATED_DAY)
    by_column: dict[tuple[str, str, str, str], set[str]] = {}
    for plan, label, by, col, row in cells:
        if col != ANY_COLUMN:
            by_column.setdefault((plan, label, by, col), set()).add(row)
    out: dict[Cell, Days[str]] = {}
    rows_of: dict[Cell, list[TallyRow]] = {}
    parsed: dict[Any, date | None] = {}
    for (plan, label, by, col), wanted in by_column.items():
        for part in chunks(sorted(wanted), 200):
            one = q.where(t.c.plan == plan, t.c.label == label, t.c.by_kind == by, t.c.col_key == col)
            one = one.where(t.c.row_key.in_(part)).order_by(t.c.row_key, t.c.day, t.c.stance)
            for r in conn.execute(one):
                d = parse_day(r[5], parsed)
                assert d is not None
                cell = (plan, label, by, col, r[4])
                strength = (int(r[8]), float(r[9]), d, int(r[10]))
                days = out.setdefault(cell, [])
                group = DayGroup(r[6], int(r[7]), strength, r[11])
                if days and days[-1][0] == d:
                    days[-1][1].append(group)
                else:
                    days.append((d, [group]))
                if r[4] not in NO_SHIFT_ROWS:
                    rev_order = (r[16] or "", r[17] or 0, r[18] or "")
                    rows_of.setdefault(cell, []).append(
                        TallyRow(
                            r[4], col, d, r[6], int(r[7]), int(r[8]), float(r[9]), int(r[10]),
                            r[11], int(r[12]), r[13] or 0, r[14] or 0.0, r[15] or 0, rev_order,
                            r[18] or "", int(r[19]),
                        )
                    )  # fmt: skip
    return out, rows_of


def rewalk(conn: Connection, cells: Collection[Cell]) -> None:
    """Walk these cells again over their point tallies and keep their balance and shifts anew."""
    if not cells:
        return
    _delete(conn, cells)
    walked, rows_of = _cell_days(conn, cells)
    shifts: list[dict[str, Any]] = []
    turns: list[dict[str, Any]] = []
    for (plan, label, by, col, row), rows in rows_of.items():
        version = {"plan": plan, "label": label}
        made_shifts, made_turns = shift_records(by, col, row, rows)
        shifts += [{**version, **r} for r in made_shifts]
        turns += [{**version, **r} for r in made_turns]
    balances: list[dict[str, Any]] = []
    checkpoints: list[dict[str, Any]] = []
    for (plan, label, by, col, row), days in walked.items():
        version = {"plan": plan, "label": label}
        cell, kept = checkpoint_records(by, col, row, days)
        balances.append({**version, **cell_record(by, col, row, cell)})
        checkpoints += [{**version, **r} for r in kept]
    for table, records in ((point_shift, shifts), (point_turn, turns), (point_cell, balances)):
        for part in chunks(records, 5000):
            insert_rows(conn, table, list(part))
    for part in chunks(checkpoints, 5000):
        insert_rows(conn, point_checkpoint, list(part))


def of_records(records: Iterable[dict[str, Any]]) -> set[Cell]:
    """The cells of point tally records (as ``point_tallies`` writes them)."""
    return {(r["plan"], r["label"], r["by_kind"], r["col_key"], r["row_key"]) for r in records}


def forget(conn: Connection, plan: str, label: str) -> None:
    for table in (point_cell, point_shift, point_checkpoint, point_turn):
        conn.execute(delete(table).where(table.c.plan == plan, table.c.label == label))


def cells(conn: Connection, plan: str, label: str, by: str, rows: Rows = None) -> CellTotals:
    """A version's matrix as of today: the kept cells, and the undated counts of its tallies
    (of ``rows``, if given: one page of the matrix's rows)."""
    scope = of_version(plan, label)
    undated, n_distinct = undated_counts(conn, by, None, scope, rows)
    c = point_cell
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
    conn: Connection, plan: str, label: str, by: str, rows: Rows = None
) -> list[ShiftDraft[str]] | None:
    """A version's shifts as of today (of ``rows``, if given) in date order; None if a cell's
    could not be walked."""
    return read_shifts(conn, point_shift, *of_version(plan, label).of(point_shift, by, rows))


def past(
    conn: Connection, plan: str, label: str, by: str, at: date, rows: Rows = None
) -> tuple[CellTotals, list[ShiftDraft[str]]] | None:
    """A version's matrix and shift drafts as of a past day, from the walk kept by week
    (``balances.from_checkpoints``); None if a cell's turns cannot be used by then (a cell
    mixing speakers who are somebody's position and nobody's): walk the point tallies."""
    scope = of_version(plan, label)
    turns = turns_upto(conn, by, at, None, scope, rows)
    if turns is None:
        return None
    return from_checkpoints(conn, by, at, turns, scope=scope, rows=rows)
