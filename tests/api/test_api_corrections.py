"""POST corrections: read-only without a token, 401 with a wrong one, stored and kept across reprocess."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api_corpus import TOKEN, assert_error
from fakes import make_fake_v2
from redline.config import Settings
from redline.ingest import reprocess
from redline.store import StatementFilter, Store


def sanctions_id(client: TestClient) -> str:
    rows = client.get("/api/v1/statements", params={"q": "sanctions"}).json()["items"]
    assert len(rows) == 1
    sid: str = rows[0]["id"]
    return sid


def test_without_a_configured_token_writes_are_forbidden(client: TestClient, db: str) -> None:
    sid = sanctions_id(client)
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        r = client.post(f"/api/v1/statements/{sid}/corrections", json={"stance": "oppose"}, headers=headers)
        err = assert_error(r, 403, "forbidden")
        assert "REDLINE_API_TOKEN" in str(err["hint"])
    with Store.open(db) as store:
        assert store.statement(sid)["overrides"] == []  # type: ignore[index]
    assert client.get("/api/v1/health").json()["read_only"] is True


def test_missing_or_wrong_token_is_401(writer: TestClient) -> None:
    sid = sanctions_id(writer)
    url = f"/api/v1/statements/{sid}/corrections"
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        r = writer.post(url, json={"stance": "oppose"}, headers=headers)
        assert_error(r, 401, "unauthorized")
        assert r.headers["www-authenticate"] == "Bearer"
    assert writer.get(f"/api/v1/statements/{sid}").json()["stance"] == "support"


def test_correction_is_stored_and_survives_reprocess(writer: TestClient, db: str) -> None:
    sid = sanctions_id(writer)
    r = writer.post(
        f"/api/v1/statements/{sid}/corrections",
        json={"stance": "conditional", "issues": ["sanctions_economy", "process"], "note": "needs a deal"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["override_id"] >= 1
    st = body["statement"]
    assert st["stance"] == "conditional" and st["issues"] == ["sanctions_economy", "process"]
    assert st["machine"]["stance"] == "support"
    assert [(o["stance"], o["who"], o["note"]) for o in st["overrides"]] == [
        ("conditional", "api", "needs a deal")
    ]
    # persisted: another connection to the database sees the override
    with Store.open(db) as store:
        assert store.statements(StatementFilter(stance="conditional"))[0]["id"] == sid
    assert writer.get("/api/v1/health").json()["read_only"] is False

    # a new extractor version moves the offsets, so the statement gets a new id
    with Store.open(db) as store:
        report = reprocess(store, Settings(), extractor_factory=make_fake_v2)
    assert report.stored == 4
    rows = writer.get("/api/v1/statements", params={"issue": "process"}).json()["items"]
    assert len(rows) == 1 and rows[0]["id"] != sid and rows[0]["extractor"] == "fake/2"
    again = writer.get(f"/api/v1/statements/{rows[0]['id']}").json()
    assert again["stance"] == "conditional" and again["machine"]["stance"] == "support"
    assert [o["attached"] for o in again["overrides"]] == ["overlap"]
    assert writer.get(f"/api/v1/statements/{sid}").status_code == 404


def test_a_corrected_date_is_the_statements_day_and_the_machines_stays_beside_it(writer: TestClient) -> None:
    sid = sanctions_id(writer)
    before = writer.get(f"/api/v1/statements/{sid}").json()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    url = f"/api/v1/statements/{sid}/corrections"
    r = writer.post(url, json={"date": "2025-11-18", "note": "said at the summit"}, headers=auth)
    assert r.status_code == 200, r.text
    st = r.json()["statement"]
    assert st["date"] == "2025-11-18" and st["machine"]["date"] == before["date"]
    assert [(o["date"], o["undated"]) for o in st["overrides"]] == [("2025-11-18", False)]
    rows = writer.get("/api/v1/statements", params={"since": "2025-11-18", "until": "2025-11-18"}).json()
    assert [x["id"] for x in rows["items"]] == [sid]
    cleared = writer.post(url, json={"undated": True}, headers=auth).json()["statement"]
    assert cleared["date"] is None and cleared["overrides"][-1]["undated"] is True
    both = writer.post(url, json={"date": "2025-11-18", "undated": True}, headers=auth)
    assert_error(both, 400, "bad_request")
    assert_error(writer.post(url, json={"date": "last week"}, headers=auth), 422, "validation_error")


def test_speaker_correction_creates_the_actor(writer: TestClient) -> None:
    sid = sanctions_id(writer)
    r = writer.post(
        f"/api/v1/statements/{sid}/corrections",
        json={"speaker": "Yuri Ushakov", "who": "reviewer"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["statement"]["speaker"]["name"] == "Yuri Ushakov"
    rows = writer.get("/api/v1/statements", params={"actor": "Yuri Ushakov"}).json()["items"]
    assert [s["id"] for s in rows] == [sid]


def test_a_rejected_statement_leaves_its_claim_at_once(writer: TestClient) -> None:
    def claimed() -> int:
        return sum(
            c["n_statements"] for c in writer.get("/api/v1/claims", params={"limit": 500}).json()["items"]
        )

    before = claimed()
    assert before > 0
    victim = writer.get("/api/v1/statements", params={"limit": 1}).json()["items"][0]["id"]
    r = writer.post(
        f"/api/v1/statements/{victim}/corrections",
        json={"reject": True},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 200, r.text
    assert claimed() == before - 1
