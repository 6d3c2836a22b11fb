"""SQLite tuning and URL handling."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from redline.errors import StoreError
from redline.store import Store
from redline.store.engine import normalise_url


def test_sqlite_runs_in_wal_mode_with_an_immediate_writer(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'c.db'}") as store:
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        with store._writer() as w:
            # the writer holds the write lock from its first statement: a second writer must wait
            w.execute(text("SELECT 1"))
            import sqlite3

            other = sqlite3.connect(tmp_path / "c.db", timeout=0.1)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("corpus.db", "sqlite:///corpus.db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_urls(given: str, url: str) -> None:
    assert normalise_url(given) == url


def test_unsupported_database_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="unsupported database 'mysql'"):
        Store.open("mysql://u@h/db")
