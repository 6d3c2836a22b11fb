"""Pages over the analysis: the party x issue positions matrix and the plan versions with diffs.

Both reuse the analysis layer as the CLI does (``negotiation.positions``, ``diff_plan``,
``diff_to_dict``), so the dashboard and ``redline positions`` / ``redline plan diff`` cannot
disagree; the pages only add links from every cell and change back to the statements.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from redline.analysis import negotiation as lib
from redline.analysis.db_repository import SqlPlanRepository
from redline.analysis.positions import UNAFFILIATED, RowKind
from redline.analysis.positions_report import (
    CellReport,
    PartyNames,
    PositionsReport,
    UnplacedCell,
    positions_report,
    undated_line,
)
from redline.analysis.row_pages import DEFAULT_ROWS, MAX_ROWS, RowPage, quotes_by_default
from redline.analysis.stored_positions import StoredPositions, link_options, stored_positions
from redline.api.deps import PartiesDep, RevisionCacheDep, StoreDep, TaxonomyDep
from redline.api.plan_diffs import plan_diff
from redline.api.revision_cache import RevisionCache
from redline.balance import NO_SHIFT_ROWS, ReversalTest
from redline.errors import NotFoundError
from redline.export.positions import POSITION_COLUMNS, position_rows
from redline.export.statements import STATEMENT_COLUMNS, statement_rows
from redline.knowledge.issues import Taxonomy
from redline.model import PlanVersion
from redline.store import StatementFilter, Store, cell_rows, lookup
from redline.store.gc_pause import paused_gc
from redline.web.charts import HeatCell, Point, Series, heat_map, line_chart, stance_grid
from redline.web.downloads import Format, download
from redline.web.params import PageNo, Size, Text, paginate, parse_day
from redline.web.render import Renderer
from redline.web.trends import stance_trends

__all__ = ["add_analysis_pages", "cell_statements", "positions_of"]

Analysed = tuple[lib.Corpus, lib.Positions]


def cell_statements(
    rows: Iterable[Any],
    party_of: Mapping[str, str],
    row: str,
    column: str | None,
    at: date | None,
    reversal: ReversalTest,
) -> list[Any]:
    """The light rows (``cell_rows.candidates``) behind one party x column cell, by the rules
    the tallies count with (``cell_rows.in_cell``, the store's ``reversal``); ``column`` None
    when the rows are already those of the column (a plan point's links).

    Undated statements are listed too (last): the cell counts them apart from its balance, and
    a reader should see what they are.
    """
    return sorted(
        (r for r in rows if cell_rows.in_cell(r, party_of, row, column, at, reversal)),
        key=lambda r: (r.date is not None, r.date or date.min, r.id),
        reverse=True,
    )


# A cell of more statements than this is paged along the issue's date index (only the page's
# rows are read; the total is the matrix's count); a smaller one is read whole by its speakers.
PAGED_CELL = 2000


def _positions(
    cache: RevisionCache,
    store: Store,
    at: date | None,
    plan: str | None,
    lineage: str | None,
    by: RowKind,
    rows: RowPage | None,
    quotes: bool,
    actor_files: Sequence[Path] = (),
) -> StoredPositions:
    repo = SqlPlanRepository(store) if plan else None
    return stored_positions(
        store,
        repo=repo,
        plan=plan,
        at=at,
        by=by,
        linking=cache.linking,
        lineage=lineage,
        rows=rows,
        quotes=quotes,
        link_options=link_options(actor_files),
    )


def positions_of(
    cache: RevisionCache,
    store: Store,
    at: date | None,
    plan: str | None,
    lineage: str | None = None,
    *,
    by: RowKind = "party",
    rows: RowPage | None = None,
    quotes: bool = True,
    actor_files: Sequence[Path] = (),
) -> StoredPositions:
    """The positions (by issue, or by the points of ``plan``'s latest version, of ``lineage``
    when given: an author such as US or E3, so a counter-proposal is not "the plan") from the
    store's tallies, computed once per tally revision and shared with the API's cache: analysts
    click from the matrix to its cells and back. ``rows``: one page of rows, as the API pages;
    ``actor_files``: the app's, whose parties link no statement to a point (``link_options``)."""
    key = ("dashboard.positions", store.url, at, plan, lineage, by, rows, quotes)
    return cache.latest(
        key,
        store.tally_revision(),
        lambda: _positions(cache, store, at, plan, lineage, by, rows, quotes, actor_files),
    )


@dataclass(frozen=True, slots=True)
class _Loaded:
    day: date | None
    result: lib.Positions
    report: PositionsReport


def _load_positions(
    request: Request,
    renderer: Renderer,
    cache: RevisionCache,
    store: Store,
    taxonomy: Taxonomy,
    parties: PartyNames,
    at: str | None,
    plan: str | None,
    lineage: str | None = None,
    *,
    by: RowKind = "party",
    rows: RowPage | None = None,
    quotes: bool = True,
) -> _Loaded | Response:
    """The matrix and its cells must read one date and one plan the same way and fail alike
    (400 for a bad date, 404 for an unknown plan), so both pages load through here."""
    try:
        day = parse_day(at, "at")
    except ValueError as exc:
        return renderer.bad_request(request, str(exc))
    lineage = (lineage or None) if plan else None

    def compute() -> _Loaded:
        # the report with its positions, kept together per revision: by actor, making it
        # (1,600 shifts) cost as much as reading the positions, on every view of the page
        with paused_gc():  # tens of thousands of small objects, no cycles (``gc_pause``)
            found = _positions(
                cache, store, day, plan or None, lineage, by, rows, quotes, request.app.state.actor_files
            )
            report = positions_report(
                found.result,
                by=by,
                documents=found.documents,
                plan=plan or None,
                taxonomy=taxonomy,
                parties=parties,
                page=rows,
                quotes=quotes,
            )
        return _Loaded(day, found.result, report)

    key = ("dashboard.report", store.url, day, plan or None, lineage, by, rows, quotes)
    try:
        return cache.latest(key, store.tally_revision(), compute)
    except NotFoundError as exc:
        return renderer.not_found(request, exc.message)


def lineages_of(versions: list[PlanVersion]) -> list[str]:
    """The authors a plan's versions name, in the order they first appear: the lineages the
    positions page offers, so a counter-proposal can be kept out of "the plan"."""
    return list(dict.fromkeys(v.author for v in versions if v.author))


# Rows that are a side of the negotiation; the rest ("other", speakers without a party: media,
# unnamed officials) are listed apart, below them, so they never read as a party's position.
NOT_SIDES = NO_SHIFT_ROWS | {"other"}
BY_STANCE = ("support", "oppose", "conditional")  # who stands where on a plan's point


def split_rows(report: PositionsReport) -> tuple[list[str], list[str]]:
    """The report's row ids: the parties, then everyone outside them."""
    ids = [r.id for r in report.rows]
    return [r for r in ids if r not in NOT_SIDES], [r for r in ids if r in NOT_SIDES]


def cell_label(row_name: str, column: str, cell: CellReport | None, unplaced: UnplacedCell | None) -> str:
    if cell is not None:
        counts = ", ".join(f"{n} {s}" for s, n in cell.counts.items() if n)
        extra = f", +{cell.undated} undated" if cell.undated else ""
        return f"{row_name} on {column}: {cell.stance} ({counts}{extra})"
    return f"{row_name} on {column}: {unplaced.undated if unplaced else 0} undated only"


def matrix_chart(
    request: Request,
    renderer: Renderer,
    report: PositionsReport,
    plan: str | None,
    at: str | None = None,
    lineage: str | None = None,
) -> object:
    """The matrix as a heat map (issues) or a stance grid (a plan's points x parties)."""
    cells = {(c.row, c.column): c for c in report.cells}
    unplaced = {(u.row, u.column): u for u in report.unplaced}
    names = {c.id: (f"point {c.id}" if plan else c.label) for c in report.columns}
    sides, outside = split_rows(report)
    order = {r: i for i, r in enumerate(sides + outside)}
    rows = sorted(report.rows, key=lambda r: order[r.id])
    marks = []
    for r in rows:
        for c in report.columns:
            cell, undated = cells.get((r.id, c.id)), unplaced.get((r.id, c.id))
            if cell is None and undated is None:
                continue
            query: dict[str, str | None] = {"party": r.id}
            query.update({"point": c.id, "plan": plan, "lineage": lineage} if plan else {"issue": c.id})
            query["at"] = at  # the order of the matrix's own links: one URL per cell
            n = (cell.statements + cell.undated) if cell else (undated.undated if undated else 0)
            marks.append(
                HeatCell(
                    row=r.name if not plan else names[c.id],
                    column=names[c.id] if not plan else r.name,
                    value=n,
                    href=renderer.url(request, "position_cell", query),
                    label=cell_label(r.name, names[c.id], cell, undated),
                    stance=cell.stance if (plan and cell) else None,
                )
            )
    if plan:
        points = [names[c.id] for c in report.columns]
        return stance_grid(marks, points, [r.name for r in rows], f"Points of {plan} by party")
    return heat_map(
        marks,
        [r.name for r in rows],
        [names[c.id] for c in report.columns],
        "Statements per party and issue",
    )


def point_sides(report: PositionsReport) -> dict[str, dict[str, list[CellReport]]]:
    """Per point, the parties whose balance supports, opposes or conditions it (with the cell)."""
    sides: dict[str, dict[str, list[CellReport]]] = {}
    for c in report.cells:
        if c.stance in BY_STANCE:
            sides.setdefault(c.column, {}).setdefault(c.stance, []).append(c)
    return sides


def plan_of_record(versions: list[PlanVersion]) -> PlanVersion:
    """The version a plan's page opens on: the latest imported text, never a counter-proposal
    while there is anything else (as ``latest_version`` picks "the plan" for positions)."""
    texts = [v for v in versions if not v.reported] or versions
    return ([v for v in texts if v.kind != "counter-proposal"] or texts)[-1]


def default_pair(versions: list[PlanVersion], shown: PlanVersion) -> tuple[str, str] | None:
    """What ``shown`` changed: against the version it marks up, else the latest text before it
    in its own line (a draft's revision is not compared with a counter-proposal dated between
    them); reconstructions only when fewer than two texts exist."""
    texts = [v for v in versions if not v.reported]
    pool = texts if len(texts) >= 2 else versions
    labels = [v.label for v in pool]
    if shown.based_on in labels:
        return (shown.based_on, shown.label)
    if shown.label not in labels:
        return None
    earlier = pool[: labels.index(shown.label)]
    marks_up = shown.kind == "counter-proposal"
    own_line = [v for v in earlier if (v.kind == "counter-proposal") == marks_up] or earlier
    return (own_line[-1].label, shown.label) if own_line else None


def add_analysis_pages(router: APIRouter, renderer: Renderer) -> None:
    """Register the analysis pages on ``router``, in groups (one function each keeps every
    registration small); the order is the routes' matching order."""
    _add_position_pages(router, renderer)
    _add_plan_pages(router, renderer)


def _add_position_pages(router: APIRouter, renderer: Renderer) -> None:
    """The positions table, one issue's page and one cell's statements."""

    @router.get("/positions", response_class=HTMLResponse, name="dashboard.positions")
    def positions(
        request: Request,
        store: StoreDep,
        cache: RevisionCacheDep,
        taxonomy: TaxonomyDep,
        parties: PartiesDep,
        at: Text = None,
        plan: Text = None,
        lineage: Text = None,
        fmt: Format = None,
        by: Annotated[Literal["party", "actor"], Query()] = "party",
        limit: Annotated[int, Query(ge=1, le=MAX_ROWS)] = DEFAULT_ROWS,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
        quotes: Annotated[bool | None, Query()] = None,
    ) -> Response:
        rows = RowPage(limit, offset)  # the API's paging: one page of rows, the most quoted first
        with_quotes = quotes_by_default(by) if quotes is None else quotes
        loaded = _load_positions(
            request,
            renderer,
            cache,
            store,
            taxonomy,
            parties,
            at,
            plan,
            lineage,
            by=by,
            rows=rows,
            quotes=with_quotes,
        )
        if isinstance(loaded, Response):
            return loaded
        day, result, report = loaded.day, loaded.result, loaded.report
        if fmt == "json":  # the report as `redline export positions -f json` writes it
            body = json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
            headers = {"Content-Disposition": 'attachment; filename="positions.json"'}
            return Response(body, media_type="application/json", headers=headers)
        if fmt:
            return download(position_rows(report), POSITION_COLUMNS, fmt, "positions")
        sides, outside = split_rows(report)
        groups = [
            ("Parties", [r for r in report.rows if r.id in sides]),
            ("Outside the parties (no party, media, others)", [r for r in report.rows if r.id in outside]),
        ]
        shown = f"{offset + 1}–{offset + len(report.rows)}" if report.rows else "none"
        query = {
            "at": report.at or "",
            "plan": plan or "",
            "lineage": lineage or "",
            "by": by,
            "limit": limit,
        }
        return renderer.page(
            request,
            "positions.html",
            title=" ".join(
                [
                    "Positions" + (" by actor" if by == "actor" else ""),
                    f"on the points of {plan}" if plan else "",
                    f"as of {day}" if day else "",
                ]
            ).strip(),
            report=report,
            by=by,
            row_groups=[(f"Actors {shown} of {report.rows_total}, the most quoted first", report.rows)]
            if by == "actor"
            else groups,
            pager={
                "shown": shown,
                "total": report.rows_total,
                "previous": {**query, "offset": max(0, offset - limit)} if offset else None,
                "next": {**query, "offset": offset + limit} if offset + limit < report.rows_total else None,
                "query": {**query, "offset": offset, "quotes": "true" if quotes else ""},
            },
            chart=matrix_chart(request, renderer, report, plan or None, report.at, lineage)
            if report.rows and by == "party"
            else None,
            cells={(c.row, c.column): c for c in report.cells},
            unplaced={(u.row, u.column): u for u in report.unplaced},
            undated_note=undated_line(report.undated),
            version=result.version,
            plans=store.plan_names(),
            plan=plan or "",
            lineages=lineages_of(store.plan_versions(plan)) if plan else [],
            lineage=(lineage or "") if plan else "",
            at=day.isoformat() if day else "",
        )

    @router.get("/issues/{issue}", response_class=HTMLResponse, name="dashboard.issue")
    def issue_page(
        request: Request,
        issue: str,
        store: StoreDep,
        cache: RevisionCacheDep,
        taxonomy: TaxonomyDep,
        parties: PartiesDep,
    ) -> HTMLResponse:
        known = {i.id: i for i in taxonomy.issues}
        if issue not in known:
            return renderer.not_found(request, f"No issue {issue!r} in the taxonomy.")
        trends = cache.latest(
            ("dashboard.trends", store.url, issue),
            store.tally_revision(),
            lambda: stance_trends(store.read(lookup.party_days, issue)),
        )
        series = []

        def day_of(row: str) -> dict[str, str]:
            return {"party": row, "issue": issue}

        for tr in trends:
            if tr.row == UNAFFILIATED or not tr.days:
                continue
            points = [
                Point(
                    d.day,
                    d.balance,
                    renderer.url(request, "statements", {**day_of(tr.row), "since": d.day, "until": d.day}),
                    f"{parties(tr.row)}, {d.day}: "
                    + ", ".join(f"{n} {s}" for s, n in sorted(d.counts.items()))
                    + f"; balance so far {d.balance:+.2f}",
                )
                for d in tr.days
            ]
            series.append(Series(parties(tr.row), points))
        info = known[issue]
        return renderer.page(
            request,
            "issue.html",
            title=info.label,
            issue=info,
            chart=line_chart(series, f"Stance on “{info.proposition_label}” over time, by party")
            if series
            else None,
            trends=trends,
            party_name=parties,
        )

    @router.get("/positions/cell", response_class=HTMLResponse, name="dashboard.position_cell")
    def position_cell(
        request: Request,
        store: StoreDep,
        cache: RevisionCacheDep,
        taxonomy: TaxonomyDep,
        parties: PartiesDep,
        party: Text = None,
        issue: Text = None,
        point: Text = None,
        plan: Text = None,
        lineage: Text = None,
        at: Text = None,
        page: PageNo = 1,
        size: Size = 100,
        fmt: Format = None,
    ) -> Response:
        column = point if plan else issue
        if not party or not column:
            return renderer.bad_request(request, "give a party and an issue (or a plan and a point)")
        loaded = _load_positions(request, renderer, cache, store, taxonomy, parties, at, plan, lineage)
        if isinstance(loaded, Response):
            return loaded
        day, result, report = loaded.day, loaded.result, loaded.report
        party_of = store.parties()
        col = next((c for c in report.columns if c.id == column), None)
        label = col.label if col else column.replace("_", " ")
        what = f"point {column} of {plan}" if plan else label
        cell = next((c for c in report.cells if c.row == party and c.column == column), None)
        unplaced = next((u for u in report.unplaced if u.row == party and u.column == column), None)
        counted = (cell.statements + cell.undated) if cell else (unplaced.undated if unplaced else 0)
        if not plan and not fmt and counted > PAGED_CELL:  # the page's rows only, newest first
            listed = store.read(
                cell_rows.newest,
                issue=column,
                row=party,
                party_of=party_of,
                reversal=store.reversal,
                at=day,
                skip=(page - 1) * size,
                take=size + 1,
            )
            page_rows, more = listed[:size], len(listed) > size
            total, undated = counted, cell.undated if cell else counted
        else:
            speakers = None if party == UNAFFILIATED else {k for k, v in party_of.items() if v == party}
            if plan:
                version = result.version.label if result.version else ""
                rows = store.read(cell_rows.candidates, point=(plan, version, column), speakers=speakers)
            else:
                rows = store.read(cell_rows.candidates, issue=column, speakers=speakers)
            found = cell_statements(rows, party_of, party, None if plan else column, day, store.reversal)
            if not found:
                return renderer.not_found(request, f"No statements of {parties(party)} on {what}.")
            if fmt:  # the cell's statements as `redline export statements` writes them
                ids = {r.id for r in found}
                narrowed = StatementFilter(issue=None if plan else column, limit=None)
                records = (r for r in statement_rows(store, narrowed, taxonomy) if r["id"] in ids)
                return download(records, STATEMENT_COLUMNS, fmt, "statements")
            page_rows, more = paginate(found, page, size)
            total, undated = len(found), sum(1 for r in found if r.date is None)
        loaded_by_id = store.statements_by_id([r.id for r in page_rows])
        shown = [loaded_by_id[r.id] for r in page_rows if r.id in loaded_by_id]
        docs = store.documents_by_id({st.document_id for st in shown})
        return renderer.page(
            request,
            "cell.html",
            title=f"{parties(party)} on {what}",
            party=party,
            party_label=parties(party),
            issue=issue or "",
            point=point or "",
            plan=plan or "",
            lineage=(lineage or "") if plan else "",
            what=what,
            proposition=col.text if col else "",
            point_text=lib.point_texts(result.version).get(column, "") if plan else "",
            at=day.isoformat() if day else "",
            cell=cell,
            undated=undated,
            statements=shown,
            total=total,
            page=page,
            size=size,
            more=more,
            outlets={st.id: docs[st.document_id].outlet for st in shown if st.document_id in docs},
        )


def _add_plan_pages(router: APIRouter, renderer: Renderer) -> None:
    """The plan list and one plan's versions compared."""

    @router.get("/plans", response_class=HTMLResponse, name="dashboard.plans")
    def plans(request: Request, store: StoreDep) -> HTMLResponse:
        listing = [(name, store.plan_versions(name)) for name in store.plan_names()]
        return renderer.page(request, "plans.html", title="Plans", plans=listing)

    @router.get("/plans/{plan:path}", response_class=HTMLResponse, name="dashboard.plan")
    def plan(
        request: Request,
        plan: str,
        store: StoreDep,
        cache: RevisionCacheDep,
        taxonomy: TaxonomyDep,
        parties: PartiesDep,
        version: Text = None,
        old: Text = None,
        new: Text = None,
    ) -> HTMLResponse:
        repo = SqlPlanRepository(store)
        versions = repo.versions(plan)
        if not versions:
            return renderer.not_found(request, f"No plan named {plan!r}.")
        labels = [v.label for v in versions]
        shown = (
            next((v for v in versions if v.label == version), None) if version else plan_of_record(versions)
        )
        if shown is None:
            return renderer.not_found(request, f"Plan {plan!r} has no version {version!r}.")
        reconstruction = repo.get_reconstruction(plan, shown.label) if shown.reported else None
        pair = (old, new) if old and new else default_pair(versions, shown)
        diff = None
        if pair is not None:
            try:
                diff = plan_diff(cache, repo, plan, *pair)
            except NotFoundError as exc:
                return renderer.not_found(request, exc.message)
        try:
            found = positions_of(cache, store, None, plan, actor_files=request.app.state.actor_files)
            report: PositionsReport | None = positions_report(
                found.result,
                by="party",
                documents=found.documents,
                plan=plan,
                taxonomy=taxonomy,
                parties=parties,
            )
        except NotFoundError:  # no imported text to link statements to
            report = None
        return renderer.page(
            request,
            "plan.html",
            title=f"Plan {plan}",
            grid=matrix_chart(request, renderer, report, plan) if report and report.rows else None,
            sides=point_sides(report) if report else {},
            sides_version=report.version if report else None,
            by_stance=BY_STANCE,
            plan=plan,
            versions=versions,
            labels=labels,
            shown=shown,
            reconstruction=reconstruction,
            diff=diff,
            old=pair[0] if pair else "",
            new=pair[1] if pair else "",
        )
