"""Shifts: a party or actor whose position on an issue or point changed, with evidence on both sides.

A shift read from one stray statement is noise (a misread stance, a quote out of context), so
a shift needs at least two dated statements on each side of the change (the old stance before
it, the new one from that day on), or one statement in which the speaker says outright that
the position changed ("no longer", "now supports"; ``knowledge/shift_cues.yaml``). A shift is of
one of two kinds (``balance.shift_kind``): a reversal changes side, for or against the
proposition; a nuance moves between support and conditional support, the position qualified or
its conditions dropped, not turned (and those two are what a stance reader confuses most). It
shows the quotes on both sides, and is shown only when one identifiable voice gives both (or the
after quote says outright that it changed: ``one_voice``): a party's row gathers many speakers,
and two of them disagreeing on different days changed nobody's position. An explicit reversal
counts only when it is about the speaker's own position ("we no longer insist"), not a report of
someone else's ("the United States is no longer ready"; ``balance.reversal_test``); and since
a change of position is one on the negotiation as a whole, it counts on the plan as a whole
too when the statement lists it, whatever issue it names first ("the targets are chosen and
our negotiating position will be revised": ``model.stance_issues``). Rows that
are nobody's position (media, unaffiliated sources) make no shifts. A change undone within a
week (``balance.UNDONE_DAYS``) is none either: on real news every such pair was one side's
quotes misread for a few days, not a party turning and turning back.

The position on a day is the balance of the dated statements so far (``balance.Tally``: the
stance taken most often, the most recent on a tie); an explicit reversal starts a new balance
from its day, since the speaker has said the earlier statements no longer hold.

The rule (``balance.cell_shifts``) walks one cell's days, each summarised per stance (how many,
the strongest, and the strongest explicit reversal: ``ShiftGroup``), so the same walk serves
summaries made here from statements and those the store keeps in its tallies, where it runs on
every write (``store.balances``) and, for a past day, per call (``analysis.stored_positions``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from redline.analysis.positions import (
    BalanceSettings,
    day_groups,
    issue_columns,
    on_column,
    own_reversal,
    row_of,
)
from redline.balance import (
    NO_SHIFT_ROWS,
    Reversal,
    ShiftDays,
    ShiftDraft,
    ShiftGroup,
    cell_shifts,
    nobodys,
    shift_kind,
    statement_strength,
)
from redline.knowledge.shift_cues import ShiftKnowledge
from redline.model import Statement
from redline.store.actors import NAME_PREFIX

__all__ = [
    "NO_SHIFT_ROWS",
    "Reversal",
    "Shift",
    "ShiftDays",
    "ShiftDraft",
    "ShiftGroup",
    "cell_shifts",
    "find_shifts",
    "finish",
    "one_voice",
    "shift_days",
    "shown",
]

Q = TypeVar("Q")  # how a quote is held: a Statement, or a stored statement id


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

    @property
    def kind(self) -> str:
        """``reversal`` (a change of side) or ``nuance`` (between support and conditional)."""
        return shift_kind(self.before, self.after)


def finish(d: ShiftDraft[Q], quote: Callable[[Q], Statement]) -> Shift:
    """The shift of a draft, its quotes turned into statements."""
    return Shift(
        d.row,
        d.column,
        d.before,
        d.after,
        quote(d.quote_before),
        quote(d.quote_after),
        d.date,
        d.evidence_before,
        d.evidence_after,
        d.explicit,
    )


def shift_days(
    statements: Sequence[Statement], reversal: Callable[[Statement], bool]
) -> ShiftDays[Statement]:
    """One cell's dated statements (in corpus order) summarised per day and stance."""
    reversals: dict[tuple[date, str], Reversal[Statement]] = {}
    for i, s in enumerate(statements):
        if s.date is None or not reversal(s):
            continue
        k = statement_strength(s)
        seen = reversals.get((s.date, s.stance))
        if seen is None:
            reversals[(s.date, s.stance)] = Reversal(1, k, i, s)
        elif k > seen.strength:
            reversals[(s.date, s.stance)] = Reversal(seen.n + 1, k, i, s)
        else:
            reversals[(s.date, s.stance)] = seen._replace(n=seen.n + 1)
    return [
        (day, [ShiftGroup(g, reversals.get((day, g.stance))) for g in groups])
        for day, groups in day_groups(statements)
    ]


