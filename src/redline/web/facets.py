"""Facets of the statements page: for each filter, its values with how many statements each has.

Counted over the statements the other filters leave (the rows a download of the view holds),
so a reader sees where a narrowing leads before clicking it. Party is the speaker's party as
the positions matrix groups it; speakers without one count under "No party".
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from redline.analysis.positions import UNAFFILIATED
from redline.analysis.positions_report import PartyNames

__all__ = [
    "Facet",
    "FacetCounts",
    "FacetValue",
    "count_facets",
    "count_records",
    "facets_of",
    "month_bounds",
    "party_of_record",
]

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


@dataclass(slots=True)
class FacetCounts:
    """Statements per value of each facet; ``month`` "" for the undated."""

    party: Counter[str] = field(default_factory=Counter)
    issue: Counter[str] = field(default_factory=Counter)
    stance: Counter[str] = field(default_factory=Counter)
    outlet: Counter[str] = field(default_factory=Counter)
    month: Counter[str] = field(default_factory=Counter)
    n: int = 0


def count_records(records: Iterable[Mapping[str, Any]]) -> FacetCounts:
    c = FacetCounts()
    for r in records:
        c.n += 1
        c.party[party_of_record(r)] += 1
        c.issue.update(r.get("issues") or ())
        c.stance[str(r["stance"])] += 1
        if r.get("outlet"):
            c.outlet[str(r["outlet"])] += 1
        day = r.get("date")
        c.month[str(day)[:7] if day else ""] += 1
    return c


def facets_of(
    c: FacetCounts, parties: PartyNames, issue_names: Mapping[str, str] | None = None
) -> list[Facet]:
    """The facets of ``c``, parties named by ``parties`` (the app's) and issues by ``issue_names``."""
    month = Counter(c.month)
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
        _facet("Party", c.party, lambda p: {"party": p}, parties),
        _facet(
            "Issue",
            c.issue,
            lambda i: {"issue": i},
            lambda i: (issue_names or {}).get(i) or i.replace("_", " "),
        ),
        _facet("Stance", c.stance, lambda s: {"stance": s}, str),
        _facet("Outlet", c.outlet, lambda o: {"outlet": o}, str),
        dates,
    ]


def count_facets(
    records: Iterable[Mapping[str, Any]], parties: PartyNames, issue_names: Mapping[str, str] | None = None
) -> tuple[list[Facet], int]:
    """The facets of ``records`` and how many records were counted."""
    c = count_records(records)
    return facets_of(c, parties, issue_names), c.n
