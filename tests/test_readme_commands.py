"""Every `redline` command the README shows runs on the demo's database and returns something.

A new user copies these lines right after `redline demo`; an example that exits non-zero or
prints nothing is the first thing they would meet. Commands are read from the README itself,
so an edited example is tested as written.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import redline.ingest
from redline.cli import app
from redline.config import Settings
from redline.demo import run_demo
from redline.extract import pipeline
from redline.ingest import ExtractorLike
from redline.store import StatementFilter, Store

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
# Not run here, each for a reason, each tested elsewhere: servers run until stopped
# (tests/cli/test_serve_cli.py, test_dashboard_cli.py), discover needs the network
# (test_discover_cli.py aims it at a local transport), cluster lines need a scheduler
# (test_cluster.py), and the demo builds the database the others run on.
NOT_HERE = ("serve", "dashboard", "discover", "demo")


def readme_redline_commands() -> list[str]:
    """The `redline ...` lines of the README's shell blocks, after the set-up section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = text.split("## Using it", 1)[1]
    lines = []
    for block in re.findall(r"```(?:sh|bash)\n(.+?)\n```", usage, flags=re.S):
        lines += [line for line in block.splitlines() if line.startswith("redline ")]
    return lines


def _runnable(line: str) -> bool:
    words = shlex.split(line, comments=True)
    return words[1] not in NOT_HERE and "--scheduler" not in words


def test_the_readme_shows_commands_to_run() -> None:
    lines = readme_redline_commands()
    runnable = [line for line in lines if _runnable(line)]
    assert len(runnable) >= 15, runnable
    assert {shlex.split(line)[1] for line in runnable} >= {
        "extract",
        "ingest",
        "statements",
        "positions",
        "plan",
        "export",
        "correct",
        "reprocess",
    }


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory, extractor: ExtractorLike) -> Path:
    path = tmp_path_factory.mktemp("demo") / "redline.db"
    with Store.open(f"sqlite:///{path}") as store:
        run_demo(store, Settings(db=f"sqlite:///{path}"), extractor_factory=lambda _settings: extractor)
    return path


@pytest.fixture
def demo_dir(
    tmp_path: Path, demo_database: Path, extractor: ExtractorLike, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A working directory like the checkout's (examples/ in it) with a copy of the demo's redline.db."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    shutil.copyfile(demo_database, tmp_path / "redline.db")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REDLINE_DB", raising=False)  # the README's commands use the default database
    monkeypatch.setattr(redline.ingest, "default_extractor_factory", lambda _settings: extractor)

    class Loaded:
        """The session's extractor in place of a fresh model load (same pipeline, same output)."""

        @classmethod
        def load(cls, settings: Settings | None = None) -> ExtractorLike:
            return extractor

    monkeypatch.setattr(pipeline, "Extractor", Loaded)
    return tmp_path


@pytest.mark.parametrize("line", [line for line in readme_redline_commands() if _runnable(line)])
def test_readme_command_runs_on_the_demo_database(line: str, demo_dir: Path) -> None:
    words = shlex.split(line, comments=True)[1:]
    target = None
    if ">" in words:
        at = words.index(">")
        words, target = words[:at], demo_dir / words[at + 1]
    if "STATEMENT_ID" in words:
        with Store.open(f"sqlite:///{demo_dir / 'redline.db'}") as store:
            first = store.statements(StatementFilter(limit=1))
        assert first, "the demo database has statements"
        words[words.index("STATEMENT_ID")] = first[0]["id"]
    result = CliRunner().invoke(app, words)
    assert result.exit_code == 0, f"{line}\n{result.output}{result.stderr}"
    output = result.stdout
    if target is not None:
        target.write_text(output, encoding="utf-8")
    if "-o" in words:
        written = demo_dir / words[words.index("-o") + 1]
        assert written.is_file(), line
        output = written.read_text(encoding="utf-8")
    produced = output or result.stderr
    assert produced.strip(), f"{line} printed nothing"
    if words[0] in {"statements", "export"} and "csv" in words:
        assert len(output.strip().splitlines()) >= 2, f"{line} gave a header and no rows"


def test_the_readme_states_the_demo_statement_count(demo_database: Path) -> None:
    """One number from one definition: the README, the demo's summary and its progress bar all
    count statements with reprints once (Store.summary)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"imports both plan versions in about \d+ s \((\d+) statements", readme)
    assert stated, "the README's demo figures moved: update this test with them"
    with Store.open(f"sqlite:///{demo_database}") as store:
        assert int(stated.group(1)) == store.summary()["statements"]
