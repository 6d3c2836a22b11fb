"""Latency of the REST API's main GETs on a generated store of 100,000+ statements (SQLite).

Builds the database with the bulk loader of ``query_latency.py`` (reused if present), adds the
bundled example plans and regroups claims, then times each request in process through
FastAPI's TestClient: the whole HTTP stack (routing, validation, the store, serialisation)
without network noise. Prints median and p95 per endpoint, and the first (cold) request: for
positions and the timeline that one reads the corpus, which the app then caches until the
store changes.
Usage: PYTHONPATH=src python benchmarks/api_latency.py [--statements 100000] [--db /tmp/redline-api-100k.db]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from query_latency import build, import_example_plans, percentile

from redline.analysis.claims import refresh_claims
from redline.examples import example_plans
from redline.store import Store

# (name, path, repeats): the whole-corpus analyses are slow and repeated less
CASES: list[tuple[str, str, int]] = [
    ("statements (first page)", "/api/v1/statements", 30),
    ("statements ?actor", "/api/v1/statements?actor=actor-3", 30),
    ("statements ?issue&since&until", "/api/v1/statements?issue=nato&since=2025-03-01&until=2025-03-31", 30),
    ("statements ?stance&outlet", "/api/v1/statements?stance=oppose&outlet=Outlet%207", 30),
    ("statements ?q", "/api/v1/statements?q=ceasefire", 30),
    ("statements ?q (two words)", "/api/v1/statements?q=nuclear%20prisoners", 30),
    ("statements page 20 (offset 950)", "/api/v1/statements?limit=50&offset=950", 30),
    ("statements limit=500", "/api/v1/statements?limit=500", 15),
    ("statement by id", "/api/v1/statements/st-4242-3", 30),
    ("documents", "/api/v1/documents", 30),
    ("document by id", "/api/v1/documents/doc-4242", 30),
    ("actors", "/api/v1/actors", 30),
    ("actor by id", "/api/v1/actors/actor-3", 30),
    ("claims", "/api/v1/claims", 30),
    ("plans", "/api/v1/plans", 30),
    ("plan version", "/api/v1/plans/{plan}/versions/{new}", 30),
    ("plan diff", "/api/v1/plans/{plan}/diff?from={old}&to={new}", 15),
    ("health", "/api/v1/health", 30),
    ("positions (whole corpus)", "/api/v1/positions", 5),
    ("timeline ?issue (whole corpus)", "/api/v1/timeline?issue=nato&limit=100", 5),
]


def prepare(path: Path, n: int) -> None:
    if path.exists():
        return
    t0 = time.perf_counter()
    build(path, n)
    with Store.open(f"sqlite:///{path}") as store:
        import_example_plans(store)
        refresh_claims(store)
    print(f"built {n} statements, plans and claims in {time.perf_counter() - t0:.0f} s ({path})")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--statements", type=int, default=100_000)
    p.add_argument("--db", default="/tmp/redline-api-100k.db")
    a = p.parse_args()
    path = Path(a.db)
    prepare(path, a.statements)
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

    from redline.api import create_app

    plans = example_plans()
    names = {"plan": plans[0].plan, "old": plans[0].label, "new": plans[-1].label}
    with TestClient(create_app(f"sqlite:///{path}")) as client:
        print(f"{client.get('/api/v1/health').json()['counts']['statements']} statements")
        medians = []
        for name, raw, repeat in CASES:
            url = raw.format(**names)
            t0 = time.perf_counter()
            client.get(url)  # warms the page cache (and, for the analyses, the app's corpus cache)
            first = (time.perf_counter() - t0) * 1000
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200, (url, r.text[:300])
            med = statistics.median(times)
            if repeat >= 15:
                medians.append(med)
            print(
                f"{name:<34} median {med:8.1f} ms  p95 {percentile(times, 0.95):8.1f} ms  "
                f"first {first:8.1f} ms  (n={repeat})"
            )
        print(
            f"per-request endpoints: median of medians {statistics.median(medians):.1f} ms, "
            f"worst median {max(medians):.1f} ms"
        )


if __name__ == "__main__":
    main()
