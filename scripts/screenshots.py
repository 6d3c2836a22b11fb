"""Screenshots of the dashboard's main pages, for the README: ``docs/screenshots/*.png``.

    PYTHONPATH=src python scripts/screenshots.py [--db URL] [--out docs/screenshots]

Without ``--db`` the bundled demo corpus is ingested into a temporary database first (as
``redline demo`` does). The pages are served by the one app on a local port and shot in
Debian's headless Chromium (Playwright's Python package; no browser download) at 1366 px.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from redline.demo import run_demo
from redline.store import StatementFilter, Store
from redline.web.local_server import CHROMIUM, CHROMIUM_ARGS, serve

WIDTH, HEIGHT = 1366, 900


def demo_database(where: Path) -> str:
    url = f"sqlite:///{where / 'demo.db'}"
    with Store.open(url) as store:
        run_demo(store)
    return url


def pages(db: str) -> dict[str, str]:
    """Screenshot name -> path (``#id``: the shot starts at that heading): the pages a new reader
    meets first."""
    with Store.open(db) as store:
        rows = store.statements(StatementFilter(limit=200))
        plans = store.plan_names()
        top = next((a for a in store.actors(limit=1) if a["statements"]), None)
    chosen = next((r for r in rows if r["actor_id"] and r["issues"]), rows[0] if rows else None)
    out = {"overview": "/", "statements": "/statements", "positions": "/positions", "actors": "/actors"}
    if chosen:
        out["statement"] = f"/statements/{chosen['id']}"
        out["issue"] = f"/issues/{chosen['issues'][0]}"
    if top:
        out["actor"] = f"/actors/{top['id']}"
    if plans:
        out["plan"] = f"/plans/{plans[0]}#sides-h"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="database URL (default: the demo corpus in a temporary database)")
    parser.add_argument("--out", default="docs/screenshots", help="directory for the PNG files")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or demo_database(Path(tmp))
        with serve(db) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            for name, path in pages(db).items():
                page.goto(base + path, wait_until="load")
                if "#" in path:
                    page.locator("#" + path.split("#", 1)[1]).scroll_into_view_if_needed()
                    page.evaluate("window.scrollBy(0, -16)")
                page.screenshot(path=str(out / f"{name}.png"), full_page=False)
                print(f"{out / name}.png  {path}")
            browser.close()


if __name__ == "__main__":
    main()
