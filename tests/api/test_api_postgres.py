"""The same API over PostgreSQL: the store hides the dialect, so the answers must not change."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_corpus import N_STATEMENTS, TOKEN, build
from redline.api import create_app


@pytest.mark.postgres
def test_main_endpoints_on_postgresql(pg_url: str) -> None:
    with TestClient(create_app(build(pg_url), token=TOKEN)) as c:
        health = c.get("/api/v1/health").json()
        assert health["database"] == "postgresql" and health["pending_migrations"] == []
        page = c.get("/api/v1/statements", params={"limit": 5}).json()
        rest = c.get(page["next"]).json()
        assert len(page["items"]) + len(rest["items"]) == N_STATEMENTS and rest["next"] is None
        hits = c.get("/api/v1/statements", params={"q": "guarantees"}).json()["items"]
        assert [s["content"] for s in hits] == ["the security guarantees must be binding"]
        sid = hits[0]["id"]
        assert c.get(f"/api/v1/statements/{sid}").json()["context"]["text"].startswith("Dmitry Peskov said")
        r = c.post(
            f"/api/v1/statements/{sid}/corrections",
            json={"stance": "conditional"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert r.status_code == 200 and r.json()["statement"]["stance"] == "conditional"
        assert c.get("/api/v1/actors/volodymyr-zelensky").json()["by_stance"] == {
            "conditional": 1,
            "oppose": 1,
        }
        assert c.get("/api/v1/documents/d1").json()["n_statements"] == 3
        assert c.get("/api/v1/nowhere").json()["error"]["code"] == "not_found"
