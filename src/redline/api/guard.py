"""What the API checks before a request reaches a route: the token of a write, the body's size.

FastAPI reads and parses a route's JSON body before it runs the route's dependencies, so with
the token checked only by a dependency a 100 MB POST without a token cost the server 153 MB
before it was refused. This middleware runs first: a write route (one that declares
``WriteAccess``) is refused without the token before a byte of its body is read, and any body
over ``MAX_BODY`` is refused with 413, from its Content-Length or, when there is none
(chunked), as soon as the bytes received pass the limit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fastapi import APIRouter
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from redline.api.deps import check_token, require_token
from redline.api.errors import ApiError, error_response

__all__ = ["MAX_BODY", "RequestGuard", "write_routes"]

MAX_BODY = 64 * 1024  # bytes; a correction is a few hundred, its longest note 2,000 characters

_TOO_LARGE = f"the request body is larger than {MAX_BODY} bytes"
_TOO_LARGE_HINT = "a correction is a small JSON object; shorten the note or the lists"


WriteRoutes = tuple[tuple[re.Pattern[str], frozenset[str]], ...]


def write_routes(routers: Sequence[APIRouter], prefix: str) -> WriteRoutes:
    """(path pattern, methods) of every route that declares the write guard (``WriteAccess``),
    read from the routers when the app is built: the guard needs them before routing runs."""
    found = []
    for router in routers:
        for route in router.routes:
            if isinstance(route, APIRoute) and any(d.dependency is require_token for d in route.dependencies):
                pattern, _, _ = compile_path(prefix + route.path)
                found.append((pattern, frozenset(route.methods or ())))
    return tuple(found)


def _is_write_route(scope: Scope) -> bool:
    routes: WriteRoutes = scope["app"].state.write_routes
    return any(scope["method"] in methods and pattern.match(scope["path"]) for pattern, methods in routes)


class RequestGuard:
    """Pure ASGI (no body buffering): token first for write routes, then the body limit."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if _is_write_route(scope):
            try:
                check_token(scope["app"].state.token, headers.get("authorization"))
            except ApiError as exc:
                response = error_response(exc.status, exc.message, hint=exc.hint, headers=exc.headers)
                await response(scope, receive, send)
                return
        length = headers.get("content-length")
        if length is not None and not length.isdigit():
            await error_response(400, "invalid Content-Length header")(scope, receive, send)
            return
        if length is not None and int(length) > MAX_BODY:
            await error_response(413, _TOO_LARGE, hint=_TOO_LARGE_HINT)(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY:
                    # FastAPI re-raises an HTTPException from body reading; the error handlers
                    # turn it into the one error shape
                    raise StarletteHTTPException(413, _TOO_LARGE)
            return message

        await self.app(scope, limited_receive, send)
