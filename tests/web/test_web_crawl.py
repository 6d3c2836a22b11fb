"""Every link the dashboard shows leads somewhere: crawl from the overview, nothing may 404 or fail."""

from __future__ import annotations

from collections import deque
from urllib.parse import urlsplit

from fastapi.testclient import TestClient
from web_html import Page


def test_every_link_from_the_overview_resolves(client: TestClient) -> None:
    start = "/"
    queue, seen = deque([start]), {start}
    statuses: dict[str, int] = {}
    while queue:
        path = queue.popleft()
        r = client.get(path)
        statuses[path] = r.status_code
        if r.status_code != 200 or not r.headers["content-type"].startswith("text/html"):
            continue
        page = Page(r.text)
        hrefs = page.links + [el.attrs["href"] for el in page.find("link")]
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # external originals and in-page anchors are not ours to fetch
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen and len(seen) < 400:
                seen.add(target)
                queue.append(target)
    broken = {p: s for p, s in statuses.items() if s != 200}
    assert not broken
    kinds = {urlsplit(p).path.split("/")[1] for p in statuses}
    # the crawl reached every kind of page, so "nothing broken" covers them all
    assert {"", "statements", "documents", "actors", "positions", "plans", "static"} <= kinds
    assert any(p.startswith("/positions/cell") for p in statuses)
    assert len(statuses) > 30
