"""HTML pages to article text and metadata.

trafilatura finds the main text (dropping navigation, adverts and comments) and reads title,
date, canonical URL and site name from the page's metadata. Pages trafilatura gives up on
(very short or badly broken ones) fall back to the plain text of ``<body>`` via lxml, so
broken markup still yields text, or a Problem saying no text was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from lxml import etree
from lxml import html as lxml_html

from redline.model import Problem

_BLANKS = re.compile(r"[ \t\r\f\v]+")
_NEWLINES = re.compile(r"\s*\n\s*")
_NOT_TEXT = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")
# Words of a block's class or id that mark an advertisement or a promotion set inside the text
# ("ad", "ad-slot", "sponsored"): its own lists ("1. Subscribe ...") are no part of the page's.
_AD_WORDS = frozenset({"ad", "ads", "advert", "adverts", "advertisement", "sponsored", "promo", "promotion"})
_AD_SPLIT = re.compile(r"[\s_-]+")


@dataclass(frozen=True, slots=True)
class Page:
    """What redline keeps of an HTML page: its main text and whatever metadata it declares."""

    text: str
    title: str | None = None
    date: str | None = None  # as found on the page; the caller parses it
    url: str | None = None
    outlet: str | None = None


def parse_html(markup: str, source: str, *, url: str | None = None) -> Page | Problem:
    """Main text and metadata of one page; a Problem when the page holds no text at all."""
    if not markup.strip():
        return Problem(source, "is empty", "pass a page with article text", kind="empty")
    page = _with_trafilatura(markup, url)
    if page is None or not page.text.strip():
        fallback = body_text(markup)
        if not fallback:
            return Problem(
                source,
                "no article text found in the HTML",
                "check that the page is not empty, a login wall or rendered by JavaScript",
                kind="html",
            )
        meta = page or Page(text="")
        page = Page(
            text=fallback,
            title=meta.title or _title(markup),
            date=meta.date,
            url=meta.url or url,
            outlet=meta.outlet,
        )
    return page


def _with_trafilatura(markup: str, url: str | None) -> Page | None:
    import trafilatura  # imported here: the readers load without it until a page is parsed

    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, etree.LxmlError):
        return None
    if result is None:
        return None
    data = result if isinstance(result, dict) else result.as_dict()
    return Page(
        text=str(data.get("text") or ""),
        title=_clean(data.get("title")),
        date=_clean(data.get("date")),
        url=_clean(data.get("url")) or url,
        outlet=_clean(data.get("sitename")),
    )


def _text_tree(markup: str) -> lxml_html.HtmlElement | None:
    """The page parsed, without what is never text (scripts, navigation, forms); None when
    the markup cannot be parsed at all."""
    try:
        tree = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None
    for bad in tree.xpath("|".join(f"//{tag}" for tag in _NOT_TEXT)):
        bad.drop_tree()
    for block in tree.xpath("//*[@class or @id]"):
        names = f"{block.get('class', '')} {block.get('id', '')}".lower()
        if _AD_WORDS.intersection(_AD_SPLIT.split(names)) and block.getparent() is not None:
            block.drop_tree()
    return tree


def body_text(markup: str) -> str:
    """Paragraph-ish text of the page when trafilatura finds no main text (and of a feed
    entry's content): one line per block, so paragraphs and a headline stay apart."""
    tree = _text_tree(markup)
    if tree is None:
        return ""
    for block in tree.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4|//tr|//blockquote"):
        block.tail = "\n" + (block.tail or "")
    body = tree.find("body")
    raw = (body if body is not None else tree).text_content()
    return _NEWLINES.sub("\n", _BLANKS.sub(" ", raw)).strip()


def outline_text(markup: str) -> str:
    """A page's headings, paragraphs and lists as plain lines, list items numbered as the page
    shows them: a draft published as HTML (``<ol>`` points, ``<h2>`` sections) reads as the same
    draft typed out ("# Security", "1. ...", "a) ..."), which the plan parser understands.
    Main-text extraction would drop the numbers an ``<ol>`` only implies."""
    tree = _text_tree(markup)
    if tree is None:
        return ""
    # struck-out text is deleted text: a provision the page shows withdrawn is no point of it
    for struck in tree.xpath("//s|//del|//strike"):
        struck.drop_tree()
    # the page's article when it marks one: lists of related or most-read stories stay out
    main = tree.xpath("//article|//main") or [tree.find("body")]
    lines: list[str] = []
    _outline(main[0] if main[0] is not None else tree, lines, depth=0)
    return "\n".join(lines)


_BLOCKS = frozenset({"p", "div", "section", "article", "main", "blockquote", "li", "dd", "dt", "tr", "br"})
_HOLDERS = _BLOCKS | {"ol", "ul", "h1", "h2", "h3", "h4", "h5", "h6"}  # a block holding these is walked


def _outline(el: etree._Element, lines: list[str], depth: int) -> None:
    """Append ``el``'s text to ``lines``: one line per block, one per heading and list item."""
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            lines.append(f"{'#' * int(tag[1])} {_flat(child)}")
        elif tag in {"ol", "ul"}:
            _list(child, lines, depth)
            lines.append("")  # a paragraph after a list is not its last item's text
        elif tag == "table":
            _table(child, lines)
        elif tag in _BLOCKS and any(isinstance(c.tag, str) and c.tag in _HOLDERS for c in child):
            if child.text and child.text.strip():
                lines.append(_flat_text(child.text))
            _outline(child, lines, depth)
        elif tag and (text := _flat(child)):
            lines.append(text)
            if tag == "p":  # a paragraph ends as a typed one does: the next is not its text
                lines.append("")
        if child.tail and child.tail.strip():
            lines.append(_flat_text(child.tail))


def _table(el: etree._Element, lines: list[str]) -> None:
    """A table as Markdown rows under its first row and a rule, which the plan reader reads
    by its columns ("No.", "Provision"), as a table typed in Markdown. A list inside a cell
    gives one row per item under the row, with only that cell filled ("a) ..."): a point's
    sub-points in a table of points."""
    rows: list[list[str]] = []
    for tr in el.iter("tr"):
        cells = [cell for cell in tr if isinstance(cell.tag, str) and cell.tag in {"td", "th"}]
        subs: list[tuple[int, str]] = []
        for k, cell in enumerate(cells):
            for found in _cell_lists(cell):
                for item in _items(found):
                    subs.append((k, item))
                found.drop_tree()
        rows.append([_flat(cell).replace("|", "/") for cell in cells])
        rows += [[item.replace("|", "/") if c == k else "" for c in range(len(cells))] for k, item in subs]
    rows = [row for row in rows if any(row)]
    if not rows:
        return
    width = max(len(row) for row in rows)
    lines.append("")
    for k, row in enumerate(rows):
        lines.append("| " + " | ".join(row + [""] * (width - len(row))) + " |")
        if k == 0:
            lines.append("|" + "---|" * width)
    lines.append("")


def _list(el: etree._Element, lines: list[str], depth: int) -> None:
    """List items as numbered ("3.", from ``start`` and ``value``), lettered ("b)", an ``<ol>``
    inside an item) or bulleted ("- ") lines."""
    ordered = el.tag == "ol"
    number = _count(el.get("start"), 1)
    for item in el:
        if not isinstance(item.tag, str) or item.tag != "li":
            continue
        number = _count(item.get("value"), number)
        nested = [c for c in item if isinstance(c.tag, str) and c.tag in {"ol", "ul"}]
        for n in nested:
            item.remove(n)
        text = _flat(item)
        if not ordered:
            marker = "-"
        elif depth or el.get("type") in {"a", "A"}:
            marker = f"{chr(ord('a') + (number - 1) % 26)})"
        else:
            marker = f"{number}."
        lines.append(f"{marker} {text}")
        for n in nested:
            _list(n, lines, depth + 1)
        number += 1


def _cell_lists(cell: etree._Element) -> list[etree._Element]:
    """The lists in a table cell that no other list in it holds."""
    return [
        found
        for found in cell.iter("ol", "ul")
        if not any(a.tag in {"ol", "ul"} for a in takewhile(lambda a: a is not cell, found.iterancestors()))
    ]


def _items(el: etree._Element) -> list[str]:
    """A cell's list as lines: lettered ("b)") when ordered, as a list inside a point is."""
    lines: list[str] = []
    _list(el, lines, depth=1)
    return lines


def _count(value: str | None, default: int) -> int:
    """A list's ``start`` or an item's ``value``; an empty or odd one ("", "²", "x") counts as absent."""
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() else default


def _flat(el: etree._Element) -> str:
    return _flat_text(el.text_content())


def _flat_text(text: str) -> str:
    return " ".join(text.split())


def _title(markup: str) -> str | None:
    try:
        tree = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None
    found = tree.findtext(".//title")
    return _clean(found)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
