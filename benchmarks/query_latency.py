"""Query latency of the statement filters on a generated corpus of 1 million statements (SQLite).

Builds the database once (reused if present), then times each filter through the same
``Store.statements`` call the CLI makes (first page of 50, newest first) and prints medians.
Usage: PYTHONPATH=src python benchmarks/query_latency.py [--statements 1000000] [--db /tmp/redline-1m.db]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from redline.knowledge.issues import load_issues
from redline.model import Document, Extraction, PlanVersion, Span, Speaker, Statement
from redline.store import Prepared, StatementFilter, Store, fingerprint

ISSUES = [issue.id for issue in load_issues().issues]  # the packaged taxonomy's ids, in order
STANCES = ["support", "oppose", "conditional", "neutral"]
PARTIES = ["russia", "ukraine", "united_states", "europe", "eu", "china"]
WORDS = [
    "plan",
    "draft",
    "territory",
    "donbas",
    "crimea",
    "withdraw",
    "freeze",
    "line",
    "nato",
    "membership",
    "army",
    "cap",
    "weapons",
    "guarantee",
    "amnesty",
    "tribunal",
    "sanctions",
    "assets",
    "reconstruction",
    "elections",
    "ceasefire",
    "fighting",
    "advance",
    "nuclear",
    "plant",
    "prisoners",
    "children",
    "language",
    "church",
    "europe",
    "union",
    "meeting",
    "delegation",
    "geneva",
    "moscow",
    "kyiv",
    "washington",
    "talks",
    "proposal",
    "points",
    "version",
    "agreement",
    "basis",
    "unacceptable",
    "must",
    "never",
    "ready",
    "serious",
    "discussion",
]
PER_DOC = 10


def build(path: Path, n: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    with Store.open(f"sqlite:///{path}") as _:
        pass  # creates the schema through the migrations
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA synchronous = OFF")
    actors = [(f"actor-{i}", f"Actor Number {i}", "person", "kb") for i in range(300)]
    con.execute("BEGIN")
    con.executemany("INSERT INTO actor (id, name, type, kind) VALUES (?, ?, ?, ?)", actors)
    con.executemany(
        "INSERT INTO actor_alias (alias, actor_id, source) VALUES (?, ?, 'kb')",
        [(name.lower(), aid) for aid, name, _, _ in actors],
    )
    con.execute("COMMIT")
    outlets = [f"Outlet {i}" for i in range(40)]
    start = date(2025, 1, 1)
    weights = [1 / (i + 1) for i in range(len(actors))]  # a few prolific speakers, a long tail
    for d0 in range(0, n // PER_DOC, 2000):
        con.execute("BEGIN")
        docs, stmts, issues = [], [], []
        for d in range(d0, min(d0 + 2000, n // PER_DOC)):
            day = start + timedelta(days=rnd.randrange(365))
            outlet = rnd.choice(outlets)
            docs.append(
                (
                    f"doc-{d}",
                    f"h{d}",
                    f"Generated document {d}",
                    day.isoformat(),
                    outlet,
                    "x",
                    "bench/1",
                    PER_DOC,
                    "2025-01-01 00:00:00",
                )
            )
            for k in range(PER_DOC):
                sid = f"st-{d}-{k}"
                actor_id = rnd.choices(actors, weights)[0][0]
                content = " ".join(rnd.choices(WORDS, k=rnd.randrange(6, 18)))
                iss = sorted(set(rnd.choices(ISSUES, k=rnd.randrange(1, 3))))
                stance = rnd.choice(STANCES)
                stmts.append(
                    (
                        sid,
                        f"doc-{d}",
                        content,
                        0,
                        len(content),
                        "indirect",
                        actor_id,
                        actor_id,
                        json.dumps(iss),
                        stance,
                        actor_id,
                        actor_id,
                        stance,
                        json.dumps(iss),
                        day.isoformat(),
                        outlet,
                        1.0,
                        "bench/1",
                    )
                )
                issues.extend((i, sid, day.isoformat()) for i in iss)
        con.executemany(
            "INSERT INTO document (id, content_hash, title, published, outlet, text, extractor, "
            "n_statements, ingested_at) VALUES (?,?,?,?,?,?,?,?,?)",
            docs,
        )
        con.executemany(
            "INSERT INTO statement (id, document_id, content, content_start, content_end, kind, "
            "m_speaker, m_actor_id, m_issues, m_stance, speaker, actor_id, stance, issues, date, outlet, "
            "confidence, extractor, rejected, duplicate) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,0)",
            stmts,
        )
        con.executemany("INSERT INTO statement_issue (issue, statement_id, date) VALUES (?,?,?)", issues)
        con.execute("COMMIT")
    con.execute("ANALYZE")
    con.close()


def built(path: Path, n: int) -> None:
    """``build`` the store at ``path`` unless it is there: the latency benchmarks reuse one."""
    if path.exists():
        return
    t0 = time.perf_counter()
    build(path, n)
    print(f"built {n} statements in {time.perf_counter() - t0:.0f} s ({path})")


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank ``q`` quantile (0-1) the latency benchmarks report (p50, p95)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def article(rnd: random.Random, run: str, k: int, *, outlet: str, extractor: str) -> Prepared:
    """Generated article ``k`` of ``run`` as ingest hands it to ``Store.write``: ``PER_DOC``
    sentences "Actor Number N said ...", each a direct statement of that speaker on random issues
    with a random stance, all dated on one random day of 2025. The benchmarks that write through
    the store (a live ingest beside the API, a PostgreSQL store) write these, so that they write
    the same kind of article (the bulk loader, ``build``, writes rows of its own)."""
    day = date(2025, 1, 1) + timedelta(days=rnd.randrange(365))
    sentences, statements, offset = [], [], 0
    for j in range(PER_DOC):
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
                extractor=extractor,
            )
        )
        sentences.append(sentence)
        offset += len(sentence) + 1
    doc = Document(id=f"{run}-{k}", text=" ".join(sentences), outlet=outlet, published=day)
    ex = Extraction(doc, statements, [], extractor=extractor)
    return Prepared(ex, fingerprint(doc.text, doc.url, doc.content_hash))


def import_example_plans(store: Store, link: Callable[[Store, PlanVersion], object] | None = None) -> None:
    """The bundled example plans saved in ``store`` as ``redline plan import`` saves them (points
    tagged with the plan-point lexicon), each then linked by ``link`` when given: the stores the
    API and scale benchmarks serve hold the plans, linked or not."""
    # imported here: ``article``'s live writer (api_load) imports this module and needs none of it
    from redline.analysis import negotiation as lib
    from redline.analysis.db_repository import SqlPlanRepository
    from redline.examples import example_plans

    repo = SqlPlanRepository(store)
    tagger, pax = lib.point_tagging()
    for ex in example_plans():
        lib.import_plan(repo, ex.path, plan=ex.plan, label=ex.label, when=ex.date, tagger=tagger, pax=pax)
        if link is not None:
            link(store, repo.get_version(ex.plan, ex.label))


def build_with_parties(path: Path, n: int) -> None:
    """``build``, then the 30 most prolific actors in parties (so the positions matrix has party
    rows) and the tallies counted, since the bulk loader wrote its rows around the writer."""
    build(path, n)
    con = sqlite3.connect(path, isolation_level=None)
    con.executemany(
        "UPDATE actor SET party = ? WHERE id = ?",
        [(PARTIES[i % len(PARTIES)], f"actor-{i}") for i in range(30)],
    )
    con.close()
    with Store.open(f"sqlite:///{path}") as store:
        store.rebuild_tallies()


CASES: dict[str, StatementFilter] = {
    "no filter": StatementFilter(),
    "--actor (prolific)": StatementFilter(actor="actor number 0"),
    "--actor (rare)": StatementFilter(actor="actor-250"),
    "--issue": StatementFilter(issue="nuclear_plant"),
    "--stance": StatementFilter(stance="conditional"),
    "--outlet": StatementFilter(outlet="Outlet 7"),
    "--since/--until (1 week)": StatementFilter(since=date(2025, 6, 1), until=date(2025, 6, 7)),
    "--search (common word)": StatementFilter(search="ceasefire"),
    "--search (two words)": StatementFilter(search="nuclear prisoners"),
    "--actor --issue --stance": StatementFilter(actor="actor-3", issue="territory", stance="oppose"),
    "--issue --since --until": StatementFilter(issue="nato", since=date(2025, 3, 1), until=date(2025, 3, 31)),
    "--outlet --stance --search": StatementFilter(outlet="Outlet 3", stance="support", search="crimea"),
    "--actor (rare) --search": StatementFilter(actor="actor-280", search="geneva"),
}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--statements", type=int, default=1_000_000)
    p.add_argument("--db", default="/tmp/redline-1m.db")
    p.add_argument("--repeat", type=int, default=15)
    a = p.parse_args()
    path = Path(a.db)
    built(path, a.statements)
    with Store.open(f"sqlite:///{path}") as store:
        print(f"{store.counts()['statements']} statements")
        medians = []
        for name, f in CASES.items():
            times, rows = [], 0
            for _ in range(a.repeat):
                t0 = time.perf_counter()
                rows = len(store.statements(f))
                times.append((time.perf_counter() - t0) * 1000)
            med = statistics.median(times)
            medians.append(med)
            print(f"{name:<30} median {med:7.1f} ms  max {max(times):7.1f} ms  ({rows} rows)")
        print(
            f"median over all filters: {statistics.median(medians):.1f} ms; worst filter median: "
            f"{max(medians):.1f} ms (target < 100 ms)"
        )


if __name__ == "__main__":
    main()
