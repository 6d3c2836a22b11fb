"""Facets of the statements page: for each filter, its values with how many statements each has.

Counted over the statements the other filters leave (the rows a download of the view holds),
so a reader sees where a narrowing leads before clicking it. Party is the speaker's party as
the positions matrix groups it; speakers without one count under "No party".
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from redline.analysis.positions import UNAFFILIATED
from redline.analysis.positions_report import party_name

__all__ = ["Facet", "FacetValue", "count_facets", "month_bounds", "party_of_record"]

SHOWN = 12  # values listed per facet, most statements first


@dataclass(frozen=True, slots=True)
class FacetValue:
    query: dict[str, str]  # the filter values selecting it
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Facet:
    name: str  # heading: "Party"
    values: list[FacetValue]
    more: int  # values not listed


def party_of_record(record: Mapping[str, Any]) -> str:
    party = record.get("party")
    return str(party) if party else UNAFFILIATED


def month_bounds(month: str) -> tuple[str, str]:
    """``2025-11`` -> (``2025-11-01``, ``2025-11-30``)."""
    year, m = (int(p) for p in month.split("-"))
    return date(year, m, 1).isoformat(), date(year, m, calendar.monthrange(year, m)[1]).isoformat()


def _facet(name: str, counts: Counter[str], query: Any, label: Any) -> Facet:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    values = [FacetValue(query(v), label(v), n) for v, n in ranked[:SHOWN]]
    return Facet(name, values, max(len(ranked) - SHOWN, 0))


def count_facets(
    records: Iterable[Mapping[str, Any]], issue_names: Mapping[str, str] | None = None
) -> tuple[list[Facet], int]:
    """The facets of ``records`` and how many records were counted."""
    n = 0
    party, issue, stance, outlet, month = (
        Counter[str](),
        Counter[str](),
        Counter[str](),
        Counter[str](),
        Counter[str](),
    )
    for r in records:
        n += 1
        party[party_of_record(r)] += 1
        issue.update(r.get("issues") or ())
        stance[str(r["stance"])] += 1
        if r.get("outlet"):
            outlet[str(r["outlet"])] += 1
        day = r.get("date")
        month[str(day)[:7] if day else ""] += 1
    undated = month.pop("", 0)
    dates = _facet(
        "Date",
        month,
        lambda m: dict(zip(("since", "until"), month_bounds(m), strict=True)),
        lambda m: date.fromisoformat(m + "-01").strftime("%B %Y"),
    )
    if undated:
        dates.values.append(FacetValue({}, "undated", undated))
    return [
        _facet("Party", party, lambda p: {"party": p}, party_name),
        _facet(
            "Issue",
            issue,
            lambda i: {"issue": i},
            lambda i: (issue_names or {}).get(i) or i.replace("_", " "),
        ),
        _facet("Stance", stance, lambda s: {"stance": s}, str),
        _facet("Outlet", outlet, lambda o: {"outlet": o}, str),
        dates,
    ], n
