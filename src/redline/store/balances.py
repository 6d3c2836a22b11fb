"""Each positions cell's balance, kept with the tallies, and a matrix read from them.

A cell's value as of today comes from walking its days (``redline.balance.walk``) over its
tallies; walking every cell per request was most of the cost of a matrix, so the store walks
again only the cells a write touched and keeps the result (``position_cell``), and the cell's
shifts with it (``position_shift``: ``balance.cell_shifts`` over the same days, with the
reversals and nobody's-position counts the tallies keep), and the walk's weekly checkpoints
and turns (``walk_checkpoints``) that a matrix as of a past day is read from
(``tallies.past``). It can also be counted from all the tallies up to the day (``cells`` in
SQL, or ``tallies.as_of`` in one pass that also gives its shift walk's input): per stance the
count, the latest day (with its count and quote) and the strongest quote, which is all a
balance is made of.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    String,
    Table,
    and_,
    bindparam,
    delete,
    func,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.engine import Connection

from redline.balance import (
    NO_SHIFT_ROWS,
    CellDraft,
    DayGroup,
    Days,
    Reversal,
    ShiftDays,
    ShiftDraft,
    ShiftGroup,
    Tally,
    Turn,
    cell_of,
    cell_shifts,
    cell_turns,
    turn_shifts,
)
from redline.store._sql import chunks, insert_rows
from redline.store.schema import (
    ANY_COLUMN,
    UNDATED_DAY,
    position_cell,
    position_checkpoint,
    position_shift,
    position_tally,
    position_turn,
)
from redline.store.walk_checkpoints import (
    ISSUES,
    Rows,
    Scope,
    checkpoint_records,
    checkpoints_before,
    load,
    turn_records,
    unsplit_record,
    week_start,
)

__all__ = [
    "CellTotals",
    "TallyRow",
    "cells",
    "from_checkpoints",
    "kept_shifts",
    "parse_day",
    "rewalk",
    "shift_days",
    "shift_records",
    "undated_counts",
]


def parse_day(value: Any, cache: dict[Any, date | None]) -> date | None:
    """A stored day (a date, or its ISO text as SQLite's driver returns it), None if undated."""
    if value not in cache:
        day = value if isinstance(value, date) else date.fromisoformat(value)
        cache[value] = None if day == UNDATED_DAY else day
    return cache[value]


class TallyRow(NamedTuple):
    """One (row, column, day, stance) of the tallies; ``day`` None for undated statements.

    A named tuple: a matrix reads tens of thousands, and a frozen dataclass costs ten times
    as much to make."""

    row: str
    column: str
    day: date | None
    stance: str
    n: int
    rank: int
    confidence: float
    length: int
    best_id: str
    # what shifts need (see the module's docstring); the reversal's order is its corpus position
    rev_n: int = 0
    rev_rank: int = 0
    rev_confidence: float = 0.0
    rev_length: int = 0
    rev_order: tuple[str, int, str] = ("", 0, "")
    rev_id: str = ""
    nobody: int = 0


def shift_days(rows: Iterable[TallyRow]) -> dict[tuple[str, str], ShiftDays[str]] | None:
    """The shift walk's input (quotes as ids) of tally rows in day order, per (row, column);
    None if a row mixes statements that are somebody's position with ones that are nobody's."""
    out: dict[tuple[str, str], ShiftDays[str]] = {}
    for r in rows:
        if r.day is None or r.column == ANY_COLUMN or r.nobody == r.n or r.row in NO_SHIFT_ROWS:
            continue  # undated, or nobody's position: no shift is made of it
        if r.nobody:
            return None
        rev = None
        if r.rev_n:
            rev = Reversal(
                r.rev_n, (r.rev_rank, r.rev_confidence, r.day, r.rev_length), r.rev_order, r.rev_id
            )
        group = ShiftGroup(DayGroup(r.stance, r.n, (r.rank, r.confidence, r.day, r.length), r.best_id), rev)
        days = out.setdefault((r.row, r.column), [])
        if days and days[-1][0] == r.day:
            days[-1][1].append(group)
        else:
            days.append((r.day, [group]))
    return out


def unindexed_in(column: ColumnElement[str], values: Collection[str]) -> ColumnElement[bool]:
    """``column IN values`` that no planner can take as the way into the table: a page of a
    matrix's rows read over a range of days must be found by the days' index and then tested
    (``row_key IN`` alone led SQLite off the day's seek, onto every tally of the kind). Tested
    in SQL, not in Python, so the rows of other pages are never fetched (a third of a week's
    tallies by actor at 1M statements)."""
    return column.concat("").in_(sorted(values))


Cell = tuple[str, str, str]  # by_kind, col_key, row_key
_WHOLE_COLUMN = 20  # more touched cells than this in one column: read the column in one scan


def _cell_days(
    conn: Connection, cells: Collection[Cell]
) -> tuple[dict[Cell, Days[str]], dict[Cell, list[TallyRow]]]:
    """The dated tally rows of these cells, as the days ``walk`` takes (quotes as ids), and
    the rows themselves, which shifts are walked from."""
    t = position_tally
    day = type_coerce(t.c.day, String)
    cols = (t.c.by_kind, t.c.col_key, t.c.row_key, day, t.c.stance, t.c.n)
    rev = (t.c.rev_n, t.c.rev_rank, t.c.rev_confidence, t.c.rev_length, t.c.rev_document, t.c.rev_start)
    q = select(
        *cols, t.c.best_rank, t.c.best_confidence, t.c.best_length, t.c.best_id, *rev, t.c.rev_id, t.c.nobody
    )
    q = q.where(t.c.day != UNDATED_DAY, t.c.col_key != ANY_COLUMN)
    by_column: dict[tuple[str, str], set[str]] = {}
    for by, col, row in cells:
        if col != ANY_COLUMN:
            by_column.setdefault((by, col), set()).add(row)
    out: dict[Cell, Days[str]] = {}
    rows_of: dict[Cell, list[TallyRow]] = {}
    parsed: dict[Any, date | None] = {}

    def take(rows: Iterable[Any], wanted: set[str]) -> None:
        for r in rows:
            if r[2] not in wanted:
                continue
            d = parse_day(r[3], parsed)
            assert d is not None
            cell = (r[0], r[1], r[2])
            days = out.setdefault(cell, [])
            group = DayGroup(r[4], int(r[5]), (int(r[6]), float(r[7]), d, int(r[8])), r[9])
            if days and days[-1][0] == d:
                days[-1][1].append(group)
            else:
                days.append((d, [group]))
            if r[1] != ANY_COLUMN and r[2] not in NO_SHIFT_ROWS:
                rev_order = (r[14] or "", r[15] or 0, r[16] or "")
                rows_of.setdefault(cell, []).append(
                    TallyRow(
                        r[2], r[1], d, r[4], int(r[5]), int(r[6]), float(r[7]), int(r[8]), r[9],
                        int(r[10]), r[11] or 0, r[12] or 0.0, r[13] or 0, rev_order, r[16] or "", int(r[17]),
                    )
                )  # fmt: skip

    for (by, col), rows in by_column.items():
        if len(rows) > _WHOLE_COLUMN:
            scan = q.where(t.c.by_kind == by, t.c.col_key == col).order_by(t.c.day, t.c.row_key, t.c.stance)
            take(conn.execute(scan), rows)
        else:
            for part in chunks(sorted(rows), 200):
                one = q.where(t.c.by_kind == by, t.c.col_key == col, t.c.row_key.in_(part))
                take(conn.execute(one.order_by(t.c.row_key, t.c.day, t.c.stance)), rows)
    return out, rows_of


MIXED = ""  # ``shift_before`` of a cell whose shifts cannot be walked from its tallies


def _shift_record(by: str, sh: ShiftDraft[str]) -> dict[str, Any]:
    return {
        "by_kind": by,
        "col_key": sh.column,
        "row_key": sh.row,
        "day": sh.date,
        "shift_before": sh.before,
        "shift_after": sh.after,
        "quote_before": sh.quote_before,
        "quote_after": sh.quote_after,
        "evidence_before": sh.evidence_before,
        "evidence_after": sh.evidence_after,
        "explicit": sh.explicit,
    }


def rewalk(conn: Connection, cells: Collection[Cell], since: Mapping[Cell, date] | None = None) -> None:
    """Walk these cells again over their tallies and store their balance and shifts anew, and
    the walk's checkpoints and turns (``walk_checkpoints``) that a past day is read from.

    ``since``: per cell, the first day a write changed; the checkpoints before its week are
    kept as they are (a walk up to them is the same), which halves what a write rewrites."""
    since = since or {}
    for table in (position_cell, position_shift, position_turn):
        key = tuple_(table.c.by_kind, table.c.col_key, table.c.row_key)
        for part in chunks(sorted(cells), 200):
            conn.execute(delete(table).where(key.in_(list(part))))
    k = position_checkpoint
    key = tuple_(k.c.by_kind, k.c.col_key, k.c.row_key)
    for part in chunks(sorted(c for c in cells if c not in since), 200):
        conn.execute(delete(k).where(key.in_(list(part))))
    later = [{"b": c[0], "c": c[1], "r": c[2], "d": week_start(d)} for c, d in since.items() if c in cells]
    if later:
        same = (k.c.by_kind == bindparam("b"), k.c.col_key == bindparam("c"), k.c.row_key == bindparam("r"))
        conn.execute(delete(k).where(*same, k.c.day >= bindparam("d")), later)
    balances: list[dict[str, Any]] = []
    shifts: list[dict[str, Any]] = []
    turns: list[dict[str, Any]] = []
    checkpoints: list[dict[str, Any]] = []
    walked, rows_of = _cell_days(conn, cells)
    for (by, col, row), rows in rows_of.items():
        made_shifts, made_turns = shift_records(by, col, row, rows)
        shifts += made_shifts
        turns += made_turns
    for part in chunks(shifts, 5000):
        insert_rows(conn, position_shift, list(part))
    for part in chunks(turns, 5000):
        insert_rows(conn, position_turn, list(part))
    for (by, col, row), days in walked.items():
        cell, kept = checkpoint_records(by, col, row, days, since.get((by, col, row)))
        checkpoints += kept
        balances.append(cell_record(by, col, row, cell))
    for part in chunks(balances, 5000):
        insert_rows(conn, position_cell, list(part))
    for part in chunks(checkpoints, 5000):
        insert_rows(conn, position_checkpoint, list(part))


def shift_records(
    by: str, col: str, row: str, rows: Sequence[TallyRow]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A cell's kept shifts as of today and its turns (``walk_checkpoints``), from its dated
    tally rows in day order: the turns make today's shifts too, unless the cell mixes speakers
    who are somebody's position with ones who are nobody's (then its shifts are walked, or
    marked ``MIXED``, and its turns end at the day the mix begins)."""
    shifts: list[dict[str, Any]] = []
    turns: list[dict[str, Any]] = []
    unsplit = _unsplit_from(rows)
    found = shift_days(rows)
    if unsplit is None and found is not None:
        for shift_walk in found.values():
            made = cell_turns(shift_walk)
            turns += turn_records(by, col, row, made)
            shifts += [_shift_record(by, sh) for sh in _shifts_of(row, col, made, shift_walk)]
        return shifts, turns
    if found is None:
        mixed = ShiftDraft(row, col, MIXED, MIXED, "", "", UNDATED_DAY, 0, 0, False)
        shifts.append(_shift_record(by, mixed))
    else:
        shifts += [_shift_record(by, sh) for key, days in found.items() for sh in cell_shifts(*key, days)]
    if unsplit is not None:  # the turns of the days before it, and the day marked
        clean = shift_days([r for r in rows if r.day is not None and r.day < unsplit])
        for shift_walk in (clean or {}).values():
            turns += turn_records(by, col, row, cell_turns(shift_walk))
        turns.append(unsplit_record(by, col, row, unsplit))
    return shifts, turns


def cell_record(by: str, col: str, row: str, cell: CellDraft[str]) -> dict[str, Any]:
    """A kept cell's row, as ``position_cell`` and ``point_cell`` (with its version) hold it."""
    return {
        "by_kind": by,
        "col_key": col,
        "row_key": row,
        "value": cell.stance,
        "latest": cell.latest,
        "most_frequent": cell.most_frequent,
        "counts": json.dumps(cell.counts),
        "quote": cell.quote,
        "latest_quote": cell.latest_quote,
        "last_date": cell.last_date,
    }


def _shifts_of(row: str, column: str, turns: list[Turn[str]], days: ShiftDays[str]) -> list[ShiftDraft[str]]:
    """The shifts as of a cell's last day made of its turns (``cell_shifts`` of its days)."""
    counts: dict[str, int] = {}
    for _, groups in days:
        for g in groups:
            counts[g.group.stance] = counts.get(g.group.stance, 0) + g.group.n
    return turn_shifts(row, column, turns, counts, days[-1][0])


def _unsplit_from(rows: Iterable[TallyRow]) -> date | None:
    """The first day of a cell's tallies that counts statements that are nobody's position,
    if the cell has others too: its counts then differ from what its shifts are walked over
    (or, in one tally, cannot be split), and its turns are not used from that day on."""
    nobodys = [r.day for r in rows if r.nobody and r.day is not None]
    if not nobodys or all(r.nobody == r.n for r in rows):
        return None
    return min(nobodys)


@dataclass(slots=True)
class CellTotals:
    """A matrix's cells counted in SQL: drafts (quotes as ids) and the undated counts."""

    cells: dict[tuple[str, str], CellDraft[str]]
    undated: dict[tuple[str, str], int]
    undated_statements: int


def undated_counts(
    conn: Connection, by: str, issue: str | None, scope: Scope = ISSUES, rows: Rows = None
) -> tuple[dict[tuple[str, str], int], int]:
    """A matrix's undated statements: per (row, column) (of ``rows``, if given), and how many
    distinct ones (in the whole matrix, every row)."""
    t = scope.tally
    where = [*scope.of(t, by), t.c.col_key != ANY_COLUMN, t.c.day == UNDATED_DAY]
    if issue is not None:
        where.append(t.c.col_key == issue)
    if rows is not None:  # tested on the rows the day's seek gives (see ``unindexed_in``)
        where.append(unindexed_in(t.c.row_key, rows))
    undated_q = select(t.c.row_key, t.c.col_key, func.sum(t.c.n)).where(*where)
    undated = {(r[0], r[1]): int(r[2]) for r in conn.execute(undated_q.group_by(t.c.row_key, t.c.col_key))}
    distinct = select(func.coalesce(func.sum(t.c.n), 0)).where(
        *scope.of(t, by), t.c.day == UNDATED_DAY, t.c.col_key == (ANY_COLUMN if issue is None else issue)
    )
    return undated, int(conn.execute(distinct).scalar_one())


def cells(
    conn: Connection, by: str, *, issue: str | None = None, at: date | None = None, rows: Rows = None
) -> CellTotals:
    """Every cell of ``by`` rows (of ``rows``, if given: as of today only) as of ``at`` from
    three grouped queries over the tallies: per stance the count, the latest day (with its
    count and quote) and the strongest quote, which is all a balance is made of
    (``redline.balance.Tally``)."""
    if rows is not None and at is not None:
        raise ValueError("a page of rows is read as of today only (as of a day: ``tallies.past``)")
    t = position_tally
    where = [t.c.by_kind == by, t.c.col_key != ANY_COLUMN]
    if issue is not None:
        where.append(t.c.col_key == issue)
    dated = [*where, t.c.day != UNDATED_DAY]
    if at is not None:
        dated.append(t.c.day <= at)
    parsed: dict[Any, date | None] = {}
    undated, n_distinct = undated_counts(conn, by, issue, rows=rows)
    if at is None:  # as of today: the balances the store keeps
        c = position_cell
        kept_cols: list[Any] = [c.c.row_key, c.c.col_key, c.c.value, c.c.latest, c.c.most_frequent]
        kept_cols += [c.c.counts, c.c.quote, c.c.latest_quote, type_coerce(c.c.last_date, String)]
        q = select(*kept_cols).where(*ISSUES.of(c, by, rows))
        if issue is not None:
            q = q.where(c.c.col_key == issue)
        kept: dict[tuple[str, str], CellDraft[str]] = {}
        for r in conn.execute(q):
            said_last = parse_day(r[8], parsed)
            assert said_last is not None
            key = (r[0], r[1])
            counts, n_undated = json.loads(r[5]), undated.get(key, 0)
            kept[key] = CellDraft(r[0], r[1], r[2], r[3], r[4], counts, r[6], r[7], said_last, n_undated)
        return CellTotals(kept, undated, n_distinct)
    per = (t.c.row_key, t.c.col_key, t.c.stance)
    last = select(*per, func.sum(t.c.n).label("total"), func.max(t.c.day).label("last")).where(*dated)
    last_sq = last.group_by(*per).subquery()
    recent_q = (
        select(
            t.c.row_key,
            t.c.col_key,
            t.c.stance,
            last_sq.c.total,
            type_coerce(t.c.day, String),
            t.c.n,
            t.c.best_rank,
            t.c.best_confidence,
            t.c.best_length,
            t.c.best_id,
        )
        .select_from(
            t.join(
                last_sq,
                and_(
                    t.c.row_key == last_sq.c.row_key,
                    t.c.col_key == last_sq.c.col_key,
                    t.c.stance == last_sq.c.stance,
                    t.c.day == last_sq.c["last"],
                ),
            )
        )
        .where(t.c.by_kind == by)
    )
    ranked = (
        select(
            *per,
            type_coerce(t.c.day, String).label("day"),
            t.c.best_rank,
            t.c.best_confidence,
            t.c.best_length,
            t.c.best_id,
            func.row_number()
            .over(
                partition_by=list(per),
                order_by=[
                    t.c.best_rank.desc(),
                    t.c.best_confidence.desc(),
                    t.c.day.desc(),
                    t.c.best_length.desc(),
                ],
            )
            .label("rank"),
        )
        .where(*dated)
        .subquery()
    )
    strongest_q = select(ranked).where(ranked.c["rank"] == 1)
    strongest: dict[tuple[str, str, str], tuple[tuple[int, float, date, int], str]] = {}
    for r in conn.execute(strongest_q):
        d = parse_day(r[3], parsed)
        assert d is not None
        strongest[(r[0], r[1], r[2])] = ((int(r[4]), float(r[5]), d, int(r[6])), r[7])
    tallies: dict[tuple[str, str], Tally[str]] = {}
    last_day: dict[tuple[str, str], date] = {}
    for r in conn.execute(recent_q):
        d = parse_day(r[4], parsed)
        assert d is not None
        key = (r[0], r[1])
        tally = tallies.setdefault(key, Tally())
        strength = (int(r[6]), float(r[7]), d, int(r[8]))
        tally.set_stance(r[2], int(r[3]), ((d, int(r[5]), strength), r[9]), strongest[(r[0], r[1], r[2])])
        last_day[key] = max(d, last_day.get(key, d))
    return CellTotals(
        {k: cell_of(k[0], k[1], tl, last_day[k], undated.get(k, 0)) for k, tl in tallies.items()},
        undated,
        n_distinct,
    )


def from_checkpoints(
    conn: Connection,
    by: str,
    at: date,
    turns: Iterable[tuple[str, str, Turn[str]]],
    *,
    issue: str | None = None,
    scope: Scope = ISSUES,
    rows: Rows = None,
) -> tuple[CellTotals, list[ShiftDraft[str]]]:
    """A matrix's cells and shift drafts as of ``at`` from the walk the store keeps
    (``walk_checkpoints``): each cell's last checkpoint before the week of ``at`` and the
    tallies of that week up to it, a few thousand rows at 1M statements; its shifts are its
    ``turns`` up to the day (``turns_upto``: usable ones), each weighed with the new stance's
    count then. ``rows``: only these rows' cells (one page of the matrix)."""
    start = week_start(at)
    parsed: dict[Any, date | None] = {}
    balance: dict[tuple[str, str], Tally[str]] = {}
    last_day: dict[tuple[str, str], date] = {}
    for row, column, stored_day, state in checkpoints_before(conn, by, start, issue, scope, rows):
        d = parse_day(stored_day, parsed)
        assert d is not None
        balance[(row, column)], last_day[(row, column)] = load(state), d
    t = scope.tally
    day = type_coerce(t.c.day, String)
    cols = (t.c.row_key, t.c.col_key, day, t.c.stance, t.c.n, t.c.best_rank, t.c.best_confidence)
    q = select(*cols, t.c.best_length, t.c.best_id).where(
        *scope.of(t, by), t.c.day >= start, t.c.day <= at, t.c.day != UNDATED_DAY, t.c.col_key != ANY_COLUMN
    )
    if issue is not None:
        q = q.where(t.c.col_key == issue)
    if rows is not None:  # tested on the rows the day's range gives (see ``unindexed_in``)
        q = q.where(unindexed_in(t.c.row_key, rows))
    fetched = conn.execute(q)
    # sorted here, not in SQL: an ORDER BY in the key's order made SQLite scan the kind's
    # every tally by key instead of seeking the week by day; a cell's groups of a day together
    week = sorted(fetched, key=lambda r: (r[1], r[2], r[0], r[3]))
    groups: list[DayGroup[str]] = []
    current: tuple[str, str, date] | None = None
    for r in [*week, None]:
        d = None if r is None else parse_day(r[2], parsed)
        if current is not None and (r is None or (r[0], r[1], d) != current):
            key = (current[0], current[1])
            tally = balance.get(key)
            if tally is None:
                tally = balance[key] = Tally()
            tally.add_day(current[2], groups)
            last_day[key] = current[2]
            groups = []
        if r is None or d is None:
            continue
        current = (r[0], r[1], d)
        groups.append(DayGroup(r[3], int(r[4]), (int(r[5]), float(r[6]), d, int(r[7])), r[8]))
    undated, n_distinct = undated_counts(conn, by, issue, scope, rows)
    cells = {k: cell_of(k[0], k[1], tl, last_day[k], undated.get(k, 0)) for k, tl in balance.items()}
    per_cell: dict[tuple[str, str], list[Turn[str]]] = {}
    for row, column, turn in sorted(turns, key=lambda x: (x[0], x[1], x[2].day)):
        per_cell.setdefault((row, column), []).append(turn)
    drafts: list[ShiftDraft[str]] = []
    for (row, column), made in per_cell.items():
        tally = balance.get((row, column))
        drafts += turn_shifts(row, column, made, tally.counts if tally else {}, at)
    return CellTotals(cells, undated, n_distinct), drafts


def kept_shifts(
    conn: Connection, by: str, *, issue: str | None = None, rows: Rows = None
) -> list[ShiftDraft[str]] | None:
    """The shifts the store keeps for ``by`` rows (of one column; of ``rows``, if given), as of
    today, in date order; None if a cell's shifts could not be walked from its tallies (see
    ``position_shift``)."""
    s = position_shift
    return read_shifts(
        conn, s, *ISSUES.of(s, by, rows), *([s.c.col_key == issue] if issue is not None else [])
    )


def read_shifts(conn: Connection, s: Table, *where: ColumnElement[bool]) -> list[ShiftDraft[str]] | None:
    """Kept shift rows (``position_shift`` or ``point_shift``) in date order; None if one marks a
    cell whose shifts could not be walked."""
    cols = [s.c.row_key, s.c.col_key, s.c.shift_before, s.c.shift_after, s.c.quote_before, s.c.quote_after]
    q = select(*cols, type_coerce(s.c.day, String), s.c.evidence_before, s.c.evidence_after, s.c.explicit)
    parsed: dict[Any, date | None] = {}
    out: list[ShiftDraft[str]] = []
    for r in conn.execute(q.where(*where).order_by(s.c.day, s.c.row_key, s.c.col_key)):
        if r[2] == MIXED:
            return None
        d = parse_day(r[6], parsed)
        assert d is not None
        out.append(ShiftDraft(r[0], r[1], r[2], r[3], r[4], r[5], d, int(r[7]), int(r[8]), bool(r[9])))
    return out
