"""A NUL in an id or a filter is the client's mistake on both databases: 422, never 503."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_corpus import build
from redline.api import create_app

REQUESTS = [
    ("/api/v1/statements/ab%00cd", {}),
    ("/api/v1/documents/d%001", {}),
    ("/api/v1/statements", {"q": "plan\x00"}),
    ("/api/v1/statements", {"actor": "vladimir\x00putin"}),
]


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_nul_in_path_or_query_is_a_validation_error(
    backend: str, tmp_path: object, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("pg_url") if backend == "postgresql" else f"sqlite:///{tmp_path}/api.db"
    with TestClient(create_app(build(url))) as c:
        for path, params in REQUESTS:
            r = c.get(path, params=params)
            assert r.status_code == 422, (path, params, r.text)
            error = r.json()["error"]
            assert error["code"] == "validation_error" and "NUL" in error["message"] and error["hint"]
        assert c.get("/api/v1/statements", params={"q": "plan"}).status_code == 200
