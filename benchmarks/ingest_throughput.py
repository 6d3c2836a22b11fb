"""Ingest throughput (documents/s) with 1 and 2 workers, and peak memory at two corpus sizes.

Each configuration runs in a fresh subprocess on a fresh SQLite file, so peak RSS (parent and
largest worker) belongs to that run alone. Usage:
    PYTHONPATH=src python benchmarks/ingest_throughput.py [--docs 10000] [--small 1000] [--real]

``--scheduler local`` runs the 2-worker configurations on a local Dask cluster instead of the
process pool (the overhead of the cluster path); ``--db postgresql://...`` writes to an empty
PostgreSQL database instead of SQLite (its tables are dropped before each run).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def one(docs: int, workers: int, real: bool, cost_ms: float, scheduler: str, db: str) -> dict[str, float]:
    from functools import partial

    from _corpus import articles, make_busy

    from redline.config import Settings
    from redline.ingest import IngestReport, default_extractor_factory, ingest
    from redline.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        if db:
            _empty_postgres(db)
        store = Store.open(db or f"sqlite:///{tmp}/bench.db")
        first: list[tuple[float, int]] = []

        def seen(r: IngestReport) -> None:
            if not first:
                first.append((time.perf_counter(), r.done))

        t0 = time.perf_counter()
        report = ingest(
            articles(docs),
            store,
            Settings(batch_size=16, scheduler=(scheduler or None) if workers > 1 else None),
            workers=workers,
            on_progress=seen,
            extractor_factory=default_extractor_factory if real else partial(make_busy, cost_ms=cost_ms),
        )
        t1 = time.perf_counter()
        elapsed = t1 - t0
        steady = (docs - first[0][1]) / (t1 - first[0][0])
        store.close()
    return {
        "docs": docs,
        "workers": workers,
        "seconds": round(elapsed, 2),
        "docs_per_s": round(docs / elapsed, 1),
        "steady_docs_per_s": round(steady, 1),
        "statements": report.statements,
        "stored": report.stored,
        "near_duplicates": report.near_duplicates,
        "parent_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }


def _empty_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


def run(docs: int, workers: int, real: bool, cost_ms: float, scheduler: str, db: str) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--one", str(docs), str(workers), "--cost-ms", str(cost_ms)]
    cmd += ["--real"] if real else []
    cmd += ["--scheduler", scheduler] if scheduler else []
    cmd += ["--db", db] if db else []
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--docs", type=int, default=10_000)
    p.add_argument("--small", type=int, default=1_000)
    p.add_argument("--real", action="store_true", help="use the real extractor instead of the fake one")
    p.add_argument(
        "--cost-ms",
        type=float,
        default=0.0,
        help="extra CPU per document in the fake extractor, standing in for the NLP model",
    )
    p.add_argument("--scheduler", default="", help="Dask scheduler for the 2-worker runs ('local')")
    p.add_argument("--db", default="", help="PostgreSQL URL to write to instead of SQLite")
    p.add_argument("--one", nargs=2, type=int, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.one:
        print(json.dumps(one(a.one[0], a.one[1], a.real, a.cost_ms, a.scheduler, a.db)))
        return
    print(f"extractor: {'real' if a.real else f'fake (tokenise + regex, +{a.cost_ms} ms CPU per document)'}")
    store = a.db.split("@")[-1] if a.db else "SQLite"
    print(f"store: {store}; 2 workers on: {a.scheduler or 'process pool'}")
    results = [run(a.docs, w, a.real, a.cost_ms, a.scheduler, a.db) for w in (1, 2)]
    results += [run(a.small, w, a.real, a.cost_ms, a.scheduler, a.db) for w in (2, 1)]
    for r in results:
        print(
            f"{r['docs']:>6} docs  {r['workers']} worker(s): {r['docs_per_s']:>7} docs/s overall, "
            f"{r['steady_docs_per_s']:>7} docs/s after start-up ({r['seconds']} s, "
            f"{r['statements']} statements)  peak RSS parent {r['parent_peak_mb']} MB, "
            f"worker {r['worker_peak_mb']} MB"
        )
    speedup = results[1]["docs_per_s"] / results[0]["docs_per_s"]
    steady = results[1]["steady_docs_per_s"] / results[0]["steady_docs_per_s"]
    print(f"speed-up with 2 workers: {speedup:.2f}x overall, {steady:.2f}x after start-up (target >= 1.7x)")
    for w, big, small in ((1, results[0], results[3]), (2, results[1], results[2])):
        for k in ("parent_peak_mb", "worker_peak_mb"):
            if small[k]:
                print(
                    f"{w} worker(s) {k}: {small['docs']} docs {small[k]} MB -> {big['docs']} docs {big[k]} MB "  # noqa: E501
                    f"({100 * (big[k] / small[k] - 1):+.1f}%, target within 10%)"
                )


if __name__ == "__main__":
    main()
