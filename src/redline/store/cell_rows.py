"""The statements behind one cell of a positions matrix, read by index instead of from the corpus.

A cell is a party (or the speakers without one) on an issue or on a plan point. The rules
that place a statement in a cell live in the analysis (``positions.row_of``, ``by_issue``), so
this reads a narrow superset with the few columns those rules need: the countable statements
with a speaker on the issue (through ``statement_issue``) or linked to the point, of the
party's speakers when the row is a party. The caller applies the exact rules to these light
rows and loads in full only the page it shows.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from redline.store.countable import countable
from redline.store.point_links import linked_rows
from redline.store.schema import statement, statement_issue

__all__ = ["candidates"]

_COLUMNS = (
    statement.c.id,
    statement.c.date,
    statement.c.issues,
    statement.c.actor_id,
    statement.c.speaker,
)


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
    narrow: list[Any] = [s.c.speaker.is_not(None)]
    if speakers is not None:
        keys = sorted(speakers)
        narrow.append(or_(s.c.actor_id.in_(keys), s.c.speaker.in_(keys)))
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
        .where(si.c.issue == issue, *countable(), *narrow)
    )
    return list(conn.execute(q))
