"""Scoring an alignment of two plan versions against the true one (one home for it).

``real_plan_alignment.py`` (the real drafts) and ``drafts_heldout.py`` (the project's
held-out drafts) both count the same things: true pairs found, wrong pairs, removed and
added points right or wrong, and points of unknown text wrongly shown as removed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from redline.analysis.align import PlanDiff

Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class AlignmentScore:
    found: set[Pair]
    wrong: set[Pair]
    missed: set[Pair]
    removed: set[str]  # predicted removed
    added: set[str]  # predicted added
    gold_removed: set[str]
    gold_added: set[str]
    unknown: set[str]

    def line(self, total: int) -> str:
        return (
            f"pairs found {len(self.found)}/{total}  wrong {len(self.wrong)}  "
            f"removed right {len(self.removed & self.gold_removed)}/{len(self.gold_removed)}  "
            f"removed wrongly {len(self.removed - self.gold_removed)}  "
            f"added right {len(self.added & self.gold_added)}/{len(self.gold_added)}  "
            f"added wrongly {len(self.added - self.gold_added)}  "
            f"unknown shown as removed {len(self.removed & self.unknown)}"
        )

    def errors(self) -> list[str]:
        """The wrong and missed pairs, and the wrongly removed or added points, one line each."""

        def key(p: tuple[str | None, str | None]) -> tuple[str, str]:
            return (p[0] or "", p[1] or "")

        bad = sorted(self.wrong | self.missed, key=key)
        out = [f"{'wrong' if p in self.wrong else 'missed'} {p[0]} -> {p[1]}" for p in bad]
        out += [f"removed wrongly {n}" for n in sorted(self.removed - self.gold_removed)]
        out += [f"not removed {n}" for n in sorted(self.gold_removed - self.removed)]
        out += [f"added wrongly {n}" for n in sorted(self.added - self.gold_added)]
        out += [f"not added {n}" for n in sorted(self.gold_added - self.added)]
        return out


def score_alignment(
    diff: PlanDiff,
    gold: Iterable[Pair],
    removed: Iterable[str] = (),
    added: Iterable[str] = (),
    unknown: Iterable[str] = (),
    number: Callable[[str], str] = str,
) -> AlignmentScore:
    """``diff`` against the true pairs; ``number`` maps a point number to the form the gold uses."""
    got = diff.pairs()
    pairs = {(number(o), number(n)) for o, n in got if o is not None and n is not None}
    gold_pairs = {(number(o), number(n)) for o, n in gold}
    return AlignmentScore(
        found=pairs & gold_pairs,
        wrong=pairs - gold_pairs,
        missed=gold_pairs - pairs,
        removed={number(o) for o, n in got if n is None and o is not None},
        added={number(n) for o, n in got if o is None and n is not None},
        gold_removed={number(n) for n in removed},
        gold_added={number(n) for n in added},
        unknown={number(n) for n in unknown},
    )
