"""The quotes a positions answer cites are kept across writes that only add (``store.quote_cache``),
and never served from before a change of a stored statement or document: a correction, a
reprocess, or a change made in SQL by another program."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Connection

from redline.model import Document, Extraction, Span, Speaker, Statement
from redline.store import Correction, Prepared, Store, fingerprint, quote_cache


def _extraction(
    n: int, said: str = "the border talks should resume next week", outlet: str = "Wire"
) -> Extraction:
    text_ = f"Anna Berg said that {said}."
    start = text_.index(said)
    st = Statement(
        id=f"c{n}-0",
        document_id=f"c{n}",
        content=Span(said, start, start + len(said)),
        kind="indirect",
        speaker=Speaker("Anna Berg", None, Span("Anna Berg", 0, 9)),
        cue=Span("said", 10, 14),
        issues=["process"],
        stance="support",
        date=date(2025, 11, n),
        confidence=0.75,
        extractor="test/1",
    )
    doc = Document(f"c{n}", text_, f"https://example.org/c{n}", f"Report {n}", date(2025, 11, n), outlet)
    return Extraction(doc, [st], [], extractor="test/1")


def _prepared(*exs: Extraction) -> list[Prepared]:
    return [
        Prepared(ex, fingerprint(ex.document.text, ex.document.url, ex.document.content_hash)) for ex in exs
    ]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The ids each read of statements asked the database for."""
    seen: list[set[str]] = []
    read = quote_cache.read_statements

    def spy(conn: Connection, ids: Collection[str]) -> dict[str, Statement]:
        seen.append(set(ids))
        return read(conn, ids)

    monkeypatch.setattr(quote_cache, "read_statements", spy)
    return seen


def test_a_write_that_adds_keeps_the_quotes_read(db_url: str, asked: list[set[str]]) -> None:
    with Store.open(db_url) as store:
        store.write(_prepared(_extraction(1)))
        first = store.statements_by_id(["c1-0"])
        store.write(_prepared(_extraction(2, "a ceasefire must come first")))
        again = store.statements_by_id(["c1-0", "c2-0"])
        assert again["c1-0"] is first["c1-0"]  # kept: not read again after a write that only adds
        assert asked == [{"c1-0"}, {"c2-0"}]
        assert again["c2-0"].content.text == "a ceasefire must come first"


def test_a_correction_is_never_answered_from_before_it(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.write(_prepared(_extraction(1)))
        assert store.statements_by_id(["c1-0"])["c1-0"].stance == "support"
        store.correct("c1-0", Correction(stance="oppose", speaker="Olga Lind"))
        corrected = store.statements_by_id(["c1-0"])["c1-0"]
        assert corrected.stance == "oppose"
        assert corrected.speaker is not None and corrected.speaker.name == "Olga Lind"


def test_a_reprocessed_document_is_quoted_as_it_now_is(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.write(_prepared(_extraction(1)))
        assert store.statements_by_id(["c1-0"])["c1-0"].content.text.startswith("the border")
        assert store.documents_by_id(["c1"])["c1"].published == date(2025, 11, 1)
        redone = _extraction(1)
        redone = replace(redone, document=replace(redone.document, published=date(2025, 11, 3)))
        redone.statements[0].content = Span("the border talks", 20, 36)
        store.replace([redone])
        assert store.statements_by_id(["c1-0"])["c1-0"].content.text == "the border talks"
        assert store.documents_by_id(["c1"])["c1"].published == date(2025, 11, 3)


def test_a_change_made_in_sql_by_another_program_is_seen(db_url: str) -> None:
    with Store.open(db_url) as store, Store.open(db_url) as other:
        store.write(_prepared(_extraction(1)))
        assert store.statements_by_id(["c1-0"])["c1-0"].stance == "support"
        assert store.documents_by_id(["c1"])["c1"].outlet == "Wire"
        with other.engine.begin() as conn:  # no redline code: the database's triggers count it
            conn.execute(text("UPDATE statement SET stance = 'neutral' WHERE id = 'c1-0'"))
        assert store.statements_by_id(["c1-0"])["c1-0"].stance == "neutral"
        assert store.documents_by_id(["c1"])["c1"].outlet == "Wire"
        with other.engine.begin() as conn:
            conn.execute(text("UPDATE document SET outlet = 'Daily' WHERE id = 'c1'"))
        assert store.documents_by_id(["c1"])["c1"].outlet == "Daily"
        with other.engine.begin() as conn:
            conn.execute(text("DELETE FROM statement_issue WHERE statement_id = 'c1-0'"))
            conn.execute(text("DELETE FROM statement WHERE id = 'c1-0'"))
        assert store.statements_by_id(["c1-0"]) == {}


def test_a_database_without_the_counter_keeps_nothing(db_url: str, asked: list[set[str]]) -> None:
    with Store.open(db_url) as store:
        store.write(_prepared(_extraction(1)))
        with store.engine.begin() as conn:
            conn.execute(text(f"DELETE FROM store_revision WHERE name = '{quote_cache.REVISION}'"))
        store.statements_by_id(["c1-0"])
        store.statements_by_id(["c1-0"])
        assert asked == [{"c1-0"}, {"c1-0"}]


def test_what_is_kept_is_bounded(db_url: str, asked: list[set[str]]) -> None:
    with Store.open(db_url) as store:
        store.write(_prepared(_extraction(1), _extraction(2, "a ceasefire must come first")))
        store._quotes = quote_cache.QuoteCache(kept=1)
        store.statements_by_id(["c1-0", "c2-0"])  # more than the bound: none kept
        store.statements_by_id(["c1-0"])
        store.statements_by_id(["c1-0"])  # kept
        store.statements_by_id(["c2-0"])  # kept instead of the other
        store.statements_by_id(["c1-0"])
        assert asked == [{"c1-0", "c2-0"}, {"c1-0"}, {"c2-0"}, {"c1-0"}]


def test_making_the_counter_again_keeps_it_and_counts_each_change_once(db_url: str) -> None:
    """A database that ran this migration under another name, or a repair that runs it again,
    must still open; the counter keeps its value and a change moves it by one, not two."""
    with Store.open(db_url) as store:
        store.write(_prepared(_extraction(1)))
        counter = text(f"SELECT n FROM store_revision WHERE name = '{quote_cache.REVISION}'")
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE statement SET stance = 'neutral' WHERE id = 'c1-0'"))
            before = conn.execute(counter).scalar_one()
            quote_cache.create(conn)
            assert conn.execute(counter).scalar_one() == before
            conn.execute(text("UPDATE statement SET stance = 'oppose' WHERE id = 'c1-0'"))
            assert conn.execute(counter).scalar_one() == before + 1
