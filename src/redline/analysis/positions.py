"""Who stands where: the party (or actor) x issue (or point) matrix, and shifts over time.

A cell is the balance of one row's dated statements on one column up to a date, so that one
stray label (a misread refusal, a report taken for a demand) cannot flip it:

- ``counts``: the dated statements per stance;
- ``stance``: the cell's value, the most frequent non-neutral stance, a tie going to the stance
  said most recently; neutral only when the row said nothing but neutral things, because a
  neutral statement is a report of fact ("there is no final version") and withdraws nothing;
- ``latest``: the latest non-neutral stance (on a day with several, that day's most frequent),
  which is where a real change of position shows first;
- ``most_frequent``: the most frequent stance, neutral included.

Undated statements cannot be placed in time, so they are in no balance; they are counted per
cell (``undated``) and in the matrix (``undated_statements``) so that nothing is dropped
silently. A shift is a change of the cell value as statements accumulate day by day: the
matrix at any two dates and the shifts between them always agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Generic, Literal, TypeVar

from redline.balance import (
    UNAFFILIATED,
    CellDraft,
    DayGroup,
    Days,
    reversal_test,
    statement_strength,
    strength,
    walk,
)
from redline.knowledge.shift_cues import ShiftKnowledge, shift_knowledge
from redline.model import GENERIC_ISSUES, Statement, reversal_widens, stance_issues

__all__ = [
    "GENERIC_ISSUES",
    "UNAFFILIATED",
    "BalanceSettings",
    "Cell",
    "CellDays",
    "Columns",
    "DayGroup",
    "Days",
    "PositionMatrix",
    "Reverses",
    "RowKind",
    "assemble",
    "by_issue",
    "by_points",
    "cell_days",
    "day_groups",
    "issue_columns",
    "on_column",
    "own_reversal",
    "position_matrix",
    "row_of",
    "stance_issues",
    "strength",
    "summarised_matrix",
]

RowKind = Literal["party", "actor"]
Q = TypeVar("Q")  # how a quote is held while a matrix is computed: a Statement, or a stored id


@dataclass(slots=True)
class Cell:
    """One row's position on one column: the balance of its dated statements."""

    row: str
    column: str
    stance: str  # the value: majority of non-neutral stances, the most recent on a tie
    latest: str  # the latest non-neutral stance (neutral if there is none)
    most_frequent: str  # the most frequent stance, neutral included
    counts: dict[str, int]  # dated statements per stance, every stance keyed
    # the strongest statement with the value's stance, and the one that gave the latest stance;
    # None when the matrix was asked for without quotes (``assemble``)
    quote: Statement | None
    latest_quote: Statement | None
    last_date: date  # of the latest dated statement, neutral ones included
    undated: int = 0  # statements in the cell with no date: counted here, in no balance

    @property
    def supporting(self) -> int:
        """Statements with the cell's stance."""
        return self.counts[self.stance]

    @property
    def total(self) -> int:
        """Dated statements in the balance, neutral ones included."""
        return sum(self.counts.values())


@dataclass(slots=True)
class PositionMatrix:
    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    at: date | None = None
    # undated statements per (row, column), also where no dated statement makes a cell
    undated: dict[tuple[str, str], int] = field(default_factory=dict)
    undated_statements: int = 0  # distinct undated statements the matrix would otherwise hold
    # with ``rows`` one page of the matrix's rows (``row_pages``): how many rows it has in all
    rows_total: int | None = None

    def get(self, row: str, column: str) -> Cell | None:
        return self.cells.get((row, column))

    def undated_in(self, row: str, column: str) -> int:
        return self.undated.get((row, column), 0)


def row_of(statement: Statement, by: RowKind, party_of: Mapping[str, str]) -> str | None:
    """The row a statement belongs to: its speaker's party or the speaker; None without a speaker."""
    sp = statement.speaker
    if sp is None:
        return None
    if by == "actor":
        return sp.name
    return party_of.get(sp.actor_id or "", party_of.get(sp.name, UNAFFILIATED))


