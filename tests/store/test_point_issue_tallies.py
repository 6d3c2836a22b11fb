"""Positions by plan point narrowed to an issue read what the store keeps per version and issue
of the statements (``point_issue_tally`` and its cells, shifts and walk): the kept tallies equal
counting the issue's links (the slow path they replace), and the matrix, its shifts and its row
order equal the corpus positions, as of today and of past days, after every kind of write, a
rebuild and the migration that adds them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select
from test_point_checkpoints import PLAN, _filled, _link, _report
from test_walk_checkpoints import FIRST, ISSUES, SPEAKERS, _days

from redline.analysis.db_repository import SqlPlanRepository
from redline.analysis.row_pages import RowPage, days_totals
from redline.analysis.stored_positions import link_new, tally_days
from redline.model import Actor, Extraction
from redline.store import Correction, Store, tallies
from redline.store.migrations import MIGRATIONS
from redline.store.schema import (
    migrations_table,
    point_issue_cell,
    point_issue_checkpoint,
    point_issue_shift,
    point_issue_tally,
    point_issue_turn,
)

KEPT = (point_issue_tally, point_issue_cell, point_issue_shift, point_issue_checkpoint, point_issue_turn)
NARROWED = [*ISSUES, "nato"]  # the test plan's issues, and one no statement has
VERSION = (PLAN.plan, PLAN.label)


@pytest.fixture
def store(db_url: str) -> Any:
    s = Store.open(db_url)
    s.add_actors([Actor(a, name, "person", party=p) for a, name, p in SPEAKERS if a is not None])
    yield s
    s.close()


def _kept(store: Store) -> list[Any]:
    return store.read(lambda conn: [sorted(tuple(r) for r in conn.execute(select(t))) for t in KEPT])


def _counted(store: Store, by: str, issue: str, at: date | None = None) -> list[Any]:
    """What counting the version's links of the issue's statements gives (the unkept way)."""
    with store.engine.connect() as conn:
        return tallies.point_tallies(conn, *VERSION, by, store.reversal, issue=issue, at=at)


def _assert_kept(store: Store) -> int:
    """The kept tallies per issue == counted from the links, at every day; the rows' order
    from the kept cells == from the counted tallies; the matrix as of every day around the
    week boundaries from the kept walk == walked over the tallies. Returns how many tally rows,
    cells and shifts were compared."""
    compared = 0
    for by in ("party", "actor"):
        for issue in NARROWED:
            for at in (None, FIRST + timedelta(days=20), FIRST + timedelta(days=45)):
                counted = _counted(store, by, issue, at)
                assert store.point_tallies(*VERSION, by, issue=issue, at=at) == counted, (by, issue, at)
                compared += len(counted)
            order = days_totals(tally_days(_counted(store, by, issue)))
            assert store.row_totals(by, issue=issue, version=VERSION) == order, (by, issue)
        for issue in ISSUES:
            for at in _days():
                assert store.point_past(*VERSION, by, at, issue=issue) is not None  # the kept walk is read
                kept = _report(store, "kept", by=by, at=at, issue=issue)
                assert kept == _report(store, "walked", by=by, at=at, issue=issue), (by, issue, at)
                compared += len(kept["shifts"]) + len(kept["cells"])
    return compared


def _assert_corpus(store: Store) -> None:
    """As of today, of a past day, and one page of rows: kept == the corpus positions."""
    for by in ("party", "actor"):
        for issue in ("territory", "ceasefire"):
            for kw in ({}, {"at": FIRST + timedelta(days=30)}, {"rows": RowPage(2, 1)}):
                expected = _report(store, "corpus", by=by, issue=issue, **kw)
                assert expected["cells"], (by, issue, kw)  # the comparison is about something
                assert _report(store, "kept", by=by, issue=issue, **kw) == expected, (by, issue, kw)


def test_positions_by_point_of_an_issue_equal_the_links_counted_and_the_corpus_after_any_write(
    store: Store,
) -> None:
    docs = _filled(store)
    kept = _kept(store)
    assert all(kept)  # tallies, cells, shifts, checkpoints and turns are kept per issue
    assert _assert_kept(store) > 500
    _assert_corpus(store)
    # corrections (a stance, the issues, a speaker, a rejection), a document extracted again
    # with fewer statements, a speaker given a party: each recounts the groups it touches,
    # under every issue (a statement that loses an issue leaves no count under it)
    store.correct("w3-0", Correction(stance="oppose"))
    moved = docs[4].statements[0]
    store.correct(moved.id, Correction(issues=[i for i in ISSUES if i not in moved.issues][:1]))
    store.correct("w5-1", Correction(speaker="Sergei Lavrov"))
    store.correct("w7-0", Correction(reject=True))
    fewer = docs[10]
    store.replace([Extraction(fewer.document, fewer.statements[:1], [], extractor="test/1")])
    store.add_actors([Actor("unnamed", "An Unnamed Diplomat", "person", party="europe")])
    _assert_kept(store)  # the changed statements unlinked: counted without them until linked again
    link_new(store)
    assert _kept(store) != kept
    _assert_kept(store)
    _assert_corpus(store)
    kept = _kept(store)
    store.rebuild_tallies()
    assert _kept(store) == kept  # what every write kept is what counting everything again keeps


def test_a_version_saved_anew_forgets_what_it_kept_per_issue_until_linked_again(store: Store) -> None:
    _filled(store)
    SqlPlanRepository(store).save_version(PLAN)
    assert _kept(store) == [[], [], [], [], []]
    _link(store)
    assert all(_kept(store))
    _assert_kept(store)


def test_the_migration_counts_the_stored_links_per_issue(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.add_actors([Actor(a, name, "person", party=p) for a, name, p in SPEAKERS if a is not None])
        _filled(store)
        kept = _kept(store)
        assert all(kept)
        name = next(n for n, step in MIGRATIONS if step.__name__ == "_point_issue_tallies")
        with store.engine.begin() as conn:  # a database from before the migration
            for t in KEPT:
                conn.execute(delete(t))
            conn.execute(delete(migrations_table).where(migrations_table.c.name == name))
    with Store.open(db_url) as store:
        assert _kept(store) == kept
        _assert_kept(store)
