"""Every failure has the same JSON shape, whatever its cause (after datasette's test_error_shape)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_corpus import TOKEN, assert_error

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/api/v1/nowhere", 404, "not_found"),
        ("GET", "/api/nowhere/at/all", 404, "not_found"),  # outside /api, a page answers (tests/web)
        ("GET", "/api/v1/statements/unknown", 404, "not_found"),
        ("GET", "/api/v1/documents/unknown", 404, "not_found"),
        ("GET", "/api/v1/actors/unknown", 404, "not_found"),
        ("GET", "/api/v1/plans/unknown/versions", 404, "not_found"),
        ("GET", "/api/v1/plans/peace/versions/99-point", 404, "not_found"),
        ("GET", "/api/v1/plans/peace/diff?from=28-point&to=99-point", 404, "not_found"),
        ("GET", "/api/v1/statements?limit=0", 422, "validation_error"),
        ("GET", "/api/v1/statements?limit=abc", 422, "validation_error"),
        ("GET", "/api/v1/statements?since=yesterday", 422, "validation_error"),
        ("GET", "/api/v1/statements?stance=angry", 422, "validation_error"),
        ("GET", "/api/v1/statements?offset=-1", 422, "validation_error"),
        ("GET", "/api/v1/positions?by=outlet", 422, "validation_error"),
        ("GET", "/api/v1/positions?at=soon", 422, "validation_error"),
        ("GET", "/api/v1/plans/peace/diff?from=28-point", 422, "validation_error"),
        ("DELETE", "/api/v1/statements", 405, "method_not_allowed"),
        ("POST", "/api/v1/health", 405, "method_not_allowed"),
    ],
)
def test_error_shape(client: TestClient, method: str, path: str, status: int, code: str) -> None:
    assert_error(client.request(method, path), status, code)


def test_validation_error_names_each_bad_parameter(client: TestClient) -> None:
    err = assert_error(client.get("/api/v1/statements?limit=0&since=never"), 422, "validation_error")
    locations = {d["location"] for d in err["details"]}  # type: ignore[union-attr]
    assert locations == {"query.limit", "query.since"}
    assert "query.limit" in str(err["message"]) and err["hint"]


def test_unknown_route_hint_points_to_the_docs(client: TestClient) -> None:
    err = assert_error(client.get("/api/v1/nowhere"), 404, "not_found")
    assert "/api/v1/nowhere" in str(err["message"]) and "/docs" in str(err["hint"])


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({}, 400, "bad_request"),  # nothing to correct: the store's ConfigError
        ({"stance": "furious"}, 422, "validation_error"),
        ({"stance": "oppose", "colour": "red"}, 422, "validation_error"),
        ({"issues": "territory"}, 422, "validation_error"),
    ],
)
def test_bad_corrections_in_the_error_shape(
    writer: TestClient, body: dict[str, object], status: int, code: str
) -> None:
    sid = writer.get("/api/v1/statements").json()["items"][0]["id"]
    assert_error(writer.post(f"/api/v1/statements/{sid}/corrections", json=body, headers=AUTH), status, code)


def test_correcting_an_unknown_statement_is_404(writer: TestClient) -> None:
    r = writer.post("/api/v1/statements/nope/corrections", json={"stance": "oppose"}, headers=AUTH)
    assert_error(r, 404, "not_found")


def test_unreadable_database_is_503(client: TestClient) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE statement_issue")
    err = assert_error(client.get("/api/v1/statements?issue=nato"), 503, "store_unavailable")
    assert "statement_issue" not in str(err["message"]) and "SQL" not in str(err["message"])


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        ("POST", "/api/v1/statements/no-such-id/corrections", {"stance": "oppose"}, 404, "not_found"),
        ("GET", "/api/v1/plans/no-such-plan", None, 404, "not_found"),
    ],
)
def test_hints_speak_http_not_command_line(
    writer: TestClient, method: str, path: str, body: object, status: int, code: str
) -> None:
    """The library's hints are written for the command line ("`redline statements`", "--plan");
    an API client gets what it can do over HTTP instead."""
    response = writer.request(method, path, json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    err = assert_error(response, status, code)
    hint = str(err["hint"])
    assert hint and "`redline" not in hint and " --" not in hint, hint


@pytest.mark.parametrize(
    "path", ["/api/v1/positions?plan=peace&lineage=Nobody", "/api/v1/positions?plan=nowhere"]
)
def test_a_plan_not_found_points_at_the_plans_route(client: TestClient, path: str) -> None:
    """The command line says `redline plan list`; the API said only "the list routes give valid
    ids". It names the route that lists plans, versions and authors, as the command names its own."""
    r = client.get(path)
    assert_error(r, 404, "not_found")
    assert "/api/v1/plans" in r.json()["error"]["hint"]
