"""Headers that tell browsers what an API response may do: nothing but be read.

Every response gets ``X-Content-Type-Options: nosniff`` (a JSON body holding article text is
never guessed into HTML or script) and, unless its route set its own, a Content-Security-Policy
that allows nothing at all: JSON needs no scripts, styles or frames. Routes that serve pages set
theirs (/docs with the self-hosted Swagger UI, the dashboard with its stylesheet) and keep it.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["DEFAULT_CSP", "SecurityHeaders"]

DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


class SecurityHeaders:
    """Pure ASGI: adds the headers to the response start, whatever produced the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Content-Security-Policy", DEFAULT_CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)
