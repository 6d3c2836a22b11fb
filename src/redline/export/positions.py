"""The position matrix as a long table: one row per party (or actor) and issue.

Built by ``redline.analysis.positions.position_matrix`` from the stored statements that
count (corrections applied, rejected and reprinted ones left out), so the export says what
``redline positions`` says: the cell's stance, how many statements back it out of how many,
and the strongest quote with its provenance.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, TextIO

from redline.analysis.positions import Cell, PositionMatrix, RowKind, position_matrix
from redline.export.output import check_format
from redline.export.tables import write_rows
from redline.knowledge.issues import Taxonomy
from redline.model import Statement
from redline.store import Store

POSITION_FORMATS = ("csv", "json")
POSITION_COLUMNS = (
    "by",
    "row",
    "issue",
    "concept",
    "stance",
    "supporting",
    "statements",
    "last_date",
    "quote",
    "quote_speaker",
    "quote_date",
    "quote_statement_id",
    "quote_document_id",
    "quote_start",
    "quote_end",
)


def _statements(store: Store) -> Iterator[Statement]:
    for extraction in store.iter_extractions():
        yield from extraction.statements


def positions_matrix(
    store: Store, *, by: RowKind = "party", at: date | None = None, issue: str | None = None
) -> PositionMatrix:
    """The party (or actor) x issue matrix of the stored corpus, as of ``at`` if given."""
    return position_matrix(_statements(store), by=by, party_of=store.parties(), at=at, issue=issue)


def _row(cell: Cell, by: RowKind, labels: dict[str, str]) -> dict[str, Any]:
    q = cell.quote
    return {
        "by": by,
        "row": cell.row,
        "issue": cell.column,
        "concept": labels.get(cell.column, cell.column),
        "stance": cell.stance,
        "supporting": cell.supporting,
        "statements": cell.total,
        "last_date": cell.last_date.isoformat() if cell.last_date else None,
        "quote": q.content.text,
        "quote_speaker": q.speaker.name if q.speaker else None,
        "quote_date": q.date.isoformat() if q.date else None,
        "quote_statement_id": q.id,
        "quote_document_id": q.document_id,
        "quote_start": q.content.start,
        "quote_end": q.content.end,
    }


def position_rows(
    matrix: PositionMatrix, by: RowKind = "party", taxonomy: Taxonomy | None = None
) -> list[dict[str, Any]]:
    """One row per filled cell, rows then issues in sorted order."""
    labels = {i.id: i.label for i in taxonomy.issues} if taxonomy else {}
    return [
        _row(matrix.cells[(r, c)], by, labels)
        for r in matrix.rows
        for c in matrix.columns
        if (r, c) in matrix.cells
    ]


def export_positions(
    store: Store,
    out: TextIO,
    fmt: str = "csv",
    *,
    by: RowKind = "party",
    at: date | None = None,
    issue: str | None = None,
    taxonomy: Taxonomy | None = None,
) -> int:
    """Write the position matrix (long form) as csv or json; return the number of cells."""
    check_format(fmt, POSITION_FORMATS, "positions")
    rows = position_rows(positions_matrix(store, by=by, at=at, issue=issue), by, taxonomy)
    return write_rows(rows, POSITION_COLUMNS, fmt, out)
