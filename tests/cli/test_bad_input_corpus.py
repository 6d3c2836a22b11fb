"""The bad-input corpus (``scripts/make_bad_inputs.py``) through ``extract`` and ``ingest``.

Every bad input gives exactly one line naming it, every good record comes out (and is stored,
on SQLite and on PostgreSQL), and the exit code is 1: "some inputs skipped or failed".
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

import redline.ingest
from fakes import make_fake
from redline.cli import app
from redline.store import Store

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_bad_inputs.py"
ENV = {"REDLINE_MAX_BYTES": "1000000", "REDLINE_WORKERS": "1"}
runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    spec = importlib.util.spec_from_file_location("make_bad_inputs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_bad_inputs", module)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("bad") / "inputs"
    manifest: dict[str, Any] = module.make(out, huge_bytes=5_000_000)
    return out, manifest


def _lines_naming(stderr: str, source: str) -> list[str]:
    """Lines that report ``source`` itself (not a record inside it, nor a longer name)."""
    return [line for line in stderr.splitlines() if re.search(re.escape(source) + r": ", line)]


def _check_lines(stderr: str, manifest: dict[str, Any]) -> None:
    for source in manifest["bad"]:
        lines = _lines_naming(stderr, source)
        assert len(lines) == 1, (source, lines)
        assert "(" in lines[0] and lines[0].endswith(")"), lines[0]  # a reason, then what to do


@pytest.mark.model
def test_extract_reports_each_bad_input_once_and_extracts_the_rest(
    corpus: tuple[Path, dict[str, Any]],
) -> None:
    folder, manifest = corpus
    result = runner.invoke(app, ["extract", str(folder), "--format", "json", "--quiet"], env=ENV)
    assert result.exit_code == 1, result.output
    out = json.loads(result.stdout)
    ids = [d["document"]["id"] for d in out["documents"]]
    assert len(ids) == manifest["good"] and set(manifest["good_ids"]) <= set(ids)
    kinds = {p["source"]: p["kind"] for p in out["problems"]}
    assert kinds == manifest["bad"]
    for source in manifest["bad"]:  # --quiet drops warnings from stderr, never skipped inputs
        if manifest["bad"][source] != "cleaned":
            assert len(_lines_naming(result.stderr, source)) == 1, source


def test_ingest_reports_each_bad_input_once_and_stores_every_good_record(
    corpus: tuple[Path, dict[str, Any]], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(redline.ingest, "default_extractor_factory", make_fake)
    folder, manifest = corpus
    result = runner.invoke(app, ["ingest", str(folder), "--db", db_url], env=ENV)
    assert result.exit_code == 1, result.output
    _check_lines(result.stderr, manifest)
    assert f"stored {manifest['good']} documents" in result.stderr
    assert f"{len(manifest['bad'])} problems" in result.stderr
    with Store.open(db_url) as store, store.engine.connect() as conn:
        stored = {row[0] for row in conn.execute(text("select id from document"))}
    assert len(stored) == manifest["good"] and set(manifest["good_ids"]) <= stored
    again = runner.invoke(app, ["ingest", str(folder), "--db", db_url], env=ENV)
    assert again.exit_code == 1 and f"{manifest['good']} already stored" in again.stderr
