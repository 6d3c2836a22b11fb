"""The analyst's workflow: actor index, facets, downloads, charts, corrections from the page."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_corpus import build_store
from web_html import Page

from redline.api import create_app
from redline.store import StatementFilter, Store
from redline.web.forms import MAX_AGE, check_form_token, form_token

TOKEN = "analyst-secret"


def test_actor_index_lists_the_quoted_with_counts_and_links(client: TestClient, store: Store) -> None:
    p = Page(client.get("/actors").text)
    rows = p.body_rows("actors")
    names = [r.children[0].text for r in rows]
    assert "Vladimir Putin" in names and "Marta Kowalczyk" in names
    assert all(int(r.children[3].text) > 0 for r in rows)
    everyone = Page(client.get("/actors", params={"all": 1}).text).body_rows("actors")
    assert len(everyone) > len(rows)  # the actor list's people nobody quotes yet, on request
    assert {int(r.children[3].text) for r in everyone[len(rows) :]} == {0}
    putin = rows[names.index("Vladimir Putin")]
    assert putin.children[1].text == "Russia"
    assert int(putin.children[3].text) == len(store.statements(StatementFilter(actor="vladimir-putin")))


def test_the_party_menu_offers_the_parties_the_corpus_has(client: TestClient, store: Store) -> None:
    (menu,) = Page(client.get("/statements").text).find("select", id="f-party")
    offered = {o.attrs["value"]: o.text for o in menu.children if o.attrs.get("value")}
    have = {a["party"] for a in store.actors() if a["party"]}
    assert set(offered) - {"unaffiliated"} <= have and "russia" in offered
    assert offered["russia"] == "Russia"


def test_the_party_menu_keeps_the_no_party_filter(client: TestClient) -> None:
    # the facets offered "No party", the menu did not: the next filter sent with the form
    # dropped it without a word and listed every party's statements
    facet = Page(client.get("/statements").text).find("a", href="/statements?party=unaffiliated")
    assert facet and facet[0].text == "No party"
    (menu,) = Page(client.get("/statements?party=unaffiliated").text).find("select", id="f-party")
    chosen = [o for o in menu.children if "selected" in o.attrs]
    assert [(o.attrs["value"], o.text) for o in chosen] == [("unaffiliated", "No party")]


def test_facets_count_the_view_and_narrow_it(client: TestClient, store: Store) -> None:
    p = Page(client.get("/statements").text)
    facets = {s.children[0].text: s for s in p.find("aside", css="facets")[0].children}
    assert set(facets) == {"Party", "Issue", "Stance", "Outlet", "Date"}
    party = {li.children[0].text: int(li.children[1].text) for li in facets["Party"].children[1].children}
    total = len(store.statements(StatementFilter(limit=None)))
    assert sum(party.values()) == total and party["Russia"] >= 3
    # following the facet gives exactly that many rows
    narrowed = Page(client.get("/statements?party=russia&size=200").text)
    assert len(narrowed.body_rows()) == party["Russia"]
    stance = {li.children[0].text: int(li.children[1].text) for li in facets["Stance"].children[1].children}
    assert sum(stance.values()) == total


def test_download_this_view_holds_the_filtered_rows(client: TestClient, store: Store) -> None:
    r = client.get("/statements?party=russia&format=csv")
    assert (
        r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    )
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {row["party"] for row in rows} == {"russia"}
    shown = Page(client.get("/statements?party=russia&size=200").text).body_rows()
    assert len(rows) == len(shown)
    as_json = client.get("/statements?party=russia&format=json").json()
    assert [x["id"] for x in as_json] == [row["id"] for row in rows]
    assert client.get("/documents?format=csv").text.startswith("id,url,outlet")
    assert len(client.get("/actors?format=json").json()) == len(store.actors())
    positions = client.get("/positions?format=json").json()
    assert {c["row"] for c in positions["cells"]} >= {"russia"}
    assert client.get("/positions?format=csv").text.startswith("by,row,row_name,")
    cell = client.get("/positions/cell?party=russia&issue=plan_overall&format=json").json()
    shown = Page(client.get("/positions/cell?party=russia&issue=plan_overall").text).body_rows()
    assert len(cell) == len(shown) and {r["party"] for r in cell} == {"russia"}


def test_every_list_page_offers_its_downloads(client: TestClient) -> None:
    for path in (
        "/statements",
        "/documents",
        "/actors",
        "/positions",
        "/positions/cell?party=russia&issue=plan_overall",
    ):
        links = Page(client.get(path).text).links
        assert any("format=csv" in h for h in links) and any("format=json" in h for h in links), path


def test_charts_are_inline_svg_with_titles_and_links(client: TestClient) -> None:
    for path, kind in (("/", "bars"), ("/positions", "heat"), ("/issues/plan_overall", "line")):
        html = client.get(path).text
        svg = re.search(rf'<svg class="chart {kind}".*?</svg>', html, re.S)
        assert svg, path
        assert "<title>" in svg.group(0) and 'role="img"' in svg.group(0)
        assert re.search(r'<a href="/(statements|positions/cell)\?', svg.group(0)), path
    grid = client.get("/plans/guarantees").text
    assert '<svg class="chart grid"' in grid and "Who supports, opposes, conditions" in grid


def test_matrix_rows_are_names_and_outsiders_are_apart(client: TestClient) -> None:
    p = Page(client.get("/positions").text)
    groups = [th.text for th in p.find("th") if th.attrs.get("scope") == "rowgroup"]
    assert groups[0] == "Parties" and groups[1].startswith("Outside the parties")
    rows = [th.text for th in p.find("th") if th.attrs.get("scope") == "row"]
    assert rows and not any("_" in r for r in rows)  # names, not ids
    assert rows.index("No party") > rows.index("Russia")
    assert p.find("section", css="legend-box")


def test_form_tokens_bind_statement_and_time() -> None:
    secret = b"k" * 32
    token = form_token(secret, "s1", now=1000)
    assert check_form_token(secret, "s1", token, now=1000 + MAX_AGE)
    assert not check_form_token(secret, "s2", token, now=1001)
    assert not check_form_token(secret, "s1", token, now=1001 + MAX_AGE)
    assert not check_form_token(b"x" * 32, "s1", token, now=1001)
    assert not check_form_token(secret, "s1", "garbage", now=1001)


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    url = build_store(tmp_path / "correct.db")
    with TestClient(create_app(url, token=TOKEN)) as c:
        yield c, url


def _form(client: TestClient, statement_id: str) -> dict[str, str]:
    p = Page(client.get(f"/statements/{statement_id}").text)
    (csrf,) = [i.attrs["value"] for i in p.find("input") if i.attrs.get("name") == "csrf"]
    return {"csrf": csrf, "token": TOKEN, "who": "Ana Analyst", "note": "misread quote"}


def test_a_correction_round_trips_through_the_page(writable: tuple[TestClient, str]) -> None:
    client, url = writable
    with Store.open(url) as s:
        sid = next(
            r["id"] for r in s.statements(StatementFilter(actor="vladimir-putin")) if r["stance"] != "neutral"
        )
    r = client.post(
        f"/statements/{sid}/correct", data={**_form(client, sid), "stance": "neutral"}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"].startswith(f"/statements/{sid}?corrected=")
    page = Page(client.get(r.headers["location"]).text)
    (row,) = page.body_rows("corrections")
    assert [c.text for c in row.children[1:]] == ["Ana Analyst", "stance → neutral", "misread quote"]
    assert client.get(f"/api/v1/statements/{sid}").json()["stance"] == "neutral"


def test_a_date_is_corrected_from_the_page(writable: tuple[TestClient, str]) -> None:
    client, url = writable
    with Store.open(url) as s:
        sid = next(r["id"] for r in s.statements(StatementFilter(actor="vladimir-putin")) if r["date"])
    r = client.post(f"/statements/{sid}/correct", data={**_form(client, sid), "date": "2025-11-02"})
    assert r.status_code == 200
    page = Page(r.text)
    (row,) = page.body_rows("corrections")
    assert row.children[2].text == "date → 2025-11-02"
    assert "(corrected; its document gives 2025-" in r.text
    cleared = client.post(f"/statements/{sid}/correct", data={**_form(client, sid), "undated": "yes"})
    assert [c.children[2].text for c in Page(cleared.text).body_rows("corrections")][-1] == "date → undated"
    assert client.get(f"/api/v1/statements/{sid}").json()["date"] is None


def test_corrections_need_the_token_and_a_form_from_this_site(writable: tuple[TestClient, str]) -> None:
    client, url = writable
    with Store.open(url) as s:
        sid, other = (r["id"] for r in s.statements(StatementFilter(limit=2)))
    form = {**_form(client, sid), "stance": "oppose"}
    wrong = client.post(f"/statements/{sid}/correct", data={**form, "token": "guess"})
    assert wrong.status_code == 401 and wrong.headers["content-type"].startswith("text/html")
    forged = client.post(f"/statements/{sid}/correct", data={**form, "csrf": "1.abc"})
    assert forged.status_code == 403
    moved = client.post(f"/statements/{other}/correct", data=form)
    assert moved.status_code == 403
    bad_issue = client.post(f"/statements/{sid}/correct", data={**_form(client, sid), "issues": "weather"})
    assert bad_issue.status_code == 422 and "taxonomy" in bad_issue.text
    assert client.get(f"/api/v1/statements/{sid}").json()["overrides"] == []


def test_read_only_servers_show_no_form(client: TestClient, store: Store) -> None:
    sid = store.statements(StatementFilter(limit=1))[0]["id"]
    p = Page(client.get(f"/statements/{sid}").text)
    assert not p.find("form", css="correction")


def test_facets_of_a_huge_view_say_they_are_a_sample(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import redline.web.corpus_pages as pages

    monkeypatch.setattr(pages, "FACET_SCAN", 2)

    def facets(path: str) -> tuple[str, int]:
        (aside,) = Page(c.get(path).text).find("aside", css="facets")
        stance = [
            li
            for s in aside.children
            if s.tag == "section" and s.children[0].text == "Stance"
            for li in s.children[1].children
        ]
        return aside.text, sum(int(li.children[1].text) for li in stance)

    with TestClient(create_app(db_url)) as c, Store.open(db_url) as store:
        everything = store.count_statements(StatementFilter(limit=None))
        opposed = store.count_statements(StatementFilter(stance="oppose", limit=None))
        text, counted = facets("/statements?stance=oppose")
        assert opposed > 2 and "first 2 statements" in text and counted == 2
        # the whole corpus is counted by the database as it is written: never a sample
        text, counted = facets("/statements")
        assert "first 2 statements" not in text and counted == everything > 2


def test_a_party_view_lists_newest_first_as_its_heading_says(client: TestClient) -> None:
    # it listed the export's order (by document) under "Statements, newest first", unlike every
    # other view of the page, the command and the API
    html = client.get("/statements?party=russia&size=200").text
    assert "Statements, newest first" in html
    shown = re.findall(r'href="/statements/([0-9a-f]{16})"', html)
    api = client.get("/api/v1/statements", params={"party": "russia", "limit": 200}).json()["items"]
    assert shown and list(dict.fromkeys(shown)) == [s["id"] for s in api]
    dates = [s["date"] for s in api if s["date"]]
    assert dates == sorted(dates, reverse=True)
