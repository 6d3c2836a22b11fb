"""Loader of the word groups (claim_synonyms.yaml) that claims treat as one concept."""

from __future__ import annotations

from pathlib import Path

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml


def load_claim_synonyms(path: Path | None = None) -> tuple[tuple[str, ...], ...]:
    """The synonym groups at ``path`` (the packaged file by default), lower-cased."""
    path = path or packaged("claim_synonyms.yaml")
    data = read_yaml(path, "claim synonyms")
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and g and all(isinstance(w, str) and w.strip() for w in g) for g in groups
    ):
        raise ConfigError("expected a mapping with 'groups': a list of word lists", where=str(path))
    return tuple(tuple(" ".join(w.lower().split()) for w in g) for g in groups)
