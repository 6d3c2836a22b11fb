"""What the charts plot, read from the corpus the positions use: activity and stance by day.

Rows are grouped as the positions matrix groups them (``positions.row_of`` and ``by_issue``),
so a line in the stance chart and a cell of the matrix count the same statements. The value
plotted is the running balance of a party's dated statements on the issue up to each day:
(support - oppose) / (support + oppose + conditional), from -1 (every one opposed) to +1
(every one in support); conditional statements pull it toward the middle, neutral ones do not
count. Undated statements are counted apart, never placed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from redline.analysis.positions import by_issue, row_of
from redline.model import Statement

__all__ = ["DayCounts", "Trend", "activity", "balance", "stance_trends"]


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
    days = sorted(d for d in per_day if d is not None)
    if not days:
        return [], undated
    out, d = [], days[0]
    while d <= days[-1]:
        out.append((d, per_day.get(d, 0)))
        d = date.fromordinal(d.toordinal() + 1)
    return out, undated


def stance_trends(statements: Iterable[Statement], party_of: dict[str, str], issue: str) -> list[Trend]:
    """Per party, the stance counts of each day with statements on ``issue`` and the running balance;
    parties with the most statements first."""
    mine: dict[str, list[Statement]] = {}
    for s in statements:
        row = row_of(s, "party", party_of)
        if row is not None and issue in by_issue(s):
            mine.setdefault(row, []).append(s)
    trends = []
    for row, found in mine.items():
        trend = Trend(row, undated=sum(1 for s in found if s.date is None))
        running: Counter[str] = Counter()
        by_day: dict[date, Counter[str]] = {}
        for s in found:
            if s.date is not None:
                by_day.setdefault(s.date, Counter())[s.stance] += 1
        for day in sorted(by_day):
            running.update(by_day[day])
            trend.days.append(DayCounts(day, dict(by_day[day]), balance(running)))
        trends.append(trend)
    trends.sort(key=lambda t: (-t.dated - t.undated, t.row))
    return trends
