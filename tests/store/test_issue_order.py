"""A statement's issues are kept in the order extraction gave them (salience: the first is the one
its stance is toward), not sorted by name: what is counted on the plan as a whole depends on it
(``model.stance_issues``), and every reader of the record sees the first issue first. Migration
0029 restores the order of statements stored sorted. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from redline.analysis.stored_positions import stored_positions
from redline.export.statements import statement_rows
from redline.model import Actor, Document, Extraction, Span, Speaker, Statement
from redline.store import Correction, Prepared, StatementFilter, Store, fingerprint

TEXT = "Mira Holt said the eastern line must stay where it is before any framework is signed."
WORDS = "the eastern line must stay where it is before any framework is signed"
# a demand on territory that names the framework after it: no stance on the plan as a whole
SAID = Statement(
    id="s1",
    document_id="d1",
    content=Span(WORDS, TEXT.index(WORDS), TEXT.index(WORDS) + len(WORDS)),
    kind="indirect",
    speaker=Speaker("Mira Holt", "holt", Span("Mira Holt", 0, 9), "ukraine"),
    issues=["territory", "plan_overall"],
    stance="oppose",
    date=date(2026, 2, 3),
    extractor="test/1",
    issue_stances={"territory": "oppose", "plan_overall": "neutral"},
)
DOC = Document(id="d1", text=TEXT, url="https://example.org/order", outlet="Wire", published=date(2026, 2, 3))


def _write(store: Store) -> None:
    store.add_actors([Actor("holt", "Mira Holt", party="ukraine")])
    ex = Extraction(DOC, [SAID], [], extractor="test/1")
    store.write([Prepared(ex, fingerprint(DOC.text, DOC.url, DOC.content_hash))])


def _columns(store: Store) -> set[str]:
    return {c for _, c in stored_positions(store, by="party").result.matrix.cells}


def test_the_store_keeps_the_extracted_issue_order(db_url: str) -> None:
    with Store.open(db_url) as store:
        _write(store)
        record = store.statement("s1")
        assert record is not None
        assert record["issues"] == ["territory", "plan_overall"]
        assert record["machine"]["issues"] == ["territory", "plan_overall"]
        assert [r["issues"] for r in store.statements(StatementFilter(limit=None))] == [
            ["territory", "plan_overall"]
        ]
        assert [r["issues"] for r in statement_rows(store)] == [["territory", "plan_overall"]]
        assert store.statements_by_id(["s1"])["s1"].issues == ["territory", "plan_overall"]
        assert _columns(store) == {"territory"}  # the framework named second is no stance on it


def test_a_correction_keeps_the_salience_order(db_url: str) -> None:
    with Store.open(db_url) as store:
        _write(store)
        store.correct("s1", Correction(issues=("territory", "ceasefire", "plan_overall")))
        record = store.statement("s1")
        assert record is not None
        assert record["issues"] == ["territory", "plan_overall", "ceasefire"]  # kept, then added
        assert _columns(store) == {"territory", "ceasefire"}


def test_migration_0029_restores_the_order_of_sorted_rows(db_url: str) -> None:
    with Store.open(db_url, upto="0028_issue_stances") as old:
        _write(old)
        with old.engine.begin() as conn:  # as a release before 0029 stored it: sorted by name
            conn.execute(
                text("UPDATE statement SET issues = :v, m_issues = :v"),
                {"v": '["plan_overall", "territory"]'},
            )
        old.rebuild_tallies()
        assert _columns(old) == {"plan_overall", "territory"}  # the defect: counted on the plan
    with Store.open(db_url) as store:
        record = store.statement("s1")
        assert record is not None
        assert record["issues"] == ["territory", "plan_overall"]
        assert record["machine"]["issues"] == ["territory", "plan_overall"]
        assert _columns(store) == {"territory"}  # recounted
