"""The position matrix for other tools: JSON as the CLI and API give it, CSV as a long table.

Read from the store's tallies (``analysis.stored_positions``, corrections applied, rejected
and reprinted statements left out) as ``redline positions`` and ``/api/v1/positions`` read
them, and serialised through the same ``PositionsReport``, so the export says what they say
at the same cost. The CSV has one row per party (or actor) and issue: the cell's balance
(stance, latest, most frequent, the count of each stance), its undated statements, and the
strongest quote with its provenance; a pair with only undated statements is a row too, with
no stance, so that nothing is dropped.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any, TextIO

from redline.analysis.positions import RowKind
from redline.analysis.positions_report import (
    CellReport,
    PartyNames,
    PositionsReport,
    UnplacedCell,
    positions_report,
)
from redline.analysis.row_pages import ranked, restricted
from redline.export.output import check_format
from redline.export.tables import write_rows
from redline.knowledge.issues import Taxonomy
from redline.model import STANCES
from redline.store import Store

POSITION_FORMATS = ("csv", "json")
POSITION_COLUMNS = (
    "by",
    "row",
    "row_name",
    "issue",
    "concept",
    "proposition",
    "stance",
    "latest",
    "most_frequent",
    *STANCES,
    "supporting",
    "statements",
    "undated",
    "last_date",
    "quote",
    "quote_speaker",
    "quote_date",
    "quote_statement_id",
    "quote_document_id",
    "quote_start",
    "quote_end",
)


def stored_positions(
    store: Store,
    *,
    by: RowKind = "party",
    at: date | None = None,
    issue: str | None = None,
    taxonomy: Taxonomy | None = None,
    parties: PartyNames | None = None,
) -> PositionsReport:
    """The party (or actor) x issue positions of the stored corpus, as of ``at`` if given;
    issues and parties named by ``taxonomy`` and ``parties`` (default: the packaged ones)."""
    # imported here, as the CLI does: it brings plan linking, which `export statements` never needs
    from redline.analysis import stored_positions as tallies

    found = tallies.stored_positions(store, by=by, at=at, issue=issue)
    # every row, in the order the command, the API and the dashboard page them (the most quoted
    # first), so that the export is their pages end to end and not the same rows resorted
    ranks = store.row_totals(by, issue=issue)
    order = ranked(ranks) + sorted(set(found.result.matrix.rows) - set(ranks))
    result = replace(found.result, matrix=restricted(found.result.matrix, order, len(order)))
    return positions_report(
        result, by=by, documents=found.documents, issue=issue, taxonomy=taxonomy, parties=parties
    )


def _row(cell: CellReport | UnplacedCell, by: RowKind) -> dict[str, Any]:
    row: dict[str, Any] = {
        "by": by,
        "row": cell.row,
        "row_name": cell.row_name,
        "issue": cell.column,
        "concept": cell.column_label,
        "proposition": cell.proposition,
        "undated": cell.undated,
    }
    if isinstance(cell, UnplacedCell):
        return row | dict.fromkeys(STANCES, 0) | {"supporting": 0, "statements": 0}
    q = cell.quote
    return row | {
        "stance": cell.stance,
        "latest": cell.latest,
        "most_frequent": cell.most_frequent,
        **{stance: cell.counts.get(stance, 0) for stance in STANCES},
        "supporting": cell.supporting,
        "statements": cell.statements,
        "last_date": cell.last_date,
        # empty when the report was made without quotes
        "quote": q.text if q else None,
        "quote_speaker": q.speaker if q else None,
        "quote_date": q.date if q else None,
        "quote_statement_id": q.statement_id if q else None,
        "quote_document_id": q.document_id if q else None,
        "quote_start": q.start if q else None,
        "quote_end": q.end if q else None,
    }


def cells_in_order(report: PositionsReport) -> list[CellReport | UnplacedCell]:
    """Every cell, and every pair with only undated statements, row by row in the report's row
    order (the most quoted first), then column by column: the order of the CSV and of the
    table `redline positions` prints."""
    order = {c.id: i for i, c in enumerate(report.columns)}
    rows = {r.id: i for i, r in enumerate(report.rows)}
    cells: list[CellReport | UnplacedCell] = [*report.cells, *report.unplaced]
    cells.sort(key=lambda c: (rows[c.row], order[c.column]))
    return cells


def position_rows(report: PositionsReport) -> list[dict[str, Any]]:
    """One row per cell, and per pair with only undated statements, in the report's order."""
    return [_row(c, report.by) for c in cells_in_order(report)]


def export_positions(
    store: Store,
    out: TextIO,
    fmt: str = "csv",
    *,
    by: RowKind = "party",
    at: date | None = None,
    issue: str | None = None,
    taxonomy: Taxonomy | None = None,
    parties: PartyNames | None = None,
) -> int:
    """Write the positions as csv (long table) or json (the report); return the number of cells."""
    check_format(fmt, POSITION_FORMATS, "positions")
    report = stored_positions(store, by=by, at=at, issue=issue, taxonomy=taxonomy, parties=parties)
    if fmt == "json":
        out.write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
        return len(report.cells) + len(report.unplaced)
    return write_rows(position_rows(report), POSITION_COLUMNS, fmt, out)
