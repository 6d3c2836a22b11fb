"""Reading a plan file: its text and the format its extension names (a saved page or a legal-XML
export as the text it shows).

Parsing lives in ``redline.analysis.plans``; this module only does the file I/O so that the
analysis layer receives text and turns it into points.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from lxml import etree

from redline.errors import PlanError
from redline.model import Problem
from redline.sources.guards import declared_charset, decode
from redline.sources.html import outline_text
from redline.sources.mail import is_mail, mail_text
from redline.sources.markup import org_text, rst_text
from redline.sources.office import OfficeError
from redline.sources.opendocument import is_odt, odt_text
from redline.sources.rtf import is_rtf, rtf_text
from redline.sources.word import docx_text, is_docx
from redline.sources.workbook import Sheet, is_xlsx, xlsx_sheets

FORMATS = {
    ".json": "json",
    ".csv": "csv",
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".tex": "text",  # LaTeX source: the text reader reads it as the document prints it
    ".html": "html",
    ".htm": "html",
    ".xml": "xml",
    ".rtf": "rtf",  # Rich Text Format: read as the text a word processor shows
    ".eml": "eml",  # an e-mail saved by a mail program: read as the program shows it
    ".docx": "docx",  # a Word document: read as Word shows it, its list numbers counted
    ".xlsx": "xlsx",  # an Excel workbook: the sheet that numbers its rows of text, read as CSV
    ".odt": "odt",  # an OpenDocument text (LibreOffice): read as it shows, its list numbers counted
    ".rst": "rst",  # reStructuredText: read as it renders
    ".org": "org",  # an Emacs Org-mode outline: read as it exports
}


def read_plan_file(path: Path, fmt: str | None = None) -> tuple[str, str]:
    """The text of ``path`` and its format (text, json or csv); ``fmt`` overrides the extension.
    A saved web page (html) is read as the text its headings, paragraphs and lists show, a
    legal-XML export (xml) as the text its elements hold, an RTF document as the text a word
    processor shows (``sources.rtf``), a Word document as Word shows it (``sources.word``), an
    OpenDocument text as LibreOffice shows it (``sources.opendocument``), an e-mail as a mail
    program shows it (``sources.mail``), reStructuredText and Org mode as they render
    (``sources.markup``). A Word or OpenDocument file, an RTF file or a raw e-mail saved under
    another name is known by its content."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanError("no such file", where=str(path)) from None
    except OSError as exc:
        raise PlanError(f"cannot be read ({exc.strerror})", where=str(path)) from None
    if not data.strip():  # said as ingest says it of an article, not "no points in 0 lines"
        raise PlanError("is empty", where=str(path), hint="save the plan's points in the file, one per line")
    found = fmt or FORMATS.get(path.suffix.lower(), "text")
    if found in ("text", "rtf") and is_rtf(data):  # a word processor's RTF: read as it shows
        return rtf_text(data), "text"
    if (office := _office_format(found, data)) is not None:  # a .docx, .odt or .xlsx whatever its name
        try:
            if office == "xlsx":
                return sheet_csv(_points_sheet(xlsx_sheets(data), str(path))), "csv"
            return (docx_text if office == "docx" else odt_text)(data), "text"
        except OfficeError as exc:
            raise PlanError(str(exc), where=str(path), hint=_OFFICE_HINTS[office]) from None
    if found == "eml" or (found == "text" and is_mail(data)):
        data = mail_text(data).encode("utf-8")
        if not data.strip():
            raise PlanError(
                "is an e-mail with no text part", where=str(path), hint="save the plan's points as text"
            )
        found = "text"
    # decoded as articles are: a draft saved by a word processor in Windows-1252 or another
    # code page is read, not refused as "not UTF-8"
    text = decode(data, str(path), declared=declared_charset(data) if found == "html" else None)
    if isinstance(text, Problem):
        raise PlanError(
            text.reason,
            where=str(path),
            hint="save the plan as UTF-8 text, Markdown, JSON, CSV or a Word .docx",
        )
    if found == "html":
        return outline_text(text), "text"
    if found == "xml":
        return xml_outline(text, str(path)), "text"
    if found == "rst":
        return rst_text(text), "text"
    if found == "org":
        return org_text(text), "text"
    return text, "text" if found == "rtf" else found  # an ".rtf" that holds plain text


# What to do with an office document that cannot be read.
_OFFICE_HINTS = {
    "docx": "save the plan from Word as .docx or text",
    "odt": "save the plan from LibreOffice as .odt or text",
    "xlsx": "save the plan's sheet as CSV",
}


