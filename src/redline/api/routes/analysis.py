"""Positions (who stands where on each issue or plan point) and the timeline of the talks.

Both read the countable statements of the whole store through the analysis layer, as the
``redline positions`` and ``redline timeline`` commands do; the corpus read is kept by the
app's ``CorpusCache`` until the store changes.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from redline.analysis import negotiation
from redline.analysis.db_repository import SqlPlanRepository
from redline.api.deps import CorpusDep, Offset, Page, StoreDep, page
from redline.api.errors import ERROR_RESPONSES
from redline.api.models import CellOut, PositionsOut, QuoteOut, ShiftOut, TimelineEntryOut
from redline.model import Document, Statement

router = APIRouter(tags=["analysis"], responses=ERROR_RESPONSES)


def _quote(s: Statement, docs: dict[str, Document]) -> QuoteOut:
    doc = docs.get(s.document_id)
    return QuoteOut(
        statement_id=s.id,
        text=s.content.text,
        speaker=s.speaker.name if s.speaker else None,
        date=s.date.isoformat() if s.date else None,
        document_id=s.document_id,
        url=doc.url if doc else None,
        outlet=doc.outlet if doc else None,
    )


@router.get("/positions", response_model=PositionsOut, summary="Where each party or actor stands")
def positions(
    store: StoreDep,
    corpus: CorpusDep,
    by: Literal["party", "actor"] = "party",
    issue: Annotated[str | None, Query(description="Only statements on this issue.")] = None,
    plan: Annotated[str | None, Query(description="Columns are this plan's points, not issues.")] = None,
    version: Annotated[
        str | None, Query(description="Version whose points are columns (default: latest imported).")
    ] = None,
    at: Annotated[date | None, Query(description="As of this date (YYYY-MM-DD).")] = None,
) -> PositionsOut:
    result = negotiation.positions(
        corpus,
        repo=SqlPlanRepository(store) if plan is not None else None,
        plan=plan,
        by=by,
        at=at,
        issue=issue,
        label=version,
    )
    docs = corpus.documents
    texts = negotiation.point_texts(result.version)
    m = result.matrix
    cells = [
        CellOut(
            row=c.row,
            column=c.column,
            column_text=texts.get(c.column),
            stance=c.stance,
            supporting=c.supporting,
            statements=c.total,
            last_date=c.last_date.isoformat() if c.last_date else None,
            quote=_quote(c.quote, docs),
        )
        for r in m.rows
        for col in m.columns
        if (c := m.cells.get((r, col))) is not None
    ]
    shifts = [
        ShiftOut(
            row=s.row,
            column=s.column,
            before=s.before,
            after=s.after,
            quote_before=_quote(s.quote_before, docs),
            quote_after=_quote(s.quote_after, docs),
        )
        for s in result.shifts
    ]
    return PositionsOut(
        by=by,
        at=at.isoformat() if at else None,
        issue=issue,
        plan=plan,
        version=result.version.label if result.version else None,
        rows=m.rows,
        columns=m.columns,
        cells=cells,
        shifts=shifts,
    )


@router.get("/timeline", response_model=Page[TimelineEntryOut], summary="Statements and events in date order")
def timeline(
    request: Request,
    corpus: CorpusDep,
    issue: Annotated[str | None, Query(description="Only this issue.")] = None,
    actor: Annotated[str | None, Query(description="Only this actor (id, name or surname).")] = None,
    limit: Annotated[int, Query(ge=1, le=5000, description="Entries per page.")] = 500,
    offset: Offset = 0,
) -> Page[TimelineEntryOut]:
    entries = negotiation.timeline(corpus, issue=issue, actor=actor)
    rows = [
        TimelineEntryOut(
            date=e.date.isoformat() if e.date else None,
            kind=e.kind,
            detail=e.detail,
            actors=list(e.actors),
            text=e.text,
            issues=list(e.issues),
            document_id=e.document_id,
            planned=e.planned,
            dated_by_document=e.dated_by_document,
        )
        for e in entries[offset : offset + limit + 1]
    ]
    return page(request, rows, limit, offset)
