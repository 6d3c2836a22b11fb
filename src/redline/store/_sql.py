"""Small dialect shims: the only place that knows SQLite and PostgreSQL spell things differently."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, DateTime, Table, UnaryExpression
from sqlalchemy.engine import Connection


def _sqlite_value(value: Any) -> Any:
    """What SQLAlchemy's SQLite types would store, for the driver-level bulk path."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _sqlite_bulk(conn: Connection, verb: str, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    cols = list(rows[0])
    sql = f"{verb} INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})"
    # only date columns need converting; other rows go to the driver as they are
    dates = [c for c in cols if isinstance(table.c[c].type, Date | DateTime)]
    if dates:
        rows = [r | {c: _sqlite_value(r[c]) for c in dates} for r in rows]
    conn.exec_driver_sql(sql, list(rows))


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many rows (all with the same keys); on SQLite straight through the driver.

    The writer is the one serial step of ingest, so its per-row cost sets the pace for any
    number of workers; the driver path skips SQLAlchemy's per-row parameter processing.
    """
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        _sqlite_bulk(conn, "INSERT", table, rows)
    else:
        conn.execute(table.insert(), list(rows))


def insert_ignore(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]
) -> None:
    """Insert rows, silently keeping the existing row when ``keys`` already exist."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        _sqlite_bulk(conn, "INSERT OR IGNORE", table, rows)
        return
    conn.execute(upsert_insert(conn, table).on_conflict_do_nothing(index_elements=list(keys)), list(rows))


def upsert_insert(conn: Connection, table: Table) -> Any:
    """The dialect's own INSERT, which can say what to do ON CONFLICT.

    The dialect modules are imported here, when a write needs them, not with the store:
    PostgreSQL's costs a read-only command on SQLite a tenth of its start-up."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)


def chunks(items: Sequence[Any], size: int = 500) -> list[Sequence[Any]]:
    """Split parameter lists so IN (...) stays under every driver's bound-parameter limit."""
    return [items[i : i + size] for i in range(0, len(items), size)]


def newest_first(column: ColumnElement[Any]) -> UnaryExpression[Any]:
    """Descending by a date, the undated after the oldest: SQLite's own order, spelt out because
    PostgreSQL puts NULL first when descending, so a page differed between the databases. The
    PostgreSQL date indexes are built ``NULLS FIRST`` (migration 0025), which read backwards is
    this order: a page is still read along the index, not sorted."""
    return column.desc().nulls_last()


def oldest_first(column: ColumnElement[Any]) -> UnaryExpression[Any]:
    """Ascending by a date, the undated before the oldest (``newest_first`` read forwards)."""
    return column.asc().nulls_first()
