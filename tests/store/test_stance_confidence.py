"""How likely the models found a statement's stance is stored with it, shown, exported, and ranks
the quote a positions cell shows; an analyst's stance counts as certain. On every backend."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from redline.analysis.stored_positions import stored_positions
from redline.export.statements import STATEMENT_COLUMNS, statement_rows
from redline.model import Document, Extraction, Span, Speaker, Statement
from redline.store import Correction, Prepared, Store, fingerprint

TEXT = (
    "Vladimir Putin said: “All lies, from start to end.” "
    "He said the framework could be the basis of a settlement. "
    "Vladimir Putin said that the talks had gone as expected."
)


def _said(words: str, kind: str, stance: str, sure: float, day: int) -> Statement:
    start = TEXT.index(words)
    return Statement(
        id=f"s{start}",
        document_id="d1",
        content=Span(words, start, start + len(words)),
        kind=kind,  # type: ignore[arg-type]
        speaker=Speaker("Vladimir Putin", "putin", Span("Vladimir Putin", 0, 14), "russia"),
        issues=["plan_overall"],
        stance=stance,  # type: ignore[arg-type]
        date=date(2025, 11, day),
        confidence=1.0 if kind == "direct" else 0.9,
        extractor="test/1",
        stance_confidence=sure,
    )


# a direct quote the models doubt (read as support with p 0.35, the latest), a reported
# statement they are sure of, and a report
DOUBTED = _said("All lies, from start to end.", "direct", "support", 0.35, 24)
PLAIN = _said("the framework could be the basis of a settlement", "indirect", "support", 0.92, 21)
REPORT = _said("the talks had gone as expected", "indirect", "neutral", 0.81, 22)


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store.open(db_url)
    d = Document(id="d1", text=TEXT, url="https://example.org/1", outlet="Wire", published=date(2025, 11, 24))
    ex = Extraction(d, [DOUBTED, PLAIN, REPORT], [], extractor="test/1")
    s.write([Prepared(ex, fingerprint(d.text, d.url, d.content_hash))])
    yield s
    s.close()


def _quote(store: Store) -> str | None:
    cell = stored_positions(store, by="actor").result.matrix.get("Vladimir Putin", "plan_overall")
    assert cell is not None and cell.quote is not None
    return cell.quote.id


def test_the_cell_shows_the_statement_the_models_are_sure_of(store: Store) -> None:
    assert _quote(store) == PLAIN.id  # not the later, direct, doubted one
    assert store.statement(DOUBTED.id)["stance_confidence"] == pytest.approx(0.35)
    assert {r["id"]: r["stance_confidence"] for r in statement_rows(store)} == pytest.approx(
        {DOUBTED.id: 0.35, PLAIN.id: 0.92, REPORT.id: 0.81}
    )
    assert "stance_confidence" in STATEMENT_COLUMNS


def test_an_analysts_stance_is_certain(store: Store) -> None:
    store.correct(DOUBTED.id, Correction(stance="conditional", who="ana"))
    assert store.statement(DOUBTED.id)["stance_confidence"] == 1.0
    assert store.statement(DOUBTED.id)["machine"]["stance"] == "support"
    # set back to the machine's stance, it is the machine's reading again, with its doubt
    store.correct(DOUBTED.id, Correction(stance="support", who="ana"))
    assert store.statement(DOUBTED.id)["stance_confidence"] == pytest.approx(0.35)
    assert _quote(store) == PLAIN.id
    # the report an analyst reads as support is the surest statement of support now
    store.correct(REPORT.id, Correction(stance="support", who="ana"))
    assert store.statement(REPORT.id)["stance_confidence"] == 1.0
    assert _quote(store) == REPORT.id


def test_a_database_without_the_column_gets_it_and_recounts(db_url: str) -> None:
    """Migration 0024 on a database whose statements have no ``stance_confidence``: the column
    is added with 1.0 ("not measured") and the tallies are recounted with it."""
    if not db_url.startswith("sqlite"):
        pytest.skip("dropping a column to make an older database is shown on SQLite")
    with Store.open(db_url) as s:
        d = Document(
            id="d1", text=TEXT, url="https://example.org/1", outlet="Wire", published=date(2025, 11, 24)
        )
        s.write(
            [
                Prepared(
                    Extraction(d, [DOUBTED, PLAIN], [], extractor="test/1"),
                    fingerprint(d.text, d.url, d.content_hash),
                )
            ]
        )
        assert _quote(s) == PLAIN.id
        with s.engine.begin() as conn:
            conn.execute(text("DELETE FROM _migrations WHERE name = '0024_stance_confidence'"))
            conn.execute(text("ALTER TABLE statement DROP COLUMN stance_confidence"))
    with Store.open(db_url) as s:
        assert "0024_stance_confidence" in s.migrations()
        assert s.statement(PLAIN.id)["stance_confidence"] == 1.0
        assert _quote(s) == DOUBTED.id  # nothing measured: the direct quote, as before
