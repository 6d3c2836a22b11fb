"""The command line starts without the heavy libraries: they are imported by the code that uses them.

Checked in a fresh interpreter (the test process has imported everything already): after
``import redline.cli`` and ``--help``, and after read-only commands on a small database, the
modules that cost seconds to load (spaCy, the web stack, Dask, MinHash) are not in
``sys.modules``. How fast it starts is measured by ``benchmarks/cli_startup.py``, not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from redline.store import Store

SRC = Path(__file__).resolve().parents[2] / "src"
HEAVY = ("spacy", "thinc", "fastapi", "starlette", "uvicorn", "dask", "distributed", "datasketch", "sklearn")
# nor does it need pydantic (typer 0.29 validated every option with it: a fifth of start-up)
NOT_FOR_READING = (*HEAVY, "pydantic")
# reading a SQLite database needs neither PostgreSQL's dialect nor the web page readers
NOT_FOR_SQLITE_READING = (*NOT_FOR_READING, "sqlalchemy.dialects.postgresql", "trafilatura", "httpx")
# also left out until a command needs them: the store, the readers, network export
NOT_FOR_HELP = (*HEAVY, "sqlalchemy", "trafilatura", "httpx", "networkx", "numpy", "scipy")

_PROBE = """
import json, sys
from redline.cli import app
for argv in json.loads(sys.argv[1]):
    try:
        app(argv)
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_after(*argvs: list[str]) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(list(argvs))],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(name for name in names if name in modules)


def test_importing_the_cli_loads_no_heavy_library() -> None:
    assert _loaded(_modules_after(), NOT_FOR_HELP) == []


def test_help_and_version_load_no_heavy_library() -> None:
    modules = _modules_after(
        ["--version"],
        ["--help"],
        ["export", "--help"],
        ["export", "statements", "--help"],
        ["plan", "--help"],
    )
    assert _loaded(modules, NOT_FOR_HELP) == []


def test_subcommand_help_still_lists_its_options() -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-m", "redline", "export", "statements", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    for option in ("--since", "--format", "--output", "--db", "--include-rejected"):
        assert option in done.stdout


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('startup') / 'small.db'}"
    Store.open(url).close()
    return url


@pytest.mark.parametrize(
    "argv",
    [
        ["statements", "-n", "5"],
        ["actors"],
        ["positions"],
        ["timeline"],
        ["plan", "list"],
        ["export", "statements", "-o", "-"],
        ["export", "positions", "-o", "-"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_reading_commands_load_no_heavy_library(argv: list[str], small_db: str) -> None:
    assert _loaded(_modules_after([*argv, "--db", small_db]), NOT_FOR_SQLITE_READING) == []
