"""Reading dates people and records write: one parser for record fields and every date flag.

A record's ``published`` field and a command's ``--since`` come from the same people, so they
accept the same forms: ISO (``2025-11-27``), common written dates (``27 Nov 2025``) and, where a
moment relative to now makes sense (flags), a span back from today (``7d``, ``2w``, ``12h``).
Kept apart from the readers so that the CLI can parse a flag without loading them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_SPAN = re.compile(r"^\s*(\d+)\s*(min|minutes?|h|hours?|d|days?|w|weeks?)\s*$", re.IGNORECASE)
_UNITS = {"min": "minutes", "h": "hours", "d": "days", "w": "weeks"}
DATE_FORMS = "a date such as 2025-11-27 or '27 Nov 2025', or a span back from today such as 7d, 2w"


def parse_date(value: object) -> date | None:
    """A calendar date from ISO text, common written forms ("27 Nov 2025") or a date object.

    Raises ValueError for text that is not a complete calendar date, so callers can say which
    record or flag held it.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date string, got {type(value).__name__}")
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 and text[4] == "-" else _parse_loose(text)
    except ValueError:
        return _parse_loose(text)


def parse_span(text: str) -> timedelta | None:
    """``7d``, ``12h``, ``30min``, ``2w`` as a duration; None for anything else."""
    match = _SPAN.match(text)
    if match is None:
        return None
    amount, unit = int(match.group(1)), match.group(2).lower()
    key = "min" if unit.startswith("min") else unit[0]
    return timedelta(**{_UNITS[key]: amount})


def parse_day(text: str, *, today: date | None = None) -> date:
    """A date flag: a calendar date in any form ``parse_date`` reads, or a span back from today.

    Raises ValueError naming the forms accepted.
    """
    span = parse_span(text)
    if span is not None:
        return (today or date.today()) - span
    try:
        parsed = parse_date(text)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValueError(f"{text!r} is not a date; use {DATE_FORMS}")
    return parsed


def _parse_loose(text: str) -> date:
    from dateutil import parser as date_parser  # only for written dates; ISO needs none

    # Parsing twice with different defaults exposes missing parts ("November 2025").
    try:
        first = date_parser.parse(text, default=datetime(2000, 1, 1))
        second = date_parser.parse(text, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"{text!r} is not a date") from exc
    if first.date() != second.date():
        raise ValueError(f"{text!r} is not a complete date (year, month and day)")
    return first.date()
