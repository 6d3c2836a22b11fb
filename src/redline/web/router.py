"""The dashboard router: HTML pages plus the stylesheet they use, all served from the package."""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files

from fastapi import APIRouter, Request
from fastapi.responses import Response

from redline.store import Store
from redline.web.analysis_pages import add_analysis_pages
from redline.web.cache import RevisionCache
from redline.web.corpus_pages import add_corpus_pages
from redline.web.render import Renderer

__all__ = ["build_router"]

_MEDIA = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}


def build_router(get_store: Callable[[], Store]) -> APIRouter:
    """All dashboard pages (``/``, ``/statements``, ``/positions``, ``/plans``, ...) as HTML."""
    router = APIRouter(include_in_schema=False)
    renderer = Renderer()
    static = files("redline.web") / "static"
    assets = {p.name: p for p in static.iterdir() if p.is_file() and p.name[p.name.rfind(".") :] in _MEDIA}

    @router.get("/static/{name}", name="dashboard.static")
    def asset(request: Request, name: str) -> Response:
        path = assets.get(name)
        if path is None:
            return renderer.not_found(request, f"No file {name!r}.")
        media = _MEDIA[name[name.rfind(".") :]]
        return Response(path.read_bytes(), media_type=media, headers={"Cache-Control": "max-age=3600"})

    cache = RevisionCache()
    add_corpus_pages(router, get_store, renderer, cache)
    add_analysis_pages(router, get_store, renderer, cache)
    return router
