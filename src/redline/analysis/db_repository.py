"""The negotiation's plans and statements served by the corpus database (redline.store).

The analysis asks for plans and extractions through the Protocols of
``redline.analysis.repository``; these implementations answer from a ``Store``, so the same
database that ``redline ingest`` fills is what ``positions``, ``timeline`` and ``plan``
read. The dependency points one way: analysis imports store, never the reverse.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from redline.analysis.plan_reports import ReconstructedVersion
from redline.analysis.repository import reconstruction_from_dict, reconstruction_to_dict
from redline.errors import NotFoundError
from redline.model import Extraction, PlanVersion, Problem
from redline.store import Store

__all__ = ["SqlPlanRepository", "SqlStatementSource"]


class SqlPlanRepository:
    """Plan versions in the store's ``plan_version``/``plan_point`` tables."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def save_version(self, version: PlanVersion) -> None:
        """Save an imported text; it replaces a reconstruction saved under the same label."""
        self.store.save_plan_version(version)

    def save_reconstruction(self, rec: ReconstructedVersion) -> None:
        self.store.save_plan_version(rec.version, reconstruction_to_dict(rec))

    def get_version(self, plan: str, label: str) -> PlanVersion:
        found = self.store.plan_version(plan, label)
        if found is None:
            known = ", ".join(v.label for v in self.versions(plan)) or "none"
            raise NotFoundError(
                f"no version {label!r} of plan {plan!r}",
                where=self.store.url,
                hint=f"known versions: {known}; import one with `redline plan import`",
            )
        return found[0]

    def get_reconstruction(self, plan: str, label: str) -> ReconstructedVersion | None:
        found = self.store.plan_version(plan, label)
        if found is None or found[1] is None:
            return None
        return reconstruction_from_dict(found[0], found[1])

    def versions(self, plan: str) -> list[PlanVersion]:
        return self.store.plan_versions(plan)

    def plans(self) -> list[str]:
        return self.store.plan_names()


class SqlStatementSource:
    """Stored documents with their countable statements and events; parties from the actor table."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def extractions(self) -> Iterator[Extraction | Problem]:
        yield from self.store.iter_extractions()

    def party_of(self) -> Mapping[str, str]:
        return self.store.parties()
