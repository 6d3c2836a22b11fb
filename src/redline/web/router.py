"""The dashboard router: HTML pages plus the stylesheet they use, all served from the package.

The pages are plain route functions taking the app's store and corpus cache through
``Depends``, as the API's routes do: the app that mounts the router (``api.app.create_app``)
owns the store, the cache and the error handling for both.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter, Request
from fastapi.responses import Response

from redline.web.analysis_pages import add_analysis_pages
from redline.web.corpus_pages import add_corpus_pages
from redline.web.correction_pages import add_correction_pages
from redline.web.render import Renderer

__all__ = ["build_router"]

_MEDIA = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}


def build_router(renderer: Renderer | None = None) -> APIRouter:
    """All dashboard pages (``/``, ``/statements``, ``/positions``, ``/plans``, ...) as HTML."""
    router = APIRouter(include_in_schema=False)
    renderer = renderer or Renderer()
    static = files("redline.web") / "static"
    assets = {p.name: p for p in static.iterdir() if p.is_file() and p.name[p.name.rfind(".") :] in _MEDIA}

    @router.get("/static/{name}", name="dashboard.static")
    def asset(request: Request, name: str) -> Response:
        path = assets.get(name)
        if path is None:
            return renderer.not_found(request, f"No file {name!r}.")
        media = _MEDIA[name[name.rfind(".") :]]
        return Response(path.read_bytes(), media_type=media, headers={"Cache-Control": "max-age=3600"})

    add_corpus_pages(router, renderer)
    add_analysis_pages(router, renderer)
    add_correction_pages(router, renderer)
    return router
