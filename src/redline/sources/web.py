"""Fetching pages and feeds over HTTP.

PLACEHOLDER: ``read_web`` is the fixed entry point the source dispatcher calls for
``http(s)://`` sources; it yields Documents for a page or for each entry of a feed.
"""

from __future__ import annotations

from collections.abc import Iterator

from redline.config import Settings
from redline.model import Document, Problem


def read_web(url: str, settings: Settings) -> Iterator[Document | Problem]:
    yield Problem(source=url, reason="fetching URLs is not implemented yet", kind="fetch")
