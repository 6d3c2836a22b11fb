"""`redline info`: a methods section's facts in one place, agreeing with the rows it describes:
the extractor id now and behind each stored document, the model, and what analysts changed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from export_corpus import build_corpus
from redline.cli import app
from redline.config import Settings
from redline.extract.pipeline import EXTRACTOR_VERSION, knowledge_fingerprint

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_corpus(tmp_path_factory.mktemp("info-cli") / "c.db")


def test_info_names_what_made_the_rows_and_what_was_changed_by_hand(db: str) -> None:
    result = runner.invoke(app, ["info", "--db", db, "-f", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["extractor"] == f"redline-extract/{EXTRACTOR_VERSION}+{knowledge_fingerprint(Settings())}"
    assert report["model"]["name"]
    stored = report["database"]
    assert stored["extractors"] == {"fake/1": 4}
    assert stored["current"] is False  # the fake extractor is not the one that would run now
    assert stored["corrections"] == {
        "count": 3,
        "statements": 3,
        "orphans": 0,
        "fields": {"speaker": 0, "issues": 0, "stance": 2, "reject": 1, "date": 0},
        "who": {"ana": 3},
    }
    exported = runner.invoke(app, ["export", "statements", "--db", db, "--include-rejected"])
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert sum(r["corrected"] == "true" for r in rows) == stored["corrections"]["statements"]
    assert {r["extractor"] for r in rows} == set(stored["extractors"])


def test_info_as_a_person_reads_it(db: str) -> None:
    result = runner.invoke(app, ["info", "--db", db])
    assert result.exit_code == 0, result.output
    assert "  made by fake/1: 4 documents (not the extractor now: `redline reprocess`)" in result.stdout
    assert "corrections by hand: 3 on 3 statements (stance 2, reject 1; by ana 3)" in result.stdout


def test_info_reads_no_database_that_is_not_there(tmp_path: Path) -> None:
    result = runner.invoke(app, ["info", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert result.exit_code == 4
    assert not (tmp_path / "none.db").exists()


def test_a_spacy_pipeline_the_user_chose_is_another_extractor() -> None:
    packaged = knowledge_fingerprint(Settings())
    assert knowledge_fingerprint(Settings(model="en_core_web_sm")) == packaged  # the same weights
    assert knowledge_fingerprint(Settings(model="en_core_web_md")) != packaged
