"""Documents, actors and claims over HTTP."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api_corpus import ARTICLES


def test_documents_newest_first_with_outlet_filter_and_pages(client: TestClient) -> None:
    body = client.get("/api/v1/documents").json()
    assert [d["id"] for d in body["items"]] == ["d4", "d3", "d2", "d1"]
    assert [d["n_statements"] for d in body["items"]] == [2, 1, 2, 3]
    wire = client.get("/api/v1/documents", params={"outlet": "Wire", "limit": 1}).json()
    assert [d["id"] for d in wire["items"]] == ["d4"]
    assert wire["next"] is not None
    rest = client.get(wire["next"]).json()
    assert [d["id"] for d in rest["items"]] == ["d1"] and rest["next"] is None


def test_document_has_text_metadata_and_statements_in_text_order(client: TestClient) -> None:
    body = client.get("/api/v1/documents/d1").json()
    assert body["text"] == ARTICLES[0].text
    assert (body["title"], body["outlet"], body["published"]) == ("Article 1", "Wire", "2025-11-20")
    starts = [s["content_start"] for s in body["statements"]]
    assert starts == sorted(starts) and len(starts) == 3
    for s in body["statements"]:
        assert body["text"][s["content_start"] : s["content_end"]] == s["content"]


def test_actors_most_quoted_first(client: TestClient) -> None:
    body = client.get("/api/v1/actors", params={"limit": 4}).json()
    top = {(a["id"], a["statements"]) for a in body["items"]}
    assert top == {
        ("dmitry-peskov", 2),
        ("marco-rubio", 2),
        ("vladimir-putin", 2),
        ("volodymyr-zelensky", 2),
    }


def test_actors_are_those_quoted_unless_all_are_asked_for(client: TestClient) -> None:
    quoted = client.get("/api/v1/actors", params={"limit": 200}).json()
    assert quoted["items"] and all(a["statements"] > 0 for a in quoted["items"])
    assert quoted["total"] == len(quoted["items"])
    everyone = client.get("/api/v1/actors", params={"limit": 200, "all": "true"}).json()
    assert everyone["total"] > quoted["total"]  # the knowledge base's people, not yet quoted
    counts = [a["statements"] for a in everyone["items"]]
    assert counts[: quoted["total"]] == [a["statements"] for a in quoted["items"]]
    assert set(counts[quoted["total"] :]) == {0}
    page = client.get("/api/v1/actors", params={"limit": 2, "all": "true"}).json()
    assert "all=true" in page["next"]  # the next page keeps the question


def test_actor_detail_counts_by_issue_and_stance(client: TestClient) -> None:
    body = client.get("/api/v1/actors/volodymyr-zelensky").json()
    assert body["party"] == "ukraine" and body["statements"] == 2
    assert body["by_stance"] == {"oppose": 1, "support": 1}
    assert body["by_issue"] == {"security_guarantees": 1, "territory": 1}
    assert "Zelensky" in {a["text"] for a in body["aliases"]}  # as written; "alias" is the name key


def test_claims_with_source_counts(client: TestClient) -> None:
    body = client.get("/api/v1/claims").json()
    assert len(body["items"]) == 8  # no two reports carry the same statement in this corpus
    putin = client.get("/api/v1/claims", params={"actor": "Putin"}).json()["items"]
    assert {c["content"] for c in putin} == {"the plan could be a basis for a settlement"}
    assert sorted(o for c in putin for o in c["outlets"]) == ["Globe", "Wire"]
    assert all(c["n_statements"] == c["n_outlets"] == 1 for c in putin)


def test_claims_carried_by_several_outlets_only_when_asked(client: TestClient) -> None:
    every = client.get("/api/v1/claims", params={"min_outlets": 1}).json()
    assert every["total"] == 8
    several = client.get("/api/v1/claims", params={"min_outlets": 2}).json()
    assert several["items"] == [] and several["total"] == 0  # each claim here one outlet carried
    assert client.get("/api/v1/claims", params={"min_outlets": 0}).status_code == 422


def test_a_claims_filter_beyond_any_corpus_finds_none(client: TestClient) -> None:
    body = client.get("/api/v1/claims", params={"min_outlets": 100_000}).json()
    assert body["items"] == [] and body["total"] == 0
    assert client.get("/api/v1/claims", params={"min_outlets": 100_001}).status_code == 422
