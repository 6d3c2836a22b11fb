"""The JSON shape of a plan version, as it is saved, shown and listed, and back.

The store, ``plan show -f json``, the API and the JSON plan files hold a version in one shape;
this module writes it and reads it back (strictly: a record that is no saved version says so).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from redline.analysis.plan_records import apply_meta, point_from_record
from redline.errors import PlanError
from redline.model import PlanVersion, Point

__all__ = ["point_to_dict", "version_from_dict", "version_summary", "version_to_dict"]


def _version_head(version: PlanVersion) -> dict[str, Any]:
    """What says which version this is: the fields a listing and a full version share."""
    return {
        "plan": version.plan,
        "label": version.label,
        "date": version.date.isoformat() if version.date else None,
        "source": version.source,
        "reported": version.reported,
        "author": version.author,
        "kind": version.kind,
        "based_on": version.based_on,
    }


def version_summary(version: PlanVersion) -> dict[str, Any]:
    """A version without its points, as `plan list -f json` and ``/api/v1/plans`` list it."""
    return {**_version_head(version), "points": len(version.points)}


def version_to_dict(version: PlanVersion) -> dict[str, Any]:
    """The JSON shape of a plan version (what the JSON plan files and ``plan show`` hold)."""
    return {
        **_version_head(version),
        "source_urls": list(version.source_urls),
        "points": [point_to_dict(p) for p in version.points],
    }


def point_to_dict(p: Point) -> dict[str, Any]:
    """The JSON shape of one point; the status fields only when they say something."""
    out: dict[str, Any] = {
        "number": p.number,
        "text": p.text if p.text_status != "unknown" else None,
        "heading": p.heading,
        "issues": list(p.issues),
        "pax_codes": list(p.pax_codes),
        "text_status": p.text_status,
    }
    if p.agreement:
        out["agreement"] = p.agreement
    if p.disputed_by:
        out["disputed_by"] = list(p.disputed_by)
    if p.lang:
        out["lang"] = p.lang
    if p.gloss:
        out["gloss"] = p.gloss
    return out


def version_from_dict(data: Mapping[str, Any], where: str = "<json>") -> PlanVersion:
    """Inverse of ``version_to_dict``."""
    try:
        raw_date = data.get("date")
        found = [point_from_record(p, i, f"{where}:points[{i}]") for i, p in enumerate(data["points"])]
        version = PlanVersion(
            plan=str(data["plan"]),
            label=str(data["label"]),
            date=date.fromisoformat(raw_date) if raw_date else None,
            source=data.get("source"),
            points=[p for p in found if p is not None],
            reported=bool(data.get("reported")),
        )
        return apply_meta(version, data, where)
    except (KeyError, TypeError, ValueError) as exc:
        raise PlanError(f"not a saved plan version ({exc})", where=where) from exc
