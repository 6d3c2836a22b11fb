"""Copies and reprints by other outlets: one statement reported by many outlets, counted once,
its outlets all counted, an undated story dated by the earliest copy; on both databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fakes import SaidExtractor, doc, make_fake
from redline.analysis.claims import refresh_claims
from redline.ingest import ingest
from redline.model import Document
from redline.store import Prepared, StatementFilter, Store, fingerprint

STORY = (
    "Margit Ellery said the corridor agreement would hold through the winter. "
    "Officials at the port said the first convoy had been delayed by a storm. "
    "Teodor Wren said his delegation would sign the protocol after a final reading."
)
REPRINT = STORY.replace("by a storm", "by bad weather") + " Additional reporting by desk staff."


def prepared(d: Document) -> Prepared:
    ex = next(SaidExtractor().extract([d]))
    return Prepared(ex, fingerprint(d.text, d.url, d.content_hash))


def undated(n: int, text: str, outlet: str) -> Document:
    return replace(doc(n, text, outlet=outlet), published=None)


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store.open(db_url)
    yield s
    s.close()


def _claims(store: Store) -> list[dict[str, object]]:
    refresh_claims(store, only_changed=True)
    return sorted(store.claims(), key=lambda c: str(c["content"]))


def test_a_verbatim_copy_counts_its_outlet_not_its_statements(store: Store) -> None:
    store.write([prepared(doc(1, STORY, outlet="Wire"))])
    before = _claims(store)
    assert [c["n_outlets"] for c in before] == [1, 1]
    out = store.write([prepared(doc(2, STORY, outlet="Harbour Times", day=3))])  # same text, other id
    assert [(o.status, o.duplicate_of) for o in out] == [("exists", "d1")]
    claims = _claims(store)
    assert [c["n_outlets"] for c in claims] == [2, 2]
    assert all(c["outlets"] == ["Harbour Times", "Wire"] for c in claims)
    assert [c["n_statements"] for c in claims] == [1, 1]  # the statement is counted once
    assert store.count_statements(StatementFilter()) == 2
    assert [d["id"] for d in store.documents()] == ["d1"]  # its text is not stored twice
    # idempotent: the copy again, or the original again, changes nothing
    store.write(
        [prepared(doc(2, STORY, outlet="Harbour Times", day=3)), prepared(doc(1, STORY, outlet="Wire"))]
    )
    assert _claims(store) == claims


def test_a_near_duplicate_reprint_counts_its_outlet(store: Store) -> None:
    out = store.write([prepared(doc(1, STORY, outlet="Wire")), prepared(doc(2, REPRINT, outlet="Gazette"))])
    assert [o.status for o in out] == ["stored", "near_duplicate"]
    claims = _claims(store)
    assert [c["outlets"] for c in claims] == [["Gazette", "Wire"], ["Gazette", "Wire"]]
    assert [c["n_statements"] for c in claims] == [1, 1]
    # the same outlet twice is one outlet
    store.write([prepared(doc(3, STORY, outlet="Wire", url="https://wire.example/story"))])
    assert [c["n_outlets"] for c in _claims(store)] == [2, 2]


def test_an_undated_story_takes_the_earliest_date_of_its_copies(store: Store) -> None:
    store.write([prepared(undated(1, STORY, "Wire"))])
    assert {r["date"] for r in store.statements()} == {None}
    store.write([prepared(doc(2, STORY, outlet="Harbour Times", day=9))])
    assert {r["date"] for r in store.statements()} == {"2025-11-09"}
    # a later copy does not move it; the positions over time now place it
    store.write([prepared(doc(3, STORY, outlet="Ledger", day=12))])
    assert {r["date"] for r in store.statements()} == {"2025-11-09"}
    assert store.count_statements(StatementFilter(since=date(2025, 11, 9))) == 2
    # the counters the pages read moved with it, and the positions' tallies count it dated
    from redline.store import corpus_counts

    assert store.read(corpus_counts.day_counts) == ({date(2025, 11, 9): 2}, 0)
    # its provenance says where the date comes from (the API's and the statement page's)
    record = store.statement(store.statements()[0]["id"])
    assert record is not None and record["machine"]["dated_by"] == "copy"


def test_a_dated_reprint_dates_an_undated_original_but_never_a_dated_one(store: Store) -> None:
    store.write([prepared(undated(1, STORY, "Wire")), prepared(doc(2, REPRINT, outlet="Gazette", day=4))])
    kept = store.statements(StatementFilter(document="d1"))
    assert {r["date"] for r in kept} == {"2025-11-04"}
    other = "Ilse Varga said the grain talks would resume on Monday after a pause of two weeks."
    store.write(
        [prepared(doc(5, other, outlet="Wire", day=20)), prepared(doc(6, other, outlet="Ledger", day=2))]
    )
    assert {r["date"] for r in store.statements(StatementFilter(document="d5"))} == {"2025-11-20"}
    record = store.statement(store.statements(StatementFilter(document="d5"))[0]["id"])
    assert record is not None and record["machine"]["dated_by"] == "document"


def test_a_corrected_date_stays_the_analysts(store: Store) -> None:
    from redline.store import Correction

    store.write([prepared(undated(1, STORY, "Wire"))])
    sid = store.statements()[0]["id"]
    store.correct(sid, Correction(undated=True, who="ana"))
    store.write([prepared(doc(2, STORY, outlet="Harbour Times", day=9))])
    dates = {r["id"]: r["date"] for r in store.statements()}
    assert dates[sid] is None and set(dates.values()) == {None, "2025-11-09"}


def test_ingest_records_a_copy_found_before_extraction(store: Store) -> None:
    """``ingest`` skips a copy before extracting it (``Store.known``): its outlet still counts."""
    ingest([doc(1, STORY, outlet="Wire")], store, extractor_factory=make_fake, workers=1)
    report = ingest(
        [doc(2, STORY, outlet="Harbour Times", day=3)], store, extractor_factory=make_fake, workers=1
    )
    assert report.skipped == 1
    assert [c["n_outlets"] for c in sorted(store.claims(), key=lambda c: str(c["content"]))] == [2, 2]


def test_a_date_from_a_copy_survives_reprocessing(store: Store) -> None:
    from redline.ingest import reprocess

    ingest(
        [undated(1, STORY, "Wire"), doc(2, STORY, outlet="Harbour Times", day=9)],
        store,
        extractor_factory=make_fake,
        workers=1,
    )
    assert {r["date"] for r in store.statements()} == {"2025-11-09"}
    reprocess(store, extractor_factory=make_fake, workers=1, force=True)
    assert {r["date"] for r in store.statements()} == {"2025-11-09"}
    assert [c["n_outlets"] for c in store.claims()] == [2, 2]


def test_a_reprint_that_cut_a_passage_does_not_carry_its_statement(store: Store) -> None:
    filler = (
        " The convoy route runs along the coast for some ninety kilometres before it turns inland."
        " Insurers have raised their rates twice since the spring, according to the harbour office."
        " Dock workers unloaded the last of the grain on Tuesday evening under floodlights."
        " A second convoy is scheduled for the end of the month if the weather allows it."
    )
    original = STORY + filler
    cut = original.replace(
        " Teodor Wren said his delegation would sign the protocol after a final reading.", ""
    )
    out = store.write([prepared(doc(1, original, outlet="Wire")), prepared(doc(2, cut, outlet="Gazette"))])
    assert [o.status for o in out] == ["stored", "near_duplicate"]
    outlets = {str(c["content"])[:12]: c["outlets"] for c in _claims(store)}
    assert outlets == {"the corridor": ["Gazette", "Wire"], "his delegati": ["Wire"]}
