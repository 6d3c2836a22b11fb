"""Finding articles by query in GDELT's DOC 2.0 API (a public index of world news).

GDELT answers a search with a JSON ``articles`` list, an empty object when nothing
matched, and plain text when it refuses the query (bad syntax, too short a phrase, too
many requests) - even with HTTP 200. Each case gets an explicit answer here so the CLI
can tell a user what to change. The API base URL is a parameter so mirrors and tests can
stand in for the real service.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

from redline.dates import parse_date, parse_span
from redline.errors import ConfigError, FetchError
from redline.sources.http import Fetcher

__all__ = ["GDELT_DOC_API", "MAX_RECORDS", "DiscoveredArticle", "discover", "parse_since"]

GDELT_DOC_API = "https://api.gdeltproject.org/api/v2/doc/doc"
MAX_RECORDS = 250  # the API's own ceiling for one ArtList request
_MAX_SPAN = timedelta(days=92)  # the DOC API searches a rolling three months
_MIN_SPAN = timedelta(minutes=15)
_BAD_ESCAPE = re.compile(r'\\(?!["\\/bfnrtu])')


@dataclass(frozen=True, slots=True)
class DiscoveredArticle:
    """One search hit: enough to list it and to fetch it later."""

    url: str
    title: str | None
    seendate: datetime | None  # when GDELT first saw the article (UTC)
    domain: str | None
    language: str | None
    source_country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["seendate"] = self.seendate.isoformat() if self.seendate else None
        return data


def parse_since(text: str) -> timedelta | date:
    """``7d``, ``12h``, ``30min``, ``2w`` or a date (``2025-11-20``, ``20 Nov 2025``)."""
    span = parse_span(text)
    if span is not None:
        return span
    try:
        parsed = parse_date(text)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ConfigError(
            f"--since {text!r} is neither a duration nor a date",
            hint="use a duration such as 7d, 12h, 30min, 2w or a date such as 2025-11-20",
        )
    return parsed


def _timespan(since: timedelta) -> str:
    if since < _MIN_SPAN or since > _MAX_SPAN:
        raise ConfigError(
            f"--since must lie between 15 minutes and 3 months, got {since}",
            hint="GDELT's DOC API searches the last three months only",
        )
    seconds = int(since.total_seconds())
    if seconds % 86400 == 0:
        return f"{seconds // 86400}d"
    if seconds % 3600 == 0:
        return f"{seconds // 3600}h"
    return f"{-(-seconds // 60)}min"


def _seendate(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    for fmt in ("%Y%m%dT%H%M%SZ", "%Y%m%d%H%M%S"):
        try:
            return datetime.strptime(value, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _decode(body: str, url: str) -> Any:
    """GDELT's JSON sometimes carries invalid escapes; repair them rather than fail."""
    try:
        return json.loads(body, strict=False)
    except json.JSONDecodeError:
        pass
    try:
        return json.loads(_BAD_ESCAPE.sub(r"\\\\", body), strict=False)
    except json.JSONDecodeError:
        message = " ".join(body.split())[:200] or "an empty reply"
        lowered = message.lower()
        hint = (
            "GDELT allows about one request every five seconds; wait and try again"
            if "limit requests" in lowered
            else "check the query: quote exact phrases, use words of three letters or more, "
            "and see the GDELT DOC 2.0 API documentation for operators"
        )
        raise FetchError(f"GDELT refused the query: {message}", where=url, hint=hint) from None


def _article(item: dict[str, Any]) -> DiscoveredArticle | None:
    url = _text(item.get("url"))
    if not url:
        return None
    return DiscoveredArticle(
        url=url,
        title=_text(item.get("title")),
        seendate=_seendate(item.get("seendate")),
        domain=_text(item.get("domain")) or urlsplit(url).hostname,
        language=_text(item.get("language")),
        source_country=_text(item.get("sourcecountry")),
    )


def discover(
    query: str,
    since: timedelta | date,
    *,
    max_records: int = MAX_RECORDS,
    fetcher: Fetcher,
    base_url: str = GDELT_DOC_API,
) -> list[DiscoveredArticle]:
    """Articles matching ``query`` seen since a duration ago or a date, newest first."""
    if not query.strip():
        raise ConfigError("the search query is empty", hint='give words or a quoted phrase: "peace plan"')
    if not 1 <= max_records <= MAX_RECORDS:
        raise ConfigError(
            f"--max must lie between 1 and {MAX_RECORDS}, got {max_records}",
            hint=f"GDELT returns at most {MAX_RECORDS} articles per search",
        )
    params: dict[str, str] = {
        "query": query,
        "mode": "ArtList",
        "format": "json",
        "maxrecords": str(max_records),
        "sort": "DateDesc",
    }
    if isinstance(since, timedelta):
        params["timespan"] = _timespan(since)
    else:
        params["startdatetime"] = since.strftime("%Y%m%d000000")
    url = f"{base_url}?{urlencode(params)}"
    result = fetcher.fetch(url, accept=None)
    data = _decode(result.text, base_url)
    if not isinstance(data, dict):
        raise FetchError(
            f"GDELT sent an unexpected reply (a JSON {type(data).__name__})",
            where=base_url,
            hint="the API may have changed; report this with the query",
        )
    items = data.get("articles") or []
    articles: list[DiscoveredArticle] = []
    seen: set[str] = set()
    for item in items:
        article = _article(item) if isinstance(item, dict) else None
        if article is not None and article.url not in seen:
            seen.add(article.url)
            articles.append(article)
    return articles
