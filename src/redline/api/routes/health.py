"""Health: is the database reachable, what made its records, is its schema up to date."""

from __future__ import annotations

from fastapi import APIRouter, Request

import redline
from redline.api.deps import StoreDep
from redline.api.errors import ERROR_RESPONSES
from redline.api.models import HealthOut
from redline.store.migrations import MIGRATIONS

router = APIRouter(tags=["health"], responses=ERROR_RESPONSES)


@router.get("/health", response_model=HealthOut, summary="Version, extractor versions, counts, migrations")
def health(request: Request, store: StoreDep) -> HealthOut:
    applied = store.migrations()
    return HealthOut(
        status="ok",
        version=redline.__version__,
        database=store.dialect,
        read_only=not request.app.state.token,
        extractors=store.extractor_versions(),
        counts=store.summary(),
        migrations=applied,
        pending_migrations=[name for name, _ in MIGRATIONS if name not in applied],
    )
