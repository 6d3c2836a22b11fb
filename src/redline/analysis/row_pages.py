"""One page of a positions matrix's rows: the most quoted first, with how many rows there are.

By actor, a matrix has thousands of rows (9,000 cells at 1M statements, 20-28 MB with their
quotes): no reader can use that in one answer, and no interface can send it in 300 ms. So the
API, the dashboard and ``redline positions`` all show it a page of rows at a time, in one
order: by the number of statements in the row's cells as of today (dated and undated; a
statement on two columns counts in both), most first, then by row id. The order does not
depend on the day asked for, so the same rows are on the same page at every date and two
dates compare row by row; a row with nothing said by that day is listed with no cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from redline.analysis.positions import CellDays, PositionMatrix
from redline.analysis.shifts import Shift

__all__ = [
    "DEFAULT_ROWS",
    "MAX_ROWS",
    "RowPage",
    "days_totals",
    "page_of",
    "quotes_by_default",
    "ranked",
    "restricted",
]

DEFAULT_ROWS = 50  # rows per page unless asked: every party, or the 50 most quoted actors
MAX_ROWS = 500  # most rows a page can ask for (also bounds ``row_key IN (...)`` in the store)


@dataclass(frozen=True, slots=True)
class RowPage:
    """Which rows of a matrix to show: ``limit`` of them from ``offset`` in the ranked order."""

    limit: int = DEFAULT_ROWS
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_ROWS or self.offset < 0:
            raise ValueError(f"a page holds 1 to {MAX_ROWS} rows from an offset of 0 or more")


def quotes_by_default(by: str) -> bool:
    """Whether cells carry their quotes unless asked otherwise: by party (a few dozen cells)
    yes; by actor no, since a page of 50 actors has some 1,500 cells and their 3,000 quotes
    were most of the answer (ask for them with ``quotes``)."""
    return by == "party"


def ranked(totals: Mapping[str, int]) -> list[str]:
    """Row ids by their statements, most first, then by id (so equal rows keep one order)."""
    return sorted(totals, key=lambda row: (-totals[row], row))


def days_totals(days: CellDays[Any]) -> dict[str, int]:
    """Per row, the statements of a matrix's input (dated and undated, per column), as the
    store's ``row_totals`` counts them from its kept cells."""
    totals: dict[str, int] = {}
    for (row, _), groups in days.dated.items():
        totals[row] = totals.get(row, 0) + sum(g.n for _, day in groups for g in day)
    for (row, _), n in days.undated.items():
        totals[row] = totals.get(row, 0) + n
    return totals


def page_of(
    matrix: PositionMatrix, shifts: list[Shift], totals: Mapping[str, int], page: RowPage
) -> tuple[PositionMatrix, list[Shift]]:
    """The page's rows of a whole matrix and its shifts (the computation every paged answer
    must equal: the store reads only the page's rows, and is tested against this)."""
    rows = ranked(totals)[page.offset : page.offset + page.limit]
    return restricted(matrix, rows, len(totals)), [s for s in shifts if s.row in set(rows)]


def restricted(matrix: PositionMatrix, rows: list[str], total: int) -> PositionMatrix:
    """``matrix`` with only ``rows`` (in that order, each listed even with no cell) of ``total``
    and the columns they have statements in; the undated statements counted are the matrix's."""
    keep = set(rows)
    cells = {k: c for k, c in matrix.cells.items() if k[0] in keep}
    undated = {k: n for k, n in matrix.undated.items() if k[0] in keep}
    columns = sorted({c for _, c in cells} | {c for _, c in undated})
    return PositionMatrix(rows, columns, cells, matrix.at, undated, matrix.undated_statements, total)
