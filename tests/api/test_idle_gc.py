"""Full garbage collections run between requests, not inside them (``api.idle_gc``)."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from redline.api.idle_gc import IdleCollections, IdleGc


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle_only_a_full_collection_frees() -> weakref.ref[_Node]:
    """A garbage cycle old enough to sit in the oldest generation, with full collections due."""
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    gc.collect(1)
    gc.collect(1)  # survived twice: now in the oldest generation
    ref = weakref.ref(a)
    del a, b
    for _ in range(10):
        gc.collect(1)  # each counts towards the next full collection, frees nothing old
    assert ref() is not None
    return ref


def _wait_for(check: object, seconds: float = 60.0) -> bool:
    """Generous on purpose: in a full test run the heap is large, so one full collection can take
    seconds on a loaded machine; a schedule that never collects still fails, only later."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def schedule() -> Iterator[IdleCollections]:
    s = IdleCollections(idle=0.05, busy=60.0, tick=0.01)
    s.start()
    try:
        yield s
    finally:
        s.stop()


def test_automatic_full_collections_are_off_while_a_schedule_runs_and_restored_after() -> None:
    before = gc.get_threshold()
    first, second = IdleCollections(), IdleCollections()
    first.start()
    assert gc.get_threshold()[:2] == before[:2]  # young generations as usual
    assert gc.get_threshold()[2] > 10**6
    second.start()
    first.stop()
    assert gc.get_threshold()[2] > 10**6  # another app still serves
    second.stop()
    assert gc.get_threshold() == before


def test_a_full_collection_runs_when_no_request_is_in_flight(schedule: IdleCollections) -> None:
    ref = _cycle_only_a_full_collection_frees()
    assert _wait_for(lambda: ref() is None and schedule.collections >= 1)


def test_none_runs_while_a_request_is_answered(schedule: IdleCollections) -> None:
    schedule.request_started()
    try:
        ref = _cycle_only_a_full_collection_frees()
        time.sleep(0.3)  # many ticks, each past ``idle`` since the request began
        assert ref() is not None
        assert schedule.collections == 0
    finally:
        schedule.request_ended()
    assert _wait_for(lambda: ref() is None)


def test_under_load_with_no_quiet_moment_one_runs_anyway() -> None:
    s = IdleCollections(idle=0.05, busy=0.2, tick=0.01)
    s.start()
    s.request_started()
    try:
        ref = _cycle_only_a_full_collection_frees()
        assert _wait_for(lambda: ref() is None)
    finally:
        s.request_ended()
        s.stop()


def test_the_middleware_counts_a_request_until_its_answer_is_sent() -> None:
    s = IdleCollections()
    app = FastAPI()
    app.add_middleware(IdleGc, schedule=s)

    @app.get("/in-flight")
    def in_flight() -> int:
        return s.in_flight

    with TestClient(app) as client:
        assert client.get("/in-flight").json() == 1
        assert s.in_flight == 0
        client.get("/missing")
        assert s.in_flight == 0


def test_the_app_runs_a_schedule_for_its_lifetime(tmp_path: object) -> None:
    from redline.api import create_app

    app = create_app(f"sqlite:///{tmp_path}/idle.db")
    before = gc.get_threshold()
    with TestClient(app) as client:
        assert client.get("/api/v1/health").status_code == 200
        assert gc.get_threshold()[2] > 10**6
        assert app.state.idle_gc.in_flight == 0
    assert gc.get_threshold() == before
