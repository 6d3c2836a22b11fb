"""Where the negotiation analysis gets plans and statements from.

The analysis needs two things: plan versions it can save and read back, and the extracted
statements and events. Both sit behind a Protocol so that the database (redline.store) can
serve them later; until then plain files do: one JSON file per plan version under a plans
directory, and a JSONL file of Extractions in the extraction contract of ARCHITECTURE.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import yaml

from redline.analysis.plan_dicts import version_from_dict, version_to_dict
from redline.analysis.plan_reports import ReconstructedPoint, ReconstructedVersion, ReportedChange
from redline.errors import ConfigError, InputError, NotFoundError, PlanError
from redline.model import Extraction, PlanVersion, Problem

__all__ = [
    "JsonPlanRepository",
    "JsonlStatementSource",
    "PlanRepository",
    "StatementSource",
    "extraction_from_dict",
    "load_parties",
    "reconstruction_from_dict",
    "reconstruction_to_dict",
]


class PlanRepository(Protocol):
    """Plan versions by plan name and version label."""

    def save_version(self, version: PlanVersion) -> None: ...
    def save_reconstruction(self, rec: ReconstructedVersion) -> None: ...
    def get_version(self, plan: str, label: str) -> PlanVersion: ...
    def get_reconstruction(self, plan: str, label: str) -> ReconstructedVersion | None: ...
    def versions(self, plan: str) -> list[PlanVersion]: ...
    def plans(self) -> list[str]: ...


class StatementSource(Protocol):
    """Extractions (statements and events per document) and the party of each actor."""

    def extractions(self) -> Iterator[Extraction | Problem]: ...
    def party_of(self) -> Mapping[str, str]: ...


def _slug(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name.strip()).strip("._") or "_"


def _change_from_dict(d: Mapping[str, Any]) -> ReportedChange:
    return ReportedChange(**{**d, "date": date.fromisoformat(d["date"]) if d.get("date") else None})


def reconstruction_to_dict(rec: ReconstructedVersion) -> dict[str, Any]:
    """The JSON kept beside a reconstructed version (its points are saved as the version's)."""
    return {"base": rec.base_label, "status": rec.status, "entries": [asdict(e) for e in rec.entries]}


def reconstruction_from_dict(version: PlanVersion, rec: Mapping[str, Any]) -> ReconstructedVersion:
    entries = [
        ReconstructedPoint(e["number"], e["text"], e["status"], [_change_from_dict(c) for c in e["evidence"]])
        for e in rec["entries"]
    ]
    return ReconstructedVersion(version, rec["base"], entries, rec["status"])


class JsonPlanRepository:
    """Plan versions as ``DIR/<plan>/<label>.json``; importing a text replaces a reconstruction."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, plan: str, label: str) -> Path:
        return self.root / _slug(plan) / f"{_slug(label)}.json"

    def _write(self, version: PlanVersion, reconstruction: dict[str, Any] | None) -> None:
        path = self._path(version.plan, version.label)
        data = {"version": version_to_dict(version), "reconstruction": reconstruction}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                json.dumps(data, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
            )
        except OSError as exc:
            raise PlanError(f"cannot save the plan version ({exc.strerror})", where=str(path)) from exc

    def _read(self, path: Path) -> dict[str, Any]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise PlanError(f"cannot read the saved plan version ({exc})", where=str(path)) from exc
        if not isinstance(data, dict) or "version" not in data:
            raise PlanError("not a saved plan version", where=str(path), hint="re-import the plan")
        return data

    def save_version(self, version: PlanVersion) -> None:
        self._write(version, None)

    def save_reconstruction(self, rec: ReconstructedVersion) -> None:
        self._write(rec.version, reconstruction_to_dict(rec))

    def get_version(self, plan: str, label: str) -> PlanVersion:
        path = self._path(plan, label)
        if not path.exists():
            known = ", ".join(v.label for v in self.versions(plan)) or "none"
            raise NotFoundError(
                f"no version {label!r} of plan {plan!r}",
                where=str(self.root),
                hint=f"known versions: {known}; import one with `redline plan import`",
            )
        return version_from_dict(self._read(path)["version"], where=str(path))

    def get_reconstruction(self, plan: str, label: str) -> ReconstructedVersion | None:
        path = self._path(plan, label)
        if not path.exists():
            return None
        data = self._read(path)
        rec = data.get("reconstruction")
        if not rec:
            return None
        return reconstruction_from_dict(version_from_dict(data["version"], where=str(path)), rec)

    def versions(self, plan: str) -> list[PlanVersion]:
        folder = self.root / _slug(plan)
        found = [
            version_from_dict(self._read(p)["version"], where=str(p)) for p in sorted(folder.glob("*.json"))
        ]
        return sorted(found, key=lambda v: (v.date or date.min, v.label))

    def plans(self) -> list[str]:
        if not self.root.is_dir():
            return []
        names = set()
        for p in self.root.glob("*/*.json"):
            names.add(str(self._read(p)["version"]["plan"]))
        return sorted(names)


def extraction_from_dict(data: Mapping[str, Any]) -> tuple[Extraction, dict[str, str]]:
    """An Extraction from its contract JSON, and the parties its speakers name (actor id -> party).

    A statement without a date takes its document's, as the store does.
    """
    ex = Extraction.from_dict(data)
    parties: dict[str, str] = {}
    for st in ex.statements:
        st.date = st.date or ex.document.published
        if st.speaker and st.speaker.party:
            parties[st.speaker.actor_id or st.speaker.name] = st.speaker.party
    return ex, parties


class JsonlStatementSource:
    """Extractions from a JSONL file (``redline extract --format jsonl``) plus an optional actors file.

    The actors file is YAML: a list of ``{id, party}`` records (or ``{actors: [...]}``),
    the shape of the knowledge base's actors.
    """

    def __init__(self, path: Path, actors: Path | None = None) -> None:
        self.path = path
        self.actors = actors
        self._parties: dict[str, str] = {}

    def extractions(self) -> Iterator[Extraction | Problem]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError(f"cannot read statements ({exc.strerror})", where=str(self.path)) from exc
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{self.path}:{lineno}"
            try:
                ex, parties = extraction_from_dict(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                yield Problem(
                    where,
                    f"not an extraction record ({exc.__class__.__name__}: {exc})",
                    hint="expected one JSON object per line as `redline extract --format jsonl` writes",
                    kind="json",
                )
                continue
            self._parties.update(parties)
            yield ex

    def party_of(self) -> Mapping[str, str]:
        """Parties named in the statements read so far, overridden by the actors file."""
        parties = dict(self._parties)
        if self.actors is not None:
            parties.update(load_parties(self.actors))
        return parties


def load_parties(path: Path) -> dict[str, str]:
    """Actor id (and name) -> party, from a YAML list of actor records."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the actors file ({exc})", where=str(path)) from exc
    records = data.get("actors", []) if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise ConfigError("expected a list of actors with id and party", where=str(path))
    parties: dict[str, str] = {}
    for rec in records:
        if isinstance(rec, dict) and rec.get("party") and rec.get("id"):
            parties[str(rec["id"])] = str(rec["party"])
            if rec.get("name"):
                parties[str(rec["name"])] = str(rec["party"])
    return parties
