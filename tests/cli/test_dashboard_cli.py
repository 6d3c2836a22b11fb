"""``redline dashboard``, the alias of ``redline serve``, serves the one app over the database it is given."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from redline.cli import app
from redline.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's request for the httpx2 fork
    from fastapi.testclient import TestClient

runner = CliRunner()


def test_dashboard_serves_the_app_on_the_given_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    url = f"sqlite:///{tmp_path / 'd.db'}"
    Store.open(url).close()
    result = runner.invoke(app, ["dashboard", "--db", url, "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    ((served, kw),) = calls
    assert kw["host"] == "0.0.0.0" and kw["port"] == 8123
    assert url in result.stderr
    with TestClient(served) as client:
        assert "<h1>Overview</h1>" in client.get("/").text
        assert client.get("/api/v1/health").status_code == 200  # the API is the same app


def test_dashboard_takes_the_database_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.append(kw["host"]))
    url = f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.setenv("REDLINE_DB", url)
    Store.open(url).close()
    result = runner.invoke(app, ["dashboard"])
    assert result.exit_code == 0, result.output
    assert seen == ["127.0.0.1"] and url in result.stderr


def test_bad_port_is_a_usage_error() -> None:
    result = runner.invoke(app, ["dashboard", "--port", "0"])
    assert result.exit_code == 2


def test_a_database_that_cannot_open_fails_before_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(app))
    result = runner.invoke(app, ["dashboard", "--db", "mysql://nowhere/db"])
    assert result.exit_code == 4
    assert "redline: error:" in result.stderr and "unsupported database" in result.stderr
    assert calls == []


def test_a_missing_database_is_refused_not_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(app))
    result = runner.invoke(app, ["dashboard", "--db", f"sqlite:///{tmp_path / 'typo.db'}"])
    assert result.exit_code == 4 and calls == []
    assert "no database at" in result.stderr and not (tmp_path / "typo.db").exists()
