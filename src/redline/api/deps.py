"""What every router shares: the store of this app, the write guard, and pages with a next link."""

from __future__ import annotations

import hmac
import re
from datetime import date
from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param
from pydantic import BaseModel, BeforeValidator, Field

from redline.analysis.positions_report import PartyNames
from redline.api.errors import ApiError, field_error
from redline.api.revision_cache import RevisionCache
from redline.knowledge.issues import Taxonomy
from redline.store import Store

__all__ = [
    "MAX_LIMIT",
    "MAX_OFFSET",
    "IsoDate",
    "Limit",
    "Offset",
    "Page",
    "PartiesDep",
    "RevisionCacheDep",
    "StoreDep",
    "TaxonomyDep",
    "WriteAccess",
    "check_token",
    "get_parties",
    "get_revision_cache",
    "get_store",
    "get_taxonomy",
    "known_parameters",
    "page",
    "require_token",
]

T = TypeVar("T")
MAX_LIMIT = 500
# Far beyond any corpus, far below the 64-bit integers the databases take: a larger offset made
# SQLite overflow (500) and PostgreSQL refuse the query (503) instead of a 422.
MAX_OFFSET = 1_000_000_000

_bearer = HTTPBearer(auto_error=False, description="The token set with REDLINE_API_TOKEN or --token.")


def _query_names(route: object, kept: dict[int, frozenset[str]]) -> frozenset[str]:
    """The query parameters a route takes, its dependencies' included, worked out once per
    route into ``kept`` (the app's own: its routes live as long as it, so their ids stay theirs;
    routes are not hashable)."""
    from fastapi.routing import APIRoute

    if not isinstance(route, APIRoute):
        return frozenset()
    names = kept.get(id(route))
    if names is None:
        found: set[str] = set()
        todo = [route.dependant]
        while todo:
            dependant = todo.pop()
            found.update(p.alias for p in dependant.query_params)
            todo.extend(dependant.dependencies)
        names = kept[id(route)] = frozenset(found)
    return names


def known_parameters(request: Request) -> None:
    """A 422 naming a query parameter the route does not take. FastAPI ignores them, so
    ``/api/v1/statements?party=russia`` or a misspelt ``isue=`` answered every statement,
    unfiltered, as if the filter had been applied."""
    taken = _query_names(request.scope.get("route"), request.app.state.query_names)
    for name in request.query_params:
        if name not in taken:
            takes = ", ".join(sorted(taken)) or "none"
            raise field_error(("query", name), f"this route takes no parameter {name!r} (it takes: {takes})")


def get_store(request: Request) -> Store:
    """The store the lifespan handler opened for this app (one per app, none global)."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def get_revision_cache(request: Request) -> RevisionCache:
    """The app's cache of results per store revision (one per app)."""
    cache: RevisionCache = request.app.state.revision_cache
    return cache


RevisionCacheDep = Annotated[RevisionCache, Depends(get_revision_cache)]


def get_taxonomy(request: Request) -> Taxonomy:
    """The issue taxonomy the app was started with (``--issues``, REDLINE_ISSUES): every page
    and answer names issues and propositions by it, not by the packaged one."""
    taxonomy: Taxonomy = request.app.state.taxonomy
    return taxonomy


TaxonomyDep = Annotated[Taxonomy, Depends(get_taxonomy)]


def get_parties(request: Request) -> PartyNames:
    """The party names of the actor files the app was started with (``--actors``,
    REDLINE_ACTORS): every page and answer names a side as the user's file does."""
    parties: PartyNames = request.app.state.parties
    return parties


PartiesDep = Annotated[PartyNames, Depends(get_parties)]


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (follow `next` instead of counting).")
]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _iso_date(value: object) -> object:
    """Only ``YYYY-MM-DD``: pydantic alone also reads ``0`` or ``1700000000`` as Unix timestamps,
    so ``until=0`` silently meant 1970-01-01 instead of telling the client it is not a date."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def check_token(token: str | None, authorization: str | None) -> None:
    """Refuse a write unless ``authorization`` is ``Bearer <token>``; with no token configured the
    API is read-only. One check for both callers: the dependency (which documents the scheme in
    /openapi.json) and the request guard (which runs it before the body is read)."""
    if not token:
        raise ApiError(
            403,
            "this API is read-only: no write token is configured",
            hint="start it with `redline serve --token ...` or set REDLINE_API_TOKEN to allow corrections",
        )
    scheme, given = get_authorization_scheme_param(authorization)
    if scheme.lower() != "bearer":
        given = ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(
            401,
            "missing or wrong token" if given else "this request needs the write token",
            hint="send the header `Authorization: Bearer <token>`",
            headers={"WWW-Authenticate": "Bearer"},
        )


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Writes need the configured bearer token (see ``check_token``)."""
    given = f"Bearer {credentials.credentials}" if credentials is not None else None
    check_token(request.app.state.token, given)


WriteAccess = Depends(require_token)


class Page(BaseModel, Generic[T]):
    """One page of a listing; follow ``next`` until it is null."""

    items: list[T]
    limit: int = Field(description="Items per page asked for.")
    offset: int = Field(description="Items skipped before this page.")
    next: str | None = Field(description="URL of the next page, or null on the last one.")


def page(request: Request, rows: list[T], limit: int, offset: int) -> Page[T]:
    """A page from ``limit + 1`` fetched rows: the extra row only says that there is a next page."""
    more = len(rows) > limit
    nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit)) if more else None
    return Page[T](items=rows[:limit], limit=limit, offset=offset, next=nxt)
