"""The API's routers, one module per area; ``ROUTERS`` is what the app mounts under /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from redline.api.routes import analysis, corpus, health, plans, statements

ROUTERS: tuple[APIRouter, ...] = (
    statements.router,
    corpus.router,
    plans.router,
    analysis.router,
    health.router,
)

__all__ = ["ROUTERS"]