def _identity(s: Statement) -> Statement:
    return s


def _voice(s: Statement, collective: Callable[[str], bool]) -> str | None:
    """Who said it, as one identifiable source: an actor of the actor base, or a name that is
    no ``collective`` or unnamed source (None for those, and for no speaker)."""
    sp = s.speaker
    if sp is None:
        return None
    known = sp.actor_id is not None and not sp.actor_id.startswith(NAME_PREFIX)
    if known:
        return sp.actor_id
    return None if collective(sp.name) else sp.name


def one_voice(sh: Shift, knowledge: ShiftKnowledge) -> bool:
    """Whether a shift is shown: its before and after quotes come from one identifiable speaker
    (the same actor), or the after quote says outright that the position changed. A party's row
    gathers many voices, and two ministers who disagree on different days are no change of
    anyone's position; nor are two quotes of "an anonymous official", who may be two people.
    A reader of the two quotes must see one source change its stance. The collectives are
    those of ``knowledge`` (the actor files the statements were extracted with)."""
    if sh.explicit:
        return True
    collective = knowledge.collective
    voice = _voice(sh.quote_before, collective)
    return voice is not None and voice == _voice(sh.quote_after, collective)


def shown(
    drafts: Iterable[ShiftDraft[Q]], quote: Callable[[Q], Statement], knowledge: ShiftKnowledge
) -> list[Shift]:
    """The shifts of drafts that one voice backs (``one_voice``, by ``knowledge``), in date
    order: what every path shows, whether its drafts were walked from statements or from the
    store's tallies."""
    out = [sh for sh in (finish(d, quote) for d in drafts) if one_voice(sh, knowledge)]
    out.sort(key=lambda sh: (sh.date, sh.row, sh.column))
    return out


def find_shifts(statements: Iterable[Statement], settings: BalanceSettings) -> list[Shift]:
    """Every change of a row's position on a column backed by evidence, in date order.

    Undated statements make none; statements after ``settings.at`` are not counted (on either
    side); media and unaffiliated speakers make none, whatever the rows are. The settings'
    knowledge tells a speaker's own reversal and a collective speaker (``own_reversal``,
    ``one_voice``; ``cues=()`` in it for no explicit reversal).
    """
    knowledge, parties, at, issue = settings.knowledge, settings.party_of, settings.at, settings.issue
    # the speaker's own change (as the store's tallies test it); it counts on the plan as a
    # whole too when the statement lists it (``by_issue``), as the matrix counts it
    reversal = own_reversal(parties, knowledge)
    columns = settings.columns if settings.columns is not None else issue_columns(reversal, issue)

    groups: dict[tuple[str, str], list[Statement]] = {}
    for s in statements:
        if s.date is None or (at is not None and s.date > at):
            continue
        if issue is not None and issue not in s.issues:
            continue
        sp = s.speaker
        if sp is None or sp.kind == "media" or nobodys(parties, sp.actor_id, sp.name):
            continue  # nobody's position: media, analysts, unaffiliated sources, also by actor
        row = row_of(s, settings.by, parties)
        if row is None or row in NO_SHIFT_ROWS:
            continue
        for col in columns(s):
            groups.setdefault((row, col), []).append(on_column(s, col))
    cells = sorted(groups.items())
    drafts = [sh for key, group in cells for sh in cell_shifts(*key, shift_days(group, reversal))]
    return shown(drafts, _identity, knowledge)
