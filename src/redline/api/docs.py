"""The interactive API reference at /docs, served from the package: no CDN, works offline.

FastAPI's default page loads Swagger UI from a CDN, which leaks every visit of an analyst's
browser to a third party and fails on an air-gapped machine; the same assets ship in the
``swagger-ui-bundle-v2`` wheel, so the app serves them itself.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["ASSETS_URL", "DOCS_URL", "docs_csp", "mount_docs"]

DOCS_URL = "/docs"
ASSETS_URL = "/docs/assets"

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def docs_csp(html: str) -> str:
    """A policy for the page: scripts only from this server plus the page's own inline start-up
    script (allowed by its hash, so no other inline script can run), nothing from elsewhere.
    Swagger UI sets inline styles and uses data: images for its icons."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(m.encode()).digest()).decode() + "'"
        for m in _INLINE_SCRIPT.findall(html)
    )
    return (
        f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


def mount_docs(app: FastAPI) -> None:
    """Add /docs (Swagger UI over /openapi.json) with its scripts and styles served locally."""
    from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

    app.mount(ASSETS_URL, StaticFiles(directory=Path(str(swagger_ui_path))), name="docs-assets")

    @app.get(DOCS_URL, include_in_schema=False)
    def docs() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url="data:,",
        )
        page.headers["Content-Security-Policy"] = docs_csp(bytes(page.body).decode())
        return page
