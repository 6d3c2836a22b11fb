"""Ingest: streaming, resumable, same result with one or several workers, problems reported."""

from __future__ import annotations

import json
import multiprocessing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from fakes import doc, make_fake, make_fake_v2
from redline.config import Settings
from redline.ingest import IngestReport, ingest, read_sources, reprocess
from redline.model import Document, Problem
from redline.store import Correction, StatementFilter, Store

PEOPLE = ["Vladimir Putin", "Volodymyr Zelensky", "Dmitry Peskov", "Marco Rubio"]
TOPICS = [
    "the plan was a basis for talks",
    "NATO membership was not negotiable",
    "territory would never be ceded",
    "sanctions had to stay in place",
    "a ceasefire was within reach",
]


def corpus(n: int) -> list:
    out = []
    for i in range(n):
        who, what = PEOPLE[i % len(PEOPLE)], TOPICS[(i * 7) % len(TOPICS)]
        body = (
            f"Report number {i} from the talks. {who} said {what}. Delegates met for {i % 9 + 2} hours. "
            f"Nobody else commented on item {i * 13}."
        )
        out.append(doc(i, body, outlet=["Wire", "Post", "Globe"][i % 3], day=1 + i % 28))
    return out


def dump(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Everything but timestamps and surrogate keys, sorted: two equal corpora give equal dumps."""
    queries = {
        "document": "select id, content_hash, canonical_url, duplicate_of, n_statements, extractor from document",  # noqa: E501
        "statement": "select id, document_id, content, actor_id, stance, issues, date, outlet, duplicate from statement",  # noqa: E501
        "statement_issue": "select issue, statement_id from statement_issue",
        "actor": "select id, name, kind from actor",
        "actor_alias": "select alias, actor_id, source from actor_alias",
        "document_band": "select band_hash, document_id from document_band",
    }
    with Store.open(url) as s, s.engine.connect() as conn:
        return {k: sorted(tuple(r) for r in conn.execute(text(q))) for k, q in queries.items()}


def test_ingest_stores_and_rerun_skips(db_url: str) -> None:
    with Store.open(db_url) as store:
        seen: list[int] = []
        r = ingest(
            corpus(40),
            store,
            Settings(batch_size=8),
            extractor_factory=make_fake,
            on_progress=lambda rep: seen.append(rep.done),
        )
        assert (r.stored, r.skipped, r.statements) == (40, 0, 40)
        assert seen == [8, 16, 24, 32, 40]
        again = ingest(corpus(40), store, Settings(batch_size=8), extractor_factory=make_fake)
        assert (again.stored, again.skipped, again.statements) == (0, 40, 0)
        assert store.counts() == {"documents": 40, "statements": 40}


def test_an_exact_copy_under_another_id_is_named_with_the_document_it_copies(db_url: str) -> None:
    """An outlet's verbatim copy of a stored story (another id, the same text) is not stored
    again; the report names it and the stored document, in a later run and within one batch,
    where "already stored" alone hid it among re-runs."""
    first, copy, again = corpus(3)[0], corpus(3)[0], corpus(3)[1]
    copy.id, copy.outlet, copy.source = "copy", "Globe", "globe.jsonl:1"
    again.source = "post.jsonl:1"
    twin = Document(id="twin", text=again.text, outlet="Herald", source="herald.jsonl:7")
    with Store.open(db_url) as store:
        ingest([first], store, extractor_factory=make_fake)
        r = ingest([copy, again, twin], store, extractor_factory=make_fake)
        assert (r.stored, r.skipped, r.copy_count) == (1, 2, 2)
        assert r.copies == [("globe.jsonl:1", first.id), ("herald.jsonl:7", again.id)]
        rerun = ingest([first, again], store, extractor_factory=make_fake)  # the same ids: no copies
        assert (rerun.skipped, rerun.copy_count, rerun.copies) == (2, 0, [])


def test_two_workers_give_the_same_database_as_one(tmp_path: Path) -> None:
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    with Store.open(one) as s:
        ingest(corpus(60), s, Settings(batch_size=4), extractor_factory=make_fake, workers=1)
    with Store.open(two) as s:
        r = ingest(corpus(60), s, Settings(batch_size=4), extractor_factory=make_fake, workers=2)
    assert r.stored == 60
    assert dump(one) == dump(two)


class Crash(Exception):
    pass


def test_interrupted_run_resumes_to_the_same_database(tmp_path: Path) -> None:
    clean, crashed = f"sqlite:///{tmp_path / 'clean.db'}", f"sqlite:///{tmp_path / 'crashed.db'}"
    with Store.open(clean) as s:
        ingest(corpus(50), s, Settings(batch_size=5), extractor_factory=make_fake)
    done_before_crash = 0

    def die(rep: IngestReport) -> None:
        nonlocal done_before_crash
        done_before_crash = rep.done
        if rep.done >= 20:
            raise Crash

    with Store.open(crashed) as s:
        with pytest.raises(Crash):
            ingest(corpus(50), s, Settings(batch_size=5), extractor_factory=make_fake, on_progress=die)
        assert s.counts()["documents"] == done_before_crash == 20  # reported done == stored
        r = ingest(corpus(50), s, Settings(batch_size=5), extractor_factory=make_fake)
        assert (r.skipped, r.stored) == (20, 30)
    assert dump(clean) == dump(crashed)


def test_problems_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    items = [*corpus(3), Problem("feed.xml", "not a feed"), doc(99, "Putin said EXPLODE now.")]
    with Store.open(f"sqlite:///{tmp_path / 'c.db'}") as s:
        r = ingest(items, s, Settings(batch_size=10), extractor_factory=make_fake, workers=2)
    assert r.stored == 3
    assert r.problem_count == 2
    assert {p.kind for p in r.problems} == {"input", "extract"}


def test_reprocess_replaces_machine_records_and_keeps_corrections(db_url: str) -> None:
    with Store.open(db_url) as s:
        ingest(corpus(10), s, Settings(batch_size=4), extractor_factory=make_fake)
        first = s.statements(StatementFilter(actor="Marco Rubio"))[0]
        s.correct(first["id"], Correction(stance="conditional", who="ana"))
        r = reprocess(s, Settings(batch_size=4), extractor_factory=make_fake_v2, workers=2)
        assert r.stored == 10
        again = reprocess(s, Settings(batch_size=4), extractor_factory=make_fake_v2)
        assert again.stored == 0  # resumable: documents already at this version are skipped
        rows = s.statements(StatementFilter(document=first["document_id"]))
        assert [(r["extractor"], r["stance"]) for r in rows] == [("fake/2", "conditional")]
        assert rows[0]["id"] != first["id"]


def test_reprocess_dates_a_stored_undated_document_from_its_dateline(db_url: str) -> None:
    undated = Document(
        id="u1",
        text="KYIV, Nov 27 (Daily Wire) - Marco Rubio said the talks were useful.",
        url="https://news.example/2025/11/talks-useful",
    )
    with Store.open(db_url) as s:
        ingest([undated], s, Settings(), extractor_factory=make_fake)
        before = s.document("u1")
        assert before is not None and before["published"] is None  # stored as given
        reprocess(s, Settings(), extractor_factory=make_fake_v2)
        after = s.document("u1")
        assert after is not None and str(after["published"]) == str(date(2025, 11, 27))


def test_ingest_reads_through_the_sources_layer(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        json.dumps(
            {
                "id": "j1",
                "text": "Putin said that he was ready for it.",
                "published": "2025-11-27",
                "outlet": "Wire",
            }
        )
        + "\n"
        + "not json\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("Zelensky said that it was not the time for that.", encoding="utf-8")
    items = list(read_sources([str(tmp_path), str(tmp_path / "missing.txt")], Settings()))
    docs = [i for i in items if not isinstance(i, Problem)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.text for d in docs] == [
        "Putin said that he was ready for it.",
        "Zelensky said that it was not the time for that.",
    ]
    assert docs[0].outlet == "Wire" and docs[0].published.isoformat() == "2025-11-27"
    assert [p.kind for p in problems] == ["json", "input"]


def test_sources_are_read_lazily_with_a_bounded_number_of_batches_in_flight(tmp_path: Path) -> None:
    pulled = 0

    def source():  # type: ignore[no-untyped-def]
        nonlocal pulled
        for d in corpus(120):
            pulled += 1
            yield d

    ahead: list[int] = []
    with Store.open(f"sqlite:///{tmp_path / 'c.db'}") as s:
        r = ingest(
            source(),
            s,
            Settings(batch_size=3),
            extractor_factory=make_fake,
            workers=2,
            on_progress=lambda rep: ahead.append(pulled - rep.done),
        )
    assert r.stored == 120
    # at most 2 * workers + 1 batches in flight, plus the batch being read
    assert max(ahead) <= (2 * 2 + 1 + 1) * 3


def _ingest_in_process(url: str, n: int, out: Any) -> None:
    try:
        with Store.open(url) as s:
            r = ingest(corpus(n), s, Settings(batch_size=3), extractor_factory=make_fake)
        out.put(("ok", r.stored + r.near_duplicates, r.skipped))
    except Exception as exc:  # reported to the parent, which fails the test with it
        out.put(("error", repr(exc), 0))


def test_two_concurrent_ingests_of_the_same_input_both_finish(db_url: str) -> None:
    """Two processes ingesting the same 60 articles into one database at once: neither dies,
    together they store each article once, and nothing is stored twice."""
    with Store.open(db_url):
        pass  # schema first, so the two runs race on documents, not on migrations
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    runs = [ctx.Process(target=_ingest_in_process, args=(db_url, 60, results)) for _ in range(2)]
    for p in runs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in runs]
    for p in runs:
        p.join(timeout=30)
    assert [o[0] for o in outcomes] == ["ok", "ok"], outcomes
    assert sum(o[1] for o in outcomes) == 60  # each article stored by exactly one of them
    with Store.open(db_url) as s:
        assert s.summary()["documents"] == 60
        with s.engine.connect() as conn:
            stored = conn.execute(text("select count(*), count(distinct id) from statement")).one()
    assert stored[0] == stored[1] > 0
