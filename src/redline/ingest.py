"""Ingest: sources -> extraction in workers -> store, streaming and crash-safe.

The parent reads sources, drops documents the store already holds, hands batches to a runner
(this process, local worker processes or a Dask cluster: ``runners.py``) and writes the
results in input order, one transaction per batch. Workers do everything that costs CPU
(extraction, hashes, MinHash fingerprints), so the parent stays light and N workers scale.
At most ``2 * workers + 1`` batches are in flight, so memory does not grow with the corpus.
A document counts as done only after its transaction commits; a killed run loses at most the
batches in flight, and the next run skips what is stored.

Both entry points leave the store's derived records current (claims regroup for the speakers
whose statements changed), so a library user gets what the CLI and the API show; a run that
dies before that step leaves those speakers marked stale, and the next run regroups them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TypeVar

from redline.analysis.claims import refresh_claims
from redline.analysis.stored_positions import link_new, link_options
from redline.config import Settings
from redline.errors import ConfigError
from redline.knowledge.actors import load_actors
from redline.model import Document, Extraction, Problem
from redline.runners import ExtractorFactory, ExtractorLike, Runner, default_extractor_factory, open_runner
from redline.sources import read_sources as dispatch
from redline.sources.dateline import document_date, yearless_dateline
from redline.store import DocumentKey, Outcome, Prepared, Store, fingerprint
from redline.urls import canonical_url

__all__ = [
    "ExtractorFactory",
    "ExtractorLike",
    "IngestReport",
    "ProgressCallback",
    "default_extractor_factory",
    "ingest",
    "read_sources",
    "reprocess",
]

MAX_PROBLEMS_KEPT = 1000
T = TypeVar("T")


@dataclass(slots=True)
class IngestReport:
    """What a run did; ``problems`` keeps the first MAX_PROBLEMS_KEPT, ``problem_count`` all."""

    seen: int = 0
    stored: int = 0
    skipped: int = 0
    near_duplicates: int = 0
    statements: int = 0  # countable ones: a reprint's copies are stored but not counted again
    undated: int = 0  # new documents with no publication date: their statements stay undated
    problem_count: int = 0
    problems: list[Problem] = field(default_factory=list)
    # inputs not stored because a stored document has their text or URL under another id (an
    # outlet's verbatim copy of a wire story): (the input, the stored document), the first
    # MAX_PROBLEMS_KEPT; ``copy_count`` all. They are among ``skipped``.
    copy_count: int = 0
    copies: list[tuple[str, str]] = field(default_factory=list)
    # undated new documents whose dateline names a day without a year: (the input, the day as
    # written), the first MAX_PROBLEMS_KEPT; a publication date (``--published``) gives the year
    yearless: list[tuple[str, str]] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.stored + self.skipped + self.near_duplicates

    def add(self, outcome: Outcome, source: str | None = None) -> None:
        """One document written (read from ``source``): counted by what the store made of it."""
        if outcome.status == "exists":
            self.skipped += 1
            if outcome.duplicate_of is not None:
                self.copy(source or outcome.document_id, outcome.duplicate_of)
        elif outcome.status == "near_duplicate":
            self.near_duplicates += 1
        else:
            self.stored += 1
        # a near-duplicate reprint's statements are stored as copies, not counted again, so the
        # progress bar, the summary and ``Store.summary()`` agree on one number
        self.statements += 0 if outcome.duplicate_of is not None else outcome.statements

    def copy(self, source: str, stored: str) -> None:
        self.copy_count += 1
        if len(self.copies) < MAX_PROBLEMS_KEPT:
            self.copies.append((source, stored))

    def problem(self, p: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(p)


ProgressCallback = Callable[[IngestReport], None]


# -- tasks (run wherever the runner puts them) ----------------------------------------------
def _extract_batch(docs: list[Document], ex: ExtractorLike) -> list[Prepared | Problem]:
    """Extract and fingerprint a batch; a document that makes the extractor fail becomes a Problem."""
    try:
        results: list[Extraction | Problem] = list(ex.extract(docs))
    except Exception:
        results = []
        for doc in docs:
            try:
                results.extend(ex.extract([doc]))
            except Exception as exc:  # the run goes on; the document is reported
                results.append(
                    Problem(
                        doc.source or doc.id,
                        f"extraction failed: {exc.__class__.__name__}: {exc}",
                        hint="report this document as a bug",
                        kind="extract",
                    )
                )
    out: list[Prepared | Problem] = []
    for r in results:
        if isinstance(r, Problem):
            out.append(r)
        else:
            d = r.document
            out.append(Prepared(r, fingerprint(d.text, d.url, d.content_hash)))
    return out


def _reextract_batch(docs: list[Document], ex: ExtractorLike) -> list[Extraction | Problem]:
    return [p.extraction if isinstance(p, Prepared) else p for p in _extract_batch(docs, ex)]


# -- parent side ------------------------------------------------------------------------------
@contextmanager
def _running(
    store: Store, settings: Settings, factory: ExtractorFactory | None, workers: int | None
) -> Iterator[Runner]:
    """A runner for one run, closed however the run ends; claims regroup only if it completes."""
    runner = open_runner(factory or default_extractor_factory, settings, workers or settings.workers)
    try:
        yield runner
    finally:
        runner.close()
    refresh_claims(store, only_changed=True, actor_files=settings.actors)


def _batches(
    items: Iterable[Document | Problem], size: int, report: IngestReport
) -> Iterator[list[Document]]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        docs = []
        for item in chunk:
            if isinstance(item, Problem):
                report.problem(item)
            else:
                docs.append(item)
        if docs:
            yield docs


def _keep_results(results: Sequence[T | Problem], report: IngestReport) -> list[T]:
    """The results to store; problems go to the report instead."""
    kept: list[T] = []
    for r in results:
        if isinstance(r, Problem):
            report.problem(r)
        else:
            kept.append(r)
    return kept


def _new_only(
    batches: Iterable[list[Document]], store: Store, report: IngestReport
) -> Iterator[list[Document]]:
    for docs in batches:
        report.seen += len(docs)
        keys = [DocumentKey(d.id, d.content_hash, canonical_url(d.url)) for d in docs]
        known = store.known(keys)
        fresh = [d for d in docs if d.id not in known]
        report.skipped += len(docs) - len(fresh)
        copies = [(d, known[d.id]) for d in docs if known.get(d.id, d.id) != d.id]
        for d, stored in copies:
            report.copy(d.source or d.id, stored)
        store.record_copies(copies)  # their outlets count in claims; their dates date an undated story
        undated = [d for d in fresh if d.published is None]
        report.undated += len(undated)
        for d in undated:
            day = yearless_dateline(d.text)
            if day is not None and len(report.yearless) < MAX_PROBLEMS_KEPT:
                report.yearless.append((d.source or d.id, day))
        if fresh:
            yield fresh


def _check_knowledge(store: Store, settings: Settings) -> None:
    """Refuse to store statements extracted with other actor files than the store counts with:
    its tallies tell a reversal by the places of its files (``Store.knowledge``), and a
    statement extracted with a user's places must be counted with them."""
    have = tuple(store.knowledge.actor_files)
    if [p.resolve() for p in have] != [Path(p).resolve() for p in settings.actors]:  # one file, any spelling
        raise ConfigError(
            f"the store was opened with the actor files {[str(p) for p in have]}, the extraction "
            f"reads {[str(p) for p in settings.actors]}",
            hint="open the store with the settings' files: Store.open(url, actors=settings.actors)",
        )


