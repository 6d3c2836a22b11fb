"""A page of statements newest first on PostgreSQL, undated last, before and after migration 0025.

Builds a throwaway database on the server of ``--url`` (default ``REDLINE_TEST_PG_URL``) with
``--statements`` generated statements (one article in 20 undated), upgraded to 0024; times each
filter's first page (and page 100) through ``Store.statements`` as the CLI calls it, with the
plan's scan; then applies 0025 (the date indexes rebuilt NULLS FIRST) and times again. Before,
ordering undated last is a sort of every match; after, a backward index scan. The counters'
triggers are off while loading (they are not what is timed). The database is dropped at the end.
Usage: PYTHONPATH=src python benchmarks/undated_order_pg.py [--statements 200000] [--url postgresql://...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

from sqlalchemy import create_engine, event, text

from redline.store import StatementFilter, Store
from redline.store.engine import normalise_url

NAME = "redline_undated_order_bench"
FILTERS = {
    "all": StatementFilter(limit=50),
    "all, page 100": StatementFilter(limit=50, offset=5000),
    "actor": StatementFilter(actor="a15", limit=50),
    "stance": StatementFilter(stance="oppose", limit=50),
    "outlet": StatementFilter(outlet="Outlet3", limit=50),
    "issue": StatementFilter(issue="nato", limit=50),
}


def load(store: Store, n: int) -> None:
    with store.engine.begin() as c:
        c.execute(text("SET LOCAL session_replication_role = replica"))
        c.execute(
            text(
                "INSERT INTO actor (id, name, kind, party) "
                "SELECT 'a'||g, 'Actor '||g, 'kb', 'p'||(g%5) FROM generate_series(0,199) g"
            )
        )
        c.execute(
            text(
                "INSERT INTO document (id, content_hash, title, published, outlet, text, n_statements, "
                "ingested_at) SELECT 'd'||g, md5(g::text), 'T'||g, CASE WHEN g%20=0 THEN NULL ELSE "
                "date '2025-01-01' + (g%700) END, 'Outlet'||(g%30), 'x', 10, now() "
                f"FROM generate_series(0,{n // 10 - 1}) g"
            )
        )
        c.execute(
            text(
                "INSERT INTO statement (id, document_id, content, content_start, content_end, kind, "
                "m_issues, m_stance, speaker, actor_id, stance, issues, date, outlet, confidence, "
                "extractor, m_date) "
                "SELECT 's'||g, 'd'||(g/10), 'content of statement '||g, 0, 10, 'direct', '[\"territory\"]', "
                "'support', 'Actor '||(g%200), 'a'||(g%200), "
                "(ARRAY['support','oppose','neutral','conditional'])[1+g%4], '[\"territory\"]', d.published, "
                "d.outlet, 0.8, 'x', d.published "
                f"FROM generate_series(0,{n - 1}) g JOIN document d ON d.id = 'd'||(g/10)"
            )
        )
        c.execute(
            text(
                "INSERT INTO statement_issue (issue, statement_id, date) "
                "SELECT (ARRAY['territory','nato','ceasefire'])[1+(pk%3)], id, date FROM statement"
            )
        )
        c.execute(text("ANALYZE"))


def measure(store: Store, label: str) -> None:
    captured: list[tuple[str, Any]] = []

    def grab(*args: Any) -> None:  # before_cursor_execute: conn, cursor, sql, params, context, many
        sql, params = args[2], args[3]
        if "FROM statement JOIN document" in sql and "ORDER BY" in sql:
            captured.append((sql, params))

    event.listen(store.engine, "before_cursor_execute", grab)
    for name, f in FILTERS.items():
        times = []
        for _ in range(7):
            t = time.perf_counter()
            store.statements(f)
            times.append(time.perf_counter() - t)
        sql, params = captured[-1]
        with store.engine.connect() as c:
            plan = [r[0].strip() for r in c.exec_driver_sql("EXPLAIN " + sql, params)]
        scans = [p.split("  (")[0] for p in plan if "Scan" in p or p.startswith("->  Sort")]
        print(
            f"{label:18} {name:14} median {statistics.median(times) * 1000:7.1f} ms  {' / '.join(scans[:2])}"
        )
    event.remove(store.engine, "before_cursor_execute", grab)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=200_000)
    ap.add_argument("--url", default=os.environ.get("REDLINE_TEST_PG_URL", ""))
    args = ap.parse_args()
    server = normalise_url(args.url)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{NAME}"'))
    url = server.rsplit("/", 1)[0] + "/" + NAME
    try:
        with Store.open(url, upto="0024_stance_confidence") as store:
            load(store, args.statements)
            measure(store, "0024 indexes")
        t = time.perf_counter()
        with Store.open(url, upto="0025_undated_last") as store:
            print(f"migration 0025: {time.perf_counter() - t:.1f} s")
            with store.engine.begin() as c:
                c.execute(text("ANALYZE"))
            measure(store, "0025 NULLS FIRST")
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
