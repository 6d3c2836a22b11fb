"""PostgreSQL and per-backend fixtures, imported by the conftest of each folder that needs them.

Every store test runs on SQLite, and on PostgreSQL when REDLINE_TEST_PG_URL is set; in CI a
missing REDLINE_TEST_PG_URL fails the PostgreSQL tests instead of skipping them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _pg_server_url() -> str:
    url = os.environ.get("REDLINE_TEST_PG_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail(
                "CI is set but REDLINE_TEST_PG_URL is not: start PostgreSQL with scripts/start-postgres.sh"
            )
        pytest.skip("REDLINE_TEST_PG_URL not set")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    from sqlalchemy import create_engine, text

    from redline.store.engine import normalise_url

    server = normalise_url(_pg_server_url())
    name = f"redline_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base, _, _ = server.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every store test runs on both backends."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'corpus.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url
