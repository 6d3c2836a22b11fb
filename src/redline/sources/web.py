"""Pages and feeds on the web, read into Documents.

A URL is either an article page, whose main text trafilatura extracts with its metadata, or
an RSS/Atom feed, whose entries each lead to an article page. A feed entry whose page cannot
be read still yields a Document from the entry's own summary, with a Problem saying why the
page failed, so one dead link never costs the rest of the feed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from dateutil import parser as dateparser

from redline.config import Settings
from redline.errors import InputError, InputTooLargeError, UnsupportedInputError
from redline.model import Document, Problem
from redline.sources.feeds import FeedEntry, entry_record, is_feed, parse_feed
from redline.sources.feeds import document_id as document_id  # re-exported: where pages get theirs
from redline.sources.http import FEED_TYPES, HTML_TYPES, Fetcher, FetchResult
from redline.urls import without_tracking

__all__ = ["WebReader", "document_id", "read_web"]

_PAGE_TYPES = HTML_TYPES | FEED_TYPES


def _problem(exc: InputError, url: str) -> Problem:
    if isinstance(exc, InputTooLargeError):
        kind = "too_large"
    elif isinstance(exc, UnsupportedInputError):
        kind = "binary"
    else:
        kind = "fetch"
    return Problem(source=exc.where or url, reason=exc.message, hint=exc.hint, kind=kind)


def _parse_date(value: object) -> date | None:
    if not value:
        return None
    try:
        return dateparser.isoparse(str(value)).date()
    except (ValueError, OverflowError):
        try:
            return dateparser.parse(str(value)).date()
        except (ValueError, OverflowError):
            return None


def _metadata(extracted: Any, name: str) -> str | None:
    value = getattr(extracted, name, None)
    return str(value).strip() or None if value else None


def _article_url(declared: str | None, fetched: str) -> str:
    """The page's own canonical URL, unless it is implausible.

    Some sites declare their home page as every article's canonical URL; trusting that
    would give every article the same identity.
    """
    if declared:
        parts = urlsplit(declared)
        plausible = parts.path.strip("/") or not urlsplit(fetched).path.strip("/")
        if parts.scheme in {"http", "https"} and parts.netloc and plausible:
            return without_tracking(declared)
    return without_tracking(fetched)


class WebReader:
    """Reads URLs through one fetcher, so robots.txt and rate limits span a whole run."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    def read(self, url: str) -> Iterator[Document | Problem]:
        """A page yields one Document; a feed yields one per entry; failures yield Problems."""
        try:
            result = self.fetcher.fetch(url, accept=_PAGE_TYPES)
        except InputError as exc:
            yield _problem(exc, url)
            return
        if is_feed(result.content_type, result.content):
            yield from self._read_feed(result)
            return
        page = self._page(result, source=url)
        yield page

    # -- pages --------------------------------------------------------------------------------
    def _page(
        self, result: FetchResult, *, source: str, entry: FeedEntry | None = None
    ) -> Document | Problem:
        import trafilatura  # imported here: the readers load without it until a page is parsed

        # Without a declared charset, trafilatura sniffs the encoding from the bytes and <meta>.
        extracted = trafilatura.bare_extraction(
            result.text if result.encoding else result.content,
            url=result.final_url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
        text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
        if not text:
            return Problem(
                source=result.final_url,
                reason="no article text found on the page",
                hint="an index page, a JavaScript page or a paywall; save the text as a file",
                kind="empty",
            )
        url = _article_url(_metadata(extracted, "url"), result.final_url)
        published = _parse_date(_metadata(extracted, "date")) or (entry.published if entry else None)
        outlet = _metadata(extracted, "sitename") or _metadata(extracted, "hostname")
        outlet = outlet or urlsplit(url).hostname
        metadata: dict[str, Any] = {"fetched_url": result.final_url}
        for name in ("author", "description"):
            value = _metadata(extracted, name)
            if value:
                metadata[name] = value
        return Document(
            id=document_id(url),
            text=text,
            url=url,
            title=_metadata(extracted, "title") or (entry.title if entry else None),
            published=published,
            outlet=outlet,
            source=source,
            language=_metadata(extracted, "language"),
            metadata=metadata,
        )

    # -- feeds --------------------------------------------------------------------------------
    def _read_feed(self, feed: FetchResult) -> Iterator[Document | Problem]:
        entries = parse_feed(feed.content, base_url=feed.final_url)
        if not entries:
            yield Problem(
                source=feed.final_url,
                reason="the feed has no entries",
                hint="check that the feed URL is current",
                kind="empty",
            )
            return
        for entry in entries:
            yield from self._read_entry(entry, feed.final_url)

    def _read_entry(self, entry: FeedEntry, feed_url: str) -> Iterator[Document | Problem]:
        source = entry.url or feed_url
        failure: Problem | None = None
        if entry.url:
            try:
                result = self.fetcher.fetch(entry.url, accept=HTML_TYPES)
            except InputError as exc:
                failure = _problem(exc, entry.url)
            else:
                page = self._page(result, source=entry.url, entry=entry)
                if isinstance(page, Document):
                    page.metadata["feed"] = feed_url
                    yield page
                    return
                failure = page
        else:
            failure = Problem(
                source=feed_url,
                reason=f"feed entry {entry.title!r} has no link",
                hint="only the entry's summary can be used",
                kind="fetch",
            )
        yield failure
        if entry.summary:
            yield self._from_summary(entry, source, feed_url)

    def _from_summary(self, entry: FeedEntry, source: str, feed_url: str) -> Document:
        """Keep what the feed itself says when the article page cannot be read."""
        assert entry.summary is not None
        return Document(text=entry.summary, source=source, **entry_record(entry, feed_url))


def read_web(url: str, settings: Settings, *, fetcher: Fetcher | None = None) -> Iterator[Document | Problem]:
    """Read a page or feed at ``url``; pass a ``fetcher`` to share politeness state across calls."""
    if fetcher is not None:
        yield from WebReader(fetcher).read(url)
        return
    with Fetcher(settings) as own:
        yield from WebReader(own).read(url)
