"""An Excel workbook (``.xlsx``, Office Open XML) as the rows of its sheets, each a list of the
cells' text as Excel shows it.

A negotiating team's tracker keeps a draft's points in a sheet ("Ref | Topic | Text | Status"),
often beside other sheets (a log of changes, a list of delegates). The cells' strings are kept
apart from the sheets (``sharedStrings.xml``) or written in the cell (inline strings); numbers
are stored as numbers ("3" or "3.0" for the 3 shown). Which sheet holds the points is the
caller's question: this module only reads the cells.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from redline.sources.office import OfficeError, is_package, xml_part

__all__ = ["Sheet", "WorkbookError", "is_xlsx", "xlsx_sheets"]

_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_WORKBOOK = "xl/workbook.xml"
_CELL_REF = re.compile(r"^(?P<col>[A-Z]{1,3})\d*$")
# A sheet wider than this is no table of points: its cells past it are not read.
_MAX_COLUMNS = 200


class WorkbookError(OfficeError):
    """The file is a ZIP archive but no Excel workbook that can be read."""


@dataclass(frozen=True)
class Sheet:
    """A worksheet's name and its rows, each a list of cell texts ("" for an empty cell)."""

    name: str
    rows: list[list[str]]


def is_xlsx(data: bytes) -> bool:
    """Whether ``data`` is a ZIP archive holding an Excel workbook's main part."""
    return is_package(data, _WORKBOOK)


def xlsx_sheets(data: bytes) -> list[Sheet]:
    """The worksheets of the workbook in ``data``, in the workbook's order. Raises
    ``WorkbookError`` for a ZIP archive that holds no readable workbook."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            workbook = xml_part(archive, _WORKBOOK, WorkbookError)
            if workbook is None:
                raise WorkbookError("is a ZIP archive with no Excel workbook in it (xl/workbook.xml)")
            strings = _shared_strings(xml_part(archive, "xl/sharedStrings.xml", WorkbookError))
            targets = _targets(xml_part(archive, "xl/_rels/workbook.xml.rels", WorkbookError))
            sheets: list[Sheet] = []
            for k, entry in enumerate(workbook.iter(f"{_S}sheet"), start=1):
                target = targets.get(entry.get(f"{_REL}id", ""), f"worksheets/sheet{k}.xml")
                name = (
                    posixpath.normpath(posixpath.join("xl", target))
                    if not target.startswith("/")
                    else target[1:]
                )
                part = xml_part(archive, name, WorkbookError)
                if part is not None:
                    sheets.append(Sheet(entry.get("name", f"Sheet{k}"), _rows(part, strings)))
    except zipfile.BadZipFile:
        raise WorkbookError("is a broken ZIP archive") from None
    return sheets


def _targets(rels: etree._Element | None) -> dict[str, str]:
    """The part each relationship id of the workbook points at ("rId1" -> "worksheets/sheet1.xml")."""
    if rels is None:
        return {}
    return {rel.get("Id", ""): rel.get("Target", "") for rel in rels.iter(f"{_PKG}Relationship")}


def _shared_strings(part: etree._Element | None) -> list[str]:
    if part is None:
        return []
    return [_string(si) for si in part.iter(f"{_S}si")]


def _string(el: etree._Element) -> str:
    """A string item's text: its ``t``, or the ``t`` of each run of rich text, phonetic guides
    (``rPh``) left out."""
    return "".join(t.text or "" for t in el.iter(f"{_S}t") if t.getparent().tag != f"{_S}rPh")


def _rows(sheet: etree._Element, strings: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in sheet.iter(f"{_S}row"):
        cells: list[str] = []
        for c in row.iter(f"{_S}c"):
            m = _CELL_REF.match(c.get("r", ""))
            at = _column(m.group("col")) if m else len(cells)
            if at >= _MAX_COLUMNS:
                continue
            cells.extend([""] * (at - len(cells)))
            value = _value(c, strings)
            if at < len(cells):
                cells[at] = value
            else:
                cells.append(value)
        rows.append(cells)
    return rows


def _column(letters: str) -> int:
    """A column's index from its letters ("A" is 0, "AA" is 26)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def _value(c: etree._Element, strings: list[str]) -> str:
    """A cell's text as Excel shows it: a shared or inline string, a boolean, or a number in its
    shortest form (a ref stored as 3.0 is "3")."""
    kind = c.get("t", "n")
    if kind == "inlineStr":
        inline = c.find(f"{_S}is")
        return _string(inline) if inline is not None else ""
    v = c.find(f"{_S}v")
    raw = (v.text or "") if v is not None else ""
    if kind == "s":
        try:
            return strings[int(raw)]
        except (ValueError, IndexError):
            return ""
    if kind == "b":
        return "TRUE" if raw.strip() == "1" else "FALSE"
    if kind == "n" and raw:
        try:
            number = float(raw)
        except ValueError:
            return raw
        return str(int(number)) if number.is_integer() and abs(number) < 1e15 else raw
    return raw
