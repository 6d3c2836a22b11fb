"""Every list carries ``total``: how many items the query matches over all its pages ("2 of 7")."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_corpus import N_STATEMENTS


@pytest.mark.parametrize("offset", [0, 1, N_STATEMENTS - 1, N_STATEMENTS + 5])
def test_statement_total_is_the_whole_listing_on_every_page(client: TestClient, offset: int) -> None:
    body = client.get("/api/v1/statements", params={"limit": 2, "offset": offset}).json()
    assert body["total"] == N_STATEMENTS
    assert len(body["items"]) == max(0, min(2, N_STATEMENTS - offset))


def test_statement_total_follows_the_filter(client: TestClient) -> None:
    everything = client.get("/api/v1/statements", params={"stance": "oppose", "limit": 500}).json()
    first = client.get("/api/v1/statements", params={"stance": "oppose", "limit": 1}).json()
    assert first["total"] == everything["total"] == len(everything["items"]) > 1
    nothing = {"actor": "Zelensky", "since": "2099-01-01"}  # an actor no statement of the filter has
    assert client.get("/api/v1/statements", params=nothing).json()["total"] == 0


@pytest.mark.parametrize("route", ["documents", "actors", "claims"])
def test_other_lists_carry_their_total(client: TestClient, route: str) -> None:
    everything = client.get(f"/api/v1/{route}", params={"limit": 500}).json()
    first = client.get(f"/api/v1/{route}", params={"limit": 1}).json()
    assert first["total"] == everything["total"] == len(everything["items"])


def test_total_is_in_the_openapi_schema(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name in ("StatementPage", "DocumentPage", "ActorPage", "ClaimPage"):
        assert "total" in schemas[name]["required"]


def test_statement_total_is_counted_once_per_store_revision(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page and client of one listing shares one count until the store moves."""
    store = client.app.state.store  # type: ignore[attr-defined]
    counts: list[object] = []
    real = store.count_statements

    def counted(f: object) -> int:
        counts.append(f)
        return int(real(f))

    monkeypatch.setattr(store, "count_statements", counted)
    totals = {
        client.get("/api/v1/statements", params={"limit": 1, "offset": k}).json()["total"] for k in range(3)
    }
    assert totals == {N_STATEMENTS}
    assert len(counts) == 1
    client.get("/api/v1/statements", params={"limit": 1, "stance": "oppose"})
    assert len(counts) == 2  # another filter, another count


def test_a_search_total_is_exact_up_to_the_cap_and_estimated_beyond(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full-text search's total is counted up to ``SEARCH_COUNTED`` hits; beyond, it is the
    search index's count (a search alone) or the lower bound (with a filter), marked inexact."""
    from redline.store import queries

    def listing(**params: object) -> dict[str, object]:
        body: dict[str, object] = client.get("/api/v1/statements", params={"limit": 1, **params}).json()
        return body

    every = client.get("/api/v1/statements", params={"q": "the", "limit": 500}).json()
    hits = len(every["items"])
    assert hits > 3
    assert listing(q="the") == {**listing(q="the"), "total": hits, "total_exact": True}
    monkeypatch.setattr(queries, "SEARCH_COUNTED", 2)
    alone = listing(q="THE", offset=1)  # the same hits, another listing (not the total kept above)
    assert alone["total_exact"] is False
    assert alone["total"] >= hits  # type: ignore[operator]
    narrowed = listing(q="the", stance="oppose")
    assert narrowed["total_exact"] is (narrowed["total"] <= 2)  # type: ignore[operator]
    assert listing(stance="oppose")["total_exact"] is True  # no search: always counted
