"""Reading pages and feeds over HTTP, against the local fixture server only."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import pytest

from redline.config import Settings
from redline.errors import FetchError, InputTooLargeError, UnsupportedInputError
from redline.model import Document, Problem
from redline.sources.http import Fetcher
from redline.sources.web import WebReader, document_id, read_web

if TYPE_CHECKING:  # fixtures come from conftest; importing it by name is fragile
    from conftest import FakeClock, LocalServer

MakeFetcher = Callable[..., Fetcher]


def read(make_fetcher: MakeFetcher, url: str, **kwargs: object) -> list[Document | Problem]:
    return list(WebReader(make_fetcher(**kwargs)).read(url))


def only(items: list[Document | Problem], kind: type) -> list:  # type: ignore[type-arg]
    return [item for item in items if isinstance(item, kind)]


# -- pages ------------------------------------------------------------------------------------


def test_page_becomes_document_with_metadata(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    url = server.url("/articles/geneva-talks.html?utm_source=newsletter&utm_medium=email")
    [doc] = read(make_fetcher, url)
    assert isinstance(doc, Document)
    assert doc.title == "Negotiators in Geneva rework the US peace plan"
    assert doc.published == date(2025, 11, 23)
    assert doc.outlet == "The Meridian Ledger"
    assert doc.url == server.url("/articles/geneva-talks.html")  # canonical link, utm_* dropped
    assert doc.source == url
    assert doc.id == document_id(server.url("/articles/geneva-talks.html"))
    assert "the most productive" in doc.text
    assert "Peskov" in doc.text
    assert "All rights reserved" not in doc.text  # boilerplate removed
    assert "Subscribe" not in doc.text
    assert doc.metadata["author"] == "Ines Kowal"


def test_same_article_under_tracking_links_gets_one_id(
    server: LocalServer, make_fetcher: MakeFetcher
) -> None:
    fetcher = make_fetcher()
    reader = WebReader(fetcher)
    [a] = reader.read(server.url("/articles/abu-dhabi.html?utm_source=x"))
    [b] = reader.read(server.url("/articles/abu-dhabi.html#comments"))
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.id == b.id
    assert a.outlet == "Harbour Wire"
    assert a.published == date(2025, 11, 25)


def test_home_page_as_canonical_link_is_not_trusted(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    page = server.fixture("articles/geneva-talks.html").replace(
        b"/articles/geneva-talks.html?utm_source=rss&amp;utm_medium=feed", b"/"
    )
    server.overrides["/world/geneva-story"] = (200, {"Content-Type": "text/html; charset=utf-8"}, page)
    [doc] = read(make_fetcher, server.url("/world/geneva-story?utm_source=x"))
    assert isinstance(doc, Document)
    assert doc.url == server.url("/world/geneva-story")


def test_user_agent_from_settings_is_sent(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    read(make_fetcher, server.url("/articles/abu-dhabi.html"))
    agents = {r.headers.get("user-agent") for r in server.requests}
    assert agents == {"redline-test/1.0"}
    assert all("text/html" in r.headers["accept"] for r in server.requests)


def test_page_in_legacy_encoding_declared_only_in_meta(
    server: LocalServer, make_fetcher: MakeFetcher
) -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Переговоры в Женеве</title></head><body><article>'
        "<p>Делегации США и Украины обсудили в Женеве проект мирного плана из двадцати восьми пунктов.</p>"
        "<p>Стороны заявили о прогрессе, но вопрос о территориях остаётся открытым.</p>"
        "</article></body></html>"
    ).encode("cp1251")
    server.overrides["/ru.html"] = (200, {"Content-Type": "text/html"}, page)
    [doc] = read(make_fetcher, server.url("/ru.html"))
    assert isinstance(doc, Document)
    assert "Делегации США и Украины" in doc.text


def test_read_web_entry_point_builds_its_own_fetcher(server: LocalServer) -> None:
    settings = Settings(rate_limit=0, timeout=5)
    items = list(read_web(server.url("/articles/moscow-visit.html"), settings))
    [doc] = items
    assert isinstance(doc, Document)
    assert doc.published == date(2025, 12, 3)
    assert doc.outlet == "Northern Dispatch"


def test_page_without_article_text_is_a_problem(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    [problem] = read(make_fetcher, server.url("/empty.html"))
    assert isinstance(problem, Problem)
    assert problem.kind == "empty"
    assert "no article text" in problem.reason
    assert problem.hint


# -- failures -----------------------------------------------------------------------------------


def test_missing_page_is_http_404_problem(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    [problem] = read(make_fetcher, server.url("/articles/nowhere.html"))
    assert isinstance(problem, Problem)
    assert problem.source == server.url("/articles/nowhere.html")
    assert problem.reason.startswith("HTTP 404")
    assert problem.kind == "fetch"
    assert problem.hint and "URL" in problem.hint


def test_robots_txt_disallow_is_respected(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    [problem] = read(make_fetcher, server.url("/private/leaked-draft.html"))
    assert isinstance(problem, Problem)
    assert "robots.txt disallows" in problem.reason
    assert problem.hint
    assert "/private/leaked-draft.html" not in server.paths()


def test_robots_txt_checked_on_every_redirect_hop(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    [problem] = read(make_fetcher, server.url("/to-private"))
    assert isinstance(problem, Problem)
    assert "robots.txt disallows" in problem.reason
    assert problem.source.endswith("/private/leaked-draft.html")
    assert "/private/leaked-draft.html" not in server.paths()


def test_robots_txt_cached_per_fetcher_not_globally(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    first = make_fetcher()
    first.fetch(server.url("/articles/geneva-talks.html"))
    first.fetch(server.url("/articles/abu-dhabi.html"))
    assert server.hits["/robots.txt"] == 1
    make_fetcher().fetch(server.url("/articles/geneva-talks.html"))
    assert server.hits["/robots.txt"] == 2


def test_robots_txt_ignored_when_told(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    result = make_fetcher(respect_robots=False).fetch(server.url("/private/leaked-draft.html"))
    assert result.status == 200
    assert "/robots.txt" not in server.paths()


def test_server_error_status_on_robots_txt_means_keep_out(
    server: LocalServer, make_fetcher: MakeFetcher
) -> None:
    server.overrides["/robots.txt"] = (503, {"Content-Type": "text/plain"}, b"")
    with pytest.raises(FetchError, match=r"robots.txt disallows"):
        make_fetcher().fetch(server.url("/articles/geneva-talks.html"))


def test_missing_robots_txt_allows_everything(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    server.overrides["/robots.txt"] = (404, {"Content-Type": "text/plain"}, b"")
    result = make_fetcher().fetch(server.url("/private/leaked-draft.html"))
    assert result.status == 200


def test_retry_after_500_then_success(
    server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock
) -> None:
    [doc] = read(make_fetcher, server.url("/flaky"))
    assert isinstance(doc, Document)
    assert server.hits["/flaky"] == 2
    assert clock.sleeps == [0.25]


def test_429_honours_retry_after(server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock) -> None:
    [doc] = read(make_fetcher, server.url("/busy"))
    assert isinstance(doc, Document)
    assert server.hits["/busy"] == 2
    assert clock.sleeps == [7.0]


def test_429_with_unreasonable_wait_gives_up(
    server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock
) -> None:
    [problem] = read(make_fetcher, server.url("/busy-long"))
    assert isinstance(problem, Problem)
    assert problem.reason.startswith("HTTP 429")
    assert "3600" in problem.reason
    assert server.hits["/busy-long"] == 1
    assert clock.sleeps == []


def test_retry_after_as_http_date(server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock) -> None:
    server.overrides["/later"] = (429, {"Retry-After": "Wed, 26 Nov 2025 10:00:30 GMT"}, b"")
    fetcher = make_fetcher(now=lambda: datetime(2025, 11, 26, 10, 0, 0, tzinfo=UTC))
    with pytest.raises(FetchError, match=r"HTTP 429"):
        fetcher.fetch(server.url("/later"))
    assert clock.sleeps == [30.0, 30.0]
    assert server.hits["/later"] == 3


def test_persistent_5xx_backs_off_exponentially_then_fails(
    server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock
) -> None:
    [problem] = read(make_fetcher, server.url("/down"))
    assert isinstance(problem, Problem)
    assert problem.reason.startswith("HTTP 503")
    assert server.hits["/down"] == 3  # one try + settings.retries
    assert clock.sleeps == [0.25, 0.5]


def test_connection_refused_is_retried_then_reported(
    make_fetcher: MakeFetcher, clock: FakeClock, settings: Settings
) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fetcher = make_fetcher(respect_robots=False)
    with pytest.raises(FetchError, match=r"connection failed after 3 attempt") as info:
        fetcher.fetch(f"http://127.0.0.1:{port}/closed")
    assert info.value.hint
    assert clock.sleeps == [0.25, 0.5]
    # with robots.txt on, the failure shows while reading it, and names the page asked for
    [problem] = read(make_fetcher, f"http://127.0.0.1:{port}/closed")
    assert isinstance(problem, Problem)
    assert problem.source == f"http://127.0.0.1:{port}/closed"
    assert problem.reason.startswith("connection failed after 3 attempt")
    assert problem.reason.endswith("(reading robots.txt)")


def test_slow_response_times_out(server: LocalServer, make_fetcher: MakeFetcher, settings: Settings) -> None:
    quick = replace(settings, timeout=0.2)
    [problem] = read(make_fetcher, server.url("/slow"), custom=quick)
    assert isinstance(problem, Problem)
    assert problem.reason == "timeout after 0.2s"
    assert problem.hint
    assert server.hits["/slow"] == 1  # a read timeout is not retried


def test_streamed_body_over_max_bytes_is_refused(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    [problem] = read(make_fetcher, server.url("/huge"))
    assert isinstance(problem, Problem)
    assert problem.kind == "too_large"
    assert "too large" in problem.reason
    assert "50000" in problem.reason
    assert problem.hint and "REDLINE_MAX_BYTES" in problem.hint


def test_declared_length_over_max_bytes_is_refused_before_reading(
    server: LocalServer, make_fetcher: MakeFetcher
) -> None:
    with pytest.raises(InputTooLargeError, match=r"1000000000 bytes"):
        make_fetcher().fetch(server.url("/huge-declared"))


def test_binary_response_is_not_html(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    [problem] = read(make_fetcher, server.url("/report.pdf"))
    assert isinstance(problem, Problem)
    assert problem.kind == "binary"
    assert "not HTML" in problem.reason
    assert "application/pdf" in problem.reason
    with pytest.raises(UnsupportedInputError):
        make_fetcher().fetch(server.url("/report.pdf"))


def test_redirect_is_followed(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    [doc] = read(make_fetcher, server.url("/old-path"))
    assert isinstance(doc, Document)
    assert doc.url == server.url("/articles/abu-dhabi.html")
    assert doc.metadata["fetched_url"] == server.url("/articles/abu-dhabi.html?utm_campaign=x")
    assert doc.source == server.url("/old-path")


def test_redirect_loop_is_reported(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    [problem] = read(make_fetcher, server.url("/loop"))
    assert isinstance(problem, Problem)
    assert "redirects" in problem.reason


def test_not_http_is_reported(make_fetcher: MakeFetcher) -> None:
    [problem] = read(make_fetcher, "ftp://example.org/file.txt")
    assert isinstance(problem, Problem)
    assert "not an http(s) URL" in problem.reason


# -- rate limit -----------------------------------------------------------------------------------


def test_rate_limit_spaces_requests_to_one_host(
    server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock, settings: Settings
) -> None:
    fetcher = make_fetcher(replace(settings, rate_limit=2.0))
    fetcher.fetch(server.url("/articles/geneva-talks.html"))  # robots.txt, then the page
    fetcher.fetch(server.url("/articles/abu-dhabi.html"))
    assert clock.sleeps == [0.5, 0.5]
    clock.now += 10  # time passes on its own: no wait needed
    fetcher.fetch(server.url("/articles/moscow-visit.html"))
    assert clock.sleeps == [0.5, 0.5]


def test_rate_limit_is_per_host(
    server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock, settings: Settings
) -> None:
    fetcher = make_fetcher(replace(settings, rate_limit=0.5), respect_robots=False)
    fetcher.fetch(server.url("/articles/geneva-talks.html"))
    fetcher.fetch(server.url("/articles/geneva-talks.html").replace("127.0.0.1", "localhost"))
    assert clock.sleeps == []
    fetcher.fetch(server.url("/articles/abu-dhabi.html"))
    assert clock.sleeps == [2.0]


def test_crawl_delay_in_robots_txt_slows_us_down(
    server: LocalServer, make_fetcher: MakeFetcher, clock: FakeClock, settings: Settings
) -> None:
    server.overrides["/robots.txt"] = (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: *\nCrawl-delay: 5\n",
    )
    fetcher = make_fetcher(replace(settings, rate_limit=2.0))
    fetcher.fetch(server.url("/articles/geneva-talks.html"))
    fetcher.fetch(server.url("/articles/abu-dhabi.html"))
    assert clock.sleeps == [5.0, 5.0]


# -- feeds ----------------------------------------------------------------------------------------


def test_rss_feed_yields_each_entry_article(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    items = read(make_fetcher, server.url("/feeds/rss.xml"))
    docs = only(items, Document)
    problems = only(items, Problem)
    assert [d.title for d in docs] == [
        "Negotiators in Geneva rework the US peace plan",
        "US Army secretary meets Russian officials in Abu Dhabi",
        "Kyiv names its negotiating team",
    ]
    geneva, abu_dhabi, team = docs
    assert "the most productive" in geneva.text
    assert abu_dhabi.url == server.url("/articles/abu-dhabi.html")  # relative link resolved
    assert all(d.metadata["feed"] == server.url("/feeds/rss.xml") for d in docs)
    # the third page is gone: the entry's summary stands in, with a Problem saying why
    [problem] = problems
    assert problem.source == server.url("/articles/team-announced.html")
    assert problem.reason.startswith("HTTP 404")
    assert team.metadata["from_summary"] is True
    assert team.text.startswith("President Zelensky said Andriy Yermak would lead")
    assert team.published == date(2025, 11, 22)
    assert team.url == server.url("/articles/team-announced.html")
    assert items.index(problem) < items.index(team)


def test_feed_served_as_text_xml_is_recognised(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    items = read(make_fetcher, server.url("/feed-as-text-xml"))
    assert len(only(items, Document)) == 3


def test_atom_feed_entry_blocked_by_robots_falls_back_to_content(
    server: LocalServer, make_fetcher: MakeFetcher
) -> None:
    items = read(make_fetcher, server.url("/feeds/atom.xml"))
    docs = only(items, Document)
    [problem] = only(items, Problem)
    assert "robots.txt disallows" in problem.reason
    moscow, draft = docs
    assert moscow.outlet == "Northern Dispatch"
    assert "useful and constructive" in moscow.text
    assert draft.metadata["from_summary"] is True
    assert draft.text == "The draft would cap Ukraine's armed forces at 600,000 and rule out NATO membership."
    assert draft.published == date(2025, 11, 20)
    assert "/private/leaked-draft.html" not in server.paths()


def test_empty_feed_is_a_problem(server: LocalServer, make_fetcher: MakeFetcher) -> None:
    server.overrides["/empty-feed.xml"] = (
        200,
        {"Content-Type": "application/rss+xml"},
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>',
    )
    [problem] = read(make_fetcher, server.url("/empty-feed.xml"))
    assert isinstance(problem, Problem)
    assert "no entries" in problem.reason
