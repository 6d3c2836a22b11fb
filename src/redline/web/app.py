"""A stand-alone dashboard app: the store opened for the app's lifetime, the pages mounted.

The JSON API's app mounts the same router; this one exists so the dashboard can be served
(``redline dashboard``) and tested on its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from redline.errors import NotFoundError, RedlineError, StoreError
from redline.store import Store
from redline.web.render import Renderer
from redline.web.router import build_router

__all__ = ["create_dashboard_app"]


def create_dashboard_app(db_url: str) -> FastAPI:
    """The dashboard over the database at ``db_url`` (opened at startup, closed at shutdown)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = Store.open(db_url)
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(
        title="redline dashboard", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None
    )
    errors = Renderer()

    def get_store() -> Store:
        return cast(Store, app.state.store)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return errors.not_found(request, f"Nothing at {request.url.path}.")
        return errors.page(request, "error.html", exc.status_code, title="Error", message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_query(request: Request, exc: RequestValidationError) -> HTMLResponse:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
        return errors.bad_request(request, problems)

    @app.exception_handler(RedlineError)
    async def redline_error(request: Request, exc: RedlineError) -> HTMLResponse:
        if isinstance(exc, NotFoundError):
            return errors.not_found(request, exc.render())
        status, title = (503, "Database problem") if isinstance(exc, StoreError) else (500, "Error")
        return errors.page(request, "error.html", status, title=title, message=exc.render())

    app.include_router(build_router(get_store))
    return app
