"""Positions (who stands where on each issue or plan point) and the timeline of the talks.

Neither reads the corpus: positions come from the tallies the store keeps current on every
write (and the statement -> point links it keeps per plan version), the timeline from one
sorted query a page. So a call costs the same while an ingest runs as on a quiet store.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from redline.analysis.db_repository import SqlPlanRepository
from redline.analysis.positions_report import plan_option_without_plan, positions_report
from redline.analysis.row_pages import DEFAULT_ROWS, MAX_ROWS, RowPage, quotes_by_default
from redline.analysis.stored_positions import link_options, stored_positions
from redline.analysis.timeline import stored_timeline
from redline.api.deps import IsoDate, Offset, PartiesDep, RevisionCacheDep, StoreDep, TaxonomyDep, page
from redline.api.errors import ACTORS_LISTING, ERROR_RESPONSES, check_issue, field_error
from redline.api.models import PositionsOut, TimelineEntryOut, TimelinePage
from redline.store.gc_pause import paused_gc

REVISION_HEADER = "X-Redline-Revision"  # the store revision an answer was computed at
router = APIRouter(tags=["analysis"], responses=ERROR_RESPONSES)


@router.get("/positions", response_model=PositionsOut, summary="Where each party or actor stands")
def positions(
    request: Request,
    response: Response,
    store: StoreDep,
    cache: RevisionCacheDep,
    taxonomy: TaxonomyDep,
    parties: PartiesDep,
    by: Literal["party", "actor"] = "party",
    issue: Annotated[str | None, Query(description="Only statements on this issue.")] = None,
    plan: Annotated[str | None, Query(description="Columns are this plan's points, not issues.")] = None,
    version: Annotated[
        str | None, Query(description="Version whose points are columns (default: latest imported).")
    ] = None,
    at: Annotated[IsoDate | None, Query(description="As of this date (YYYY-MM-DD).")] = None,
    lineage: Annotated[
        str | None,
        Query(
            max_length=200,
            description="With plan: the latest version by this author (e.g. US) or of this lineage.",
        ),
    ] = None,
    limit: Annotated[
        int,
        Query(ge=1, le=MAX_ROWS, description="Rows per page, the most quoted first (see `rows_total`)."),
    ] = DEFAULT_ROWS,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Rows of the ranked order skipped.")] = 0,
    quotes: Annotated[
        bool | None,
        Query(description="Each cell with its two quotes (default: by party yes, by actor no)."),
    ] = None,
) -> PositionsOut:
    """Each cell is the balance of the dated statements up to ``at``; undated ones are counted apart.

    Rows come a page at a time (``limit``, ``offset``, ``rows_total``), ranked by their statements
    as of today, most first, so a page holds the same rows at every date; by actor there are
    thousands. Shifts (changes of position with evidence on both sides) come from the same
    tallies, for the page's rows. While an ingest runs, the answer may be up to two seconds
    behind the latest write: ``X-Redline-Revision`` is the store revision it was computed at."""
    check_issue(issue, taxonomy.ids)
    if (option := plan_option_without_plan(plan, version, lineage)) is not None:
        raise field_error(
            ("query", option), f"'{option}' needs 'plan': without a plan the columns are issues"
        )
    page_rows = RowPage(limit, offset)
    with_quotes = quotes_by_default(by) if quotes is None else quotes

    links_made: list[int] = []  # the revision once a plan version's links were made

    def compute() -> PositionsOut:
        with paused_gc():  # tens of thousands of small objects, no cycles (``gc_pause``)
            return made()

    def made() -> PositionsOut:
        found = stored_positions(
            store,
            repo=SqlPlanRepository(store) if plan is not None else None,
            plan=plan,
            by=by,
            at=at,
            issue=issue,
            label=version,
            linking=cache.linking,
            lineage=lineage,
            rows=page_rows,
            quotes=with_quotes,
            link_options=link_options(request.app.state.actor_files),
        )
        if found.revision is not None:
            links_made.append(found.revision)
        report = positions_report(
            found.result,
            by=by,
            documents=found.documents,
            issue=issue,
            plan=plan,
            taxonomy=taxonomy,
            parties=parties,
            page=page_rows,
            quotes=with_quotes,
        )
        # validated from the report's attributes (the model mirrors its dataclasses): making a
        # dict of a page by actor first, 1,600 shifts and their quotes, cost as much again
        return PositionsOut.model_validate(report, from_attributes=True)

    # kept until a write moves the tallies (or a plan version's links): a repeated call is free
    params = ("positions", store.url, by, issue, plan, version, at, lineage, limit, offset, with_quotes)

    def settled() -> int | None:
        return links_made[-1] if links_made else None

    found, revision = cache.latest_at(params, store.tally_revision(), compute, settled)
    response.headers[REVISION_HEADER] = str(revision)
    return found


@router.get("/timeline", response_model=TimelinePage, summary="Statements and events in date order")
def timeline(
    request: Request,
    response: Response,
    store: StoreDep,
    cache: RevisionCacheDep,
    taxonomy: TaxonomyDep,
    issue: Annotated[str | None, Query(description="Only this issue.")] = None,
    actor: Annotated[str | None, Query(description="Only this actor (id, name or surname).")] = None,
    limit: Annotated[int, Query(ge=1, le=5000, description="Entries per page.")] = 500,
    offset: Offset = 0,
) -> TimelinePage:
    """One page of the timeline, with how many of all its items are undated or dated by their article.

    Like positions, up to two seconds behind the latest write while an ingest runs
    (``X-Redline-Revision``)."""
    check_issue(issue, taxonomy.ids)
    params = ("timeline", store.url, issue, actor, limit, offset)
    (entries, counts), revision = cache.latest_at(
        params,
        store.tally_revision(),
        lambda: stored_timeline(store, issue=issue, actor=actor, limit=limit + 1, offset=offset),
    )
    if not entries and offset == 0:  # the timeline matches surnames and events' actors too
        store.require_actor(actor, ACTORS_LISTING)
    response.headers[REVISION_HEADER] = str(revision)
    rows = [TimelineEntryOut.model_validate(e.to_dict()) for e in entries]
    listing = page(request, rows, limit, offset)
    return TimelinePage(
        **listing.model_dump(),
        total=counts.total,
        dated_by_document=counts.dated_by_document,
        undated=counts.undated,
    )