def _office_format(found: str, data: bytes) -> str | None:
    """The office format a file is in: the one its extension names, or the one its content is
    when it was saved as text or CSV (a .docx renamed .txt)."""
    if found in _OFFICE_HINTS:
        return found
    if found in ("text", "csv"):
        return next(
            (fmt for fmt, test in (("docx", is_docx), ("odt", is_odt), ("xlsx", is_xlsx)) if test(data)), None
        )
    return None


# The fewest rows of a sheet that give a number and a text for it to be a sheet of points.
_SHEET_ROWS = 2
_NUMBER_CELL = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[a-z]?\.?$")


def _points_sheet(sheets: list[Sheet], where: str) -> Sheet:
    """The first sheet that holds a column of numbers beside a column of text, as a table of
    points does (a tracker's "Ref | Topic | Text"); the sheets after it (a log, a list of
    delegates) are no part of the draft. The first sheet with any cells when none does: the CSV
    reader says what it lacks."""
    for sheet in sheets:
        width = max((len(row) for row in sheet.rows), default=0)
        columns = [
            [row[k].strip() for row in sheet.rows if k < len(row) and row[k].strip()] for k in range(width)
        ]
        numbered = any(sum(bool(_NUMBER_CELL.match(c)) for c in cells) >= _SHEET_ROWS for cells in columns)
        texts = any(sum(len(c.split()) >= 4 for c in cells) >= _SHEET_ROWS for cells in columns)
        if numbered and texts:
            return sheet
    filled = [sheet for sheet in sheets if any(any(c.strip() for c in row) for row in sheet.rows)]
    if not filled:
        raise PlanError(
            "is an Excel workbook with no filled cells", where=where, hint="save the plan's sheet as CSV"
        )
    return filled[0]


def sheet_csv(sheet: Sheet) -> str:
    """A sheet's rows as CSV text, for the CSV reader to find its header and points in."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(sheet.rows)
    return out.getvalue()


# Elements of a legal-XML export that hold data about the document, never its text.
_XML_NOT_TEXT = frozenset({"meta", "metadata", "head", "style", "script", "notes"})
# A label standing in an element of its own ("<num>(a)</num>"): it opens the text that follows.
_LONE_LABEL = re.compile(r"^[(\[]?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,5})[.)\]]?$", re.I)


def xml_outline(markup: str, where: str = "<xml>") -> str:
    """A legal-XML export (Akoma Ntoso, a drafting tool's own schema) as the text its elements
    hold, one line per element with text, so that the plan reader reads it as the same draft
    typed out: "Article 2" over "Demilitarised zone" over the article's paragraphs, and "(a)"
    in a ``<num>`` of its own opening its sub-point's text. Metadata holds no text of the plan.
    Entities are not resolved and nothing is fetched: the file may come from anywhere."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(markup.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise PlanError(
            f"not well-formed XML ({exc.msg})",
            where=where,
            hint="save the plan as text, Markdown, JSON or CSV",
        ) from None
    lines: list[str] = []
    _xml_lines(root, lines)
    return "\n".join(lines)


def _xml_lines(el: etree._Element, lines: list[str]) -> None:
    for child in el:
        if not isinstance(child.tag, str) or etree.QName(child).localname.lower() in _XML_NOT_TEXT:
            continue
        if label := _number_attribute(child):
            lines.append(label)
        holds = (child.text or "").strip() or any((c.tail or "").strip() for c in child)
        if holds:  # inline children (emphasis, a reference) belong to its line
            text = " ".join("".join(child.itertext()).split())
            if lines and _LONE_LABEL.match(lines[-1]):
                lines[-1] = f"{lines[-1]} {text}"
            else:
                lines.append(text)
        else:
            _xml_lines(child, lines)


# Attributes that carry an element's number when a schema puts it there ("<clause n="3">").
_NUMBER_ATTRIBUTES = frozenset({"n", "num", "number", "no", "nr"})


def _number_attribute(el: etree._Element) -> str | None:
    """The label "3." (or "(b)") an element's number attribute gives it, when no element of its
    own holds its number ("<num>Article 3</num>" says it already)."""
    if any(isinstance(c.tag, str) and etree.QName(c).localname.lower() in _NUMBER_ATTRIBUTES for c in el):
        return None
    for name, value in el.attrib.items():
        value = value.strip()
        if etree.QName(name).localname.lower() in _NUMBER_ATTRIBUTES and _LONE_LABEL.match(value):
            return value if value[-1] in ".)]" else (f"({value})" if value.isalpha() else f"{value}.")
    return None
