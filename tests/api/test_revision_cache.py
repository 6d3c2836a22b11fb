"""The API's cache of results per store revision: computed once per revision; while a newer
revision is computed (in the background) requests get the result it replaces, but only for a
bounded time after the store was first seen to move past it."""

from __future__ import annotations

import threading

import pytest

from redline.api.revision_cache import RevisionCache


def test_a_result_is_computed_once_per_revision() -> None:
    cache, calls = RevisionCache(max_stale=0), []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.latest("p", 1, compute) == 1
    assert cache.latest("p", 1, compute) == 1
    assert cache.latest("q", 1, compute) == 2  # other parameters, another result
    assert cache.latest_at("p", 2, compute) == (3, 2)  # the store moved: nothing stale allowed
    assert cache.latest_at("p", 1, compute) == (3, 2)  # an older revision asked: the newer answer
    assert len(calls) == 3


class _Slow:
    def __init__(self, value: str) -> None:
        self.value = value
        self.started, self.release = threading.Event(), threading.Event()
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        self.started.set()
        assert self.release.wait(10)
        return self.value


def test_an_outdated_result_is_served_while_the_new_one_is_computed_in_the_background() -> None:
    cache = RevisionCache(max_stale=60)
    assert cache.latest("p", 1, lambda: "old") == "old"
    slow = _Slow("new")
    assert cache.latest_at("p", 2, slow) == ("old", 1)  # the request that finds it outdated too
    assert slow.started.wait(10)
    assert cache.latest_at("p", 3, lambda: "never") == ("old", 1)  # no second computation, no wait
    slow.release.set()
    got: list[tuple[str, int]] = []
    for _ in range(1000):  # the background computation lands (bounded: no sleep-based timing)
        got.append(cache.latest_at("p", 2, lambda: "never"))
        if got[-1][0] == "new":
            break
        threading.Event().wait(0.01)
    assert got[-1] == ("new", 2)
    assert slow.calls == 1


def test_an_outdated_result_is_served_for_at_most_max_stale_seconds() -> None:
    now = [100.0]
    cache = RevisionCache(max_stale=2, clock=lambda: now[0])
    assert cache.latest("p", 1, lambda: "old") == "old"
    slow = _Slow("new")
    assert cache.latest("p", 2, slow) == "old"  # first seen outdated at 100 s
    assert slow.started.wait(10)
    now[0] = 101.5
    assert cache.latest("p", 2, lambda: "never") == "old"  # 1.5 s: still within the bound
    now[0] = 102.5  # beyond it: the request waits for the computation under way
    got: list[str] = []
    waiting = threading.Thread(target=lambda: got.append(cache.latest("p", 2, lambda: "never")))
    waiting.start()
    waiting.join(0.2)
    assert waiting.is_alive() and not got  # held until the new result is there
    slow.release.set()
    waiting.join(10)
    assert got == ["new"]


def test_the_first_request_of_some_parameters_waits_and_others_share_its_computation() -> None:
    cache = RevisionCache()
    slow = _Slow("first")
    got: list[str] = []
    threads = [threading.Thread(target=lambda: got.append(cache.latest("p", 1, slow))) for _ in range(3)]
    for t in threads:
        t.start()
    assert slow.started.wait(10)
    slow.release.set()
    for t in threads:
        t.join(10)
    assert got == ["first"] * 3
    assert slow.calls == 1


def test_a_failed_background_computation_is_retried_by_the_next_request() -> None:
    cache = RevisionCache(max_stale=0)
    assert cache.latest("p", 1, lambda: "old") == "old"

    def broken() -> str:
        raise RuntimeError("the store went away")

    with pytest.raises(RuntimeError):  # the background try failed, so did the request's own
        cache.latest("p", 2, broken)
    assert cache.latest("p", 2, lambda: "new") == "new"


def test_after_its_own_write_the_app_serves_nothing_older() -> None:
    cache = RevisionCache(max_stale=60)
    assert cache.latest("p", 1, lambda: "old") == "old"
    cache.written(2)  # a correction through the API moved the store to revision 2
    assert cache.latest_at("p", 2, lambda: "corrected") == ("corrected", 2)


def test_a_computation_that_moves_the_store_is_kept_as_of_the_revision_it_settled_at() -> None:
    cache = RevisionCache(max_stale=0)
    assert cache.latest_at("p", 1, lambda: "linked", lambda: 2) == ("linked", 2)  # it wrote links
    assert cache.latest_at("p", 2, lambda: "never") == ("linked", 2)  # no second computation
