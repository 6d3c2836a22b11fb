"""Statements: the filtered listing, one statement with its source passage, and corrections."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Body, Query, Request

from redline.api.deps import (
    IsoDate,
    Limit,
    Offset,
    RevisionCacheDep,
    StoreDep,
    TaxonomyDep,
    WriteAccess,
    page,
)
from redline.api.errors import (
    ACTORS_LISTING,
    ERROR_RESPONSES,
    WRITE_RESPONSES,
    check_issue,
    field_error,
    found,
)
from redline.api.models import (
    CorrectionIn,
    CorrectionOut,
    StatementDetail,
    StatementPage,
    StatementRow,
    counted,
)
from redline.config import unknown_issue
from redline.corrections import correct
from redline.model import Stance
from redline.store import Correction, StatementFilter, Store
from redline.store.queries import SEARCH_HELP

router = APIRouter(tags=["statements"], responses=ERROR_RESPONSES)


def statement_detail(store: Store, statement_id: str) -> StatementDetail:
    return StatementDetail.model_validate(found(store.statement(statement_id), "statement", statement_id))


@router.get("/statements", response_model=StatementPage, summary="List statements, newest first")
def list_statements(
    request: Request,
    store: StoreDep,
    cache: RevisionCacheDep,
    taxonomy: TaxonomyDep,
    actor: Annotated[str | None, Query(description="Actor id, name or alias.")] = None,
    party: Annotated[
        str | None,
        Query(max_length=200, description="The speaker's party id, e.g. russia ('unaffiliated': of none)."),
    ] = None,
    issue: Annotated[str | None, Query(description="Issue id, e.g. territory.")] = None,
    stance: Stance | None = None,
    since: Annotated[IsoDate | None, Query(description="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[IsoDate | None, Query(description="Up to this date (YYYY-MM-DD).")] = None,
    outlet: Annotated[str | None, Query(description="The outlet's name, in any case.")] = None,
    q: Annotated[str | None, Query(description=SEARCH_HELP)] = None,
    document: Annotated[str | None, Query(description="Only statements of this document id.")] = None,
    include_rejected: bool = False,
    include_duplicates: Annotated[bool, Query(description="Include statements from reprints.")] = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> StatementPage:
    """The items are read per call; ``total`` (a count over every page, tens of milliseconds with
    a filter) is counted once per store revision for every page and client, so during an
    ingest it may be up to two seconds behind the items. A full-text search's total beyond
    ``queries.SEARCH_COUNTED`` hits is estimated (``total_exact`` false), as search engines do."""
    check_issue(issue, taxonomy.ids)
    store.require_actor(actor, ACTORS_LISTING)
    f = StatementFilter(
        actor=actor,
        party=party or None,
        issue=issue,
        stance=stance,
        since=since,
        until=until,
        outlet=outlet,
        search=q,
        document=document,
        limit=limit + 1,
        offset=offset,
        include_rejected=include_rejected,
        include_duplicates=include_duplicates,
    )
    rows = [StatementRow.model_validate(r) for r in store.statements(f)]
    params = ("statements.total", store.url, replace(f, limit=None, offset=0))
    exact = True

    def count() -> tuple[int, bool]:
        return store.count_search(f) if f.search else (store.count_statements(f), True)

    def total() -> int:
        nonlocal exact
        n, exact = cache.latest(params, store.tally_revision(), count)
        return n

    listing = counted(StatementPage, page(request, rows, limit, offset), total)
    return listing if exact else listing.model_copy(update={"total_exact": False})


@router.get(
    "/statements/{statement_id}",
    response_model=StatementDetail,
    summary="One statement with its offsets, source passage and corrections",
)
def get_statement(statement_id: str, store: StoreDep) -> StatementDetail:
    return statement_detail(store, statement_id)


@router.post(
    "/statements/{statement_id}/corrections",
    response_model=CorrectionOut,
    dependencies=[WriteAccess],
    responses=WRITE_RESPONSES,
    summary="Correct a statement (needs the write token)",
    description="Stored as an analyst override, like `redline correct`: it survives `redline reprocess`.",
)
def correct_statement(
    statement_id: str,
    store: StoreDep,
    cache: RevisionCacheDep,
    taxonomy: TaxonomyDep,
    change: Annotated[CorrectionIn, Body()],
    request: Request,
) -> CorrectionOut:
    if (bad := unknown_issue(change.issues or (), taxonomy.ids)) is not None:
        raise field_error(("body", "issues", bad[0]), bad[1])
    oid = correct(
        store,
        statement_id,
        Correction(
            speaker=change.speaker,
            issues=tuple(change.issues) if change.issues is not None else None,
            stance=change.stance,
            issue=change.issue,
            reject=change.reject,
            who=change.who,
            date=change.date,
            undated=change.undated,
            note=change.note,
        ),
        actor_files=request.app.state.actor_files,
    )
    cache.written(store.tally_revision())  # read at once by who wrote it
    return CorrectionOut(override_id=oid, statement=statement_detail(store, statement_id))
