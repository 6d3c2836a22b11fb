"""``-`` reads standard input: plain text, or JSON Lines when every line is a JSON object."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

from redline.config import Settings


def _stdin(data: bytes) -> io.TextIOWrapper:
    """A text stream with a ``.buffer`` of raw bytes, like sys.stdin."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


def test_stdin_text(read: Any, english: str) -> None:
    docs, problems = read(["-"], published=date(2025, 11, 27), stdin=io.StringIO(english + "\n"))
    assert problems == []
    (doc,) = docs
    assert doc.text == english + "\n"
    assert doc.source == "<stdin>"
    assert doc.published == date(2025, 11, 27)


def test_stdin_jsonl(read: Any, english: str) -> None:
    lines = [json.dumps({"id": "s1", "text": english}), "", json.dumps({"title": "no text"})]
    docs, problems = read(["-"], stdin=io.StringIO("\n".join(lines) + "\n"))
    assert [d.id for d in docs] == ["s1"]
    assert docs[0].source == "<stdin>:1"
    assert [p.source for p in problems] == ["<stdin>:3"]


def test_stdin_text_with_a_json_looking_line_stays_text(read: Any, english: str) -> None:
    text = english + '\n{"text": "not a record, just a line"}\n'
    docs, _ = read(["-"], stdin=io.StringIO(text))
    assert docs[0].text == text


def test_stdin_bytes_are_decoded(read: Any, english: str) -> None:
    docs, problems = read(["-"], stdin=_stdin(english.encode("utf-16")))
    assert problems == []
    assert docs[0].text == english


def test_stdin_binary(read: Any) -> None:
    docs, problems = read(["-"], stdin=_stdin(b"\x00\x01\x02" * 100))
    assert docs == []
    assert problems[0].kind == "binary"
    assert problems[0].source == "<stdin>"


def test_stdin_too_large(read: Any) -> None:
    docs, problems = read(["-"], Settings(max_bytes=100), stdin=_stdin(b"word " * 100))
    assert docs == []
    assert problems[0].kind == "too_large"


def test_stdin_empty(read: Any) -> None:
    docs, problems = read(["-"], stdin=io.StringIO(""))
    assert docs == []
    assert problems[0].kind == "empty"


def test_no_stdin_at_all(read: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr("sys.stdin", None)
    docs, problems = read(["-"])
    assert docs == []
    assert problems[0].render() == "<stdin>: there is no standard input (pipe text in, or name files)"
