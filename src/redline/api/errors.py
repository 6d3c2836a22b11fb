"""One error handler for the whole app: the JSON error shape for the API, a page for people.

Whatever goes wrong (a record that does not exist, a query parameter that does not parse, a
route that is not there, a write without the token, a database that cannot be read) an API
client gets ``{"error": {"status", "code", "message", "hint"}}`` with the matching HTTP
status, so a client needs one error handler, not one per cause. The dashboard's routes share
the app: the same handlers decide status and message once, and a request outside the API's
paths gets them as an HTML page (``ErrorPage``) instead of JSON.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from redline.config import unknown_issue
from redline.errors import (
    ConfigError,
    InputError,
    NotFoundError,
    PlanError,
    RedlineError,
    StoreError,
)

__all__ = [
    "ERROR_RESPONSES",
    "WRITE_RESPONSES",
    "ApiError",
    "ErrorBody",
    "ErrorDetail",
    "ErrorPage",
    "check_issue",
    "error_response",
    "field_error",
    "found",
    "install_error_handlers",
]

# RedlineError subclass -> (HTTP status, code); the first match in this order wins
_REDLINE_STATUS: tuple[tuple[type[RedlineError], int, str], ...] = (
    (NotFoundError, 404, "not_found"),
    (ConfigError, 400, "bad_request"),
    (PlanError, 400, "bad_request"),
    (InputError, 400, "bad_request"),
    (StoreError, 503, "store_unavailable"),
)
_log = logging.getLogger("redline.api")
_HTTP_CODES = {
    400: "bad_request",
    413: "too_large",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "validation_error",
    500: "internal_error",
    503: "store_unavailable",
}


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status, repeated for clients that only see the body.")
    code: str = Field(description="Stable machine-readable cause, e.g. not_found, validation_error.")
    message: str = Field(description="What went wrong, for a person.")
    hint: str | None = Field(default=None, description="What to do about it, when known.")
    details: list[dict[str, Any]] | None = Field(
        default=None, description="Per-parameter problems of a validation error (location, message)."
    )


class ErrorBody(BaseModel):
    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (400, "Invalid value"),
        (404, "Not found"),
        (422, "Invalid parameters"),
        (503, "Database unavailable"),
    )
}

# What a write route adds (the token guard and the body limit), so /openapi.json tells clients.
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (401, "Missing or wrong bearer token"),
        (403, "The API is read-only (no write token configured)"),
        (413, "Request body too large"),
    )
}


def field_error(location: tuple[str | int, ...], message: str) -> RequestValidationError:
    """A 422 about one field that only the app can check (e.g. against the taxonomy), reported
    like pydantic's own validation errors so that clients see one shape naming the field."""
    return RequestValidationError([{"loc": location, "msg": message, "type": "value_error"}])


# where an actor filter that names no actor sends the client (``Store.require_actor``: a 404)
ACTORS_LISTING = "/api/v1/actors?all=true"


def check_issue(issue: str | None, known: Sequence[str]) -> None:
    """The 422 naming ``issue`` when the taxonomy lacks it, in the words `--issue` gets from the
    command: a typo'd issue filter answered an empty page, as if nobody had spoken of it."""
    if issue is not None and (bad := unknown_issue([issue], known)) is not None:
        raise field_error(("query", "issue"), bad[1])


_T = TypeVar("_T")


def found(record: _T | None, kind: str, record_id: str) -> _T:
    """``record``, or the 404 every by-id route gives: one wording, and a hint naming the
    listing (``/api/v1/{kind}s``) where the valid ids are."""
    if record is None:
        raise NotFoundError(f"no {kind} {record_id!r}", hint=f"list ids at /api/v1/{kind}s")
    return record


