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

from typing import Any

from sqlalchemy import JSON, Integer, cast, func, select, true
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
    # each cell's counts (JSON: stance -> statements) summed by the database: parsing 9,000 of
    # them in Python was a third of a matrix by actor's first call after a write at 1M
    counts: Any
    n: Any
    if conn.dialect.name == "postgresql":
        counts = func.json_each_text(cast(c.c.counts, JSON)).table_valued("value").lateral()
        n = cast(counts.c.value, Integer)
    else:
        counts = func.json_each(c.c.counts).table_valued("value")
        n = counts.c.value
    q = select(c.c.row_key, func.sum(n)).select_from(c.join(counts, true())).where(*scope.of(c, by))
    if issue is not None:
        q = q.where(c.c.col_key == issue)
    totals: dict[str, int] = {}
    for row, n_row in conn.execute(q.group_by(c.c.row_key)):
        totals[row] = int(n_row)
    for (row, _), n in undated_counts(conn, by, issue, scope)[0].items():
        totals[row] = totals.get(row, 0) + n
    return totals
