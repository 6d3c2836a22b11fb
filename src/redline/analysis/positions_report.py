"""The positions result in one shape for every reader: CLI JSON, the API and the export.

``redline positions -f json``, ``GET /api/v1/positions`` and ``redline export positions -f
json`` all serialise ``PositionsReport`` (the API validates it into its pydantic twin), so
the three cannot drift apart. The report is where ids become words a reader knows: parties
get their names ("United States", not ``united_states``), issue columns their label and the
proposition on the table ("Ukraine withdraws from Donbas"), point columns the point's text.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from redline.analysis.negotiation import Positions, point_texts
from redline.analysis.positions import Cell, RowKind
from redline.analysis.row_pages import RowPage
from redline.analysis.shifts import Shift
from redline.balance import UNAFFILIATED
from redline.knowledge.actors import declared_parties
from redline.knowledge.issues import Taxonomy, load_issues
from redline.model import Document, Statement

__all__ = [
    "CellReport",
    "ColumnRef",
    "PartyNames",
    "PositionsReport",
    "QuoteRef",
    "RowRef",
    "ShiftReport",
    "UnplacedCell",
    "party_names",
    "plan_option_without_plan",
    "positions_report",
    "undated_line",
]


class PartyNames:
    """The name a reader is shown for each party: ``parties`` of ``actors.yaml`` and of the
    user's actor files, and "No party" for the row of speakers without one.

    A value, made once where the settings are known (an app from its ``actors``, a command from
    its settings) and handed to whatever shows a party: no module keeps the names in effect, so
    two apps with different actor files in one process each show their own."""

    __slots__ = ("names",)

    def __init__(self, declared: Mapping[str, str]) -> None:
        self.names: dict[str, str] = {**declared, UNAFFILIATED: "No party"}

    def __call__(self, party: str) -> str:
        """A party's name; one no actor file names (an id only statements carry) is its id with
        capitals, never a raw slug."""
        return self.names.get(party) or " ".join(w.capitalize() for w in party.split("_"))


def party_names(actor_files: Sequence[Path] = ()) -> PartyNames:
    """The names declared by the packaged actor file and then ``actor_files`` (the settings'
    ``actors``); without files, the packaged names: for callers that have no settings."""
    return PartyNames(declared_parties(actor_files))


def plan_option_without_plan(plan: str | None, version: str | None, lineage: str | None) -> str | None:
    """The option that needs a plan when none is named (``version`` or ``lineage``), else None.
    Without a plan the columns are issues and both were dropped unseen: `--lineage US` answered
    the issue matrix as if it were the US drafts' points."""
    if plan is not None:
        return None
    return "version" if version is not None else "lineage" if lineage is not None else None


def undated_line(n: int) -> str | None:
    """The sentence every view prints under the matrix when statements could not be placed."""
    if not n:
        return None
    return (
        f"{n} undated statement{'s' if n != 1 else ''} not placed in time (counted per cell, in no balance)"
    )


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """A statement quoted as evidence, with where to find it."""

    statement_id: str
    text: str
    speaker: str | None
    stance: str
    date: str | None
    document_id: str
    start: int
    end: int
    url: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class RowRef:
    id: str  # party id or actor name, as queries take it
    name: str  # what a reader is shown


@dataclass(frozen=True, slots=True)
class ColumnRef:
    id: str  # issue id or point number
    label: str  # "Territory" or "point 3"
    proposition: str  # in a few words: "Ukraine withdraws from Donbas"; a point's text
    text: str  # the whole proposition, or the point's text


@dataclass(frozen=True, slots=True)
class CellReport:
    """One cell: the balance of dated statements, its counts, and the quotes behind it."""

    row: str
    row_name: str
    column: str
    column_label: str
    proposition: str
    stance: str  # the balance: majority of non-neutral stances, the most recent on a tie
    latest: str  # the latest non-neutral stance
    most_frequent: str  # neutral included
    counts: dict[str, int]  # dated statements per stance
    supporting: int  # dated statements with ``stance``
    statements: int  # dated statements in the balance
    undated: int  # statements with no date, in no balance
    last_date: str
    # the strongest statement with ``stance``, and the statement that gave ``latest``; None when
    # the positions were asked for without quotes (by actor, unless asked: thousands of cells)
    quote: QuoteRef | None
    latest_quote: QuoteRef | None


@dataclass(frozen=True, slots=True)
class UnplacedCell:
    """A row and column with statements, none of them dated: no balance, only a count."""

    row: str
    row_name: str
    column: str
    column_label: str
    proposition: str
    undated: int


@dataclass(frozen=True, slots=True)
class ShiftReport:
    row: str
    row_name: str
    column: str
    column_label: str
    proposition: str
    before: str
    after: str
    kind: str  # ``reversal`` (a change of side) or ``nuance`` (``balance.shift_kind``)
    date: str
    quote_before: QuoteRef
    quote_after: QuoteRef


@dataclass(frozen=True, slots=True)
class PositionsReport:
    by: RowKind
    at: str | None
    issue: str | None
    plan: str | None
    version: str | None
    rows: list[RowRef]
    columns: list[ColumnRef]
    cells: list[CellReport]  # rows then columns, in the order of ``rows`` and ``columns``
    unplaced: list[UnplacedCell]
    shifts: list[ShiftReport]  # in date order
    undated: int  # distinct undated statements the matrix holds (a statement on two issues once)
    # ``rows`` is one page of the matrix's rows, the most quoted first (``row_pages``): how many
    # rows the matrix has, and where the page starts and how long it may be (None: every row)
    rows_total: int = 0
    offset: int = 0
    limit: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = _plain(self)
        return out


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copies (a report holds only fresh plain values):
    a matrix with thousands of shifts was a second of copying."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {f: _plain(getattr(value, f)) for f in value.__dataclass_fields__}
    return value


