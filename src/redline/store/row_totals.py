"""How many statements each row of a positions matrix has: the order its rows are paged in.

A matrix by actor has thousands of rows at 1M statements (9,000 cells, 20-28 MB with their
quotes), too many to read, send or look at in one answer, so every interface shows it a page
of rows at a time, the most quoted first. A row's number is its statements in the matrix's
cells as of today (dated ones from the balances the store keeps, plus the undated ones; a
statement on two columns counts in both): a few thousand small rows, read whatever day the
matrix is asked for, so the same rows are on the same page at every date and two dates can be
compared row by row.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.engine import Connection

from redline.store.balances import undated_counts
from redline.store.walk_checkpoints import ISSUES, Scope

__all__ = ["row_totals"]


def row_totals(
    conn: Connection, by: str, *, issue: str | None = None, scope: Scope = ISSUES
) -> dict[str, int]:
    """Per row of ``by`` (of the issue columns, or a plan version's points with its ``scope``),
    the statements in its cells as of today, undated ones included (of one ``issue``, if given)."""
    c = scope.cell
    q = select(c.c.row_key, c.c.counts).where(*scope.of(c, by))
    if issue is not None:
        q = q.where(c.c.col_key == issue)
    totals: dict[str, int] = {}
    for row, counts in conn.execute(q):
        totals[row] = totals.get(row, 0) + sum(json.loads(counts).values())
    for (row, _), n in undated_counts(conn, by, issue, scope)[0].items():
        totals[row] = totals.get(row, 0) + n
    return totals
