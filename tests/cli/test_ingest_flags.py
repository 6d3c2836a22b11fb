"""`redline ingest` takes the flags `redline extract` takes for what it reads: a publication date
for undated files and extra actor files (one vocabulary for both commands)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redline.cli import app

pytestmark = pytest.mark.model

runner = CliRunner()

ARTICLE = (
    "Harbour talks stall\n\n"
    "Port authority chief Ilse Marnefjord said on Tuesday that the ferry agreement could not be "
    "signed before spring.\n"
)
ACTORS = (
    "actors:\n"
    "  - id: ilse-marnefjord\n"
    "    name: Ilse Marnefjord\n"
    "    type: person\n"
    "    gender: f\n"
    "    affiliation: ukraine\n"
    "    party: ukraine\n"
)


def test_ingest_dates_undated_files_and_reads_extra_actors(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    actors = tmp_path / "actors.yaml"
    actors.write_text(ACTORS, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.db'}"
    result = runner.invoke(
        app, ["ingest", str(article), "--db", db, "--published", "2025-11-27", "--actors", str(actors)]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(runner.invoke(app, ["statements", "--db", db, "-f", "json"]).stdout)
    assert rows, "no statement stored"
    row = rows[0]
    assert row["speaker"] == "Ilse Marnefjord"
    assert row["actor_id"] == "ilse-marnefjord"
    # "on Tuesday" in a story published on Thursday 27 November: the Tuesday before
    assert row["date"] == "2025-11-25"
    docs = json.loads(runner.invoke(app, ["documents", "--db", db, "-f", "json"]).stdout)
    assert docs[0]["published"] == "2025-11-27"
    assert "no publication date" not in result.stderr


def test_ingest_says_how_many_new_documents_are_undated_and_what_to_do(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.db'}"
    result = runner.invoke(app, ["ingest", str(article), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 new document has no publication date" in result.stderr
    assert "--published" in result.stderr
    again = runner.invoke(app, ["ingest", str(article), "--db", db])
    assert "no publication date" not in again.stderr  # counted once, when stored


def test_ingest_help_names_the_flags() -> None:
    text = " ".join(runner.invoke(app, ["ingest", "--help"]).stdout.split())
    assert "--published DATE" in text and "--actors FILE" in text


def test_ingest_names_an_undated_wire_copy_whose_dateline_has_no_year(tmp_path: Path) -> None:
    """A day without a year dates nothing without a publication date, and ingest says which
    file and day; given one, the dateline's day is the document's."""
    article = tmp_path / "wire.txt"
    article.write_text("TALLINN, March 3 (Baltic Wire) - " + ARTICLE, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.db'}"
    result = runner.invoke(app, ["ingest", str(article), "--db", db])
    assert result.exit_code == 0, result.output
    assert f"undated: {article}: its dateline names March 3 without a year" in " ".join(result.stderr.split())
    dated = f"sqlite:///{tmp_path / 'd.db'}"
    result = runner.invoke(app, ["ingest", str(article), "--db", dated, "--published", "2026-03-05"])
    assert "without a year" not in result.stderr
    docs = json.loads(runner.invoke(app, ["documents", "--db", dated, "-f", "json"]).stdout)
    assert docs[0]["published"] == "2026-03-03"


def test_ingest_reads_an_export_under_its_own_field_names_and_files_named_by_day(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "2025-11-25_harbour.txt").write_text(ARTICLE, encoding="utf-8")
    body = ARTICLE.replace("Harbour talks stall\n\n", "")
    record = {"headline": "Talks stall", "body": body, "pub_date": "2025-11-26", "source_name": "Venn Post"}
    again = {**record, "body": ARTICLE}  # the same story as the saved file: one document
    export = tmp_path / "export.jsonl"
    export.write_text(json.dumps(record) + "\n" + json.dumps(again) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.db'}"
    fields = ["--field", "text=body", "--field", "published=pub_date", "--field", "outlet=source_name"]
    result = runner.invoke(app, ["ingest", str(folder), str(export), "--db", db, *fields])
    assert result.exit_code == 0, result.output
    assert "1 already stored" in result.stderr
    docs = json.loads(runner.invoke(app, ["documents", "--db", db, "-f", "json"]).stdout)
    assert sorted((d["published"], d["outlet"]) for d in docs) == [
        ("2025-11-25", None),  # the file's name
        ("2025-11-26", "Venn Post"),  # the record's pub_date
    ]
    wrong = runner.invoke(app, ["ingest", str(export), "--db", db, "--field", "body"])
    assert wrong.exit_code == 2
    assert wrong.stderr.startswith("redline: error: --field 'body' is not NAME=FIELD")
