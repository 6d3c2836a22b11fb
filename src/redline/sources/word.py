"""A Word document (``.docx``, Office Open XML) as the text Word shows, one line a paragraph.

Word writes the number of an automatically numbered list nowhere in the text: a paragraph only
points at a list definition (``numbering.xml``) and Word counts. The count is made here, so that
"1." ... "10." stand before the paragraphs as they do on the page, the list going on across
the headings between its items. A paragraph's runs are joined as they stand ("Red Cr" + "oss."
is one word); headers, footers, comments and deleted text (``w:delText``) are no part of it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from redline.sources.office import OfficeError, attribute_int, formatted, is_package, xml_part

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT = "word/document.xml"
_HEADING = re.compile(r"^(?:heading|überschrift|titre|заголовок)\s*(\d)$", re.I)


class WordError(OfficeError):
    """The file is a ZIP archive but no Word document that can be read."""


def is_docx(data: bytes) -> bool:
    """Whether ``data`` is a ZIP archive holding a Word document's main part."""
    return is_package(data, _DOCUMENT)


def docx_text(data: bytes) -> str:
    """The paragraphs of the Word document in ``data`` as lines, numbered list items with the
    label Word shows ("3.", "(b)", "•"), sub-levels indented, headings marked "#" as Markdown
    marks them. Raises ``WordError`` for a ZIP archive that holds no readable document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            document = _part(archive, _DOCUMENT)
            if document is None:
                raise WordError("is a ZIP archive with no Word document in it (word/document.xml)")
            numbering = _part(archive, "word/numbering.xml")
            styles = _part(archive, "word/styles.xml")
    except zipfile.BadZipFile:
        raise WordError("is a broken ZIP archive") from None
    lists = _Lists.of(numbering)
    style_numbers, headings = _styles(styles)
    lines: list[str] = []
    joined = ""  # the text of paragraphs whose mark was deleted: it runs on into the next one
    for p in document.iter(f"{_W}p"):
        if _in_deletion(p):
            continue
        text = (joined + "".join(_run_text(p))).strip()
        props = p.find(f"{_W}pPr")
        if _mark_deleted(props):
            joined = text + " " if text else ""
            continue
        joined = ""
        style = props.find(f"{_W}pStyle") if props is not None else None
        style_id = style.get(f"{_W}val", "") if style is not None else ""
        num = _num_pr(props) or style_numbers.get(style_id)
        if num is not None and text:
            label, level = lists.next(*num)
            lines.append(f"{'   ' * level}{label} {text}".rstrip() if label else text)
        elif style_id in headings and text:
            lines.append(f"{'#' * headings[style_id]} {text}")
        else:
            lines.append(text)
    return "\n".join(lines)


def _part(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    return xml_part(archive, name, WordError)


# Tracked changes whose content is no part of the text with all changes accepted: a deletion,
# and the place a moved passage was moved from (it is read where it was moved to).
_GONE = frozenset({f"{_W}del", f"{_W}moveFrom"})


def _run_text(p: etree._Element) -> list[str]:
    """The paragraph's text with its tracked changes accepted: inserted runs (``w:ins``,
    ``w:moveTo``) are text, deleted ones (``w:del``, ``w:moveFrom``) none."""
    out: list[str] = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if any(up.tag in _GONE for up in el.iterancestors()):
            continue
        out.append(el.text or "" if el.tag == f"{_W}t" else " ")
    return out


def _in_deletion(p: etree._Element) -> bool:
    """Whether a whole paragraph stands inside a deleted or moved-away passage."""
    return any(up.tag in _GONE for up in p.iterancestors())


def _mark_deleted(props: etree._Element | None) -> bool:
    """Whether the paragraph's mark is a tracked deletion: accepted, its text joins the next
    paragraph's (a point and the next one merged), or it vanishes when it holds none."""
    if props is None or (marks := props.find(f"{_W}rPr")) is None:
        return False
    return marks.find(f"{_W}del") is not None or marks.find(f"{_W}moveFrom") is not None


def _num_pr(props: etree._Element | None) -> tuple[str, int] | None:
    """The list (numId) and level a paragraph's own properties put it in; numId 0 is "no list"."""
    if props is None or (num_pr := props.find(f"{_W}numPr")) is None:
        return None
    num_id = num_pr.find(f"{_W}numId")
    level = num_pr.find(f"{_W}ilvl")
    if num_id is None:
        return None
    value = num_id.get(f"{_W}val", "0")
    return (
        None if value == "0" else (value, attribute_int(level.get(f"{_W}val") if level is not None else "0"))
    )


def _styles(styles: etree._Element | None) -> tuple[dict[str, tuple[str, int]], dict[str, int]]:
    """Paragraph styles that number their paragraphs (a "List Number" style), and heading styles
    with their level."""
    numbered: dict[str, tuple[str, int]] = {}
    # a document without styles.xml still names its headings by the built-in style ids
    headings: dict[str, int] = {f"Heading{k}": k for k in range(1, 10)}
    if styles is None:
        return numbered, headings
    for style in styles.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId", "")
        if (num := _num_pr(style.find(f"{_W}pPr"))) is not None:
            numbered[style_id] = num
        name = style.find(f"{_W}name")
        for said in (style_id, name.get(f"{_W}val", "") if name is not None else ""):
            if m := _HEADING.match(said):
                headings[style_id] = int(m.group(1))
    return numbered, headings


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Lists:
    """Word's list counters: one set per abstract list, which every list instance (numId) of it
    continues, unless the instance says where it starts again (``startOverride``)."""

    abstract_of: dict[str, str] = field(default_factory=dict)
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counts: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, numbering: etree._Element | None) -> _Lists:
        lists = cls()
        if numbering is None:
            return lists
        for abstract in numbering.iter(f"{_W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                level = _Level()
                if (el := lvl.find(f"{_W}start")) is not None:
                    level.start = attribute_int(el.get(f"{_W}val"), 1)
                if (el := lvl.find(f"{_W}numFmt")) is not None:
                    level.fmt = el.get(f"{_W}val", "decimal")
                if (el := lvl.find(f"{_W}lvlText")) is not None:
                    level.text = el.get(f"{_W}val", "")
                levels[attribute_int(lvl.get(f"{_W}ilvl"))] = level
            lists.levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in numbering.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            ref = num.find(f"{_W}abstractNumId")
            lists.abstract_of[num_id] = ref.get(f"{_W}val", "") if ref is not None else ""
            for override in num.iter(f"{_W}lvlOverride"):
                if (el := override.find(f"{_W}startOverride")) is not None:
                    at = attribute_int(override.get(f"{_W}ilvl"))
                    lists.overrides.setdefault(num_id, {})[at] = attribute_int(el.get(f"{_W}val"), 1)
        return lists

    def next(self, num_id: str, level: int) -> tuple[str, int]:
        """The label of the next item at ``level`` of list ``num_id``, and its level."""
        abstract = self.abstract_of.get(num_id, num_id)
        levels = self.levels.get(abstract, {})
        counts = self.counts.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for at, start in self.overrides.get(num_id, {}).items():
                counts[at] = start - 1
        counts[level] = counts.get(level, levels.get(level, _Level()).start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]  # a sub-list starts again under each item
        spec = levels.get(level, _Level())
        if spec.fmt == "bullet":
            return (spec.text or "•"), level
        if spec.fmt == "none":
            return "", level

        def number(m: re.Match[str]) -> str:
            at = int(m.group(1)) - 1
            value = counts.get(at, levels.get(at, _Level()).start)
            return formatted(value, levels.get(at, _Level()).fmt)

        return re.sub(r"%([1-9])", number, spec.text), level
