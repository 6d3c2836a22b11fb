"""``redline extract --explain``: each statement says whether rules or the model decided its
issues and stance; without the flag the output contract is unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from redline.cli import extract_cmd

pytestmark = pytest.mark.model

TEXT = (
    "The Kremlin spokesman said on Monday that the talks with the American envoys were very constructive.\n\n"
    "The Ukrainian president said his country would never give up the Donbas region."
)


def _run(tmp_path: Path, *flags: str) -> list[dict[str, object]]:
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.callback()
    def main() -> None:
        """redline"""

    extract_cmd.register(app)
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--quiet", *flags])
    assert result.exit_code == 0, result.output
    statements = json.loads(result.stdout)["statements"]
    assert statements, "the test article has statements"
    return list(statements)


def test_explain_adds_the_deciding_component(tmp_path: Path) -> None:
    for statement in _run(tmp_path, "--explain"):
        explain = statement["explain"]
        assert isinstance(explain, dict)
        for part in ("issues", "stance"):
            assert explain[part]["decided_by"] in ("rule", "model", "model+rule")
            assert explain[part]["why"].startswith(explain[part]["decided_by"] + ": ")


def test_default_output_has_no_explain(tmp_path: Path) -> None:
    assert all("explain" not in s for s in _run(tmp_path))


def test_explain_says_what_dated_each_statement(tmp_path: Path) -> None:
    dated = {
        s["content"]["text"]: s["explain"]["date"]
        for s in _run(tmp_path, "--explain", "--published", "2025-11-27")
    }  # type: ignore[index]
    monday = next(v for k, v in dated.items() if "constructive" in k)
    assert monday == {"decided_by": "wording", "why": "'on Monday' dates 'said'"}
    plain = next(v for k, v in dated.items() if "Donbas" in k)
    assert plain["decided_by"] == "publication"
    undated = _run(tmp_path, "--explain")
    assert {s["explain"]["date"]["decided_by"] for s in undated} == {"undated"}  # type: ignore[index]
