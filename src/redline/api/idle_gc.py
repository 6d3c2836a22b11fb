"""Full garbage collections moved to moments when the server answers no request.

At 1M statements the server keeps some 200,000 to 550,000 objects in its caches (tallies,
quotes, parsed turns). A full collection of Python's cyclic collector walks every one of them:
100 to 390 ms measured (``benchmarks/scale_latency.py`` with a ``gc.callbacks`` probe). Python
starts one whenever enough young objects have survived, which, after a write, is in the middle
of the first request that recomputes a page: that was the commonest reason for a first call
after a write over 300 ms. Yet what is kept is acyclic (dataclasses of strings, numbers and
tuples, freed by reference counting): those collections found 0 to 300 objects each. They have
to happen, but not then.

So while a server runs, the interpreter's automatic full collections are off (the young
generations are collected as usual, they are cheap) and a thread runs one when no request has
been in flight for ``idle`` seconds. Under a load that leaves no such moment it runs one after
``busy`` seconds anyway, so memory held by cycles stays bounded. Each waits ten times as long
as the last one took (a second at least) after it: full collections then take at most a tenth
of the time, as Python's own rule for them (a quarter more long-lived objects) means to.

The collector's thresholds belong to the interpreter, not to one app, so the schedules of
several apps in one process (tests make many) share one count of running schedules: the first
raises the threshold, the last restores what it found.
"""

from __future__ import annotations

import gc
import threading
import time

from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["IdleCollections", "IdleGc"]

_NEVER = 1 << 30  # a full-collection threshold no count reaches
_DUE = 10  # young collections since the last full one that make one due: Python's default

_shared_lock = threading.Lock()
_running: list[IdleCollections] = []  # the interpreter's thresholds are shared; see the docstring
_found: list[tuple[int, int, int]] = []  # the thresholds before the first schedule started


class IdleCollections:
    """When a full collection may run: counts the requests in flight and runs the thread."""

    def __init__(self, idle: float = 0.2, busy: float = 30.0, tick: float = 0.05) -> None:
        self.idle = idle
        self.busy = busy
        self.tick = tick
        self.collections = 0  # full collections this schedule ran
        self._lock = threading.Lock()
        self._in_flight = 0
        self._last_activity = time.monotonic()
        self._last_full = time.monotonic()
        self._spacing = 1.0  # seconds from one full collection to the next, at least
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def request_started(self) -> None:
        with self._lock:
            self._in_flight += 1
            self._last_activity = time.monotonic()

    def request_ended(self) -> None:
        with self._lock:
            self._in_flight -= 1
            self._last_activity = time.monotonic()

    def start(self) -> None:
        with _shared_lock:
            if not _running:
                _found.append(gc.get_threshold())
                young, middle, _ = gc.get_threshold()
                gc.set_threshold(young, middle, _NEVER)
            _running.append(self)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="redline-idle-gc", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        with _shared_lock:
            if self in _running:
                _running.remove(self)
                if not _running and _found:
                    gc.set_threshold(*_found.pop())

    def due(self) -> bool:
        """Whether a full collection should run now."""
        now = time.monotonic()
        if gc.get_count()[2] < _DUE or now - self._last_full < self._spacing:
            return False
        with self._lock:
            quiet = self._in_flight == 0 and now - self._last_activity >= self.idle
        return quiet or now - self._last_full >= self.busy

    def _run(self) -> None:
        while not self._stop.wait(self.tick):
            if self.due():
                began = time.monotonic()
                gc.collect()
                self._last_full = time.monotonic()
                self._spacing = max(1.0, 10 * (self._last_full - began))
                self.collections += 1


class IdleGc:
    """Pure ASGI: tells the schedule when each HTTP request starts and ends (its body sent)."""

    def __init__(self, app: ASGIApp, schedule: IdleCollections) -> None:
        self.app = app
        self.schedule = schedule

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.schedule.request_started()
        try:
            await self.app(scope, receive, send)
        finally:
            self.schedule.request_ended()
