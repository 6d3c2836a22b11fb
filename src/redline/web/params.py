"""Query parameters the pages share: bounded text, page numbers and sizes, dates, pagination.

Bounds live in the parameter types so FastAPI rejects absurd values (a 10,000-character
filter, page -1) before any query runs; the app turns those rejections into a 400 page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, TypeVar

from fastapi import Query

__all__ = ["PageNo", "Size", "Text", "paginate", "parse_day", "shown"]

T = TypeVar("T")
Text = Annotated[str | None, Query(max_length=500)]
PageNo = Annotated[int, Query(ge=1, le=10_000)]
Size = Annotated[int, Query(ge=1, le=200)]


def parse_day(value: str | None, name: str) -> date | None:
    """An ISO date from a filter field; ValueError names the field so the page can say which."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a date; use YYYY-MM-DD") from None


def paginate(rows: list[T], page: int, size: int) -> tuple[list[T], bool]:
    """The rows of page ``page`` from the first ``page * size + 1`` rows, and whether more follow."""
    return rows[(page - 1) * size : page * size], len(rows) > page * size


def shown(
    rows: int, page: int, size: int, more: bool, count: Callable[[], tuple[int, bool]], noun: str
) -> str:
    """What a page shows of the whole, in the command's words ("51–100 of 459 statements"): the
    command and the API say how many match, and the page must not leave it to guesswork. The
    whole is counted only when this page does not already show where the listing ends."""
    if not rows:
        return ""
    first = (page - 1) * size + 1
    last = first + rows - 1
    total, exact = count() if more else (last, True)
    if first == 1 and last == total:
        return f"{total} {noun}"
    return f"{first}–{last} of {'' if exact else 'about '}{total:,} {noun}"
