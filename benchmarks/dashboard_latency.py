"""Dashboard page latency on a generated corpus (SQLite): what an analyst waits for each page.

Builds the database with the query-latency generator (reused if present), serves the
dashboard in-process and times each page through HTTP (the full path: routing, queries,
template rendering), printing the median of several requests. The positions pages read the
whole corpus on their first request and then answer from the per-revision cache, so their
first and cached times are printed apart.
Usage: PYTHONPATH=src python benchmarks/dashboard_latency.py [--statements 1000000]
       [--db /tmp/redline-dashboard.db] [--positions]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

from redline.api import create_app
from redline.store import StatementFilter, Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from query_latency import built  # the benchmarks folder is not a package

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's request for the httpx2 fork
    from fastapi.testclient import TestClient


def pages(store: Store) -> dict[str, str]:
    one = store.statements(StatementFilter(limit=1))[0]
    actor = next(a["id"] for a in store.actors(limit=1))
    return {
        "overview": "/",
        "statements, first page": "/statements",
        "statements, page 20": "/statements?page=20",
        "statements, issue + stance": "/statements?issue=territory&stance=oppose",
        "statements, actor": f"/statements?actor={actor}",
        "statements, full text": "/statements?q=buffer+zone",
        "statements, outlet + dates": (
            f"/statements?outlet={one['outlet'] or ''}&since=2025-11-20&until=2025-11-30"
        ),
        "one statement (evidence)": f"/statements/{one['id']}",
        "one document": f"/documents/{one['document_id']}",
        "documents": "/documents",
        "one actor": f"/actors/{actor}",
    }


def timed(client: TestClient, path: str, repeat: int) -> tuple[float, float, int]:
    times = []
    status = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        status = client.get(path).status_code
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times), status


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--statements", type=int, default=1_000_000)
    p.add_argument("--db", default="/tmp/redline-dashboard.db")
    p.add_argument("--repeat", type=int, default=7)
    p.add_argument("--positions", action="store_true", help="also time the positions pages (read everything)")
    a = p.parse_args()
    path = Path(a.db)
    built(path, a.statements)
    url = f"sqlite:///{path}"
    with Store.open(url) as store:
        print(f"{store.counts()['statements']} statements, {store.counts()['documents']} documents")
        targets = pages(store)
    with TestClient(create_app(url)) as client:
        for name, target in targets.items():
            med, worst, status = timed(client, target, a.repeat)
            print(f"{name:<30} median {med:8.1f} ms  max {worst:8.1f} ms  (HTTP {status})")
        if a.positions:
            slow = (("positions", "/positions"), ("positions as of a date", "/positions?at=2025-11-25"))
            for name, target in slow:
                t0 = time.perf_counter()
                status = client.get(target).status_code
                first = (time.perf_counter() - t0) * 1000
                med, _, _ = timed(client, target, a.repeat)
                print(f"{name:<30} first {first:9.1f} ms  cached median {med:7.1f} ms  (HTTP {status})")


if __name__ == "__main__":
    main()
