"""The dispatcher: order, URL delegation, and the same checks for every source."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import redline.sources as sources
import redline.sources.web as web
from redline.config import Settings
from redline.model import Document, Problem


def test_inputs_come_out_in_the_order_given(read: Any, inputs: Path) -> None:
    docs, _ = read([inputs / "records.json", inputs / "article.txt"])
    assert [Path(d.source or "").name.split("#")[0] for d in docs] == [
        "records.json",
        "records.json",
        "article.txt",
    ]


def test_urls_go_to_read_web(read: Any, monkeypatch: pytest.MonkeyPatch, english: str) -> None:
    seen: list[str] = []

    def fake_web(url: str, settings: Settings) -> Iterator[Document | Problem]:
        seen.append(url)
        yield Document(id="w1", text=english, source=url)
        yield Document(id="w2", text="   ", source=url + "#2")
        yield Problem(url + "#3", "HTTP 404", kind="fetch")

    monkeypatch.setattr(web, "read_web", fake_web)  # read_sources imports it when it runs
    docs, problems = read(["https://example.org/feed.xml"], published=date(2025, 11, 27))
    assert seen == ["https://example.org/feed.xml"]
    assert [(d.id, d.published, d.language) for d in docs] == [("w1", date(2025, 11, 27), "en")]
    assert [(p.source, p.kind) for p in problems] == [
        ("https://example.org/feed.xml#2", "empty"),
        ("https://example.org/feed.xml#3", "fetch"),
    ]


def test_is_lazy(inputs: Path) -> None:
    stream = sources.read_sources([str(inputs / "article.txt"), str(inputs / "nope")], Settings())
    first = next(stream)
    assert isinstance(first, Document)  # the missing second input has not been looked at yet
