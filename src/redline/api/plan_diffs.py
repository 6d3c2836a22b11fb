"""The diff of two plan versions, computed once per pair of version texts.

Aligning two versions weighs every point of one against the points of the other (0.3-0.5 s
for the 28- and 19-point drafts) and depends on nothing but the two versions: not on the
statements, which move the store's revision on every write. So the diff is kept by the
versions' full contents: the same pair gives the same diff until a version is saved anew,
and an ingest never makes the plan page or the diff route compute it again.
"""

from __future__ import annotations

from typing import Any

from redline.analysis import negotiation
from redline.analysis.diff_render import diff_to_dict
from redline.analysis.repository import PlanRepository
from redline.api.revision_cache import RevisionCache

__all__ = ["plan_diff"]


def plan_diff(
    cache: RevisionCache, repo: PlanRepository, plan: str, old: str | None, new: str
) -> dict[str, Any]:
    """``diff_to_dict(negotiation.diff_plan(...))``, kept per pair of versions as they are stored
    (unknown plans and versions raise as ``diff_plan`` does). The dict is shared: do not change it."""
    newer = repo.get_version(plan, new)
    base = old if old is not None else newer.based_on
    older = repo.get_version(plan, base) if base is not None else None
    key = ("plan.diff", plan, old, new, repr(older), repr(newer))
    return cache.latest(key, 0, lambda: diff_to_dict(negotiation.diff_plan(repo, plan, old, new)))
