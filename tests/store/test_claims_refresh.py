"""The library keeps claims current: after every ingest, correction and re-extraction, the claims
are what a full rebuild gives, with no caller having to regroup them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from fakes import doc, make_fake, make_fake_v2
from redline.analysis.claims import refresh_claims
from redline.config import Settings
from redline.corrections import correct
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


def current(store: Store) -> list[tuple[object, ...]]:
    """The claims as the library left them, checked against a full rebuild."""
    assert store.stale_claim_actors() == set()
    kept = claims_of(store)
    assert kept == rebuilt(store)
    return kept


def test_claims_stay_current_through_ingest_correction_and_reprocess(db_url: str) -> None:
    with Store.open(db_url) as store:
        ingest(corpus(20), store, Settings(batch_size=5), extractor_factory=make_fake)
        assert current(store)
        assert refresh_claims(store, only_changed=True) == 0  # nothing changed, nothing rewritten

        # new documents: regrouping only their speakers gives what a full rebuild gives
        ingest(corpus(32), store, Settings(batch_size=5), extractor_factory=make_fake)
        current(store)

        # a statement given to another speaker, and one rejected
        rows = store.statements(StatementFilter(limit=None))
        moved, dropped = rows[0], rows[1]
        other = next(r["actor_id"] for r in rows if r["actor_id"] != moved["actor_id"])
        correct(store, moved["id"], Correction(speaker=other))
        correct(store, dropped["id"], Correction(reject=True))
        assert dropped["id"] not in {r[3] for r in current(store)}

        # re-extraction replaces every statement
        reprocess(store, Settings(batch_size=5), extractor_factory=make_fake_v2)
        current(store)


def test_the_store_marks_what_a_low_level_correction_leaves_to_regroup(db_url: str) -> None:
    """``Store.correct`` alone cannot regroup (the store does not import the analysis layer); it
    marks the speakers, and the next library call catches up."""
    with Store.open(db_url) as store:
        ingest(corpus(20), store, Settings(batch_size=5), extractor_factory=make_fake)
        rows = store.statements(StatementFilter(limit=None))
        store.correct(rows[0]["id"], Correction(reject=True))
        assert rows[0]["actor_id"] in store.stale_claim_actors()
        refresh_claims(store, only_changed=True)
        assert not store.stale_claim_actors()
        store.correct(rows[1]["id"], Correction(date=date(2025, 10, 1)))  # far from its claim's days
        assert rows[1]["actor_id"] in store.stale_claim_actors()
        ingest(corpus(21), store, Settings(batch_size=5), extractor_factory=make_fake)
        assert rows[0]["id"] not in {r[3] for r in current(store)}


def test_ingest_groups_claims_with_the_places_of_the_users_actor_files(db_url: str, tmp_path: Path) -> None:
    """Another negotiation's capital and adjective are one concept when the settings' actor
    files declare them, as extraction reads them: two outlets' wordings make one claim."""
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "parties:\n  lowmarsh: Lowmarsh\n"
        "actors:\n  - {id: lowmarsh, name: Lowmarsh, type: state, party: lowmarsh}\n"
        "places:\n  lowmarsh: [Lowmarsh, Marshbury, Lowmarshian]\n",
        encoding="utf-8",
    )
    docs = [
        doc(1, "Ivo Tamm said Marshbury rejects the plan to pull out of the delta.", outlet="Wire"),
        doc(
            2,
            "Ivo Tamm said Lowmarshian officials refused any withdrawal from the delta region.",
            outlet="Post",
        ),
    ]
    with Store.open(db_url, actors=(actors,)) as store:
        ingest(docs, store, Settings(actors=(actors,)), extractor_factory=make_fake)
        assert [r[2] for r in claims_of(store)] == [2, 2]  # one claim of both statements
