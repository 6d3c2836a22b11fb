"""Load and validate the calendar words (``dates.yaml``).

Month and weekday names and the words that tie a date to a speech act or a page live in one
file so that dating statements (``extract.dates``) and dating documents
(``sources.dateline``) read the same calendar, and a user can see every word the rules use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml

_KEYS = {"months", "weekdays", "speech_act", "document"}
_SPEECH_KEYS = {"preps", "never", "verbs", "companions", "nouns", "records", "sourcing"}


@dataclass(frozen=True, slots=True)
class CalendarWords:
    """Calendar vocabulary, all lower case."""

    months: dict[str, int]
    weekdays: tuple[str, ...]
    speech_preps: frozenset[str]
    never_preps: frozenset[str]
    speech_verbs: frozenset[str]
    companion_preps: frozenset[str]
    speech_nouns: frozenset[str]
    record_nouns: frozenset[str]
    sourcing: frozenset[str]
    document_labels: tuple[str, ...]

    def month(self, name: str) -> int | None:
        """Month number of a name or abbreviation ("Nov.", "September"), None if it is not one."""
        return self.months.get(name.lower().rstrip("."))

    def month_pattern(self) -> str:
        """Regex alternation of every month name, longest first (so "sept" is not read as "sep")."""
        return "|".join(sorted(self.months, key=len, reverse=True))


@cache
def calendar_words(path: Path | None = None) -> CalendarWords:
    """The calendar words (default: the packaged file), read once per process."""
    path = path or packaged("dates.yaml")
    return parse_calendar(read_yaml(path, "calendar words"), str(path))


def parse_calendar(raw: Any, where: str = "<dates>") -> CalendarWords:
    """Validate an already-parsed calendar mapping."""
    if not isinstance(raw, dict) or set(raw) - _KEYS:
        raise ConfigError(f"the calendar file must be a mapping with keys {sorted(_KEYS)}", where=where)
    months = raw.get("months") or {}
    if not isinstance(months, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and 1 <= v <= 12 for k, v in months.items()
    ):
        raise ConfigError("months must map names to numbers 1-12", where=where)
    weekdays = raw.get("weekdays") or []
    if not isinstance(weekdays, list) or len(weekdays) != 7:
        raise ConfigError("weekdays must list the seven day names, Monday first", where=where)
    speech = raw.get("speech_act") or {}
    if not isinstance(speech, dict) or set(speech) - _SPEECH_KEYS:
        raise ConfigError(f"speech_act must be a mapping with keys {sorted(_SPEECH_KEYS)}", where=where)
    document = raw.get("document") or {}
    if not isinstance(document, dict):
        raise ConfigError("document must be a mapping", where=where)
    return CalendarWords(
        months={str(k).lower(): int(v) for k, v in months.items()},
        weekdays=tuple(str(w).lower() for w in weekdays),
        speech_preps=_words(speech, "preps", where),
        never_preps=_words(speech, "never", where),
        speech_verbs=_words(speech, "verbs", where),
        companion_preps=_words(speech, "companions", where),
        speech_nouns=_words(speech, "nouns", where),
        record_nouns=_words(speech, "records", where),
        sourcing=_words(speech, "sourcing", where),
        document_labels=tuple(sorted(_words(document, "labels", where), key=len, reverse=True)),
    )


def _words(section: dict[str, Any], key: str, where: str) -> frozenset[str]:
    values = section.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{key} must be a list of words", where=where)
    return frozenset(v.lower() for v in values)


__all__ = ["CalendarWords", "calendar_words", "parse_calendar"]
