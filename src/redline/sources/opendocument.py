"""An OpenDocument text (``.odt``, as LibreOffice saves it) as the text it shows, one line a
paragraph.

As in a Word document (``sources.word``), the number of an automatically numbered list is
written nowhere: a ``text:list`` names a list style and the word processor counts, a list
continuing another (``text:continue-list``) across the headings between them. The count is
made here, so that "1." ... "9." stand before the items as on the page, a nested list's items
("a)") set in under theirs. A paragraph's spans are joined as they stand ("Cor" + "van" is one
word); footnotes, comments, deleted changes and the page's header and footer are no part of it.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from redline.sources.office import OfficeError, attribute_int, formatted, is_package, xml_part

__all__ = ["OpenDocumentError", "is_odt", "odt_text"]

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CONTENT = "content.xml"
# Elements whose text is none of the paragraph's: a note's citation and body, a comment, the
# record of tracked changes (the deleted text is kept there), a bookmark's or a field's hidden name.
_NOT_TEXT = frozenset(
    f"{_TEXT}{name}" for name in ("note", "tracked-changes", "deletion", "bookmark-ref-name")
) | {f"{_OFFICE}annotation", f"{_OFFICE}annotation-end"}


class OpenDocumentError(OfficeError):
    """The file is a ZIP archive but no OpenDocument text that can be read."""


def is_odt(data: bytes) -> bool:
    """Whether ``data`` is a ZIP archive holding an OpenDocument text (its ``content.xml``)."""
    return is_package(data, _CONTENT) and not is_package(data, "xl/workbook.xml")


def odt_text(data: bytes) -> str:
    """The paragraphs of the OpenDocument text in ``data`` as lines, list items with the label
    the list style gives them ("3.", "a)", "•"), nested items indented, headings marked "#" as
    Markdown marks them. Raises ``OpenDocumentError`` for a ZIP archive that holds no readable
    document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = xml_part(archive, _CONTENT, OpenDocumentError)
            if content is None:
                raise OpenDocumentError("is a ZIP archive with no OpenDocument text in it (content.xml)")
            styles = xml_part(archive, "styles.xml", OpenDocumentError)
    except zipfile.BadZipFile:
        raise OpenDocumentError("is a broken ZIP archive") from None
    body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise OpenDocumentError("is an OpenDocument file with no text body (a spreadsheet or a drawing?)")
    reader = _Reader(_list_styles(content, styles))
    reader.block(body)
    return "\n".join(reader.lines)


@dataclass
class _Level:
    fmt: str = "1"
    prefix: str = ""
    suffix: str = "."
    start: int = 1
    shown: int = 1  # how many levels the label shows ("1.2." shows two)
    bullet: str | None = None


def _list_styles(*parts: etree._Element | None) -> dict[str, dict[int, _Level]]:
    """Each list style's levels, from the document's own (automatic) styles and the shared ones."""
    found: dict[str, dict[int, _Level]] = {}
    for part in parts:
        if part is None:
            continue
        for style in part.iter(f"{_TEXT}list-style"):
            levels: dict[int, _Level] = {}
            for spec in style:
                if not isinstance(spec.tag, str):
                    continue
                at = attribute_int(spec.get(f"{_TEXT}level"), 1) - 1
                if spec.tag == f"{_TEXT}list-level-style-number":
                    levels[at] = _Level(
                        fmt=spec.get(f"{_STYLE}num-format", "1"),
                        prefix=spec.get(f"{_STYLE}num-prefix", ""),
                        suffix=spec.get(f"{_STYLE}num-suffix", ""),
                        start=attribute_int(spec.get(f"{_TEXT}start-value"), 1),
                        shown=attribute_int(spec.get(f"{_TEXT}display-levels"), 1),
                    )
                elif spec.tag == f"{_TEXT}list-level-style-bullet":
                    levels[at] = _Level(bullet=spec.get(f"{_TEXT}bullet-char") or "•")
            found.setdefault(style.get(f"{_STYLE}name", ""), levels)
    return found


