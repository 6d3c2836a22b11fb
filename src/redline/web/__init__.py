"""The web dashboard: server-rendered pages where every fact links back to its sentence.

``build_router`` gives the pages as one FastAPI router; ``redline.api.create_app`` mounts it
at ``/`` beside the JSON API, with the app's store, cache and error handler.
"""

from __future__ import annotations

from redline.web.render import Renderer
from redline.web.router import build_router

__all__ = ["Renderer", "build_router"]
