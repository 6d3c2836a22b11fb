"""Fixtures: the small corpus of web_corpus.py in a temporary SQLite store, and a dashboard client."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from web_corpus import build_store

from redline.api import create_app
from redline.store import Store

with warnings.catch_warnings():
    # Starlette asks for the httpx2 fork when it is not installed; plain httpx still works.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url)) as c:
        yield c


@pytest.fixture(scope="module")
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s
