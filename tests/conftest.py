"""Shared fixtures: the spaCy-backed extractor (loaded once), the location of ../shared, and the
database backends (tests/fakes.py and tests/pgfixtures.py importable everywhere, spawned workers too)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pgfixtures import db_url, pg_url

__all__ = ["db_url", "extractor", "pg_url", "shared"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_dir() -> Path:
    """../shared beside the checkout; in CI its absence is a failure, elsewhere a skip."""
    if SHARED.is_dir():
        return SHARED
    if os.environ.get("CI"):
        pytest.fail(f"{SHARED} is missing, and CI must run the shared-data tests")
    pytest.skip(f"{SHARED} is not present")


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_dir()


@pytest.fixture(scope="session")
def nlp() -> object:
    """The English pipeline as redline loads it (``load_nlp``: the official package first),
    loaded once for every test that parses text itself."""
    from redline.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def extractor() -> Iterator[object]:
    from redline.extract.pipeline import Extractor

    yield Extractor.load()
