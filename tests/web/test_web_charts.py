"""The SVG charts: drawn from plain data, escaped, labelled, every mark a link."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date

from redline.model import Span, Statement
from redline.web.charts import Bar, HeatCell, Point, Series, bar_chart, heat_map, line_chart, stance_grid
from redline.web.trends import activity, balance

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & "quotes"'


def _parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))  # well-formed XML, or this raises


def test_line_chart_draws_one_line_per_series_with_linked_points() -> None:
    series = [
        Series(
            HOSTILE,
            [
                Point(date(2025, 11, 20), 1.0, "/s?a=1&b=2", HOSTILE),
                Point(date(2025, 11, 22), -0.5, "/s", "x"),
            ],
        ),
        Series("Ukraine", [Point(date(2025, 11, 21), 0.0, "/s", "y")]),
    ]
    svg = _parse(line_chart(series, HOSTILE))
    assert svg.attrib["role"] == "img" and svg.find(f"{SVG}title").text == HOSTILE  # type: ignore[union-attr]
    assert len(svg.findall(f".//{SVG}polyline")) == 2
    links = svg.findall(f".//{SVG}a")
    assert links[0].attrib["href"] == "/s?a=1&b=2" and len(links) == 3
    ys = [float(c.attrib["cy"]) for c in svg.iter(f"{SVG}circle")]
    assert ys[0] < ys[1]  # support is drawn above opposition
    assert "<script>" not in str(line_chart(series, HOSTILE))


def test_bar_heights_follow_the_counts() -> None:
    svg = _parse(bar_chart([Bar("d1", 1, "/1"), Bar("d2", 4, "/2")], "Per day"))
    heights = [float(r.attrib["height"]) for r in svg.iter(f"{SVG}rect")]
    assert heights[1] == 4 * heights[0]


def test_heat_map_and_grid_write_counts_and_skip_nothing() -> None:
    cells = [
        HeatCell("Russia", "Territory", 5, "/c1", "t"),
        HeatCell("Ukraine", "Territory", 1, "/c2", "t", "oppose"),
    ]
    for chart in (
        heat_map(cells, ["Russia", "Ukraine"], ["Territory", "NATO"], "m"),
        stance_grid(cells, ["Russia", "Ukraine"], ["Territory", "NATO"], "g"),
    ):
        svg = _parse(chart)
        assert [a.attrib["href"] for a in svg.iter(f"{SVG}a")] == ["/c1", "/c2"]
        texts = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
        assert "5" in texts and "1" in texts and any("NATO" in x for x in texts)
        assert len(svg.findall(f".//{SVG}rect")) == 4  # two cells with statements, two empty


def test_balance_and_activity() -> None:
    assert balance(Counter(support=3, oppose=1)) == 0.5
    assert balance(Counter(conditional=2)) == 0.0 and balance(Counter()) == 0.0

    def st(day: date | None) -> Statement:
        return Statement(id=str(day), document_id="d", content=Span("x", 0, 1), kind="direct", date=day)

    days, undated = activity([st(date(2025, 11, 1)), st(date(2025, 11, 3)), st(None)])
    assert days == [(date(2025, 11, 1), 1), (date(2025, 11, 2), 0), (date(2025, 11, 3), 1)] and undated == 1
