"""``redline ingest`` on both databases with records that used to block it (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

import redline.ingest
from fakes import make_fake
from redline.cli import app
from redline.store import Store

runner = CliRunner()
SAID = "Vladimir Putin said the plan could be a basis for talks about the war in Ukraine, officials noted."


def test_a_nul_in_one_record_does_not_block_ingest(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(redline.ingest, "default_extractor_factory", make_fake)
    rows = [
        {"id": "before", "text": "Marco Rubio said sanctions had to stay in place until a deal was signed."},
        {"id": "nul", "text": SAID.replace("plan", "pl\u0000an"), "title": "A \u0000 title"},
        {"id": "after", "text": "Dmitry Peskov said territory would never be ceded in any settlement."},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first = runner.invoke(app, ["ingest", str(src), "--db", db_url])
    assert first.exit_code == 1, first.output  # the warning is reported: see the Exit codes
    assert f"{src}:2: held characters a database cannot store: 2 NUL characters removed" in first.stderr
    assert "stored 3 documents (3 statements)" in first.stderr
    second = runner.invoke(app, ["ingest", str(src), "--db", db_url])
    assert "stored 0 documents (0 statements); 3 already stored" in second.stderr, second.output
    assert second.exit_code == 1  # the same warning, the same exit code
    with Store.open(db_url) as store, store.engine.connect() as conn:
        stored = dict(conn.execute(text("select id, text from document")).all())
        title = conn.execute(text("select title from document where id = 'nul'")).scalar_one()
    assert stored["nul"] == SAID and title == "A  title"


def test_ingest_names_every_problem_not_only_the_first_20(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(redline.ingest, "default_extractor_factory", make_fake)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "good", "text": SAID}) + "\n" + "not json\n" * 30, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(src), "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 1 and "30 problems" in result.stderr
    assert all(f"problem: {src}:{line}: is not valid JSON" in result.stderr for line in range(2, 32))
