"""Fixtures for the source tests: a collector for read_sources, and a local HTTP server for the
network sources (fixture files plus scripted misbehaviour).

Everything runs on 127.0.0.1 with an OS-chosen port; no test touches the real network.
Text fixtures may contain ``{{BASE}}``, replaced by the server's own address when served.
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

import pytest

from redline.config import Settings
from redline.model import Document, Problem
from redline.sources import read_sources
from redline.sources.http import Fetcher

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "web"
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml",
    ".json": "application/json",
    ".txt": "text/plain",
}


@dataclass
class Request:
    path: str
    query: str
    headers: dict[str, str]


@dataclass
class LocalServer:
    base: str
    requests: list[Request] = field(default_factory=list)
    hits: Counter[str] = field(default_factory=Counter)
    release: threading.Event = field(default_factory=threading.Event)
    overrides: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path

    def fixture(self, relative: str) -> bytes:
        return (FIXTURES / relative).read_bytes().replace(b"{{BASE}}", self.base.encode())

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def _page(self) -> None:
            self._send(200, server.fixture("articles/geneva-talks.html"), _TYPES[".html"])

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            path = parts.path
            server.requests.append(
                Request(path, parts.query, {k.lower(): v for k, v in self.headers.items()})
            )
            server.hits[path] += 1
            hit = server.hits[path]
            if path in server.overrides:
                status, headers, body = server.overrides[path]
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            script: dict[str, Callable[[], None]] = {
                "/flaky": lambda: self._page() if hit > 1 else self._send(500, b"oops", "text/plain"),
                "/busy": lambda: (
                    self._page() if hit > 1 else self._send(429, b"", "text/plain", Retry_After="7")
                ),
                "/busy-long": lambda: self._send(429, b"", "text/plain", Retry_After="3600"),
                "/down": lambda: self._send(503, b"down", "text/plain"),
                "/slow": self._slow,
                "/huge": self._huge,
                "/huge-declared": self._huge_declared,
                "/report.pdf": lambda: self._send(
                    200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" * 20, "application/pdf"
                ),
                "/old-path": lambda: self._redirect("/articles/abu-dhabi.html?utm_campaign=x"),
                "/to-private": lambda: self._redirect("/private/leaked-draft.html"),
                "/loop": lambda: self._redirect("/loop"),
                "/feed-as-text-xml": lambda: self._send(200, server.fixture("feeds/rss.xml"), "text/xml"),
            }
            if path in script:
                script[path]()
                return
            file = (FIXTURES / path.lstrip("/")).resolve()
            if FIXTURES in file.parents and file.is_file():
                self._send(200, server.fixture(path.lstrip("/")), _TYPES.get(file.suffix, "text/plain"))
            else:
                self._send(404, b"not found", "text/plain")

        def _redirect(self, location: str) -> None:
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _slow(self) -> None:
            server.release.wait(5)
            with contextlib.suppress(OSError):
                self._page()

        def _huge(self) -> None:
            # No Content-Length: the size only shows while streaming.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>" + b"x" * 1000 + b"</p>")
            except OSError:
                pass
            self.close_connection = True

        def _huge_declared(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
            self.close_connection = True

    return Handler


@pytest.fixture
def server() -> Iterator[LocalServer]:
    state = LocalServer(base="")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


class FakeClock:
    """Time that only moves when the fetcher sleeps, so waits are checked without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings() -> Settings:
    return Settings(timeout=0.5, retries=2, rate_limit=0, max_bytes=50_000, user_agent="redline-test/1.0")


@pytest.fixture
def make_fetcher(clock: FakeClock, settings: Settings) -> Iterator[Callable[..., Fetcher]]:
    made: list[Fetcher] = []

    def make(custom: Settings | None = None, **kwargs: object) -> Fetcher:
        fetcher = Fetcher(
            custom or settings,
            sleep=clock.sleep,
            clock=clock,
            backoff_base=0.25,
            **kwargs,  # type: ignore[arg-type]
        )
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


Reader = Callable[..., tuple[list[Document], list[Problem]]]


def _read(
    specs: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    published: date | None = None,
    stdin: TextIO | None = None,
) -> tuple[list[Document], list[Problem]]:
    docs: list[Document] = []
    problems: list[Problem] = []
    for item in read_sources(
        [str(s) for s in specs], settings or Settings(), published=published, stdin=stdin
    ):
        if isinstance(item, Document):
            docs.append(item)
        else:
            problems.append(item)
    return docs, problems


@pytest.fixture
def inputs() -> Path:
    """The hand-written input files under tests/fixtures/inputs."""
    return Path(__file__).resolve().parents[1] / "fixtures" / "inputs"


@pytest.fixture
def read() -> Any:
    """read(specs, settings=None, published=None, stdin=None) -> (documents, problems)."""
    return _read


@pytest.fixture
def english() -> str:
    """A short English paragraph, long enough for the language check to judge."""
    return (
        "The foreign minister said on Tuesday that the government would study the new draft carefully "
        "and that it was ready to meet the other side again next week to discuss the remaining points."
    )
