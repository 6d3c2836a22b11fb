"""The pages whose queries differ by backend, on PostgreSQL: counts, filters, evidence, positions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_corpus import DOCS, build_store
from web_html import Page

from redline.api import create_app
from redline.store import StatementFilter, Store

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(pg_url: str) -> Iterator[tuple[TestClient, Store]]:
    url = build_store(pg_url)
    with Store.open(url) as store, TestClient(create_app(url)) as client:
        yield client, store


def test_pages_on_postgresql(pg: tuple[TestClient, Store]) -> None:
    client, store = pg
    overview = Page(client.get("/").text)
    actors = [a.text for a in overview.find("a") if a.attrs["href"].startswith("/actors/")]
    assert actors[0] == "Vladimir Putin"
    assert "The plan as a whole" in [a.text for a in overview.find("a") if "/issues/" in a.attrs["href"]]
    text_of = {d.id: d.text for d in DOCS}
    rows = store.statements(StatementFilter(limit=None))
    assert len(rows) == 6
    for r in rows:
        (mark,) = Page(client.get(f"/statements/{r['id']}").text).find("mark", id="evidence")
        assert mark.text == text_of[r["document_id"]][r["content_start"] : r["content_end"]]
    hits = Page(client.get("/statements?q=ceasefire&stance=oppose").text).body_rows()
    assert len(hits) == 1
    actor = Page(client.get("/actors/vladimir-putin").text)
    assert actor.find("h2")[0].text == "The plan as a whole"
    positions = Page(client.get("/positions?at=2025-11-21").text)
    assert {h for h in positions.links if h.startswith("/positions/cell")} == {
        "/positions/cell?party=russia&issue=plan_overall&at=2025-11-21"
    }
    # the analyst's pages read the same on PostgreSQL
    assert "Vladimir Putin" in client.get("/actors").text
    facets = Page(client.get("/statements").text).find("aside", css="facets")
    assert facets and "Russia" in facets[0].text
    assert len(client.get("/statements?party=russia&format=json").json()) == 4
    assert '<svg class="chart line"' in client.get("/issues/plan_overall").text
