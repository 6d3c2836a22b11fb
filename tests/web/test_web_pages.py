"""The dashboard pages over a small fake-extracted store: status, evidence, escaping, filters."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from web_corpus import DOCS, HOSTILE_TEXT, HOSTILE_TITLE, build_store
from web_html import Page

from fakes import make_fake
from redline.api import create_app
from redline.config import Settings
from redline.errors import NotFoundError, StoreError
from redline.ingest import ingest
from redline.model import Actor, Document
from redline.store import Correction, StatementFilter, Store

TEXT_OF = {d.id: d.text for d in DOCS}


def matrix_links(p: Page) -> dict[str, str]:
    """The matrix's cell links and their text (the charts beside it link to the same cells)."""
    return {
        a.attrs["href"]: a.text
        for td in p.find("td")
        for a in td.children
        if a.tag == "a" and a.attrs.get("href", "").startswith("/positions/cell")
    }


def page(client: TestClient, path: str, status: int = 200) -> Page:
    r = client.get(path)
    assert r.status_code == status, (path, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return Page(r.text)


def rows_of(store: Store, **kw: Any) -> list[dict[str, Any]]:
    return store.statements(StatementFilter(limit=None, **kw))


def evidence_ids(p: Page) -> list[str]:
    return [h.rsplit("/", 1)[1] for h in p.links if h.startswith("/statements/")]


def test_overview_counts_dates_and_rankings(client: TestClient) -> None:
    p = page(client, "/")
    counts = {
        dt.text: dd.text
        for div in p.find("div")
        if len(div.children) == 2
        for dt, dd in [div.children]
        if dt.tag == "dt"
    }
    assert counts["Documents"] == "6"
    assert counts["Statements"] == "6"
    assert counts["Dates"] == "2025-11-20 – 2025-11-28"
    actors = [a.text for a in p.find("a") if a.attrs["href"].startswith("/actors/")]
    assert actors[0] == "Vladimir Putin"  # three statements, the most active
    issues = [a.text for a in p.find("a") if a.attrs["href"].startswith("/issues/")]
    assert issues[0] == "The plan as a whole"  # the taxonomy's label, not the id
    assert len(p.body_rows()) == 6  # latest statements


@pytest.mark.parametrize("doc_id", [d.id for d in DOCS])
def test_every_statement_page_marks_exactly_its_stored_span(
    client: TestClient, store: Store, doc_id: str
) -> None:
    for row in rows_of(store, document=doc_id):
        p = page(client, f"/statements/{row['id']}")
        (mark,) = p.find("mark", id="evidence")
        assert mark.text == TEXT_OF[doc_id][row["content_start"] : row["content_end"]]
        assert mark.text == row["content"]
        assert not p.find("p", role="alert")  # offsets agree with the text


def test_statement_page_shows_the_facts_and_links_the_document(client: TestClient, store: Store) -> None:
    (row,) = rows_of(store, document="d2")
    p = page(client, f"/statements/{row['id']}")
    facts = dict(zip((d.text for d in p.find("dt")), (d.text for d in p.find("dd")), strict=True))
    assert facts["Stance"] == "oppose"
    assert facts["Issues"] == "The plan as a whole, Territory"
    assert facts["Extractor"].startswith("fake/1")
    assert facts["Date"] == "2025-11-28"
    # the party by the name every other page gives it (a user's "broker" is "Ostmere Trade
    # Office"), not by its id
    assert "Volodymyr Zelensky (Ukraine)" in " ".join(facts["Speaker"].split())
    assert "/documents/d2" in p.links
    assert "/actors/volodymyr-zelensky" in p.links


def test_statement_page_lists_the_other_outlets_of_its_claim(client: TestClient, store: Store) -> None:
    (wire,) = rows_of(store, document="d1")
    (globe,) = rows_of(store, document="d3")
    p = page(client, f"/statements/{wire['id']}")
    (claim_table,) = [t for t in p.find("table") if "Outlet" in t.text and "Document" in t.text]
    assert "Globe" in claim_table.text and "Wire" not in claim_table.text
    assert f"/statements/{globe['id']}" in p.links
    alone = page(client, f"/statements/{rows_of(store, document='d4')[0]['id']}")
    assert not alone.find("section", **{"aria-labelledby": "claim-h"})


def test_markup_in_documents_is_shown_as_text(client: TestClient, store: Store) -> None:
    (row,) = rows_of(store, document="d2")
    for path in (f"/statements/{row['id']}", "/documents/d2", "/statements", "/", "/positions"):
        html = client.get(path).text
        assert "<script>alert" not in html, path
        assert "<b>must</b>" not in html and "<i>again</i>" not in html, path
    html = client.get("/documents/d2").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    p = Page(html)
    (article,) = p.find("article")
    assert article.text == HOSTILE_TEXT  # every character of the text, none lost to markup
    assert p.find("h1")[0].text == HOSTILE_TITLE


def test_pages_forbid_scripts_to_the_browser(client: TestClient) -> None:
    for path in ("/", "/documents/d2", "/no/such/page"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src" not in policy
        assert "style-src 'self'" in policy


def test_only_web_addresses_become_links(client: TestClient, store: Store) -> None:
    (row,) = rows_of(store, document="d2")
    for path in (f"/statements/{row['id']}", "/documents/d2"):
        p = page(client, path)
        assert not [h for h in p.links if h.lower().startswith("javascript:")]
        assert "(not a web address)" in client.get(path).text
    assert "https://news.example/1" in page(client, "/documents/d1").links


def test_document_page_marks_every_statement_with_a_link(client: TestClient, store: Store) -> None:
    p = page(client, "/documents/d3")
    rows = rows_of(store, document="d3")
    links = [a for a in p.find("a", css="stmt")]
    assert [a.attrs["href"] for a in links] == [f"/statements/{r['id']}" for r in rows]
    assert [a.text for a in links] == [r["content"] for r in rows]
    (article,) = p.find("article")
    assert article.text == TEXT_OF["d3"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("stance=oppose", {"d2", "d4", "d5", "d6"}),
        ("stance=support", {"d1", "d3"}),
        ("outlet=Post", {"d2", "d5"}),
        ("outlet=post", {"d2", "d5"}),  # a name in any case; never part of one
        ("outlet=pos", set()),
        ("issue=territory", {"d2", "d5"}),
        ("actor=Putin", {"d1", "d3", "d5", "d6"}),
        ("actor=vladimir-putin&issue=plan_overall", {"d1", "d3", "d6"}),
        ("since=2025-11-25", {"d2", "d4", "d5", "d6"}),
        ("until=2025-11-24", {"d1", "d3"}),
        ("q=ceasefire", {"d4"}),
        ("q=nothing-like-this", set()),
    ],
)
def test_filters_narrow_the_table(client: TestClient, store: Store, query: str, expected: set[str]) -> None:
    p = page(client, f"/statements?{query}")
    doc_of = {r["id"]: r["document_id"] for r in rows_of(store)}
    assert {doc_of[i] for i in evidence_ids(p)} == expected
    assert len(p.body_rows()) == len(expected)


def test_filter_form_keeps_the_choices_and_labels_every_field(client: TestClient) -> None:
    p = page(client, "/statements?stance=oppose&outlet=Post&q=territory")
    labelled = {lab.attrs["for"] for lab in p.find("label")}
    fields = {el.attrs["id"] for el in p.find() if el.tag in ("input", "select") and "id" in el.attrs}
    assert fields and fields <= labelled
    assert p.find("option", value="oppose", selected="")
    assert p.find("option", value="Post", selected="")
    assert p.find("input", name="q", value="territory")
    typed = page(client, "/statements?outlet=post")  # a name typed in another case is still chosen
    assert typed.find("option", value="Post", selected="")


def test_pages_walk_through_all_rows(client: TestClient, store: Store) -> None:
    seen: list[str] = []
    path: str | None = "/statements?size=2"
    while path:
        p = page(client, path)
        seen += evidence_ids(p)
        nxt = p.find("a", rel="next")
        path = nxt[0].attrs["href"] if nxt else None
    assert seen == [r["id"] for r in rows_of(store)]
    assert len(seen) == 6
    p = page(client, "/statements?size=2&page=3&stance=oppose")
    assert evidence_ids(p) == [] and not p.find("a", rel="next") and p.find("a", rel="prev")


def test_lists_say_how_many_they_show_of_how_many_match(client: TestClient, store: Store) -> None:
    """The command says "50 of 466 statements" and the API gives `total`: the pages say the same."""
    total = len(rows_of(store))
    captions = [c.text for c in page(client, "/statements?size=2&page=2").find("caption")]
    assert captions == [f"Statements, newest first: 3–4 of {total} statements"]
    russia = store.count_statements(StatementFilter(party="russia"))
    (caption,) = page(client, "/statements?party=russia&size=50").find("caption")
    assert caption.text == f"Statements, newest first: {russia} statements"
    (caption,) = page(client, "/documents?size=4").find("caption")
    assert caption.text == f"Documents, newest first: 1–4 of {store.count_documents()} documents"


@pytest.mark.parametrize(
    "query", ["since=yesterday", "until=2025-13-01", "stance=maybe", "size=0", "page=abc", "at=soon"]
)
def test_bad_filters_are_an_html_400(client: TestClient, query: str) -> None:
    """Values the page reads itself are a 400; those the parameter types refuse, the app's 422."""
    path = ("/positions?" if query.startswith("at=") else "/statements?") + query
    p = page(client, path, 422 if query in ("size=0", "page=abc") else 400)
    assert p.find(role="alert")


def test_an_actor_filter_that_names_no_actor_is_a_404_saying_so(client: TestClient) -> None:
    """The command exits 5 and the API answers 404 on `actor=nobody`: the page says it too,
    where it listed no statements as if the actor had said nothing."""
    p = page(client, "/statements?actor=Nobody+Atall", 404)
    (alert,) = p.find(role="alert")
    assert "no actor 'Nobody Atall'" in alert.text and "Actors page" in alert.text
    assert p.find("input", name="actor", value="Nobody Atall")  # the form keeps what was typed


@pytest.mark.parametrize(
    "path",
    [
        "/statements/0000000000000000",
        "/documents/no-such-doc",
        "/actors/nobody",
        "/plans/no-plan",
        "/plans/peace-plan?version=99-points",
        "/plans/peace-plan?old=28-points&new=99-points",
        "/positions/cell?party=russia&issue=ceasefire",
        "/static/missing.css",
        "/no/such/page",
    ],
)
def test_unknown_records_are_html_404s(client: TestClient, path: str) -> None:
    p = page(client, path, 404)
    assert p.find("h1")[0].text == "Not found"
    assert "/" in p.links  # a way back


def test_actor_page_shows_stance_over_time_per_issue(client: TestClient, store: Store) -> None:
    p = page(client, "/actors/vladimir-putin")
    facts = dict(zip((d.text for d in p.find("dt")), (d.text for d in p.find("dd")), strict=True))
    assert facts["Party"] == "Russia"
    assert facts["Statements"] == "4"
    assert "Putin" in facts["Also called"].split("; ")
    headings = [h.text for h in p.find("h2")]
    assert headings == ["The plan as a whole", "Security guarantees", "Territory"]
    plan_days = p.body_rows("stance-days")  # the first issue: the plan, support then opposition
    days = [[c.text for c in row.children] for row in plan_days]
    assert days == [["2025-11-20", "2", "", "", ""], ["2025-11-27", "", "1", "", ""]]
    link = plan_days[1].children[2].children[0].attrs["href"]
    p2 = page(client, link)
    (d6,) = rows_of(store, document="d6")
    assert evidence_ids(p2) == [d6["id"]]


def test_actor_ids_with_any_characters_round_trip(client: TestClient) -> None:
    p = page(client, "/")
    name_actor = next(h for h in p.links if h.startswith("/actors/name"))
    assert "%3A" in name_actor  # the colon of name:... is encoded in the link
    assert page(client, name_actor).find("h1")[0].text == "Marta Kowalczyk"
    assert client.get("/actors/" + quote("name:marta-kowalczyk", safe="")).status_code == 200


def test_positions_matrix_cells_link_to_their_statements(client: TestClient) -> None:
    p = page(client, "/positions")
    cells = matrix_links(p)
    href = "/positions/cell?party=russia&issue=plan_overall"
    # two supports and a later oppose: the balance holds, the later stance is shown beside it
    assert cells[href] == "support2 support · 1 opposelatest: oppose"
    heads = [th.text for th in p.find("th") if th.attrs.get("scope") == "col"]
    assert "TerritoryUkraine withdraws from Donbas" in heads  # the proposition heads its column
    assert "Russia" in [th.text for th in p.find("th") if th.attrs.get("scope") == "row"]
    assert cells["/positions/cell?party=ukraine&issue=territory"].startswith("oppose")
    assert cells["/positions/cell?party=unaffiliated&issue=ceasefire"].startswith("oppose")
    # the quote is the strongest statement of the cell's stance, as the API and the CLI give it,
    # not the later oppose
    quotes = {
        a.attrs["href"]: q.text
        for td in p.find("td")
        for a in td.children
        for q in td.children
        if a.tag == "a" and q.tag == "q"
    }
    api = client.get("/api/v1/positions").json()
    (russia,) = [c for c in api["cells"] if (c["row"], c["column"]) == ("russia", "plan_overall")]
    assert russia["quote"]["stance"] == "support"
    assert quotes[href].rstrip("…") and russia["quote"]["text"].startswith(quotes[href].rstrip("…"))
    cell = page(client, href)
    outlets = [row.children[4].text for row in cell.body_rows()]
    assert outlets[0] == "Wire" and sorted(outlets[1:]) == ["Globe", "Wire"]  # newest first
    assert [row.children[3].text for row in cell.body_rows()] == ["oppose", "support", "support"]


def test_one_later_statement_is_no_shift(client: TestClient) -> None:
    assert page(client, "/positions").find("table", css="shifts") == []


def test_undated_statements_are_shown_and_counted_apart(tmp_path: Path) -> None:
    def doc(n: int, text: str, day: int | None) -> Document:
        when = date(2025, 11, day) if day else None
        return Document(
            id=f"u{n}", text=text, outlet="Wire", published=when, url=f"https://news.example/u{n}"
        )

    url = f"sqlite:///{tmp_path / 'undated.db'}"
    with Store.open(url) as s:
        s.add_actors(
            [
                Actor("vladimir-putin", "Vladimir Putin", party="russia"),
                Actor("volodymyr-zelensky", "Volodymyr Zelensky", party="ukraine"),
            ]
        )
        docs = [
            doc(1, "Vladimir Putin said the plan was a basis for talks.", 20),
            doc(2, "Vladimir Putin said the plan was not acceptable as written.", 22),
            doc(3, "Vladimir Putin said the plan would not do.", 24),
            doc(4, "Volodymyr Zelensky said territory would never be handed over.", None),
            doc(5, "Vladimir Putin said the plan was a good start.", None),
        ]
        ingest(docs, s, Settings(), extractor_factory=make_fake)
    with TestClient(create_app(url)) as c:
        p = page(c, "/positions")
        (note, _) = [e.text for e in p.find("p", css="undated")]
        assert note.startswith("2 undated statements not placed in time")
        cells = matrix_links(p)
        assert (
            cells["/positions/cell?party=russia&issue=plan_overall"] == "oppose1 support · 2 oppose+1 undated"
        )
        assert cells["/positions/cell?party=ukraine&issue=territory"] == "undated1 not placed in time"
        # one dated "support" before the two "oppose" is no evidence of a position: no shift
        assert not p.find("table", css="shifts") or p.body_rows("shifts") == []
        cell = page(c, "/positions/cell?party=ukraine&issue=territory")
        assert [row.children[0].text for row in cell.body_rows()] == ["undated"]
        assert "none of these statements is dated" in " ".join(e.text for e in cell.find("p"))
        early = page(c, "/positions?at=2025-11-01")  # before every dated statement
        assert early.find("p", css="undated")[0].text.startswith("2 undated statements")


def test_positions_as_of_a_date_leave_out_later_statements(client: TestClient) -> None:
    p = page(client, "/positions?at=2025-11-21")
    cells = matrix_links(p)
    (href,) = cells
    assert href == "/positions/cell?party=russia&issue=plan_overall&at=2025-11-21"
    assert cells[href] == "support2 support"
    assert len(page(client, href).body_rows()) == 2
    assert client.get("/positions/cell?party=russia&issue=territory&at=2025-11-21").status_code == 404


def test_positions_by_the_points_of_a_plan(client: TestClient, store: Store) -> None:
    p = page(client, "/positions?plan=guarantees")
    # the points, in the plan's order; "the ceasefire would not hold" names point 10's terms, and
    # shares only the issue with point 2, which links nothing
    assert [abbr.text for abbr in p.find("abbr")] == ["1", "10"]
    cells = matrix_links(p)
    href = "/positions/cell?party=russia&point=1&plan=guarantees"
    assert cells[href].startswith("oppose")
    assert "/positions/cell?party=unaffiliated&point=10&plan=guarantees" in cells
    cell = page(client, href)
    (d5,) = rows_of(store, document="d5")
    assert evidence_ids(cell) == [d5["id"]]
    assert "Territory guarantees will be accepted" in cell.find("blockquote")[0].text
    assert page(client, "/positions?plan=nothing", 404)


def test_plan_page_shows_versions_points_and_the_diff(client: TestClient) -> None:
    listing = page(client, "/plans")
    assert "/plans/peace-plan" in listing.links
    single = page(client, "/plans/guarantees")  # one version: its points, nothing to compare
    assert not single.find("table", css="diff") and len(single.find("ul", css="points")[0].children) == 3
    p = page(client, "/plans/peace-plan")
    diff = p.find("table", css="diff")[0]
    kinds = [c.children[0].text for c in p.body_rows("diff")]
    assert kinds == ["kept", "modified", "removed"]
    assert [d.text for d in p.find("del")] == ["further."]
    assert [i.text for i in p.find("ins")] == ["further without consent."]
    assert "600,000" in diff.text
    points = p.find("ul", css="points")[0]
    assert len(points.children) == 2  # the latest version is shown
    old = page(client, "/plans/peace-plan?version=28-points")
    assert len(old.find("ul", css="points")[0].children) == 3
    reverse = page(client, "/plans/peace-plan?old=19-points&new=28-points")
    assert [c.children[0].text for c in reverse.body_rows("diff")][-1] == "added"


def test_stylesheet_is_served_from_the_package(client: TestClient) -> None:
    p = page(client, "/")
    (css,) = [el.attrs["href"] for el in p.find("link", rel="stylesheet")]
    r = client.get(css)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert ".stance-oppose" in r.text
    assert not [el for el in p.find("script")]  # the pages need no JavaScript


def test_cell_pages_are_paginated(client: TestClient) -> None:
    first = page(client, "/positions/cell?party=russia&issue=plan_overall&size=2")
    assert len(first.body_rows()) == 2
    (nxt,) = first.find("a", rel="next")
    second = page(client, nxt.attrs["href"])
    assert len(second.body_rows()) == 1 and not second.find("a", rel="next")
    assert set(evidence_ids(first)).isdisjoint(evidence_ids(second))


def test_pages_follow_corrections_made_while_serving(tmp_path: Path) -> None:
    url = build_store(tmp_path / "live.db")

    def counted(client: TestClient) -> str:
        return next(
            a.text
            for a in page(client, "/").find("a")
            if a.attrs["href"] == "/statements" and a.text.isdigit()
        )

    app = create_app(url)
    # a change made elsewhere (here: straight into the store, as `redline correct` does) may be
    # answered from before it for up to MAX_STALE seconds, while the new result is computed
    # (tests/api/test_revision_cache.py); with no staleness allowed every page follows it at once
    app.state.revision_cache.max_stale = 0
    with TestClient(app) as client, Store.open(url) as store:
        before = page(client, "/positions")
        assert "/positions/cell?party=ukraine&issue=plan_overall" in before.links
        assert counted(client) == "6"
        (zelensky,) = rows_of(store, document="d2")
        store.correct(zelensky["id"], Correction(reject=True))
        after = page(client, "/positions")
        assert "/positions/cell?party=ukraine&issue=plan_overall" not in after.links
        assert counted(client) == "5"  # the overview's cached counts were refreshed too
        assert zelensky["id"] not in evidence_ids(page(client, "/statements"))


def test_reconstructed_version_links_each_reported_change_to_its_statement(
    client: TestClient, store: Store
) -> None:
    p = page(client, "/plans/peace-plan?version=reported")
    rows = p.body_rows("reconstruction")
    assert [(r.children[0].text, r.children[1].text) for r in rows] == [
        ("1", "unchanged"),
        ("2", "unchanged"),
        ("3", "removed"),
    ]
    (d6,) = rows_of(store, document="d6")
    (link,) = rows[2].children[3].children
    assert link.attrs["href"] == f"/statements/{d6['id']}"
    assert "the army cap was dropped" in link.text
    assert not page(client, "/plans/peace-plan").find("table", css="reconstruction")


@pytest.mark.parametrize(
    ("error", "status"), [(StoreError("database is locked"), 503), (NotFoundError("no such plan"), 404)]
)
def test_library_errors_become_html_pages(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, error: Exception, status: int
) -> None:
    def fail() -> None:
        raise error

    monkeypatch.setattr(client.app.state.store, "plan_names", fail)
    p = page(client, "/", status)
    assert str(error).split(" (")[0] in p.find("p", role="alert")[0].text


def test_a_big_cell_paged_by_index_shows_what_the_whole_read_shows(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cell over ``PAGED_CELL`` statements reads only its page along the issue's date index
    and takes its total from the matrix: every cell's pages read so are the pages read whole."""
    from redline.web import analysis_pages

    links = [h for at in ("", "?at=2025-11-21") for h in matrix_links(page(client, "/positions" + at))]
    assert len(links) > 2

    def pages() -> list[str]:
        return [client.get(f"{h}&size=1&page={n}").text for h in links for n in (1, 2, 3)]

    whole = pages()
    monkeypatch.setattr(analysis_pages, "PAGED_CELL", 0)
    assert pages() == whole
