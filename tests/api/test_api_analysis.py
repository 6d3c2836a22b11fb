"""Plans, diffs, positions and the timeline over HTTP, and the health report."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from redline.analysis import positions_report as report
from redline.api import models


def test_plans_and_versions(client: TestClient) -> None:
    plans = client.get("/api/v1/plans").json()
    assert [(p["name"], [v["label"] for v in p["versions"]]) for p in plans] == [
        ("peace", ["28-point", "19-point"])
    ]
    versions = client.get("/api/v1/plans/peace/versions").json()
    assert [(v["label"], v["points"], v["date"]) for v in versions] == [
        ("28-point", 3, "2025-11-20"),
        ("19-point", 2, "2025-11-24"),
    ]
    v = client.get("/api/v1/plans/peace/versions/28-point").json()
    assert [p["number"] for p in v["points"]] == ["1", "2", "3"]
    assert v["points"][2] == {
        "number": "3",
        "text": "Ukraine renounces NATO membership.",
        "heading": None,
        "issues": ["nato"],
        "pax_codes": [],
        "text_status": "known",
        "agreement": None,
        "disputed_by": [],
        "lang": None,
        "gloss": None,
    }
    assert v["reconstruction"] is None and v["source"] == "https://example.org/28"


def test_diff(client: TestClient) -> None:
    d = client.get("/api/v1/plans/peace/diff", params={"from": "28-point", "to": "19-point"}).json()
    assert (d["old"]["label"], d["new"]["label"]) == ("28-point", "19-point")
    assert d["counts"]["kept"] == 1
    kinds = [c["kind"] for c in d["changes"]]
    assert kinds[0] == "kept" and "removed" in kinds
    assert sum(d["counts"].values()) == len(d["changes"])


def test_positions_by_party_and_as_of_a_date(client: TestClient) -> None:
    p = client.get("/api/v1/positions").json()
    cells = {(c["row"], c["column"]): c for c in p["cells"]}
    assert cells[("ukraine", "territory")]["stance"] == "oppose"
    assert cells[("russia", "plan_overall")]["supporting"] == 2
    quote = cells[("ukraine", "territory")]["quote"]
    assert quote["text"] == "territory would never be ceded" and quote["document_id"] == "d1"
    early = client.get("/api/v1/positions", params={"at": "2025-11-21"}).json()
    assert {c["row"] for c in early["cells"]} == {"russia", "ukraine", "united_states"}
    assert ("russia", "nato") not in {(c["row"], c["column"]) for c in early["cells"]}
    by_actor = client.get("/api/v1/positions", params={"by": "actor", "issue": "nato"}).json()
    assert {(c["row"], c["stance"]) for c in by_actor["cells"]} == {
        ("Dmitry Peskov", "oppose"),
        ("Marco Rubio", "support"),
    }


def test_positions_by_plan_point(client: TestClient) -> None:
    p = client.get("/api/v1/positions", params={"plan": "peace", "version": "28-point"}).json()
    assert p["version"] == "28-point" and p["plan"] == "peace"
    # the two statements about NATO link to point 3, the NATO point
    assert [c["id"] for c in p["columns"]] == ["3"]
    assert {(c["row"], c["stance"]) for c in p["cells"]} == {
        ("russia", "oppose"),
        ("united_states", "support"),
    }
    assert {c["proposition"] for c in p["cells"]} == {"Ukraine renounces NATO membership."}


@pytest.mark.parametrize("option", ["lineage", "version"])
def test_a_plan_option_without_a_plan_is_refused(client: TestClient, option: str) -> None:
    """`lineage=US` without `plan` answered the issue matrix as if it were the US drafts' points."""
    r = client.get("/api/v1/positions", params={option: "28-point"})
    assert r.status_code == 422
    assert f"'{option}' needs 'plan'" in r.json()["error"]["message"]