@dataclass
class _Reader:
    """A walk over the text body in reading order, counting each list as LibreOffice does: a
    list's counters go on in a list that continues it, and a sub-list starts again under each
    item."""

    styles: dict[str, dict[int, _Level]]
    lines: list[str] = field(default_factory=list)
    counts: dict[str, list[int]] = field(default_factory=dict)  # per list id: counter per level
    last: list[int] | None = None  # the counters of the list read last

    def block(self, el: etree._Element) -> None:
        for child in el:
            if child.tag == f"{_TEXT}p":
                self.lines.append(_inline(child))
            elif child.tag == f"{_TEXT}h":
                text = _inline(child)
                level = attribute_int(child.get(f"{_TEXT}outline-level"), 1)
                self.lines.append(f"{'#' * min(level, 6)} {text}" if text else "")
            elif child.tag == f"{_TEXT}list":
                self.read_list(child, child.get(f"{_TEXT}style-name", ""), 0, None)
            elif isinstance(child.tag, str) and child.tag not in _NOT_TEXT:
                self.block(child)  # a section, a table's rows and cells

    def read_list(self, el: etree._Element, style: str, level: int, counts: list[int] | None) -> None:
        style = el.get(f"{_TEXT}style-name") or style
        if counts is None:  # a list of its own, or one going on from another
            went_on = el.get(f"{_TEXT}continue-list")
            if went_on in self.counts:
                counts = self.counts[went_on]
            elif el.get(f"{_TEXT}continue-numbering") == "true" and self.last is not None:
                counts = self.last
            else:
                counts = []
            self.last = counts
            if own := el.get("{http://www.w3.org/XML/1998/namespace}id"):
                self.counts[own] = counts
        for item in el:
            if item.tag not in (f"{_TEXT}list-item", f"{_TEXT}list-header"):
                continue
            label = ""
            if item.tag == f"{_TEXT}list-item":
                label = self.count(style, level, counts, item.get(f"{_TEXT}start-value"))
            first = True
            for child in item:
                if child.tag == f"{_TEXT}list":
                    self.read_list(child, style, level + 1, counts)
                elif child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
                    text = _inline(child)
                    shown = f"{label} {text}" if first and label else text
                    self.lines.append(f"{'   ' * level}{shown}".rstrip() if text else "")
                    first = False
                elif isinstance(child.tag, str):
                    self.block(child)

    def count(self, style: str, level: int, counts: list[int], start: str | None) -> str:
        """The label of the next item at ``level``: the counters of the levels it shows."""
        levels = self.styles.get(style, {})
        spec = levels.get(level, _Level())
        del counts[level + 1 :]  # a sub-list starts again under each item
        while len(counts) <= level:
            counts.append(levels.get(len(counts), _Level()).start - 1)
        counts[level] = attribute_int(start, 0) if start else counts[level] + 1
        if spec.bullet is not None:
            return spec.bullet
        if not spec.fmt:
            return ""
        first = max(0, level - spec.shown + 1)
        shown = ".".join(
            formatted(max(counts[at], 1), levels.get(at, _Level()).fmt or "1")
            for at in range(first, level + 1)
        )
        return f"{spec.prefix}{shown}{spec.suffix}"


def _inline(p: etree._Element) -> str:
    """A paragraph's text as shown: spans joined as they stand, ``text:s`` as its spaces, tabs
    and line breaks as a space, notes, comments and deletions left out."""
    out: list[str] = [p.text or ""]
    for child in p:
        if child.tag == f"{_TEXT}s":
            out.append(" " * attribute_int(child.get(f"{_TEXT}c"), 1))
        elif child.tag in (f"{_TEXT}tab", f"{_TEXT}line-break"):
            out.append(" ")
        elif isinstance(child.tag, str) and child.tag not in _NOT_TEXT:
            out.append(_inline(child))
        out.append(child.tail or "")
    return " ".join("".join(out).split())
