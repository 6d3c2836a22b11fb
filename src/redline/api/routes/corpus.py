"""Documents, actors and claims: the corpus as stored, listed and one by one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from redline.api.deps import Limit, Offset, StoreDep, page
from redline.api.errors import ACTORS_LISTING, ERROR_RESPONSES, found
from redline.api.models import (
    ActorDetail,
    ActorPage,
    ActorRow,
    ClaimPage,
    ClaimRow,
    DocumentDetail,
    DocumentPage,
    DocumentRow,
    StatementRow,
    counted,
)
from redline.store import StatementFilter
from redline.store.queries import MAX_OUTLETS

router = APIRouter(responses=ERROR_RESPONSES)


@router.get("/documents", response_model=DocumentPage, tags=["documents"], summary="List documents")
def list_documents(
    request: Request,
    store: StoreDep,
    outlet: Annotated[str | None, Query(description="The outlet's name, in any case.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> DocumentPage:
    rows = [DocumentRow.model_validate(r) for r in store.documents(limit + 1, outlet, offset=offset)]
    return counted(DocumentPage, page(request, rows, limit, offset), lambda: store.count_documents(outlet))


@router.get(
    "/documents/{document_id}",
    response_model=DocumentDetail,
    tags=["documents"],
    summary="One document: metadata, text and its statements",
)
def get_document(document_id: str, store: StoreDep) -> DocumentDetail:
    doc = found(store.document(document_id), "document", document_id)
    statements = store.statements(
        StatementFilter(document=document_id, limit=None, include_rejected=True, include_duplicates=True)
    )
    statements.sort(key=lambda r: (r["content_start"], r["content_end"]))
    return DocumentDetail.model_validate(
        doc | {"statements": [StatementRow.model_validate(r) for r in statements]}
    )


@router.get(
    "/actors",
    response_model=ActorPage,
    tags=["actors"],
    summary="List the actors the corpus quotes, most quoted first",
)
def list_actors(
    request: Request,
    store: StoreDep,
    everyone: Annotated[
        bool, Query(alias="all", description="Also list the known actors no statement quotes.")
    ] = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ActorPage:
    rows = [ActorRow.model_validate(r) for r in store.actors(limit + 1, offset=offset, everyone=everyone)]
    return counted(
        ActorPage, page(request, rows, limit, offset), lambda: store.count_actors(everyone=everyone)
    )


@router.get(
    "/actors/{actor_id}",
    response_model=ActorDetail,
    tags=["actors"],
    summary="One actor: aliases, party, statements by issue and stance",
)
def get_actor(actor_id: str, store: StoreDep) -> ActorDetail:
    return ActorDetail.model_validate(found(store.actor(actor_id), "actor", actor_id))


@router.get(
    "/claims",
    response_model=ClaimPage,
    tags=["claims"],
    summary="Claims: one statement carried by many reports, with its source counts",
    description="As last grouped by `redline claims` or `redline demo`; most widely carried first.",
)
def list_claims(
    request: Request,
    store: StoreDep,
    actor: Annotated[str | None, Query(description="Actor id, name or alias.")] = None,
    min_outlets: Annotated[
        int,
        Query(ge=1, le=MAX_OUTLETS, description="Only claims at least this many outlets carried."),
    ] = 1,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ClaimPage:
    store.require_actor(actor, ACTORS_LISTING)
    rows = [
        ClaimRow.model_validate(r)
        for r in store.claims(limit + 1, actor, offset=offset, min_outlets=min_outlets)
    ]
    return counted(
        ClaimPage, page(request, rows, limit, offset), lambda: store.count_claims(actor, min_outlets)
    )
