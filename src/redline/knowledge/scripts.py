"""Load and validate the Latin spelling of other scripts' letters (``scripts.yaml``).

Alignment compares two versions of a plan written in different scripts by what survives a
translation, names and figures; the names meet once both are spelled in Latin letters.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml


@cache
def latin_letters(path: Path | None = None) -> dict[str, str]:
    """Each letter of another script (lower case) and its Latin spelling; read once per process."""
    path = path or packaged("scripts.yaml")
    return parse_latin_letters(read_yaml(path, "script letters"), str(path))


def parse_latin_letters(raw: Any, where: str = "<scripts>") -> dict[str, str]:
    """Validate an already-parsed ``latin`` mapping of single letters to Latin spellings."""
    table = raw.get("latin") if isinstance(raw, dict) else None
    if not isinstance(table, dict) or not all(
        isinstance(k, str) and len(k) == 1 and isinstance(v, str) and (not v or (v.isascii() and v.isalpha()))
        for k, v in table.items()
    ):
        raise ConfigError("'latin' must map single letters to Latin spellings", where=where)
    return {k.lower(): v.lower() for k, v in table.items()}
