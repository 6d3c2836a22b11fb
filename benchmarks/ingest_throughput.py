"""Ingest throughput (documents/s) with 1 and 2 workers, and peak memory at two corpus sizes.

Each configuration runs in a fresh subprocess on a fresh SQLite file, so peak RSS (parent and
largest worker) belongs to that run alone. Usage:
    PYTHONPATH=src python benchmarks/ingest_throughput.py [--docs 10000] [--small 1000] [--real]
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


def one(docs: int, workers: int, real: bool) -> dict[str, float]:
    from _corpus import articles, make_busy

    from redline.config import Settings
    from redline.ingest import default_extractor_factory, ingest
    from redline.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/bench.db")
        t0 = time.perf_counter()
        report = ingest(articles(docs), store, Settings(batch_size=16), workers=workers,
                        extractor_factory=default_extractor_factory if real else make_busy)
        elapsed = time.perf_counter() - t0
        store.close()
    return {
        "docs": docs, "workers": workers, "seconds": round(elapsed, 2), "docs_per_s": round(docs / elapsed, 1),
        "statements": report.statements, "stored": report.stored,
        "parent_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }


def run(docs: int, workers: int, real: bool) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--one", str(docs), str(workers)] + (["--real"] if real else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--docs", type=int, default=10_000)
    p.add_argument("--small", type=int, default=1_000)
    p.add_argument("--real", action="store_true", help="use the real extractor instead of the fake one")
    p.add_argument("--one", nargs=2, type=int, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.one:
        print(json.dumps(one(a.one[0], a.one[1], a.real)))
        return
    results = [run(a.docs, 1, a.real), run(a.docs, 2, a.real), run(a.small, 2, a.real), run(a.small, 1, a.real)]
    for r in results:
        print(f"{r['docs']:>6} docs  {r['workers']} worker(s): {r['docs_per_s']:>7} docs/s  ({r['seconds']} s, "
              f"{r['statements']} statements)  peak RSS parent {r['parent_peak_mb']} MB, "
              f"worker {r['worker_peak_mb']} MB")
    speedup = results[1]["docs_per_s"] / results[0]["docs_per_s"]
    print(f"speed-up with 2 workers: {speedup:.2f}x (target >= 1.7x)")
    for w, big, small in ((1, results[0], results[3]), (2, results[1], results[2])):
        for k in ("parent_peak_mb", "worker_peak_mb"):
            if small[k]:
                print(f"{w} worker(s) {k}: {small['docs']} docs {small[k]} MB -> {big['docs']} docs {big[k]} MB "
                      f"({100 * (big[k] / small[k] - 1):+.1f}%, target within 10%)")


if __name__ == "__main__":
    main()
