"""Ingest: sources -> extraction in worker processes -> store, streaming and crash-safe.

The parent reads sources, drops documents the store already holds, hands batches to worker
processes and writes their results in input order, one transaction per batch. Workers do
everything that costs CPU (extraction, hashes, MinHash fingerprints), so the parent stays
light and N workers scale. At most ``2 * workers + 1`` batches are in flight, so memory does
not grow with the corpus. A document counts as done only after its transaction commits; a
killed run loses at most the batches in flight, and the next run skips what is stored.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any, Protocol, TypeVar

from redline.config import Settings
from redline.cpu import limit_native_threads
from redline.errors import RedlineError
from redline.knowledge.actors import load_actors
from redline.model import Document, Extraction, Problem
from redline.store import DocumentKey, Prepared, Store, canonical_url, fingerprint

MAX_PROBLEMS_KEPT = 1000
# A worker is replaced after this many batches: NLP vocabularies grow with every new word, and
# a fresh process keeps memory flat on corpora of any size at the price of one model load.
RECYCLE_AFTER_BATCHES = 500


class ExtractorLike(Protocol):
    version: str

    def extract(self, docs: Iterable[Document]) -> Iterator[Extraction]: ...


ExtractorFactory = Callable[[Settings], ExtractorLike]
T = TypeVar("T")


def default_extractor_factory(settings: Settings) -> ExtractorLike:
    """Load the real pipeline (imported here so workers pay for it, not the parent)."""
    from redline.extract.pipeline import Extractor

    # ingest parallelises across its own workers; each runs the pipeline in-process
    return Extractor.load(replace(settings, workers=1))


@dataclass(slots=True)
class IngestReport:
    """What a run did; ``problems`` keeps the first MAX_PROBLEMS_KEPT, ``problem_count`` all."""

    seen: int = 0
    stored: int = 0
    skipped: int = 0
    near_duplicates: int = 0
    statements: int = 0
    problem_count: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.stored + self.skipped + self.near_duplicates

    def problem(self, p: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(p)


ProgressCallback = Callable[[IngestReport], None]

# -- worker side ------------------------------------------------------------------------------
# A process-level slot is the one way a pool initializer can hand the loaded extractor to the
# tasks that run in the same worker; it is written once per worker process, never in the parent.
_WORKER: dict[str, ExtractorLike] = {}


def _init_worker(factory: ExtractorFactory, settings: Settings, processes: int) -> None:
    limit_native_threads(processes)  # numpy is loaded with the store; the model's libraries are next
    _WORKER["extractor"] = factory(settings)
    limit_native_threads(processes)


def _worker_version() -> str:
    return _WORKER["extractor"].version


def _extract_batch(docs: list[Document], extractor: ExtractorLike | None = None) -> list[Prepared | Problem]:
    """Extract and fingerprint a batch; a document that makes the extractor fail becomes a Problem."""
    ex = extractor or _WORKER["extractor"]
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


def _reextract_batch(
    docs: list[Document], extractor: ExtractorLike | None = None
) -> list[Extraction | Problem]:
    return [p.extraction if isinstance(p, Prepared) else p for p in _extract_batch(docs, extractor)]


# -- parent side ------------------------------------------------------------------------------
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


class _Runner:
    """Runs a task over batches in order, in-process (1 worker) or in a bounded process pool."""

    def __init__(self, factory: ExtractorFactory, settings: Settings, workers: int) -> None:
        self.workers = workers
        self._local: ExtractorLike | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._started: list[Future[str]] = []
        if workers <= 1:
            self._local = factory(settings)
        else:
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                max_tasks_per_child=RECYCLE_AFTER_BATCHES,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(factory, settings, workers),
            )
            # start every worker now, so the models load while the parent reads its first batches
            self._started = [self._pool.submit(_worker_version) for _ in range(workers)]

    def version(self) -> str:
        if self._local is not None:
            return self._local.version
        return self._started[0].result()

    def map(self, task: Callable[..., list[Any]], batches: Iterable[list[Document]]) -> Iterator[list[Any]]:
        if self._local is not None:
            for b in batches:
                yield task(b, self._local)
            return
        assert self._pool is not None
        pending: deque[Future[list[Any]]] = deque()
        limit = 2 * self.workers + 1
        try:
            for b in batches:
                pending.append(self._pool.submit(task, b))
                while len(pending) >= limit:
                    yield self._next(pending)
            while pending:
                yield self._next(pending)
        except BrokenProcessPool as exc:
            raise RedlineError(
                "an extraction worker process died",
                hint="run the same command again: stored documents are kept and skipped",
            ) from exc

    @staticmethod
    def _next(pending: deque[Future[list[Any]]]) -> list[Any]:
        """The oldest result, joined by the following ones already finished: fewer, larger commits."""
        out = pending.popleft().result()
        while pending and pending[0].done() and len(out) < 256:
            out = out + pending.popleft().result()
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


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
        if fresh:
            yield fresh


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
    report = IngestReport()
    store.add_actors(load_actors(settings.actors))  # one identity per actor across documents
    runner = _Runner(extractor_factory or default_extractor_factory, settings, workers or settings.workers)
    try:
        batches = _new_only(_batches(sources, settings.batch_size, report), store, report)
        for results in runner.map(_extract_batch, batches):
            for outcome in store.write(_keep_results(results, report)):
                if outcome.status == "exists":
                    report.skipped += 1
                elif outcome.status == "near_duplicate":
                    report.near_duplicates += 1
                else:
                    report.stored += 1
                report.statements += outcome.statements
            if on_progress:
                on_progress(report)
    finally:
        runner.close()
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
    report = IngestReport()
    runner = _Runner(extractor_factory or default_extractor_factory, settings, workers or settings.workers)
    try:
        version = runner.version()
        docs = store.iter_documents(not_extractor=None if force else version)
        for results in runner.map(_reextract_batch, _batches(docs, settings.batch_size, report)):
            report.seen += len(results)
            for outcome in store.replace(_keep_results(results, report)):
                report.stored += 1
                report.statements += outcome.statements
            if on_progress:
                on_progress(report)
    finally:
        runner.close()
    return report


# -- sources ----------------------------------------------------------------------------------
def read_sources(specs: Sequence[str], settings: Settings) -> Iterator[Document | Problem]:
    """Documents from files, folders, stdin and URLs (the sources layer's dispatcher)."""
    from redline.sources import read_sources as dispatch

    yield from dispatch(specs, settings)
