"""One point record, whichever file it came from, made a ``Point``; a version's own fields.

JSON points, CSV rows, saved versions and points read from text all reach a plan as records of
fields ("text", "status", "issues", "disputed_by"), with statuses written in words by real data
sets ("reported (unnumbered summary)", "deleted") and codes as a list or one "a; b" cell. This
module reads such a record into a ``Point`` strictly (a point with no text and no status saying
why is an error, not an empty point), and a version's author, kind, lineage and source URLs
from a file's header or the command line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from redline.errors import PlanError
from redline.knowledge.point_labels import point_labels
from redline.model import VERSION_KINDS, PlanVersion, Point

__all__ = [
    "AGREEMENTS",
    "TEXT_STATUSES",
    "apply_meta",
    "check_unique",
    "point_from_record",
    "read_status",
    "struck_text",
    "with_meta",
]


def _codes(value: Any) -> list[str]:
    """Issue ids or PA-X codes given as a list or as one "a; b" / "a, b" / "a|b" cell."""
    if isinstance(value, str):
        return [c.strip() for c in re.split(r"[;,|]", value) if c.strip()]
    return [str(c) for c in value or []]


TEXT_STATUSES = ("known", "partial", "summary", "unknown")
AGREEMENTS = ("agreed", "disputed", "open")
# Words of a free-text status cell, checked in this order ("partial (unnumbered summary)" is partial).
_STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("deleted", "gone"),
    ("absent", "gone"),
    ("removed", "gone"),
    ("dropped", "gone"),
    ("partial", "partial"),
    ("truncated", "partial"),
    ("summary", "summary"),
    ("reported", "summary"),
    ("description", "summary"),
    ("paraphrase", "summary"),
    ("unknown", "unknown"),
    ("known", "known"),
    ("verbatim", "known"),
)


def read_status(value: Any) -> tuple[str | None, str | None]:
    """(text status or "gone", agreement) from a status cell such as "partial; disputed".

    Real data sets describe a point's state in words ("reported (unnumbered summary)",
    "deleted"); both readings can share a cell, so each is looked for separately.
    """
    if not isinstance(value, str) or not value.strip():
        return None, None
    low = value.lower()
    text_status = next((st for word, st in _STATUS_WORDS if word in low), None)
    agreement = next((a for a in AGREEMENTS if a in low), None)
    return text_status, agreement


def struck_text(text: str) -> bool:
    """Whether a point's whole text says the point is no longer in force ("[Repealed]",
    "(deleted)", "Omitted.", "Repealed by the Protocol of 3 May."): a consolidated text or a
    marked-up draft keeps the number of a struck point, so that later points keep theirs, and
    writes one of these words (``point_labels.yaml``'s ``struck``) where its text stood. Such a
    point is deleted, not a provision whose text is "Repealed". A word that opens a sentence
    of its own ("Spent fuel is shipped ...") is a provision: only the word, alone or with what
    struck the point after it (``struck_by``), says so."""
    core = text.strip().strip("[](){}*_ \t.;:—–-").strip()
    if not core or re.search(r"[.;!?]\s+\S", core):
        return False  # nothing, or more than one sentence
    low = " ".join(core.lower().split())
    labels = point_labels()
    for word in labels.struck:
        if low == word:
            return True
        if low.startswith(word + " "):
            rest = low[len(word) + 1 :]
            return any(rest == by or rest.startswith(by + " ") for by in labels.struck_by)
    return False


def _opt_str(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def point_from_record(
    rec: Mapping[str, Any], index: int, where: str, given: Iterable[Any] | None = None
) -> Point | None:
    """A point from one JSON object or CSV row; None when the record says the point was deleted,
    by its status or by a text that only says so ("[Repealed]": ``struck_text``).

    A point may come without text when its wording is not known (``text`` null or empty
    with an ``unknown``/``partial``/``summary`` status): it keeps its number so that a diff
    can say "text unknown" instead of "removed". ``given`` names the fields as the file did
    (before "body" was read as the text), for the error that finds no text.
    """
    text = rec.get("text")
    text_status, agreement = read_status(rec.get("status") or rec.get("text_status"))
    if rec.get("agreement"):
        agreement = str(rec["agreement"]).strip().lower()
        if agreement not in AGREEMENTS:
            raise PlanError(
                f"unknown agreement {agreement!r}", where=where, hint=f"use one of {', '.join(AGREEMENTS)}"
            )
    if text_status == "gone" or (text_status is None and isinstance(text, str) and struck_text(text)):
        return None
    if text is not None and not isinstance(text, str):
        raise PlanError(f"point {index + 1} text is not a string", where=where)
    if not (text or "").strip():
        # An explicit null, or a status saying so, marks wording nobody has seen; a missing
        # or empty text with no such status is a mistake in the file.
        if not (("text" in rec and text is None) or text_status == "unknown"):
            raise PlanError(
                f"point {index + 1} has no text (its fields: {', '.join(map(str, given or rec)) or 'none'})",
                where=where,
                hint='give each point a "text", or status "unknown" when its wording is not known',
            )
        text_status = "unknown"
    number = rec.get("number", rec.get("n", index + 1))
    heading = rec.get("heading") or None
    lang = _opt_str(rec.get("lang"))
    gloss = _opt_str(rec.get("gloss") or rec.get("english_gloss"))
    disputed = _codes(rec.get("disputed_by"))
    if disputed and agreement is None:
        agreement = "disputed"
    return Point(
        number=str(number).strip(),
        text=" ".join(text.split()) if isinstance(text, str) else "",
        heading=heading,
        issues=_codes(rec.get("issues")),
        pax_codes=_codes(rec.get("pax_codes")),
        text_status=text_status or "known",
        agreement=agreement,
        disputed_by=disputed,
        lang=None if lang in (None, "en") else lang,
        gloss=gloss,
    )


def check_unique(points: Iterable[Point], where: str) -> None:
    seen: set[str] = set()
    for p in points:
        if p.number in seen:
            raise PlanError(f"point {p.number} appears twice", where=where, hint="renumber one of them")
        seen.add(p.number)


def apply_meta(version: PlanVersion, data: Mapping[str, Any], where: str) -> PlanVersion:
    """Author, kind, lineage and source URLs from a file's own header fields."""
    kind = data.get("kind")
    if kind is not None:
        kind = str(kind).strip().lower()
        if kind not in VERSION_KINDS:
            raise PlanError(
                f"unknown version kind {kind!r}", where=where, hint=f"use one of {', '.join(VERSION_KINDS)}"
            )
    urls = data.get("source_urls") or data.get("source_url") or []
    if isinstance(urls, str):
        urls = [urls]
    return replace(
        version,
        author=_opt_str(data.get("author")) or version.author,
        kind=kind or version.kind,
        based_on=_opt_str(data.get("based_on")) or version.based_on,
        source_urls=[str(u) for u in urls if isinstance(u, str)] or version.source_urls,
    )


def with_meta(
    version: PlanVersion,
    *,
    author: str | None = None,
    kind: str | None = None,
    based_on: str | None = None,
    source_urls: Iterable[str] = (),
) -> PlanVersion:
    """``version`` with the given metadata (from the command line) over what its file said."""
    data: dict[str, Any] = {"author": author, "kind": kind, "based_on": based_on}
    urls = list(source_urls)
    if urls:
        data["source_urls"] = urls
    return apply_meta(version, data, "<options>")
