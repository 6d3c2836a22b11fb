"""Plan versions from text, Markdown, JSON or CSV: the one door every plan file comes in by.

Published drafts come as numbered lists in prose ("1.", "2)", "Point 3:"), with sub-points
("a)", "5.1") and section headings, pasted in every layout; reconstructions, hand-made tables and
drafting tools' exports come as JSON or CSV, with their own names for the fields. All of them
become one ``PlanVersion`` with ordered ``Point`` records, so that alignment, linking and
positions never care where a version came from. Parsing is strict about what would silently
corrupt a version (a point number used twice, a sub-point with no parent, no points at all) and
says on which line.

This module picks the reader of a format and reads a file; the readers are ``plan_text`` (text
and Markdown) and ``structured_plans`` (JSON and CSV). Tagging points with issues is
``point_tags``; the saved JSON shape of a version is ``plan_dicts``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from redline.analysis.plan_text import parse_plan_text
from redline.analysis.structured_plans import parse_plan_csv, parse_plan_json
from redline.errors import PlanError
from redline.model import PlanVersion

__all__ = ["PARSERS", "load_plan", "parse_plan", "parse_plan_csv", "parse_plan_json", "parse_plan_text"]


PARSERS: dict[str, Callable[..., PlanVersion]] = {
    "text": parse_plan_text,
    "json": parse_plan_json,
    "csv": parse_plan_csv,
}


def parse_plan(
    text: str,
    fmt: str,
    *,
    plan: str,
    label: str,
    when: date | None = None,
    source: str | None = None,
    where: str = "<input>",
) -> PlanVersion:
    """Parse a plan version in ``fmt`` (text, json or csv)."""
    try:
        parser = PARSERS[fmt]
    except KeyError:
        raise PlanError(
            f"unknown plan format {fmt!r}", where=where, hint=f"use one of {', '.join(sorted(PARSERS))}"
        ) from None
    return parser(text, plan=plan, label=label, when=when, source=source, where=where)


def load_plan(
    path: Path,
    *,
    plan: str,
    label: str,
    when: date | None = None,
    source: str | None = None,
    fmt: str | None = None,
) -> PlanVersion:
    """Read and parse the plan version in ``path``; ``fmt`` overrides the extension."""
    # imported here: the sources package brings every reader, which `positions` and `export`
    # (that read plans from the store, never from a file) would pay for at start-up
    from redline.sources.plans import read_plan_file

    text, fmt = read_plan_file(path, fmt)
    return parse_plan(text, fmt, plan=plan, label=label, when=when, source=source, where=str(path))
