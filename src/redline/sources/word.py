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

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_DOCUMENT = "word/document.xml"
# The most a part of the document may hold unpacked: a zip bomb is refused, not read.
_MAX_PART = 50_000_000
_HEADING = re.compile(r"^(?:heading|überschrift|titre|заголовок)\s*(\d)$", re.I)


class WordError(ValueError):
    """The file is a ZIP archive but no Word document that can be read."""


def is_docx(data: bytes) -> bool:
    """Whether ``data`` is a ZIP archive holding a Word document's main part."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _DOCUMENT in archive.namelist()
    except zipfile.BadZipFile:
        return False


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
    for p in document.iter(f"{_W}p"):
        text = "".join(_run_text(p)).strip()
        props = p.find(f"{_W}pPr")
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
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_PART:
        raise WordError(f"has a part too large to read ({name})")
    try:
        return etree.fromstring(archive.read(name), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise WordError(f"has a part that is not well-formed XML ({name}: {exc.msg})") from None


def _run_text(p: etree._Element) -> list[str]:
    out: list[str] = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        out.append(el.text or "" if el.tag == f"{_W}t" else " ")
    return out


def _num_pr(props: etree._Element | None) -> tuple[str, int] | None:
    """The list (numId) and level a paragraph's own properties put it in; numId 0 is "no list"."""
    if props is None or (num_pr := props.find(f"{_W}numPr")) is None:
        return None
    num_id = num_pr.find(f"{_W}numId")
    level = num_pr.find(f"{_W}ilvl")
    if num_id is None:
        return None
    value = num_id.get(f"{_W}val", "0")
    return None if value == "0" else (value, _int(level.get(f"{_W}val") if level is not None else "0"))


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


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default


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
                    level.start = _int(el.get(f"{_W}val"), 1)
                if (el := lvl.find(f"{_W}numFmt")) is not None:
                    level.fmt = el.get(f"{_W}val", "decimal")
                if (el := lvl.find(f"{_W}lvlText")) is not None:
                    level.text = el.get(f"{_W}val", "")
                levels[_int(lvl.get(f"{_W}ilvl"))] = level
            lists.levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in numbering.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            ref = num.find(f"{_W}abstractNumId")
            lists.abstract_of[num_id] = ref.get(f"{_W}val", "") if ref is not None else ""
            for override in num.iter(f"{_W}lvlOverride"):
                if (el := override.find(f"{_W}startOverride")) is not None:
                    at = _int(override.get(f"{_W}ilvl"))
                    lists.overrides.setdefault(num_id, {})[at] = _int(el.get(f"{_W}val"), 1)
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
            return _formatted(value, levels.get(at, _Level()).fmt)

        return re.sub(r"%([1-9])", number, spec.text), level


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _formatted(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and value > 0:
        out, rest = "", value
        for size, digits in _ROMAN:
            while rest >= size:
                out, rest = out + digits, rest - size
        return out.upper() if fmt == "upperRoman" else out
    return str(value)
