"""The API's cache of results per store revision: computed once per revision, and while one
request computes a newer revision the others get the result it replaces instead of waiting."""

from __future__ import annotations

import threading

from redline.api.corpus_cache import CorpusCache


def test_a_result_is_computed_once_per_revision() -> None:
    cache, calls = CorpusCache(), []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.latest("p", 1, compute) == 1
    assert cache.latest("p", 1, compute) == 1
    assert cache.latest("q", 1, compute) == 2  # other parameters, another result
    assert cache.latest("p", 2, compute) == 3  # the store moved
    assert len(calls) == 3


def test_while_a_newer_revision_is_computed_the_last_result_is_served() -> None:
    cache = CorpusCache()
    assert cache.latest("p", 1, lambda: "old") == "old"
    started, release = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        release.wait(10)
        return "new"

    got: list[str] = []
    worker = threading.Thread(target=lambda: got.append(cache.latest("p", 2, slow)))
    worker.start()
    assert started.wait(10)
    assert cache.latest("p", 3, lambda: "never") == "old"  # no second computation, no wait
    release.set()
    worker.join(10)
    assert got == ["new"]
    assert cache.latest("p", 2, lambda: "never") == "new"
