"""Rows to CSV, JSON or JSON Lines, one row at a time, so an export's memory does not grow with it.

CSV: the csv module, a header row, ``\\n`` line ends, lists joined by ``;`` (issue ids carry
no ``;``), a mapping as its values joined so (stances by issue: in the order of ``issues``,
beside them), booleans as ``true``/``false``, missing values empty. JSON: a top-level array
written element by element; JSON Lines: one object per line. Both keep lists as lists and
non-ASCII as is.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

TABLE_FORMATS = ("csv", "json", "jsonl")
LIST_SEPARATOR = ";"


def cell(value: Any) -> Any:
    """One CSV cell; the csv module itself writes None as empty and numbers with ``str``."""
    kind = type(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is list or kind is tuple:
        return LIST_SEPARATOR.join(str(cell(v)) for v in value)
    if kind is dict:  # a column keyed by another's items (``issue_stances`` by ``issues``)
        return LIST_SEPARATOR.join(str(cell(v)) for v in value.values())
    return value


def write_csv(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO, *, delimiter: str = ","
) -> int:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
        n += 1
    return n


def _json(row: Mapping[str, Any], columns: Sequence[str], indent: int | None) -> str:
    return json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, indent=indent)


def write_json(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    n = 0
    out.write("[")
    for row in rows:
        out.write(",\n" if n else "\n")
        out.write(_json(row, columns, None))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def write_jsonl(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(_json(row, columns, None) + "\n")
        n += 1
    return n


def write_rows(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str, out: TextIO) -> int:
    """Write ``rows`` (only ``columns``, in that order) as ``fmt``; return how many were written."""
    if fmt == "csv":
        return write_csv(rows, columns, out)
    if fmt == "json":
        return write_json(rows, columns, out)
    if fmt == "jsonl":
        return write_jsonl(rows, columns, out)
    raise ValueError(f"unknown table format {fmt!r}")
