"""HTML pages: main text without navigation, metadata from the page, broken markup copes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from redline.model import Problem
from redline.sources.html import Page, parse_html


def test_page_text_and_metadata(read: Any, inputs: Path) -> None:
    docs, problems = read([inputs / "page.html"], published=date(2020, 1, 1))
    assert problems == []
    (doc,) = docs
    assert doc.title == "Envoys meet in Geneva to rework peace draft"
    assert doc.published == date(2025, 11, 23)  # the page's date wins over --published
    assert doc.url == "https://tribune.example.org/world/geneva-talks"
    assert doc.outlet == "Example Tribune"
    assert "negotiators met in Geneva on Sunday" in doc.text
    assert "Sport" not in doc.text  # navigation dropped
    assert "All rights reserved" not in doc.text


def test_broken_html_still_gives_text(read: Any, inputs: Path) -> None:
    docs, problems = read([inputs / "broken.html"])
    assert problems == []
    (doc,) = docs
    assert doc.title == "Talks continue"
    assert "Kremlin spokesman said it was too early" in doc.text
    assert "<" not in doc.text


def test_page_without_text_is_a_problem(read: Any, tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text("<html><head><title>App</title><script>render()</script></head><body></body></html>")
    docs, problems = read([path])
    assert docs == []
    assert problems[0].kind == "html"
    assert problems[0].render().startswith(f"{path}: no article text found in the HTML (")


def test_parse_html_fallback_for_short_pages() -> None:
    page = parse_html("<p>One short line said the official.</p>", "x.html", url="https://e.org/a")
    assert isinstance(page, Page)
    assert page.text == "One short line said the official."
    assert page.url == "https://e.org/a"


def test_parse_html_empty() -> None:
    result = parse_html("   ", "x.html")
    assert isinstance(result, Problem)
    assert result.kind == "empty"


def test_declared_charset_is_honoured(read: Any, tmp_path: Path) -> None:
    # Byte 0xA4 is "€" in ISO-8859-15 but "¤" in Windows-1252, which detection would pick.
    body = (
        "The envoy said the reconstruction fund would hold 100 billion € of frozen assets, and that "
        "the European partners would decide on the details at their meeting in Geneva next week."
    )
    markup = (
        f'<html><head><meta charset="iso-8859-15"><title>T</title></head><body><p>{body}</p></body></html>'
    )
    path = tmp_path / "latin9.html"
    path.write_bytes(markup.encode("iso-8859-15"))
    docs, problems = read([path])
    assert problems == []
    assert "100 billion € of frozen assets" in docs[0].text
