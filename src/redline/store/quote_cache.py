"""Statements and documents that answers quote, kept in memory across writes that only add.

A page of positions by actor quotes some 3,000 statements (its shifts' before and after) and
the documents they come from; answers are cached per store revision, which every write moves,
so reading those rows again was most of the first call after each write (about 200 ms at 1M
statements). Yet a write of new articles changes no stored statement or document: it only adds
rows. So the rows read are kept, by id, for as long as no stored statement or document has been
changed or deleted, which the database counts itself: triggers move the ``store_revision``
counter ``statements`` on every UPDATE or DELETE of either table, whoever makes it (a
correction, a reprocess, a repair in SQL), and no insert moves it.

A read takes the counter first, in the transaction it then reads the rows in, and drops what
is kept when the counter has moved; rows it reads are kept only if the counter is still the
one they were read under. So a quote is never served from before a correction once a reader
has seen the correction's revision: the correction moved the counter in its own transaction.
The objects handed out are shared by later reads: callers must not change them (none does:
quotes are only shown).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import String, select, type_coerce
from sqlalchemy.engine import Connection

from redline.model import Document, Statement
from redline.store import extractions as stored_extractions
from redline.store._sql import chunks, insert_ignore
from redline.store.schema import document, statement, store_revision

__all__ = ["KEPT", "REVISION", "QuoteCache", "create", "read_documents", "read_statements"]

REVISION = "statements"  # the ``store_revision`` counter of changes to stored statements and documents
KEPT = 20_000  # statements (and as many documents) kept at most: a few pages' quotes, ~30 MB

_SQLITE = [
    f"""CREATE TRIGGER IF NOT EXISTS quoted_{table}_{verb.lower()} AFTER {verb} ON {table} BEGIN
        UPDATE store_revision SET n = n + 1 WHERE name = '{REVISION}';
    END"""
    for table in ("statement", "document")
    for verb in ("UPDATE", "DELETE")
]
_PG = [
    f"""CREATE OR REPLACE FUNCTION quoted_changed() RETURNS trigger AS $$
    BEGIN
        UPDATE store_revision SET n = n + 1 WHERE name = '{REVISION}';
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    # once per SQL statement, not per row: a reprocess that deletes a document's statements
    # moves it once
    """CREATE OR REPLACE TRIGGER quoted_statement AFTER UPDATE OR DELETE ON statement
        FOR EACH STATEMENT EXECUTE FUNCTION quoted_changed()""",
    """CREATE OR REPLACE TRIGGER quoted_document AFTER UPDATE OR DELETE ON document
        FOR EACH STATEMENT EXECUTE FUNCTION quoted_changed()""",
]


def create(conn: Connection) -> None:
    """The counter and the triggers that move it (migration ``0023_quote_revision``).

    Safe to run again (a database that ran this migration under another name, or a repair):
    the counter keeps its value and each trigger is made once."""
    insert_ignore(conn, store_revision, [{"name": REVISION, "n": 0}], ["name"])
    for ddl in _PG if conn.dialect.name == "postgresql" else _SQLITE:
        conn.exec_driver_sql(ddl)


def _revision(conn: Connection) -> int | None:
    """The counter; None on a database without it (opened without migrating): nothing kept."""
    r = store_revision
    found = conn.execute(select(r.c.n).where(r.c.name == REVISION)).scalar()
    return None if found is None else int(found)


def read_statements(conn: Connection, ids: Collection[str]) -> dict[str, Statement]:
    """Statements (effective values) by id, read as tuples (``STATEMENT_COLUMNS``)."""
    out: dict[str, Statement] = {}
    days: dict[Any, date | None] = {}
    q = select(*stored_extractions.STATEMENT_COLUMNS)
    for part in chunks(sorted(ids)):
        for r in conn.execute(q.where(statement.c.id.in_(part))).all():
            out[r[0]] = stored_extractions.statement_from_values(r, days)
    return out


def read_documents(conn: Connection, ids: Collection[str]) -> dict[str, Document]:
    """Documents by id without their text (``text`` is empty), rows as tuples."""
    d = document
    out: dict[str, Document] = {}
    days: dict[Any, date | None] = {}
    published = type_coerce(d.c.published, String)
    q = select(d.c.id, d.c.url, d.c.title, published, d.c.outlet, d.c.source, d.c.language)
    day_of = stored_extractions.day_of
    for part in chunks(sorted(ids)):
        for r in conn.execute(q.where(d.c.id.in_(part))).all():
            out[r[0]] = Document(r[0], "", r[1], r[2], day_of(r[3], days), r[4], r[5], r[6])
    return out


T = TypeVar("T")


class QuoteCache:
    """Statements and documents by id, kept while the ``statements`` counter stands still."""

    def __init__(self, kept: int = KEPT) -> None:
        self._lock = threading.Lock()
        self._kept = kept
        self._revision: int | None = None
        self._statements: dict[str, Statement] = {}
        self._documents: dict[str, Document] = {}

    def statements(self, conn: Connection, ids: Collection[str]) -> dict[str, Statement]:
        """``read_statements`` of ``ids``, those kept at the current counter not read again."""
        return self._read(conn, ids, self._statements, read_statements)

    def documents(self, conn: Connection, ids: Collection[str]) -> dict[str, Document]:
        """``read_documents`` of ``ids``, those kept at the current counter not read again."""
        return self._read(conn, ids, self._documents, read_documents)

    def _read(
        self,
        conn: Connection,
        ids: Collection[str],
        kept: dict[str, T],
        read: Callable[[Connection, Collection[str]], dict[str, T]],
    ) -> dict[str, T]:
        revision = _revision(conn)  # first: the rows read next are at least as new
        with self._lock:
            if revision != self._revision:  # a stored row changed (or no counter): drop all
                self._statements.clear()
                self._documents.clear()
                self._revision = revision
            have = {i: kept[i] for i in ids if i in kept}
        missing = [i for i in ids if i not in have]
        found = read(conn, missing) if missing else {}
        if found and revision is not None:
            with self._lock:
                # not if a reader saw a change meanwhile, nor more than the bound at once
                if revision == self._revision and len(found) <= self._kept:
                    if len(kept) + len(found) > self._kept:
                        kept.clear()
                    kept.update(found)
        return have | found
