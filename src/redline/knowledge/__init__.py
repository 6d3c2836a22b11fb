"""Knowledge files (actors, cue verbs, issue taxonomy) and the loaders that validate them.

The YAML files beside this module are the defaults; a user layers their own files on top.
Loaders do the I/O here so that the NLP core only ever receives validated, typed objects.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def packaged(name: str) -> Path:
    """Path of a knowledge file shipped with redline, e.g. ``packaged("cues.yaml")``."""
    return Path(str(resources.files("redline.knowledge").joinpath(name)))
