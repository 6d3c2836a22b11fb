"""p95 of the analysis calls at scale, and of the first call after ingesting 1,000 more articles.

Builds (or reuses) a SQLite store of --statements generated statements (``query_latency.py``'s
bulk loader; the tallies counted once afterwards, as the migration does for an existing
store), then times through the API app in process (FastAPI's TestClient: routing, the store,
serialisation) the calls that used to read the whole corpus: positions (by party, as of a
day, one issue), the timeline (first page, one issue) and what the dashboard overview reads
from the store (``Store.summary``, the top issues, the date range). Then it writes 1,000
generated articles (10 statements each) through ``Store.write`` and times the first call of
each again: the tallies were kept current by those writes, so nothing is recomputed.
Usage: PYTHONPATH=src python benchmarks/scale_latency.py [--statements 1000000] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from query_latency import ISSUES, STANCES, WORDS, build

from redline.model import Document, Extraction, Span, Speaker, Statement
from redline.store import Prepared, Store, fingerprint, lookup

PARTIES = ["russia", "ukraine", "united_states", "europe", "eu", "china"]
CALLS = [
    ("positions", "/api/v1/positions"),
    ("positions ?at", "/api/v1/positions?at=2025-06-30"),
    ("positions ?issue", "/api/v1/positions?issue=territory"),
    ("timeline", "/api/v1/timeline?limit=100"),
    ("timeline ?issue", "/api/v1/timeline?issue=nato&limit=100"),
]


def prepare(path: Path, n: int) -> None:
    if path.exists():
        return
    t0 = time.perf_counter()
    build(path, n)
    with Store.open(f"sqlite:///{path}") as store:
        with store.engine.begin() as conn:
            for i in range(30):
                conn.exec_driver_sql(
                    "UPDATE actor SET party = ? WHERE id = ?", (PARTIES[i % len(PARTIES)], f"actor-{i}")
                )
        store.rebuild_tallies()
    print(f"built {n} statements and their tallies in {time.perf_counter() - t0:.0f} s ({path})")


def articles(n: int, seed: int) -> list[Prepared]:
    rnd = random.Random(seed)
    run = f"more{seed}"
    out = []
    for k in range(n):
        day = date(2025, 1, 1) + timedelta(days=rnd.randrange(365))
        sentences, statements, offset = [], [], 0
        for j in range(10):
            who = f"Actor Number {rnd.randrange(300)}"
            said = " ".join(rnd.choices(WORDS, k=rnd.randrange(6, 18)))
            sentence = f"{who} said {said} {k}-{j}."
            start = offset + len(who) + 6
            statements.append(
                Statement(
                    id=f"{run}-{k}-{j}",
                    document_id=f"{run}-{k}",
                    content=Span(said, start, start + len(said)),
                    kind="direct",
                    speaker=Speaker(who, None, Span(who, offset, offset + len(who))),
                    issues=sorted(set(rnd.choices(ISSUES, k=2))),
                    stance=rnd.choice(STANCES),  # type: ignore[arg-type]
                    date=day,
                    confidence=0.8,
                    extractor="scale/1",
                )
            )
            sentences.append(sentence)
            offset += len(sentence) + 1
        doc = Document(id=f"{run}-{k}", text=" ".join(sentences), outlet="More", published=day)
        ex = Extraction(doc, statements, [], extractor="scale/1")
        out.append(Prepared(ex, fingerprint(doc.text, doc.url, doc.content_hash)))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(call: object) -> float:
    t0 = time.perf_counter()
    call()  # type: ignore[operator]
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--statements", type=int, default=1_000_000)
    p.add_argument("--db", default=None)
    p.add_argument("--repeat", type=int, default=20)
    p.add_argument("--more", type=int, default=1000, help="articles ingested before the 'first call after'")
    a = p.parse_args()
    path = Path(a.db or f"/tmp/redline-scale-{a.statements // 1000}k.db")
    prepare(path, a.statements)
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

    from redline.api import create_app

    url = f"sqlite:///{path}"
    with TestClient(create_app(url)) as client, Store.open(url) as store:
        print(f"{store.counts()['statements']} statements")
        overview = [
            ("overview: summary", store.summary),
            ("overview: top issues", lambda: lookup.issue_counts(store, limit=10)),
            ("overview: date range", lambda: lookup.date_range(store)),
        ]

        def api(path: str) -> object:
            return lambda: client.get(path).raise_for_status()

        every = [(name, api(path)) for name, path in CALLS] + overview
        print(f"{'call':<24} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8}   first after +{a.more} articles")
        firsts = {name: timed(call) for name, call in every}
        rows = {}
        for name, call in every:
            times = [timed(call) for _ in range(a.repeat)]
            rows[name] = (percentile(times, 0.5), percentile(times, 0.95))
        t0 = time.perf_counter()
        more = articles(a.more, seed=int(time.time()))
        for i in range(0, len(more), 100):
            store.write(more[i : i + 100])
        print(f"(ingested {a.more} articles in {time.perf_counter() - t0:.0f} s)")
        after = {name: timed(call) for name, call in every}
        for name, _ in every:
            p50, p95 = rows[name]
            print(f"{name:<24} {firsts[name]:>9.0f} {p50:>8.0f} {p95:>8.0f}   {after[name]:>8.0f}")


if __name__ == "__main__":
    main()
