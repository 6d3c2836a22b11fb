"""Position tallies with the points of a plan version as columns, kept as links change.

Positions by plan point are the issue tallies (``tallies``) with each statement counted under
the points it is linked to (``point_links``) instead of its issues. Counting them from the
links on every read went through every link of the version (330,000 at 1M statements) and
every linked statement; so the store keeps the same per (row, point, day, stance) counts,
strongest quotes, reversals and nobody's counts in ``point_tally``, per version, and a read
is a range scan of a few thousand rows.

They change only with the links, in the links' transaction: new links add their statements
(an upsert that adds, as ``tallies.add`` does); links dropped (a correction, a re-extraction,
a speaker's party that changed) recount the (version, point, day) groups the statements
counted in, from the links that remain; a version saved anew drops its tallies with its links.
The statements are aggregated by ``tallies``' own code, so both tallies count alike.

The same tallies are kept per issue of the statements (``point_issue_tally``): positions by
point narrowed to an issue aggregated that issue's links on every call (28,000 statements, 2.5
to 2.9 s at 1M statements); they read a range of rows now. Each statement counts under every
issue it has, as the narrowed positions count it, and a (version, point, day) group is
recounted under all issues at once, so a correction that changes a statement's issues (its
links are dropped and its groups recounted) leaves no count under an issue it lost.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import String, and_, case, delete, or_, select, tuple_, type_coerce
from sqlalchemy.engine import Connection

from redline.balance import ReversalTest
from redline.model import issue_stance, stances_map
from redline.store import point_cells, tallies
from redline.store._sql import chunks, insert_rows, upsert_insert
from redline.store.balances import TallyRow
from redline.store.balances import parse_day as _day
from redline.store.countable import countable
from redline.store.extractions import parties
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
    point_link,
    point_link_state,
    point_shift,
    point_tally,
    point_turn,
    statement,
)
from redline.store.walk_checkpoints import Rows

__all__ = ["Group", "add", "forget", "groups_of", "read", "rebuild", "rebuild_issues", "recompute", "recount"]

# the tallies per issue and what is kept of their cells
_ISSUE_TABLES = (
    point_issue_tally,
    point_issue_cell,
    point_issue_shift,
    point_issue_checkpoint,
    point_issue_turn,
)

IssueKey = tuple[str, str, str, date, str, str]  # issue, then ``tallies.Key``

Group = tuple[str, str, str, date]  # plan, label, point number (or ANY_COLUMN), day


def _version(plan: str, label: str) -> Any:
    return and_(point_link.c.plan == plan, point_link.c.label == label)


def _linked(
    conn: Connection, where: Sequence[Any], columns: Sequence[Any] = tallies._COLUMNS
) -> dict[tuple[str, str], dict[str, Any]]:
    """Per version, the countable linked statements matching ``where`` (rows as ``tallies``
    reads them, ``columns``: ``tallies.stored_columns`` for a recount) and the points each is
    linked to."""
    s, lk = statement, point_link
    cols = [lk.c.plan, lk.c.label, lk.c.number, *columns, s.c.rejected, s.c.duplicate]
    q = select(*cols).select_from(lk.join(s, s.c.id == lk.c.statement_id)).where(*countable(), *where)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for r in conn.execute(q):
        rows, numbers = out.setdefault((r.plan, r.label), {"rows": {}, "numbers": {}}).values()
        rows[r.id] = r
        numbers.setdefault(r.id, []).append(r.number)
    return out


def _aggregate(
    linked: Mapping[str, Any], party_of: Mapping[str, str], reversal: ReversalTest
) -> tuple[dict[tallies.Key, Any], dict[IssueKey, Any]]:
    """The tallies of linked statements by point, and the same under each of their issues
    (each statement's count made once: the reversal test is most of the cost)."""
    numbers = linked["numbers"]
    whole: dict[tallies.Key, Any] = {}
    by_issue: dict[IssueKey, Any] = {}
    for m, keys, one in tallies.counted(
        linked["rows"].values(), party_of, reversal, lambda m, _says: numbers[m["id"]]
    ):
        issues = sorted(set(json.loads(m["issues"])))
        own = stances_map(m.get("issue_stances"))  # parsed once for every key and issue
        for key in keys:
            tallies.merge(whole, key, one)
            for issue in issues:  # under an issue, with the stance toward it
                stance = issue_stance(m["stance"], own, issue)
                tallies.merge(by_issue, (issue, *key[:4], stance), one)
    return whole, by_issue


def _records(plan: str, label: str, aggs: Mapping[tallies.Key, Any]) -> list[dict[str, Any]]:
    return [{"plan": plan, "label": label, **r} for r in tallies._records(aggs)]


def _issue_records(plan: str, label: str, aggs: Mapping[IssueKey, Any]) -> list[dict[str, Any]]:
    by_issue: dict[str, dict[tallies.Key, Any]] = {}
    for (issue, by, col, day, row, stance), a in aggs.items():
        by_issue.setdefault(issue, {})[(by, col, day, row, stance)] = a
    return [
        {"plan": plan, "label": label, "issue": issue, **r}
        for issue, of_issue in by_issue.items()
        for r in tallies._records(of_issue)
    ]


def add(
    conn: Connection, plan: str, label: str, statement_ids: Collection[str], reversal: ReversalTest
) -> None:
    """Count the links just made of these statements (none counted in the version before)."""
    if not statement_ids:
        return
    party_of = parties(conn)
    records: list[dict[str, Any]] = []
    of_issues: list[dict[str, Any]] = []
    for part in chunks(sorted(statement_ids)):
        where = [_version(plan, label), point_link.c.statement_id.in_(part)]
        for linked in _linked(conn, where).values():
            whole, by_issue = _aggregate(linked, party_of, reversal)
            records += _records(plan, label, whole)
            of_issues += _issue_records(plan, label, by_issue)
    if records:
        _upsert(conn, point_tally, records)
        _upsert(conn, point_issue_tally, of_issues)
        point_cells.rewalk(conn, point_cells.of_records(records))
        point_cells.rewalk_issues(conn, point_cells.of_issue_records(of_issues))


def _upsert(conn: Connection, t: Any, records: Sequence[dict[str, Any]]) -> None:
    """Add ``records`` to the tallies ``t`` (by point, or by issue and point): counts added,
    the stronger quote and reversal kept, in SQL, so that two writers adding to one key both
    count (as ``tallies.add``)."""
    ins = upsert_insert(conn, t)
    new, old = ins.excluded, t.c

    def stronger(p: str, when_old_none: bool) -> Any:
        strength_new = tuple_(new[f"{p}_rank"], new[f"{p}_confidence"], new[f"{p}_length"])
        strength_old = tuple_(old[f"{p}_rank"], old[f"{p}_confidence"], old[f"{p}_length"])
        order_new = tuple_(new[f"{p}_document"], new[f"{p}_start"], new[f"{p}_id"])
        order_old = tuple_(old[f"{p}_document"], old[f"{p}_start"], old[f"{p}_id"])
        beats = or_(strength_new > strength_old, and_(strength_new == strength_old, order_new < order_old))
        if not when_old_none:
            return beats
        return or_(old.rev_id.is_(None), and_(new.rev_id.is_not(None), beats))

    best, rev = stronger("best", False), stronger("rev", True)
    values: dict[str, Any] = {c: old[c] + new[c] for c in ("n", "rev_n", "nobody")}
    values.update({c: case((best, new[c]), else_=old[c]) for c in tallies._BEST})
    values.update({c: case((rev, new[c]), else_=old[c]) for c in tallies._REV})
    keys = ["plan", "label", *(["issue"] if t is point_issue_tally else []), *tallies._PK]
    stmt = ins.on_conflict_do_update(index_elements=keys, set_=values)
    for part in chunks(list(records), 1000):
        conn.execute(stmt, list(part))


def groups_of(conn: Connection, statement_ids: Collection[str]) -> set[Group]:
    """The (version, point, day) groups the links of these statements count in now (call
    before their links or days change: a re-extraction or a corrected date)."""
    s, lk = statement, point_link
    found: set[Group] = set()
    for part in chunks(sorted(statement_ids)):
        q = (
            select(lk.c.plan, lk.c.label, lk.c.number, s.c.date)
            .select_from(lk.join(s, s.c.id == lk.c.statement_id))
            .where(lk.c.statement_id.in_(part))
        )
        for plan, label, number, day in conn.execute(q):
            found.add((plan, label, number, day or UNDATED_DAY))
            if day is None:  # undated statements are counted once more, in no column
                found.add((plan, label, ANY_COLUMN, UNDATED_DAY))
    return found


def recompute(conn: Connection, groups: Iterable[Group], reversal: ReversalTest) -> None:
    """Recount these (version, point, day) groups from the links there are now."""
    party_of: dict[str, str] | None = None
    touched: set[point_cells.Cell] = set()  # cells whose balance and shifts are walked again
    touched_issues: set[point_cells.IssueCell] = set()
    for plan, label, number, day in sorted(set(groups)):
        party_of = parties(conn) if party_of is None else party_of
        dated = statement.c.date.is_(None) if day == UNDATED_DAY else statement.c.date == day
        where = [_version(plan, label), dated]
        if number != ANY_COLUMN:
            where.append(point_link.c.number == number)
        linked = _linked(conn, where).get((plan, label))
        whole, by_issue = _aggregate(linked, party_of, reversal) if linked else ({}, {})
        fresh = {k: a for k, a in whole.items() if k[1] == number}
        t = point_tally
        group = (t.c.plan == plan, t.c.label == label, t.c.col_key == number, t.c.day == day)
        touched |= {
            (plan, label, by, number, row)
            for by, row in conn.execute(select(t.c.by_kind, t.c.row_key).where(*group))
        }
        conn.execute(delete(t).where(*group))
        records = _records(plan, label, fresh)
        insert_rows(conn, t, records)
        touched |= point_cells.of_records(records)
        ti = point_issue_tally  # the group under every issue: one the statements lost goes too
        in_group = (ti.c.plan == plan, ti.c.label == label, ti.c.col_key == number, ti.c.day == day)
        had = select(ti.c.issue, ti.c.by_kind, ti.c.row_key).where(*in_group)
        touched_issues |= {(plan, label, issue, by, number, row) for issue, by, row in conn.execute(had)}
        conn.execute(delete(ti).where(*in_group))
        issue_records = _issue_records(plan, label, {k: a for k, a in by_issue.items() if k[2] == number})
        insert_rows(conn, ti, issue_records)
        touched_issues |= point_cells.of_issue_records(issue_records)
    point_cells.rewalk(conn, touched)
    point_cells.rewalk_issues(conn, touched_issues)


def recount(conn: Connection, statement_ids: Collection[str], reversal: ReversalTest) -> None:
    """These statements moved to another row (their speaker's party changed): recount the
    groups their links count in."""
    recompute(conn, groups_of(conn, statement_ids), reversal)


def forget(conn: Connection, plan: str, label: str) -> None:
    """A version's links are dropped: so are its tallies."""
    for t in (point_tally, point_issue_tally):
        conn.execute(delete(t).where(t.c.plan == plan, t.c.label == label))
    point_cells.forget(conn, plan, label)


def rebuild(conn: Connection, reversal: ReversalTest) -> None:
    """Count every version's tallies from its links (the migration that adds them, repairs)."""
    conn.execute(delete(point_tally))
    for table in (point_cell, point_shift, point_checkpoint, point_turn, *_ISSUE_TABLES):
        table.create(conn, checkfirst=True)  # a migration before theirs may rebuild
        conn.execute(delete(table))
    party_of = parties(conn)
    columns = tallies.stored_columns(conn)
    versions = conn.execute(select(point_link_state.c.plan, point_link_state.c.label)).all()
    for plan, label in versions:
        for linked in _linked(conn, [_version(plan, label)], columns).values():
            whole, by_issue = _aggregate(linked, party_of, reversal)
            records = _records(plan, label, whole)
            for part in chunks(records, 5000):
                insert_rows(conn, point_tally, list(part))
            point_cells.rewalk(conn, point_cells.of_records(records))
            _insert_issues(conn, _issue_records(plan, label, by_issue))


def _insert_issues(conn: Connection, records: list[dict[str, Any]]) -> None:
    """Insert a version's tallies per issue and walk their cells, a point and issue at a time
    (at 1M statements, not all at once)."""
    for part in chunks(records, 5000):
        insert_rows(conn, point_issue_tally, list(part))
    by_column: dict[tuple[str, str, str, str, str], set[point_cells.IssueCell]] = {}
    for cell in point_cells.of_issue_records(records):
        by_column.setdefault(cell[:5], set()).add(cell)
    for column_cells in by_column.values():
        point_cells.rewalk_issues(conn, column_cells)


def rebuild_issues(conn: Connection, reversal: ReversalTest) -> None:
    """Count every version's tallies per issue from its links and walk their cells (the
    migration that adds them)."""
    for table in _ISSUE_TABLES:
        table.create(conn, checkfirst=True)
        conn.execute(delete(table))
    party_of = parties(conn)
    columns = tallies.stored_columns(conn)
    versions = conn.execute(select(point_link_state.c.plan, point_link_state.c.label)).all()
    for plan, label in versions:
        for linked in _linked(conn, [_version(plan, label)], columns).values():
            _insert_issues(conn, _issue_records(plan, label, _aggregate(linked, party_of, reversal)[1]))


def read(
    conn: Connection,
    plan: str,
    label: str,
    by: str,
    *,
    issue: str | None = None,
    at: date | None = None,
    rows: Rows = None,
) -> list[TallyRow]:
    """The tallies of a version's ``by`` rows (of ``rows``, if given; of the statements that
    have ``issue``, if given; up to a day, if given; undated ones always), by point, then day,
    as ``tallies.read`` gives those of the issues."""
    t = point_tally if issue is None else point_issue_tally
    day = type_coerce(t.c.day, String)  # parsed once per day, not per row
    cols = [t.c.row_key, t.c.col_key, day, t.c.stance, t.c.n, t.c.best_rank, t.c.best_confidence]
    cols += [t.c.best_length, t.c.best_id, t.c.rev_n, *(t.c[c] for c in tallies._REV), t.c.nobody]
    where = [t.c.plan == plan, t.c.label == label, t.c.by_kind == by]
    q = select(*cols).where(*where, *(() if issue is None else (t.c.issue == issue,)))
    if at is not None:
        q = q.where(or_(t.c.day <= at, t.c.day == UNDATED_DAY))
    q = q.order_by(t.c.col_key, t.c.day, t.c.row_key, t.c.stance)
    days: dict[Any, date | None] = {}
    # the page's rows, and every row's undated statements counted once (the matrix's)
    wanted = None if rows is None else set(rows)
    return [
        TallyRow(
            r[0], r[1], _day(r[2], days), r[3], r[4], r[5], r[6], r[7], r[8], r[9],
            r[10] or 0, r[11] or 0.0, r[12] or 0, (r[13] or "", r[14] or 0, r[15] or ""), r[15] or "", r[16],
        )
        for r in conn.execute(q).fetchall()
        if wanted is None or r[0] in wanted or r[1] == ANY_COLUMN
    ]  # fmt: skip
