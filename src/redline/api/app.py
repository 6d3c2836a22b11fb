"""The one redline web application: ``create_app(db_url)`` builds it over one store.

It serves the JSON API at ``/api/v1``, its reference at ``/docs`` and the dashboard's pages at
``/``, with one lifespan (the store), one cache keyed on the store's revision (``RevisionCache``,
shared by API routes and pages through ``Depends``) and one error handler (JSON under the
API's paths, a page elsewhere).

Nothing is global: the store is opened when the app starts (its lifespan) and kept on
``app.state``, so several apps over different databases can live in one process (tests do),
and SQLite and PostgreSQL are served by the same code through ``Store``.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, Depends, FastAPI

import redline
from redline.analysis.positions_report import party_names
from redline.api.deps import known_parameters
from redline.api.docs import mount_docs
from redline.api.errors import install_error_handlers
from redline.api.guard import RequestGuard, write_routes
from redline.api.idle_gc import IdleCollections, IdleGc
from redline.api.revision_cache import RevisionCache
from redline.api.routes import ROUTERS
from redline.api.security_headers import SecurityHeaders
from redline.config import Settings, load_settings
from redline.knowledge.issues import load_issues
from redline.store import Store

__all__ = ["API_PREFIX", "app_from_settings", "create_app"]

API_PREFIX = "/api/v1"

_DESCRIPTION = """Who said what, about which issue, with what stance: the redline corpus over HTTP.

Every statement links back to the document and the character offsets it came from. Reads are
open; corrections need the bearer token the server was started with (without one, the API is
read-only). Every error has the same shape: `{"error": {"status", "code", "message", "hint"}}`.
"""


def create_app(
    db_url: str,
    *,
    token: str | None = None,
    issues: Path | None = None,
    actors: Sequence[Path] = (),
    extra_routers: Sequence[APIRouter] = (),
) -> FastAPI:
    """An app serving the store at ``db_url``; ``token`` (if any) unlocks writes.

    ``issues`` is the taxonomy file (default: the packaged one): corrections may only use its ids.
    ``actors`` are the user's actor files, whose ``parties`` name the sides on every page and answer.

    ``extra_routers`` are mounted as given (no prefix), after the API and before the dashboard:
    the place for other interfaces that share this app and its store (``request.app.state.store``).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store.open(db_url, actors=actors)  # reversals told by the user's places, as extracted
        app.state.store = store
        app.state.idle_gc.start()
        try:
            yield
        finally:
            app.state.idle_gc.stop()
            store.close()

    app = FastAPI(
        title="redline",
        version=redline.__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # replaced by mount_docs: the same page without a CDN
        redoc_url=None,
    )
    app.state.token = token or None
    app.state.db_url = db_url  # never shown to clients (see errors._without_database_url)
    app.state.taxonomy = load_issues(issues)  # one per app: see deps.get_taxonomy
    app.state.parties = party_names(actors)  # one per app, as the taxonomy: see deps.get_parties
    app.state.actor_files = tuple(actors)  # their places group claims after a correction
    app.state.revision_cache = RevisionCache()
    app.state.query_names = {}  # id(route) -> the query parameters it takes (deps.known_parameters)
    app.state.idle_gc = IdleCollections()  # full collections between requests (``idle_gc``)
    app.state.form_secret = secrets.token_bytes(32)  # signs the dashboard's form tokens (web.forms)
    # the guard goes first, so it sits next to the app: its receive is the one routes read from
    # (a BaseHTTPMiddleware in between would wrap its 413 into a task group's error)
    app.state.write_routes = write_routes(ROUTERS, API_PREFIX)
    app.add_middleware(RequestGuard)
    app.add_middleware(IdleGc, schedule=app.state.idle_gc)
    # imported here, not at the top: the pages take this package's dependencies (deps.py), so
    # importing redline.web first must not come back into a half-imported redline.api
    from redline.web import Renderer, build_router

    pages = Renderer(app.state.taxonomy, app.state.parties)
    install_error_handlers(app, page=pages.error, json_paths=("/api", "/docs", "/openapi.json"))
    app.add_middleware(SecurityHeaders)  # last added, outermost: refusals get the headers too
    for router in ROUTERS:
        app.include_router(router, prefix=API_PREFIX, dependencies=[Depends(known_parameters)])
    mount_docs(app)
    for router in extra_routers:
        app.include_router(router)
    app.include_router(build_router(pages))  # last: its "/" and "/{...:path}" routes match widely
    return app


def app_from_settings(settings: Settings | None = None) -> FastAPI:
    """The app for ``Settings`` (default: REDLINE_DB, REDLINE_API_TOKEN): ``uvicorn --factory`` target."""
    settings = settings or load_settings()
    return create_app(settings.db, token=settings.api_token, issues=settings.issues, actors=settings.actors)
