"""The OpenAPI document lists every route and describes every response field."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.testclient import TestClient

from redline.api import create_app

ROUTES = {
    ("get", "/api/v1/statements"),
    ("get", "/api/v1/statements/{statement_id}"),
    ("post", "/api/v1/statements/{statement_id}/corrections"),
    ("get", "/api/v1/documents"),
    ("get", "/api/v1/documents/{document_id}"),
    ("get", "/api/v1/actors"),
    ("get", "/api/v1/actors/{actor_id}"),
    ("get", "/api/v1/claims"),
    ("get", "/api/v1/plans"),
    ("get", "/api/v1/plans/{plan}/versions"),
    ("get", "/api/v1/plans/{plan}/versions/{label}"),
    ("get", "/api/v1/plans/{plan}/diff"),
    ("get", "/api/v1/positions"),
    ("get", "/api/v1/timeline"),
    ("get", "/api/v1/health"),
}


def spec(client: TestClient) -> dict[str, Any]:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    data: dict[str, Any] = r.json()
    return data


def test_every_route_is_documented(client: TestClient) -> None:
    paths = spec(client)["paths"]
    found = {(m, p) for p, ops in paths.items() for m in ops}
    assert found == ROUTES


def test_responses_have_typed_fields_and_the_error_shape(client: TestClient) -> None:
    data = spec(client)
    schemas = data["components"]["schemas"]
    detail = schemas["StatementDetail"]["properties"]
    for name in ("content", "cue", "speaker", "context", "overrides", "extractor", "machine"):
        assert name in detail
    assert set(schemas["Span"]["properties"]) == {"text", "start", "end"}
    assert set(schemas["ErrorDetail"]["properties"]) >= {"status", "code", "message", "hint"}
    op = data["paths"]["/api/v1/statements/{statement_id}"]["get"]
    assert op["responses"]["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    params = {p["name"] for p in data["paths"]["/api/v1/statements"]["get"]["parameters"]}
    assert params >= {
        "actor",
        "issue",
        "stance",
        "since",
        "until",
        "outlet",
        "q",
        "document",
        "limit",
        "offset",
    }
    post = data["paths"]["/api/v1/statements/{statement_id}/corrections"]["post"]
    assert post["security"] == [{"HTTPBearer": []}]


def test_extra_routers_are_mounted_beside_the_api(db: str) -> None:
    extra = APIRouter()

    @extra.get("/dashboard-probe")
    def probe() -> dict[str, int]:
        return {"ok": 1}

    with TestClient(create_app(db, extra_routers=[extra])) as c:
        assert c.get("/dashboard-probe").json() == {"ok": 1}
        assert c.get("/api/v1/health").status_code == 200


def test_two_apps_over_two_databases_do_not_share_state(db: str, tmp_path: Any) -> None:
    other = f"sqlite:///{tmp_path / 'empty.db'}"
    with TestClient(create_app(db)) as a, TestClient(create_app(other, token="t")) as b:
        assert a.get("/api/v1/health").json()["counts"]["statements"] == 8
        assert b.get("/api/v1/health").json()["counts"]["statements"] == 0
        assert a.get("/api/v1/health").json()["read_only"] is True
        assert b.get("/api/v1/health").json()["read_only"] is False


def test_app_from_settings_reads_the_environment(db: str, monkeypatch: Any) -> None:
    from redline.api import app_from_settings

    monkeypatch.setenv("REDLINE_DB", db)
    monkeypatch.setenv("REDLINE_API_TOKEN", "env-token")
    with TestClient(app_from_settings()) as c:
        health = c.get("/api/v1/health").json()
        assert health["read_only"] is False and health["counts"]["statements"] == 8


def test_docs_page_loads_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "/openapi.json" in page.text
    assert "http://" not in page.text and "https://" not in page.text
    for asset in ("/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css"):
        assert asset in page.text
        r = client.get(asset)
        assert r.status_code == 200 and len(r.content) > 1000
