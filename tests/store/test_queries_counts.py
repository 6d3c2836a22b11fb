"""The corpus counters the database keeps equal a count of the tables after every kind of write.

The overview, the actor index and the top issues read ``corpus_count`` (kept by triggers)
instead of counting every statement; each test recounts from the tables as the pages used to
and compares, after ingest, reprints, corrections, re-extraction and a bulk insert that goes
around the writer; on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from redline.model import Actor, Document, Event, Extraction, Span, Speaker, Statement
from redline.store import Correction, Prepared, StatementFilter, Store, corpus_counts, fingerprint, lookup
from redline.store.countable import countable
from redline.store.schema import document, event, statement, statement_issue

WHO = [("Ada Mirren", "ada"), ("Bo Castell", "bo"), ("Cy Orlov", None)]
ISSUES = [["territory"], ["nato", "territory"], ["ceasefire"], []]


def _extraction(n: int, *, day: int | None = 3, dated: bool = True, text: str = "") -> Extraction:
    sentences, statements = [], []
    offset = 0
    for i in range(4):
        name, actor_id = WHO[(n + i) % len(WHO)]
        words = f"item {n} {i} of the draft is {['fine', 'bad', 'open', 'late'][i]}{text}"
        sentence = f"{name} said {words}."
        start = offset + len(name) + len(" said ")
        statements.append(
            Statement(
                id=f"s{n}-{i}",
                document_id=f"d{n}",
                content=Span(words, start, start + len(words)),
                kind="direct",
                speaker=Speaker(name, actor_id, Span(name, offset, offset + len(name))),
                issues=ISSUES[(n + i) % len(ISSUES)],
                stance=["support", "oppose", "neutral", "conditional"][i],  # type: ignore[arg-type]
                date=date(2025, 10, 1 + (n + i) % 5) if dated and i != 3 else None,
                confidence=0.8,
                extractor="test/1",
            )
        )
        sentences.append(sentence)
        offset += len(sentence) + 1
    published = date(2025, 10, day) if day else None
    doc = Document(
        f"d{n}", " ".join(sentences), f"https://example.org/{n}", outlet="Wire", published=published
    )
    events = [Event(f"e{n}", doc.id, "meeting", Span("said", 0, 4), [WHO[0][0]], ["ada"], date=published)]
    return Extraction(doc, statements, events, extractor="test/1")


def _prepared(ex: Extraction) -> Prepared:
    d = ex.document
    return Prepared(ex, fingerprint(d.text, d.url, d.content_hash))


def _recount(store: Store) -> dict[str, Any]:
    """What the pages counted from the tables before the counters existed."""

    def read(conn: Any) -> dict[str, Any]:
        s, si = statement, statement_issue
        rows = list(
            conn.execute(
                select(s.c.date, s.c.actor_id, s.c.stance, func.coalesce(s.c.outlet, document.c.outlet))
                .select_from(s.join(document, document.c.id == s.c.document_id))
                .where(*countable())
            )
        )
        issues = conn.execute(
            select(si.c.issue, func.count())
            .select_from(si.join(s, s.c.id == si.c.statement_id))
            .where(*countable())
            .group_by(si.c.issue)
        )
        return {
            "summary": {
                "documents": conn.execute(select(func.count()).select_from(document)).scalar_one(),
                "near_duplicates": conn.execute(
                    select(func.count()).select_from(document).where(document.c.duplicate_of.is_not(None))
                ).scalar_one(),
                "statements": len(rows),
                "actors": len({r.actor_id for r in rows if r.actor_id is not None}),
                "events": conn.execute(select(func.count()).select_from(event)).scalar_one(),
            },
            "days": dict(Counter(r.date for r in rows if r.date is not None)),
            "undated": sum(1 for r in rows if r.date is None),
            "actors": dict(Counter(r.actor_id for r in rows if r.actor_id is not None)),
            "issues": sorted(((i, int(n)) for i, n in issues), key=lambda kv: (-kv[1], kv[0])),
            "stances": dict(Counter(r.stance for r in rows)),
            "by_actor": {
                a: {
                    "by_stance": dict(sorted(Counter(r.stance for r in rows if r.actor_id == a).items())),
                    "by_issue": dict(
                        sorted(
                            (i, int(n))
                            for i, n in conn.execute(
                                select(si.c.issue, func.count())
                                .select_from(si.join(s, s.c.id == si.c.statement_id))
                                .where(s.c.actor_id == a, *countable())
                                .group_by(si.c.issue)
                            )
                        )
                    ),
                }
                for a in ("ada", "bo")
            },
            "outlets": dict(Counter(r[3] for r in rows if r[3] is not None)),
        }

    return store.read(read)


def _kept(store: Store) -> dict[str, Any]:
    days, undated = store.read(corpus_counts.day_counts)
    listed = {a["id"]: a["statements"] for a in store.actors() if a["statements"]}
    return {
        "summary": store.summary(),
        "days": days,
        "undated": undated,
        "actors": listed,
        "issues": store.read(lookup.issue_counts),
        "stances": store.read(corpus_counts.by_key, "stance"),
        "by_actor": {
            a: {k: v for k, v in (store.actor(a) or {}).items() if k in ("by_stance", "by_issue")}
            for a in ("ada", "bo")
        },
        "outlets": store.read(corpus_counts.by_key, "outlet"),
    }


@pytest.fixture
def store(db_url: str) -> Any:
    s = Store.open(db_url)
    s.add_actors([Actor("ada", "Ada Mirren", "person"), Actor("bo", "Bo Castell", "person")])
    yield s
    s.close()


FILTERS = [
    StatementFilter(),
    StatementFilter(issue="territory"),
    StatementFilter(issue="sanctions"),
    StatementFilter(stance="oppose"),
    StatementFilter(actor="ada"),
    StatementFilter(actor="Bo Castell"),
    StatementFilter(actor="nobody at all"),
    StatementFilter(issue="territory", stance="oppose"),
    StatementFilter(issue="sanctions", stance="oppose"),
    StatementFilter(issue="ceasefire", stance="support"),
]


def _assert_counts_kept(store: Store) -> dict[str, Any]:
    expected = _recount(store)
    assert _kept(store) == expected
    for f in FILTERS:  # the totals of list pages ("50 of 466") read the counters too
        assert store.count_statements(f) == len(store.statements(replace(f, limit=None))), f
    return expected


def test_counters_follow_ingest_reprints_corrections_and_reextraction(store: Store) -> None:
    store.write([_prepared(_extraction(n, day=None if n == 3 else 3)) for n in range(1, 4)])
    first = _assert_counts_kept(store)
    assert first["summary"]["statements"] == 12 and first["undated"] and first["issues"]
    assert any(store.count_statements(f) for f in FILTERS[-3:])  # issue and stance: not all 0
    reprint = _extraction(1, text="")
    copy = Extraction(
        Document(
            "d9", reprint.document.text + " Filler.", "https://example.org/9", outlet="Other", published=None
        ),
        [replace(s, id=s.id.replace("s1-", "s9-"), document_id="d9") for s in reprint.statements],
        [],
        extractor="test/1",
    )
    assert store.write([_prepared(copy)])[0].status == "near_duplicate"
    after_reprint = _assert_counts_kept(store)
    assert after_reprint["summary"]["near_duplicates"] == 1
    assert after_reprint["summary"]["statements"] == first["summary"]["statements"]  # a reprint counts once
    store.correct("s1-0", Correction(reject=True))
    store.correct("s2-1", Correction(issues=("ceasefire", "sanctions")))
    store.correct("s3-2", Correction(speaker="Ada Mirren", stance="oppose"))
    corrected = _assert_counts_kept(store)
    assert corrected["summary"]["statements"] == first["summary"]["statements"] - 1
    assert ("sanctions", 1) in corrected["issues"]
    store.replace([_extraction(3, day=None, dated=False)])  # re-extracted: its statements lose their dates
    kept = _assert_counts_kept(store)
    assert kept["undated"] > corrected["undated"]
    store.recount_corpus()  # the repair counts what the triggers kept
    assert _kept(store) == kept
    assert _assert_counts_kept(store) == kept


def test_counters_count_rows_written_around_the_writer(store: Store) -> None:
    """A bulk load (benchmarks, imports) inserts rows directly: the triggers count them too."""
    store.write([_prepared(_extraction(1))])
    with store.engine.begin() as conn:
        conn.execute(
            statement.insert().values(
                id="bulk-1",
                document_id="d1",
                content="said in bulk",
                content_start=0,
                content_end=12,
                kind="indirect",
                m_speaker="Bo Castell",
                m_actor_id="bo",
                m_issues='["nato"]',
                m_stance="oppose",
                speaker="Bo Castell",
                actor_id="bo",
                stance="oppose",
                issues='["nato"]',
                date=date(2025, 10, 9),
                confidence=1.0,
                extractor="bulk/1",
                rejected=False,
                duplicate=False,
            )
        )
        conn.execute(
            statement_issue.insert().values(issue="nato", statement_id="bulk-1", date=date(2025, 10, 9))
        )
    kept = _assert_counts_kept(store)
    assert kept["days"][date(2025, 10, 9)] == 1


def test_the_party_filter_is_the_party_an_export_row_shows(store: Store) -> None:
    """``StatementFilter.party`` selects in SQL what the statement page used to select from export
    rows by their ``party`` column ("unaffiliated": no actor, or an actor without a party)."""
    from redline.export.statements import statement_rows
    from redline.store.schema import actor

    with store.engine.begin() as conn:
        conn.execute(actor.update().where(actor.c.id == "bo").values(party="ukraine"))
    store.write([_prepared(_extraction(n)) for n in range(1, 4)])
    every = list(statement_rows(store, StatementFilter(limit=None)))
    for party in ("ukraine", "unaffiliated", "russia"):
        expected = [r["id"] for r in every if (r["party"] or "unaffiliated") == party]
        found = [r["id"] for r in statement_rows(store, StatementFilter(party=party, limit=None))]
        assert found == expected, party
        assert store.count_statements(StatementFilter(party=party)) == len(expected)
    assert any(r["party"] == "ukraine" for r in every) and any(not r["party"] for r in every)


def test_undated_documents_and_claims_list_last_on_both_databases(store: Store) -> None:
    """``redline documents`` and ``claims`` are newest first with the undated at the end: PostgreSQL
    put them first (NULL sorts first there when descending), so a page differed between backends."""
    store.write(
        [_prepared(_extraction(n, day=day, dated=day is not None)) for n, day in [(1, 3), (2, None), (3, 5)]]
    )
    assert [d["id"] for d in store.documents()] == ["d3", "d1", "d2"]
    from redline.analysis.claims import refresh_claims

    refresh_claims(store)
    dates = [c["first_date"] for c in store.claims()]
    assert None in dates and dates.index(None) > max(i for i, d in enumerate(dates) if d is not None)


def test_undated_statements_list_last_on_both_databases(store: Store) -> None:
    """``redline statements`` is newest first with the undated at the end on both databases,
    whichever index drives the page (none, an actor's, a stance's, an outlet's, an issue's)."""
    store.write(
        [_prepared(_extraction(n, day=day, dated=day is not None)) for n, day in [(1, 3), (2, None), (3, 5)]]
    )
    filters = [
        StatementFilter(limit=None),
        StatementFilter(actor="ada", limit=None),
        StatementFilter(stance="neutral", limit=None),
        StatementFilter(outlet="Wire", limit=None),
        StatementFilter(issue="territory", limit=None),
    ]
    for f in filters:
        dates = [r["date"] for r in store.statements(f)]
        assert None in dates and any(dates), f
        newest_first = sorted((d for d in dates if d), reverse=True)
        assert dates == newest_first + [None] * dates.count(None), f


def test_an_outlet_filter_matches_the_name_in_any_case(store: Store) -> None:
    """``--outlet reuters`` (command line, API, dashboard, exports) found nothing when the outlet
    is stored as "Wire": a user types a name, not its stored capitals. A part of a name is not it."""
    store.write([_prepared(_extraction(n)) for n in (1, 2)])
    every = store.statements(StatementFilter(outlet="Wire", limit=None))
    assert len(every) == 8
    for typed in ("wire", "WIRE", " wire "):
        assert [r["id"] for r in store.statements(StatementFilter(outlet=typed, limit=None))] == [
            r["id"] for r in every
        ], typed
        assert store.count_statements(StatementFilter(outlet=typed)) == 8
        assert [d["id"] for d in store.documents(outlet=typed)] == ["d1", "d2"]
        assert store.count_documents(typed) == 2
        assert len(list(store.iter_document_records(typed))) == 2
    for other in ("wir", "the wire", "w"):
        assert store.statements(StatementFilter(outlet=other, limit=None)) == [], other
        assert store.count_documents(other) == 0


def test_postgresql_date_indexes_keep_sqlite_null_order(store: Store) -> None:
    """Undated last when newest first is read along the date indexes only if they are built NULLS
    FIRST on PostgreSQL (migration 0025): a plain index read backwards puts NULL first, and the
    right order was a sort of every match (228 ms against 16 ms at 200,000 statements)."""
    if store.dialect != "postgresql":
        pytest.skip("SQLite sorts NULL first in every index")
    from sqlalchemy import text

    from redline.store.migrations import _DATE_INDEXES

    with store.engine.connect() as conn:
        defs = dict(conn.execute(text("SELECT indexname, indexdef FROM pg_indexes")).all())
    for name, *_ in _DATE_INDEXES:
        assert "NULLS FIRST" in defs[name], defs[name]


def test_the_outlet_menu_is_read_from_the_counters(store: Store) -> None:
    """The statements page's outlet menu: every outlet with a counted statement, alphabetically,
    as the distinct outlets of the statements gave it (a scan of them on every page load)."""
    assert store.read(lookup.outlets) == []
    store.write([_prepared(_extraction(1))])
    other = _extraction(2)
    store.write([_prepared(replace(other, document=replace(other.document, outlet="Atlas")))])
    assert store.read(lookup.outlets) == ["Atlas", "Wire"]
