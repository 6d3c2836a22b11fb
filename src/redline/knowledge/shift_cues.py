"""Loader of the explicit-reversal cues (shift_cues.yaml) that let one statement make a shift."""

from __future__ import annotations

from pathlib import Path

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml


def load_reversal_cues(path: Path | None = None) -> tuple[str, ...]:
    """The reversal phrases at ``path`` (the packaged list by default), lower-cased."""
    path = path or packaged("shift_cues.yaml")
    data = read_yaml(path, "shift cues")
    cues = data.get("reversal") if isinstance(data, dict) else None
    if not isinstance(cues, list) or not all(isinstance(c, str) and c.strip() for c in cues):
        raise ConfigError("expected a mapping with a 'reversal' list of phrases", where=str(path))
    return tuple(" ".join(c.lower().split()) for c in cues)
