"""Loader of the arbitration table (``arbitration.yaml``): when the stance rules read one side
and the learned side model prefers another, the cases in which the rule's side stands.

The learned models' own floors (``ClassifierWeights.rule_floor``, ``rule_floors``) are set by
the trainer with the weights; this table adds what the weights cannot know about themselves:
how little of a statement's wording they were taught, on which their confidence says little.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml

ARBITRATION_FILE = "arbitration.yaml"
_SIDES = frozenset({"support", "oppose", "conditional"})


@dataclass(frozen=True, slots=True)
class RuleStands:
    """One row of the table: the rule's side stands against the model's when the rule reads one
    of ``stances``, with one of ``tags`` among its evidence (any, when empty), the model knew
    less than ``seen_below`` of the content's words (no limit when None) and preferred its own
    side with less than ``model_below`` (no limit when None). ``note`` is what ``explain`` says."""

    name: str
    note: str
    stances: frozenset[str]
    tags: frozenset[str] = frozenset()
    seen_below: float | None = None
    model_below: float | None = None

    def holds(self, stance: str, tags: Sequence[str], p_model: float, seen: float | None) -> bool:
        if stance not in self.stances or (self.model_below is not None and p_model >= self.model_below):
            return False
        if self.tags and self.tags.isdisjoint(tags):
            return False
        return self.seen_below is None or (seen is not None and seen < self.seen_below)


@dataclass(frozen=True, slots=True)
class Arbitration:
    """The table's rows, first match first (an empty table leaves the weights' floors alone)."""

    rows: tuple[RuleStands, ...] = ()

    def rule_stands(
        self, stance: str, tags: Sequence[str], p_model: float, seen: float | None
    ) -> RuleStands | None:
        """The first row under which the rule's ``stance`` stands against a model that
        preferred another side with probability ``p_model`` and knew ``seen`` of the words."""
        for row in self.rows:
            if row.holds(stance, tags, p_model, seen):
                return row
        return None


def _share(raw: dict[str, Any], key: str, where: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0.0 <= value <= 1.0:
        raise ConfigError(f"{key!r} must be a number from 0 to 1, got {value!r}", where=where)
    return float(value)


def parse_arbitration(raw: Any, where: str = "<arbitration>") -> Arbitration:
    """Validate an already-parsed table."""
    rows = raw.get("rule_stands") if isinstance(raw, dict) else None
    if not isinstance(rows, list):
        raise ConfigError("expected a mapping with a 'rule_stands' list", where=where)
    out = []
    for n, row in enumerate(rows):
        at = f"{where}: rule_stands[{n}]"
        if not isinstance(row, dict) or not all(isinstance(row.get(k), str) for k in ("name", "note")):
            raise ConfigError("each row needs a 'name' and a 'note'", where=at)
        stances = frozenset(row.get("stances") or _SIDES)
        if not all(isinstance(x, str) for x in stances) or not stances <= _SIDES:
            raise ConfigError(f"stances must be among {sorted(_SIDES)}, got {sorted(stances)}", where=at)
        tags = row.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ConfigError("'tags' must be a list of rule tags", where=at)
        out.append(
            RuleStands(
                row["name"],
                " ".join(row["note"].split()),
                stances,
                frozenset(tags),
                _share(row, "seen_below", at),
                _share(row, "model_below", at),
            )
        )
    return Arbitration(tuple(out))


def load_arbitration(path: Path | None = None) -> Arbitration:
    """The table at ``path`` (default: the packaged ``arbitration.yaml``)."""
    if path is None:
        return _packaged()
    return parse_arbitration(read_yaml(path, "arbitration table"), str(path))


@cache
def _packaged() -> Arbitration:
    path = packaged(ARBITRATION_FILE)
    return parse_arbitration(read_yaml(path, "arbitration table"), str(path))


__all__ = ["ARBITRATION_FILE", "Arbitration", "RuleStands", "load_arbitration", "parse_arbitration"]
