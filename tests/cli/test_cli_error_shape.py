"""Every command fails the same way: one ``redline: error: what (what to do)`` line on stderr,
nothing on stdout, the documented exit code, and no database created by a command that reads.

The twin of ``tests/api/test_api_error_shape.py``: each case is a command and one kind of
mistake a person makes (a bad date, a bad format, an id that is not there, a database that is
not there).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from redline.cli import app
from redline.errors import EXIT_CODES
from redline.store import Store

runner = CliRunner()

USAGE, STORE, NOT_FOUND = 2, 4, 5
MISSING = "{tmp}/typo.db"

# (command, arguments after it) for every kind of mistake; {db} is an empty but real database
BAD_DATE = [
    ("statements", ["--since", "someday"]),
    ("statements", ["--until", "2025-02-30"]),
    ("positions", ["--at", "soon"]),
    ("export statements", ["--since", "someday"]),
    ("export dna", ["--until", "someday"]),
    ("export network", ["--since", "November 2025"]),
    ("export positions", ["--at", "soon"]),
    ("plan import", ["{plan}", "--plan", "peace", "--version", "1", "--date", "soon"]),
    ("plan reconstruct", ["--plan", "peace", "--base", "1", "--version", "2", "--date", "soon"]),
    ("extract", ["{plan}", "--published", "soon"]),
    ("ingest", ["{plan}", "--published", "soon"]),
    ("discover", ["peace plan", "--since", "soon"]),
]
BAD_FORMAT = [
    ("statements", ["-f", "xlsx"]),
    ("actors", ["-f", "xlsx"]),
    ("documents", ["-f", "xlsx"]),
    ("claims", ["-f", "xlsx"]),
    ("positions", ["-f", "xlsx"]),
    ("timeline", ["-f", "xlsx"]),
    ("plan show", ["--plan", "peace", "-f", "xlsx"]),
    ("plan diff", ["1", "2", "--plan", "peace", "-f", "xlsx"]),
    ("export statements", ["-f", "xlsx"]),
    ("export dna", ["-f", "xlsx"]),
    ("export network", ["-f", "xlsx"]),
    ("export positions", ["-f", "xlsx"]),
    ("export documents", ["-f", "xlsx"]),
    ("extract", ["{plan}", "-f", "xlsx"]),
    ("discover", ["peace plan", "--format", "xlsx"]),
]
UNKNOWN_ID = [
    ("correct", ["no-such-statement", "--stance", "oppose"]),
    ("plan show", ["99-point", "--plan", "no-such-plan"]),
    ("plan diff", ["28-point", "99-point", "--plan", "no-such-plan"]),
    ("plan reconstruct", ["--plan", "no-such-plan", "--base", "1", "--version", "2"]),
    ("positions", ["--plan", "no-such-plan"]),
]
# every command that only reads the corpus
READERS = [
    ("statements", []),
    ("actors", []),
    ("documents", []),
    ("claims", []),
    ("reprocess", []),
    ("correct", ["some-id", "--stance", "oppose"]),
    ("positions", []),
    ("timeline", []),
    ("plan list", []),
    ("plan show", ["--plan", "peace"]),
    ("plan diff", ["1", "2", "--plan", "peace"]),
    ("plan reconstruct", ["--plan", "peace", "--base", "1", "--version", "2"]),
    ("export statements", []),
    ("export dna", []),
    ("export network", []),
    ("export positions", []),
    ("export documents", []),
]


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('shape') / 'empty.db'}"
    Store.open(url).close()
    return url


def _run(command: str, args: list[str], db: str, tmp: Path) -> tuple[int, str, str]:
    plan = tmp / "plan.txt"
    plan.write_text("1. The parties agree to talk.\n2. The parties sign.\n", encoding="utf-8")
    argv = [*command.split(), *(a.format(plan=plan, tmp=tmp) for a in args)]
    if command not in ("extract", "discover"):
        argv += ["--db", db.format(tmp=tmp)]
    if command == "discover":
        argv += ["--api-url", "http://127.0.0.1:9/unused"]  # refused before any request
    result = runner.invoke(app, argv)
    return result.exit_code, result.stdout, result.stderr


def _assert_shape(code: int, out: str, err: str, expected: int) -> None:
    assert code == expected, (code, err)
    assert expected in EXIT_CODES  # documented
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("redline: error: "), err
    assert "Traceback" not in err and "Usage:" not in err and "╭" not in err
    assert lines[0].endswith(")"), f"no hint saying what to do: {err}"


@pytest.mark.parametrize(("command", "args"), BAD_DATE, ids=[c for c, _ in BAD_DATE])
def test_a_bad_date_is_a_usage_error(command: str, args: list[str], empty_db: str, tmp_path: Path) -> None:
    code, out, err = _run(command, args, empty_db, tmp_path)
    _assert_shape(code, out, err, USAGE)
    assert "date" in err


@pytest.mark.parametrize(("command", "args"), BAD_FORMAT, ids=[c for c, _ in BAD_FORMAT])
def test_a_bad_format_is_a_usage_error(command: str, args: list[str], empty_db: str, tmp_path: Path) -> None:
    code, out, err = _run(command, args, empty_db, tmp_path)
    _assert_shape(code, out, err, USAGE)
    assert "xlsx" in err


@pytest.mark.parametrize(("command", "args"), UNKNOWN_ID, ids=[c for c, _ in UNKNOWN_ID])
def test_an_unknown_id_is_not_found(command: str, args: list[str], empty_db: str, tmp_path: Path) -> None:
    code, out, err = _run(command, args, empty_db, tmp_path)
    _assert_shape(code, out, err, NOT_FOUND)
    assert "no-such" in err


@pytest.mark.parametrize(("command", "args"), READERS, ids=[c for c, _ in READERS])
def test_a_missing_database_is_named_and_never_created(command: str, args: list[str], tmp_path: Path) -> None:
    code, out, err = _run(command, args, "sqlite:///" + MISSING, tmp_path)
    _assert_shape(code, out, err, STORE)
    assert f"no database at {tmp_path / 'typo.db'}" in err and "redline ingest" in err
    assert not (tmp_path / "typo.db").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["statements", "--no-such-flag"],
        ["no-such-command"],
        ["export", "statements", "--limit", "3"],
        ["plan", "diff"],  # one label is enough (against its base); none is a usage mistake
        ["correct"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_usage_mistakes_have_the_same_shape(argv: list[str]) -> None:
    result = runner.invoke(app, argv)
    _assert_shape(result.exit_code, result.stdout, result.stderr, USAGE)
    assert "--help" in result.stderr  # the hint says where to read the usage


def test_help_shows_words_not_types() -> None:
    for argv in (
        ["--help"],
        ["statements", "--help"],
        ["extract", "--help"],
        ["export", "statements", "--help"],
    ):
        text = runner.invoke(app, argv).stdout
        assert "<bool>" not in text and "<str>" not in text and "list[str]" not in text, text
        assert "TEXT" not in text and "INTEGER" not in text, text
    export_help = runner.invoke(app, ["export", "statements", "--help"]).stdout
    for option in ("--since DATE", "--db URL", "--format FORMAT", "--output FILE", "--search QUERY"):
        assert option in export_help


def test_a_missing_extra_names_the_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if `pip install redline` without [web]
    result = runner.invoke(app, ["serve", "--db", "sqlite:///:memory:"])
    _assert_shape(result.exit_code, result.stdout, result.stderr, USAGE)
    assert "pip install 'redline[web]'" in result.stderr
