"""One definition of a statement that counts: every reading of the store agrees with it."""

from __future__ import annotations

from test_store import WIRE, prepared

from fakes import doc
from redline.store import Correction, StatementFilter, Store
from redline.store.countable import is_countable


def test_lists_counts_and_summaries_count_the_same_statements(db_url: str) -> None:
    reprint = WIRE.replace("next week", "in the coming days") + " Reporting by staff."
    with Store.open(db_url) as store:
        store.write([prepared(doc(1, WIRE, outlet="Wire")), prepared(doc(2, reprint, outlet="Daily"))])
        every = store.statements(StatementFilter(limit=None, include_rejected=True, include_duplicates=True))
        store.correct(every[0]["id"], Correction(reject=True))
        every = store.statements(StatementFilter(limit=None, include_rejected=True, include_duplicates=True))
        counted = {r["id"] for r in every if is_countable(r)}
        assert 0 < len(counted) < len(every)  # both a rejected and a reprinted statement are left out

        assert {r["id"] for r in store.statements(StatementFilter(limit=None))} == counted
        assert store.summary()["statements"] == len(counted)
        assert sum(a["statements"] for a in store.actors()) == len(counted)
        assert {c.statement_id for c in store.claim_inputs()} == {
            r["id"] for r in every if is_countable(r) and r["actor_id"]
        }
