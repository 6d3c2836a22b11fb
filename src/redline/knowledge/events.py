"""Load and validate the event trigger lexicon (``events.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_TYPE_KEYS = {"verbs", "object_verbs", "nouns", "phrases", "objects", "inherit_subject", "object_role"}
_OBJECT_ROLES = ("place", "actor", "none")
_PLANNED_KEYS = {"aux", "governors", "modifiers"}


@dataclass(frozen=True, slots=True)
class EventType:
    """Trigger words of one event type; phrases are tuples of lemmas."""

    name: str
    verbs: tuple[str, ...] = ()
    object_verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    objects: tuple[str, ...] = ()
    inherit_subject: bool = True
    object_role: str = "none"


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Event types in file order plus the markers of planned (future) events."""

    types: tuple[EventType, ...]
    planned_aux: tuple[str, ...] = ()
    planned_governors: tuple[str, ...] = ()
    planned_modifiers: tuple[str, ...] = ()
    agents: frozenset[str] = frozenset()  # common nouns that can be an event's actor
    source: str = ""


def load_events(path: Path | None = None) -> EventLexicon:
    """Read an event lexicon (default: the packaged one) and validate it."""
    path = path or packaged("events.yaml")
    where = str(path)
    return parse_events(read_yaml(path, "event lexicon"), where)


def parse_events(raw: Any, where: str = "<events>") -> EventLexicon:
    """Validate an already-parsed event lexicon mapping."""
    if not isinstance(raw, dict):
        raise ConfigError("the event lexicon must be a mapping", where=where)
    unknown = set(raw) - {"types", "planned", "agents"}
    if unknown:
        raise ConfigError(
            f"unknown key(s) {', '.join(sorted(map(str, unknown)))}",
            where=where,
            hint="allowed: types, planned, agents",
        )
    types_raw = raw.get("types")
    if not isinstance(types_raw, dict) or not types_raw:
        raise ConfigError("types must be a non-empty mapping of event types", where=where)
    types = tuple(_type(str(name), spec, where) for name, spec in types_raw.items())
    planned = raw.get("planned") or {}
    if not isinstance(planned, dict) or set(planned) - _PLANNED_KEYS:
        raise ConfigError("planned must be a mapping with aux, governors, modifiers", where=where)
    return EventLexicon(
        types=types,
        planned_aux=_words(planned.get("aux", []), where, "planned.aux"),
        planned_governors=_words(planned.get("governors", []), where, "planned.governors"),
        planned_modifiers=_words(planned.get("modifiers", []), where, "planned.modifiers"),
        agents=frozenset(_words(raw.get("agents", []), where, "agents")),
        source=where,
    )


def _type(name: str, spec: Any, where: str) -> EventType:
    entry = f"types.{name}"
    if not _NAME.match(name):
        raise ConfigError(f"event type {name!r} is not a lower_snake_case name", where=where)
    if not isinstance(spec, dict):
        raise ConfigError(f"{entry} must be a mapping", where=where)
    unknown = set(spec) - _TYPE_KEYS
    if unknown:
        raise ConfigError(
            f"unknown key(s) {', '.join(sorted(map(str, unknown)))} in {entry}",
            where=where,
            hint=f"allowed: {', '.join(sorted(_TYPE_KEYS))}",
        )
    inherit = spec.get("inherit_subject", True)
    if not isinstance(inherit, bool):
        raise ConfigError(f"{entry}.inherit_subject must be true or false", where=where)
    role = spec.get("object_role", "none")
    if role not in _OBJECT_ROLES:
        raise ConfigError(f"{entry}.object_role must be one of {', '.join(_OBJECT_ROLES)}", where=where)
    event = EventType(
        name=name,
        verbs=_words(spec.get("verbs", []), where, f"{entry}.verbs"),
        object_verbs=_words(spec.get("object_verbs", []), where, f"{entry}.object_verbs"),
        nouns=_words(spec.get("nouns", []), where, f"{entry}.nouns"),
        phrases=tuple(tuple(p.split()) for p in _words(spec.get("phrases", []), where, f"{entry}.phrases")),
        objects=_words(spec.get("objects", []), where, f"{entry}.objects"),
        inherit_subject=inherit,
        object_role=role,
    )
    if event.object_verbs and not event.objects:
        raise ConfigError(f"{entry} has object_verbs but no objects", where=where, hint="list the objects")
    if not (event.verbs or event.object_verbs or event.nouns or event.phrases):
        raise ConfigError(f"{entry} has no triggers", where=where, hint="give verbs, nouns or phrases")
    return event


def _words(value: Any, where: str, entry: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{entry} must be a list of non-empty strings", where=where)
    return tuple(v.strip().lower() for v in value)


__all__ = ["EventLexicon", "EventType", "load_events", "parse_events"]
