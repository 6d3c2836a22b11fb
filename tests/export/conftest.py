"""One small corpus per test module (the exports only read it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from export_corpus import build_corpus
from redline.store import Store


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_corpus(tmp_path_factory.mktemp("corpus") / "c.db")


@pytest.fixture
def store(corpus_url: str) -> Iterator[Store]:
    with Store.open(corpus_url) as s:
        yield s
