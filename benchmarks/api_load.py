"""The API under load while an ingest writes into the same store: p50/p95/max per endpoint.

Builds (or reuses) a SQLite store of --statements generated statements with the bulk loader
of ``query_latency.py``, gives a few of its speakers a party, imports the bundled example
plans and links them (as importing a plan does), then:

- serves the API with uvicorn in a child process on 127.0.0.1 (a free port);
- runs an ingest in another child process: generated articles written through
  ``Store.write`` in batches (the writer's transaction, tallies and all), for the whole run;
- runs --clients threads, each with its own httpx client, over a fixed mix of endpoints
  (statements list, one statement, search, positions, positions by plan point, timeline,
  actors, claims) for --seconds (bounded: at most --max-requests in all).

Before the clock starts, one request per endpoint warms the server's cache (its times are
printed: the cold start; ``--no-warm-up`` measures it within the load instead). Prints
p50/p95/max per endpoint, errors, and how many documents the ingest stored meanwhile.
Loopback only; every loop is bounded in time and count and stops by itself.
Usage: PYTHONPATH=src python benchmarks/api_load.py [--statements 40000] [--seconds 60] [--clients 20]
"""

from __future__ import annotations

import argparse
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from query_latency import build_with_parties, import_example_plans, percentile

from redline.analysis.claims import refresh_claims
from redline.analysis.db_repository import SqlPlanRepository
from redline.analysis.stored_positions import link_version
from redline.examples import example_plans
from redline.store import Store

ENDPOINTS: list[tuple[str, str]] = [
    ("statements", "/api/v1/statements?limit=50"),
    ("statements ?issue&stance", "/api/v1/statements?issue=nato&stance=oppose"),
    ("statement", "/api/v1/statements/st-{doc}-3"),
    ("search", "/api/v1/statements?q=ceasefire"),
    ("positions", "/api/v1/positions"),
    ("positions ?at", "/api/v1/positions?at=2025-06-30"),
    ("positions ?plan", "/api/v1/positions?plan={plan}"),
    ("timeline", "/api/v1/timeline?limit=100"),
    ("timeline ?issue", "/api/v1/timeline?issue=territory&limit=100"),
    ("actors", "/api/v1/actors"),
    ("claims", "/api/v1/claims"),
]


def prepare(path: Path, n: int) -> None:
    """The store: bulk statements, parties for the 30 most prolific speakers, plans, claims."""
    if path.exists():
        # reused: opening it applies any new migration (tallies included); the plans' links are
        # brought up to date with what earlier runs' ingests stored, as a server that has been
        # answering all along would have them
        with Store.open(f"sqlite:///{path}") as store:
            repo = SqlPlanRepository(store)
            for ex in example_plans():
                link_version(store, repo.get_version(ex.plan, ex.label))
        return
    t0 = time.perf_counter()
    build_with_parties(path, n)
    with Store.open(f"sqlite:///{path}") as store:
        import_example_plans(store, link_version)
        refresh_claims(store)
    print(f"built {n} statements, parties, plans, links and claims in {time.perf_counter() - t0:.0f} s")


