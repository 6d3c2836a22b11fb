"""The API's limits (issue 14, item 9): each one answers with the error shape, never 500/503."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_corpus import TOKEN, assert_error
from redline.api import create_app

LIST_ROUTES = (
    "/api/v1/statements",
    "/api/v1/documents",
    "/api/v1/actors",
    "/api/v1/claims",
    "/api/v1/timeline",
)
HUGE = str(2**63)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize("path", LIST_ROUTES)
def test_huge_offset_is_422(client: TestClient, path: str) -> None:
    err = assert_error(client.get(path, params={"offset": HUGE}), 422, "validation_error")
    assert "offset" in str(err["message"])


@pytest.mark.parametrize("path", LIST_ROUTES)
def test_huge_limit_is_422(client: TestClient, path: str) -> None:
    assert_error(client.get(path, params={"limit": HUGE}), 422, "validation_error")


@pytest.mark.parametrize(
    ("path", "name"),
    [("/api/v1/statements", "until"), ("/api/v1/statements", "since"), ("/api/v1/positions", "at")],
)
@pytest.mark.parametrize("value", ["0", "1700000000", "2025-1-5", "2025-02-30", "20250105"])
def test_dates_must_be_iso(client: TestClient, path: str, name: str, value: str) -> None:
    err = assert_error(client.get(path, params={name: value}), 422, "validation_error")
    assert name in str(err["message"])


def test_iso_dates_still_filter(client: TestClient) -> None:
    r = client.get("/api/v1/statements", params={"since": "2000-01-01", "until": "2100-12-31"})
    assert r.status_code == 200 and r.json()["items"]
    assert client.get("/api/v1/positions", params={"at": "2100-01-01"}).status_code == 200


@pytest.mark.postgres
def test_huge_offset_is_422_on_postgresql(pg_url: str) -> None:
    from api_corpus import build

    with TestClient(create_app(build(pg_url))) as c:
        for path in LIST_ROUTES:
            assert_error(c.get(path, params={"offset": HUGE}), 422, "validation_error")
        assert_error(c.get("/api/v1/statements", params={"until": "0"}), 422, "validation_error")


def _sid(c: TestClient) -> str:
    sid: str = c.get("/api/v1/statements", params={"limit": 1}).json()["items"][0]["id"]
    return sid


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"stance": "oppose", "note": "x" * 2001}, "body.note"),
        ({"issues": ["territory", "not_an_issue"]}, "body.issues.1"),
        ({"issues": ["x" * 10_000]}, "body.issues.0"),
        ({"stance": "furious"}, "body.stance"),
        ({"speaker": "x" * 201}, "body.speaker"),
        ({"stance": "oppose", "who": ""}, "body.who"),
    ],
)
def test_correction_fields_are_validated(
    writer: TestClient, db: str, body: dict[str, object], field: str
) -> None:
    sid = _sid(writer)
    r = writer.post(f"/api/v1/statements/{sid}/corrections", json=body, headers=AUTH)
    err = assert_error(r, 422, "validation_error")
    assert field in str(err["message"]), err
    assert writer.get(f"/api/v1/statements/{sid}").json()["overrides"] == []


def test_a_note_of_2000_characters_and_taxonomy_issues_are_stored(writer: TestClient) -> None:
    sid = _sid(writer)
    body = {"note": "n" * 2000, "issues": ["territory"], "stance": "neutral"}
    r = writer.post(f"/api/v1/statements/{sid}/corrections", json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["statement"]["issues"] == ["territory"]


def test_openapi_declares_the_write_refusals(client: TestClient) -> None:
    op = client.get("/openapi.json").json()["paths"]["/api/v1/statements/{statement_id}/corrections"]["post"]
    for status in ("401", "403", "413", "422"):
        assert op["responses"][status]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


def _call(app: object, *, headers: dict[str, str], chunks: list[bytes]) -> tuple[int, bytes, int]:
    """Send a POST straight to the ASGI app: (status, body, how many body chunks the app read)."""
    import asyncio

    pulled = 0

    async def receive() -> dict[str, object]:
        nonlocal pulled
        if pulled < len(chunks):
            pulled += 1
            return {"type": "http.request", "body": chunks[pulled - 1], "more_body": pulled < len(chunks)}
        return {"type": "http.disconnect"}

    sent: list[dict[str, object]] = []

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "server": ("testserver", 80),
        "client": ("testclient", 1),
        "root_path": "",
        "path": "/api/v1/statements/s1/corrections",
        "raw_path": b"/api/v1/statements/s1/corrections",
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }
    asyncio.run(app(scope, receive, send))  # type: ignore[operator]
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")  # type: ignore[misc]
    return int(start["status"]), body, pulled  # type: ignore[call-overload]


BIG = [b'{"note": "' + b"x" * 65_536] * 8 + [b'"}']  # 512 KiB of JSON in chunks


def test_a_write_without_token_is_refused_before_its_body_is_read(db: str) -> None:
    import json

    for token in (TOKEN, None):
        for headers in ({}, {"Authorization": "Bearer wrong"}):
            status, body, pulled = _call(
                create_app(db, token=token),
                headers={"content-type": "application/json", **headers},
                chunks=BIG,
            )
            assert status == (401 if token else 403) and pulled == 0
            assert json.loads(body)["error"]["status"] == status


def test_a_body_over_the_limit_is_413_while_streaming(db: str) -> None:
    import json

    status, body, pulled = _call(
        create_app(db, token=TOKEN), headers={"content-type": "application/json", **AUTH}, chunks=BIG
    )
    assert status == 413 and pulled <= 2
    assert json.loads(body)["error"]["code"] == "too_large"


def test_a_body_over_the_limit_is_413_from_content_length(writer: TestClient) -> None:
    sid = _sid(writer)
    body = {"stance": "oppose", "note": "x" * 100_000}
    err = assert_error(
        writer.post(f"/api/v1/statements/{sid}/corrections", json=body, headers=AUTH), 413, "too_large"
    )
    assert "65536" in str(err["message"])
    assert writer.get(f"/api/v1/statements/{sid}").json()["overrides"] == []


def test_every_response_says_nosniff_and_json_allows_nothing(writer: TestClient) -> None:
    from redline.api.security_headers import DEFAULT_CSP

    for r in (
        writer.get("/api/v1/health"),
        writer.get("/api/v1/statements", params={"offset": HUGE}),
        writer.get("/api/v1/nowhere"),
        writer.get("/openapi.json"),
        writer.post("/api/v1/statements/x/corrections", json={}),
    ):
        assert r.headers["x-content-type-options"] == "nosniff", r.url
        assert r.headers["content-security-policy"] == DEFAULT_CSP, r.url


def test_docs_csp_allows_only_the_self_hosted_swagger_ui(client: TestClient) -> None:
    import base64
    import hashlib
    import re

    r = client.get("/docs")
    assert r.status_code == 200 and r.headers["x-content-type-options"] == "nosniff"
    csp = dict(d.strip().split(" ", 1) for d in r.headers["content-security-policy"].split(";"))
    assert csp["default-src"] == "'none'" and csp["connect-src"] == "'self'"
    (inline,) = re.findall(r"<script>(.*?)</script>", r.text, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert csp["script-src"] == f"'self' 'sha256-{digest}'"  # no CDN, no other inline script
    assert "http" not in r.headers["content-security-policy"]
    for src in re.findall(r'(?:src|href)="([^"]+)"', r.text):
        assert src.startswith("/docs/assets/") or src.startswith("data:"), src
        if src.startswith("/"):
            assert client.get(src).status_code == 200


def test_the_dashboard_keeps_its_own_csp(db: str) -> None:
    from redline.web.render import SECURITY_HEADERS

    with TestClient(create_app(db)) as c:
        r = c.get("/")
        assert r.status_code == 200, r.text
        assert r.headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"]
        assert r.headers["x-content-type-options"] == "nosniff"


def _assert_no_url(r: object, url: str) -> None:
    err = assert_error(r, 404, "not_found")
    text = str(err)
    assert url not in text and "sqlite" not in text and "postgresql" not in text, text
    assert "99-point" in str(err["message"])


def test_plan_errors_do_not_show_the_database_url(client: TestClient, db: str) -> None:
    _assert_no_url(client.get("/api/v1/plans/peace/versions/99-point"), db)
    _assert_no_url(client.get("/api/v1/plans/peace/diff", params={"from": "28-point", "to": "99-point"}), db)


@pytest.mark.postgres
def test_plan_errors_do_not_show_the_postgresql_url(pg_url: str) -> None:
    from api_corpus import build

    with TestClient(create_app(build(pg_url))) as c:
        _assert_no_url(c.get("/api/v1/plans/peace/versions/99-point"), pg_url)
        _assert_no_url(
            c.get("/api/v1/plans/peace/diff", params={"from": "28-point", "to": "99-point"}), pg_url
        )
