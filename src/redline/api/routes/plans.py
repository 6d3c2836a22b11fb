"""Plans: their versions, the points of one version, and the diff between two."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from redline.analysis.db_repository import SqlPlanRepository
from redline.analysis.plan_dicts import version_summary
from redline.analysis.plan_reports import version_detail
from redline.api.deps import RevisionCacheDep, StoreDep
from redline.api.errors import ERROR_RESPONSES
from redline.api.models import PlanDiffOut, PlanOut, VersionDetail, VersionSummary
from redline.api.plan_diffs import plan_diff
from redline.errors import NotFoundError
from redline.model import PlanVersion

router = APIRouter(tags=["plans"], responses=ERROR_RESPONSES)


def _summary(v: PlanVersion) -> VersionSummary:
    return VersionSummary(**version_summary(v))


def _versions(repo: SqlPlanRepository, plan: str) -> list[PlanVersion]:
    found = repo.versions(plan)
    if not found:
        raise NotFoundError(
            f"no plan {plan!r}",
            hint=f"plans: {', '.join(repo.plans()) or 'none'}; import one with `redline plan import`",
        )
    return found


@router.get("/plans", response_model=list[PlanOut], summary="Plans and their versions")
def list_plans(store: StoreDep) -> list[PlanOut]:
    repo = SqlPlanRepository(store)
    return [PlanOut(name=name, versions=[_summary(v) for v in repo.versions(name)]) for name in repo.plans()]


@router.get(
    "/plans/{plan}/versions",
    response_model=list[VersionSummary],
    summary="Versions of a plan, by date",
)
def list_versions(plan: str, store: StoreDep) -> list[VersionSummary]:
    return [_summary(v) for v in _versions(SqlPlanRepository(store), plan)]


@router.get(
    "/plans/{plan}/versions/{label}",
    response_model=VersionDetail,
    summary="The points of one version; a reconstruction with each point's reported status",
)
def get_version(plan: str, label: str, store: StoreDep) -> VersionDetail:
    repo = SqlPlanRepository(store)
    version = repo.get_version(plan, label)
    data = version_detail(version, repo.get_reconstruction(plan, label))
    return VersionDetail.model_validate(data)


@router.get(
    "/plans/{plan}/diff",
    response_model=PlanDiffOut,
    summary="Align two versions point by point: kept, modified, added, removed, merged, split",
)
def diff_versions(
    plan: str,
    store: StoreDep,
    cache: RevisionCacheDep,
    new: Annotated[str, Query(alias="to", description="Label of the newer version.")],
    old: Annotated[
        str | None,
        Query(
            alias="from", description="Label of the older version (default: the version `to` is based on)."
        ),
    ] = None,
) -> PlanDiffOut:
    return PlanDiffOut.model_validate(plan_diff(cache, SqlPlanRepository(store), plan, old, new))
