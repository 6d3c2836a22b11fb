"""The shifts as of any day made from a cell's turns equal the evidence rule walked up to it."""

from __future__ import annotations

import random
from datetime import date, timedelta

from redline.balance import (
    DayGroup,
    Reversal,
    ShiftDays,
    ShiftGroup,
    cell_shifts,
    cell_turns,
    turn_shifts,
)

STANCES = ["support", "oppose", "conditional", "neutral"]


def _days(rnd: random.Random, n_days: int) -> ShiftDays[str]:
    """Random days of one cell: few strengths, so that ties (broken by day) are common."""
    out: ShiftDays[str] = []
    day = date(2025, 1, 1)
    for i in range(n_days):
        day += timedelta(days=rnd.randint(1, 3))
        groups = []
        for stance in rnd.sample(STANCES, rnd.randint(1, 3)):
            strength = (rnd.randint(0, 2), rnd.choice([0.5, 0.8]), day, rnd.choice([10, 20]))
            rev = None
            if rnd.random() < 0.1:
                rev_strength = (rnd.randint(0, 2), 0.8, day, 10)
                rev = Reversal(1, rev_strength, ("d", i, stance), f"r{i}{stance}")
            groups.append(ShiftGroup(DayGroup(stance, rnd.randint(1, 3), strength, f"q{i}{stance}"), rev))
        out.append((day, groups))
    return out


def _as_of(days: ShiftDays[str], at: date) -> list[object]:
    """The shifts of the turns up to ``at``, as the store makes them from its counts."""
    counts: dict[str, int] = {}
    for d, groups in days:
        if d <= at:
            for g in groups:
                counts[g.group.stance] = counts.get(g.group.stance, 0) + g.group.n
    return list(turn_shifts("r", "c", cell_turns(days), counts, at))


def test_turns_as_of_every_day_equal_the_walk_up_to_it() -> None:
    rnd = random.Random(7)
    compared = shifts = 0
    for _ in range(300):
        days = _days(rnd, rnd.randint(1, 30))
        for k in range(1, len(days) + 1):
            at = days[k - 1][0] + timedelta(days=rnd.randint(0, 1))
            if k < len(days) and at >= days[k][0]:
                at = days[k - 1][0]  # a day before the next one
            expected = cell_shifts("r", "c", days[:k])
            assert _as_of(days, at) == expected, (days, at)
            compared += 1
            shifts += len(expected)
    assert compared > 1000 and shifts > 200  # the rule made shifts, explicit ones too
