"""The demo: the bundled example corpus and plan, ingested and analysed in one database.

It is what a newcomer runs first, so it must work from an installed package (everything it
reads travels as package data), be safe to run twice (documents already stored are skipped,
a plan version is re-saved only when its text changed) and hand back plain results that the
CLI turns into a summary for a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from redline.analysis import negotiation as lib
from redline.analysis.db_repository import SqlPlanRepository
from redline.analysis.plans import load_plan
from redline.analysis.point_tags import tag_points
from redline.analysis.stored_positions import stored_positions
from redline.config import Settings
from redline.examples import EXAMPLE_PLAN, corpus_path, example_plans
from redline.ingest import ExtractorFactory, IngestReport, ProgressCallback, ingest, read_sources
from redline.store import Store

__all__ = ["DemoResult", "corpus_size", "run_demo"]


@dataclass(slots=True)
class DemoResult:
    """What the demo did and found."""

    ingest: IngestReport
    counts: dict[str, int]  # documents, near_duplicates, statements, actors, events
    plans_imported: list[str]  # labels saved by this run (empty when they were already there)
    positions: lib.Positions  # party x issue
    diff_counts: dict[str, int]  # kept, modified, added, removed, merged, split
    plan: str
    old: str
    new: str


def corpus_size() -> int:
    """Number of articles in the bundled corpus (for a progress bar's total)."""
    with corpus_path().open(encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


def _import_example_plans(store: Store) -> list[str]:
    """Import the bundled plan versions that are missing or whose text changed since."""
    repo = SqlPlanRepository(store)
    tagger, pax = lib.point_tagging()
    saved = []
    for example in example_plans():
        version = load_plan(example.path, plan=example.plan, label=example.label, when=example.date)
        version = tag_points(version, tagger, pax)
        stored = store.plan_version(example.plan, example.label)
        if stored is not None and stored[0] == version:
            continue
        lib.import_plan(
            repo,
            example.path,
            plan=example.plan,
            label=example.label,
            when=example.date,
            tagger=tagger,
            pax=pax,
        )
        saved.append(example.label)
    return saved


def run_demo(
    store: Store,
    settings: Settings | None = None,
    *,
    extractor_factory: ExtractorFactory | None = None,
    on_progress: ProgressCallback | None = None,
) -> DemoResult:
    """Ingest the example corpus into ``store``, import the example plan, and analyse both."""
    settings = settings or Settings()
    report = ingest(
        read_sources([str(corpus_path())], settings),
        store,
        settings,
        extractor_factory=extractor_factory,
        on_progress=on_progress,
    )
    imported = _import_example_plans(store)
    positions = stored_positions(store, by="party").result  # as `redline positions` reads them
    old, new = (p.label for p in example_plans())
    diff = lib.diff_plan(SqlPlanRepository(store), EXAMPLE_PLAN, old, new)
    return DemoResult(report, store.summary(), imported, positions, diff.counts(), EXAMPLE_PLAN, old, new)
