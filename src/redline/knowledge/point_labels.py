"""Load and validate the words that label a draft's points (``point_labels.yaml``).

Drafts label points in the language they are written in ("Point 3", "Пункт 3", "Artikel 3"),
or with a letter on the number ("P3"); the plan reader takes the list from this file so that a
user can add a language's word without touching the parser.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml


@dataclass(frozen=True, slots=True)
class PointLabels:
    """Label words (lower case, every language together) and letters written onto a number."""

    words: tuple[str, ...]
    prefixes: tuple[str, ...]


@cache
def point_labels(path: Path | None = None) -> PointLabels:
    """The point labels (default: the packaged file), read once per process."""
    path = path or packaged("point_labels.yaml")
    return parse_point_labels(read_yaml(path, "point labels"), str(path))


def parse_point_labels(raw: Any, where: str = "<point labels>") -> PointLabels:
    """Validate an already-parsed mapping of ``words`` (by language) and ``prefixes``."""
    if not isinstance(raw, dict) or set(raw) - {"words", "prefixes"}:
        raise ConfigError("the point labels must be a mapping with keys 'words' and 'prefixes'", where=where)
    by_language = raw.get("words") or {}
    if not isinstance(by_language, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) and w.strip() for w in v) for v in by_language.values()
    ):
        raise ConfigError("'words' must map each language to a list of label words", where=where)
    prefixes = raw.get("prefixes") or []
    if not isinstance(prefixes, list) or not all(isinstance(p, str) and p.isalpha() for p in prefixes):
        raise ConfigError("'prefixes' must be a list of letters", where=where)
    words = dict.fromkeys(w.strip().lower() for v in by_language.values() for w in v)
    # longest first, so that "article" is tried before "art."
    return PointLabels(tuple(sorted(words, key=len, reverse=True)), tuple(p.lower() for p in prefixes))
