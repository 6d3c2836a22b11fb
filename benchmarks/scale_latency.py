"""p50/p95 of every dashboard page and API route at scale, repeated and right after writes.

Builds (or reuses) a SQLite store of --statements generated statements (``query_latency.py``'s
bulk loader; parties for the 30 most prolific speakers; the tallies counted once afterwards,
as the migration does for an existing store; the bundled example plans imported and linked;
claims refreshed), then times every page and route through the app in process (FastAPI's
TestClient: routing, the store, templates, serialisation):

- "first": each route once, on a fresh app (nothing cached);
- "p50/p95": --repeat more calls of each;
- "after write": --more generated articles (10 statements each) written through
  ``Store.write`` in --rounds batches; after each batch every route is called once, so each
  of these calls is the first one after a change of the store (the writer keeps the
  aggregates current in its transaction: nothing may be recomputed from the corpus); with
  --link-on-write each batch's statements are then linked to the plan versions as ingest
  links them (``stored_positions.link_new``), so a plan route's first call links nothing.

Routes over 300 ms at p95 (repeated or after a write) are marked ``!``.
Usage: PYTHONPATH=src python benchmarks/scale_latency.py [--statements 1000000] [--db PATH]
       [--repeat 20] [--more 1000] [--rounds 10] [--only REGEX] [--skip REGEX] [--no-plans]
       [--bulk-links] [--link-on-write] [--fresh] [--at 2025-06-30]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from query_latency import article, build_with_parties, import_example_plans, percentile

from redline.analysis.stored_positions import link_new
from redline.model import PlanVersion
from redline.store import Prepared, StatementFilter, Store

TARGET_MS = 300.0


def bulk_links(store: Store, plan: str, label: str) -> int:
    """Links of a version made in SQL, not by the linker (which takes an hour at 1M statements):
    every third statement, to the first point sharing its first issue; the version's links then
    count as made up to the last statement, so only later ones go through the linker. What the
    plan routes read is measured on as many links as a real corpus might have, not their quality.
    ``prepare`` then counts their point tallies and walks their cells (``point_tallies.rebuild``,
    137 s at 1M): without them the plan routes read an empty matrix."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            """INSERT OR IGNORE INTO point_link
                (plan, label, statement_id, number, score, lexical, issue_overlap)
            SELECT ?, ?, s.id, (SELECT p.number FROM plan_point p, json_each(p.issues) i
                                WHERE p.plan = ? AND p.label = ? AND i.value = json_extract(s.issues, '$[0]')
                                ORDER BY p.position LIMIT 1), 0.5, 0.2, 1.0
            FROM statement s WHERE s.pk % 3 = 0 AND EXISTS (
                SELECT 1 FROM plan_point p, json_each(p.issues) i
                WHERE p.plan = ? AND p.label = ? AND i.value = json_extract(s.issues, '$[0]'))""",
            (plan, label, plan, label, plan, label),
        )
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO point_link_state (plan, label, upto, linked_at) "
            "SELECT ?, ?, max(pk), datetime('now') FROM statement",
            (plan, label),
        )
        conn.exec_driver_sql("UPDATE store_revision SET n = n + 1 WHERE name = 'tallies'")
        return int(
            conn.exec_driver_sql(
                "SELECT count(*) FROM point_link WHERE plan = ? AND label = ?", (plan, label)
            ).scalar_one()
        )


def in_bulk(store: Store, version: PlanVersion) -> None:
    """``bulk_links`` of one version, saying how many links it made (``--links-in-bulk``)."""
    made = bulk_links(store, version.plan, version.label)
    print(f"  {made} links of {version.plan} {version.label} made in bulk")


def write_articles(url: str, n: int) -> None:
    """A store at ``url`` (PostgreSQL) filled through ``Store.write`` with ``n`` statements of
    generated articles (10 each, 300 speakers), as ingest writes them: the SQL bulk loader is
    SQLite's, and a PostgreSQL store is measured smaller (100,000-200,000 statements)."""
    with Store.open(url) as store:
        have = store.counts()["statements"]
        if have >= n:
            return
        t0 = time.perf_counter()
        more = articles((n - have) // 10, seed=have + 1)
        for i in range(0, len(more), 100):
            store.write(more[i : i + 100])
        print(f"wrote {n - have} statements in {time.perf_counter() - t0:.0f} s ({url})")


def prepare(path: Path | str, n: int, plans: bool = True, links_in_bulk: bool = False) -> None:
    """The store: bulk statements, parties, tallies; then plans, their links and claims (with
    ``links_in_bulk``, links made in SQL (``bulk_links``) and no claims). ``path`` a
    PostgreSQL URL: statements written as ingest writes them (``write_articles``)."""
    url = path if isinstance(path, str) else f"sqlite:///{path}"
    if isinstance(path, str):
        write_articles(path, n)
        links_in_bulk = False  # ``bulk_links`` is SQLite's SQL; the linker links them
    elif not path.exists():
        t0 = time.perf_counter()
        build_with_parties(path, n)
        print(f"built {n} statements and their tallies in {time.perf_counter() - t0:.0f} s ({path})")
    with Store.open(url) as store:  # opening applies any new migration
        if store.plan_names() or not plans:
            return
        from redline.analysis.claims import refresh_claims
        from redline.analysis.stored_positions import link_version

        t0 = time.perf_counter()
        import_example_plans(store, in_bulk if links_in_bulk else link_version)
        if links_in_bulk:  # counted as saving links counts them: point tallies, cells, their walk
            from redline.store import point_tallies

            with store.engine.begin() as conn:
                point_tallies.rebuild(conn, store.reversal)
                conn.exec_driver_sql("UPDATE store_revision SET n = n + 1 WHERE name = 'tallies'")
        else:
            refresh_claims(store)
        print(f"imported and linked the example plans in {time.perf_counter() - t0:.0f} s")


def routes(store: Store, at: str = "2025-06-30") -> list[tuple[str, str]]:
    """Every page and API route; those about a plan only when the store has one (``at``: the
    day the ``?at`` routes ask for)."""
    one = store.statements(StatementFilter(limit=1))[0]
    actor = next(a["id"] for a in store.actors(limit=1))
    plans = store.plan_names()
    plan = plans[0] if plans else ""
    labels = [v.label for v in store.plan_versions(plan)] if plans else [""]
    doc = one["document_id"]
    every = [
        ("/", "/"),
        ("/statements", "/statements"),
        ("/statements page 20", "/statements?page=20"),
        ("/statements issue+stance", "/statements?issue=territory&stance=oppose"),
        ("/statements party", "/statements?party=russia"),
        ("/statements q", "/statements?q=ceasefire"),
        ("/statements/{id}", f"/statements/{one['id']}"),
        ("/documents", "/documents"),
        ("/documents/{id}", f"/documents/{doc}"),
        ("/positions", "/positions"),
        ("/positions ?at", f"/positions?at={at}"),
        ("/positions ?plan", f"/positions?plan={plan}"),
        ("/positions ?plan&at", f"/positions?plan={plan}&at={at}"),
        ("/positions by actor", "/positions?by=actor"),
        ("/positions by actor ?at", f"/positions?by=actor&at={at}"),
        ("/positions ?plan by actor", f"/positions?plan={plan}&by=actor"),
        ("/positions/cell", "/positions/cell?party=russia&issue=territory"),
        ("/issues/{issue}", "/issues/territory"),
        ("/actors", "/actors"),
        ("/actors/{id}", f"/actors/{actor}"),
        ("/plans", "/plans"),
        ("/plans/{plan}", f"/plans/{plan}"),
        ("api statements", "/api/v1/statements?limit=50"),
        ("api statements ?issue", "/api/v1/statements?issue=nato&stance=oppose"),
        ("api statements ?q", "/api/v1/statements?q=ceasefire"),
        ("api statements/{id}", f"/api/v1/statements/{one['id']}"),
        ("api documents", "/api/v1/documents"),
        ("api documents/{id}", f"/api/v1/documents/{doc}"),
        ("api actors", "/api/v1/actors"),
        ("api actors/{id}", f"/api/v1/actors/{actor}"),
        ("api claims", "/api/v1/claims"),
        ("api positions", "/api/v1/positions"),
        ("api positions ?at", f"/api/v1/positions?at={at}"),
        ("api positions ?issue", "/api/v1/positions?issue=territory"),
        ("api positions ?plan", f"/api/v1/positions?plan={plan}"),
        ("api positions ?issue&at", f"/api/v1/positions?issue=territory&at={at}"),
        ("api positions by actor", "/api/v1/positions?by=actor"),
        ("api positions by actor ?at", f"/api/v1/positions?by=actor&at={at}"),
        ("api positions by actor page 2", f"/api/v1/positions?by=actor&at={at}&offset=50"),
        ("api positions by actor quotes", f"/api/v1/positions?by=actor&at={at}&quotes=true"),
        ("api positions by actor ?issue", "/api/v1/positions?by=actor&issue=territory"),
        ("api positions ?plan&at", f"/api/v1/positions?plan={plan}&at={at}"),
        ("api positions ?plan&issue", f"/api/v1/positions?plan={plan}&issue=territory"),
        ("api positions ?plan&issue&at", f"/api/v1/positions?plan={plan}&issue=territory&at={at}"),
        ("api positions ?plan by actor", f"/api/v1/positions?plan={plan}&by=actor"),
        ("api positions ?plan by actor ?at", f"/api/v1/positions?plan={plan}&by=actor&at={at}"),
        ("api timeline", "/api/v1/timeline?limit=100"),
        ("api timeline ?issue", "/api/v1/timeline?issue=nato&limit=100"),
        ("api timeline offset", "/api/v1/timeline?limit=100&offset=5000"),
        ("api plans", "/api/v1/plans"),
        ("api plan versions", f"/api/v1/plans/{plan}/versions"),
        ("api plan version", f"/api/v1/plans/{plan}/versions/{labels[0]}"),
        ("api plan diff", f"/api/v1/plans/{plan}/diff?from={labels[0]}&to={labels[-1]}"),
        ("api health", "/api/v1/health"),
    ]
    return [(name, url) for name, url in every if plans or "plan" not in url]


def articles(n: int, seed: int) -> list[Prepared]:
    rnd = random.Random(seed)
    return [article(rnd, f"more{seed}", k, outlet="More", extractor="scale/1") for k in range(n)]


def timed(call: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    call()
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--statements", type=int, default=1_000_000)
    p.add_argument("--db", default=None)
    p.add_argument("--repeat", type=int, default=20)
    p.add_argument("--more", type=int, default=1000, help="articles ingested for the 'after write' calls")
    p.add_argument("--rounds", type=int, default=10, help="batches the --more articles are written in")
    p.add_argument("--only", default=None, help="only the routes whose name matches this regex")
    p.add_argument("--skip", default=None, help="leave out the routes whose name matches this regex")
    p.add_argument(
        "--no-plans",
        action="store_true",
        help="do not import and link the example plans (linking every statement takes an hour at 1M)",
    )
    p.add_argument(
        "--bulk-links",
        action="store_true",
        help="link the example plans in SQL (every third statement to a point of its first issue) "
        "instead of by the linker; statements written later are linked by the linker",
    )
    p.add_argument(
        "--link-on-write",
        action="store_true",
        help="after each batch written, link the new statements to every linked plan version, as "
        "ingest does (``stored_positions.link_new``; its time is reported apart from the writing)",
    )
    p.add_argument(
        "--fresh",
        action="store_true",
        help="allow no outdated answer: each first call after a write waits for its new result "
        "(by default one write behind is served for up to 2 s while it is computed)",
    )
    p.add_argument("--at", default="2025-06-30", help="the day the ?at routes ask for")
    a = p.parse_args()
    if a.db and a.db.startswith("postgresql"):  # a PostgreSQL store, written as ingest writes
        path: Path | str = a.db
        url = a.db
    else:
        path = Path(a.db or f"/tmp/scale-{a.statements // 1000}k.db".replace("1000k", "1m"))
        url = f"sqlite:///{path}"
    prepare(path, a.statements, plans=not a.no_plans, links_in_bulk=a.bulk_links)
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

    from redline.api import create_app

    app = create_app(url)
    if a.fresh:
        app.state.revision_cache.max_stale = 0
    with TestClient(app) as client, Store.open(url) as store:
        print(f"{store.counts()['statements']} statements ({store.dialect}){' fresh' if a.fresh else ''}")
        every = [
            (n, u)
            for n, u in routes(store, a.at)
            if (a.only is None or re.search(a.only, n)) and (a.skip is None or not re.search(a.skip, n))
        ]

        def call(url: str) -> Callable[[], object]:
            def get() -> object:
                r = client.get(url)
                if r.status_code != 200:
                    print(f"{url}: HTTP {r.status_code}", flush=True)
                return r

            return get

        firsts = {}
        for name, u in every:
            firsts[name] = timed(call(u))
            print(f"  first {name}: {firsts[name]:.0f} ms", flush=True)
        # a route that takes seconds is not repeated 20 times: 3 calls show it is over the target
        repeated = {
            name: [timed(call(u)) for _ in range(a.repeat if firsts[name] < 3000 else 3)] for name, u in every
        }
        after: dict[str, list[float]] = {name: [] for name, _ in every}
        more = articles(a.more, seed=int(time.time()))
        per_round = max(1, -(-len(more) // a.rounds))
        t_write = t_link = 0.0
        linked = 0
        for i in range(0, len(more), per_round):
            t0 = time.perf_counter()
            for j in range(i, min(i + per_round, len(more)), 100):
                store.write(more[j : min(j + 100, i + per_round)])
                if a.link_on_write:
                    t1 = time.perf_counter()
                    linked += link_new(store)
                    t_link += time.perf_counter() - t1
            t_write += time.perf_counter() - t0
            for name, u in every:
                after[name].append(timed(call(u)))
        print(f"(wrote {len(more)} articles in {a.rounds} rounds, {t_write:.0f} s of writing)")
        if a.link_on_write:
            per = t_link * 1000 / max(linked, 1)
            print(f"(of which linking {linked} statements as ingest does: {t_link:.1f} s, {per:.2f} ms each)")
        print(f"{'route':<26} {'first':>7} {'p50':>7} {'p95':>7}   ", end="")
        print(f"{'after write p50':>15} {'p95':>7} {'max':>7}   (ms)")
        worst = 0.0
        for name, _ in every:
            r, w = repeated[name], after[name]
            p95, w95 = percentile(r, 0.95), percentile(w, 0.95)
            worst = max(worst, p95, w95)
            mark = " !" if max(p95, w95) > TARGET_MS else ""
            print(
                f"{name:<26} {firsts[name]:>7.0f} {percentile(r, 0.5):>7.0f} {p95:>7.0f}   "
                f"{percentile(w, 0.5):>15.0f} {w95:>7.0f} {max(w):>7.0f}{mark}"
            )
        print(f"worst p95: {worst:.0f} ms (target < {TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
