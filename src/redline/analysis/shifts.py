"""Shifts: a party or actor whose position on an issue or point changed, with evidence on both sides.

A shift read from one stray statement is noise (a misread stance, a quote out of context), so
a shift needs at least two dated statements on each side of the change (the old stance before
it, the new one from that day on), or one statement in which the speaker says outright that
the position changed ("no longer", "now supports"; ``knowledge/shift_cues.yaml``). It shows
the quotes on both sides. Rows that are nobody's position (media, unaffiliated sources) make
no shifts.

The position on a day is the balance of the dated statements so far (the stance taken most
often, the most recent on a tie); an explicit reversal starts a new balance from its day,
since the speaker has said the earlier statements no longer hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from redline.analysis.positions import UNAFFILIATED, Columns, RowKind, by_issue, row_of
from redline.model import Statement

__all__ = ["NO_SHIFT_ROWS", "Shift", "find_shifts"]

NEUTRAL = "neutral"
NO_SHIFT_ROWS = frozenset({UNAFFILIATED, "media"})
_KIND_RANK = {"direct": 2, "mixed": 1, "indirect": 0}


@dataclass(slots=True)
class Shift:
    """A row's position (the cell value) on a column changed on a date."""

    row: str
    column: str
    before: str
    after: str
    quote_before: Statement  # the strongest statement for ``before`` until then
    quote_after: Statement  # the strongest statement for ``after`` on the day it changed
    date: date
    evidence_before: int = 0  # dated statements with ``before`` up to the change
    evidence_after: int = 0  # dated statements with ``after`` from the change on
    explicit: bool = False  # the after quote says outright that the position changed


def _strength(s: Statement) -> tuple[int, float, int]:
    return (_KIND_RANK.get(s.kind, 0), s.confidence, len(s.content.text))


def _reversal(s: Statement, cues: Sequence[re.Pattern[str]]) -> bool:
    text = s.content.text.lower()
    return any(c.search(text) for c in cues)


def _position(counts: Mapping[str, int], last_day: Mapping[str, date]) -> str | None:
    taken = {st: n for st, n in counts.items() if n and st != NEUTRAL}
    if not taken:
        return None
    top = max(taken.values())
    return max((st for st, n in taken.items() if n == top), key=lambda st: last_day[st])


def _cell_shifts(
    row: str, column: str, statements: Sequence[Statement], cues: Sequence[re.Pattern[str]]
) -> list[Shift]:
    dated = sorted((s for s in statements if s.date is not None), key=lambda s: s.date or date.min)
    days = sorted({s.date for s in dated if s.date is not None})
    counts: dict[str, int] = {}
    last: dict[str, date] = {}
    before: str | None = None
    out: list[Shift] = []
    for day in days:
        today = [s for s in dated if s.date == day]
        turn = next(
            (
                s
                for s in sorted(today, key=_strength, reverse=True)
                if s.stance not in (NEUTRAL, before) and _reversal(s, cues)
            ),
            None,
        )
        if turn is not None and before is not None:
            counts, last = {}, {}  # the speaker has said the earlier stance no longer holds
        for s in today:
            counts[s.stance] = counts.get(s.stance, 0) + 1
            last[s.stance] = day
        after = _position(counts, last)
        if after is None:
            continue
        if before is not None and after != before:
            old = [s for s in dated if s.stance == before and s.date is not None and s.date < day]
            since = max((s.date for s in old if s.date is not None), default=date.min)
            # the new stance's evidence: what was said with it after the old one was last said
            new = [s for s in dated if s.stance == after and s.date is not None and s.date > since]
            explicit = turn is not None and turn.stance == after
            if old and new and (explicit or (len(old) >= 2 and len(new) >= 2)):
                quote_after = turn if explicit and turn is not None else max(new, key=_strength)
                out.append(
                    Shift(
                        row,
                        column,
                        before,
                        after,
                        max(old, key=lambda s: (s.date or date.min, _strength(s))),
                        quote_after,
                        day,
                        len(old),
                        len(new),
                        explicit,
                    )
                )
        before = after
    return out


def find_shifts(
    statements: Iterable[Statement],
    *,
    by: RowKind = "actor",
    party_of: Mapping[str, str] | None = None,
    columns: Columns | None = None,
    at: date | None = None,
    issue: str | None = None,
    reversal_cues: Sequence[str] = (),
) -> list[Shift]:
    """Every change of a row's position on a column backed by evidence, in date order.

    Undated statements make none; statements after ``at`` are not counted (on either side);
    media and unaffiliated speakers make none, whatever the rows are.
    """
    parties = party_of or {}
    if columns is None:
        columns = by_issue if issue is None else (lambda s: [i for i in by_issue(s) if i == issue])
    cues = [re.compile(r"\b" + re.escape(c) + r"\b") for c in reversal_cues]
    groups: dict[tuple[str, str], list[Statement]] = {}
    for s in statements:
        if s.date is None or (at is not None and s.date > at):
            continue
        if issue is not None and issue not in s.issues:
            continue
        sp = s.speaker
        if sp is None or sp.kind == "media":
            continue
        if parties.get(sp.actor_id or "", parties.get(sp.name)) in NO_SHIFT_ROWS:
            continue  # nobody's position: media, analysts, unaffiliated sources, also by actor
        row = row_of(s, by, parties)
        if row is None or row in NO_SHIFT_ROWS:
            continue
        for col in columns(s):
            groups.setdefault((row, col), []).append(s)
    shifts = [sh for key, group in sorted(groups.items()) for sh in _cell_shifts(*key, group, cues)]
    shifts.sort(key=lambda sh: (sh.date, sh.row, sh.column))
    return shifts
