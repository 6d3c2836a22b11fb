"""RSS and Atom feeds: which responses are feeds, and the articles they point to.

feedparser copes with every feed dialect and with broken feeds; this module only decides
whether a response is a feed and reduces each entry to what a reader needs to fetch the
article or, failing that, keep the entry's own summary.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import feedparser

__all__ = ["FeedEntry", "is_feed", "parse_feed"]

_FEED_MEDIA = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_XML_MEDIA = frozenset({"application/xml", "text/xml"})
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item: the article's link and the little the feed says about it."""

    url: str | None
    title: str | None
    published: date | None
    summary: str | None  # plain text, markup removed


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
    if not markup or not markup.strip():
        return None
    text = markup
    if "<" in markup:
        import trafilatura  # imported here: the readers load without it until a page is parsed

        text = trafilatura.html2txt(f"<html><body><div>{markup}</div></body></html>", clean=True)
    text = re.sub(r"\s+", " ", str(text)).strip()
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
    link = entry.get("link")
    if link:
        return str(link)
    for candidate in entry.get("links") or []:
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            return str(candidate["href"])
    guid = entry.get("id")
    if isinstance(guid, str) and guid.startswith(("http://", "https://")):
        return guid
    return None


def parse_feed(content: bytes | str, *, base_url: str | None = None) -> list[FeedEntry]:
    """The entries of a feed in feed order; relative links resolve against ``base_url``."""
    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(content, response_headers=headers)
    entries: list[FeedEntry] = []
    for entry in parsed.entries:
        title = entry.get("title")
        entries.append(
            FeedEntry(
                url=_link(entry),
                title=_plain(title) if title else None,
                published=_date(entry),
                summary=_summary(entry),
            )
        )
    return entries
