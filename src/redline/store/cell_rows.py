"""The statements behind one cell of a positions matrix, read by index instead of from the corpus.

A cell is a party (or the speakers without one) on an issue or on a plan point. The rules
that place a statement in a cell (``in_cell``: ``tallies.party_row``, ``model.stance_issues``
and ``tallies.says_reversal``, as the tallies count) are applied here to light rows of a narrow
superset: the countable statements with a speaker on the issue (through ``statement_issue``)
or linked to the point, of the party's speakers when the row is a party.

A big cell (a party on an issue at 1M statements: 20,000 rows) is not read whole to show
its newest hundred: ``newest`` walks the issue's (issue, date) index newest first, in
batches, keeping the rows of the cell until the page is full; its total comes from the
tallies the matrix was made of.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Mapping
from datetime import date
from typing import Any

from sqlalchemy import case, or_, select, tuple_
from sqlalchemy.engine import Connection

from redline.balance import UNAFFILIATED, ReversalTest
from redline.model import GENERIC_ISSUES, stance_issues
from redline.store._sql import newest_first
from redline.store.countable import countable
from redline.store.point_links import linked_rows
from redline.store.schema import statement, statement_issue
from redline.store.tallies import party_row, says_reversal

__all__ = ["candidates", "in_cell", "newest"]

# the content only of a statement that lists a generic issue after another: only there can
# an explicit reversal place it in one more column (``model.stance_issues``), so the light
# rows of a big cell carry no text
_GENERIC_LATER = or_(*(statement.c.issues.like(f'%,%"{g}"%') for g in sorted(GENERIC_ISSUES)))
_COLUMNS = (
    statement.c.id,
    statement.c.date,
    statement.c.issues,
    statement.c.actor_id,
    statement.c.speaker,
    case((_GENERIC_LATER, statement.c.content), else_=None).label("reversal_text"),
)


def in_cell(
    r: Any,
    party_of: Mapping[str, str],
    row: str,
    column: str | None,
    at: date | None,
    reversal: ReversalTest,
) -> bool:
    """Whether the light row ``r`` counts in the cell (``row``, ``column``) as of ``at``, by the
    rules the tallies count with (``reversal``: the store's test, ``Store.reversal``); ``column``
    None when the rows are already those of the column (a plan point's links). Undated
    statements count in every cell apart."""
    if (at is not None and r.date is not None and r.date > at) or party_row(
        r.actor_id, r.speaker, party_of
    ) != row:
        return False
    if column is None:
        return True
    issues = json.loads(r.issues)
    if column in stance_issues(issues):
        return True
    text = r.reversal_text  # only a reversal widens it to the column (a generic one it lists later)
    return (
        column in stance_issues(issues, reverses=True)
        and text is not None
        and says_reversal(text, r.speaker, r.actor_id, party_of, reversal)
    )


def _narrow(speakers: Collection[str] | None) -> list[Any]:
    s = statement
    narrow: list[Any] = [s.c.speaker.is_not(None)]
    if speakers is not None:
        keys = sorted(speakers)
        narrow.append(or_(s.c.actor_id.in_(keys), s.c.speaker.in_(keys)))
    return narrow


def candidates(
    conn: Connection,
    *,
    issue: str | None = None,
    point: tuple[str, str, str] | None = None,
    speakers: Collection[str] | None = None,
) -> list[Any]:
    """``(id, date, issues, actor_id, speaker)`` of the countable statements with a speaker on
    ``issue`` (or linked to ``point``: plan, label, number); with ``speakers``, only those whose
    actor id or speaker name is one of them."""
    s = statement
    if point is not None:
        plan, label, number = point
        rows = linked_rows(conn, plan, label, _COLUMNS)
        seen: set[str] = set()
        out = []
        for r in rows:
            mine = speakers is None or r.actor_id in speakers or r.speaker in speakers
            if r.number == number and r.id not in seen and r.speaker is not None and mine:
                seen.add(r.id)
                out.append(r)
        return out
    si = statement_issue
    q = (
        select(*_COLUMNS)
        .select_from(s.join(si, si.c.statement_id == s.c.id))
        .where(si.c.issue == issue, *countable(), *_narrow(speakers))
    )
    return list(conn.execute(q))


_BATCH = 500  # index rows read per query while a page fills


def _ordered(
    conn: Connection, issue: str, speakers: Collection[str] | None, dated: bool, at: date | None
) -> Iterator[Any]:
    """The candidate rows of ``issue`` newest first (dated: by date, then id, descending;
    undated: by id, descending), read in keyset batches along the (issue, date) index, so a
    query never sorts the issue's rows and each batch is planned for its limit."""
    s, si = statement, statement_issue
    base = (
        select(*_COLUMNS, si.c.date.label("key_date"), si.c.statement_id.label("key_id"))
        .select_from(si.join(s, s.c.id == si.c.statement_id))
        .where(si.c.issue == issue, *countable(), *_narrow(speakers))
        # SQLite would otherwise drive from the speakers' index and sort all their rows
        .with_hint(si, "INDEXED BY ix_statement_issue_issue_date", "sqlite")
    )
    if dated:
        base = base.where(si.c.date.is_not(None))
        if at is not None:
            base = base.where(si.c.date <= at)
        base = base.order_by(newest_first(si.c.date), si.c.statement_id.desc())
    else:
        base = base.where(si.c.date.is_(None)).order_by(si.c.statement_id.desc())
    after: tuple[Any, str] | None = None
    while True:
        q = base
        if after is not None:
            if dated:
                q = q.where(tuple_(si.c.date, si.c.statement_id) < tuple_(*after))
            else:
                q = q.where(si.c.statement_id < after[1])
        rows = list(conn.execute(q.limit(_BATCH)))
        yield from rows
        if len(rows) < _BATCH:
            return
        after = (rows[-1].key_date, rows[-1].key_id)


def newest(
    conn: Connection,
    *,
    issue: str,
    row: str,
    party_of: Mapping[str, str],
    reversal: ReversalTest,
    at: date | None = None,
    skip: int = 0,
    take: int = 100,
) -> list[Any]:
    """Rows ``skip`` to ``skip + take`` of the cell (``row``, ``issue``) as of ``at``, newest
    first, the undated last (the order ``cell_statements`` sorts in); reads only as far into
    the issue's index as the page needs."""
    speakers = None if row == UNAFFILIATED else {k for k, v in party_of.items() if v == row}
    out: list[Any] = []
    for dated in (True, False):
        for r in _ordered(conn, issue, speakers, dated, at):
            if in_cell(r, party_of, row, issue, at, reversal):
                if skip:
                    skip -= 1
                    continue
                out.append(r)
                if len(out) == take:
                    return out
    return out
