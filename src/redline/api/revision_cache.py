"""Results of the store's aggregates kept per request parameters and store revision.

Nothing here reads the whole corpus: positions, the timeline, facets and the pages
are answered from what the store keeps current (tallies, counters, sorted queries), and this
keeps each answer with the store revision it was computed at, which the API sends back in the
``X-Redline-Revision`` header. One computation runs per parameters at a time. While an ingest
moves the revision every second, a request whose result is outdated is answered with it while
the new one is computed in the background, for at most ``MAX_STALE`` seconds after a request
first saw the store move past it; never older than a write (a correction) made through the app
itself.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = ["MAX_STALE", "RevisionCache"]

log = logging.getLogger(__name__)

T = TypeVar("T")
RESULTS_KEPT = 64  # results kept (one per parameters), least recently used dropped first
MAX_STALE = 2.0  # seconds a result may be served after a request first saw the store move past it


@dataclass(slots=True)
class _Kept:
    revision: int  # the store revision the value was computed at
    value: Any
    outdated_since: float | None = None  # when a request first saw the store past ``revision``


class RevisionCache:
    def __init__(self, max_stale: float = MAX_STALE, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self.max_stale = max_stale
        self._clock = clock
        # held while the plan positions link a version's new statements (store.point_links)
        self.linking = threading.Lock()
        self._latest: OrderedDict[Hashable, _Kept] = OrderedDict()  # params -> latest result
        self._computing: dict[Hashable, threading.Event] = {}
        self._written = 0  # the revision of this app's own last write: never answered older

    def written(self, revision: int) -> None:
        """This app wrote (a correction) and moved the store to ``revision``: who wrote reads
        it at once, so no result older than that is served stale."""
        with self._lock:
            self._written = max(self._written, revision)

    def latest(self, params: Hashable, revision: int, compute: Callable[[], T]) -> T:
        """``compute()`` for ``params`` at ``revision`` (see ``latest_at``)."""
        return self.latest_at(params, revision, compute)[0]

    def latest_at(
        self,
        params: Hashable,
        revision: int,
        compute: Callable[[], T],
        settled: Callable[[], int | None] = lambda: None,
    ) -> tuple[T, int]:
        """``compute()`` for ``params`` at ``revision``, computed once per revision, and the
        revision the answer was computed at.

        Under an ingest the revision moves every second and a matrix takes a second or two
        under load, so a request that finds its result outdated does not wait for the new
        one: it starts the computation in the background (one per parameters) and answers
        with the result it replaces, as long as that has been outdated for at most
        ``max_stale`` seconds (then it waits for the computation under way). The first
        request of some parameters computes and waits; so do those arriving meanwhile.
        ``settled()``, after ``compute()``, may say a later revision the result is as new as
        (a computation that writes, as making a plan version's links does, moves it)."""
        with self._lock:
            kept = self._latest.get(params)
            if kept is not None:
                self._latest.move_to_end(params)
                if kept.revision >= revision:
                    return kept.value, kept.revision
                now = self._clock()
                if kept.outdated_since is None:
                    kept.outdated_since = now
                running = self._computing.get(params)
                if running is None:
                    running = self._start(params, revision, compute, settled)
                if now - kept.outdated_since < self.max_stale and kept.revision >= self._written:
                    return kept.value, kept.revision
            else:
                running = self._computing.get(params)
                if running is None:
                    running = self._computing[params] = threading.Event()
                    mine = True
                else:
                    mine = False
        if kept is None and mine:
            return self._compute(params, revision, compute, running, settled)
        outdated = kept
        running.wait()  # the computation under way, first of its parameters or too stale
        with self._lock:
            kept = self._latest.get(params)
        if kept is not None and kept is not outdated:
            return kept.value, kept.revision
        return compute(), revision  # the computation under way failed: try here

    def _start(
        self, params: Hashable, revision: int, compute: Callable[[], T], settled: Callable[[], int | None]
    ) -> threading.Event:
        """Compute in the background (called with the lock held)."""
        running = self._computing[params] = threading.Event()
        worker = threading.Thread(
            target=self._refresh,
            args=(params, revision, compute, running, settled),
            name="redline-refresh",
            daemon=True,
        )
        worker.start()
        return running

    def _refresh(
        self,
        params: Hashable,
        revision: int,
        compute: Callable[[], T],
        running: threading.Event,
        settled: Callable[[], int | None],
    ) -> None:
        try:
            self._compute(params, revision, compute, running, settled)
        except Exception:  # nobody waits on a refresh: the next request that needs it computes
            log.exception("refreshing %r failed", params)

    def _compute(
        self,
        params: Hashable,
        revision: int,
        compute: Callable[[], T],
        running: threading.Event,
        settled: Callable[[], int | None],
    ) -> tuple[T, int]:
        try:
            value = compute()  # outside the lock: other requests are not held up
            revision = max(revision, settled() or revision)
            with self._lock:
                kept = self._latest.get(params)
                if kept is None or kept.revision <= revision:
                    self._latest[params] = _Kept(revision, value)
                while len(self._latest) > RESULTS_KEPT:
                    self._latest.popitem(last=False)
            return value, revision
        finally:
            with self._lock:
                self._computing.pop(params, None)
            running.set()
