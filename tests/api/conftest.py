"""Clients over the API tests' corpus (``api_corpus.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api_corpus import TOKEN, build
from redline.api import create_app


@pytest.fixture
def db(tmp_path: Path) -> str:
    return build(f"sqlite:///{tmp_path / 'api.db'}")


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    """A read-only API (no token configured)."""
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture
def writer(db: str) -> Iterator[TestClient]:
    """An API whose writes need ``TOKEN``."""
    with TestClient(create_app(db, token=TOKEN)) as c:
        yield c
