"""The interactive API reference at /docs, served from the package: no CDN, works offline.

FastAPI's default page loads Swagger UI from a CDN, which leaks every visit of an analyst's
browser to a third party and fails on an air-gapped machine; the same assets ship in the
``swagger-ui-bundle-v2`` wheel, so the app serves them itself.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["ASSETS_URL", "DOCS_URL", "mount_docs"]

DOCS_URL = "/docs"
ASSETS_URL = "/docs/assets"


def mount_docs(app: FastAPI) -> None:
    """Add /docs (Swagger UI over /openapi.json) with its scripts and styles served locally."""
    from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

    app.mount(ASSETS_URL, StaticFiles(directory=Path(str(swagger_ui_path))), name="docs-assets")

    @app.get(DOCS_URL, include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url="data:,",
        )
