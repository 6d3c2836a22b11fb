"""Loader of the words that never tie a statement to one plan point (link_terms.yaml)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml
from redline.knowledge.actors import negotiating_names


def load_generic_link_terms(path: Path | None = None) -> frozenset[str]:
    """The generic words at ``path`` (the packaged list by default), lower-cased."""
    path = path or packaged("link_terms.yaml")
    data = read_yaml(path, "link terms")
    words = data.get("generic") if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ConfigError("expected a mapping with a 'generic' list of words", where=str(path))
    return frozenset(w.strip().lower() for w in words)


def generic_link_terms(actor_files: Sequence[Path] = ()) -> frozenset[str]:
    """The packaged generic words and the names of the sides and people that ``actor_files``
    (the settings' ``actors``) declare: the packaged list names the 2025 talks' parties and
    leaders, and another negotiation's own must not tie a statement to the point that lists
    them. Read once per set of files: every positions request and page links with them."""
    return _generic(tuple(actor_files))


@functools.cache
def _generic(actor_files: tuple[Path, ...]) -> frozenset[str]:
    return load_generic_link_terms() | negotiating_names(actor_files)