def day_groups(statements: Iterable[Statement]) -> Days[Statement]:
    """Dated statements summarised per day and stance, days in order (undated ones left out)."""
    days: dict[date, dict[str, DayGroup[Statement]]] = {}
    for s in statements:
        if s.date is None:
            continue
        per = days.setdefault(s.date, {})
        seen = per.get(s.stance)
        k = statement_strength(s)
        if seen is None:
            per[s.stance] = DayGroup(s.stance, 1, k, s)
        else:
            better = k > seen.strength
            best = (k, s) if better else (seen.strength, seen.best)
            per[s.stance] = DayGroup(s.stance, seen.n + 1, *best)
    return [(day, list(per.values())) for day, per in sorted(days.items())]


def _finish_cell(d: CellDraft[Q], quote: Callable[[Q], Statement | None]) -> Cell:
    return Cell(
        d.row,
        d.column,
        d.stance,
        d.latest,
        d.most_frequent,
        d.counts,
        quote(d.quote),
        quote(d.latest_quote),
        d.last_date,
        d.undated,
    )


Columns = Callable[[Statement], Iterable[str]]
Reverses = Callable[[Statement], bool]  # whether a statement says its speaker's position changed


def by_issue(statement: Statement, reverses: Reverses | None = None) -> list[str]:
    """The issues a statement's stance is about (``redline.model.stance_issues``); with
    ``reverses``, a statement it finds saying outright that its speaker's position changed
    counts on a generic issue it lists too (tested only where that makes a difference)."""
    issues = statement.issues
    widen = reverses is not None and reversal_widens(issues) and reverses(statement)
    return stance_issues(issues, reverses=widen)


def on_column(statement: Statement, column: str) -> Statement:
    """The statement as it counts in a column: with its stance toward that issue
    (``Statement.stance_on``; a point's column, which is no issue, keeps ``stance``), so that
    the matrix, its shifts and the quote a cell shows read the stance each issue was decided for."""
    stance = statement.stance_on(column)
    return statement if stance == statement.stance else replace(statement, stance=stance)


def own_reversal(party_of: Mapping[str, str], knowledge: ShiftKnowledge) -> Reverses:
    """Whether a statement says outright that its speaker's own position changed
    (``balance.reversal_test`` with the speaker's name and party row as its own names), as the
    store's tallies test each statement at write time; never without cues. The cues and the
    names a party goes by are those of ``knowledge`` (the actor files the statements were
    extracted with: ``Store.knowledge``, ``Corpus.knowledge``, ``BalanceSettings.knowledge``)."""
    if not knowledge.cues:
        return lambda _s: False
    says = reversal_test(knowledge.cues, knowledge.not_names, knowledge.party_names)

    def reverses(s: Statement) -> bool:
        sp = s.speaker
        own = () if sp is None else (sp.name, row_of(s, "party", party_of) or "")
        return says(s.content.text, own)

    return reverses


def issue_columns(reverses: Reverses | None = None, issue: str | None = None) -> Columns:
    """Columns by issue (``by_issue``), narrowed to ``issue`` when given: the one rule the
    matrix, the shifts and the store's tallies place a statement by."""
    if issue is None:
        return lambda s: by_issue(s, reverses)
    return lambda s: [i for i in by_issue(s, reverses) if i == issue]


def by_points(links: Mapping[str, Sequence[str]]) -> Columns:
    """Columns from statement-point links (statement id -> point numbers)."""
    return lambda s: list(links.get(s.id, ()))


@dataclass(frozen=True, slots=True)
class BalanceSettings:
    """What a balance is taken over: rows ``by`` party (a speaker's party from ``party_of``) or
    actor, columns (issues by default, or linked points: ``by_points``), as of the day ``at``,
    narrowed to one ``issue``, a statement that says its speaker's position changed and a
    collective speaker told by ``knowledge`` (that of the actor files the statements were
    extracted with; the packaged one when none is given, the one place that default is made).

    One object that ``position_matrix`` and ``find_shifts`` both take: the matrix on a day and
    the shifts up to it agree only when both place the same statements in the same cells."""

    by: RowKind
    party_of: Mapping[str, str] = field(default_factory=dict)
    columns: Columns | None = None
    at: date | None = None
    issue: str | None = None
    knowledge: ShiftKnowledge = field(default_factory=shift_knowledge)


