"""Plan versions from structured exports: JSON (and YAML read as JSON) and CSV.

Reconstructions, hand-made tables and drafting tools' exports keep a version's points under
their own names for the fields ("body", "provision", "ref") and for the list ("clauses",
"items"), or key them by number ({"1": ..., "2": ...}); a spreadsheet carries the version's
author and kind in columns of its own. This module finds the points in such a file and reads
each as a record (``plan_records``), strict about a file that holds no list of points.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from redline.analysis.draft_layout import csv_delimiter, field_names
from redline.analysis.plan_records import apply_meta, check_unique, point_from_record, read_status
from redline.analysis.point_sequence import keyed_points, labelled_strings
from redline.errors import PlanError
from redline.model import PlanVersion, Point

__all__ = ["parse_plan_csv", "parse_plan_json"]


def parse_plan_json(
    text: str,
    *,
    plan: str,
    label: str,
    when: date | None = None,
    source: str | None = None,
    where: str = "<json>",
) -> PlanVersion:
    """Read ``{"points": [{"number", "text", "heading", "issues"}]}`` or a bare list of points/strings."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanError(f"invalid JSON: {exc.msg}", where=f"{where}:{exc.lineno}") from exc
    key, items = _point_list(data, where)
    points: list[Point] = []
    # strings that carry their own numbers ("1. The truce ...") are points of those numbers
    labelled = labelled_strings(items) if all(isinstance(x, str) for x in items) else None
    for i, item in enumerate(items):
        if isinstance(item, str):
            item = {"number": labelled[i][0], "text": labelled[i][1]} if labelled else {"text": item}
        if not isinstance(item, dict):
            raise PlanError("a point must be an object or a string", where=f"{where}:{key}[{i}]")
        point = point_from_record(_fields(item), i, f"{where}:{key}[{i}]", given=item)
        if point is not None:
            points.append(point)
    check_unique(points, where)
    if when is None and isinstance(data, dict) and isinstance(data.get("date"), str):
        try:
            when = date.fromisoformat(data["date"][:10])
        except ValueError:
            when = None
    version = PlanVersion(plan=plan, label=label, date=when, source=source, points=points)
    return apply_meta(version, data if isinstance(data, dict) else {}, where)


def _point_list(data: Any, where: str) -> tuple[str, list[Any]]:
    """(key, list) of the points in a JSON plan: a bare list, ``points``, a mapping keyed by
    point numbers ({"1": ..., "2": ...}), or else the one list of objects (or of strings that
    number themselves, "1. ...") an export keeps them under ("clauses", "items"), the longest
    when there are several."""
    if isinstance(data, list) and data:
        return "points", data
    if isinstance(data, dict):
        if isinstance(data.get("points"), list) and data["points"]:
            return "points", data["points"]
        if keyed := keyed_points(data):  # {"1": "...", "2": "..."}: the keys number the points
            return "points", keyed
        for key, value in data.items():
            if isinstance(value, dict) and (keyed := keyed_points(value)):
                return str(key), keyed
        lists = [
            (str(k), v)
            for k, v in data.items()
            if isinstance(v, list)
            and v
            and (
                all(isinstance(x, dict) for x in v)
                or (all(isinstance(x, str) for x in v) and labelled_strings(v) is not None)
            )
        ]
        if lists:
            return max(lists, key=lambda kv: len(kv[1]))
        found = f"an object with the keys {', '.join(map(str, data)) or '(none)'}"
    else:
        found = "an empty list" if isinstance(data, list) else f"a JSON {type(data).__name__}"
    raise PlanError(
        f"no points found: the file holds {found}, and no list of points",
        where=where,
        hint='expected a list of points or {"points": [{"number": ..., "text": ...}]}',
    )


def _fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON point with its keys named as a plan's fields ("body" is the text, "ref" the number,
    "section" the heading), as CSV columns are; a key whose field is already there stays as it is."""
    keys = list(record)
    out: dict[str, Any] = {}
    for key, name in zip(keys, field_names([str(k) for k in keys]), strict=True):
        out[name if name not in out and name not in record else key] = record[key]
    return out


# How many rows a spreadsheet may hold above its header (a title, a date, blank rows).
_TITLE_ROWS = 5


def _header(reader: Any, where: str) -> list[str]:
    """The field each column of a plan CSV's header row fills. A spreadsheet saved as
    CSV may carry a title row and blank rows above its header ("Heads of agreement - draft 2,,,"):
    the header is the first row that names a text column, within the first few rows."""
    first: list[str] | None = None
    seen = 0
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        first = first if first is not None else row
        if "text" in (columns := field_names(row)):
            return columns
        seen += 1
        if seen >= _TITLE_ROWS:
            break
    raise PlanError(
        f"the CSV has no 'text' column (its columns: {', '.join(first or []) or 'none'})",
        where=f"{where}:1",
        hint="the header must name a text column (text, provision, clause), e.g. number,text,heading",
    )


# Version-level columns of a plan CSV (the rest describe points).
_CSV_META = ("author", "kind", "based_on", "source_url")


def parse_plan_csv(
    text: str,
    *,
    plan: str,
    label: str,
    when: date | None = None,
    source: str | None = None,
    where: str = "<csv>",
) -> PlanVersion:
    """Read a table with a ``text`` column and optional ``number``, ``heading``, ``issues`` columns.

    A spreadsheet has no header block, so a version's author, kind, base and source URLs
    come from ``author``, ``kind``, ``based_on`` and ``source_url`` columns: the first value
    given in each (the other rows may leave them empty).
    """
    reader = csv.reader(io.StringIO(text), delimiter=csv_delimiter(text))
    meta: dict[str, Any] = {}
    columns = _header(reader, where)
    points: list[Point] = []
    gone: list[str] = []
    for row in reader:
        record: dict[str, Any] = {name: (v or "").strip() for name, v in zip(columns, row, strict=False)}
        if not any(record.values()):
            continue
        for key in _CSV_META:
            if record.get(key) and key not in meta:
                meta[key] = record[key]
        if not record.get("text"):
            if read_status(record.get("status"))[0] not in {"unknown", "gone"}:
                raise PlanError("row has no text", where=f"{where}:{reader.line_num}")
            record["text"] = None
        if not record.get("number"):
            record["number"] = str(len(points) + len(gone) + 1)
        point = point_from_record(record, len(points), f"{where}:{reader.line_num}")
        if point is None:
            gone.append(record["number"])
        else:
            points.append(point)
    if not points:
        raise PlanError("no points found", where=where)
    check_unique(points, where)
    version = PlanVersion(plan=plan, label=label, date=when, source=source, points=points)
    return apply_meta(version, meta, where)
