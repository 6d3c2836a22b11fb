"""What the negotiation reads from the store, on every backend: extractions and plan versions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from fakes import SaidExtractor, doc
from redline.analysis.db_repository import SqlPlanRepository, SqlStatementSource
from redline.analysis.plan_reports import ReconstructedPoint, ReconstructedVersion, ReportedChange
from redline.errors import NotFoundError
from redline.model import Actor, Event, Extraction, PlanVersion, Point, Span
from redline.store import Correction, Prepared, Store, fingerprint

TEXT = (
    "Vladimir Putin said the draft plan could become the basis for a final settlement of the war. "
    "Andriy Yermak said any deal must include firm security guarantees for Ukraine."
)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url)
    yield s
    s.close()


def _with_event(ex: Extraction, word: str = "settlement") -> Extraction:
    start = ex.document.text.index(word)
    ev = Event(
        id=f"{ex.document.id}-trip",
        document_id=ex.document.id,
        type="visit",
        trigger=Span(word, start, start + len(word)),
        actors=["Steve Witkoff"],
        actor_ids=["steve-witkoff"],
        place="Moscow",
        date=date(2025, 12, 2),
        date_precision="day",
        planned=True,
    )
    return replace(ex, events=[ev])


def _prepared(ex: Extraction) -> Prepared:
    d = ex.document
    return Prepared(ex, fingerprint(d.text, d.url, d.content_hash))


def test_the_negotiation_migration_is_recorded(store: Store) -> None:
    assert "0004_negotiation" in store.migrations()


def test_extractions_come_back_with_events_corrections_and_without_reprints(store: Store) -> None:
    store.add_actors([Actor("vladimir-putin", "Vladimir Putin", party="russia")])
    original = _with_event(next(SaidExtractor().extract([doc(1, TEXT, day=1)])))
    reprint = _with_event(next(SaidExtractor().extract([doc(2, TEXT + " Reprinted.", day=2)])))
    outcomes = store.write([_prepared(original), _prepared(reprint)])
    assert [o.status for o in outcomes] == ["stored", "near_duplicate"]
    first, second = original.statements
    store.correct(first.id, Correction(stance="oppose", who="ana"))
    store.correct(second.id, Correction(reject=True, who="ana"))

    source = SqlStatementSource(store)
    got = {ex.document.id: ex for ex in source.extractions() if isinstance(ex, Extraction)}
    assert set(got) == {original.document.id, reprint.document.id}
    kept = got[original.document.id]
    assert [s.id for s in kept.statements] == [first.id]  # the rejected one is gone
    assert kept.statements[0].stance == "oppose"  # the correction applies
    assert kept.statements[0].speaker is not None and kept.statements[0].speaker.name == "Vladimir Putin"
    assert kept.document.text == TEXT
    assert [(e.type, e.place, e.planned, e.actor_ids) for e in kept.events] == [
        ("visit", "Moscow", True, ["steve-witkoff"])
    ]
    dup = got[reprint.document.id]
    assert dup.statements == [] and dup.events == []  # a reprint is not counted twice
    assert source.party_of()["vladimir-putin"] == "russia"

    store.replace([replace(original, events=[])])  # re-extraction replaces machine events
    again = next(ex for ex in store.iter_extractions() if ex.document.id == original.document.id)
    assert again.events == []


def _version(label: str, texts: list[str], reported: bool = False) -> PlanVersion:
    points = [Point(str(k), t, "Security", ["nato"], ["SecGua"]) for k, t in enumerate(texts, start=1)]
    return PlanVersion("peace", label, date(2025, 11, 20), "https://example.org", points, reported)


def test_plan_versions_round_trip_and_a_text_replaces_its_reconstruction(store: Store) -> None:
    repo = SqlPlanRepository(store)
    draft = _version("28-point", ["No NATO troops.", "Army capped.", "Full amnesty."])
    repo.save_version(draft)
    assert repo.get_version("peace", "28-point") == draft
    assert repo.get_reconstruction("peace", "28-point") is None

    change = ReportedChange(
        statement_id="s1",
        document_id="d1",
        speaker="Sergiy Kyslytsya",
        date=date(2025, 11, 27),
        verb="nixing",
        change="removed",
        target="600,000-member cap",
        quote="nixing a 600,000-member cap",
        point="2",
        score=0.9,
    )
    revised = _version("revised", ["No NATO troops.", "Full amnesty."], reported=True)
    entries = [
        ReconstructedPoint("1", "No NATO troops.", "unchanged", []),
        ReconstructedPoint("2", "Army capped.", "removed", [change]),
        ReconstructedPoint("3", "Full amnesty.", "unchanged", []),
    ]
    repo.save_reconstruction(ReconstructedVersion(revised, "28-point", entries))
    rec = repo.get_reconstruction("peace", "revised")
    assert rec is not None and rec.base_label == "28-point" and rec.version == revised
    assert rec.entries == entries
    assert repo.plans() == ["peace"] and [v.label for v in repo.versions("peace")] == ["28-point", "revised"]

    text = _version("revised", ["No NATO troops.", "Army of 800,000.", "Full amnesty."])
    repo.save_version(text)
    assert repo.get_reconstruction("peace", "revised") is None
    assert repo.get_version("peace", "revised") == text
    with pytest.raises(NotFoundError, match="no version '20-point'"):
        repo.get_version("peace", "20-point")