class ApiError(Exception):
    """An HTTP-level refusal (authentication, permissions) with the error shape's fields."""

    def __init__(
        self, status: int, message: str, *, hint: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.hint = hint
        self.headers = headers


def error_response(
    status: int,
    message: str,
    *,
    code: str | None = None,
    hint: str | None = None,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    detail = ErrorDetail(
        status=status,
        code=code or _HTTP_CODES.get(status, "error"),
        message=message,
        hint=hint,
        details=details,
    )
    return JSONResponse(
        ErrorBody(error=detail).model_dump(exclude_none=True), status_code=status, headers=headers
    )


def _without_database_url(request: Request, text: str | None) -> str | None:
    """``text`` with the app's database URL replaced: errors raised for the command line name the
    database they read (``where``), but a PostgreSQL URL holds the user, host and maybe the
    password, which are no business of an API client."""
    if text is None:
        return None
    store = getattr(request.app.state, "store", None)
    for url in (getattr(store, "url", None), getattr(request.app.state, "db_url", None)):
        if url:
            text = text.replace(url, "the database")
    return text


# what an API client can do, for the library's hints that are written for the command line
_HTTP_HINTS = {
    "not_found": "the list routes under /api/v1 (statements, documents, actors, plans) give valid ids",
    "bad_request": "see /docs for the parameters and what they accept",
}
# a plan, version or lineage not found: the command line points at `redline plan list`
_PLANS_HINT = (
    "/api/v1/plans lists each plan's versions with their authors (a lineage is an author or a label)"
)
_CLI_WORDS = re.compile(r"`redline |(?<![\w-])--[a-z]")


def _http_hint(code: str, hint: str | None) -> str | None:
    """The hint as HTTP speaks it: one that names a command or a flag is replaced by the
    route-level advice for its status, since an API client has neither."""
    if hint is None or not _CLI_WORDS.search(hint):
        return hint
    if code == "not_found" and "`redline plan" in hint:
        return _PLANS_HINT
    return _HTTP_HINTS.get(code, "see /docs")


def _redline(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RedlineError)
    status, code = 500, "internal_error"
    for cls, s, c in _REDLINE_STATUS:
        if isinstance(exc, cls):
            status, code = s, c
            break
    if isinstance(exc, StoreError):
        # the driver's text names tables and SQL: it goes to the server log, not to clients
        _log.error("database error: %s", exc.render())
        message = f"the database could not answer ({exc.message.split(':', 1)[0]})"
        return error_response(
            status, message, code=code, hint="try again; if it persists, see the server log"
        )
    where = _without_database_url(request, exc.where)
    # "the database: no version ..." says nothing: the where is dropped when it was the URL
    message = f"{where}: {exc.message}" if where and where != "the database" else exc.message
    return error_response(
        status,
        _without_database_url(request, message) or message,
        code=code,
        hint=_http_hint(code, _without_database_url(request, exc.hint)),
    )


def _api(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, hint=exc.hint, headers=exc.headers)


def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [
        {"location": ".".join(str(p) for p in err.get("loc", ())), "message": err.get("msg", "")}
        for err in exc.errors()
    ]
    summary = "; ".join(f"{d['location']}: {d['message']}" for d in details)
    return error_response(
        422,
        f"invalid request: {summary}",
        hint="see /docs for the parameters and their types",
        details=details,
    )


def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    hint = None
    if exc.status_code == 404:
        message = f"no route {request.url.path}"
        hint = "the routes are listed at /docs (and /openapi.json)"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    else:
        message = str(exc.detail)
    return error_response(exc.status_code, message, hint=hint, headers=getattr(exc, "headers", None))


def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    return error_response(
        500,
        f"unexpected error: {exc.__class__.__name__}",
        hint="this is a bug in redline; please report it with the request that caused it",
    )


async def _refuse_nul(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """A NUL (``%00``) in a path or query value is a client error on both databases: SQLite
    matched nothing while PostgreSQL refused the query and the client got 503 "try again"."""
    if "\x00" in request.url.path or any(
        "\x00" in k or "\x00" in v for k, v in request.query_params.multi_items()
    ):
        return error_response(
            422,
            "invalid request: a NUL character (%00) in the path or a query parameter",
            hint="remove the NUL character; ids and filters never contain one",
        )
    return await call_next(request)


# (request, status, message, hint) -> the page telling a person what went wrong
ErrorPage = Callable[[Request, int, str, str | None], Response]
Handler = Callable[[Request, Exception], JSONResponse]


def _is_api(path: str, prefixes: Sequence[str]) -> bool:
    return any(path == p or path.startswith(p.rstrip("/") + "/") for p in prefixes)


def install_error_handlers(
    app: FastAPI, *, page: ErrorPage | None = None, json_paths: Sequence[str] = ("/",)
) -> None:
    """Route every failure through the one error shape: JSON under ``json_paths``, and, given a
    ``page``, the same status and message as a page everywhere else."""

    def by_route(request: Request, response: JSONResponse) -> Response:
        if page is None or _is_api(request.url.path, json_paths):
            return response
        detail = json.loads(bytes(response.body))["error"]
        html = page(request, response.status_code, detail["message"], detail.get("hint"))
        for name in ("WWW-Authenticate",):
            if name in response.headers:
                html.headers[name] = response.headers[name]
        return html

    def wrap(handler: Handler) -> Callable[[Request, Exception], Response]:
        return lambda request, exc: by_route(request, handler(request, exc))

    async def refuse_nul(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await _refuse_nul(request, call_next)
        return by_route(request, response) if isinstance(response, JSONResponse) else response

    app.middleware("http")(refuse_nul)
    app.add_exception_handler(RedlineError, wrap(_redline))
    app.add_exception_handler(ApiError, wrap(_api))
    app.add_exception_handler(RequestValidationError, wrap(_validation))
    app.add_exception_handler(StarletteHTTPException, wrap(_http))
    app.add_exception_handler(Exception, wrap(_unexpected))