def test_timeline_in_date_order_with_filters_and_pages(client: TestClient) -> None:
    body = client.get("/api/v1/timeline").json()
    dates = [e["date"] for e in body["items"]]
    assert dates == sorted(dates) and len(dates) == 8 and body["next"] is None
    nato = client.get("/api/v1/timeline", params={"issue": "nato"}).json()["items"]
    assert [e["text"] for e in nato] == ["the NATO question was still open", "NATO would not come closer"]
    first = client.get("/api/v1/timeline", params={"limit": 5}).json()
    rest = client.get(first["next"]).json()
    assert (first["total"], first["undated"], first["dated_by_document"]) == (8, 0, 0)  # over all pages
    assert [e["text"] for e in first["items"] + rest["items"]] == [e["text"] for e in body["items"]]


def test_health(client: TestClient) -> None:
    h = client.get("/api/v1/health").json()
    assert h["status"] == "ok" and h["database"] == "sqlite"
    assert h["extractors"] == {"fake/1": 4}
    assert h["counts"]["statements"] == 8 and h["counts"]["documents"] == 4
    assert h["migrations"][0] == "0001_core_tables" and h["pending_migrations"] == []


def test_analyses_see_a_correction_made_after_they_were_cached(writer: TestClient) -> None:
    def territory() -> str:
        cells = writer.get("/api/v1/positions").json()["cells"]
        cell = next(c for c in cells if (c["row"], c["column"]) == ("ukraine", "territory"))
        assert cell["quote"]["stance"] == cell["stance"]  # the quote as corrected too (``quote_cache``)
        stance: str = cell["stance"]
        return stance

    assert territory() == "oppose"
    sid = writer.get("/api/v1/statements", params={"issue": "territory"}).json()["items"][0]["id"]
    r = writer.post(
        f"/api/v1/statements/{sid}/corrections",
        json={"stance": "conditional"},
        headers={"Authorization": "Bearer s3cret-token"},
    )
    assert r.status_code == 200
    assert territory() == "conditional"
    timeline = writer.get("/api/v1/timeline", params={"issue": "territory"}).json()["items"]
    assert [e["detail"] for e in timeline] == ["conditional"]


