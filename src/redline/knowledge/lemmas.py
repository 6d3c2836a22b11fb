"""Lemma exceptions (``lemmas.yaml``): forms the model's rule lemmatizer takes to the wrong verb."""

from __future__ import annotations

from pathlib import Path

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml


def load_lemma_exceptions(path: Path | None = None) -> dict[str, dict[str, str]]:
    """Part of speech -> form -> lemma, the shape the lemmatizer's exception table is read in."""
    path = path or packaged("lemmas.yaml")
    data = read_yaml(path, "lemma exceptions") or {}
    exceptions: dict[str, dict[str, str]] = {}
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping of parts of speech to lemmas", where=str(path))
    for pos, lemmas in data.items():
        if not isinstance(lemmas, dict) or not all(
            isinstance(forms, list) and all(isinstance(f, str) for f in forms) for forms in lemmas.values()
        ):
            raise ConfigError(f"'{pos}' must map each lemma to a list of its forms", where=str(path))
        exceptions[str(pos)] = {f.lower(): str(lemma) for lemma, forms in lemmas.items() for f in forms}
    return exceptions
