"""The per actor, issue, day and stance counts the database keeps equal a count of the statements,
after ingest, reprints, corrections, rejection and re-extraction; on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from test_tallies import _extraction, _fill, store  # noqa: F401  (``store`` is a fixture)

from redline.store import Correction, Store, actor_days, lookup
from redline.store.countable import countable
from redline.store.schema import statement, statement_issue


def _counted(conn: Connection, actor_id: str) -> list[tuple[str, Any, str, int]]:
    """The counts from the statements themselves (issue membership through ``statement_issue``)."""
    s, si = statement, statement_issue
    mine = [s.c.actor_id == actor_id, *countable()]
    tagged = (
        select(si.c.issue, s.c.date, s.c.stance, func.count())
        .select_from(s.join(si, si.c.statement_id == s.c.id))
        .where(*mine)
        .group_by(si.c.issue, s.c.date, s.c.stance)
    )
    untagged = (
        select(s.c.date, s.c.stance, func.count())
        .where(*mine, ~select(si.c.issue).where(si.c.statement_id == s.c.id).exists())
        .group_by(s.c.date, s.c.stance)
    )
    rows = [(r[0], r[1], r[2], int(r[3])) for r in conn.execute(tagged)]
    return rows + [("", r[0], r[1], int(r[2])) for r in conn.execute(untagged)]


def _assert_kept(s: Store) -> None:
    actors = [r[0] for r in s.read(lambda c: list(c.execute(select(statement.c.actor_id).distinct())))]
    assert len([a for a in actors if a]) >= 3
    for a in actors:
        if a:
            kept = sorted(s.read(lookup.actor_stances, a), key=repr)
            assert kept == sorted(s.read(_counted, a), key=repr), a
            assert kept


def test_actor_days_follow_every_write(store: Store) -> None:  # noqa: F811
    _fill(store)
    _assert_kept(store)
    store.correct("s1-1", Correction(stance="support"))
    store.correct("s2-5", Correction(issues=("ceasefire", "nato")))
    store.correct("s1-4", Correction(reject=True))
    store.correct("s2-6", Correction(issues=()))  # no issue: counted under ""
    store.correct("s2-8", Correction(speaker="Vladimir Putin"))
    _assert_kept(store)
    assert any(r[0] == "" for r in store.read(lookup.actor_stances, "zelensky"))
    store.replace([_extraction(1, [0, 1, 3])])  # re-extracted with a statement fewer
    _assert_kept(store)
    before = sorted(store.read(lookup.actor_stances, "putin"), key=repr)
    with store.engine.begin() as conn:
        actor_days.recount(conn)
    assert sorted(store.read(lookup.actor_stances, "putin"), key=repr) == before


def test_an_actors_latest_days_are_those_of_all_its_days(store: Store) -> None:  # noqa: F811
    """``actor_days.recent`` (per issue the latest days and the total) gives an actor's page
    what it showed from every day of the actor: the same issues in the same order, the same
    latest days (undated last) and the same totals."""
    from redline.web.corpus_pages import stance_days

    _fill(store)
    store.correct("s2-6", Correction(issues=()))
    longest = 0
    for a in ("putin", "peskov", "zelensky", "rubio"):
        every = stance_days(store.read(lookup.actor_stances, a))
        longest = max([longest, *(len(days) for _, days in every)])
        for n in (1, 2, 60):
            totals, rows = store.read(actor_days.recent, a, n)
            latest = stance_days(rows, totals)
            assert [(i, d[-n:]) for i, d in latest] == [(i, d[-n:]) for i, d in every], (a, n)
            assert totals == {i: sum(sum(c.values()) for _, c in d) for i, d in every}
    assert longest > 2  # an issue with more days than the shortest cut keeps
