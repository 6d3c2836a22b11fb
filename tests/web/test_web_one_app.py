"""One app: the dashboard at /, the API at /api/v1, the docs at /docs, one error handler, one cache."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi.testclient import TestClient
from web_html import Page

from redline.analysis.row_pages import RowPage
from redline.api.revision_cache import RevisionCache


def test_dashboard_api_and_docs_are_served_by_one_app(client: TestClient) -> None:
    assert client.get("/").headers["content-type"].startswith("text/html")
    assert client.get("/api/v1/statements?limit=1").json()["items"]
    assert client.get("/docs").status_code == 200
    assert client.get("/openapi.json").json()["paths"]


def test_every_link_of_the_overview_resolves(client: TestClient) -> None:
    page = Page(client.get("/").text)
    local = {h for h in page.links if not urlsplit(h).scheme and not h.startswith("#")}
    assert "/statements" in local and "/actors" in local
    for href in local:
        assert client.get(href).status_code == 200, href
    (css,) = [el.attrs["href"] for el in page.find("link", rel="stylesheet")]
    assert css == "/static/style.css" and client.get(css).status_code == 200
    # an icon of its own: otherwise the browser asks for /favicon.ico and logs a 404 on every page
    (icon,) = [el.attrs["href"] for el in page.find("link", rel="icon")]
    assert client.get(icon).status_code == 200


def test_errors_are_pages_for_people_and_json_for_the_api(client: TestClient) -> None:
    page = client.get("/statements/nope")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    route = client.get("/no/such/page")
    assert route.status_code == 404 and route.headers["content-type"].startswith("text/html")
    assert "/no/such/page" in Page(route.text).find("main")[0].text
    bad = client.get("/statements?size=100000")
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("text/html")
    api = client.get("/api/v1/statements/nope")
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/nowhere").json()["error"]["status"] == 404


def test_pages_and_api_share_the_apps_one_cache(client: TestClient) -> None:
    state = client.app.state  # type: ignore[attr-defined]
    assert isinstance(state.revision_cache, RevisionCache)
    client.get("/positions")

    def recompute() -> None:
        raise AssertionError("the page's positions were not kept in the app's cache")

    # at, plan, lineage, rows by party, the first page of rows, with quotes: the positions kept
    # with their report (``analysis_pages._load_positions``)
    key = ("dashboard.report", state.store.url, None, None, None, "party", RowPage(), True)
    state.revision_cache.latest(key, state.store.tally_revision(), recompute)


def test_pages_keep_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/positions", "/statements", "/actors", "/no/such/page"):
        csp = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe-inline" not in csp, path
    assert (
        client.get("/api/v1/statements").headers["content-security-policy"].startswith("default-src 'none'")
    )
