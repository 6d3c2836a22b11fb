"""The quotes a positions answer cites, read by id as tuples (``Store.statements_by_id``,
``Store.documents_by_id``), are the statements and documents the whole-row reads give: the
effective values after a correction, a cue or none, a speaker or none, dated or undated."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from redline.model import Document, Extraction, Span, Speaker, Statement
from redline.store import Correction, Prepared, Store, fingerprint


def _extraction(n: int, published: date | None) -> Extraction:
    said = f"the talks go on in week {n} in a neutral capital"
    text = f"Anna Berg said that {said}. An aide added nothing."
    start = text.index(said)
    statements = [
        Statement(
            id=f"q{n}-0",
            document_id=f"q{n}",
            content=Span(said, start, start + len(said)),
            kind="indirect",
            speaker=Speaker("Anna Berg", None, Span("Anna Berg", 0, 9)),
            cue=Span("said", 10, 14),
            issues=["process", "ceasefire"],
            stance="support",
            date=published,
            confidence=0.75,
            extractor="test/1",
        ),
        Statement(
            id=f"q{n}-1",
            document_id=f"q{n}",
            content=Span("added nothing", text.index("added"), text.index("added") + 13),
            kind="mixed",
            speaker=None,
            issues=[],
            stance="neutral",
            date=None,
            confidence=0.5,
            extractor="test/1",
        ),
    ]
    doc = Document(f"q{n}", text, f"https://example.org/q{n}", f"Report {n}", published, "Wire", "feed", "en")
    return Extraction(doc, statements, [], extractor="test/1")


def test_quotes_read_by_id_are_the_whole_rows(db_url: str) -> None:
    docs = [_extraction(1, date(2025, 11, 20)), _extraction(2, None)]
    with Store.open(db_url) as store:
        store.write(
            [
                Prepared(ex, fingerprint(ex.document.text, ex.document.url, ex.document.content_hash))
                for ex in docs
            ]
        )
        store.correct("q1-0", Correction(stance="oppose", issues=("territory",), speaker="Olga Lind"))
        whole = {s.id: s for s in store.read(lambda conn: _whole_rows(conn))}
        assert whole["q1-0"].stance == "oppose" and whole["q1-0"].speaker.name == "Olga Lind"  # type: ignore[union-attr]
        assert store.statements_by_id(whole) == whole
        assert store.statements_by_id(["q2-0", "none"]) == {"q2-0": whole["q2-0"]}
        cited = store.documents_by_id(["q1", "q2", "none"])
        assert cited == {ex.document.id: replace(ex.document, text="") for ex in docs}
        assert cited["q2"].published is None and cited["q1"].published == date(2025, 11, 20)


def _whole_rows(conn: object) -> list[Statement]:
    """Every statement read as whole rows (``statement_from_row``), as the corpus reads them."""
    from sqlalchemy import select

    from redline.store.extractions import statement_from_row
    from redline.store.schema import statement

    return [statement_from_row(r) for r in conn.execute(select(statement))]  # type: ignore[attr-defined]
