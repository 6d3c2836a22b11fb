"""Plan diffs for people and programs: a rich table, a JSON object, a standalone HTML page.

All three are built from the same ``PlanDiff`` so they cannot disagree; the HTML page has
its style inline and loads nothing, so it can be mailed or archived as one file.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from redline.analysis.align import Change, PlanDiff
from redline.model import PlanVersion, Point

__all__ = [
    "diff_html",
    "diff_table",
    "diff_to_dict",
    "point_status",
]

_STYLE = {
    "kept": "dim",
    "modified": "yellow",
    "added": "green",
    "removed": "red",
    "merged": "cyan",
    "split": "magenta",
    "unknown": "dim italic",
}
TEXT_NOT_KNOWN = "(text not known)"
# Marks that read without colour (piped, redirected, NO_COLOR): the wdiff convention.
_MARKS = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}


def _label(c: Change) -> str:
    extra = [flag for flag, on in (("moved", c.moved), ("renumbered", c.renumbered)) if on]
    extra += point_status(c.new or c.old)
    return c.kind + (f" ({', '.join(extra)})" if extra else "")


def point_status(points: Sequence[Point]) -> list[str]:
    """What the reader must know about a text: only a summary or excerpt, a gloss, or disputed
    (without it a disputed point or a summary reads like settled text)."""
    out: list[str] = []
    if any(p.lang and p.gloss for p in points):
        out.append("English gloss")
    for p in points:
        if p.text_status in ("partial", "summary"):
            out.append(p.text_status)
        if p.agreement in ("disputed", "open"):
            out.append(p.agreement + (f" by {', '.join(p.disputed_by)}" if p.disputed_by else ""))
    return out


def _numbers(points: list[Point]) -> str:
    return "+".join(p.number for p in points)


def _version(v: PlanVersion) -> dict[str, Any]:
    return {
        "label": v.label,
        "date": v.date.isoformat() if v.date else None,
        "source": v.source,
        "points": len(v.points),
        "reported": v.reported,
        "author": v.author,
        "kind": v.kind,
        "based_on": v.based_on,
    }


def _point(p: Point) -> dict[str, Any]:
    # every field always, as the API's schema gives them: `plan diff -f json` and /diff agree
    return {
        "number": p.number,
        "text": p.text if p.text_status != "unknown" else None,
        "text_status": p.text_status,
        "agreement": p.agreement or None,
        "disputed_by": list(p.disputed_by),
    }


def diff_to_dict(diff: PlanDiff) -> dict[str, Any]:
    """The JSON shape of a diff: both versions, counts per kind, then every change in order."""
    return {
        "plan": diff.new.plan,
        "old": _version(diff.old),
        "new": _version(diff.new),
        "counts": diff.counts(),
        "changes": [
            {
                "kind": c.kind,
                "moved": c.moved,
                "renumbered": c.renumbered,
                "similarity": c.similarity,
                "old": [_point(p) for p in c.old],
                "new": [_point(p) for p in c.new],
                "words": [{"op": w.op, "text": w.text} for w in c.words],
            }
            for c in diff.changes
        ],
    }


def _rich_words(c: Change, marks: bool) -> Text:
    if c.kind == "unknown":
        return Text(TEXT_NOT_KNOWN, style="dim italic")
    if not c.words:
        text = " ".join(p.text for p in c.new or c.old)
        if marks and c.kind in ("removed", "added"):
            text = _MARKS["delete" if c.kind == "removed" else "insert"].format(text)
        return Text(text, style="red strike" if c.kind == "removed" else "")
    out = Text()
    for k, w in enumerate(c.words):
        if k:
            out.append(" ")
        style = {"equal": "", "delete": "red strike", "insert": "green underline"}[w.op]
        out.append(_MARKS[w.op].format(w.text) if marks else w.text, style=style)
    return out


def diff_table(diff: PlanDiff, *, marks: bool = False) -> Table:
    """A terminal table: one row per change, deletions struck through, insertions underlined.

    With ``marks`` (output that may lose its colour: a pipe, a file, NO_COLOR) removed words
    also read ``[-old-]`` and added ones ``{+new+}``, so "guarantees. guarantees from" cannot
    happen.
    """
    title = f"{diff.new.plan}: {diff.old.label} → {diff.new.label}"
    counts = ", ".join(f"{n} {k}" for k, n in diff.counts().items() if n)
    table = Table(title=title, caption=counts, show_lines=False, expand=False)
    table.add_column("change", no_wrap=True)
    table.add_column(diff.old.label, justify="right", no_wrap=True)
    table.add_column(diff.new.label, justify="right", no_wrap=True)
    table.add_column("text")
    for c in diff.changes:
        table.add_row(
            Text(_label(c), style=_STYLE[c.kind]), _numbers(c.old), _numbers(c.new), _rich_words(c, marks)
        )
    return table


_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;vertical-align:top}
th{text-align:left}td.n{text-align:right;white-space:nowrap;color:#555}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
.kind{white-space:nowrap;font-weight:600}.kept{color:#888}.modified{color:#a60}.added{color:#060}
.removed{color:#900}.merged{color:#058}.split{color:#719}.unknown{color:#888;font-style:italic}.removed-text{text-decoration:line-through;color:#900}
"""


def _html_words(c: Change) -> str:
    if c.kind == "unknown":
        return f"<em>{TEXT_NOT_KNOWN}</em>"
    if not c.words:
        text = html.escape(" ".join(p.text for p in (c.new or c.old)))
        return f'<span class="removed-text">{text}</span>' if c.kind == "removed" else text
    tags = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
    return " ".join(tags[w.op].format(html.escape(w.text)) for w in c.words)


def diff_html(diff: PlanDiff) -> str:
    """A standalone HTML page of the diff (inline style, no scripts, nothing fetched)."""
    title = html.escape(f"{diff.new.plan}: {diff.old.label} → {diff.new.label}")
    counts = html.escape(", ".join(f"{n} {k}" for k, n in diff.counts().items() if n))
    rows = "\n".join(
        f'<tr class="{c.kind}"><td class="kind {c.kind}">{html.escape(_label(c))}</td>'
        f'<td class="n">{html.escape(_numbers(c.old))}</td><td class="n">{html.escape(_numbers(c.new))}</td>'
        f"<td>{_html_words(c)}</td></tr>"
        for c in diff.changes
    )
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_CSS}</style></head>\n<body><h1>{title}</h1><p>{counts}</p>\n"
        f"<table><thead><tr><th>change</th><th>{html.escape(diff.old.label)}</th>"
        f"<th>{html.escape(diff.new.label)}</th><th>text</th></tr></thead>\n<tbody>\n{rows}\n</tbody></table>"
        "</body></html>\n"
    )
