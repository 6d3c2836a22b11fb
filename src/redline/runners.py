"""Where extraction runs: in this process, in a local process pool, or on a Dask cluster.

All three take the same task (a function of a batch of documents and a loaded extractor) and
return results in input order, with a bounded number of batches in flight, so the single
writer downstream sees the same stream whatever runs the models. Each worker loads the
extractor once and keeps it for every batch it is given.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Any, Protocol, TypeVar

from redline.config import Settings
from redline.errors import RedlineError
from redline.model import Document, Extraction

# A worker is replaced after this many batches: NLP vocabularies grow with every new word, and
# a fresh process keeps memory flat on corpora of any size at the price of one model load.
RECYCLE_AFTER_BATCHES = 500
# How often a worker checks that its parent is still alive (so orphans last at most this long).
PARENT_CHECK_SECONDS = 0.5
# Results of batches that finished together are written in one transaction, up to this size.
MAX_JOINED_RESULTS = 256


class ExtractorLike(Protocol):
    version: str

    def extract(self, docs: Iterable[Document]) -> Iterator[Extraction]: ...


ExtractorFactory = Callable[[Settings], ExtractorLike]
Batch = list[Document]
Task = Callable[[Batch, ExtractorLike], list[Any]]
T = TypeVar("T")


def default_extractor_factory(settings: Settings) -> ExtractorLike:
    """Load the real pipeline (imported here so workers pay for it, not the parent)."""
    from redline.extract.pipeline import Extractor

    # runners parallelise across their own workers; each runs the pipeline in-process
    return Extractor.load(replace(settings, workers=1))


class Runner(Protocol):
    def version(self) -> str: ...

    def map(self, task: Task, batches: Iterable[Batch]) -> Iterator[list[Any]]: ...

    def close(self) -> None: ...


def open_runner(factory: ExtractorFactory, settings: Settings, workers: int) -> Runner:
    """The runner the settings ask for: a Dask scheduler if one is named, else local processes."""
    if settings.scheduler:
        from redline.cluster import DaskRunner  # distributed is imported only when asked for

        return DaskRunner(factory, settings, settings.scheduler, workers)
    if workers <= 1:
        return LocalRunner(factory(settings))
    return PoolRunner(factory, settings, workers)


def ordered(submit: Callable[[Batch], Any], batches: Iterable[Batch], in_flight: int) -> Iterator[list[Any]]:
    """Submit batches, keep at most ``in_flight`` pending, yield results in input order.

    ``submit`` returns anything with ``result()`` and ``done()`` (a concurrent.futures or a
    Dask future). The oldest result is joined by the following ones already finished, so the
    writer makes fewer, larger commits.
    """
    pending: deque[Any] = deque()

    def next_result() -> list[Any]:
        out: list[Any] = pending.popleft().result()
        while pending and pending[0].done() and len(out) < MAX_JOINED_RESULTS:
            out = out + pending.popleft().result()
        return out

    for batch in batches:
        pending.append(submit(batch))
        while len(pending) >= in_flight:
            yield next_result()
    while pending:
        yield next_result()


class LocalRunner:
    """One worker: the extractor runs in this process, with no pickling at all."""

    def __init__(self, extractor: ExtractorLike) -> None:
        self._extractor = extractor

    def version(self) -> str:
        return self._extractor.version

    def map(self, task: Task, batches: Iterable[Batch]) -> Iterator[list[Any]]:
        for batch in batches:
            yield task(batch, self._extractor)

    def close(self) -> None:
        pass


# -- local process pool -----------------------------------------------------------------------
# A process-level slot is the one way a pool initializer can hand the loaded extractor to the
# tasks that run in the same worker; it is written once per worker process, never in the parent.
_WORKER: dict[str, ExtractorLike] = {}


def _init_worker(factory: ExtractorFactory, settings: Settings, parent: int) -> None:
    _watch_parent(parent)  # first: loading the models takes seconds
    _WORKER["extractor"] = factory(settings)


def _watch_parent(parent: int) -> None:
    """End this worker as soon as the process that started it is gone, whatever ended it.

    The pool only stops its workers when the parent shuts it down; a parent killed by SIGKILL
    or SIGTERM never does, and each orphan kept its models (hundreds of MB) forever. An orphan
    is re-parented, so a changed parent pid is the sign, checked by a daemon thread; polling
    (rather than Linux's PR_SET_PDEATHSIG, which fires when the *thread* that spawned the worker
    ends, and the pool spawns replacements from its own thread) works on every POSIX system.
    """

    _exit_when_gone(lambda: os.getppid() == parent, "redline-parent-watch")


def _exit_when_gone(present: Callable[[], bool], name: str) -> None:
    """A daemon thread that ends this process once ``present()`` turns false."""

    def watch() -> None:
        while present():
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)  # no clean-up to do: the process that held the results is gone

    threading.Thread(target=watch, name=name, daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def die_with(owner: int) -> None:
    """End this process as soon as process ``owner`` is gone, whatever ended it.

    For workers that are not the owner's children: a local Dask cluster's workers are started
    by its nannies, so a killed ``redline ingest --scheduler local`` re-parents nothing they can
    see; the owner's pid itself is watched instead (only on the owner's machine)."""

    _exit_when_gone(lambda: _alive(owner), "redline-owner-watch")


_FORK_HOOK: list[bool] = []


def forked_workers_die_with_parent() -> None:
    """Make every process this one forks from now on watch its parent as pool workers do.

    For workers that redline does not start itself: spaCy's ``n_process`` (``extract
    --workers``) forks them, and a killed ``extract`` used to leave them waiting forever.
    Registered once per process; a no-op where processes are not forked.
    """
    if not _FORK_HOOK and hasattr(os, "register_at_fork"):  # not on Windows, which never forks
        os.register_at_fork(after_in_child=lambda: _watch_parent(os.getppid()))
        _FORK_HOOK.append(True)


def _worker_version() -> str:
    return _WORKER["extractor"].version


def _in_worker(task: Task, batch: Batch) -> list[Any]:
    return task(batch, _WORKER["extractor"])


class PoolRunner:
    """N worker processes on this machine (spawned, so no state leaks in from the parent)."""

    def __init__(self, factory: ExtractorFactory, settings: Settings, workers: int) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            max_tasks_per_child=RECYCLE_AFTER_BATCHES,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(factory, settings, os.getpid()),
        )
        # start every worker now, so the models load while the parent reads its first batches
        self._started: list[Future[str]] = [self._pool.submit(_worker_version) for _ in range(workers)]

    def version(self) -> str:
        return self._started[0].result()

    def map(self, task: Task, batches: Iterable[Batch]) -> Iterator[list[Any]]:
        try:
            submit = lambda b: self._pool.submit(_in_worker, task, b)  # noqa: E731
            yield from ordered(submit, batches, 2 * self.workers + 1)
        except BrokenProcessPool as exc:
            raise RedlineError(
                "an extraction worker process died",
                hint="run the same command again: stored documents are kept and skipped",
            ) from exc

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


__all__ = [
    "ExtractorFactory",
    "ExtractorLike",
    "LocalRunner",
    "PoolRunner",
    "Runner",
    "default_extractor_factory",
    "die_with",
    "forked_workers_die_with_parent",
    "open_runner",
    "ordered",
]
