"""One URL identity: every spelling of one article's address gives one key, distinct pages stay distinct."""

from __future__ import annotations

import pytest

from redline.sources.web import document_id
from redline.urls import canonical_url, without_tracking


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://WWW.Example.org/news/a/?utm_source=x&id=3#top", "https://example.org/news/a?id=3"),
        ("http://example.org:80/news/a", "https://example.org/news/a"),
        ("https://news.example.com:443/a/b?utm_source=x&id=3#top", "https://news.example.com/a/b?id=3"),
        ("https://news.example.com/a?fbclid=abc&gclid=def", "https://news.example.com/a"),
        ("https://news.example.com/a?b=2&a=1", "https://news.example.com/a?a=1&b=2"),
        ("https://news.example.com", "https://news.example.com/"),
        ("https://example.org:8080/a", "https://example.org:8080/a"),
        ("file:///tmp/a.txt", "file:///tmp/a.txt"),
        ("  ", None),
        (None, None),
    ],
)
def test_canonical_url(url: str | None, canonical: str | None) -> None:
    assert canonical_url(url) == canonical


def test_www_scheme_and_slash_variants_are_one_article() -> None:
    variants = [
        "https://www.example.org/world/talks-resume",
        "http://example.org/world/talks-resume/",
        "https://example.org/world/talks-resume?utm_medium=social#comments",
    ]
    assert len({canonical_url(u) for u in variants}) == 1
    assert len({document_id(u) for u in variants}) == 1  # the sources layer agrees with the store


def test_different_pages_stay_different() -> None:
    assert canonical_url("https://example.org/a?id=1") != canonical_url("https://example.org/a?id=2")
    assert canonical_url("https://news.example.org/a") != canonical_url("https://example.org/a")


def test_without_tracking_keeps_the_address_fetchable() -> None:
    url = "HTTP://WWW.Example.org:80/a/?utm_source=x&id=3#top"
    assert without_tracking(url) == "http://www.example.org/a/?id=3"
