"""A page of a positions matrix's rows read from the store equals that page of the whole matrix.

The store reads only the page's rows (their kept cells, checkpoints, turns and shifts); the
answer must be what cutting the whole matrix computed from the corpus would give: the same
rows in the same order (most statements as of today first, then by id), the same cells and
shifts, and the number of rows in all. By issue and by plan point, as of today and of past
days, narrowed to an issue; on SQLite and PostgreSQL.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest
from test_point_checkpoints import PLAN
from test_walk_checkpoints import FIRST, SPEAKERS, _document, _prepared

from redline.analysis import negotiation
from redline.analysis.db_repository import SqlPlanRepository, SqlStatementSource
from redline.analysis.positions_report import positions_report
from redline.analysis.row_pages import RowPage
from redline.analysis.stored_positions import link_version, stored_positions
from redline.model import Actor
from redline.store import Store

DAYS = [None, FIRST - timedelta(days=1), FIRST + timedelta(days=20), FIRST + timedelta(days=45)]
PAGES = [RowPage(2, 0), RowPage(2, 2), RowPage(3, 4), RowPage(50, 0)]


@pytest.fixture
def store(db_url: str) -> Any:
    s = Store.open(db_url)
    s.add_actors([Actor(a, name, "person", party=p) for a, name, p in SPEAKERS if a is not None])
    rnd = random.Random(21)
    # unequal speakers, so that the order of rows is decided by their statements
    s.write([_prepared(_document(rnd, n)) for n in range(40)])
    s.write([_prepared(_document(rnd, n, dated=False)) for n in range(40, 43)])
    SqlPlanRepository(s).save_version(PLAN)
    link_version(s, PLAN)
    yield s
    s.close()


def _report(store: Store, how: str, rows: RowPage | None, **kw: Any) -> dict[str, Any]:
    """The report from the store's tallies ("stored") or from the corpus ("corpus")."""
    repo = SqlPlanRepository(store) if kw.get("plan") else None
    if how == "stored":
        found = stored_positions(store, repo=repo, rows=rows, **kw)
        result, documents = found.result, found.documents
    else:
        corpus = negotiation.read_corpus(SqlStatementSource(store), store.knowledge)
        result, documents = negotiation.positions(corpus, repo=repo, rows=rows, **kw), corpus.documents
    report = positions_report(result, by=kw["by"], documents=documents, plan=kw.get("plan"), page=rows)
    return report.to_dict()


def _cut(whole: dict[str, Any], today: dict[str, Any], page: RowPage) -> dict[str, Any]:
    """The page of a whole report, by hand: rows ranked by their statements in ``today``'s
    cells (dated and undated), most first, then by id."""
    totals: dict[str, int] = {}
    for c in today["cells"]:
        totals[c["row"]] = totals.get(c["row"], 0) + c["statements"] + c["undated"]
    for u in today["unplaced"]:
        totals[u["row"]] = totals.get(u["row"], 0) + u["undated"]
    ranked = sorted(totals, key=lambda r: (-totals[r], r))
    rows = ranked[page.offset : page.offset + page.limit]
    names = {r["id"]: r["name"] for r in today["rows"]}  # a row with nothing said by the day too
    keep = set(rows)
    cells = [c for c in whole["cells"] if c["row"] in keep]
    unplaced = [u for u in whole["unplaced"] if u["row"] in keep]
    used = {c["column"] for c in cells} | {u["column"] for u in unplaced}
    return whole | {
        "rows": [{"id": r, "name": names.get(r, r)} for r in rows],
        "columns": [c for c in whole["columns"] if c["id"] in used],
        "cells": sorted(cells, key=lambda c: rows.index(c["row"])),
        "unplaced": sorted(unplaced, key=lambda u: rows.index(u["row"])),
        "shifts": [s for s in whole["shifts"] if s["row"] in keep],
        "rows_total": len(totals),
        "offset": page.offset,
        "limit": page.limit,
    }


@pytest.mark.parametrize("plan", [None, PLAN.plan])
def test_a_page_of_rows_is_that_page_of_the_whole_matrix(store: Store, plan: str | None) -> None:
    compared = 0
    for by in ("party", "actor"):
        for issue in (None, "ceasefire"):
            today = _report(store, "stored", None, by=by, issue=issue, plan=plan)
            for at in DAYS:
                kw = {"by": by, "issue": issue, "plan": plan, "at": at}
                whole = _report(store, "stored", None, **kw)
                for page in PAGES:
                    paged = _report(store, "stored", page, **kw)
                    assert paged == _cut(whole, today, page), (kw, page)
                    assert paged == _report(store, "corpus", page, **kw), (kw, page)
                    compared += len(paged["cells"]) + len(paged["shifts"])
    assert compared > 50  # cells and shifts were compared, not only empty pages


def test_pages_hold_every_row_once_the_most_quoted_first(store: Store) -> None:
    at = FIRST + timedelta(days=20)
    whole = _report(store, "stored", None, by="actor")
    pages = [_report(store, "stored", RowPage(2, k), by="actor", at=at) for k in range(0, 10, 2)]
    rows = [r["id"] for p in pages for r in p["rows"]]
    assert sorted(rows) == sorted(r["id"] for r in whole["rows"])  # each row once, whatever the day
    assert {p["rows_total"] for p in pages} == {len(whole["rows"])}
    said = {r: 0 for r in rows}
    for c in whole["cells"]:
        said[c["row"]] += c["statements"] + c["undated"]
    for u in whole["unplaced"]:
        said[u["row"]] += u["undated"]
    assert [said[r] for r in rows] == sorted(said.values(), reverse=True)
    assert len(set(said.values())) > 2  # the speakers differ, so the order means something


def test_cells_without_quotes_differ_only_by_their_quotes(store: Store) -> None:
    for at in (None, date(2025, 9, 30)):
        kw: dict[str, Any] = {"by": "actor", "at": at, "rows": RowPage(3, 1)}
        quoted = stored_positions(store, **kw)
        bare = stored_positions(store, quotes=False, **kw)
        report = positions_report(quoted.result, by="actor", documents=quoted.documents).to_dict()
        plain = positions_report(bare.result, by="actor", documents=bare.documents).to_dict()
        assert report["cells"] and all(c["quote"] and c["latest_quote"] for c in report["cells"])
        assert all(c["quote"] is None and c["latest_quote"] is None for c in plain["cells"])
        strip = {"quote": None, "latest_quote": None}
        assert plain == report | {"cells": [c | strip for c in report["cells"]]}
        # the report drops them alike from a result that has them
        dropped = positions_report(quoted.result, by="actor", documents=quoted.documents, quotes=False)
        assert dropped.to_dict()["cells"] == plain["cells"]
