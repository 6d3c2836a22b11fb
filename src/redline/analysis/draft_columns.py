"""Fixed-width plain-text tables: columns laid out with spaces under dashed column rules.

Pandoc's plain writer, ``psql``-like tools and people typing in a fixed font set a table's
columns by position: a header row over a rule of dashes per column ("------  ------------"), and
rows whose cells wrap onto the next lines inside their column, beside the other cells. Read line
by line, a provision would be cut in three and run into the next column's words. Sliced by the
rule's columns, each row becomes the point its number cell numbers, its text the provision
column's lines joined; the other columns (who leads, a deadline) are no part of its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_COLUMN_RULE = re.compile(r"^\s*-{2,}(?:[ \t]+-{2,})+\s*$")
_FULL_RULE = re.compile(r"^\s*-{3,}\s*$")
_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[IVXivx]{1,5})[.)]?$")


def rule_tables(lines: Sequence[str]) -> list[str]:
    """``lines`` with each fixed-width table whose first column numbers its rows written as
    numbered points ("4. <the widest column's text>"), its header and rules blank; other tables
    and lines as they are. A multiline table (a dashed rule above the header) ends at the next
    full rule, a simple one at its first blank line."""
    out = list(lines)
    k = 0
    while k < len(lines):
        if not _COLUMN_RULE.match(lines[k]):
            k += 1
            continue
        spans = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[k])]
        top = k - 1
        while top >= 0 and lines[top].strip() and not _FULL_RULE.match(lines[top]):
            top -= 1
        multiline = top >= 0 and bool(_FULL_RULE.match(lines[top]))
        end = k + 1
        while end < len(lines) and not _FULL_RULE.match(lines[end]) and not _COLUMN_RULE.match(lines[end]):
            if not lines[end].strip() and not multiline:
                break
            end += 1
        rows = _rows(lines, k + 1, end, spans)
        if len(rows) >= 2 and all(_NUMBER.match(cells[0][0]) for cells in rows.values()):
            text_col = max(
                range(1, len(spans)), key=lambda c: sum(len(" ".join(r[c])) for r in rows.values())
            )
            last = min(end + 1, len(lines)) if multiline else end  # with the closing rule
            for at in range(top if multiline else top + 1, last):
                out[at] = ""  # the header, its rules and the rows' lines, rewritten below
            for at, cells in rows.items():
                number = cells[0][0] if cells[0][0][-1] in ".)" else f"{cells[0][0]}."
                out[at] = f"{number} {' '.join(cells[text_col])}"
        k = end
    return out


def _rows(
    lines: Sequence[str], start: int, end: int, spans: list[tuple[int, int]]
) -> dict[int, list[list[str]]]:
    """The table's rows by the line each opens on: its cells, each cell's lines in order. A line
    whose first cell is empty goes on with the row above it."""
    rows: dict[int, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for at in range(start, end):
        line = lines[at]
        if not line.strip():
            continue
        cells = [
            line[a : spans[c + 1][0] if c + 1 < len(spans) else len(line)].strip()
            for c, (a, _) in enumerate(spans)
        ]
        if cells[0] or current is None:
            current = [[] for _ in spans]
            rows[at] = current
        for c, cell in enumerate(cells):
            if cell:
                current[c].append(cell)
    return {at: cells for at, cells in rows.items() if cells[0]} if all(r[0] for r in rows.values()) else {}