INGEST = """
import random, sys, time
sys.path.insert(0, sys.argv[5])  # the benchmarks' folder: the articles are query_latency's
from query_latency import article
from redline.store import Store

url, seconds, batch, rate = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
rnd = random.Random(time.time_ns())  # new texts every run: a reused store stores them, not skips copies
run = f"live{int(time.time())}"  # new ids every run: a reused store gets new documents
stored = 0
end = time.monotonic() + seconds
with Store.open(url) as store:
    k = 0
    t0 = time.monotonic()
    while time.monotonic() < end:
        time.sleep(max(0.0, t0 + k / rate - time.monotonic()))  # paced: ``rate`` documents a second
        items = []
        for _ in range(batch):
            k += 1
            items.append(article(rnd, run, k, outlet="Live", extractor="load/1"))
        stored += sum(o.status == "stored" for o in store.write(items))
print(stored)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: str, port: int) -> subprocess.Popen[bytes]:
    code = (
        "import uvicorn; from redline.api import create_app; "
        f"uvicorn.run(create_app({db!r}), host='127.0.0.1', port={port}, log_level='warning')"
    )
    return subprocess.Popen([sys.executable, "-c", code])


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    import httpx

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit("the API server exited")
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("the API server did not start")


def warm_up(base: str, names: dict[str, str]) -> None:
    """One request per endpoint before the clock starts, timed and printed: the first answer of
    each (computed and cached by the server) is the cold-start cost, not the cost under load."""
    import httpx

    with httpx.Client(base_url=base, timeout=120) as c:
        cold = []
        for name, raw in ENDPOINTS:
            t0 = time.perf_counter()
            c.get(raw.format(doc=1, **names))
            cold.append(f"{name} {(time.perf_counter() - t0) * 1000:.0f}")
    print("first requests (ms, cold, before the load): " + ", ".join(cold))


def load(
    base: str, clients: int, seconds: float, max_requests: int, names: dict[str, str], n_docs: int
) -> None:
    import httpx

    times: dict[str, list[float]] = {name: [] for name, _ in ENDPOINTS}
    errors: dict[str, int] = dict.fromkeys(times, 0)
    lock = threading.Lock()
    budget = [max_requests]
    end = time.monotonic() + seconds

    def client(i: int) -> None:
        rnd = random.Random(i)
        with httpx.Client(base_url=base, timeout=30) as c:
            k = i
            while time.monotonic() < end:
                with lock:
                    if budget[0] <= 0:
                        return
                    budget[0] -= 1
                name, raw = ENDPOINTS[k % len(ENDPOINTS)]
                k += 1
                url = raw.format(doc=rnd.randrange(n_docs), **names)
                t0 = time.perf_counter()
                try:
                    ok = c.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    times[name].append(ms)
                    errors[name] += not ok

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{'endpoint':<26} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>6}")
    for name, values in times.items():
        if values:
            p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
            top = max(values)
            print(f"{name:<26} {len(values):>5} {p50:>8.0f} {p95:>8.0f} {top:>8.0f} {errors[name]:>6}")
    everything = [v for values in times.values() for v in values]
    worst = max(percentile(v, 0.95) for v in times.values() if v)
    p95 = percentile(everything, 0.95)
    print(f"all: {len(everything)} requests, p95 {p95:.0f} ms; worst endpoint p95 {worst:.0f} ms")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--statements", type=int, default=40_000)
    p.add_argument("--db", default=None)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--max-requests", type=int, default=20_000)
    p.add_argument("--batch", type=int, default=20, help="documents per ingest batch (10 statements each)")
    p.add_argument("--rate", type=float, default=20, help="documents the ingest writes a second")
    p.add_argument("--no-ingest", action="store_true", help="measure a quiet store")
    p.add_argument("--no-warm-up", action="store_true", help="measure the first requests too")
    a = p.parse_args()
    path = Path(a.db or f"/tmp/redline-load-{a.statements // 1000}k.db")
    prepare(path, a.statements)
    db = f"sqlite:///{path}"
    plans = example_plans()
    names = {"plan": plans[0].plan}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = serve(db, port)
    ingest: subprocess.Popen[bytes] | None = None
    try:
        wait_ready(base, server)
        if not a.no_warm_up:
            warm_up(base, names)
        if not a.no_ingest:
            here = str(Path(__file__).resolve().parent)
            cmd = [sys.executable, "-c", INGEST, db, str(a.seconds), str(a.batch), str(a.rate), here]
            ingest = subprocess.Popen(cmd, stdout=subprocess.PIPE)
            time.sleep(1)  # the ingest is under way before the first request
        with Store.open(db) as store:
            n = store.counts()["statements"]
        ingesting = "off" if a.no_ingest else f"{a.rate:g} documents/s in batches of {a.batch}"
        print(f"{n} statements; {a.clients} clients for {a.seconds:.0f} s; ingest {ingesting}")
        load(base, a.clients, a.seconds, a.max_requests, names, a.statements // 10)
        if ingest is not None:
            out, _ = ingest.communicate(timeout=a.seconds + 120)
            stored = int(out.decode().strip().splitlines()[-1] or 0) if out.strip() else 0
            print(f"ingest meanwhile: {stored} documents ({stored * 10} statements) stored")
    finally:
        for proc in (ingest, server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()


if __name__ == "__main__":
    main()
