"""The dashboard over the bundled demo corpus, extracted by the real model: evidence everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_html import Page

from redline.api import create_app
from redline.config import Settings
from redline.demo import run_demo
from redline.ingest import ExtractorLike
from redline.store import StatementFilter, Store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, extractor: ExtractorLike
) -> Iterator[tuple[TestClient, Store]]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('demo')) / 'demo.db'}"
    with Store.open(url) as store:
        run_demo(store, Settings(db=url), extractor_factory=lambda _settings: extractor)
        with TestClient(create_app(url)) as client:
            yield client, store


def get(client: TestClient, path: str) -> Page:
    r = client.get(path)
    assert r.status_code == 200, (path, r.status_code)
    return Page(r.text)


def test_every_document_marks_each_of_its_statements_exactly(demo: tuple[TestClient, Store]) -> None:
    client, store = demo
    checked = linked = 0
    for d in store.documents():
        p = get(client, f"/documents/{d['id']}")
        rows = store.statements(StatementFilter(document=d["id"], limit=None))
        rows.sort(key=lambda r: (r["content_start"], r["content_end"]))
        marks = {a.attrs["href"].rsplit("/", 1)[1]: a.text for a in p.find("a", css="stmt")}
        text = p.find("article")[0].text
        for r in rows:
            assert text[r["content_start"] : r["content_end"]] == r["content"]
            checked += 1
            if r["id"] in marks:  # a statement inside an earlier one is linked from the table only
                assert marks[r["id"]] in r["content"]  # overlaps cut a mark short, never past its span
                linked += 1
    assert checked >= 100 and linked >= 0.9 * checked


def test_statement_pages_mark_their_span(demo: tuple[TestClient, Store]) -> None:
    client, store = demo
    rows = store.statements(StatementFilter(limit=40))
    for r in rows:
        p = get(client, f"/statements/{r['id']}")
        (mark,) = p.find("mark", id="evidence")
        assert mark.text == r["content"]
        assert p.find("article")[0].text[r["content_start"] : r["content_end"]] == r["content"]


def test_links_from_the_overview_and_the_matrix_resolve(demo: tuple[TestClient, Store]) -> None:
    client, _ = demo
    pages = [
        get(client, "/"),
        get(client, "/positions"),
        get(client, "/plans/peace"),
        get(client, "/positions?plan=peace"),
    ]
    links = {h for p in pages for h in p.links if h.startswith("/")}
    assert any(h.startswith("/positions/cell") for h in links)
    broken = {h: s for h in sorted(links) if (s := client.get(h).status_code) != 200}
    assert not broken
    diff = pages[2].body_rows("diff")
    assert any("point=" in h for h in pages[3].links)  # statements linked to the plan's points
    assert {r.children[0].text.split()[0] for r in diff} >= {"kept", "removed"}
