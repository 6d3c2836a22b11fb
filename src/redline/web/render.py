"""Turning page data into HTML: one Jinja2 environment per router, autoescaping everything.

Links are built from route names (``request.url_for``) so the pages keep working when the
router is mounted under a prefix or behind a proxy's root path; path values are
percent-encoded here because ids come from the data (a document id may hold any character).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, quote_plus, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from redline.analysis.positions_report import PartyNames, party_names
from redline.knowledge.issues import Taxonomy, load_issues
from redline.memo import Memo
from redline.model import STANCES
from redline.store.actors import actor_kind_name
from redline.store.gc_pause import paused_gc

__all__ = ["ROUTE_PREFIX", "STANCES", "Renderer"]

# Route names are global to an app: the dashboard's carry a prefix so that mounting it next to
# the JSON API (whose endpoints may be called ``statements`` too) cannot send a link elsewhere.
ROUTE_PREFIX = "dashboard."


# The pages run no script and load only their own stylesheet; saying so to the browser means
# that even a mistake in escaping could not run anything an article smuggled in.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


_ERROR_TITLES = {
    400: "Bad request",
    401: "Sign-in needed",
    403: "Not allowed",
    404: "Not found",
    405: "Not allowed",
    413: "Too large",
    422: "Bad request",
    500: "Error",
    503: "Database problem",
}


def issue_label(issue: str | None) -> str:
    """``security_guarantees`` -> ``security guarantees``: ids stay ids, people read words."""
    return (issue or "").replace("_", " ")


def web_url(url: str | None) -> str | None:
    """The URL if it is an http(s) address; anything else (``javascript:``, ``data:``) is never linked."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def short(text: str | None, width: int = 160) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class Renderer:
    """Renders a named template for a request, with ``url()`` and the shared filters available."""

    def __init__(self, taxonomy: Taxonomy | None = None, parties: PartyNames | None = None) -> None:
        """Issues and parties are named by ``taxonomy`` and ``parties``, the app's own (default:
        the packaged ones)."""
        self.env = Environment(
            loader=PackageLoader("redline.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        labels = {i.id: i.label for i in (taxonomy or load_issues()).issues}
        self.env.filters["issue"] = lambda issue: labels.get(issue or "") or issue_label(issue)
        self.parties = parties or party_names()  # the pages' party names, as the filter's
        self.env.filters["party"] = lambda party: self.parties(party) if party else "no party"
        self.env.filters["short"] = short
        self.env.filters["actor_kind"] = actor_kind_name
        self.env.filters["web_url"] = web_url
        self._paths: dict[tuple[str, str, tuple[str, ...]], str] = {}  # see ``url``
        self._quoted: Memo[str, str] = Memo(quote_plus, 50_000)  # see ``_plus``

    def url(
        self, request: Request, route: str, query: Mapping[str, Any] | None = None, /, **params: Any
    ) -> str:
        """Path of the route ``route`` with ``params`` filled in and non-empty ``query`` values appended.

        Finding a route by name is a scan of every route (0.2 ms): a matrix page links a few
        thousand times, so each route's path is found once, with markers for its parameters,
        and filled in per link."""
        names = tuple(sorted(params))
        key = (request.scope.get("root_path", ""), route, names)
        template = self._paths.get(key)
        if template is None:
            marked = {k: f"RLPARAM{i}END" for i, k in enumerate(names)}
            template = self._paths[key] = request.url_for(ROUTE_PREFIX + route, **marked).path
        path = template
        for i, k in enumerate(names):
            path = path.replace(f"RLPARAM{i}END", quote(str(params[k]), safe=""))
        if query:
            kept = [(k, v) for k, v in query.items() if v not in (None, "")]
            if kept:  # as ``urlencode`` writes it; each distinct text quoted once per page
                path += "?" + "&".join(f"{self._plus(k)}={self._plus(v)}" for k, v in kept)
        return path

    def _plus(self, value: Any) -> str:
        """``quote_plus(str(value))``, remembered: an actor's page links a few thousand times
        with a handful of distinct values, and quoting is pure Python."""
        return self._quoted[str(value)]

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        def url(route: str, /, query: Mapping[str, Any] | None = None, **params: Any) -> str:
            return self.url(request, route, query, **params)

        # the collector paused: a page by actor makes ~40,000 small objects and no cycles, and
        # full collections in a heap holding the app's caches were the page's slowest renders
        page = self.env.get_template(template)
        with paused_gc():
            html = page.render(url=url, request=request, stances=STANCES, **context)
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    def not_found(self, request: Request, what: str) -> HTMLResponse:
        return self.page(request, "error.html", 404, title="Not found", message=what)

    def bad_request(self, request: Request, what: str) -> HTMLResponse:
        return self.page(request, "error.html", 400, title="Bad request", message=what)

    def error(self, request: Request, status: int, message: str, hint: str | None = None) -> HTMLResponse:
        """The app's error handler's page (``api.errors.ErrorPage``): its status and message, in words."""
        title = _ERROR_TITLES.get(status, "Error")
        return self.page(request, "error.html", status, title=title, message=message, hint=hint)
