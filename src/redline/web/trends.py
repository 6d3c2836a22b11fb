"""What the charts plot: activity and stance by day.

Stance by day is read from the tallies the positions matrix is made of (rows grouped as the
matrix groups them), so a line in the stance chart and a cell of the matrix count the same
statements. The value
plotted is the running balance of a party's dated statements on the issue up to each day:
(support - oppose) / (support + oppose + conditional), from -1 (every one opposed) to +1
(every one in support); conditional statements pull it toward the middle, neutral ones do not
count. Undated statements are counted apart, never placed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from redline.model import Statement

__all__ = ["DayCounts", "Trend", "activity", "balance", "daily", "stance_trends"]


@dataclass(frozen=True, slots=True)
class DayCounts:
    day: date
    counts: dict[str, int]  # statements that day, per stance
    balance: float  # the running balance up to and including that day


@dataclass(slots=True)
class Trend:
    row: str  # party id
    days: list[DayCounts] = field(default_factory=list)
    undated: int = 0

    @property
    def dated(self) -> int:
        return sum(sum(d.counts.values()) for d in self.days)


def balance(counts: Counter[str]) -> float:
    taken = counts["support"] + counts["oppose"] + counts["conditional"]
    return (counts["support"] - counts["oppose"]) / taken if taken else 0.0


def activity(statements: Iterable[Statement]) -> tuple[list[tuple[date, int]], int]:
    """Statements per day, every day from the first to the last (zeros included), and the undated."""
    per_day = Counter(s.date for s in statements)
    undated = per_day.pop(None, 0)
    return daily({d: n for d, n in per_day.items() if d is not None}), undated


def daily(per_day: Mapping[date, int]) -> list[tuple[date, int]]:
    """Counts per day as every day from the first to the last, zeros included (a bar per day)."""
    if not per_day:
        return []
    first, last = min(per_day), max(per_day)
    return [
        (d, per_day.get(d, 0))
        for d in (date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1))
    ]


def stance_trends(rows: Iterable[tuple[str, date | None, str, int]]) -> list[Trend]:
    """Per party, the stance counts of each day and the running balance, from ``(party, day,
    stance, n)`` rows of one issue (``lookup.party_days``: the tallies the positions matrix is
    made of, kept current by every write); parties with the most statements first."""
    by_row: dict[str, tuple[Trend, dict[date, Counter[str]]]] = {}
    for row, day, stance, n in rows:
        trend, by_day = by_row.setdefault(row, (Trend(row), {}))
        if day is None:
            trend.undated += n
        else:
            by_day.setdefault(day, Counter())[stance] += n
    trends = []
    for trend, by_day in by_row.values():
        running: Counter[str] = Counter()
        for day in sorted(by_day):
            running.update(by_day[day])
            trend.days.append(DayCounts(day, dict(by_day[day]), balance(running)))
        trends.append(trend)
    trends.sort(key=lambda t: (-t.dated - t.undated, t.row))
    return trends
