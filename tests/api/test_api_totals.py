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
    assert client.get("/api/v1/statements", params={"actor": "nobody at all"}).json()["total"] == 0


@pytest.mark.parametrize("route", ["documents", "actors", "claims"])
def test_other_lists_carry_their_total(client: TestClient, route: str) -> None:
    everything = client.get(f"/api/v1/{route}", params={"limit": 500}).json()
    first = client.get(f"/api/v1/{route}", params={"limit": 1}).json()
    assert first["total"] == everything["total"] == len(everything["items"])


def test_total_is_in_the_openapi_schema(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name in ("StatementPage", "DocumentPage", "ActorPage", "ClaimPage"):
        assert "total" in schemas[name]["required"]
