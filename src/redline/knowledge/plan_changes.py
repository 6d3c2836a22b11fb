"""Loader of the change-verb lexicon (plan_changes.yaml) used to recognise reported changes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml

CHANGE_TYPES = ("removed", "added", "modified")


@dataclass(frozen=True, slots=True)
class ChangeLexicon:
    """Verb forms by the change they report: removed, added or modified."""

    verbs: dict[str, tuple[str, ...]]
    meta_words: tuple[str, ...] = ()  # words naming a part of a text, not its substance
    not_changes: tuple[str, ...] = ()  # idioms with a change verb that change nothing ("striking a deal")
    qualifiers: tuple[str, ...] = ()  # words saying which text ("the updated plan"), naming no point
    parts: tuple[str, ...] = ()  # words naming a part of a text ("clause"): "this clause" points back
    anaphors: tuple[str, ...] = ()  # words pointing back to a thing named before ("this", "that")

    def change_of(self, form: str) -> str | None:
        form = " ".join(form.lower().split())
        for change, forms in self.verbs.items():
            if form in forms:
                return change
        return None


def load_change_lexicon(path: Path | None = None) -> ChangeLexicon:
    """Read and check the lexicon at ``path`` (the packaged one by default)."""
    path = path or packaged("plan_changes.yaml")
    data = read_yaml(path, "change-verb lexicon")
    keys = (*CHANGE_TYPES, "meta_words", "not_changes", "qualifiers", "parts", "anaphors")
    if not isinstance(data, dict) or set(data) - set(keys):
        raise ConfigError(f"expected a mapping with keys {', '.join(keys)}", where=str(path))
    lists: dict[str, tuple[str, ...]] = {}
    for key, forms in data.items():
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise ConfigError(f"{key}: expected a list of words", where=str(path))
        lists[key] = tuple(" ".join(f.lower().split()) for f in forms)
    meta = lists.pop("meta_words", ())
    idioms = lists.pop("not_changes", ())
    qualifiers = lists.pop("qualifiers", ())
    parts = lists.pop("parts", ())
    anaphors = lists.pop("anaphors", ())
    return ChangeLexicon(lists, meta, idioms, qualifiers, parts, anaphors)
