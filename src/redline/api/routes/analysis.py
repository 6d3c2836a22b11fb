"""Positions (who stands where on each issue or plan point) and the timeline of the talks.

Both read the countable statements of the whole store through the analysis layer, as the
``redline positions`` and ``redline timeline`` commands do; the corpus read, and each positions
matrix, are kept by the app's ``CorpusCache`` until the store changes.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from redline.analysis import negotiation
from redline.analysis.db_repository import SqlPlanRepository
from redline.analysis.positions_report import positions_report
from redline.analysis.timeline import timeline_counts
from redline.api.deps import CorpusCacheDep, CorpusDep, IsoDate, Offset, StoreDep, page
from redline.api.errors import ERROR_RESPONSES
from redline.api.models import PositionsOut, TimelineEntryOut, TimelinePage

router = APIRouter(tags=["analysis"], responses=ERROR_RESPONSES)


@router.get("/positions", response_model=PositionsOut, summary="Where each party or actor stands")
def positions(
    store: StoreDep,
    cache: CorpusCacheDep,
    by: Literal["party", "actor"] = "party",
    issue: Annotated[str | None, Query(description="Only statements on this issue.")] = None,
    plan: Annotated[str | None, Query(description="Columns are this plan's points, not issues.")] = None,
    version: Annotated[
        str | None, Query(description="Version whose points are columns (default: latest imported).")
    ] = None,
    at: Annotated[IsoDate | None, Query(description="As of this date (YYYY-MM-DD).")] = None,
) -> PositionsOut:
    """Each cell is the balance of the dated statements up to ``at``; undated ones are counted apart."""

    def compute(corpus: negotiation.Corpus) -> PositionsOut:
        result = negotiation.positions(
            corpus,
            repo=SqlPlanRepository(store) if plan is not None else None,
            plan=plan,
            by=by,
            at=at,
            issue=issue,
            label=version,
        )
        report = positions_report(result, by=by, documents=corpus.documents, issue=issue, plan=plan)
        return PositionsOut.model_validate(report.to_dict())

    return cache.result(store, ("positions", by, issue, plan, version, at), compute)


@router.get("/timeline", response_model=TimelinePage, summary="Statements and events in date order")
def timeline(
    request: Request,
    corpus: CorpusDep,
    issue: Annotated[str | None, Query(description="Only this issue.")] = None,
    actor: Annotated[str | None, Query(description="Only this actor (id, name or surname).")] = None,
    limit: Annotated[int, Query(ge=1, le=5000, description="Entries per page.")] = 500,
    offset: Offset = 0,
) -> TimelinePage:
    """One page of the timeline, with how many of all its items are undated or dated by their article."""
    entries = negotiation.timeline(corpus, issue=issue, actor=actor)
    counts = timeline_counts(entries)
    rows = [TimelineEntryOut.model_validate(e.to_dict()) for e in entries[offset : offset + limit + 1]]
    listing = page(request, rows, limit, offset)
    return TimelinePage(
        **listing.model_dump(),
        total=counts.total,
        dated_by_document=counts.dated_by_document,
        undated=counts.undated,
    )
