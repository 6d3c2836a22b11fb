"""Marking spans in a text: exact ranges, escaping, overlaps resolved by order, bad spans skipped."""

from __future__ import annotations

from web_html import Page

from redline.web.highlight import Mark, highlight


def marked(html: str, css: str) -> list[str]:
    return [m.text for m in Page(f"<div>{html}</div>").find("mark", css=css)]


def test_marks_cover_exactly_their_ranges_even_when_adjacent() -> None:
    text = "abcdefghij"
    html = highlight(text, [Mark(2, 5, "x"), Mark(5, 6, "y"), Mark(1, 2, "z")])
    assert marked(html, "x") == ["cde"]
    assert marked(html, "y") == ["f"]
    assert marked(html, "z") == ["b"]
    assert Page(f"<div>{html}</div>").find("div")[0].text == text


def test_text_and_attributes_are_escaped() -> None:
    text = '<a href="x">&\'</a>'
    html = highlight(text, [Mark(0, 2, "m", href='/s?a=1&b="2"', title="<t>")])
    assert '<a href="x">' not in html
    p = Page(f"<div>{html}</div>")
    assert p.find("div")[0].text == text
    (link,) = p.find("a")
    assert link.attrs == {"href": '/s?a=1&b="2"', "class": "m", "title": "<t>"}
    assert link.text == "<a"


def test_first_mark_wins_where_marks_overlap_and_stays_whole() -> None:
    text = "0123456789"
    html = highlight(text, [Mark(3, 7, "first", id="evidence"), Mark(0, 5, "second"), Mark(6, 9, "third")])
    assert marked(html, "first") == ["3456"]
    assert marked(html, "second") == ["012"]
    assert marked(html, "third") == ["78"]


def test_spans_outside_the_text_or_empty_are_skipped() -> None:
    html = highlight("short", [Mark(2, 50, "a"), Mark(-1, 2, "b"), Mark(3, 3, "c"), Mark(0, 5, "d")])
    assert marked(html, "d") == ["short"]
    assert not marked(html, "a") and not marked(html, "b") and not marked(html, "c")
    assert highlight("", []) == ""
