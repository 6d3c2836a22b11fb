"""`redline serve`: the app it hands to uvicorn, the token from flag or environment, bad URLs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from redline.cli import app
from redline.store import Store

runner = CliRunner()


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, dict[str, Any]]]:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    return calls


def test_serve_runs_the_api_with_host_port_and_token(
    served: list[tuple[Any, dict[str, Any]]], tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    Store.open(db).close()  # serve reads an existing database; it never creates one
    result = runner.invoke(app, ["serve", "--db", db, "--host", "0.0.0.0", "--port", "9123", "--token", "t1"])
    assert result.exit_code == 0, result.output
    assert "read-write" in result.stderr
    (api, kw) = served[0]
    assert kw["host"] == "0.0.0.0" and kw["port"] == 9123
    with TestClient(api) as c:
        assert c.get("/api/v1/health").json()["read_only"] is False
        r = c.post(
            "/api/v1/statements/x/corrections",
            json={"stance": "oppose"},
            headers={"Authorization": "Bearer t1"},
        )
        assert r.status_code == 404  # past the guard: the token was accepted


def test_serve_token_from_environment_and_read_only_default(
    served: list[tuple[Any, dict[str, Any]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDLINE_DB", f"sqlite:///{tmp_path / 'e.db'}")
    Store.open(f"sqlite:///{tmp_path / 'e.db'}").close()
    monkeypatch.delenv("REDLINE_API_TOKEN", raising=False)
    assert runner.invoke(app, ["serve"]).exit_code == 0
    monkeypatch.setenv("REDLINE_API_TOKEN", "from-env")
    assert runner.invoke(app, ["serve"]).exit_code == 0
    (ro, kw), (rw, _) = served
    assert (kw["host"], kw["port"]) == ("127.0.0.1", 8000)
    with TestClient(ro) as c:
        assert c.get("/api/v1/health").json()["read_only"] is True
    with TestClient(rw) as c:
        r = c.post(
            "/api/v1/statements/x/corrections",
            json={"stance": "oppose"},
            headers={"Authorization": "Bearer from-env"},
        )
        assert r.status_code == 404


def test_serve_with_a_bad_database_fails_in_one_line(
    served: list[tuple[Any, dict[str, Any]]], tmp_path: Path
) -> None:
    result = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'missing' / 'x.db'}"])
    assert result.exit_code == 4
    assert "no database at" in result.stderr and served == []


def test_a_port_in_use_is_a_one_line_usage_error(tmp_path: Path) -> None:
    # uvicorn gave up with exit 3, which redline's --help says means "no spaCy model"
    import socket

    db = f"sqlite:///{tmp_path / 'p.db'}"
    Store.open(db).close()
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        taken.listen()
        result = runner.invoke(app, ["serve", "--db", db, "--port", str(port)])
    assert result.exit_code == 2, result.output
    last = result.stderr.strip().splitlines()[-1]
    said = f"redline: error: cannot listen on 127.0.0.1:{port}: address already in use (choose"
    assert last.startswith(said)
