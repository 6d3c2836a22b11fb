"""A matrix by plan point as of a past day read from the walk the store keeps per version
(``point_checkpoint``, ``point_turn``) equals the one walked over every point tally up to the
day, and the corpus positions, after every kind of write."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select
from test_walk_checkpoints import FIRST, SPEAKERS, _days, _document, _prepared

from redline.analysis import negotiation
from redline.analysis.db_repository import SqlPlanRepository, SqlStatementSource
from redline.analysis.positions_report import positions_report
from redline.analysis.stored_positions import link_new, link_version, stored_positions
from redline.model import Actor, Document, Extraction, PlanVersion, Point, Span, Speaker, Statement
from redline.store import Correction, Store
from redline.store.migrations import MIGRATIONS
from redline.store.schema import migrations_table, point_checkpoint, point_turn

PLAN = PlanVersion(
    "peace",
    "draft",
    date(2025, 9, 1),
    None,
    [
        Point("1", "The proposal: a truce takes effect at once.", issues=["ceasefire"]),
        Point("2", "The border line is frozen where it runs.", issues=["territory"]),
        Point("3", "The penalties are eased after any settlement.", issues=["sanctions"]),
    ],
)


@pytest.fixture
def store(db_url: str) -> Any:
    s = Store.open(db_url)
    s.add_actors([Actor(a, name, "person", party=p) for a, name, p in SPEAKERS if a is not None])
    yield s
    s.close()


def _link(store: Store) -> None:
    link_version(store, SqlPlanRepository(store).get_version(PLAN.plan, PLAN.label))


def _report(store: Store, how: str, **kw: Any) -> dict[str, Any]:
    """The report by plan point (of one ``issue``'s statements and one page of ``rows``, when
    given): from the kept walk ("kept"), from the point tallies up to the day ("walked": the kept
    walk switched off), or from the corpus ("corpus")."""
    repo = SqlPlanRepository(store)
    if how == "corpus":
        corpus = negotiation.read_corpus(SqlStatementSource(store), store.knowledge)
        result, documents = negotiation.positions(corpus, repo=repo, plan=PLAN.plan, **kw), corpus.documents
    else:
        with pytest.MonkeyPatch.context() as mp:
            if how == "walked":
                mp.setattr(Store, "point_past", lambda *a, **k: None)
            found = stored_positions(store, repo=repo, plan=PLAN.plan, **kw)
        result, documents = found.result, found.documents
    return positions_report(
        result, by=kw["by"], documents=documents, plan=PLAN.plan, issue=kw.get("issue"), page=kw.get("rows")
    ).to_dict()


def _assert_past_is_walked(store: Store) -> int:
    """Every day around the week boundaries, both kinds of row: kept == walked; returns how
    many shifts and cells were compared."""
    compared = 0
    for by in ("party", "actor"):
        for at in _days():
            assert store.point_past(PLAN.plan, PLAN.label, by, at) is not None  # the kept walk is read
            kept = _report(store, "kept", by=by, at=at)
            assert kept == _report(store, "walked", by=by, at=at), (by, at)
            compared += len(kept["shifts"]) + len(kept["cells"])
    return compared


def _kept(store: Store) -> list[Any]:
    def read(conn: Any) -> list[Any]:
        return [sorted(tuple(r) for r in conn.execute(select(t))) for t in (point_checkpoint, point_turn)]

    return store.read(read)


def _filled(store: Store) -> list[Extraction]:
    rnd = random.Random(12)
    docs = [_document(rnd, n) for n in range(60)]
    store.write([_prepared(ex) for ex in docs[:15]])
    SqlPlanRepository(store).save_version(PLAN)
    _link(store)
    for k in range(15, 60, 15):  # writes whose days reach back, linked as ingest links them
        store.write([_prepared(ex) for ex in docs[k : k + 15]])
        link_new(store)
    store.write([_prepared(_document(rnd, n, dated=False)) for n in range(60, 64)])  # undated
    link_new(store)
    return docs


def test_past_positions_by_point_equal_the_walk_and_the_corpus_after_any_write(store: Store) -> None:
    docs = _filled(store)
    kept = _kept(store)
    assert kept[0] and kept[1]  # checkpoints and turns are kept
    assert _assert_past_is_walked(store) > 100
    # corrections (a stance, a speaker, a rejection), a document extracted again with fewer
    # statements, a speaker given a party: each recounts the point tallies it touches
    store.correct("w3-0", Correction(stance="oppose"))
    store.correct("w5-1", Correction(speaker="Sergei Lavrov"))
    store.correct("w7-0", Correction(reject=True))
    fewer = docs[10]
    store.replace([Extraction(fewer.document, fewer.statements[:1], [], extractor="test/1")])
    store.add_actors([Actor("unnamed", "An Unnamed Diplomat", "person", party="europe")])
    link_new(store)
    assert _kept(store) != kept
    _assert_past_is_walked(store)
    for by in ("party", "actor"):
        for at in (FIRST + timedelta(days=20), FIRST + timedelta(days=41)):
            expected = _report(store, "corpus", by=by, at=at)
            assert expected["cells"], (by, at)
            assert _report(store, "kept", by=by, at=at) == expected, (by, at)
    kept = _kept(store)
    store.rebuild_tallies()
    assert _kept(store) == kept  # what every write kept is what walking everything again keeps


def test_a_version_saved_anew_forgets_its_walk_until_linked_again(store: Store) -> None:
    _filled(store)
    SqlPlanRepository(store).save_version(PLAN)
    assert _kept(store) == [[], []]
    _link(store)
    assert _kept(store)[0]
    _assert_past_is_walked(store)


def test_a_cell_mixing_nobodys_speakers_walks_the_point_tallies(store: Store) -> None:
    """A speaker name shared by the media desk and a party's speaker: the kept turns cannot be
    used from the desk's first statement on, and the tallies are walked, as for the issues."""
    _filled(store)
    store.add_actors([Actor("desk2", "Sergei Lavrov", "organization", party="media")])
    late = FIRST + timedelta(days=60)
    said = "the border line is frozen where it runs, no comment"
    st = Statement(
        id="late-0",
        document_id="late",
        content=Span(said, 19, 19 + len(said)),
        kind="direct",
        speaker=Speaker("Sergei Lavrov", "desk2", Span("Sergei Lavrov", 0, 13), "media"),
        issues=["territory"],
        stance="oppose",
        date=late,
        confidence=0.9,
        extractor="test/1",
    )
    doc = Document("late", f"Sergei Lavrov said {said}.", "https://example.org/late", None, late, "Wire")
    store.write([_prepared(Extraction(doc, [st], [], extractor="test/1"))])
    link_new(store)
    turns = store.read(lambda conn: list(conn.execute(select(point_turn))))
    assert any(t.shift_before == "" and t.day == late for t in turns)  # the day the mix begins
    assert store.point_past(PLAN.plan, PLAN.label, "actor", late) is None
    for at in (late - timedelta(days=1), late):
        expected = _report(store, "corpus", by="actor", at=at)
        assert _report(store, "kept", by="actor", at=at) == expected, at


def test_the_migration_walks_the_stored_point_tallies(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.add_actors([Actor(a, name, "person", party=p) for a, name, p in SPEAKERS if a is not None])
        _filled(store)
        kept = _kept(store)
        assert kept[0] and kept[1]
        name = next(n for n, step in MIGRATIONS if step.__name__ == "_point_checkpoints")
        with store.engine.begin() as conn:  # a database from before the migration
            for t in (point_checkpoint, point_turn):
                conn.execute(delete(t))
            conn.execute(delete(migrations_table).where(migrations_table.c.name == name))
    with Store.open(db_url) as store:
        assert _kept(store) == kept
        _assert_past_is_walked(store)
