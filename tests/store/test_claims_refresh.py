"""Regrouping only the speakers whose statements changed gives the claims a full rebuild gives."""

from __future__ import annotations

from sqlalchemy import text

from fakes import make_fake, make_fake_v2
from redline.analysis.claims import refresh_claims
from redline.config import Settings
from redline.ingest import ingest, reprocess
from redline.store import Correction, StatementFilter, Store
from test_ingest import corpus


def claims_of(store: Store) -> list[tuple[object, ...]]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "select c.id, c.actor_id, c.n_statements, cs.statement_id from claim c "
                "join claim_statement cs on cs.claim_id = c.id"
            )
        )
        return sorted(tuple(r) for r in rows)


def rebuilt(store: Store) -> list[tuple[object, ...]]:
    """The claims a full rebuild gives (the store keeps them: the next step starts from there)."""
    refresh_claims(store)
    return claims_of(store)


def test_incremental_refresh_after_ingest_correction_and_reprocess(db_url: str) -> None:
    with Store.open(db_url) as store:
        ingest(corpus(20), store, Settings(batch_size=5), extractor_factory=make_fake)
        assert refresh_claims(store) > 0
        assert store.stale_claim_actors() == set()
        assert refresh_claims(store, only_changed=True) == 0  # nothing changed, nothing rewritten

        # new documents: only their speakers are regrouped, and the result is a full rebuild's
        ingest(corpus(32), store, Settings(batch_size=5), extractor_factory=make_fake)
        stale = store.stale_claim_actors()
        assert stale and stale < {a["id"] for a in store.actors()}
        refresh_claims(store, only_changed=True)
        incremental = claims_of(store)
        assert incremental == rebuilt(store)

        # a statement given to another speaker, and one rejected
        rows = store.statements(StatementFilter(limit=None))
        moved, dropped = rows[0], rows[1]
        other = next(r["actor_id"] for r in rows if r["actor_id"] != moved["actor_id"])
        store.correct(moved["id"], Correction(speaker=other))
        store.correct(dropped["id"], Correction(reject=True))
        assert {moved["actor_id"], other, dropped["actor_id"]} <= store.stale_claim_actors()
        refresh_claims(store, only_changed=True)
        assert claims_of(store) == rebuilt(store)
        assert dropped["id"] not in {r[3] for r in claims_of(store)}

        # re-extraction replaces every statement
        reprocess(store, Settings(batch_size=5), extractor_factory=make_fake_v2)
        refresh_claims(store, only_changed=True)
        assert claims_of(store) == rebuilt(store)
        assert store.stale_claim_actors() == set()
