"""Shared fixtures for the source tests: fixture paths and a collector for read_sources."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import pytest

from redline.config import Settings
from redline.model import Document, Problem
from redline.sources import read_sources

Reader = Callable[..., tuple[list[Document], list[Problem]]]


def _read(
    specs: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    published: date | None = None,
    stdin: TextIO | None = None,
) -> tuple[list[Document], list[Problem]]:
    docs: list[Document] = []
    problems: list[Problem] = []
    for item in read_sources(
        [str(s) for s in specs], settings or Settings(), published=published, stdin=stdin
    ):
        if isinstance(item, Document):
            docs.append(item)
        else:
            problems.append(item)
    return docs, problems


@pytest.fixture
def inputs() -> Path:
    """The hand-written input files under tests/fixtures/inputs."""
    return Path(__file__).resolve().parents[1] / "fixtures" / "inputs"


@pytest.fixture
def read() -> Any:
    """read(specs, settings=None, published=None, stdin=None) -> (documents, problems)."""
    return _read


@pytest.fixture
def english() -> str:
    """A short English paragraph, long enough for the language check to judge."""
    return (
        "The foreign minister said on Tuesday that the government would study the new draft carefully "
        "and that it was ready to meet the other side again next week to discuss the remaining points."
    )
