"""``redline export``: formats, stdout and files, filters, exit codes and messages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from export_corpus import build_corpus
from redline.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_corpus(tmp_path_factory.mktemp("export-cli") / "c.db")


def test_statements_csv_to_stdout(db: str) -> None:
    result = runner.invoke(app, ["export", "statements", "--db", db])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 7 and rows[0]["id"]
    assert result.stderr == "exported 7 statements\n"


def test_statements_filters_and_inclusions(db: str) -> None:
    result = runner.invoke(
        app,
        ["export", "statements", "--db", db, "-f", "jsonl", "--actor", "Rubio", "--include-rejected"],
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["speaker"], r["rejected"], r["corrected"]) for r in rows] == [("Marco Rubio", True, True)]
    both = runner.invoke(
        app,
        ["export", "statements", "--db", db, "-f", "json", "--outlet", "Daily", "--include-duplicates"],
    )
    assert {r["duplicate"] for r in json.loads(both.stdout)} == {True}
    dated = runner.invoke(
        app,
        ["export", "statements", "--db", db, "-f", "json", "--since", "2025-11-22", "--until", "2025-11-23"],
    )
    assert {r["document_id"] for r in json.loads(dated.stdout)} == {"d4"}
    narrow = ["--issue", "nato", "--stance", "oppose", "--search", "NATO"]
    result = runner.invoke(app, ["export", "statements", "--db", db, "-f", "json", *narrow])
    assert [r["content"] for r in json.loads(result.stdout)] == ["NATO membership should not be ruled out"]


def test_file_output_is_byte_identical_on_rerun(db: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for target in (first, second):
        result = runner.invoke(app, ["export", "dna", "--db", db, "-o", str(target)])
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
        assert result.stderr.startswith("exported 7 DNA statements to ")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8").startswith("statement_id;time;person;")


def test_network_graphml_to_stdout(db: str) -> None:
    result = runner.invoke(app, ["export", "network", "--db", db, "--kind", "actor-actor-conflict"])
    assert result.exit_code == 0, result.output
    g = nx.parse_graphml(result.stdout)
    assert [(sorted((a, b)), d["weight"]) for a, b, d in g.edges(data=True)] == [
        (["vladimir-putin", "volodymyr-zelensky"], 1)
    ]
    assert result.stderr == "exported 3 nodes and 1 edges\n"
    normalised = runner.invoke(
        app, ["export", "network", "--db", db, "-k", "actor-actor", "-f", "csv", "--normalise", "cosine"]
    )
    row = normalised.stdout.splitlines()[1].split(",")
    assert row[4:7] == ["0.5", "1", "ceasefire"] and len(row[7].split(";")) == 2  # and its statements


def test_positions_and_documents(db: str) -> None:
    pos = runner.invoke(
        app, ["export", "positions", "--db", db, "--by", "actor", "-f", "json", "--issue", "territory"]
    )
    assert pos.exit_code == 0, pos.output
    report = json.loads(pos.stdout)
    assert {(r["row"], r["stance"]) for r in report["cells"]} == {
        ("Vladimir Putin", "support"),
        ("Volodymyr Zelensky", "oppose"),
    }
    # the export is the report `redline positions -f json` prints: one shape
    # (the command shows a page of rows, by actor without quotes unless asked; the export every row)
    args = ["positions", "--db", db, "--by", "actor", "-f", "json", "--issue", "territory", "--quotes"]
    cli = runner.invoke(app, args)
    assert cli.exit_code == 0, cli.output
    assert json.loads(cli.stdout) == report | {"limit": 50}
    docs = runner.invoke(app, ["export", "documents", "--db", db])
    assert [line.split(",")[0] for line in docs.stdout.splitlines()] == ["id", "d1", "d2", "d3", "d4"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["statements", "-f", "xlsx"],
            "cannot export statements as 'xlsx' (use --format csv | json | jsonl)",
        ),
        (["dna", "-f", "xml"], "DNA export has no XML format"),
        (
            ["network", "--kind", "issue-issue"],
            "--kind 'issue-issue' is not one of actor-issue, actor-actor, actor-actor-conflict",
        ),
        (["network", "-f", "pajek"], "cannot export a network as 'pajek'"),
        (["positions", "-f", "jsonl"], "cannot export positions as 'jsonl'"),
        (["positions", "--by", "outlet"], "--by 'outlet' is not one of party, actor"),
        (["documents", "-o", "/nonexistent-dir/x.csv"], "folder /nonexistent-dir does not exist"),
    ],
)
def test_usage_errors_exit_2(db: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["export", *args, "--db", db])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("redline: error: ") and message in result.stderr
    assert result.stdout == ""


def test_bad_date_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["export", "statements", "--db", db, "--since", "someday"])
    assert result.exit_code == 2
    assert "--since" in result.stderr


def test_missing_database_exits_4_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = runner.invoke(app, ["export", "statements", "--db", f"sqlite:///{missing}"])
    assert result.exit_code == 4
    assert f"redline: error: no database at {missing} (" in result.stderr
    assert not missing.exists()
    nowhere = runner.invoke(app, ["export", "documents", "--db", f"sqlite:///{tmp_path}/no/dir/x.db"])
    assert nowhere.exit_code == 4


def test_help_lists_every_export() -> None:
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0
    for name in ("statements", "dna", "network", "positions", "documents"):
        assert name in result.stdout
