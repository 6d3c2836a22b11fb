"""The router mounted the way the JSON API's app will mount it: under a prefix, beside other routes."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_html import Page

from redline.store import Store
from redline.web import build_router


@pytest.fixture(scope="module")
def mounted(db_url: str) -> Iterator[TestClient]:
    store = Store.open(db_url)
    app = FastAPI()

    @app.get("/statements")
    def statements() -> list[str]:  # a JSON endpoint with the same name as a dashboard page
        return []

    app.include_router(build_router(lambda: store), prefix="/dash")
    with TestClient(app) as client:
        yield client
    store.close()


def test_links_stay_under_the_prefix_and_resolve(mounted: TestClient) -> None:
    r = mounted.get("/dash/")
    assert r.status_code == 200
    page = Page(r.text)
    local = [h for h in page.links if not urlsplit(h).scheme and not h.startswith("#")]
    assert local and all(h.startswith("/dash/") for h in local), local
    assert "/dash/statements" in local
    for href in set(local):
        assert mounted.get(href).status_code == 200, href
    (css,) = [el.attrs["href"] for el in page.find("link", rel="stylesheet")]
    assert css == "/dash/static/style.css" and mounted.get(css).status_code == 200


def test_unknown_records_are_html_404s_without_the_dashboard_app(mounted: TestClient) -> None:
    r = mounted.get("/dash/statements/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
