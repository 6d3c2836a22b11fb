"""An outlet as a user types it: every filter by outlet (command line, API, dashboard, exports)
matches the stored name whatever its case, so "reuters" finds Reuters' statements."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, select
from sqlalchemy.engine import Connection

from redline.store.schema import document

__all__ = ["outlet_condition", "outlet_names"]


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def outlet_names(conn: Connection, outlet: str) -> list[str]:
    """The stored spellings of ``outlet``: the same name in any case, spaces around and inside
    it aside. Read from the distinct outlets of the documents (a statement's outlet is its
    document's), not by comparing ``lower(outlet)`` on every row, so the filter stays a lookup
    on the outlet indexes; SQLite's ``lower`` would not fold "É" either."""
    want = _fold(outlet)
    if not want:
        return []
    q = select(document.c.outlet).where(document.c.outlet.is_not(None)).distinct()
    stored = conn.execute(q).scalars()
    return sorted(str(o) for o in stored if _fold(str(o)) == want)


def outlet_condition(conn: Connection, column: ColumnElement[str | None], outlet: str) -> ColumnElement[bool]:
    """``column`` (a statement's or a document's outlet) is ``outlet`` in any of its spellings."""
    names = outlet_names(conn, outlet)
    return column.in_(names) if names else false()
