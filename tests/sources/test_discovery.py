"""GDELT DOC API client against a local stand-in server; the real API is never called."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

import pytest

from redline.errors import ConfigError, FetchError
from redline.sources.discovery import GDELT_DOC_API, DiscoveredArticle, discover, parse_since
from redline.sources.http import Fetcher

if TYPE_CHECKING:  # fixtures come from conftest; importing it by name is fragile
    from conftest import LocalServer

MakeFetcher = Callable[..., Fetcher]


def serve(server: LocalServer, body: bytes, content_type: str = "application/json", status: int = 200) -> str:
    server.overrides["/api/v2/doc/doc"] = (status, {"Content-Type": content_type}, body)
    return server.url("/api/v2/doc/doc")


def sent_params(server: LocalServer) -> dict[str, list[str]]:
    [request] = [r for r in server.requests if r.path == "/api/v2/doc/doc"]
    return parse_qs(request.query)


def test_default_endpoint_is_the_real_api() -> None:
    assert GDELT_DOC_API == "https://api.gdeltproject.org/api/v2/doc/doc"


def test_articles_are_parsed_deduplicated_and_validated(
    server: LocalServer, make_fetcher: MakeFetcher
) -> None:
    api = serve(server, server.fixture("gdelt/artlist.json"))
    articles = discover("Ukraine peace plan", timedelta(days=7), fetcher=make_fetcher(), base_url=api)
    assert articles == [
        DiscoveredArticle(
            url=server.url("/articles/geneva-talks.html"),
            title="Negotiators in Geneva rework the US peace plan",
            seendate=datetime(2025, 11, 23, 18, 45, tzinfo=UTC),
            domain="meridian-ledger.example",
            language="English",
            source_country="Switzerland",
        ),
        DiscoveredArticle(
            url=server.url("/articles/abu-dhabi.html"),
            title="US Army secretary meets Russian officials in Abu Dhabi",
            seendate=datetime(2025, 11, 25, 9, 30, tzinfo=UTC),
            domain="harbour-wire.example",
            language="English",
            source_country="United Arab Emirates",
        ),
    ]
    assert articles[0].to_dict()["seendate"] == "2025-11-23T18:45:00+00:00"


def test_query_parameters(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    api = serve(server, b'{"articles": []}')
    discover('"peace plan" Ukraine', timedelta(days=7), max_records=40, fetcher=make_fetcher(), base_url=api)
    assert sent_params(server) == {
        "query": ['"peace plan" Ukraine'],
        "mode": ["ArtList"],
        "format": ["json"],
        "maxrecords": ["40"],
        "sort": ["DateDesc"],
        "timespan": ["7d"],
    }


@pytest.mark.parametrize(
    ("since", "expected"),
    [(timedelta(hours=36), "36h"), (timedelta(minutes=90), "90min"), (timedelta(weeks=2), "14d")],
)
def test_durations_become_timespans(
    server: LocalServer, make_fetcher: MakeFetcher, since: timedelta, expected: str
) -> None:
    api = serve(server, b"{}")
    discover("peace plan", since, fetcher=make_fetcher(), base_url=api)
    assert sent_params(server)["timespan"] == [expected]


def test_date_becomes_start_datetime(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    api = serve(server, b"{}")
    discover("peace plan", date(2025, 11, 20), fetcher=make_fetcher(), base_url=api)
    params = sent_params(server)
    assert params["startdatetime"] == ["20251120000000"]
    assert "timespan" not in params


def test_empty_result_is_an_empty_list(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    api = serve(server, b"{}")
    assert discover("zzzz qqqq", timedelta(days=1), fetcher=make_fetcher(), base_url=api) == []


def test_plain_text_refusal_becomes_clear_error(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    api = serve(server, b"The specified phrase is too short.\n", "text/html")
    with pytest.raises(FetchError) as info:
        discover('"an"', timedelta(days=1), fetcher=make_fetcher(), base_url=api)
    assert "GDELT refused the query: The specified phrase is too short." in str(info.value)
    assert info.value.hint and "quote exact phrases" in info.value.hint


def test_rate_limit_reply_says_to_wait(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    api = serve(server, b"Please limit requests to one every 5 seconds.", "text/plain")
    with pytest.raises(FetchError) as info:
        discover("peace plan", timedelta(days=1), fetcher=make_fetcher(), base_url=api)
    assert info.value.hint and "five seconds" in info.value.hint


def test_invalid_escapes_in_json_are_repaired(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    body = b'{"articles": [{"url": "https://news.example/a", "title": "Kyiv\\\'s reply", "seendate": "x"}]}'
    api = serve(server, body)
    [article] = discover("peace plan", timedelta(days=1), fetcher=make_fetcher(), base_url=api)
    assert article.title == "Kyiv\\'s reply"
    assert article.seendate is None
    assert article.domain == "news.example"


def test_http_error_from_api_is_a_fetch_error(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    api = serve(server, b"gone", "text/plain", status=404)
    with pytest.raises(FetchError, match="HTTP 404"):
        discover("peace plan", timedelta(days=1), fetcher=make_fetcher(), base_url=api)


def test_unexpected_json_shape_is_reported(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    api = serve(server, b"[1, 2]")
    with pytest.raises(FetchError, match="unexpected reply"):
        discover("peace plan", timedelta(days=1), fetcher=make_fetcher(), base_url=api)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"query": "  "}, "query is empty"),
        ({"max_records": 0}, "--max must lie between 1 and 250"),
        ({"max_records": 251}, "--max must lie between 1 and 250"),
        ({"since": timedelta(days=200)}, "between 15 minutes and 3 months"),
        ({"since": timedelta(minutes=5)}, "between 15 minutes and 3 months"),
    ],
)
def test_invalid_arguments_are_config_errors(
    make_fetcher: MakeFetcher, kwargs: dict[str, object], message: str
) -> None:
    args: dict[str, object] = {"query": "peace plan", "since": timedelta(days=1), **kwargs}
    with pytest.raises(ConfigError, match=message):
        discover(  # type: ignore[arg-type]
            args.pop("query"),
            args.pop("since"),
            fetcher=make_fetcher(),
            base_url="http://127.0.0.1:9/",
            **args,
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7d", timedelta(days=7)),
        ("12h", timedelta(hours=12)),
        ("30min", timedelta(minutes=30)),
        ("2w", timedelta(weeks=2)),
        (" 3 days ", timedelta(days=3)),
        ("2025-11-20", date(2025, 11, 20)),
    ],
)
def test_parse_since(text: str, expected: timedelta | date) -> None:
    assert parse_since(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "7y", "2025-13-40"])
def test_parse_since_rejects_nonsense(text: str) -> None:
    with pytest.raises(ConfigError, match="neither a duration nor a date"):
        parse_since(text)
