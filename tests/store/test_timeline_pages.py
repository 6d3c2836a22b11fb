"""A page of the timeline, read up to the day of its last item, equals that slice of the whole.

The store sorts only the items up to a day found along the date index; these tests take every
window of a timeline with many items per day, undated statements dated by their article,
undated articles and events with and without dates, and compare each page (and the counts)
with the same slice of the timeline read whole; on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.analysis.timeline import stored_timeline, timeline_counts
from redline.model import Document, Event, Extraction, Span, Speaker, Statement
from redline.store import Correction, Prepared, Store, fingerprint

ISSUES = [["territory"], ["nato"], ["territory", "ceasefire"]]


def _extraction(n: int) -> Extraction:
    """Document ``n``: four statements (the last without a date of its own) and an event."""
    published = None if n % 5 == 4 else date(2025, 11, 1 + n % 3)
    sentences, statements = [], []
    offset = 0
    for i in range(4):
        name = ["Ada Mirren", "Bo Castell"][(n + i) % 2]
        words = f"point {n} {i} stays on the table"
        sentence = f"{name} said {words}."
        start = offset + len(name) + len(" said ")
        statements.append(
            Statement(
                id=f"s{n:02d}-{i}",
                document_id=f"d{n:02d}",
                content=Span(words, start, start + len(words)),
                kind="direct",
                speaker=Speaker(name, None, Span(name, offset, offset + len(name))),
                issues=ISSUES[(n + i) % len(ISSUES)],
                stance="support",
                date=date(2025, 11, 1 + (n * 7 + i) % 4) if i < 3 else None,
                extractor="test/1",
            )
        )
        sentences.append(sentence)
        offset += len(sentence) + 1
    doc = Document(f"d{n:02d}", " ".join(sentences), f"https://example.org/{n}", published=published)
    event_day = date(2025, 11, 2) if n % 2 else None
    events = [
        Event(f"e{n:02d}", doc.id, "meeting", Span("said", 0, 4), ["Ada Mirren"], [None], date=event_day)
    ]
    return Extraction(doc, statements, events, extractor="test/1")


@pytest.fixture
def store(db_url: str) -> Any:
    s = Store.open(db_url)
    items = [_extraction(n) for n in range(12)]
    s.write(
        [
            Prepared(ex, fingerprint(ex.document.text, ex.document.url, ex.document.content_hash))
            for ex in items
        ]
    )
    s.correct("s03-0", Correction(reject=True))
    s.correct("s05-1", Correction(issues=("nato",)))
    yield s
    s.close()


@pytest.mark.parametrize("issue", [None, "territory", "nato"])
def test_every_page_is_the_slice_of_the_whole_timeline(store: Store, issue: str | None) -> None:
    whole, counts = stored_timeline(store, issue=issue)
    assert counts == timeline_counts(whole)
    assert counts.undated and counts.dated_by_document  # the edge cases are in the timeline
    assert any(e.kind == "event" for e in whole)
    for limit in (1, 4, 30):
        for offset in range(0, len(whole) + 2, 3):
            page, page_counts = stored_timeline(store, issue=issue, limit=limit, offset=offset)
            assert page == whole[offset : offset + limit], (limit, offset)
            assert page_counts == counts


def test_a_page_follows_a_write(store: Store) -> None:
    before, _ = stored_timeline(store, limit=5)
    early = _extraction(40)
    first = Extraction(
        Document("d40", early.document.text, "https://example.org/40", published=date(2025, 10, 1)),
        [
            Statement(s.id, "d40", s.content, s.kind, s.speaker, issues=s.issues, date=date(2025, 10, 1))
            for s in early.statements
        ],
        [],
        extractor="test/1",
    )
    d = first.document
    store.write([Prepared(first, fingerprint(d.text, d.url, d.content_hash))])
    after, counts = stored_timeline(store, limit=5)
    assert [e.document_id for e in after[:4]] == ["d40"] * 4
    assert after[4] == before[0]
    assert counts.total == timeline_counts(stored_timeline(store)[0]).total
