"""Opening a database URL: SQLite tuned for one writer and many readers, or PostgreSQL.

SQLite runs in WAL mode so readers never block the writer; a write transaction starts with
``BEGIN IMMEDIATE`` so two writers queue on the lock instead of failing halfway through,
and ``synchronous=NORMAL``, which in WAL mode makes every commit survive a killed process
(the promise ingest makes); a power cut may lose the last commits, which a re-run redoes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from redline.errors import StoreError

WRITE = "redline_write"  # execution option that marks a connection as the writer


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and bare paths as users write them."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def make_engine(url: str) -> Engine:
    """Create the engine for ``url``; raise StoreError with a hint when it cannot work."""
    full = normalise_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise StoreError(
            f"{url!r} is not a database URL", hint="use sqlite:///FILE or postgresql://..."
        ) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(full, parsed.database)
    if backend == "postgresql":
        try:
            return create_engine(full, pool_pre_ping=True)
        except (ImportError, SQLAlchemyError) as exc:
            raise StoreError(f"cannot use {url!r}: {exc}", hint="pip install 'redline[postgres]'") from exc
    raise StoreError(f"unsupported database {backend!r} in {url!r}", hint="use sqlite:/// or postgresql://")


def _sqlite_engine(full: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        parent = Path(database).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(
                f"folder {parent} does not exist", where=database, hint="create it or pick another --db"
            )
    engine = create_engine(full, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA busy_timeout = 60000")
        if database and database != ":memory:":
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

    return engine