@dataclass(slots=True)
class CellDays(Generic[Q]):
    """What a matrix is computed from: per (row, column), the dated statements summarised day
    by day, and the undated ones counted. Built from statements here, or read from the
    store's tallies, which hold the same summaries kept current on every write."""

    dated: dict[tuple[str, str], Days[Q]] = field(default_factory=dict)
    undated: dict[tuple[str, str], int] = field(default_factory=dict)
    undated_statements: int = 0  # distinct: a statement on two columns once


def cell_days(
    statements: Iterable[Statement],
    *,
    by: RowKind,
    party_of: Mapping[str, str],
    columns: Columns | None = None,
    at: date | None = None,
    issue: str | None = None,
    reverses: Reverses | None = None,
) -> CellDays[Statement]:
    """Statements by (row, column); with an issue filter, issue columns narrow to that issue.

    A statement dated after ``at`` is left out (it was not said yet); an undated one goes
    to ``undated`` whatever ``at`` is, since nobody can tell whether it was said by then.
    ``reverses`` (``own_reversal``) widens the issue columns of explicit reversals.
    """
    if columns is None:
        columns = issue_columns(reverses, issue)
    dated: dict[tuple[str, str], list[Statement]] = {}
    undated: dict[tuple[str, str], int] = {}
    undated_ids: set[str] = set()
    for s in statements:
        if at is not None and s.date is not None and s.date > at:
            continue
        if issue is not None and issue not in s.issues:
            continue
        row = row_of(s, by, party_of)
        if row is None:
            continue
        for col in columns(s):
            if s.date is None:
                undated[(row, col)] = undated.get((row, col), 0) + 1
                undated_ids.add(s.id)
            else:
                dated.setdefault((row, col), []).append(on_column(s, col))
    return CellDays({key: day_groups(group) for key, group in dated.items()}, undated, len(undated_ids))


# given the quote references a result uses, how to turn each into its statement
Quotes = Callable[[list[Q]], Callable[[Q], Statement]]


def _no_quote(_ref: object) -> None:
    return None


def _identity(s: Statement) -> Statement:
    return s


def _same(_quotes: list[Statement]) -> Callable[[Statement], Statement]:
    return _identity


def summarised_matrix(days: CellDays[Q], quotes: Quotes[Q] | None, at: date | None = None) -> PositionMatrix:
    """The matrix of summarised cells; ``quotes`` turns the quote references the matrix uses
    (only those) into statements, in one call."""
    cells = {key: walk(*key, days.dated[key], days.undated.get(key, 0)) for key in sorted(days.dated)}
    return assemble(cells, days.undated, days.undated_statements, quotes, at)


def assemble(
    cells: Mapping[tuple[str, str], CellDraft[Q]],
    undated: Mapping[tuple[str, str], int],
    undated_statements: int,
    quotes: Quotes[Q] | None,
    at: date | None = None,
) -> PositionMatrix:
    """The matrix of cell drafts, however computed (walked here, or kept by the store);
    ``quotes`` None: cells without their quotes, none read (a page of thousands of cells)."""
    refs = [q for c in cells.values() for q in (c.quote, c.latest_quote)] if quotes else []
    found: Callable[[Q], Statement | None] = _no_quote if quotes is None else quotes(refs)
    keys = set(cells) | set(undated)
    return PositionMatrix(
        sorted({r for r, _ in keys}),
        sorted({c for _, c in keys}),
        {key: _finish_cell(cells[key], found) for key in sorted(cells)},
        at,
        dict(undated),
        undated_statements,
    )


def position_matrix(statements: Iterable[Statement], settings: BalanceSettings) -> PositionMatrix:
    """The matrix of rows (parties or actors) by columns (issues by default, or linked points).

    ``settings.at`` keeps only statements dated on or before it, so the matrix answers "where
    did everyone stand on that day"; undated statements are counted beside the cells, never in
    them. A row or column that has only undated statements is still listed, with no cell. A
    statement that says outright that its speaker's position changed counts on the same columns
    as in ``find_shifts`` (``by_issue``), told by the settings' knowledge (``own_reversal``).
    """
    knowledge = settings.knowledge
    reverses = own_reversal(settings.party_of, knowledge) if knowledge.cues else None
    days = cell_days(
        statements,
        by=settings.by,
        party_of=settings.party_of,
        columns=settings.columns,
        at=settings.at,
        issue=settings.issue,
        reverses=reverses,
    )
    return summarised_matrix(days, _same, settings.at)
