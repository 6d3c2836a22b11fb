"""Reading the dashboard's HTML in tests with the standard library's parser (no regexes on markup)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)


class Page(HTMLParser):
    """Collects links, the text of elements by id/class, and table body rows."""

    VOID = frozenset({"br", "img", "input", "link", "meta", "hr", "wbr", "source", "col"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs})
        if tag == "a" and "href" in el.attrs:
            self.links.append(el.attrs["href"])
        if tag in self.VOID:
            self.elements.append(el)
            return
        if self._open:
            self._open[-1].children.append(el)
        self._open.append(el)
        self.elements.append(el)

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self._open) - 1, -1, -1):
            if self._open[k].tag == tag:
                del self._open[k:]
                return

    def handle_data(self, data: str) -> None:
        for el in self._open:
            el.text += data

    def find(self, tag: str | None = None, **attrs: str) -> list[Element]:
        """Elements with ``tag`` whose attributes contain the given values (``css`` for class words)."""
        out = []
        for el in self.elements:
            if tag and el.tag != tag:
                continue
            css = attrs.get("css")
            if css and css not in el.attrs.get("class", "").split():
                continue
            if all(el.attrs.get(k) == v for k, v in attrs.items() if k != "css"):
                out.append(el)
        return out

    def body_rows(self, css: str = "statements") -> list[Element]:
        """Rows of the tbody of the first table with class ``css``."""
        table = self.find("table", css=css)[0]
        body = next(c for c in table.children if c.tag == "tbody")
        return [r for r in body.children if r.tag == "tr"]
