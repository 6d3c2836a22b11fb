"""End to end in headless Chromium: pages render cleanly, charts draw, the matrix fits, the
filters, downloads and corrections work, and the keyboard reaches every control.

Run in CI (``.ci/run`` installs Debian's chromium); elsewhere skipped when there is no
Chromium or no Playwright package.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_corpus import build_store

from redline.store import StatementFilter, Store
from redline.web.local_server import CHROMIUM, CHROMIUM_ARGS, serve

pytestmark = pytest.mark.browser

TOKEN = "browser-token"


def _need(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI must run the browser tests")
    pytest.skip(reason)


try:
    from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None  # type: ignore[assignment]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("browser") / "browser.db")


@pytest.fixture(scope="module")
def base(db: str) -> Iterator[str]:
    with serve(db, token=TOKEN) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if sync_playwright is None:
        _need("the playwright package is not installed")
    if not CHROMIUM.exists():
        _need(f"no Chromium at {CHROMIUM}")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    yield pg
    context.close()


def _ids(db: str) -> dict[str, str]:
    with Store.open(db) as s:
        rows = s.statements(StatementFilter(actor="vladimir-putin", limit=None))
    return {"statement": rows[0]["id"], "document": rows[0]["document_id"]}


def _pages(db: str) -> list[str]:
    ids = _ids(db)
    return [
        "/",
        "/statements",
        "/statements?party=russia",
        f"/statements/{ids['statement']}",
        f"/documents/{ids['document']}",
        "/documents",
        "/actors",
        "/actors/vladimir-putin",
        "/positions",
        "/positions?plan=guarantees",
        "/positions/cell?party=russia&issue=plan_overall",
        "/issues/plan_overall",
        "/plans",
        "/plans/peace-plan",
        "/plans/guarantees",
    ]


def _visit(page: Page, url: str) -> list[str]:
    """Open ``url``; the console errors and uncaught exceptions it produced (CSP refusals included)."""
    problems: list[str] = []

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            problems.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, (url, response and response.status)
    page.remove_listener("console", on_console)
    return problems


def test_every_page_renders_without_console_errors(page: Page, base: str, db: str) -> None:
    for path in _pages(db):
        assert _visit(page, base + path) == [], path
        assert page.locator("h1").count() == 1, path


def test_charts_draw(page: Page, base: str) -> None:
    for path, kind, mark in (
        ("/", "bars", "rect"),
        ("/positions", "heat", "rect"),
        ("/issues/plan_overall", "line", "circle"),
        ("/plans/guarantees", "grid", "rect"),
    ):
        page.goto(base + path)
        chart = page.locator(f"svg.chart.{kind}")
        assert chart.count() == 1, path
        box = chart.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 50, path
        marks = chart.locator(f"a {mark}")
        assert marks.count() > 0, path
        drawn = marks.first.bounding_box()
        assert drawn and drawn["width"] > 0 and drawn["height"] > 0, path


def _box(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def test_the_matrix_shows_every_column_at_1366_px(page: Page, base: str) -> None:
    expected = page.request.get(base + "/api/v1/positions").json()["columns"]
    page.goto(base + "/positions")
    heads = page.locator("table.matrix thead th[scope=col]:not(.corner)")
    assert heads.count() == len(expected) > 0
    wrap = _box(page, ".matrix-wrap")
    assert wrap["x"] >= 0 and wrap["x"] + wrap["width"] <= 1366  # the page itself does not scroll sideways
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    for i, col in enumerate(expected):
        head = heads.nth(i)
        head.scroll_into_view_if_needed()
        box = head.bounding_box()
        assert (
            box and box["x"] >= wrap["x"] - 1 and box["x"] + box["width"] <= wrap["x"] + wrap["width"] + 1
        ), col
        assert col["proposition"] in head.inner_text()
        # the first column stays in view while the body scrolls
        side = _box(page, "table.matrix tbody th[scope=row]")
        assert side["x"] >= wrap["x"] - 1 and side["x"] + side["width"] <= wrap["x"] + wrap["width"]


@pytest.mark.parametrize("width", [1366, 1024, 700])
def test_no_page_scrolls_sideways_into_empty_space(browser: Browser, base: str, db: str, width: int) -> None:
    """A wide matrix or statement table scrolls inside its own box; nothing in it (the hidden
    "no statements" text of an empty cell far right, a long table) widens the page itself."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for path in ("/positions", "/positions?by=actor", "/positions?plan=guarantees", "/statements", "/"):
            page.goto(base + path, wait_until="load")
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, width)
    finally:
        context.close()


def test_filters_and_downloads(page: Page, base: str, db: str) -> None:
    page.goto(base + "/statements")
    page.select_option("#f-party", "russia")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/statements?*party=russia*")
    rows = page.locator("table.statements tbody tr")
    with Store.open(db) as s:
        expected = len(s.statements(StatementFilter(actor="vladimir-putin", limit=None)))
    assert rows.count() == expected
    with page.expect_download() as info:
        page.click("p.downloads a:text('CSV')")
    saved = Path(info.value.path())
    got = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert len(got) == expected and {r["party"] for r in got} == {"russia"}
    # a facet narrows the view to exactly its count
    facet = page.locator("aside.facets section:has(h2:text('Stance')) li").first
    count = int(facet.locator(".n").inner_text())
    facet.locator("a").click()
    page.wait_for_load_state()
    assert page.locator("table.statements tbody tr").count() == count


def test_a_correction_round_trips(page: Page, base: str, db: str) -> None:
    sid = _ids(db)["statement"]
    page.goto(f"{base}/statements/{sid}")
    page.select_option("#c-stance", "conditional")
    page.fill("#c-who", "Bea Browser")
    page.fill("#c-note", "the sentence sets a condition")
    page.fill("#c-token", TOKEN)
    page.click("form.correction button[type=submit]")
    page.wait_for_url(f"**/statements/{sid}?corrected=*")
    assert "saved" in page.locator("p.notice").inner_text()
    row = page.locator("table.corrections tbody tr").last
    assert "Bea Browser" in row.inner_text() and "stance → conditional" in row.inner_text()
    detail: dict[str, Any] = page.request.get(f"{base}/api/v1/statements/{sid}").json()
    assert detail["stance"] == "conditional"


_CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])"


def _tab_reaches_every_control(page: Page) -> None:
    n = page.evaluate(
        """(sel) => {
            const els = [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length);
            els.forEach((e, i) => e.setAttribute('data-probe', String(i)));
            return els.length;
        }""",
        _CONTROLS,
    )
    reached: list[int] = []
    for _ in range(2 * n + 10):  # once round the page, whatever else takes focus on the way
        page.keyboard.press("Tab")
        probe = page.evaluate("document.activeElement && document.activeElement.getAttribute('data-probe')")
        if probe is not None:
            if reached and int(probe) == reached[0]:
                break
            reached.append(int(probe))
    missing = sorted(set(range(n)) - set(reached))
    labels = [page.locator(f"[data-probe='{i}']").evaluate("e => e.outerHTML.slice(0, 80)") for i in missing]
    assert not missing, (labels, reached)


def test_keyboard_tab_reaches_every_control(page: Page, base: str, db: str) -> None:
    sid = _ids(db)["statement"]
    for path in ("/statements", "/positions", f"/statements/{sid}"):
        page.goto(base + path)
        _tab_reaches_every_control(page)
