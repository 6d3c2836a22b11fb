"""A balance's value after each day, as the shift walk asks for it: the most taken stance but
neutral, the most recent of a tie (latest day, then more statements that day, then the
stronger quote, then the model's order of stances), neutral while only neutral was said.
Checked against that definition on many random cells, since the walk's faster one-pass form
must agree with it on every tie."""

from __future__ import annotations

import random
from datetime import date, timedelta

from redline.balance import NEUTRAL, DayGroup, Tally
from redline.model import STANCES as MODEL_ORDER

STANCES = ("support", "conditional", "oppose", NEUTRAL)


def _defined(history: list[tuple[date, DayGroup[str]]]) -> str:
    counts: dict[str, int] = {}
    recent: dict[str, tuple[date, int, tuple[int, float, date, int]]] = {}
    for day, g in history:
        counts[g.stance] = counts.get(g.stance, 0) + g.n
        recent[g.stance] = max(recent.get(g.stance, (day, g.n, g.strength)), (day, g.n, g.strength))
    # a full tie (same day, count and strength) goes to the first in the model's stance order
    taken = {st: counts[st] for st in MODEL_ORDER if st != NEUTRAL and counts.get(st)}
    if not taken:
        return NEUTRAL
    top = max(taken.values())
    return max((st for st, n in taken.items() if n == top), key=lambda st: recent[st])


def test_the_value_after_each_day_is_the_most_taken_then_most_recent_stance() -> None:
    rng = random.Random(12)
    seen: set[str] = set()
    for _cell in range(300):
        tally: Tally[str] = Tally()
        history: list[tuple[date, DayGroup[str]]] = []
        day = date(2025, 1, 1)
        for _day in range(rng.randint(1, 25)):
            day += timedelta(days=rng.randint(1, 3))
            groups = [
                DayGroup(
                    st,
                    rng.randint(1, 2),
                    (rng.randint(0, 1), 0.5, day, rng.randint(1, 2)),
                    f"q{len(history)}",
                )
                for st in rng.sample(STANCES, rng.randint(1, 3))
            ]
            tally.add_day(day, groups)
            history += [(day, g) for g in groups]
            assert tally.value == _defined(history), history
            seen.add(tally.value)
    assert seen == set(STANCES)  # every outcome, neutral included, was met
