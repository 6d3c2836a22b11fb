"""Hostile input reaches the readers: each bad record or file is one Problem, the rest is read.

Written for issue 14: records over the JSON parser's limits (huge integers, deep nesting),
NUL characters, unreadable folders, named pipes and huge CSV fields used to crash, hang, block
PostgreSQL or drop whole files.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from redline.config import Settings
from redline.sources import is_warning

HUGE_INT = "1" * 5000
DEEP = "[" * 5000 + "]" * 5000


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_over_the_parser_limits_are_problems(read: Any, tmp_path: Path, english: str) -> None:
    good = json.dumps({"text": english})
    path = _jsonl(
        tmp_path / "mixed.jsonl",
        [
            good,
            '{"text": "x", "n": ' + HUGE_INT + "}",
            good.replace("minister", "ministry"),
            '{"text": "x", "deep": ' + DEEP + "}",
            good.replace("Tuesday", "Monday"),
        ],
    )
    docs, problems = read([path])
    assert len(docs) == 3
    assert [p.source for p in problems] == [f"{path}:2", f"{path}:4"]
    assert "5000 digits" in problems[0].reason and "string" in (problems[0].hint or "")
    assert "nested too deeply" in problems[1].reason and problems[1].hint


def test_json_file_with_a_huge_integer_loses_only_that_record(
    read: Any, tmp_path: Path, english: str
) -> None:
    listed = tmp_path / "list.json"
    listed.write_text(
        "["
        + json.dumps({"text": english})
        + ', {"text": "x", "n": {"deeper": [-'
        + HUGE_INT
        + "]}}, "
        + json.dumps({"text": english + " Twice."})
        + "]",
        encoding="utf-8",
    )
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP, encoding="utf-8")
    alone = tmp_path / "alone.json"
    alone.write_text(HUGE_INT, encoding="utf-8")
    docs, problems = read([listed, deep, alone])
    assert len(docs) == 2
    assert [p.source for p in problems] == [f"{listed}#2", str(deep), str(alone)]
    assert "5000 digits" in problems[0].reason
    assert "nested too deeply" in problems[1].reason
    assert "is a JSON number" in problems[2].reason


def test_stdin_jsonl_with_a_deep_record_keeps_the_good_ones(read: Any, english: str) -> None:
    lines = [
        json.dumps({"text": english}),
        '{"text": "x", "deep": ' + DEEP + "}",
        json.dumps({"text": english + " Yes."}),
    ]
    docs, problems = read(["-"], stdin=io.StringIO("\n".join(lines) + "\n"))
    assert len(docs) == 2
    assert [p.source for p in problems] == ["<stdin>:2"]
    assert "nested too deeply" in problems[0].reason


def test_a_fifo_in_a_folder_is_skipped_without_opening_it(read: Any, tmp_path: Path, english: str) -> None:
    (tmp_path / "a.txt").write_text(english, encoding="utf-8")
    os.mkfifo(tmp_path / "b.jsonl")  # opening it would block: nobody ever writes to it
    os.mkfifo(tmp_path / "c")
    (tmp_path / "d.txt").write_text(english + " Really.", encoding="utf-8")
    docs, problems = read([tmp_path])
    assert len(docs) == 2
    assert [p.source for p in problems] == [str(tmp_path / "b.jsonl"), str(tmp_path / "c")]
    assert all("named pipe" in p.reason for p in problems)
    docs, problems = read([tmp_path / "c"])  # named on the command line: the same
    assert not docs and "named pipe" in problems[0].reason


def test_an_unreadable_folder_is_one_problem(
    read: Any, tmp_path: Path, english: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(english, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(english, encoding="utf-8")
    real = os.scandir

    def scandir(path: Any = ".") -> Any:  # root reads anything, so the refusal is simulated
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(locked))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, problems = read([tmp_path])
    assert len(docs) == 1
    assert [p.source for p in problems] == [str(locked)]
    assert "Permission denied" in problems[0].reason and "permissions" in (problems[0].hint or "")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_an_unreadable_folder_for_real(read: Any, tmp_path: Path, english: str) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(english, encoding="utf-8")
    locked.chmod(0)
    try:
        docs, problems = read([tmp_path])
    finally:
        locked.chmod(0o755)
    assert not docs and [p.source for p in problems] == [str(locked)]


def test_a_symlink_loop_is_one_problem(read: Any, tmp_path: Path, english: str) -> None:
    (tmp_path / "a.txt").write_text(english, encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    docs, problems = read([tmp_path])
    assert len(docs) == 1
    assert [p.source for p in problems] == [str(tmp_path / "loop.txt")]
    assert "symbolic link" in (problems[0].hint or "")
    docs, problems = read([tmp_path / "loop.txt"])
    assert "symbolic link" in (problems[0].hint or "")


def test_a_linked_folder_is_read_once_and_a_folder_loop_is_reported(
    read: Any, tmp_path: Path, english: str
) -> None:
    """A folder linked into the input is read (it was skipped in silence, the run looking
    complete); two links to it read it once; a link back to a folder holding it is one Problem."""
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "a.txt").write_text(english, encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "inner").mkdir(parents=True)
    (corpus / "inner" / "b.txt").write_text(english.replace("Tuesday", "Friday"), encoding="utf-8")
    (corpus / "linked").symlink_to(shared)
    (corpus / "linked-again").symlink_to(shared)
    (corpus / "inner" / "up").symlink_to(corpus)
    docs, problems = read([corpus])
    assert sorted(Path(d.source or "").name for d in docs) == ["a.txt", "b.txt"]
    assert [p.source for p in problems] == [str(corpus / "inner" / "up")]
    assert problems[0].reason == "is a symbolic link to a folder that holds it (a loop); not followed"


def test_a_csv_field_over_131072_characters_is_read(read: Any, tmp_path: Path, english: str) -> None:
    long_text = " ".join([english] * 1500)  # about 290,000 characters
    path = tmp_path / "long.csv"
    rows = [["id", "text"], ["one", long_text], ["two", english]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    docs, problems = read([path], Settings(max_bytes=1_000_000))
    assert not problems
    assert [d.id for d in docs] == ["one", "two"] and docs[0].text == long_text


def test_nul_and_lone_surrogates_are_removed_with_a_warning(read: Any, tmp_path: Path, english: str) -> None:
    path = _jsonl(
        tmp_path / "nul.jsonl",
        [
            json.dumps(
                {"text": english.replace("said", "sa\u0000id"), "title": "Ti\u0000tle", "x": ["\u0000"]}
            ),
            json.dumps({"text": english + " \ud800", "id": "i\u0000d"}),
            json.dumps({"text": english + " Clean."}),
        ],
    )
    docs, problems = read([path])
    assert [d.text for d in docs] == [english, english + " \ufffd", english + " Clean."]
    assert docs[0].title == "Title" and docs[0].metadata["x"] == [""]
    assert docs[1].id == "id"
    assert docs[0].metadata["redline_cleaned"] == "3 NUL characters removed"
    assert "1 lone surrogate (invalid characters)" in docs[1].metadata["redline_cleaned"]
    assert [(p.source, p.kind) for p in problems] == [(f"{path}:1", "cleaned"), (f"{path}:2", "cleaned")]
    assert is_warning(problems[0])


def test_a_nul_deep_in_a_text_file_is_removed(read: Any, tmp_path: Path, english: str) -> None:
    path = tmp_path / "late-nul.txt"
    path.write_bytes(((english + "\n") * 100).encode() + b"\x00" + english.encode())
    docs, problems = read([path])
    assert "\x00" not in docs[0].text and [p.kind for p in problems] == ["cleaned"]
