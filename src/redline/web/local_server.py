"""The app on a free local port, in a thread: what a browser drives in the end-to-end tests
and in ``scripts/screenshots.py``.

The browser is Debian's Chromium driven by Playwright's Python package: no browser is
downloaded; its path is ``REDLINE_CHROMIUM`` or ``/usr/bin/chromium``.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from redline.api import create_app

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "free_port", "serve"]

CHROMIUM = Path(os.environ.get("REDLINE_CHROMIUM", "/usr/bin/chromium"))
# root in a container has no user namespaces for Chromium's sandbox; the pages are our own
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serve(db_url: str, token: str | None = None) -> Iterator[str]:
    """The one app over ``db_url`` on http://127.0.0.1:PORT, stopped on exit; yields the base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(db_url, token=token), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):  # a readiness wait, not a timing assertion
        if server.started:
            break
        time.sleep(0.05)
    else:
        raise RuntimeError("the test server did not start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
