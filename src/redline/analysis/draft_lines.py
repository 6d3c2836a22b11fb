"""The points of a draft's lines in the shapes the plan reader knows line by line.

Published drafts come as numbered lists in prose ("1.", "2)", "Point 3:"), with sub-points
("a)", "5.1") and section headings (Markdown, "II. TERRITORY", "Section B:", a line in
capitals), a label alone on its line with its title under it ("Article 2" then "Maritime
boundary"), and a preamble with fields ("Author: E3"). This module reads those shapes line by
line into ``DraftPoint`` records, each with the section it stands in, and is strict about a
sub-point with no parent; what a run of markers finds whatever the shape is ``point_sequence``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from redline.analysis.draft_layout import CARDINALS, date_line
from redline.analysis.draft_point import DraftPoint, is_title
from redline.errors import PlanError
from redline.knowledge.point_labels import point_labels

__all__ = ["line_drafts", "plain_label", "point_start"]

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_TITLE_HEADING = re.compile(r"^\s{0,3}#\s")  # level 1: a document's title by Markdown's convention
# "Point 3:", "Article 4 -", "Art. 5.", "§ 6." and "§ 7 The ..." or "§ 7 (1) The ..." (no mark before
# a capital), "Point one: ..." (a number in words), and a label alone on its line ("Article 8"),
# whose text follows; "Point 6 (elections) is dropped" is a sentence about a point, not one.
# The label words of every language the knowledge file lists ("Пункт 3."), and a capital
# written onto the number ("P3 The ...").
_LABEL_WORDS = "|".join(re.escape(w) + (r"\s*" if w.endswith(".") else r"\s+") for w in point_labels().words)
_LABEL_PREFIXES = "|".join(re.escape(p.upper()) + r"(?=\d)" for p in point_labels().prefixes)
_NAMED = re.compile(
    r"^\s*(?:(?i:" + _LABEL_WORDS + r"|§+\s*)" + (f"|{_LABEL_PREFIXES}" if _LABEL_PREFIXES else "") + ")"
    r"(?P<num>\d+(?:\.\d+)*|(?i:" + "|".join(CARDINALS) + r")\b)"
    r"(?:\s*[:.)\-–—]\s*|\s+(?=[A-Z\"“]|\([^)]*\)\s*(?:[A-Z\"“(]|$))|\s*$)(?P<text>.*)$"
)
# a bullet or emphasis around a point's label: "- 3. ...", "- **3.** ...", "**Point 3** - ..."
_LEAD = re.compile(r"^(?P<indent>\s*)(?:[-*+•]\s+)?(?:(?P<em>\*\*|__)(?P<label>[^*_]{1,40}?)(?P=em))?")
_DOTTED_NUMBER = re.compile(r"\d+(?:\.\d+)+")  # "1.3": lettered sub-points hang under it too
_DOTTED = re.compile(r"^\s*(?P<num>\d+(?:\.\d+)+)[.)]?\s+(?P<text>\S.*)$")
# "1.", "2)", "(3)", "[4]", "5:" and "6 - " / "6 – " (a dash needs a space before it: "2-3 years"),
# and a point inserted by an amendment after point 4, its letter written as the text does ("4A.")
_NUMBERED = re.compile(
    r"^\s*[(\[]?(?P<num>\d{1,3}(?:[A-Z](?=[.)]))?)(?:\s*[.)\]:]|\s+[-–—])\s+(?P<text>\S.*)$"
)
# "III. The parties shall ..." (a sentence: a section line "III. TERRITORY" is short), and
# the roman sub-points "(iv)" of a point
_ROMAN_POINT = re.compile(r"^\s*(?P<num>[IVX]{1,6})[.)]\s+(?P<text>(?=(?:\S+\s+){5})(?=.*[a-z]).*\S)\s*$")
_ROMAN_SUB = re.compile(r"^\s*[(\[]?(?P<num>i{1,3}|iv|vi{0,3}|ix|xi{0,3})[.)\]]\s+(?P<text>\S.*)$")
_LETTERED = re.compile(r"^\s*[(\[]?(?P<num>[a-zа-я])[.)\]]\s+(?P<text>\S.*)$")
# A signature block's first line ("Signed for Varhol:", "Done at Lisk on ...", "For the
# mediators: ______"): the plan's points have ended, though no blank line came before it.
_SIGNATURE = re.compile(
    r"^\s*(?:(?i:signed|done)\s+(?i:for|on behalf of|by|at|in)\b"
    r"|(?i:for|on behalf of)\s\S.{0,60}?(?:\s{3,}|\t)(?i:for|on behalf of)\s"  # two columns
    r"|(?i:for|on behalf of)\s[^:]{1,60}:\s*(?:_{3,}.*)?$)"
)
_BULLET = re.compile(r"^\s*[-*•]\s+")
# Section lines of drafts: "II. TERRITORY", "Section B: Economy", "Part 3 - Guarantees", "Annex I",
# "Розділ 2" (the section words of each language the knowledge file lists). An annex (or
# appendix) after the points numbers its items afresh: they are its own, not the plan's.
_ANNEX = point_labels().annexes
_SECTION_WORDS = "|".join(map(re.escape, point_labels().sections))
_SECTION = re.compile(
    r"^\s*(?:(?P<kind>(?i:" + _SECTION_WORDS + r"))\s+"
    r"(?P<label>(?:[A-ZА-ЯІЄ]|[IVX]+|\d+|(?i:" + "|".join(CARDINALS) + r"))(?![^\W\d_]))"
    r"|(?P<roman>[IVX]+)(?=[.:)]))"
    r"\s*[.:)\-–—]?\s*(?P<text>.*)$"
)
# A short line in capitals ("TERRITORY", "SECURITY GUARANTEES:", "БЕЗПЕКА") heads the points below it.
_CAPS = re.compile(r"^\s*(?=[^a-zа-яіїєґё]*[A-ZА-ЯІЇЄҐЁ]{3})[^a-zа-яіїєґё.,;]{3,80}$")
# "Author: E3" and the like in the preamble of a text plan.
_META = re.compile(r"^\s*(?P<key>author|kind|based[ _-]on|source[ _-]url)\s*:\s*(?P<value>\S.*)$", re.I)


@dataclass(frozen=True, slots=True)
class _Section:
    heading: str
    label: str  # "II", "B"; "S3" for the third section with no label of its own
    annex: bool = False


def _numbered(line: str) -> re.Match[str] | None:
    """The match of ``line`` as a numbered point ("3.", "Art. 3.", "III. The ...", "2.1"); a
    date written day-first ("1. January 2032,") that a wrapped preamble starts a line with is none."""
    m = _NAMED.match(line) or _DOTTED.match(line) or _NUMBERED.match(line) or _ROMAN_POINT.match(line)
    return None if m is None or date_line(m.group("num"), m.group("text")) else m


def point_start(line: str) -> bool:
    return bool(_numbered(line) or _LETTERED.match(line))


def plain_label(line: str) -> str:
    """``line`` without the bullet or emphasis around its point label ("- **3.** The ..." is
    "3. The ..."); a line whose bullet or bold text is no label stays as it is."""
    m = _LEAD.match(line)
    if m is None or m.end() == len(m.group("indent")):
        return line
    rest = line[m.end() :].lstrip()
    label = m.group("label")
    if label and not rest and (n := _numbered(label)) and n.group("text").strip():
        # the number and the title in bold, alone on the line ("- **4. The port**"): the title
        # stays in bold, a heading over the text under it
        label = f"{label[: n.start('text')].rstrip()} **{n.group('text').strip()}**"
    plain = f"{m.group('indent')}{label + ' ' if label else ''}{rest}"
    return plain if point_start(plain) else line


def _title_of(d: DraftPoint, line: str, following: str) -> bool:
    """Whether ``line`` is the title under a label alone on its line ("Article 2" then
    "Maritime boundary"): a short first line with no closing punctuation, followed by a line
    that starts a sentence (a wrapped first line of text runs on in lower case)."""
    words = line.split()
    return (
        d.bare
        and not d.lines
        and 0 < len(words) <= 8
        and line.strip()[-1] not in ".;:,"
        and line.strip()[0].isupper()
        and following.strip()[:1].isupper()
    )


def _next_text(lines: list[str], start: int) -> str:
    """The first line from ``start`` on that is not blank ("" when none is)."""
    for k in range(start, len(lines)):
        if lines[k].strip():
            return lines[k]
    return ""


def _section_of(line: str, ordinal: int) -> _Section | None:
    """The section ``line`` heads, else None. A Markdown heading that names a section ("## Annex
    A: Timetable", "## Section B") goes by that label, as the same line typed without "##" does."""
    if m := _HEADING.match(line):
        text = m.group("text").strip()
        if (named := _SECTION.match(text)) and not (named.group("roman") and _ROMAN_POINT.match(text)):
            kind = (named.group("kind") or "").lower()
            return _Section(text, named.group("label") or named.group("roman"), kind in _ANNEX)
        return _Section(text, f"S{ordinal}")
    if (m := _SECTION.match(line)) and not (m.group("roman") and _ROMAN_POINT.match(line)):
        label = m.group("label") or m.group("roman")
        annex = (m.group("kind") or "").lower() in _ANNEX
        return _Section(m.group("text").strip() or line.strip(), label, annex)
    if _CAPS.match(line) and not _NUMBERED.match(line) and not _DOTTED.match(line):
        return _Section(line.strip().rstrip(":").strip(), f"S{ordinal}")
    return None


def _heading_point(line: str, lines: list[str], start: int) -> tuple[str, str] | None:
    """(number, title or text) when ``line`` is a Markdown heading that is a point ("### 2.
    Withdrawal", its text in the paragraphs under it); a numbered heading over numbered points
    ("## 1. Security" then "1. ...") heads a section instead."""
    m = _HEADING.match(line)
    found = _numbered(m.group("text")) if m else None
    if found is None:
        return None
    for k in range(start, len(lines)):
        if _HEADING.match(lines[k]):
            break
        if _numbered(lines[k]) and not _DOTTED.match(lines[k]):
            return None
    number = found.group("num")
    if (value := point_labels().cardinal(number)) is not None:
        number = str(value)
    return number, found.group("text").strip()


def line_drafts(
    lines: list[str], table: Mapping[int, Any], skip: set[int], where: str
) -> tuple[list[DraftPoint], dict[str, list[str]]]:
    """The points of ``lines`` in the shapes the reader knows line by line ("3.", "Art. 3.",
    "III. The ...", "b)", section lines over them), and the preamble's fields ("Author: E3")."""
    starts = [point_start(line) for line in lines]
    starts_after = _starts_after(starts)
    drafts: list[DraftPoint] = []
    heading: str | None = None
    section = ""
    annex = False
    parent: str | None = None
    meta: dict[str, Any] = {}
    ordinal = 0
    title: str | None = None  # a level-1 Markdown heading met before any point
    after_blank = paged = False
    for lineno, line in enumerate(lines, start=1):
        if lineno - 1 in skip:
            paged = paged or lineno - 1 not in table
            continue
        if not line.strip():
            after_blank = True
            continue
        if row := table.get(lineno - 1):
            number = row.number or str(len(drafts) + 1)
            parent = number if "." not in number else parent
            # a row is the whole point: what follows the table continues no row
            drafts.append(
                DraftPoint(number, lineno, [row.text], row.heading or heading, section, closed=True)
            )
            continue
        if not drafts and (m := _META.match(line)):
            key = m.group("key").lower().replace(" ", "_").replace("-", "_")
            meta.setdefault(key, []).append(m.group("value").strip())
            continue
        if titled := _heading_point(line, lines, lineno):
            number, body = titled
            parent = number if "." not in number else parent
            named = is_title(body)
            lines_of = [] if named else [body]
            drafts.append(
                DraftPoint(number, lineno, lines_of, body if named else heading, section, annex=annex)
            )
            after_blank = False
            continue
        if drafts and _SIGNATURE.match(line) and not starts_after[lineno]:
            # a signature block after the last point ("For the purposes of this Agreement:" over
            # sub-points is no signature)
            drafts[-1].closed = True
            continue
        if found := _section_of(line, ordinal + 1):
            heading, section, annex = found.heading, found.label, found.annex
            ordinal += 1
            if not drafts and _TITLE_HEADING.match(line):
                title = found.heading
            after_blank = False
            if drafts:  # what a new section says before its first point is not the last point's text
                drafts[-1].closed = True
            continue
        if found_point := _point_line(line, parent, f"{where}:{lineno}"):
            number, body = found_point
            # a dotted point ("1.3") is the parent of the lettered ones under it ("(a)" is 1.3.a)
            parent = number if "." not in number or _DOTTED_NUMBER.fullmatch(number) else parent
            lines_of = [body] if body else []
            drafts.append(DraftPoint(number, lineno, lines_of, heading, section, bare=not body, annex=annex))
        elif drafts and drafts[-1].bare and _title_of(drafts[-1], line, _next_text(lines, lineno)):
            drafts[-1].heading = line.strip()
            drafts[-1].bare = False
        elif drafts and not drafts[-1].closed:
            # a sentence a page break cut ("a joint crew" + header + "of engineers") runs on
            turned = paged and line.lstrip()[:1].islower()
            if after_blank and not turned and not line[:1].isspace() and not _BULLET.match(line):
                drafts[-1].breaks.append(len(drafts[-1].lines))
            drafts[-1].lines.append(_BULLET.sub("", line).strip())
        after_blank = paged = False
    if title is not None and ordinal == 1 and all(d.heading == title for d in drafts):
        # the draft's title ("# Selva River Framework (draft of 2 March)") heads no point: shown
        # as every point's heading it said nothing and crowded the plan page
        for d in drafts:
            d.heading = None
    return drafts, meta


def _starts_after(starts: list[bool]) -> list[bool]:
    """For each line index k (and one past the end), whether a point starts at k or later."""
    out = [False] * (len(starts) + 1)
    for k in range(len(starts) - 1, -1, -1):
        out[k] = starts[k] or out[k + 1]
    return out


def _point_line(line: str, parent: str | None, where: str) -> tuple[str, str] | None:
    """(number, text) when ``line`` starts a point ("3.", "Art. 3.", "III. The ...") or a
    sub-point of ``parent`` ("b)", "(iv)", which keep the label the draft gives them)."""
    if m := _numbered(line):
        number = m.group("num")
        if (value := point_labels().cardinal(number)) is not None:
            number = str(value)
        return number, m.group("text").strip()
    if m := (_ROMAN_SUB.match(line) or _LETTERED.match(line)):
        if parent is None:
            raise PlanError(
                f"sub-point {m.group('num')!r} comes before any numbered point",
                where=where,
                hint="number the point it belongs to first",
            )
        return f"{parent}.{point_labels().latin_letter(m.group('num'))}", m.group("text").strip()
    return None
