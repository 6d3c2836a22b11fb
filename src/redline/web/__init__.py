"""The web dashboard: server-rendered pages where every fact links back to its sentence.

``build_router`` gives the pages as one FastAPI router (mounted by the JSON API's app or by
``create_dashboard_app``); it takes a callable for the store so that whoever owns the app
owns the store's lifetime.
"""

from __future__ import annotations

from redline.web.router import build_router

__all__ = ["build_router"]