def ingest(
    sources: Iterable[Document | Problem],
    store: Store,
    settings: Settings | None = None,
    *,
    extractor_factory: ExtractorFactory | None = None,
    workers: int | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Extract and store every new document from ``sources``; return what happened."""
    settings = settings or Settings()
    _check_knowledge(store, settings)
    report = IngestReport()
    links = link_options(settings.actors)  # the user's parties are no point's own terms
    store.add_actors(load_actors(settings.actors))  # one identity per actor across documents
    with _running(store, settings, extractor_factory, workers) as runner:
        batches = _new_only(_batches(sources, settings.batch_size, report), store, report)
        for results in runner.map(_extract_batch, batches):
            kept = _keep_results(results, report)
            read_from = {p.extraction.document.id: p.extraction.document.source for p in kept}
            for outcome in store.write(kept):
                report.add(outcome, read_from.get(outcome.document_id))
            link_new(store, links)  # positions by plan point current before a request asks for them
            if on_progress:
                on_progress(report)
    return report


def reprocess(
    store: Store,
    settings: Settings | None = None,
    *,
    extractor_factory: ExtractorFactory | None = None,
    workers: int | None = None,
    force: bool = False,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Re-extract stored documents made by another extractor version (all with ``force``).

    Machine records are replaced; analyst overrides re-attach and are applied again.
    Resumable: a document already carrying the current version is skipped unless ``force``.
    """
    settings = settings or Settings()
    _check_knowledge(store, settings)
    report = IngestReport()
    links = link_options(settings.actors)  # the user's parties are no point's own terms
    with _running(store, settings, extractor_factory, workers) as runner:
        version = runner.version()
        docs = map(_self_dated, store.iter_documents(not_extractor=None if force else version))
        for results in runner.map(_reextract_batch, _batches(docs, settings.batch_size, report)):
            report.seen += len(results)
            for outcome in store.replace(_keep_results(results, report)):
                report.add(outcome)
            link_new(store, links)
            if on_progress:
                on_progress(report)
    return report


def _self_dated(doc: Document) -> Document:
    """A document stored without a date takes the one its text gives (a dateline, a header date,
    the URL's), as a reader does today: what was stored before that reading existed catches up."""
    if doc.published is not None:
        return doc
    found = document_date(doc.text, doc.url)
    return doc if found is None else replace(doc, published=found)


# -- sources ----------------------------------------------------------------------------------
def read_sources(
    specs: Sequence[str], settings: Settings, *, published: date | None = None
) -> Iterator[Document | Problem]:
    """Documents from files, folders, stdin and URLs (the sources layer's dispatcher);
    ``published`` dates the documents that carry no date of their own."""
    yield from dispatch(specs, settings, published=published)
