"""The DNA export: one row per statement and issue, agreement mapping, DNA's layout."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select

from redline.errors import ConfigError
from redline.export import DNA_COLUMNS, agreement, dna_rows, export_dna
from redline.export.network import tally
from redline.knowledge.issues import load_issues
from redline.knowledge.shift_cues import shift_knowledge
from redline.store import StatementFilter, Store
from redline.store.schema import document
from redline.store.tallies import reversal_of

PACKAGED = reversal_of(shift_knowledge())  # the packaged cues and places


def _dna(store: Store, **kw: bool) -> list[dict[str, str]]:
    out = io.StringIO()
    export_dna(store, out, "csv", taxonomy=load_issues(), **kw)
    return list(csv.DictReader(io.StringIO(out.getvalue()), delimiter=";"))


def test_agreement_mapping() -> None:
    assert agreement("support") == (1, "")
    assert agreement("oppose") == (0, "")
    assert agreement("conditional") == (1, "conditional")
    assert agreement("neutral") == (None, "neutral")


def test_rows_are_statement_issue_pairs_in_dna_layout(store: Store) -> None:
    out = io.StringIO()
    export_dna(store, out, taxonomy=load_issues())
    header = out.getvalue().splitlines()[0]
    assert header.startswith("statement_id;time;person;organization;concept;agreement;qualifier;")
    assert header.split(";") == list(DNA_COLUMNS)
    rows = _dna(store)
    sanctions = [r for r in rows if r["text"] == "sanctions must be lifted before any ceasefire"]
    assert [(r["issue"], r["concept"], r["agreement"]) for r in sanctions] == [
        ("ceasefire", "Ceasefire", "1"),
        ("sanctions_economy", "Sanctions and economy", "1"),
    ]
    assert len({r["statement_id"] for r in rows}) == len(rows)  # DNA ids are unique per row
    assert sanctions[0]["person"] == "Vladimir Putin" and sanctions[0]["organization"] == "Russia"
    assert (sanctions[0]["document_source"], sanctions[0]["time"]) == ("Post", "2025-11-21")


def test_conditional_oppose_and_corrections(store: Store) -> None:
    rows = {(r["person"], r["issue"], r["document_id"]): r for r in _dna(store)}
    plan = rows[("Vladimir Putin", "plan_overall", "d1")]
    assert (plan["agreement"], plan["qualifier"], plan["coder"]) == ("1", "conditional", "analyst")
    territory = rows[("Volodymyr Zelensky", "territory", "d1")]
    assert (territory["agreement"], territory["qualifier"], territory["coder"]) == ("0", "", "fake/1")
    with store.engine.connect() as conn:
        text = conn.execute(select(document.c.text).where(document.c.id == "d1")).scalar_one()
    assert text[int(territory["start_position"]) : int(territory["stop_position"])] == territory["text"]


def test_neutral_rejected_and_reprints_left_out(store: Store) -> None:
    rows = _dna(store)
    assert not [r for r in rows if r["text"] == "the plan was still being discussed"]
    assert "Marco Rubio" not in {r["person"] for r in rows}
    assert "d3" not in {r["document_id"] for r in rows}
    neutral = [
        r for r in _dna(store, include_neutral=True) if r["text"] == "the plan was still being discussed"
    ]
    assert [(r["agreement"], r["qualifier"]) for r in neutral] == [("", "neutral")]


def test_a_generic_issue_after_a_specific_one_is_no_stance_on_it() -> None:
    record = {
        "id": "s",
        "speaker": "A",
        "stance": "oppose",
        "issues": ["military_limits", "plan_overall", "nato"],
        "corrected": False,
        "extractor": "x",
        "date": None,
        "published": "2025-11-20",
        "party": None,
        "content": "t",
        "content_start": 0,
        "content_end": 1,
        "document_id": "d",
        "title": None,
        "outlet": None,
        "url": None,
    }
    assert [r["issue"] for r in dna_rows([record], reversal=PACKAGED)] == ["military_limits", "nato"]
    assert next(dna_rows([record], reversal=PACKAGED))["time"] == "2025-11-20"
    assert list(dna_rows([{**record, "speaker": None}], reversal=PACKAGED)) == []


def test_xml_is_refused_with_a_reason(store: Store) -> None:
    with pytest.raises(ConfigError, match="no XML"):
        export_dna(store, io.StringIO(), "xml")
    with pytest.raises(ConfigError, match="cannot export DNA statements as 'tsv'"):
        export_dna(store, io.StringIO(), "tsv", StatementFilter())


def _record(content: str, issues: list[str]) -> dict[str, object]:
    keys = (
        "id",
        "date",
        "published",
        "content_start",
        "content_end",
        "document_id",
        "title",
        "outlet",
        "url",
    )
    return dict.fromkeys(keys, "x") | {
        "speaker": "Vladimir Putin",
        "party": "russia",
        "actor_id": "vladimir-putin",
        "stance": "oppose",
        "corrected": False,
        "extractor": "test/1",
        "issues": issues,
        "content": content,
    }


def test_a_reversal_counts_on_the_plan_in_the_exports_as_in_the_matrix() -> None:
    turned = _record("no truce now, and our position will be revised", ["ceasefire", "plan_overall"])
    plain = _record("no truce now, and the plan is far off", ["ceasefire", "plan_overall"])
    assert [r["issue"] for r in dna_rows([turned], reversal=PACKAGED)] == ["ceasefire", "plan_overall"]
    # no stance on the plan as a whole
    assert [r["issue"] for r in dna_rows([plain], reversal=PACKAGED)] == ["ceasefire"]
    assert set(tally([turned], PACKAGED).stances) == {
        ("vladimir-putin", "ceasefire"),
        ("vladimir-putin", "plan_overall"),
    }


def test_organization_is_the_party_name_the_user_declared(store: Store) -> None:
    from redline.analysis.positions_report import PartyNames

    out = io.StringIO()
    export_dna(store, out, "csv", taxonomy=load_issues(), parties=PartyNames({"russia": "The Russian side"}))
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter=";"))
    organizations = {r["organization"] for r in rows}
    assert "The Russian side" in organizations
    assert "russia" not in organizations
