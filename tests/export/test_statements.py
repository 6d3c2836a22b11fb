"""The statements export: provenance columns, offsets, corrections, what is left out, formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import select

from redline.errors import ConfigError
from redline.export import STATEMENT_COLUMNS, export_statements, statement_rows
from redline.knowledge.issues import load_issues
from redline.store import StatementFilter, Store
from redline.store.schema import document


def _csv(store: Store, f: StatementFilter | None = None) -> list[dict[str, str]]:
    out = io.StringIO()
    export_statements(store, out, "csv", f)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_columns_and_offsets_point_into_the_document_text(store: Store) -> None:
    rows = _csv(store)
    assert list(rows[0]) == list(STATEMENT_COLUMNS)
    with store.engine.connect() as conn:
        texts = dict(conn.execute(select(document.c.id, document.c.text)).all())
    assert len(rows) == 7
    for r in rows:
        assert texts[r["document_id"]][int(r["content_start"]) : int(r["content_end"])] == r["content"]


def test_provenance_values(store: Store) -> None:
    row = next(r for r in _csv(store) if r["content"] == "the ceasefire must come first")
    assert {k: row[k] for k in ("document_id", "url", "outlet", "title", "published", "date")} == {
        "document_id": "d4",
        "url": "https://globe.example/a4",
        "outlet": "Globe",
        "title": "Article 4",
        "published": "2025-11-23",
        "date": "2025-11-23",
    }
    assert (row["speaker"], row["actor_id"], row["party"], row["cue"], row["kind"]) == (
        "Emmanuel Macron",
        "emmanuel-macron",
        "europe",
        "",
        "indirect",
    )
    assert (row["issues"], row["stance"], row["extractor"], row["corrected"]) == (
        "ceasefire",
        "support",
        "fake/1",
        "false",
    )


def test_corrections_are_applied_and_flagged(store: Store) -> None:
    rows = {r["content"]: r for r in _csv(store)}
    plan = rows["the plan could be a basis for a settlement"]
    assert (plan["stance"], plan["corrected"]) == ("conditional", "true")
    assert (rows["the plan was still being discussed"]["stance"]) == "neutral"
    assert rows["territory in Donbas must be handed over"]["corrected"] == "false"


def test_rejected_and_reprinted_statements_only_when_asked(store: Store) -> None:
    default = _csv(store)
    assert "the ceasefire talks were going well" not in {r["content"] for r in default}
    assert "d3" not in {r["document_id"] for r in default}
    rejected = _csv(store, StatementFilter(include_rejected=True))
    assert [r["rejected"] for r in rejected if "going well" in r["content"]] == ["true"]
    everything = _csv(store, StatementFilter(include_rejected=True, include_duplicates=True))
    assert len(everything) == 11
    assert {r["duplicate"] for r in everything if r["document_id"] == "d3"} == {"true"}


def test_filters_are_those_of_redline_statements(store: Store) -> None:
    by_actor = _csv(store, StatementFilter(actor="Putin"))
    assert {r["actor_id"] for r in by_actor} == {"vladimir-putin"} and len(by_actor) == 3
    assert [r["content"] for r in _csv(store, StatementFilter(issue="nato"))] == [
        "NATO membership should not be ruled out"
    ]
    assert {r["outlet"] for r in _csv(store, StatementFilter(outlet="Post"))} == {"Post"}
    assert [r["document_id"] for r in _csv(store, StatementFilter(search="Donbas"))] == ["d2"]
    assert {r["stance"] for r in _csv(store, StatementFilter(stance="oppose"))} == {"oppose"}


def test_no_row_limit_and_stable_order(store: Store) -> None:
    rows = list(statement_rows(store, StatementFilter(limit=1)))
    assert len(rows) == 7  # the listing's limit does not cut an export
    keys = [(r["date"], r["document_id"], r["content_start"]) for r in rows]
    assert keys == sorted(keys)


def test_json_and_jsonl_keep_types_and_pax_codes(store: Store) -> None:
    out = io.StringIO()
    export_statements(store, out, "json", taxonomy=load_issues())
    rows = json.loads(out.getvalue())
    row = next(r for r in rows if r["issues"] == ["ceasefire", "sanctions_economy"])
    assert row["corrected"] is False and isinstance(row["content_start"], int)
    assert "Ce" in row["pax"]
    lines = io.StringIO()
    export_statements(store, lines, "jsonl")
    assert [json.loads(line) for line in lines.getvalue().splitlines()] == [{**r, "pax": []} for r in rows]


def test_same_database_same_bytes(store: Store) -> None:
    a, b = io.StringIO(), io.StringIO()
    export_statements(store, a, "csv")
    export_statements(store, b, "csv")
    assert a.getvalue() == b.getvalue()


def test_unknown_format_is_a_config_error(store: Store) -> None:
    with pytest.raises(ConfigError, match="cannot export statements as 'xlsx'"):
        export_statements(store, io.StringIO(), "xlsx")
