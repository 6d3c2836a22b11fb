"""Results computed from the store, kept until the store changes.

Some pages summarise the whole corpus or a large part of it (the overview's counts and
rankings, the positions matrix, a prolific actor's stances): seconds on a million
statements, the same answer until something is ingested or corrected. The store's revision
fingerprint (a few index lookups) says when that happens, so the pages recompute only then.
One cache per router, not per process: no module state.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

from redline.store import Store

__all__ = ["RevisionCache", "Snapshot"]

T = TypeVar("T")


class Snapshot:
    """The values computed for one revision of the store."""

    def __init__(self, keep: int) -> None:
        self._lock = threading.Lock()
        self._data: dict[Hashable, Any] = {}
        self._keep = keep

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value under ``key``, computed (once, even under concurrent requests) if missing."""
        with self._lock:
            if key in self._data:
                self._data[key] = self._data.pop(key)  # most recently used last: evicted last
            else:
                value = compute()
                if len(self._data) >= self._keep:
                    self._data.pop(next(iter(self._data)))
                self._data[key] = value
            return cast(T, self._data[key])


class RevisionCache:
    """Hands out the snapshot for the store's current revision, starting a new one on any change."""

    def __init__(self, keep: int = 64) -> None:
        self._lock = threading.Lock()
        self._revision: tuple[object, ...] | None = None
        self._snapshot = Snapshot(keep)
        self._keep = keep

    def snapshot(self, store: Store) -> Snapshot:
        revision = (store.url, *store.data_version())
        with self._lock:
            if revision != self._revision:
                self._revision = revision
                self._snapshot = Snapshot(self._keep)
            return self._snapshot
