"""Loader of the change-verb lexicon (plan_changes.yaml) used to recognise reported changes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from redline.errors import ConfigError
from redline.knowledge import packaged

CHANGE_TYPES = ("removed", "added", "modified")


@dataclass(frozen=True, slots=True)
class ChangeLexicon:
    """Verb forms by the change they report: removed, added or modified."""

    verbs: dict[str, tuple[str, ...]]

    def change_of(self, form: str) -> str | None:
        form = " ".join(form.lower().split())
        for change, forms in self.verbs.items():
            if form in forms:
                return change
        return None


def load_change_lexicon(path: Path | None = None) -> ChangeLexicon:
    """Read and check the lexicon at ``path`` (the packaged one by default)."""
    path = path or packaged("plan_changes.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the change-verb lexicon ({exc})", where=str(path)) from exc
    if not isinstance(data, dict) or set(data) - set(CHANGE_TYPES):
        raise ConfigError(f"expected a mapping with keys {', '.join(CHANGE_TYPES)}", where=str(path))
    verbs: dict[str, tuple[str, ...]] = {}
    for change, forms in data.items():
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise ConfigError(f"{change}: expected a list of verb forms", where=str(path))
        verbs[change] = tuple(" ".join(f.lower().split()) for f in forms)
    return ChangeLexicon(verbs)
