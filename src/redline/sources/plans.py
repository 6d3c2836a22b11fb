"""Reading a plan file: its text and the format its extension names.

Parsing lives in ``redline.analysis.plans``; this module only does the file I/O so that the
analysis layer receives text and turns it into points.
"""

from __future__ import annotations

from pathlib import Path

from redline.errors import PlanError
from redline.model import Problem
from redline.sources.guards import declared_charset, decode
from redline.sources.html import outline_text

FORMATS = {
    ".json": "json",
    ".csv": "csv",
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
}


def read_plan_file(path: Path, fmt: str | None = None) -> tuple[str, str]:
    """The text of ``path`` and its format (text, json or csv); ``fmt`` overrides the extension.
    A saved web page (html) is read as the text its headings, paragraphs and lists show."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanError("no such file", where=str(path)) from None
    except OSError as exc:
        raise PlanError(f"cannot be read ({exc.strerror})", where=str(path)) from None
    found = fmt or FORMATS.get(path.suffix.lower(), "text")
    # decoded as articles are: a draft saved by a word processor in Windows-1252 or another
    # code page is read, not refused as "not UTF-8"
    text = decode(data, str(path), declared=declared_charset(data) if found == "html" else None)
    if isinstance(text, Problem):
        raise PlanError(
            text.reason, where=str(path), hint="save the plan as UTF-8 text, Markdown, JSON or CSV"
        )
    if found == "html":
        return outline_text(text), "text"
    return text, found
