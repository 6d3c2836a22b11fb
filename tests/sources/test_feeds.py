"""Feed detection and entry parsing, on the project's own fixture feeds (no network)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from redline.sources.feeds import FeedEntry, entry_record, is_feed, parse_feed

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "web" / "feeds"
BASE = "http://news.example"


def load(name: str) -> bytes:
    return (FEEDS / name).read_bytes().replace(b"{{BASE}}", BASE.encode())


def test_rss_entries_in_feed_order() -> None:
    entries = parse_feed(load("rss.xml"), base_url=f"{BASE}/feeds/rss.xml")
    assert [e.url for e in entries] == [
        f"{BASE}/articles/geneva-talks.html?utm_source=rss",
        f"{BASE}/articles/abu-dhabi.html",  # relative link resolved against the feed
        f"{BASE}/articles/team-announced.html",
    ]
    assert entries[0].title == "Negotiators in Geneva rework the US peace plan"
    assert [e.published for e in entries] == [date(2025, 11, 23), date(2025, 11, 25), date(2025, 11, 22)]


def test_rss_summary_is_plain_text() -> None:
    first = parse_feed(load("rss.xml"))[0]
    assert first.summary == "American and Ukrainian delegations went through the 28-point draft in Geneva."


def test_atom_entries_prefer_published_and_full_content() -> None:
    moscow, draft = parse_feed(load("atom.xml"))
    assert moscow == FeedEntry(
        url=f"{BASE}/articles/moscow-visit.html",
        title="Witkoff and Kushner hold five hours of talks with Putin",
        published=date(2025, 12, 2),  # published wins over updated
        summary="The Kremlin called the talks useful but said no compromise was found on territory.",
        outlet="Northern Dispatch - Diplomacy",  # the feed's title
    )
    assert draft.published == date(2025, 11, 20)  # only updated given
    assert (
        draft.summary == "The draft would cap Ukraine's armed forces at 600,000 and rule out NATO membership."
    )


def test_entry_without_link_uses_permalink_guid_or_none() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>With guid</title><guid>https://news.example/a/1</guid></item>
    <item><title>Bare</title><description>Only words.</description></item>
    </channel></rss>"""
    with_guid, bare = parse_feed(feed)
    assert with_guid.url == "https://news.example/a/1"
    assert bare.url is None
    assert bare.summary == "Only words."
    assert bare.published is None


def test_an_entry_is_published_by_its_own_source_else_by_the_feed_else_its_host() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour desk</title>
    <item><title>Ferry</title><link>https://wire.example/a/1</link><description>Ferries run.</description>
    <source url="https://wire.example/rss">Harbour Wire</source></item>
    <item><title>Port</title><link>https://harbour.example/a/2</link>
    <description>The port opens.</description></item>
    </channel></rss>"""
    wire, own = parse_feed(feed)
    assert (wire.outlet, own.outlet) == ("Harbour Wire", "Harbour desk")
    assert entry_record(own, "harbour.rss")["outlet"] == "Harbour desk"
    untitled = feed.replace(b"<title>Harbour desk</title>", b"")
    assert entry_record(parse_feed(untitled)[1], "harbour.rss")["outlet"] == "harbour.example"


def test_not_a_feed_has_no_entries() -> None:
    assert parse_feed(b"<html><body><p>hello</p></body></html>") == []


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("application/rss+xml", b"", True),
        ("application/atom+xml", b"", True),
        ("text/xml", b'<?xml version="1.0"?><rss version="2.0">', True),
        ("application/xml", b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', True),
        ("application/xml", b'<?xml version="1.0"?><sitemap>', False),
        ("text/html", b"<!DOCTYPE html><html><body>rss feed</body></html>", False),
        ("text/html", b'<?xml version="1.0"?><rss version="2.0"><channel>', True),
        ("", b"<rss version='2.0'>", True),
        ("application/pdf", b"%PDF-1.7", False),
    ],
)
def test_is_feed(content_type: str, body: bytes, expected: bool) -> None:
    assert is_feed(content_type, body) is expected
