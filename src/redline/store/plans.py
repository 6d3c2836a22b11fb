"""Plan versions in the database: a version row, its points in order, an optional reconstruction.

The store knows plans only as ``model.PlanVersion`` plus an opaque JSON document for a
reconstruction (what the analysis layer makes of it is its own business), so the store never
imports the analysis. Saving a version replaces it whole, in one transaction.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from redline.model import PlanVersion, Point
from redline.store._sql import insert_ignore, insert_rows
from redline.store.schema import plan, plan_point, plan_version


def save(conn: Connection, version: PlanVersion, reconstruction: dict[str, Any] | None) -> None:
    """Insert or replace ``version`` (and its points); ``reconstruction`` None for an imported text."""
    insert_ignore(conn, plan, [{"name": version.plan}], ["name"])
    key = (plan_version.c.plan == version.plan) & (plan_version.c.label == version.label)
    conn.execute(
        delete(plan_point).where((plan_point.c.plan == version.plan) & (plan_point.c.label == version.label))
    )
    conn.execute(delete(plan_version).where(key))
    conn.execute(
        plan_version.insert().values(
            plan=version.plan,
            label=version.label,
            date=version.date,
            source=version.source,
            reported=bool(version.reported),
            reconstruction=json.dumps(reconstruction, ensure_ascii=False, default=str)
            if reconstruction is not None
            else None,
            saved_at=datetime.now(UTC),
            meta=json.dumps(
                {
                    "author": version.author,
                    "kind": version.kind,
                    "based_on": version.based_on,
                    "source_urls": list(version.source_urls),
                },
                ensure_ascii=False,
            ),
        )
    )
    insert_rows(
        conn,
        plan_point,
        [
            {
                "plan": version.plan,
                "label": version.label,
                "position": k,
                "number": p.number,
                "heading": p.heading,
                "text": p.text,
                "issues": json.dumps(list(p.issues)),
                "pax_codes": json.dumps(list(p.pax_codes)),
                "meta": json.dumps(
                    {
                        "text_status": p.text_status,
                        "agreement": p.agreement,
                        "disputed_by": list(p.disputed_by),
                        "lang": p.lang,
                        "gloss": p.gloss,
                    },
                    ensure_ascii=False,
                ),
            }
            for k, p in enumerate(version.points)
        ],
    )


def _points(conn: Connection, name: str, label: str) -> list[Point]:
    rows = conn.execute(
        select(plan_point)
        .where((plan_point.c.plan == name) & (plan_point.c.label == label))
        .order_by(plan_point.c.position)
    )
    out = []
    for r in rows:
        meta = json.loads(r.meta) if r.meta else {}
        out.append(
            Point(
                r.number,
                r.text,
                r.heading,
                list(json.loads(r.issues)),
                list(json.loads(r.pax_codes)),
                text_status=meta.get("text_status") or "known",
                agreement=meta.get("agreement"),
                disputed_by=list(meta.get("disputed_by") or []),
                lang=meta.get("lang"),
                gloss=meta.get("gloss"),
            )
        )
    return out


def load(conn: Connection, name: str, label: str) -> tuple[PlanVersion, dict[str, Any] | None] | None:
    """The saved version and its reconstruction JSON (None for an imported text), or None."""
    row = conn.execute(
        select(plan_version).where((plan_version.c.plan == name) & (plan_version.c.label == label))
    ).first()
    if row is None:
        return None
    meta = json.loads(row.meta) if row.meta else {}
    version = PlanVersion(
        row.plan,
        row.label,
        row.date,
        row.source,
        _points(conn, name, label),
        bool(row.reported),
        author=meta.get("author"),
        kind=meta.get("kind") or "draft",
        based_on=meta.get("based_on"),
        source_urls=list(meta.get("source_urls") or []),
    )
    rec = json.loads(row.reconstruction) if row.reconstruction else None
    return version, rec


def versions(conn: Connection, name: str) -> list[PlanVersion]:
    """Every version of plan ``name``, by date then label."""
    labels = [r[0] for r in conn.execute(select(plan_version.c.label).where(plan_version.c.plan == name))]
    found = [v for label in labels if (hit := load(conn, name, label)) for v in (hit[0],)]
    return sorted(found, key=lambda v: (v.date or datetime.min.date(), v.label))


def names(conn: Connection) -> list[str]:
    """Plans that have at least one version."""
    return sorted({r[0] for r in conn.execute(select(plan_version.c.plan).distinct())})
