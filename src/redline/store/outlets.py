"""An outlet as a user types it: every filter by outlet (command line, API, dashboard, exports)
matches the stored name whatever its case, so "reuters" finds Reuters' statements."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, select
from sqlalchemy.engine import Connection

from redline.store import corpus_counts
from redline.store.schema import document

__all__ = ["outlet_condition", "outlet_names", "same_outlet"]


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def same_outlet(a: str, b: str) -> bool:
    """Whether two spellings name one outlet ("reuters" and "Reuters"), as the filters match."""
    return _fold(a) == _fold(b)


def outlet_names(conn: Connection, outlet: str, *, documents: bool = False) -> list[str]:
    """The stored spellings of ``outlet``: the same name in any case, spaces around and inside
    it aside. A statement's are read from the outlet counters the database keeps
    (``corpus_counts``), a handful of rows; with ``documents``, from the distinct outlets of the
    documents (one may carry no statement). Either way the filter stays a lookup on the outlet
    indexes, not ``lower(outlet)`` on every row (SQLite's ``lower`` would not fold "É" either)."""
    want = _fold(outlet)
    if not want:
        return []
    if documents:
        q = select(document.c.outlet).where(document.c.outlet.is_not(None)).distinct()
        stored = [str(o) for o in conn.execute(q).scalars()]
    else:
        stored = list(corpus_counts.by_key(conn, "outlet"))
    return sorted({outlet} | {o for o in stored if _fold(o) == want})


def outlet_condition(
    conn: Connection, column: ColumnElement[str | None], outlet: str, *, documents: bool = False
) -> ColumnElement[bool]:
    """``column`` (a statement's outlet, or with ``documents`` a document's) is ``outlet`` in
    any of its spellings."""
    names = outlet_names(conn, outlet, documents=documents)
    return column.in_(names) if names else false()
