"""The corpus the whole-store analyses read, kept between requests while the store is unchanged.

Positions and the timeline need every countable statement; reading them back is by far the
slowest part of answering (seconds at 100,000 statements), and the store changes rarely
compared with how often a dashboard asks. So each app keeps the last corpus it read with the
store's ``data_version`` and reads again only when that has moved (an ingest, a reprocess, a
correction). One lock: concurrent requests after a change wait for one read, not make many.
"""

from __future__ import annotations

import threading

from redline.analysis import negotiation
from redline.analysis.db_repository import SqlStatementSource
from redline.store import Store

__all__ = ["CorpusCache"]


class CorpusCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple[object, ...] | None = None
        self._corpus: negotiation.Corpus | None = None

    def get(self, store: Store) -> negotiation.Corpus:
        with self._lock:
            version = store.data_version()
            if self._corpus is None or version != self._version:
                self._corpus = negotiation.read_corpus(SqlStatementSource(store))
                self._version = version
            return self._corpus
