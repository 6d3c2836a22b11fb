"""Pages over the analysis: the party x issue positions matrix and the plan versions with diffs.

Both reuse the analysis layer as the CLI does (``negotiation.positions``, ``diff_plan``,
``diff_to_dict``), so the dashboard and ``redline positions`` / ``redline plan diff`` cannot
disagree; the pages only add links from every cell and change back to the statements.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from redline.analysis import negotiation as lib
from redline.analysis.db_repository import SqlPlanRepository, SqlStatementSource
from redline.analysis.diff_render import diff_to_dict
from redline.analysis.positions import Columns, by_issue, row_of
from redline.analysis.positions_report import party_name, positions_report, undated_line
from redline.errors import NotFoundError
from redline.api.corpus_cache import CorpusCache
from redline.api.deps import CorpusCacheDep, StoreDep
from redline.model import PlanVersion, Statement
from redline.store import Store
from redline.web.params import PageNo, Size, Text, paginate, parse_day
from redline.web.render import Renderer

__all__ = ["add_analysis_pages", "cell_statements", "positions_of"]

Analysed = tuple[lib.Corpus, lib.Positions]


def cell_statements(
    statements: list[Statement],
    party_of: dict[str, str],
    row: str,
    column: str,
    at: date | None,
    columns: Columns = by_issue,
) -> list[Statement]:
    """The statements behind one party x column cell, by the rules ``position_matrix`` groups with.

    Undated statements are listed too (last): the cell counts them apart from its balance, and
    a reader should see what they are.
    """
    return sorted(
        (
            s
            for s in statements
            if (at is None or s.date is None or s.date <= at)
            and row_of(s, "party", party_of) == row
            and column in columns(s)
        ),
        key=lambda s: (s.date is not None, s.date or date.min, s.id),
        reverse=True,
    )


def point_columns(result: lib.Positions) -> Columns:
    """The points each statement was linked to, when the matrix's columns are a plan's points."""
    return lambda s: [link.number for link in result.links.get(s.id, ())]


def positions_of(cache: CorpusCache, store: Store, at: date | None, plan: str | None) -> Analysed:
    """The corpus and its positions (by issue, or by the points of ``plan``), computed once per revision.

    The app's one cache (the API's) holds both: analysts click from the matrix to its cells
    and back, and the API asking the same question reads the same corpus.
    """

    def compute(corpus: lib.Corpus) -> lib.Positions:
        repo = SqlPlanRepository(store) if plan else None
        return lib.positions(corpus, repo=repo, plan=plan, at=at)

    return cache.get(store), cache.result(store, ("dashboard.positions", at, plan), compute)


def default_pair(versions: list[PlanVersion]) -> tuple[str, str] | None:
    """The two latest imported texts (reconstructions only when fewer than two texts exist)."""
    texts = [v for v in versions if not v.reported]
    pool = texts if len(texts) >= 2 else versions
    return (pool[-2].label, pool[-1].label) if len(pool) >= 2 else None


def add_analysis_pages(router: APIRouter, renderer: Renderer) -> None:
    @router.get("/positions", response_class=HTMLResponse, name="dashboard.positions")
    def positions(request: Request, store: StoreDep, cache: CorpusCacheDep, at: Text = None, plan: Text = None) -> HTMLResponse:
        try:
            day = parse_day(at, "at")
        except ValueError as exc:
            return renderer.bad_request(request, str(exc))
        try:
            corpus, result = positions_of(cache, store, day, plan or None)
        except NotFoundError as exc:
            return renderer.not_found(request, exc.message)
        report = positions_report(result, by="party", documents=corpus.documents, plan=plan or None)
        return renderer.page(
            request,
            "positions.html",
            title=" ".join(
                ["Positions", f"on the points of {plan}" if plan else "", f"as of {day}" if day else ""]
            ).strip(),
            report=report,
            cells={(c.row, c.column): c for c in report.cells},
            unplaced={(u.row, u.column): u for u in report.unplaced},
            undated_note=undated_line(report.undated),
            version=result.version,
            plans=store.plan_names(),
            plan=plan or "",
            at=day.isoformat() if day else "",
        )

    @router.get("/positions/cell", response_class=HTMLResponse, name="dashboard.position_cell")
    def position_cell(
        request: Request,
        store: StoreDep,
        cache: CorpusCacheDep,
        party: Text = None,
        issue: Text = None,
        point: Text = None,
        plan: Text = None,
        at: Text = None,
        page: PageNo = 1,
        size: Size = 100,
    ) -> HTMLResponse:
        column = point if plan else issue
        if not party or not column:
            return renderer.bad_request(request, "give a party and an issue (or a plan and a point)")
        try:
            day = parse_day(at, "at")
        except ValueError as exc:
            return renderer.bad_request(request, str(exc))
        try:
            corpus, result = positions_of(cache, store, day, plan or None)
        except NotFoundError as exc:
            return renderer.not_found(request, exc.message)
        columns = point_columns(result) if plan else by_issue
        found = cell_statements(corpus.statements, corpus.party_of, party, column, day, columns)
        report = positions_report(result, by="party", documents=corpus.documents, plan=plan or None)
        col = next((c for c in report.columns if c.id == column), None)
        label = col.label if col else column.replace("_", " ")
        what = f"point {column} of {plan}" if plan else label
        if not found:
            return renderer.not_found(request, f"No statements of {party_name(party)} on {what}.")
        docs = corpus.documents
        shown, more = paginate(found, page, size)
        return renderer.page(
            request,
            "cell.html",
            title=f"{party_name(party)} on {what}",
            party=party,
            party_label=party_name(party),
            issue=issue or "",
            point=point or "",
            plan=plan or "",
            what=what,
            proposition=col.text if col else "",
            point_text=lib.point_texts(result.version).get(column, "") if plan else "",
            at=day.isoformat() if day else "",
            cell=next((c for c in report.cells if c.row == party and c.column == column), None),
            undated=sum(1 for s in found if s.date is None),
            statements=shown,
            total=len(found),
            page=page,
            size=size,
            more=more,
            outlets={s.id: docs[s.document_id].outlet for s in shown if s.document_id in docs},
        )

    @router.get("/plans", response_class=HTMLResponse, name="dashboard.plans")
    def plans(request: Request, store: StoreDep) -> HTMLResponse:
        listing = [(name, store.plan_versions(name)) for name in store.plan_names()]
        return renderer.page(request, "plans.html", title="Plans", plans=listing)

    @router.get("/plans/{plan:path}", response_class=HTMLResponse, name="dashboard.plan")
    def plan(
        request: Request, plan: str, store: StoreDep, version: Text = None, old: Text = None, new: Text = None
    ) -> HTMLResponse:
        repo = SqlPlanRepository(store)
        versions = repo.versions(plan)
        if not versions:
            return renderer.not_found(request, f"No plan named {plan!r}.")
        labels = [v.label for v in versions]
        latest_text = next((v for v in reversed(versions) if not v.reported), versions[-1])
        shown = next((v for v in versions if v.label == version), None) if version else latest_text
        if shown is None:
            return renderer.not_found(request, f"Plan {plan!r} has no version {version!r}.")
        reconstruction = repo.get_reconstruction(plan, shown.label) if shown.reported else None
        pair = (old, new) if old and new else default_pair(versions)
        diff = None
        if pair is not None:
            try:
                diff = diff_to_dict(lib.diff_plan(repo, plan, *pair))
            except NotFoundError as exc:
                return renderer.not_found(request, exc.message)
        return renderer.page(
            request,
            "plan.html",
            title=f"Plan {plan}",
            plan=plan,
            versions=versions,
            labels=labels,
            shown=shown,
            reconstruction=reconstruction,
            diff=diff,
            old=pair[0] if pair else "",
            new=pair[1] if pair else "",
        )
