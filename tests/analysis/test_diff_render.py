from __future__ import annotations

import json
from html.parser import HTMLParser

from negotiation_builders import version
from rich.console import Console

from redline.analysis.align import align_versions
from redline.analysis.diff_render import diff_html, diff_table, diff_to_dict

OLD = [
    "Ukraine's sovereignty is confirmed.",
    "Ukraine's army is capped at 600,000.",
    "A full amnesty <for all>.",
]
NEW = ["Ukraine's sovereignty is confirmed.", "Ukraine's army is capped at 800,000.", "Elections are held."]


def diff():  # type: ignore[no-untyped-def]
    return align_versions(version("28-point", OLD, plan="peace"), version("19-point", NEW, plan="peace"))


def test_json_shape() -> None:
    data = diff_to_dict(diff())
    json.dumps(data)  # serialisable as is
    assert data["plan"] == "peace"
    assert data["old"]["label"] == "28-point" and data["new"]["points"] == 3
    assert data["counts"] == {"kept": 1, "modified": 1, "added": 1, "removed": 1, "merged": 0, "split": 0}
    modified = data["changes"][1]
    assert modified["kind"] == "modified"
    # every status field, as the API's schema has them (`plan diff -f json` is /diff)
    assert modified["old"] == [
        {"number": "2", "text": OLD[1], "text_status": "known", "agreement": None, "disputed_by": []}
    ]
    assert {"op": "insert", "text": "800,000."} in modified["words"]
    assert set(data["changes"][0]) == {"kind", "moved", "renumbered", "similarity", "old", "new", "words"}


def test_table_has_a_row_per_change() -> None:
    console = Console(record=True, width=200)
    console.print(diff_table(diff()))
    text = console.export_text()
    assert diff_table(diff()).row_count == 4
    assert "modified" in text and "removed" in text and "added" in text
    assert "1 kept, 1 modified, 1 added, 1 removed" in text


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


def test_html_is_standalone_and_escaped() -> None:
    page = diff_html(diff())
    parser = _Collector()
    parser.feed(page)
    assert page.startswith("<!doctype html>")
    assert parser.tags.count("tr") == 5  # header + one per change
    assert "del" in parser.tags and "ins" in parser.tags
    assert not any(name in {"src", "href"} for name, _ in parser.attrs)  # loads nothing
    assert "&lt;for all&gt;" in page and "<for all>" not in page


def test_table_without_colour_marks_removed_and_added_words() -> None:
    console = Console(record=True, width=200, no_color=True)
    console.print(diff_table(diff(), marks=True))
    text = console.export_text()
    assert "capped at [-600,000.-] {+800,000.+}" in text
    assert "[-A full amnesty <for all>.-]" in text and "{+Elections are held.+}" in text
    plain = Console(record=True, width=200)
    plain.print(diff_table(diff()))
    assert "[-" not in plain.export_text()  # colour terminals keep strike-through and underline


def test_unknown_and_disputed_points_are_said_so() -> None:
    from dataclasses import replace

    from redline.model import Point

    old = version("draft", OLD, plan="peace")
    new = replace(
        version("markup", NEW[:2], plan="peace"),
        points=[
            Point("1", NEW[0]),
            Point("2", NEW[1], agreement="disputed", disputed_by=["North"]),
            Point("3", "", text_status="unknown"),
        ],
    )
    d = align_versions(old, new)
    data = diff_to_dict(d)
    assert data["counts"]["unknown"] == 1 and data["counts"]["removed"] == 0
    assert data["changes"][2]["new"] == [
        {"number": "3", "text": None, "text_status": "unknown", "agreement": None, "disputed_by": []}
    ]
    assert data["changes"][1]["new"][0]["disputed_by"] == ["North"]
    console = Console(record=True, width=200, no_color=True)
    console.print(diff_table(d, marks=True))
    text = console.export_text()
    assert "modified (disputed by North)" in text and "(text not known)" in text
