"""The store's position tallies give the positions the corpus gives, after every kind of write.

Each test compares the report computed from the tallies (``analysis.stored_positions``) with
the report computed from the whole corpus (``negotiation.positions``), on a corpus with
reprints, undated statements, ties of strength, several parties and speakers, corrections,
re-extraction and actors loaded with a party afterwards; on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.analysis import negotiation
from redline.analysis.db_repository import SqlPlanRepository, SqlStatementSource
from redline.analysis.positions_report import positions_report
from redline.analysis.stored_positions import stored_positions
from redline.analysis.timeline import stored_timeline, timeline_counts
from redline.balance import ShiftDays
from redline.errors import ConfigError
from redline.model import Actor, Document, Event, Extraction, PlanVersion, Point, Span, Speaker, Statement
from redline.store import Correction, Prepared, Store, fingerprint
from redline.store.balances import shift_days

PARTIES = {"putin": "russia", "peskov": "russia", "zelensky": "ukraine", "rubio": "united_states"}
NAMES = {"putin": "Vladimir Putin", "peskov": "Dmitry Peskov", "zelensky": "Volodymyr Zelensky"}
NAMES |= {"rubio": "Marco Rubio", "anon": "A Senior Official", "wire": "Wire Desk", "wire2": "Wire Desk"}

# (speaker, stance, issues, day or None, kind, confidence, words)
SAID: list[tuple[str, str, list[str], int | None, str, float, str]] = [
    ("putin", "support", ["plan_overall"], 20, "direct", 0.9, "the framework could work for everyone"),
    ("putin", "oppose", ["territory"], 20, "indirect", 0.9, "the line of contact stays where it is"),
    ("peskov", "oppose", ["territory", "plan_overall"], 20, "direct", 0.9, "no withdrawal from the east"),
    ("peskov", "support", ["territory"], 21, "direct", 0.9, "a withdrawal from the east is possible"),
    ("zelensky", "oppose", ["territory"], 21, "direct", 0.8, "we will never cede our land to anyone"),
    ("zelensky", "conditional", ["nato", "security_guarantees"], 22, "mixed", 0.7, "only with guarantees"),
    ("zelensky", "support", ["security_guarantees"], None, "direct", 0.9, "guarantees are the key to it"),
    ("rubio", "neutral", ["ceasefire"], 22, "indirect", 0.5, "the meeting took place on the weekend"),
    ("rubio", "support", ["ceasefire"], 23, "direct", 0.9, "a ceasefire is within reach this month"),
    ("rubio", "support", ["ceasefire"], 23, "direct", 0.9, "a ceasefire is within our reach now"),
    ("anon", "oppose", ["nato"], 23, "indirect", 0.6, "membership is off the table for good"),
    ("anon", "support", ["nato"], None, "indirect", 0.6, "membership may come one day after all"),
    ("putin", "oppose", ["sanctions"], 24, "direct", 0.95, "the sanctions must be lifted before talks"),
    ("putin", "oppose", ["sanctions"], None, "direct", 0.95, "sanctions are theft and nothing else"),
    # two on each side of a change: a shift with evidence (analysis.shifts)
    ("rubio", "oppose", ["ceasefire"], 20, "direct", 0.9, "a ceasefire now would reward the attacker"),
    ("rubio", "oppose", ["ceasefire"], 21, "indirect", 0.8, "no truce can hold before a settlement"),
    # 16-18: explicit reversals (knowledge/shift_cues.yaml): one statement is evidence enough
    ("peskov", "oppose", ["ceasefire"], 20, "direct", 0.9, "a ceasefire is out of the question"),
    ("peskov", "support", ["ceasefire"], 24, "direct", 0.8, "we no longer reject a ceasefire"),
    ("zelensky", "support", ["territory"], 25, "indirect", 0.6, "he now accepts a freeze of the line"),
    # 19-22: a media desk whose stance moves with evidence on both sides: nobody's position
    ("wire", "oppose", ["sanctions"], 20, "direct", 0.9, "the sanctions stay in place all year"),
    ("wire", "oppose", ["sanctions"], 21, "direct", 0.9, "the sanctions stay for another year"),
    ("wire", "support", ["sanctions"], 23, "direct", 0.9, "the sanctions could be eased soon"),
    ("wire", "support", ["sanctions"], 24, "direct", 0.9, "the sanctions may be eased in spring"),
    # 23: another actor of the desk's name, with a party: one actor row, two kinds of speaker
    ("wire2", "oppose", ["sanctions"], 20, "direct", 0.7, "the sanctions will outlast the talks"),
    # 24: a reversal that keeps the stance it had (no turn), and one undated
    ("putin", "oppose", ["sanctions"], 25, "direct", 0.9, "Moscow no longer expects relief at all"),
    ("zelensky", "oppose", ["territory"], None, "direct", 0.9, "we now reject any withdrawal at all"),
    # 26-27: a reversal that names a specific issue first and the plan as a whole after it: it
    # turns the plan's cell too (model.stance_issues), and one undated, counted there undated
    (
        "putin",
        "oppose",
        ["ceasefire", "plan_overall"],
        25,
        "direct",
        0.9,
        "no truce: our position will be revised",
    ),
    (
        "zelensky",
        "support",
        ["nato", "plan_overall"],
        None,
        "direct",
        0.8,
        "we no longer reject the framework",
    ),
]


# how likely the models found some SAID lines' stance (others 1.0): a doubted quote ranks after
# sure ones (``balance.quote_rank``), so these move which quote a cell shows, in both paths
DOUBTED = {1: 0.7, 2: 0.4, 9: 0.45, 12: 0.3, 13: 0.9, 20: 0.6}


def _extraction(n: int, items: list[int], *, day: int = 25, reprint_of: str | None = None) -> Extraction:
    """Document ``n`` saying the SAID lines ``items``, one sentence each."""
    sentences, statements = [], []
    offset = 0
    for i in items:
        who, stance, issues, said_day, kind, conf, words = SAID[i]
        name = NAMES[who]
        sentence = f"{name} said {words}."
        start = offset + len(name) + len(" said ")
        content = Span(words, start, start + len(words))
        speaker = Speaker(
            name, None if who == "anon" else who, Span(name, offset, offset + len(name)), PARTIES.get(who)
        )
        statements.append(
            Statement(
                id=f"s{n}-{i}",
                document_id=f"d{n}",
                content=content,
                kind=kind,  # type: ignore[arg-type]
                speaker=speaker,
                issues=issues,
                stance=stance,  # type: ignore[arg-type]
                date=date(2025, 11, said_day) if said_day else None,
                confidence=conf,
                extractor="test/1",
                stance_confidence=DOUBTED.get(i, 1.0),
            )
        )
        sentences.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(sentences) + (" Filler." if reprint_of else "")
    published = date(2025, 11, day) if day else None
    d = Document(id=f"d{n}", text=text, url=f"https://example.org/{n}", outlet="Wire", published=published)
    return Extraction(d, statements, [], extractor="test/1")


def _prepared(ex: Extraction) -> Prepared:
    d = ex.document
    return Prepared(ex, fingerprint(d.text, d.url, d.content_hash))


def _undated_doc(ex: Extraction) -> Extraction:
    """The same extraction with no publication date (its undated statements stay undated)."""
    d = ex.document
    doc = Document(d.id, d.text, d.url, d.title, None, d.outlet)
    return Extraction(doc, ex.statements, ex.events, extractor=ex.extractor)


CASES: list[dict[str, Any]] = [
    {"by": "party"},
    {"by": "actor"},
    {"by": "party", "at": date(2025, 11, 21)},
    {"by": "party", "issue": "territory"},
    {"by": "actor", "issue": "nato"},
    {"by": "party", "issue": "security_guarantees", "at": date(2025, 11, 22)},
]


def _from_corpus(store: Store, **kw: Any) -> dict[str, Any]:
    corpus = negotiation.read_corpus(SqlStatementSource(store), store.knowledge)
    repo = SqlPlanRepository(store) if kw.get("plan") else None
    result = negotiation.positions(corpus, repo=repo, **kw)
    report = positions_report(
        result, by=kw["by"], documents=corpus.documents, issue=kw.get("issue"), plan=kw.get("plan")
    )
    return report.to_dict()


def _from_tallies(store: Store, **kw: Any) -> dict[str, Any]:
    repo = SqlPlanRepository(store) if kw.get("plan") else None
    found = stored_positions(store, repo=repo, **kw)
    report = positions_report(
        found.result, by=kw["by"], documents=found.documents, issue=kw.get("issue"), plan=kw.get("plan")
    )
    return report.to_dict()


def _assert_same(store: Store, cases: list[dict[str, Any]] = CASES) -> None:
    for kw in cases:
        expected = _from_corpus(store, **kw)
        assert expected["cells"], kw  # the comparison is about something
        assert _from_tallies(store, **kw) == expected, kw


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store.open(db_url)
    s.add_actors([Actor("putin", "Vladimir Putin", "person", party="russia")])
    yield s
    s.close()


def _fill(store: Store) -> None:
    store.write([_prepared(_extraction(1, [0, 1, 2, 3, 4]))])
    second = [_extraction(2, [5, 6, 7, 8, 9, 14, 15], day=22), _undated_doc(_extraction(3, [10, 11]))]
    store.write([_prepared(ex) for ex in second])
    # a reprint of document 1: stored, its statements never counted again
    outcome = store.write([_prepared(_extraction(4, [0, 1, 2, 3, 4], reprint_of="d1"))])
    assert outcome[0].status == "near_duplicate"
    store.write([_prepared(_undated_doc(_extraction(5, [12, 13])))])


def test_tallies_give_the_corpus_positions(store: Store) -> None:
    _fill(store)
    _assert_same(store)
    assert _from_corpus(store, by="actor")["shifts"]  # shifts are compared too
    undated = _from_tallies(store, by="party")["undated"]
    assert undated == 2  # documents 3 and 5 have no date: one each (6 takes its article's date)


def test_corrections_move_the_tallies(store: Store) -> None:
    _fill(store)
    before = _from_tallies(store, by="party")
    store.correct("s1-1", Correction(stance="support"))
    store.correct("s2-5", Correction(issues=("ceasefire",)))
    store.correct("s1-4", Correction(reject=True))
    store.correct("s2-8", Correction(speaker="Vladimir Putin"))
    _assert_same(store)
    assert _from_tallies(store, by="party") != before


def test_corrected_dates_move_the_tallies_and_survive_reextraction(store: Store) -> None:
    """An analyst's date moves a statement to another day, a dated one to undated and an
    undated one to a day, in every tally; the machine's date stays beside it, and re-extraction
    (which writes the machine's date again) keeps the analyst's."""
    _fill(store)
    undated_before = _from_tallies(store, by="party")["undated"]
    store.correct("s1-1", Correction(date=date(2025, 11, 23)))  # said days after the story
    store.correct("s2-7", Correction(undated=True))  # a background date read as the day it was said
    store.correct("s3-10", Correction(date=date(2025, 11, 21)))  # an undated article, dated by hand
    _assert_same(store)
    # the one made undated counts there; the one dated by hand leaves its row's other undated one
    assert _from_tallies(store, by="party")["undated"] == undated_before + 1
    moved = store.statement("s1-1")
    assert moved is not None and moved["date"] == "2025-11-23" and moved["machine"]["date"] == "2025-11-20"
    assert [(o["date"], o["undated"]) for o in moved["overrides"]] == [("2025-11-23", False)]
    cleared = store.statement("s2-7")
    assert cleared is not None and cleared["date"] is None and cleared["machine"]["date"] == "2025-11-22"
    store.replace([_extraction(1, [0, 1, 2, 3, 4])])
    again = store.statement("s1-1")
    assert again is not None and again["date"] == "2025-11-23"
    _assert_same(store)
    with pytest.raises(ConfigError, match="a date and undated"):
        store.correct("s1-0", Correction(date=date(2025, 11, 21), undated=True))


def test_reextraction_and_new_parties_move_the_tallies(store: Store) -> None:
    _fill(store)
    store.correct("s1-2", Correction(stance="neutral"))
    store.replace([_extraction(1, [0, 1, 3])])  # re-extracted with a statement fewer; override kept
    assert "europe" not in {r["id"] for r in _from_tallies(store, by="party")["rows"]}
    # an actor loaded with a party gives the speakers of that name their party's row
    store.add_actors([Actor("eu-official", "A Senior Official", "person", party="europe")])
    _assert_same(store)
    assert "europe" in {r["id"] for r in _from_tallies(store, by="party")["rows"]}


def test_rebuilt_tallies_equal_the_kept_ones(store: Store) -> None:
    _fill(store)
    store.correct("s1-1", Correction(stance="support"))
    store.replace([_extraction(2, [5, 7, 9], day=22)])

    def state() -> list[Any]:
        tallies = store.position_tallies("party") + store.position_tallies("actor")
        return sorted(tallies, key=repr) + sorted(map(repr, store.position_cells("actor").cells.items()))

    kept = state()
    store.rebuild_tallies()
    assert state() == kept


PLAN = PlanVersion(
    "peace",
    "draft",
    date(2025, 11, 19),
    None,
    [
        Point("1", "Ukraine withdraws from the east; the line of contact is frozen.", issues=["territory"]),
        Point("2", "Ukraine gets security guarantees and renounces NATO membership.", issues=["nato"]),
        Point("3", "A ceasefire takes effect when both sides accept the framework.", issues=["ceasefire"]),
    ],
)


def test_plan_positions_from_stored_links(store: Store) -> None:
    _fill(store)
    SqlPlanRepository(store).save_version(PLAN)
    cases: list[dict[str, Any]] = [{"by": "party", "plan": "peace"}, {"by": "actor", "plan": "peace"}]
    _assert_same(store, cases)
    # a correction unlinks its statement; the next call links it again, as a fresh link would
    store.correct("s1-1", Correction(issues=("nato",)))
    _assert_same(store, cases)
    # saving the version again relinks everything
    SqlPlanRepository(store).save_version(PLAN)
    _assert_same(store, cases)


def _with_events(ex: Extraction, dated: bool) -> Extraction:
    events = [
        Event(
            f"e{ex.document.id}",
            ex.document.id,
            "meeting",
            Span("said", 0, 4),
            ["Marco Rubio", "Vladimir Putin"],
            ["rubio", "putin"],
            date=date(2025, 11, 21) if dated else None,
            planned=not dated,
        )
    ]
    return Extraction(ex.document, ex.statements, events, extractor=ex.extractor)


def test_timeline_pages_read_from_the_store_equal_the_corpus_timeline(store: Store) -> None:
    _fill(store)
    store.write([_prepared(_with_events(_extraction(6, [4, 8], day=26), dated=False))])
    store.write([_prepared(_undated_doc(_with_events(_extraction(7, [1]), dated=True)))])
    store.correct("s1-3", Correction(issues=("nato",)))
    store.correct("s1-0", Correction(reject=True))
    corpus = negotiation.read_corpus(SqlStatementSource(store), store.knowledge)
    for kw in ({}, {"issue": "territory"}, {"issue": "nato"}, {"actor": "putin"}, {"actor": "Rubio"}):
        expected = negotiation.timeline(corpus, **kw)
        assert any(e.kind == "event" for e in expected) or kw.get("issue") == "nato", kw
        entries, counts = stored_timeline(store, **kw)
        assert entries == expected, kw
        assert counts == timeline_counts(expected), kw
        page, same = stored_timeline(store, limit=3, offset=2, **kw)
        assert (page, same) == (expected[2:5], counts), kw


def test_every_change_to_tallies_or_links_moves_the_revision(store: Store) -> None:
    seen = [store.tally_revision()]

    def moved() -> bool:
        seen.append(store.tally_revision())
        return seen[-1] > seen[-2]

    store.write([_prepared(_extraction(1, [0, 1, 2]))])
    assert moved()
    store.correct("s1-1", Correction(stance="support"))
    assert moved()
    store.replace([_extraction(1, [0, 1])])
    assert moved()
    SqlPlanRepository(store).save_version(PLAN)
    assert moved()
    _from_tallies(store, by="party", plan="peace")  # links the version
    assert moved()
    assert store.tally_revision() == seen[-1]  # reading moves nothing


SHIFT_CASES: list[dict[str, Any]] = [
    *CASES,
    {"by": "actor", "at": date(2025, 11, 24)},
    {"by": "actor", "issue": "ceasefire"},
    {"by": "party", "issue": "sanctions"},
    {"by": "actor", "issue": "sanctions", "at": date(2025, 11, 23)},
]


def _fill_shifts(store: Store, *, mixed: bool = False) -> None:
    """The corpus of ``_fill``, explicit reversals (one reprinted), a media desk with a party of
    its own ("media") and, if ``mixed``, a speaker of the desk's name with another party."""
    store.add_actors([Actor("wire", "Wire Desk", "organization", party="media")])
    if mixed:
        store.add_actors([Actor("wire2", "Wire Desk", "organization", party="russia")])
    _fill(store)
    store.write([_prepared(_extraction(8, [16, 17, 18, 19, 20], day=24))])
    store.write([_prepared(_extraction(9, [21, 22, 24, *([23] if mixed else [])], day=25))])
    store.write([_prepared(_undated_doc(_extraction(11, [25])))])
    store.write([_prepared(_extraction(12, [26], day=25)), _prepared(_undated_doc(_extraction(13, [27])))])
    reprint = store.write([_prepared(_extraction(10, [16, 17, 18, 19, 20], day=24, reprint_of="d8"))])
    assert reprint[0].status == "near_duplicate"


def _explicit(report: dict[str, Any]) -> list[Any]:
    """Shifts quoting an explicit reversal after the change."""
    return [sh for sh in report["shifts"] if sh["quote_after"]["statement_id"] in {"s8-17", "s8-18"}]


def _no_statement_reads(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("positions read every statement")

    monkeypatch.setattr(store, "countable_statements", refuse)


def test_shifts_come_from_the_tallies(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill_shifts(store)
    expected = {i: _from_corpus(store, **kw) for i, kw in enumerate(SHIFT_CASES)}
    by_actor = _from_corpus(store, by="actor")
    assert _explicit(by_actor)  # an explicit reversal makes a shift of one statement
    assert not any(sh["row"] == "Wire Desk" for sh in by_actor["shifts"])  # the desk is nobody
    assert not any(sh["row"] == "Vladimir Putin" and sh["column"] == "sanctions" for sh in by_actor["shifts"])
    _no_statement_reads(store, monkeypatch)  # shifts come from the tallies, not the statements
    for i, kw in enumerate(SHIFT_CASES):
        assert _from_tallies(store, **kw) == expected[i], kw


def test_a_reversal_listing_the_plan_turns_the_plan_in_corpus_and_tallies(store: Store) -> None:
    """A statement that says outright that its speaker's position changed counts on the plan
    as a whole too when it lists it after another issue: one shift on the plan, the same from
    the corpus and from the tallies, its undated twin counted on the plan as undated."""
    _fill_shifts(store)
    expected = _from_corpus(store, by="party")
    plan = [sh for sh in expected["shifts"] if sh["row"] == "russia" and sh["column"] == "plan_overall"]
    assert [(sh["before"], sh["after"], sh["quote_after"]["statement_id"]) for sh in plan] == [
        ("support", "oppose", "s12-26")
    ]
    assert _from_tallies(store, by="party") == expected
    assert _from_tallies(store, by="party", issue="plan_overall") == _from_corpus(
        store, by="party", issue="plan_overall"
    )
    undated = {(u["row"], u["column"]): u["undated"] for u in expected["unplaced"]}
    undated |= {(c["row"], c["column"]): c["undated"] for c in expected["cells"]}
    assert undated.get(("unaffiliated", "plan_overall")) == 1  # never dropped: counted, undated


def test_corrections_move_the_shift_tallies(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill_shifts(store)
    before = _from_tallies(store, by="actor")
    store.correct("s8-17", Correction(stance="conditional"))  # the reversal now turns elsewhere
    store.correct("s8-18", Correction(reject=True))  # and one is gone
    store.correct("s9-21", Correction(speaker="Vladimir Putin"))  # the desk's words are Putin's
    store.replace([_extraction(2, [5, 7, 9, 14], day=22)])  # one of two on a side leaves
    assert _from_tallies(store, by="actor") != before
    _assert_same(store, SHIFT_CASES)

    def state() -> tuple[list[Any], Any, Any]:
        tallies = sorted(store.position_tallies("actor") + store.position_tallies("party"), key=repr)
        return tallies, store.position_shifts("actor"), store.position_shifts("party")

    kept = state()
    assert kept[1]  # shifts are kept with the cells, by every write
    store.rebuild_tallies()
    assert state() == kept
    assert any(r.rev_n for r in kept[0]) and any(r.nobody for r in kept[0])


SHIFT_PLAN = PlanVersion(
    "peace",
    "draft",
    date(2025, 11, 19),
    None,
    [
        Point(
            "1",
            "A ceasefire within reach: the question of what rewards the attacker.",
            issues=["ceasefire"],
        ),
        Point(
            "2",
            "Ukraine cedes land: a freeze of the line and withdrawal from the east.",
            issues=["territory"],
        ),
        Point("3", "The sanctions stay in place for a year, then are eased in spring.", issues=["sanctions"]),
    ],
)


def test_plan_point_shifts_come_from_the_tallies(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill_shifts(store)
    SqlPlanRepository(store).save_version(SHIFT_PLAN)
    cases: list[dict[str, Any]] = [
        {"by": "party", "plan": "peace"},
        {"by": "actor", "plan": "peace"},
        {"by": "actor", "plan": "peace", "at": date(2025, 11, 24)},
        {"by": "actor", "plan": "peace", "issue": "ceasefire"},
    ]
    _from_tallies(store, by="party", plan="peace")  # links the version
    expected = [_from_corpus(store, **kw) for kw in cases]
    assert any(e["shifts"] for e in expected)
    _no_statement_reads(store, monkeypatch)
    assert [_from_tallies(store, **kw) for kw in cases] == expected


def test_a_row_of_two_kinds_of_speaker_reads_the_statements(store: Store) -> None:
    _fill_shifts(store, mixed=True)
    tallies = store.position_tallies("actor", issue="sanctions", shifts=True)
    assert any(0 < r.nobody < r.n for r in tallies)  # the case the tallies cannot split
    _assert_same(store, SHIFT_CASES)


def test_migration_0010_counts_reversals_in_an_older_database(db_url: str) -> None:
    from sqlalchemy import text

    from redline.store.engine import make_engine

    with Store.open(db_url) as store:
        _fill_shifts(store)
        expected = _from_corpus(store, by="actor")
    engine = make_engine(db_url)
    tally = ["rev_n", "rev_rank", "rev_confidence", "rev_length", "rev_document", "rev_start", "rev_id"]
    added = {"position_tally": [*tally, "nobody"], "position_shift": ["evidence_before", "evidence_after"]}
    added["position_shift"].append("explicit")
    with engine.begin() as conn:  # as the last version left it: no shift kept, no reversal counted
        conn.execute(text("DELETE FROM position_shift"))
        conn.execute(text("DROP INDEX IF EXISTS ix_position_tally_rev"))  # made later, of rev_n
        conn.execute(text("DELETE FROM _migrations WHERE name = '0016_tally_reversal_index'"))
        for table, cols in added.items():
            for col in cols:
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {col}"))
        conn.execute(text("DELETE FROM _migrations WHERE name = '0010_shift_tallies'"))
    engine.dispose()
    with Store.open(db_url) as store:
        assert any(r.rev_n for r in store.position_tallies("actor"))
        assert _explicit(expected)
        assert _from_tallies(store, by="actor") == expected


@pytest.mark.parametrize("at", [None, date(2025, 11, 21)])
@pytest.mark.parametrize("reversals", [False, True])
def test_a_cell_paged_by_index_lists_what_its_tallies_count(
    store: Store, monkeypatch: pytest.MonkeyPatch, at: date | None, reversals: bool
) -> None:
    """``cell_rows.newest`` (a big cell's page, read along the issue's date index in batches)
    lists, page by page, the statements the cell's whole read lists, in the same order, and as
    many as the matrix counts in the cell (so the page can take its total from the matrix)."""
    from redline.store import cell_rows
    from redline.web.analysis_pages import cell_statements

    (_fill_shifts if reversals else _fill)(store)  # with reversals placed on the plan too
    store.correct("s2-8", Correction(speaker="Vladimir Putin"))
    monkeypatch.setattr(cell_rows, "_BATCH", 2)  # several keyset batches per cell
    report = _from_tallies(store, by="party", at=at)
    party_of = store.parties()
    counted = {(c["row"], c["column"]): c["statements"] + c["undated"] for c in report["cells"]}
    counted |= {(u["row"], u["column"]): u["undated"] for u in report["unplaced"]}
    assert len(counted) > 5
    for (row, column), n in counted.items():
        speakers = None if row == "unaffiliated" else {k for k, v in party_of.items() if v == row}
        whole = store.read(cell_rows.candidates, issue=column, speakers=speakers)
        expected = [r.id for r in cell_statements(whole, party_of, row, column, at, store.reversal)]
        pages: list[str] = []
        for skip in range(0, n + 2, 2):
            got = store.read(
                cell_rows.newest,
                issue=column,
                row=row,
                party_of=party_of,
                reversal=store.reversal,
                at=at,
                skip=skip,
                take=2,
            )
            pages += [r.id for r in got]
        assert pages == expected, (row, column)
        assert len(expected) == n, (row, column)


def _not_neutral(cells: dict[tuple[str, str], ShiftDays[str]]) -> dict[tuple[str, str], ShiftDays[str]]:
    out: dict[tuple[str, str], ShiftDays[str]] = {}
    for key, days in cells.items():
        kept = [(d, [g for g in gs if g.group.stance != "neutral"]) for d, gs in days]
        if any(gs for _, gs in kept):
            out[key] = [(d, gs) for d, gs in kept if gs]
    return out


@pytest.mark.parametrize("mixed", [False, True])
def test_one_pass_as_of_a_day_equals_the_tally_rows(store: Store, mixed: bool) -> None:
    """``as_of`` (the cells and shift days of a past day, read in one pass) gives what
    the cells counted in SQL (``balances.cells``) and ``shift_days`` of the tally rows give,
    neutral days aside (they change no shift: the corpus comparisons above walk them out)."""
    _fill_shifts(store, mixed=mixed)
    store.write([_prepared(_extraction(20, [7, 8, 9], day=23))])  # a neutral day in a cell with shifts
    cells = walked = 0
    for by in ("party", "actor"):
        for issue in (None, "sanctions", "territory", "ceasefire"):
            for day in (19, 21, 23, 24, 30):
                at = date(2025, 11, day)
                rows = store.position_tallies(by, issue=issue, at=at)
                totals, walk = store.position_as_of(by, at, issue=issue)
                assert totals == store.position_cells(by, issue=issue, at=at), (by, issue, at)
                old = shift_days(rows)
                assert (walk is None) == (old is None), (by, issue, at)
                if old is not None and walk is not None:
                    assert walk == _not_neutral(old), (by, issue, at)
                    walked += len(walk)
                cells += len(totals.cells)
    assert cells and walked
    assert any(r.stance == "neutral" and r.day for r in store.position_tallies("actor"))
