"""The tree stays ruff-clean (lint and format) and mypy-clean: the checks a developer runs, enforced in CI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_clean() -> None:
    result = run("ruff", "check", "src", "tests", "benchmarks", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_formatted() -> None:
    """One layout everywhere, so diffs show changes and not reflowed lines."""
    result = run("ruff", "format", "--check", "src", "tests", "benchmarks", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_clean() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_the_store_opens_transactions() -> None:
    """Connections and transactions are opened in ``store/store.py`` alone, so every write
    goes through the writer that keeps the aggregates, and every error says what to do."""
    import re

    opening = re.compile(r"\.(?:connect|begin)\(\)")
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "src" / "redline").rglob("*.py"))
        if path.relative_to(ROOT / "src" / "redline").as_posix() != "store/store.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if opening.search(line)
    ]
    assert found == []
