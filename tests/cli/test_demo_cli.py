"""`redline demo` end to end, and the negotiation commands on the database it fills."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from redline.cli import app
from redline.config import Settings
from redline.demo import run_demo
from redline.ingest import ExtractorLike
from redline.store import Store
from redline.store.schema import metadata

pytestmark = pytest.mark.model

runner = CliRunner()
TIMESTAMPS = {"ingested_at", "saved_at", "applied_at"}


def _snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, timestamps aside, in a stable order."""
    with Store.open(url) as store, store.engine.connect() as conn:
        out = {}
        for table in metadata.sorted_tables:
            cols = [c for c in table.columns if c.name not in TIMESTAMPS]
            rows = conn.execute(select(*cols)).all()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
        return out


def test_demo_fills_the_database_and_a_rerun_changes_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    first = runner.invoke(app, ["demo", "--db", url])
    assert first.exit_code == 0, first.output + first.stderr
    with Store.open(url) as store:
        counts = store.summary()
        assert store.plan_names() == ["peace"]
        assert [v.label for v in store.plan_versions("peace")] == ["28-point", "19-point"]
    assert counts["documents"] == 30 and counts["near_duplicates"] == 2
    assert counts["statements"] > 100 and counts["actors"] > 10 and counts["events"] > 0
    out = first.stdout
    assert "where each party stands" in out and "Russia" in out and "United States" in out
    assert "Ukraine withdraws" in out  # the proposition heads the issue (folded in its column)
    assert "plan peace: 28-point → 19-point:" in out and "removed" in out
    assert "redline positions" in out and "30 new documents" in out
    before = _snapshot(url)

    again = runner.invoke(app, ["demo", "--db", url])
    assert again.exit_code == 0, again.output + again.stderr
    assert "0 new documents, 30 already stored" in again.stdout
    assert "imported plan versions" not in again.stdout
    assert _snapshot(url) == before


@pytest.fixture
def demo_db(db_url: str, extractor: ExtractorLike) -> str:
    """The demo's database on each backend (the library call, sharing the loaded extractor)."""
    with Store.open(db_url) as store:
        result = run_demo(store, Settings(db=db_url), extractor_factory=lambda _settings: extractor)
    assert result.ingest.stored == 28 and result.plans_imported == ["28-point", "19-point"]
    return db_url


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output + result.stderr
    return result.stdout


def test_positions_diff_and_timeline_from_the_database(demo_db: str) -> None:
    db = ["--db", demo_db]
    cells = json.loads(run("positions", *db, "-f", "json"))["cells"]
    by_cell = {(c["row"], c["column"]): c for c in cells}
    assert by_cell[("ukraine", "recognition")]["stance"] == "oppose"
    assert by_cell[("russia", "territory")]["stance"] in {"support", "conditional"}
    assert all(c["quote"]["url"] and c["quote"]["outlet"] for c in cells)  # each quote traced to its article

    by_point = json.loads(run("positions", *db, "--plan", "peace", "-f", "json"))
    assert by_point["plan"] == "peace" and by_point["cells"]
    assert {c["column"] for c in by_point["cells"]} <= {str(n) for n in range(1, 20)}

    diff = json.loads(run("plan", "diff", "28-point", "19-point", *db, "-f", "json"))
    assert diff["counts"]["removed"] > 0 and diff["counts"]["kept"] > 0
    listing = run("plan", "list", *db)
    assert "peace\t28-point\t2025-11-20\t28 points" in listing

    timeline = json.loads(run("timeline", *db, "--actor", "Witkoff", "-f", "json"))
    assert any(e["kind"] == "event" for e in timeline)
    assert any(e["kind"] == "statement" for e in timeline)
    dates = [e["date"] for e in timeline if e["date"]]
    assert dates == sorted(dates)


def test_demo_next_steps_name_real_commands_and_the_served_port() -> None:
    """The hints a new user copies must run: each names a registered command, and the address
    it promises is the one `redline serve` listens on by default (the dashboard once had 8080)."""
    import inspect
    import re

    from typer.main import get_command

    from redline.cli.demo import _next_steps
    from redline.cli.serve import serve

    group = get_command(app)
    commands = set(group.commands)  # type: ignore[attr-defined]
    hints = _next_steps("sqlite:///redline.db").splitlines()
    assert hints
    for line in hints:
        words = line.split()
        assert words[0] == "redline" and words[1] in commands, line
    default_port = inspect.signature(serve).parameters["port"].default
    ports = {int(p) for line in hints for p in re.findall(r"127\.0\.0\.1:(\d+)", line)}
    assert ports == {default_port}
