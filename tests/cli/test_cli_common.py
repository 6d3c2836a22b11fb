"""Shared CLI helpers: output formats, settings from flags, errors to exit codes."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from redline.cli._common import (
    cell_text,
    emit,
    fail,
    problem_dict,
    settings_from_flags,
    truncate,
)
from redline.cli.options import Where, day, filter_flags
from redline.errors import ConfigError, ModelNotInstalledError
from redline.model import Problem
from redline.store import StatementFilter

ROWS = [
    {"name": "Vladimir Putin", "issues": ["territory", "nato"], "date": date(2025, 11, 27), "n": 3},
    {"name": "Andriy Yermak", "issues": [], "date": None, "n": 1},
]


def _emit(fmt: str, columns: list[str] | None = None) -> str:
    out = io.StringIO()
    emit(ROWS, fmt, columns, file=out)
    return out.getvalue()


def test_emit_jsonl() -> None:
    lines = _emit("jsonl").splitlines()
    assert [json.loads(line) for line in lines] == [
        {"name": "Vladimir Putin", "issues": ["territory", "nato"], "date": "2025-11-27", "n": 3},
        {"name": "Andriy Yermak", "issues": [], "date": None, "n": 1},
    ]


def test_emit_json() -> None:
    assert json.loads(_emit("json"))[1]["name"] == "Andriy Yermak"


def test_emit_csv_with_columns() -> None:
    assert _emit("csv", ["n", "name", "issues"]) == (
        'n,name,issues\n3,Vladimir Putin,"territory, nato"\n1,Andriy Yermak,\n'
    )


def test_emit_table() -> None:
    text = _emit("table", ["name", "issues"])
    assert "name" in text and "issues" in text
    assert "Vladimir Putin" in text
    assert "territory, nato" in text
    assert "date" not in text


def test_stacked_table_keeps_each_row_on_one_line_when_piped() -> None:
    """Too narrow for a table (a pipe is 80 columns): each row's short fields stay on one line,
    so `redline statements | grep ID` finds the row with its document and offsets."""
    rows = [
        {
            "id": f"{n:016x}",
            "speaker": "Environmental groups",
            "issues": ["plan_overall", "territory"],
            "outlet": "Earthline",
            "document_id": "el-20261121-sable-bay-loss-fund",
            "content": "the draft fell far short of what the most exposed countries need " * 2,
        }
        for n in range(2)
    ]
    out = io.StringIO()
    emit(rows, "table", wide="content", file=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "id | speaker | issues | outlet | document_id"
    assert lines[1] == (
        "0000000000000000 | Environmental groups | plan_overall, territory | Earthline | "
        "el-20261121-sable-bay-loss-fund"
    )
    assert lines[1].startswith("0000000000000000") and lines[2].startswith("    the draft")


def test_emit_empty_table() -> None:
    out = io.StringIO()
    emit([], "table", title="Positions", empty="no positions", file=out)
    assert out.getvalue() == "Positions\n(no positions)\n"


def test_emit_unknown_format() -> None:
    with pytest.raises(ValueError):
        emit(ROWS, "xml", file=io.StringIO())


def test_cell_text() -> None:
    assert cell_text(None) == ""
    assert cell_text(["a", 1]) == "a, 1"
    assert cell_text({"k": "ü"}) == '{"k": "ü"}'
    assert cell_text(date(2025, 1, 2)) == "2025-01-02"


def test_truncate() -> None:
    assert truncate("short\ntext", 20) == "short text"
    assert truncate("a" * 30, 10) == "a" * 9 + "…"
    assert truncate("NATO fighter aircraft will be based in Poland.", 30) == "NATO fighter aircraft will be…"


def test_settings_from_flags_ignores_unset_flags() -> None:
    settings = settings_from_flags(env={"REDLINE_WORKERS": "3"}, workers=None, max_bytes=500)
    assert settings.workers == 3  # env kept: the flag was not given
    assert settings.max_bytes == 500
    assert settings_from_flags(env={"REDLINE_WORKERS": "3"}, workers=2).workers == 2


def test_settings_from_flags_invalid() -> None:
    with pytest.raises(ConfigError):
        settings_from_flags(env={}, workers=0)


@pytest.mark.parametrize(
    ("variable", "value"),
    [("REDLINE_BATCH_SIZE", "0"), ("REDLINE_BATCH_SIZE", "-1"), ("REDLINE_TIMEOUT", "0")],
)
def test_a_setting_out_of_range_is_a_usage_error(variable: str, value: str) -> None:
    """A negative batch size stopped `ingest` with a traceback mid-run; it is refused up front,
    with the variable to fix."""
    with pytest.raises(ConfigError) as info:
        settings_from_flags(env={variable: value})
    assert variable in (info.value.hint or "")


def test_fail_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as info:
        fail(ModelNotInstalledError("no model", hint="install it"))
    assert info.value.exit_code == 3
    assert capsys.readouterr().err == "redline: error: no model (install it)\n"


def test_date_flags_read_iso_written_and_relative_dates() -> None:
    assert day("2025-11-27", "--since") == date(2025, 11, 27)
    assert day("27 Nov 2025", "--since") == date(2025, 11, 27)
    assert day("November 27, 2025", "--until") == date(2025, 11, 27)
    assert day("7d", "--since") == date.today() - timedelta(days=7)
    assert day("2w", "--since") == date.today() - timedelta(weeks=2)
    assert day(None, "--since") is None


@pytest.mark.parametrize("text", ["soon", "November 2025", "2025-13-40", "7 parsecs"])
def test_date_flags_refuse_what_is_not_a_day(text: str) -> None:
    with pytest.raises(ConfigError, match="--since") as info:
        day(text, "--since")
    assert info.value.exit_code == 2 and "27 Nov 2025" in (info.value.hint or "")


def test_problem_dict() -> None:
    assert problem_dict(Problem("f.txt", "is empty", "add text", "empty")) == {
        "source": "f.txt",
        "kind": "empty",
        "reason": "is empty",
        "hint": "add text",
        "skipped": True,
    }
    assert problem_dict(Problem("f.jsonl:2", "bad date", None, "date"))["skipped"] is False


def test_python_dash_m_redline_is_the_redline_command() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(
        [sys.executable, "-m", "redline", "ingest", "--help"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert "--scheduler" in done.stdout


def test_version_flag_prints_the_package_version() -> None:
    from typer.testing import CliRunner

    from redline import __version__
    from redline.cli import app

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"redline {__version__}"


FILTER_FLAGS = [
    "--actor",
    "--party",
    "--issue",
    "--stance",
    "--since",
    "--until",
    "--outlet",
    "--search",
    "--include-rejected",
    "--include-duplicates",
]


@pytest.mark.parametrize("path", [["statements"], ["export", "statements"], ["export", "dna"]])
def test_every_statement_list_takes_the_same_filter_flags(path: list[str]) -> None:
    from redline.cli import app

    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    flags = [opt for p in command.params for opt in p.opts if opt in FILTER_FLAGS]
    assert flags == FILTER_FLAGS
    assert "--where" not in [opt for p in command.params for opt in p.opts]


def test_the_filter_flags_reach_the_command_as_one_filter() -> None:
    seen: list[StatementFilter] = []

    @filter_flags
    def listing(where: Where, limit: int = 5) -> None:
        seen.append(where)

    app = typer.Typer()
    app.command()(listing)
    app.command("other")(lambda: None)  # two commands, so typer keeps the command's name
    result = CliRunner().invoke(
        app, ["listing", "--since", "27 Nov 2025", "--stance", "oppose", "--include-rejected"]
    )
    assert result.exit_code == 0, result.output
    assert seen == [
        StatementFilter(since=date(2025, 11, 27), stance="oppose", include_rejected=True, limit=None)
    ]
    bad = CliRunner().invoke(app, ["listing", "--since", "someday"])
    assert bad.exit_code == 2
    assert "--since 'someday' is not a date" in bad.output


def _options(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, str, str]]:
    subs = getattr(command, "commands", None)
    if subs:
        for name, sub in subs.items():
            yield from _options(sub, (*path, name))
        return
    ctx = command.context_class(command, info_name=path[-1])
    for p in command.params:
        if type(p).__name__.endswith("Option") and not p.is_flag:
            yield " ".join(path), p.opts[0], p.make_metavar(ctx)


def test_every_option_names_its_value_in_capitals() -> None:
    # `plan import --date <str>` (said "YYYY-MM-DD" though it takes '27 Nov 2025' and 7d too),
    # `positions --limit <int range>`, `serve --port <int range>`: click's placeholders where
    # every other command says FILE, DATE, N
    from redline.cli import app

    vague = [o for o in _options(typer.main.get_command(app)) if not re.fullmatch(r"[A-Z][A-Z_.\[\]]*", o[2])]
    assert vague == []
