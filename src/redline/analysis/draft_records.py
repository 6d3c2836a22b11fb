"""A text draft's point as the record a JSON point would be: its marks, title and text.

A point read from text carries what a JSON export puts in fields: marks at its start
("[disputed by X]", "[summary]", "[lang:de]"), a title on the label's line or run in before its
first sentence ("1. **Ceasefire.** A complete ..."), wrapped and hyphenated lines, and after the
last point, a signature block or an editor's note that is no part of it. This module turns each
into the record ``plan_records`` reads, so that a text point and a JSON point become one
``Point`` the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from redline.analysis.draft_layout import join_wrapped
from redline.analysis.draft_point import DraftPoint, is_title
from redline.analysis.plan_records import read_status
from redline.analysis.textsim import STOP_WORDS
from redline.model import Point

__all__ = ["draft_record", "end_at_closing", "plain_run_in_titles", "status_tags"]

# A run-in title in bold or italics that opens a point ("1. **Ceasefire.** A complete ...",
# "**Prisoners**: ..."): the point's heading, not its text. A stop after it tells it from a word
# set in bold for weight ("**All** guns shall ...").
_RUN_IN = re.compile(
    r"^(?P<em>\*\*|__|\*)(?=\S)(?P<title>[^*_]{1,80}?)(?:[.:](?P=em)\s*|(?P=em)\s*[:.–—-])\s*(?=\S)"
)
# A title in bold or italics filling the label's line ("1. **Ceasefire**"), the text under it.
_EMPHASIS_LINE = re.compile(r"(?P<em>\*\*|__|\*)(?=\S)(?P<title>[^*_]{1,80}?)[.:]?(?P=em)[.:]?")
# "[disputed by Russia]", "[summary]", "[partial]", "[unknown]", "[open]" at the start of a point.
_MARK = re.compile(
    r"^\s*\[(?P<mark>(?:disputed(?: by [^\]]+)?|agreed|open|partial|summary|unknown|deleted"
    r"|lang:[^\]]+))\]\s*",
    re.I,
)


# A rule across the page ("---", "* * *", "___"): Markdown's thematic break, a typist's separator
# ("* * *" reaches here as "* *" when a continuation line's bullet was taken off).
_RULE = re.compile(r"^\s*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){2,}|(?:_[ \t]*){3,}|(?:=[ \t]*){3,})$")

# A drafter's note set in brackets in or after a point ("[Facilitator's note: this paragraph was
# 9 in draft 1.]", "[Note: figures to be checked]"): about the text, no part of it.
_BRACKETED_NOTE = re.compile(r"\s*\[(?:[A-Z][\w'’]*\s+)?(?i:note):\s[^\[\]]*\]")
# A status in parentheses after a point's label ("(agreed ad ref)", "(pending)", "(new proposal,
# Moravel)"): a few words that open in lower case, then the text (or nothing: the options follow).
_STATUS_TAG = re.compile(r"^\((?P<tag>[a-z][^()]{0,40})\)(?:\s+(?=[A-Z\[\"“])|$)")


def end_at_closing(last: DraftPoint) -> None:
    """Drop what follows the last point after a blank line once that point has ended its
    sentence: a signature block, an editor's note or the rest of the page is not the point.
    An indented or lower-case line after the blank still continues it (a wrapped clause); a
    rule ("---", "* * *") closes the text whatever follows it."""
    if rule := next((k for k, line in enumerate(last.lines) if k and _RULE.match(line)), None):
        del last.lines[rule:]
        last.breaks = [b for b in last.breaks if b < rule]
    for k in last.breaks:
        before = " ".join(last.lines[:k]).rstrip()
        if before.endswith((".", "!", "?", '."', ".”")) and last.lines[k].lstrip("_*\"“‘'(")[:1].isupper():
            del last.lines[k:]
            return


def draft_record(d: DraftPoint, hyphenated: frozenset[str]) -> dict[str, Any]:
    """A text point as the record a JSON point would be: its marks ("[disputed by X]",
    "[summary]", "[lang:de]") become its status fields, and a title on the label's line with
    the text under it ("1. **Ceasefire**", or "1. Ceasefire" and a blank line) its heading."""
    lines, heading = d.lines, d.heading
    if len(lines) > 1:
        first = lines[0].strip()
        bold = _EMPHASIS_LINE.fullmatch(first)
        # a plain line is a title only before a blank line and when it ends on a word of its
        # own: "Convoys enter at the" + blank + "North Gate ..." is a sentence the blank cut
        plain = 1 in d.breaks and is_title(first) and first.split()[-1].lower() not in STOP_WORDS
        if (bold and is_title(bold.group("title"))) or plain:
            lines, heading = lines[1:], bold.group("title").strip() if bold else first
    body = join_wrapped(lines, hyphenated)
    record: dict[str, Any] = {"number": d.number, "heading": heading}
    marks: list[str] = []
    while m := _MARK.match(body):
        marks.append(m.group("mark").strip())
        body = body[m.end() :]
    for mark in marks:
        low = mark.lower()
        if low.startswith("disputed by"):
            record["disputed_by"] = mark[len("disputed by") :].strip()
        elif low.startswith("lang"):
            record["lang"] = mark.split(":", 1)[-1].strip()
        else:
            record["status"] = f"{record.get('status', '')} {low}".strip()
    body = _BRACKETED_NOTE.sub("", body)
    if (m := _RUN_IN.match(body)) and is_title(m.group("title").strip()):
        record["heading"] = m.group("title").strip()
        body = body[m.end() :]
    record["text"] = body.strip() or (None if "unknown" in record.get("status", "") else "")
    return record


# "Truce. A truce shall ..." : a title of up to four words ending in a stop, then a sentence.
_PLAIN_RUN_IN = re.compile(r"^(?P<title>[A-Z][\w'’-]*(?: [\w'’-]+){0,3})\.\s+(?=[A-Z\"“(])")
# The same in capitals, as a bill titles its sections ("SEC. 6. REOPENING OF THE VALLEY ROAD."):
# capitals say it is a title, so it may be as long as a title is.
_CAPS_RUN_IN = re.compile(r"^(?P<title>[A-Z][A-Z'’-]*(?: [A-Z'’-]+){0,9})\.\s+(?=[A-Z\"“(])")


def plain_run_in_titles(points: list[Point]) -> list[Point]:
    """``points`` with a plain run-in title ("2. Truce. A truce shall ...") taken as the heading.
    A short first sentence is a title only when most of the draft's points (three at least)
    open with one, as a drafter who titles points titles them all: one point opening "Agreed.
    The parties ..." keeps its word."""
    top = [p for p in points if "." not in p.number]
    titled = {
        id(p): m
        for p in top
        if (m := _PLAIN_RUN_IN.match(p.text) or _CAPS_RUN_IN.match(p.text)) and is_title(m.group("title"))
    }
    if len(titled) < 3 or len(titled) * 3 < len(top) * 2:
        return points
    return [
        replace(p, heading=m.group("title"), text=p.text[m.end() :]) if (m := titled.get(id(p))) else p
        for p in points
    ]


def status_tags(points: list[Point]) -> list[Point]:
    """``points`` without the status a compilation text writes in parentheses after each label
    ("OP2 (pending) Forces shall ..."): the status says where the talks stand on the paragraph,
    and is its agreement when it says one ("agreed ad ref"). Only a draft that tags most of its
    points (three at least) has such a status: one point opening "(as amended) The ..." keeps it."""
    tagged = {
        id(p): m for p in points if (m := _STATUS_TAG.match(p.text)) and len(m.group("tag").split()) <= 5
    }
    top = [p for p in points if "." not in p.number]
    if len(tagged) < 3 or len(tagged) * 2 < len(top):
        return points
    out: list[Point] = []
    for p in points:
        if (m := tagged.get(id(p))) is None:
            out.append(p)
            continue
        agreement = read_status(m.group("tag"))[1] or p.agreement
        out.append(replace(p, text=p.text[m.end() :].strip(), agreement=agreement))
    return out