@functools.cache
def _packaged_taxonomy() -> Taxonomy:
    return load_issues()


@functools.cache
def _packaged_parties() -> PartyNames:
    return party_names()


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# A quote's reference by statement id, with the statement and document it was made of: the
# store hands out the same objects for the quotes it keeps (``store.quote_cache``) until a
# stored row changes, so a page by actor after a write (3,000 quotes, most of them the same)
# makes only its new quotes' references. The objects are compared by identity: a changed
# statement is a new object, and makes a new reference.
_QUOTE_REFS: dict[str, tuple[Statement, Document | None, QuoteRef]] = {}
KEPT_QUOTE_REFS = 20_000  # as many as the store keeps quotes


class _Refs:
    """Names and quotes for one report: the lookups shared by its cells and shifts."""

    def __init__(
        self,
        by: RowKind,
        docs: Mapping[str, Document],
        taxonomy: Taxonomy,
        points: Mapping[str, str],
        parties: PartyNames,
    ) -> None:
        self.by = by
        self.parties = parties
        self.docs = docs
        self.issues = {i.id: i for i in taxonomy.issues}
        self.points = points
        self.quotes = True  # cells with their quotes (the result's, if it has them)
        self._where: dict[tuple[str, str], dict[str, str]] = {}  # a cell's names, made once

    def row(self, row: str) -> RowRef:
        return RowRef(row, self.parties(row) if self.by == "party" else row)

    def column(self, column: str) -> ColumnRef:
        if self.points:
            text = self.points.get(column, "")
            return ColumnRef(column, f"point {column}", text, text)
        issue = self.issues.get(column)
        if issue is None:
            return ColumnRef(column, column.replace("_", " "), "", "")
        return ColumnRef(column, issue.label, issue.proposition_label, issue.proposition)

    def quote(self, s: Statement) -> QuoteRef:
        doc = self.docs.get(s.document_id)
        kept = _QUOTE_REFS.get(s.id)
        if kept is not None and kept[0] is s and kept[1] is doc:
            return kept[2]
        ref = QuoteRef(
            statement_id=s.id,
            text=s.content.text,
            speaker=s.speaker.name if s.speaker else None,
            stance=s.stance,
            date=_iso(s.date),
            document_id=s.document_id,
            start=s.content.start,
            end=s.content.end,
            url=doc.url if doc else None,
            outlet=doc.outlet if doc else None,
        )
        if len(_QUOTE_REFS) >= KEPT_QUOTE_REFS:
            _QUOTE_REFS.clear()
        _QUOTE_REFS[s.id] = (s, doc, ref)
        return ref

    def where(self, row: str, column: str) -> dict[str, str]:
        found = self._where.get((row, column))
        if found is None:
            col = self.column(column)
            found = self._where[(row, column)] = {
                "row": row,
                "row_name": self.row(row).name,
                "column": column,
                "column_label": col.label,
                "proposition": col.proposition,
            }
        return found

    def cell(self, c: Cell) -> CellReport:
        return CellReport(
            **self.where(c.row, c.column),
            stance=c.stance,
            latest=c.latest,
            most_frequent=c.most_frequent,
            counts=dict(c.counts),
            supporting=c.supporting,
            statements=c.total,
            undated=c.undated,
            last_date=c.last_date.isoformat(),
            quote=self.quote(c.quote) if c.quote and self.quotes else None,
            latest_quote=self.quote(c.latest_quote) if c.latest_quote and self.quotes else None,
        )

    def shift(self, s: Shift) -> ShiftReport:
        return ShiftReport(
            **self.where(s.row, s.column),
            before=s.before,
            after=s.after,
            kind=s.kind,
            date=s.date.isoformat(),
            quote_before=self.quote(s.quote_before),
            quote_after=self.quote(s.quote_after),
        )


def positions_report(
    result: Positions,
    *,
    by: RowKind,
    documents: Mapping[str, Document],
    issue: str | None = None,
    plan: str | None = None,
    taxonomy: Taxonomy | None = None,
    parties: PartyNames | None = None,
    page: RowPage | None = None,
    quotes: bool = True,
) -> PositionsReport:
    """The report of a ``negotiation.positions`` result; issues are named by ``taxonomy``
    (default: the packaged one), parties by ``parties`` (default: the packaged names; an app or
    a command passes those of its settings' actor files), points by the version the columns
    come from; ``page``: the page of rows the result was computed for, if any; ``quotes``
    False: cells without quotes."""
    m = result.matrix
    points = point_texts(result.version)
    refs = _Refs(by, documents, taxonomy or _packaged_taxonomy(), points, parties or _packaged_parties())
    refs.quotes = quotes
    # points in the version's order, issues in the taxonomy's (the plan first, then territory, ...)
    rank = {c: i for i, c in enumerate(points or refs.issues)}
    columns = sorted(m.columns, key=lambda c: (rank.get(c, len(rank)), c))
    keys = [(r, c) for r in m.rows for c in columns]
    return PositionsReport(
        by=by,
        at=_iso(m.at),
        issue=issue,
        plan=plan,
        version=result.version.label if result.version else None,
        rows=[refs.row(r) for r in m.rows],
        columns=[refs.column(c) for c in columns],
        cells=[refs.cell(m.cells[k]) for k in keys if k in m.cells],
        unplaced=[
            UnplacedCell(**refs.where(*k), undated=m.undated[k])
            for k in keys
            if k not in m.cells and k in m.undated
        ],
        shifts=[refs.shift(s) for s in result.shifts],
        undated=m.undated_statements,
        rows_total=len(m.rows) if m.rows_total is None else m.rows_total,
        offset=page.offset if page else 0,
        limit=page.limit if page else None,
    )
