"""RSS and Atom feeds: which responses are feeds, and the articles they point to.

feedparser copes with every feed dialect and with broken feeds; this module only decides
whether a response is a feed and reduces each entry to what a reader needs to fetch the
article or, failing that, keep the entry's own summary. A fetched feed's entries lead to their
pages (``sources.web``); a feed saved as a file is read from the entries' own text
(``sources.files``), never from the network: ``entry_record`` is what both keep of an entry.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser

from redline.model import stable_id
from redline.urls import canonical_url, without_tracking

__all__ = ["FeedEntry", "document_id", "entry_record", "is_feed", "parse_feed"]

_FEED_MEDIA = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_XML_MEDIA = frozenset({"application/xml", "text/xml"})
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_NEWLINES = re.compile(r"\s*\n\s*")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item: the article's link and the little the feed says about it."""

    url: str | None
    title: str | None
    published: date | None
    summary: str | None  # plain text, markup removed
    # who published it: the entry's own source (an aggregator's "<source>Harbour Wire</source>"),
    # else the feed's title; None when the feed names neither, and the link's host stands in
    outlet: str | None = None


def is_feed(content_type: str, content: bytes) -> bool:
    """Whether a response is an RSS/Atom feed rather than a page.

    Many servers label feeds ``text/xml`` or even ``text/html``, so a generic type is
    settled by the document's root element.
    """
    if content_type in _FEED_MEDIA:
        return True
    head = content[:2048]
    if content_type in _XML_MEDIA or content_type == "":
        return bool(_FEED_ROOT.search(head))
    if content_type == "text/html":
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and bool(_FEED_ROOT.search(head))
    return False


def _date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).date()
    return None


def _plain(markup: str | None) -> str | None:
    """Text without markup, one line per paragraph: an entry that carries a whole article
    keeps its headline and paragraphs apart, as the extractor reads them in a page."""
    if not markup or not markup.strip():
        return None
    text = markup
    if "<" in markup:
        from redline.sources.html import body_text  # lxml, loaded once a feed is read

        text = body_text(f"<html><body><div>{markup}</div></body></html>")
    text = _NEWLINES.sub("\n", _BLANKS.sub(" ", str(text))).strip()
    return text or None


def _summary(entry: Any) -> str | None:
    """The richest text the entry carries: full content if present, else the summary."""
    contents = entry.get("content") or []
    for content in contents:
        text = _plain(content.get("value"))
        if text:
            return text
    return _plain(entry.get("summary"))


def _link(entry: Any) -> str | None:
    """The entry's article link; only a web address counts (feedparser offers an Atom entry's
    ``urn:`` id as its link when it has none, and that names no page)."""
    candidates = [entry.get("link")]
    links = entry.get("links") or []
    candidates += [c.get("href") for c in links if c.get("rel", "alternate") == "alternate"]
    candidates.append(entry.get("id"))
    for link in candidates:
        if isinstance(link, str) and link.startswith(("http://", "https://")):
            return link
    return None


def parse_feed(content: bytes | str, *, base_url: str | None = None) -> list[FeedEntry]:
    """The entries of a feed in feed order; relative links resolve against ``base_url``."""
    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(content, response_headers=headers)
    feed_title = _plain(parsed.feed.get("title"))
    entries: list[FeedEntry] = []
    for entry in parsed.entries:
        title = entry.get("title")
        source = entry.get("source") or {}
        entries.append(
            FeedEntry(
                url=_link(entry),
                title=_plain(title) if title else None,
                published=_date(entry),
                summary=_summary(entry),
                outlet=_plain(source.get("title")) or feed_title,
            )
        )
    return entries


def document_id(url: str) -> str:
    """Documents read from the web are identified by their canonical URL, so re-reading is idempotent."""
    return stable_id("url", canonical_url(url))


def entry_record(entry: FeedEntry, feed: str) -> dict[str, Any]:
    """The document fields of an entry read from its own text (its ``summary``): identified by
    the article's canonical URL, as the page would be, so the page fetched later is the same
    document; ``feed`` is the feed's URL or file. Its outlet is the one the feed names (the
    entry's source, else the feed's title), the host only when it names none: a feed read from
    a file has no host, and an aggregator's entries link to many."""
    url = without_tracking(entry.url) if entry.url else None
    return {
        "id": document_id(url) if url else stable_id("feed", feed, entry.title, entry.summary),
        "url": url,
        "title": entry.title,
        "published": entry.published,
        "outlet": entry.outlet or urlsplit(url or feed).hostname,
        "metadata": {"feed": feed, "from_summary": True},
    }
