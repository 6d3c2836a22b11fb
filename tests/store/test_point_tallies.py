"""The tallies by plan point the store keeps (``store.point_tallies``) stay what counting the
version's links gives, through ingest, corrections, re-extraction, a party change and a version
saved anew; and positions by point read from them equal the corpus positions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from test_tallies import PLAN, _assert_same, _fill, _prepared

from fakes import doc, make_fake, make_fake_v2
from redline.analysis.db_repository import SqlPlanRepository
from redline.analysis.linking import LinkOptions, link_statements, matcher_of
from redline.analysis.stored_positions import link_new, link_version
from redline.analysis.textsim import TfIdf
from redline.config import Settings
from redline.ingest import ingest, reprocess
from redline.knowledge.link_terms import load_generic_link_terms
from redline.model import Actor, Document, Extraction, Span, Speaker, Statement
from redline.store import Correction, Store, point_tallies, tallies
from redline.store.balances import TallyRow
from redline.store.schema import point_link

CASES: list[dict[str, Any]] = [
    {"by": "party", "plan": "peace"},
    {"by": "actor", "plan": "peace"},
    {"by": "actor", "plan": "peace", "at": date(2025, 11, 21)},
]


def _doc(n: int, lines: list[tuple[str, str, str, int | None]], day: int | None) -> Extraction:
    """Document ``n``: (speaker, stance, words, day or None: the document's) per statement."""
    sentences, statements, offset = [], [], 0
    for i, (who, stance, words, said) in enumerate(lines):
        sentence = f"{who} said {words}."
        start = offset + len(who) + len(" said ")
        statements.append(
            Statement(
                id=f"p{n}-{i}",
                document_id=f"p{n}",
                content=Span(words, start, start + len(words)),
                kind="direct",
                speaker=Speaker(who, None, Span(who, offset, offset + len(who))),
                issues=["territory", "ceasefire"],
                stance=stance,  # type: ignore[arg-type]
                date=date(2025, 11, said) if said else None,
                confidence=0.9,
                extractor="test/1",
            )
        )
        sentences.append(sentence)
        offset += len(sentence) + 1
    published = date(2025, 11, day) if day else None
    text = " ".join(sentences)
    doc = Document(id=f"p{n}", text=text, url=f"https://example.org/p{n}", outlet="Wire", published=published)
    return Extraction(doc, statements, [], extractor="test/1")


LINES = [
    ("Ivan Petrov", "oppose", "a withdrawal from the east and a frozen line of contact: unacceptable", None),
    ("Olga Ivanova", "support", "a ceasefire takes effect once both sides accept the framework", 21),
    ("Ivan Petrov", "support", "the line of contact can be frozen if the east is demilitarised", 22),
]

MORE = [("Ivan Petrov", "oppose", "nobody in Moscow will withdraw from the east or freeze that line", None)]


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url)
    s.add_actors([Actor("putin", "Vladimir Putin", "person", party="russia")])
    yield s
    s.close()


def _version() -> tuple[str, str]:
    return PLAN.plan, PLAN.label


def _kept(store: Store, by: str) -> list[TallyRow]:
    return store.point_tallies(*_version(), by)


def _counted(store: Store, by: str) -> list[TallyRow]:
    """What counting the version's links from the statements gives (the unkept way)."""
    with store.engine.connect() as conn:
        return tallies.point_tallies(conn, *_version(), by, store.reversal)


def _link(store: Store) -> int:
    return link_version(store, SqlPlanRepository(store).get_version(*_version()))


def _assert_kept(store: Store) -> None:
    for by in ("party", "actor"):
        counted = _counted(store, by)
        assert counted, by  # the comparison is about something
        assert _kept(store, by) == counted, by


def _filled(store: Store) -> None:
    _fill(store)
    store.write([_prepared(_doc(1, LINES, day=20))])
    SqlPlanRepository(store).save_version(PLAN)
    assert _kept(store, "party") == []  # nothing linked yet
    assert _link(store) > 0


def test_links_saved_are_counted_as_counting_the_links_gives(store: Store) -> None:
    _filled(store)
    _assert_kept(store)
    # a later article adds to the same (row, point, day, stance) as an earlier one
    before = _kept(store, "actor")
    store.write([_prepared(_doc(2, MORE, day=20))])
    assert _kept(store, "actor") == before  # not linked yet
    _link(store)
    _assert_kept(store)
    assert max(r.n for r in _kept(store, "actor")) == 2 > max(r.n for r in before)
    _assert_same(store, CASES)


def test_a_correction_recounts_its_groups_at_once_and_again_when_relinked(store: Store) -> None:
    _filled(store)
    store.correct("p1-2", Correction(stance="oppose"))
    _assert_kept(store)  # its links dropped: counted without it until it is linked again
    _link(store)
    _assert_kept(store)
    store.correct("p1-1", Correction(reject=True))
    store.correct("p1-0", Correction(speaker="Vladimir Putin"))
    _link(store)
    _assert_kept(store)
    _assert_same(store, CASES)


def test_a_corrected_date_moves_its_point_groups(store: Store) -> None:
    _filled(store)
    _link(store)
    store.correct("p1-1", Correction(date=date(2025, 11, 27)))
    _link(store)
    _assert_kept(store)
    assert date(2025, 11, 27) in {r.day for r in _kept(store, "actor")}
    _assert_same(store, CASES)


