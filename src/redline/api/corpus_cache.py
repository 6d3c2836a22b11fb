"""The corpus the whole-store analyses read, kept between requests while the store is unchanged.

The API's positions and timeline no longer read it (they are answered from the store's
tallies and sorted queries); what still needs every countable statement (the dashboard's
cell statements, plan reconstructions) pays seconds at 100,000 statements to read it, and the
store changes rarely compared with how often a dashboard asks. So each app keeps the last
corpus it read with the store's ``data_version`` and reads again only when that has moved (an
ingest, a reprocess, a correction). One lock: concurrent requests after a change wait for one
read, not make many.

Results computed from the corpus (a positions matrix against a plan's points links every
statement to every point: seconds per call) are kept beside it, per request parameters, and
dropped with it when the store changes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from redline.analysis import negotiation
from redline.analysis.db_repository import SqlStatementSource
from redline.store import Store

__all__ = ["CorpusCache"]

T = TypeVar("T")
RESULTS_KEPT = 64  # results per store revision, least recently used dropped first


class CorpusCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        # held while the plan positions link a version's new statements (store.point_links)
        self.linking = threading.Lock()
        self._version: tuple[object, ...] | None = None
        self._corpus: negotiation.Corpus | None = None
        self._results: OrderedDict[Hashable, Any] = OrderedDict()
        self._latest: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()  # params -> (revision, result)
        self._computing: dict[Hashable, threading.Event] = {}

    def latest(self, params: Hashable, revision: int, compute: Callable[[], T]) -> T:
        """``compute()`` for ``params`` at ``revision``, computed once per revision.

        While one request computes a newer revision, the others are answered with the result
        it replaces: never older than the computation under way, so an ingest that moves the
        revision every second does not make every request recompute (nor wait)."""
        with self._lock:
            entry = self._latest.get(params)
            if entry is not None:
                self._latest.move_to_end(params)
                if entry[0] == revision or params in self._computing:
                    cached: T = entry[1]
                    return cached
            running = self._computing.get(params)
            if running is None:
                self._computing[params] = threading.Event()
        if running is not None:  # the first computation of these parameters: wait for it
            running.wait()
            with self._lock:
                entry = self._latest.get(params)
            if entry is not None:
                waited: T = entry[1]
                return waited
            return compute()
        try:
            value = compute()  # outside the lock: other requests are not held up
            with self._lock:
                entry = self._latest.get(params)
                if entry is None or entry[0] <= revision:
                    self._latest[params] = (revision, value)
                while len(self._latest) > RESULTS_KEPT:
                    self._latest.popitem(last=False)
        finally:
            with self._lock:
                self._computing.pop(params).set()
        return value

    def get(self, store: Store) -> negotiation.Corpus:
        return self._current(store)[1]

    def result(self, store: Store, key: Hashable, compute: Callable[[negotiation.Corpus], T]) -> T:
        """``compute(corpus)``, computed once per store revision and ``key``."""
        version, corpus = self._current(store)
        with self._lock:
            if (version, key) in self._results:
                self._results.move_to_end((version, key))
                cached: T = self._results[(version, key)]
                return cached
        value = compute(corpus)  # outside the lock: other requests are not held up
        with self._lock:
            if version == self._version:  # the store did not move meanwhile
                self._results[(version, key)] = value
                while len(self._results) > RESULTS_KEPT:
                    self._results.popitem(last=False)
        return value

    def _current(self, store: Store) -> tuple[tuple[object, ...], negotiation.Corpus]:
        with self._lock:
            version = store.data_version()
            if self._corpus is None or version != self._version:
                self._corpus = negotiation.read_corpus(SqlStatementSource(store))
                self._version = version
                self._results.clear()
            return version, self._corpus
