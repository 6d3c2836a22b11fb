"""The store's export records on every backend (SQLite; PostgreSQL when REDLINE_TEST_PG_URL is set)."""

from __future__ import annotations

from export_corpus import FIRST, build_corpus
from redline.store import StatementFilter, Store


def test_records_are_streamed_in_order_with_corrections(db_url: str) -> None:
    build_corpus(db_url)
    with Store.open(db_url) as store:
        rows = list(store.iter_statement_records(StatementFilter(include_rejected=True, limit=2)))
        # every date is the document's here, so the order is document, then offset
        assert [(r["document_id"], r["content"]) for r in rows] == [
            ("d1", "the plan could be a basis for a settlement"),
            ("d1", "Ukraine would never give up territory"),
            ("d1", "the ceasefire talks were going well"),
            ("d2", "territory in Donbas must be handed over"),
            ("d2", "NATO membership should not be ruled out"),
            ("d2", "sanctions must be lifted before any ceasefire"),
            ("d4", "the ceasefire must come first"),
            ("d4", "the plan was still being discussed"),
        ]
        assert [FIRST.index(r["content"]) for r in rows[:3]] == [r["content_start"] for r in rows[:3]]
        first = rows[0]
        assert (first["date"], first["published"], first["stance"], first["corrected"]) == (
            "2025-11-20",
            "2025-11-20",
            "conditional",
            True,
        )
        assert [r["rejected"] for r in rows].count(True) == 1
        docs = list(store.iter_document_records())
        assert [(d["id"], d["statements"], d["duplicate_of"]) for d in docs] == [
            ("d1", 2, None),
            ("d2", 3, None),
            ("d3", 0, "d1"),
            ("d4", 2, None),
        ]
        assert store.actor_records()["vladimir-putin"] == {
            "name": "Vladimir Putin",
            "kind": "kb",
            "party": "russia",
        }