def test_positions_and_timeline_never_read_the_corpus(
    writer: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They are answered from the store's tallies, links and sorted queries: a call costs the same
    during an ingest; the links of a plan version are made once, then only for new statements."""
    from redline.analysis import negotiation, stored_positions
    from redline.analysis.db_repository import SqlPlanRepository
    from redline.analysis.negotiation import positions_version

    def refused(*args: object, **kwargs: object) -> object:
        raise AssertionError("the corpus was read")

    linked: list[int] = []
    real_link = stored_positions.link_version

    def counted(*args: object, **kwargs: object) -> int:
        n = real_link(*args, **kwargs)  # type: ignore[arg-type]
        linked.append(n)
        return n

    monkeypatch.setattr(negotiation, "read_corpus", refused)
    monkeypatch.setattr(stored_positions, "link_version", counted)
    assert writer.get("/api/v1/positions").json()["cells"]
    assert writer.get("/api/v1/positions", params={"by": "actor", "at": "2025-11-22"}).is_success
    assert writer.get("/api/v1/timeline", params={"actor": "putin"}).json()["items"]
    # links need a point's own terms (analysis.linking): this corpus may link none, but it is linked
    first = writer.get("/api/v1/positions", params={"plan": "peace"})
    assert first.is_success and linked[0] > 0
    # making the links moved the store's revision: the result is cached as of that revision,
    # so the next call is answered from the cache, links not even looked at
    store = writer.app.state.store  # type: ignore[attr-defined]
    assert first.headers["X-Redline-Revision"] == str(store.tally_revision())
    assert writer.get("/api/v1/positions", params={"plan": "peace"}).is_success
    assert len(linked) == 1
    version = positions_version(SqlPlanRepository(store), "peace", None, None)
    assert real_link(store, version) == 0  # and they are complete


def _mirrors(dc: type, model: type[BaseModel]) -> None:
    """The pydantic model has the dataclass's fields, in order, nested models mirroring nested dataclasses."""
    hints = typing.get_type_hints(dc)
    assert [f.name for f in dataclasses.fields(dc)] == list(model.model_fields), model.__name__
    for name, field in model.model_fields.items():
        inner_dc = [a for a in (*typing.get_args(hints[name]), hints[name]) if dataclasses.is_dataclass(a)]
        ann = field.annotation
        inner_model = [
            a
            for a in (*typing.get_args(ann), ann)
            if isinstance(a, type) and not isinstance(a, types.GenericAlias) and issubclass(a, BaseModel)
        ]
        assert len(inner_dc) == len(inner_model), (model.__name__, name)
        for d, m in zip(inner_dc, inner_model, strict=True):
            assert isinstance(d, type)
            _mirrors(d, m)


def test_positions_body_is_the_report_the_cli_and_export_write() -> None:
    _mirrors(report.PositionsReport, models.PositionsOut)


def test_positions_and_timeline_say_the_store_revision_they_were_computed_at(
    client: TestClient, db: str
) -> None:
    from redline.store import Store

    with Store.open(db) as store:
        revision = str(store.tally_revision())
    for path in ("/api/v1/positions", "/api/v1/positions?by=actor", "/api/v1/timeline"):
        assert client.get(path).headers["X-Redline-Revision"] == revision, path


def test_a_diff_is_aligned_once_per_pair_of_version_texts(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Aligning two versions depends on nothing else: writes of statements do not align them
    again; a version saved anew with other points does."""
    from redline.analysis import negotiation
    from redline.analysis.db_repository import SqlPlanRepository
    from redline.model import Point
    from redline.store import Correction, StatementFilter

    calls: list[object] = []
    real = negotiation.diff_plan

    def counted(*args: typing.Any) -> typing.Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(negotiation, "diff_plan", counted)
    params = {"from": "28-point", "to": "19-point"}
    first = client.get("/api/v1/plans/peace/diff", params=params).json()
    store = client.app.state.store  # type: ignore[attr-defined]
    revision = store.tally_revision()
    store.correct(store.statements(StatementFilter(limit=1))[0]["id"], Correction(stance="neutral"))
    assert store.tally_revision() != revision  # the store moved
    assert client.get("/api/v1/plans/peace/diff", params=params).json() == first
    assert len(calls) == 1
    repo = SqlPlanRepository(store)
    newer = repo.get_version("peace", "19-point")
    added = Point("9", "Elections are held within one hundred days.")
    repo.save_version(dataclasses.replace(newer, points=[*newer.points, added]))
    again = client.get("/api/v1/plans/peace/diff", params=params).json()
    assert len(calls) == 2 and again != first


@pytest.mark.parametrize(
    "params",
    [{}, {"by": "actor", "quotes": "true"}, {"at": "2025-11-22"}, {"plan": "peace", "version": "28-point"}],
)
def test_positions_body_is_the_report_dict_validated(client: TestClient, params: dict[str, str]) -> None:
    """The body is validated from the report's attributes (no dict made first): the same JSON
    as the report's dict gives."""
    from redline.analysis.db_repository import SqlPlanRepository
    from redline.analysis.row_pages import RowPage
    from redline.analysis.stored_positions import stored_positions

    store = client.app.state.store  # type: ignore[attr-defined]
    by = params.get("by", "party")
    day = date.fromisoformat(params["at"]) if "at" in params else None
    quotes = params.get("quotes", "true" if by == "party" else "false") == "true"
    page = RowPage()
    plan = params.get("plan")
    found = stored_positions(
        store,
        repo=SqlPlanRepository(store) if plan else None,
        plan=plan,
        label=params.get("version"),
        by=by,  # type: ignore[arg-type]
        at=day,
        rows=page,
        quotes=quotes,
    )
    made = report.positions_report(
        found.result,
        by=by,
        documents=found.documents,
        plan=plan,
        page=page,
        quotes=quotes,  # type: ignore[arg-type]
    )
    expected = models.PositionsOut.model_validate(made.to_dict()).model_dump(mode="json")
    body = client.get("/api/v1/positions", params=params).json()
    assert body["cells"] and body == expected