def test_a_reextraction_that_moves_a_day_leaves_no_count_behind(store: Store) -> None:
    _filled(store)
    before = {r.day for r in _kept(store, "actor") if r.row == "Ivan Petrov"}
    assert date(2025, 11, 20) in before  # the undated statement takes its article's day
    moved = _doc(1, LINES, day=24)
    store.replace([moved])
    _assert_kept(store)
    _link(store)
    _assert_kept(store)
    after = {r.day for r in _kept(store, "actor") if r.row == "Ivan Petrov"}
    assert date(2025, 11, 20) not in after and date(2025, 11, 24) in after
    _assert_same(store, CASES)


def test_a_new_party_moves_the_rows_by_point(store: Store) -> None:
    _filled(store)
    assert "europe" not in {r.row for r in _kept(store, "party")}
    store.add_actors([Actor("petrov", "Ivan Petrov", "person", party="europe")])
    _assert_kept(store)
    assert "europe" in {r.row for r in _kept(store, "party")}
    _assert_same(store, CASES)


def test_a_version_saved_anew_is_counted_from_its_new_links(store: Store) -> None:
    _filled(store)
    SqlPlanRepository(store).save_version(PLAN)
    assert _kept(store, "party") == [] and _kept(store, "actor") == []
    _link(store)
    _assert_kept(store)


@pytest.mark.parametrize("by", ["party", "actor"])
def test_rebuilt_point_tallies_equal_the_kept_ones(store: Store, by: str) -> None:
    _filled(store)
    store.correct("p1-2", Correction(stance="neutral"))
    _link(store)

    def state() -> tuple[Any, ...]:
        cells = store.point_cells(*_version(), by)
        return _kept(store, by), sorted(cells.cells.items()), store.point_shifts(*_version(), by)

    kept = state()
    assert kept[1]  # cells are kept
    with store.engine.begin() as conn:
        point_tallies.rebuild(conn, store.reversal)
    assert state() == kept


def test_what_ingest_links_after_a_write_leaves_nothing_to_link(store: Store) -> None:
    _filled(store)
    other = replace(PLAN, label="never-asked")
    SqlPlanRepository(store).save_version(other)
    store.write([_prepared(_doc(2, MORE, day=20))])
    store.correct("p1-2", Correction(stance="oppose"))
    assert link_new(store) == 2  # the new statement and the corrected one, in the linked version
    pending, statements = store.point_link_pending(*_version())
    assert statements == [] and pending.changed == []
    _assert_kept(store)
    assert store.linked_versions() == [_version()]  # a version never asked for is not linked
    _assert_same(store, CASES)


def _links(store: Store) -> list[tuple[str, str, float]]:
    with store.engine.connect() as conn:
        q = select(point_link.c.statement_id, point_link.c.number, point_link.c.score)
        return sorted((r[0], r[1], r[2]) for r in conn.execute(q.where(point_link.c.label == PLAN.label)))


def test_statements_link_alike_in_any_batch_and_relinking_changes_nothing(store: Store) -> None:
    _filled(store)
    weights = store.point_link_reference(*_version())
    assert weights is not None  # kept with the first links
    more = [_doc(2, MORE, day=20), _doc(3, LINES[1:], day=23)]
    for ex in more:  # two batches, each linked as ingest links it
        store.write([_prepared(ex)])
        link_new(store)
    linked = _links(store)
    assert store.point_link_reference(*_version()) == weights  # later links keep the first weights
    opt = LinkOptions(generic=load_generic_link_terms())
    matcher = matcher_of(PLAN.points, (), opt, TfIdf.of_counts(*weights))
    at_once = link_statements([s for ex in more for s in ex.statements], matcher, opt)
    made = {(lk.statement_id, lk.number, lk.score) for found in at_once.values() for lk in found}
    assert made and made <= set(linked)  # as both batches linked in one
    store.replace(more)  # re-extracted unchanged: unlinked, then linked again alike
    assert _links(store) != linked
    link_new(store)
    assert _links(store) == linked
    _assert_kept(store)


def test_ingest_and_reprocess_leave_no_statement_to_link(db_url: str) -> None:
    """Ingest links each batch to the versions already linked: a request finds nothing to link."""
    said = ["a ceasefire takes effect when both sides accept it", "the line of contact is frozen in the east"]
    docs = [
        doc(i, f"Report {i}. Ivan Petrov said {said[i % 2]}. Item {i * 7}.", day=1 + i) for i in range(12)
    ]
    with Store.open(db_url) as s:
        ingest(docs[:4], s, Settings(batch_size=2), extractor_factory=make_fake)
        SqlPlanRepository(s).save_version(PLAN)
        assert _link(s) > 0  # the first request links the corpus
        ingest(docs[4:], s, Settings(batch_size=3), extractor_factory=make_fake)
        assert s.point_link_pending(*_version())[1] == []
        reprocess(s, Settings(batch_size=5), extractor_factory=make_fake_v2)
        assert s.point_link_pending(*_version())[1] == []
        assert _link(s) == 0
        _assert_kept(s)
