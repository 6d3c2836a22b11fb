"""Small dialect shims: the only place that knows SQLite and PostgreSQL spell things differently."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def insert_ignore(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]
) -> None:
    """Insert rows, silently keeping the existing row when ``keys`` already exist."""
    if not rows:
        return
    mod: Any = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(mod.insert(table).on_conflict_do_nothing(index_elements=list(keys)), list(rows))


def chunks(items: Sequence[Any], size: int = 500) -> list[Sequence[Any]]:
    """Split parameter lists so IN (...) stays under every driver's bound-parameter limit."""
    return [items[i : i + size] for i in range(0, len(items), size)]
