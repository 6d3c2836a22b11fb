"""Charts as SVG markup, drawn on the server from plain data: nothing is fetched, nothing runs.

The dashboard's Content-Security-Policy allows no script and no inline style, so the charts
are inline ``<svg>`` whose colours are presentation attributes (which the policy does not
govern) and whose interactivity is links: every point, bar and cell that stands for
statements is an ``<a>`` to them. Each chart has a ``<title>``/``<desc>`` and ``role="img"``
with a label, and each mark its own ``<title>``, so screen readers and tooltips say what a
colour or a height means. Values are escaped here: the markup is handed to the templates as
safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

from markupsafe import Markup

__all__ = ["Bar", "HeatCell", "Point", "Series", "bar_chart", "heat_map", "line_chart", "stance_grid"]

# stance -> (fill, text colour): the stylesheet's stance colours, strong enough for a mark
STANCE_FILL = {
    "support": ("#2f9e57", "#ffffff"),
    "oppose": ("#c53030", "#ffffff"),
    "conditional": ("#d69e2e", "#1d1f21"),
    "neutral": ("#a0aec0", "#1d1f21"),
}
# one colour per series, distinguishable in print and for the common colour blindnesses
PALETTE = ("#0b5cad", "#d1495b", "#2a9d8f", "#e9a03b", "#6a4c93", "#5c6b73", "#8d6a3f", "#1b998b")
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


@dataclass(frozen=True, slots=True)
class Point:
    day: date
    value: float  # in [-1, 1]: the balance of support (+1) against opposition (-1)
    href: str
    label: str  # what the point's title says: "Russia, 2025-11-21: 3 support, 1 oppose"


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    points: list[Point] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Bar:
    label: str  # the x value as shown ("2025-11-21")
    value: int
    href: str


@dataclass(frozen=True, slots=True)
class HeatCell:
    row: str
    column: str
    value: int  # the count that sets the shade and is written in the cell
    href: str
    label: str  # the cell's title
    stance: str | None = None  # colours the cell by stance (the grid) instead of by count (the heat map)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _svg(width: int, height: int, title: str, desc: str, body: list[str], css: str) -> Markup:
    return Markup(
        f'<svg class="chart {css}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{_e(title)}" {FONT}>'
        f"<title>{_e(title)}</title><desc>{_e(desc)}</desc>{''.join(body)}</svg>"
    )


def line_chart(series: Sequence[Series], title: str, *, width: int = 960, height: int = 280) -> Markup:
    """One line per series over days; y is the running balance from -1 (oppose) to +1 (support)."""
    days = sorted({p.day for s in series for p in s.points})
    left, right, top, bottom = 70, 150, 16, 34
    w, h = width - left - right, height - top - bottom
    if not days:
        return _svg(width, height, title, "No dated statements.", [], "line")
    span = max((days[-1] - days[0]).days, 1)

    def x(d: date) -> float:
        return left + (w * (d - days[0]).days / span if len(days) > 1 else w / 2)

    def y(v: float) -> float:
        return top + h * (1 - (v + 1) / 2)

    body = [
        f'<line x1="{left}" x2="{left + w}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#d8dbe0"/>'
        f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" fill="#5a5f66">{name}</text>'
        for v, name in ((1, "support"), (0, "balanced"), (-1, "oppose"))
    ]
    ticks = (
        [date.fromordinal(days[0].toordinal() + span * k // 4) for k in range(5)] if len(days) > 1 else days
    )
    for d in ticks:
        body.append(f'<text x="{x(d):.1f}" y="{height - 10}" text-anchor="middle" fill="#5a5f66">{d}</text>')
    for i, s in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        pts = sorted(s.points, key=lambda p: p.day)
        path = " ".join(f"{x(p.day):.1f},{y(p.value):.1f}" for p in pts)
        body.append(f'<g class="series" aria-label="{_e(s.name)}">')
        body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for p in pts:
            body.append(
                f'<a href="{_e(p.href)}"><circle cx="{x(p.day):.1f}" cy="{y(p.value):.1f}" r="4" '
                f'fill="{colour}"><title>{_e(p.label)}</title></circle></a>'
            )
        ly = top + 14 + 18 * i
        body.append(
            f'<rect x="{left + w + 12}" y="{ly - 9}" width="12" height="4" fill="{colour}"/>'
            f'<text x="{left + w + 30}" y="{ly - 4}" fill="currentColor">{_e(s.name)}</text></g>'
        )
    desc = f"{len(series)} lines, {days[0]} to {days[-1]}; each point links to that day's statements."
    return _svg(width, height, title, desc, body, "line")


def bar_chart(bars: Sequence[Bar], title: str, *, width: int = 960, height: int = 200) -> Markup:
    """Bars of counts (statements per day), each linking to what it counts."""
    left, top, bottom = 40, 10, 34
    w, h = width - left - 10, height - top - bottom
    top_value = max((b.value for b in bars), default=0)
    if not bars or not top_value:
        return _svg(width, height, title, "Nothing to count.", [], "bars")
    step = w / len(bars)
    body = [
        f'<line x1="{left}" x2="{left + w}" y1="{top + h}" y2="{top + h}" stroke="#5a5f66"/>',
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" fill="#5a5f66">{top_value}</text>',
        f'<text x="{left - 6}" y="{top + h}" text-anchor="end" fill="#5a5f66">0</text>',
    ]
    for i, b in enumerate(bars):
        bh = h * b.value / top_value
        body.append(
            f'<a href="{_e(b.href)}"><rect x="{left + i * step + 1:.1f}" y="{top + h - bh:.1f}" '
            f'width="{max(step - 2, 1):.1f}" height="{bh:.1f}" fill="#0b5cad">'
            f"<title>{_e(b.label)}: {b.value}</title></rect></a>"
        )
    for i in sorted({0, len(bars) - 1}):
        anchor = "start" if i == 0 else "end"
        tx = left + i * step + (0 if i == 0 else step)
        body.append(
            f'<text x="{tx:.1f}" y="{height - 10}" text-anchor="{anchor}" fill="#5a5f66">'
            f"{_e(bars[i].label)}</text>"
        )
    desc = f"{len(bars)} bars from {bars[0].label} to {bars[-1].label}, the highest {top_value}."
    return _svg(width, height, title, desc, body, "bars")


def _clip(label: str, width: int = 22) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _grid(
    cells: Sequence[HeatCell], rows: Sequence[str], columns: Sequence[str], title: str, desc: str, css: str
) -> Markup:
    label_w = max(90, 7 * max((len(r) for r in rows), default=0) + 12)
    cw, ch = 64, 30
    head = 20 + int(0.6 * 7 * max((len(_clip(c)) for c in columns), default=0))  # rotated labels' height
    width, height = label_w + cw * len(columns) + 80, head + ch * len(rows) + 4  # room for the last label
    top_value = max((c.value for c in cells), default=0) or 1
    body = []
    for j, col in enumerate(columns):
        cx = label_w + j * cw + cw / 2
        body.append(
            f'<text x="{cx:.1f}" y="{head - 8}" text-anchor="start" fill="currentColor" '
            f'transform="rotate(-35 {cx:.1f} {head - 8})"><title>{_e(col)}</title>{_e(_clip(col))}</text>'
        )
    for i, row in enumerate(rows):
        body.append(
            f'<text x="{label_w - 8}" y="{head + i * ch + ch / 2 + 4:.1f}" text-anchor="end" '
            f'fill="currentColor">{_e(row)}</text>'
        )
    at = {(c.row, c.column): c for c in cells}
    for i, row in enumerate(rows):
        for j, col in enumerate(columns):
            x, y = label_w + j * cw, head + i * ch
            c = at.get((row, col))
            if c is None:
                body.append(
                    f'<rect x="{x}" y="{y}" width="{cw - 2}" height="{ch - 2}" fill="none" stroke="#d8dbe0"/>'
                )
                continue
            if c.stance:
                fill, ink = STANCE_FILL.get(c.stance, STANCE_FILL["neutral"])
                opacity = 1.0
            else:
                fill, opacity = "#0b5cad", 0.15 + 0.85 * c.value / top_value
                ink = "#ffffff" if opacity > 0.55 else "#1d1f21"
            body.append(
                f'<a href="{_e(c.href)}"><rect x="{x}" y="{y}" width="{cw - 2}" height="{ch - 2}" '
                f'fill="{fill}" '
                f'fill-opacity="{opacity:.2f}"><title>{_e(c.label)}</title></rect>'
                f'<text x="{x + cw / 2 - 1:.1f}" y="{y + ch / 2 + 3:.1f}" text-anchor="middle" '
                f'fill="{ink}">{c.value}</text></a>'
            )
    return _svg(width, height, title, desc, body, css)


def heat_map(cells: Sequence[HeatCell], rows: Sequence[str], columns: Sequence[str], title: str) -> Markup:
    """Rows x columns shaded by count (darker: more statements), the count written in each cell."""
    desc = "Darker cells hold more statements; the number is the count; empty cells have none."
    return _grid(cells, rows, columns, title, desc, "heat")


def stance_grid(cells: Sequence[HeatCell], rows: Sequence[str], columns: Sequence[str], title: str) -> Markup:
    """Rows x columns coloured by stance (green support, red oppose, amber conditional, grey neutral)."""
    desc = (
        "Green: support; red: oppose; amber: conditional; grey: neutral. "
        "The number is the statements behind it."
    )
    return _grid(cells, rows, columns, title, desc, "grid")
