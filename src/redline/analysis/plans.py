"""Plan versions from text, Markdown, JSON or CSV, and tagging of their points with issues.

Published drafts come as numbered lists in prose ("1.", "2)", "Point 3:"), with sub-points
("a)", "5.1") and section headings (Markdown, "II. TERRITORY", "Section B:", a line in
capitals), sometimes numbered afresh in each section, which then prefixes the point's number
("B.1"), and an annex numbering its items afresh ("A.1"); reconstructions, hand-made tables and
drafting tools' exports come as JSON or CSV, with their own names for the fields.
All of them become one ``PlanVersion`` with ordered ``Point`` records, so that alignment,
linking and positions never care where a version came from. Parsing is strict about what
would silently corrupt a version (a point number used twice, a sub-point with no parent, no
points at all) and says on which line.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from itertools import takewhile
from pathlib import Path
from typing import Any

from redline.analysis.draft_layout import (
    CARDINALS,
    accept_changes,
    bullet_points,
    contents_lines,
    csv_delimiter,
    date_line,
    field_names,
    footnote_marks,
    hyphenated_words,
    inline_points,
    join_wrapped,
    keycap_numbers,
    note_lines,
    ordinal_paragraphs,
    page_furniture,
    prose_points,
    table_rows,
    thread_counters,
    unquote,
    wikitext,
    without_app_marks,
    yaml_records,
)
from redline.analysis.point_sequence import (
    first_column,
    inline_sequence,
    keyed_points,
    labelled_strings,
    markers,
    repeated_lines,
    sequence_points,
)
from redline.analysis.textsim import STOP_WORDS, tokens
from redline.errors import PlanError
from redline.knowledge.issue_terms import IssueTerms
from redline.knowledge.point_labels import point_labels
from redline.model import VERSION_KINDS, PlanVersion, Point

Tagger = Callable[[str], list[str]]

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

__all__ = [
    "AGREEMENTS",
    "TEXT_STATUSES",
    "VERSION_KINDS",
    "Tagger",
    "load_plan",
    "parse_plan",
    "parse_plan_csv",
    "parse_plan_json",
    "parse_plan_text",
    "point_to_dict",
    "point_warnings",
    "read_status",
    "tag_points",
    "tagging_text",
    "term_tagger",
    "version_from_dict",
    "version_summary",
    "version_to_dict",
    "with_meta",
]
_DOTTED = re.compile(r"^\s*(?P<num>\d+(?:\.\d+)+)[.)]?\s+(?P<text>\S.*)$")
# "1.", "2)", "(3)", "[4]", "5:" and "6 - " / "6 – " (a dash needs a space before it: "2-3 years")
_NUMBERED = re.compile(r"^\s*[(\[]?(?P<num>\d{1,3})(?:\s*[.)\]:]|\s+[-–—])\s+(?P<text>\S.*)$")
# "III. The parties shall ..." (a sentence: a section line "III. TERRITORY" is short), and
# the roman sub-points "(iv)" of a point
_ROMAN_POINT = re.compile(r"^\s*(?P<num>[IVX]{1,6})[.)]\s+(?P<text>(?=(?:\S+\s+){5})(?=.*[a-z]).*\S)\s*$")
_ROMAN_SUB = re.compile(r"^\s*[(\[]?(?P<num>i{1,3}|iv|vi{0,3}|ix|xi{0,3})[.)\]]\s+(?P<text>\S.*)$")
_LETTERED = re.compile(r"^\s*[(\[]?(?P<num>[a-zа-я])[.)\]]\s+(?P<text>\S.*)$")
# Sub-points lettered in Cyrillic ("а)", "б)", "в)") take the Latin letter of the same place, as
# drafts in Russian or Ukrainian number them (without ё, й, ъ, ы, ь): "б)" of point 2 is 2.b.
_CYRILLIC_ORDER = "абвгдежзиклмнопрстуфхцчшщэюя"
# A signature block's first line ("Signed for Varhol:", "Done at Lisk on ...", "For the
# mediators: ______"): the plan's points have ended, though no blank line came before it.
_SIGNATURE = re.compile(
    r"^\s*(?:(?i:signed|done)\s+(?i:for|on behalf of|by|at|in)\b"
    r"|(?i:for|on behalf of)\s\S.{0,60}?(?:\s{3,}|\t)(?i:for|on behalf of)\s"  # two columns
    r"|(?i:for|on behalf of)\s[^:]{1,60}:\s*(?:_{3,}.*)?$)"
)
_BULLET = re.compile(r"^\s*[-*•]\s+")
# A run-in title in bold or italics that opens a point ("1. **Ceasefire.** A complete ...",
# "**Prisoners**: ..."): the point's heading, not its text. A stop after it tells it from a word
# set in bold for weight ("**All** guns shall ...").
_RUN_IN = re.compile(
    r"^(?P<em>\*\*|__|\*)(?=\S)(?P<title>[^*_]{1,80}?)(?:[.:](?P=em)\s*|(?P=em)\s*[:.–—-])\s*(?=\S)"
)
# A title in bold or italics filling the label's line ("1. **Ceasefire**"), the text under it.
_EMPHASIS_LINE = re.compile(r"(?P<em>\*\*|__|\*)(?=\S)(?P<title>[^*_]{1,80}?)[.:]?(?P=em)[.:]?")
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
# "[disputed by Russia]", "[summary]", "[partial]", "[unknown]", "[open]" at the start of a point.
_MARK = re.compile(
    r"^\s*\[(?P<mark>(?:disputed(?: by [^\]]+)?|agreed|open|partial|summary|unknown|deleted"
    r"|lang:[^\]]+))\]\s*",
    re.I,
)


@dataclass(slots=True)
class _Draft:
    number: str
    line: int
    lines: list[str] = field(default_factory=list)
    heading: str | None = None
    section: str = ""  # the label of the section it is in ("II", "B"; "S3" for the third unlabelled)
    breaks: list[int] = field(default_factory=list)  # indices of ``lines`` that follow a blank line
    closed: bool = False  # takes no continuation lines (a table row, a point a heading ended)
    bare: bool = False  # its label stood alone on its line ("Article 3"): a title may follow
    annex: bool = False  # in an annex after the plan's points ("Annex A: Timetable")


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


def _point_start(line: str) -> bool:
    return bool(_numbered(line) or _LETTERED.match(line))


# Characters a PDF's text layer writes for plain letters or spaces: the ligatures ("ﬁ", "ﬂ", "ﬀ",
# "ﬃ") and the no-break spaces. Only these are folded (NFKC): the rest of NFKC would also turn a
# footnote's "¹" or a circled "④" into digits, which the reader tells apart from a point's number.
_FOLDED = re.compile("[\ufb00-\ufb06\u00a0\u2007\u202f]")


def _folded(text: str) -> str:
    """``text`` with ligatures read as their letters and no-break spaces as spaces, so a point
    copied from a PDF has the words a later version spells out ("ceaseﬁre" is "ceasefire")."""
    return _FOLDED.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def _plain(line: str) -> str:
    """``line`` without the bullet or emphasis around its point label ("- **3.** The ..." is
    "3. The ..."); a line whose bullet or bold text is no label stays as it is."""
    m = _LEAD.match(line)
    if m is None or m.end() == len(m.group("indent")):
        return line
    rest = line[m.end() :].lstrip()
    plain = f"{m.group('indent')}{m.group('label') + ' ' if m.group('label') else ''}{rest}"
    return plain if _point_start(plain) else line


def _title_of(d: _Draft, line: str, following: str) -> bool:
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


def _end_at_closing(last: _Draft) -> None:
    """Drop what follows the last point after a blank line once that point has ended its
    sentence: a signature block, an editor's note or the rest of the page is not the point.
    An indented or lower-case line after the blank still continues it (a wrapped clause)."""
    for k in last.breaks:
        before = " ".join(last.lines[:k]).rstrip()
        if before.endswith((".", "!", "?", '."', ".”")) and last.lines[k].lstrip("_*\"“‘'(")[:1].isupper():
            del last.lines[k:]
            return


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


def _title(text: str) -> bool:
    """Whether ``text`` names a point rather than says it ("Island Assembly", "Withdrawal of the
    Republic's forces"): a few words with no closing punctuation."""
    words = text.split()
    return (
        0 < len(words) <= 10
        and text.rstrip()[-1] not in ".;:,!?"
        and (text[0].isupper() or text[0].isdigit())
    )


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
    if number.lower() in CARDINALS:
        number = str(CARDINALS.index(number.lower()) + 1)
    return number, found.group("text").strip()


def _paragraph_headings(drafts: list[_Draft]) -> list[_Draft]:
    """Drafts without the points that only title their numbered paragraphs: "Article 2 - Island
    Assembly" (or "Article 2" and a title line) over "2.1", "2.2" is the heading of 2.1 and 2.2,
    not a point of its own, whose text would be a title that aligns with nothing."""
    out: list[_Draft] = []
    for k, d in enumerate(drafts):
        title = " ".join(d.lines).strip()
        under = list(takewhile(partial(_paragraph_of, d.number), drafts[k + 1 :]))
        if "." not in d.number and under and (not title or _title(title)):
            for s in under:
                s.heading = title or d.heading
            continue
        out.append(d)
    return out


def _paragraph_of(number: str, d: _Draft) -> bool:
    """Whether ``d`` is a numbered paragraph of point ``number`` ("2.1" of "2"; "2.a" is not)."""
    return d.number.startswith(f"{number}.") and d.number[len(number) + 1 :].split(".")[0].isdigit()


def _numbered_by_section(drafts: list[_Draft], where: str) -> list[_Draft]:
    """Drafts whose numbering starts again in each section ("Section A: 1. 2. Section B: 1. 2.")
    get the section's label in front ("A.1", "B.1"); a number used twice in one section, or
    twice with no section between, is an error that would merge two points. An annex's items
    are numbered apart from the plan's points: they get the annex's label ("A.1") when their
    numbers are the points' own, and the points keep theirs."""
    main = _renumbered([d for d in drafts if not d.annex], where)
    annex = [d for d in drafts if d.annex]
    if not annex:
        return main
    taken = {d.number for d in main}
    renamed = _renumbered(annex, where)
    if renamed == annex and taken & {d.number for d in annex}:
        renamed = [replace(d, number=f"{d.section}.{d.number}") for d in annex]
    order = {id(d): k for k, d in enumerate(drafts)}
    pairs = [*zip([d for d in drafts if not d.annex], main, strict=True), *zip(annex, renamed, strict=True)]
    return [new for old, new in sorted(pairs, key=lambda p: order[id(p[0])])]


def _said(d: _Draft) -> str:
    """The start of what a draft says, to quote in an error."""
    text = " ".join(d.lines) or d.heading or ""
    return text[:50] + ("…" if len(text) > 50 else "")


def _renumbered(drafts: list[_Draft], where: str) -> list[_Draft]:
    """``drafts`` with the section in front of their numbers when numbering starts again."""
    seen: dict[tuple[str, str], int] = {}
    restarts = False
    first_line: dict[str, int] = {}
    first_of: dict[tuple[str, str], _Draft] = {}
    for d in drafts:
        if (d.section, d.number) in seen:
            first = first_of[d.section, d.number]
            raise PlanError(
                f"point {d.number} appears twice (first on line {seen[d.section, d.number]}: "
                f"{_said(first)!r}; again: {_said(d)!r})",
                where=f"{where}:{d.line}",
                hint="renumber one of them, or reword a line that is no point so it does not start "
                "with a number",
            )
        seen[d.section, d.number] = d.line
        first_of[d.section, d.number] = d
        restarts = restarts or d.number in first_line
        first_line.setdefault(d.number, d.line)
    if not restarts:
        return drafts
    return [replace(d, number=f"{d.section}.{d.number}") for d in drafts]


def parse_plan_text(
    text: str,
    *,
    plan: str,
    label: str,
    when: date | None = None,
    source: str | None = None,
    where: str = "<text>",
) -> PlanVersion:
    """Read numbered points, lettered or dotted sub-points and headings from plain text or Markdown.

    Lines before the first point (title, preamble) are not points; a line that is not a
    point, a sub-point or a heading continues the point above it. The layout a draft was
    pasted in is undone first (``draft_layout``): wikitext, tracked changes (read as accepted),
    an e-mail reply's quoting, a thread's post counters, keycap emoji numbers, a PDF's page
    headers, footers, footnotes and line-end hyphens, Markdown tables, a table of contents;
    when no line is numbered, points an article gives in prose, bullets that lost their
    numbers, paragraphs numbered with words ("First,") and numbers inside paragraphs ("(1) ...
    (2) ..."). Whatever the shape, a run of markers that counts up (``point_sequence``) reads a
    draft those shapes find nothing in, or fewer points than it counts.
    """
    text = _folded(text)
    if text.lstrip()[:1] in ("{", "["):  # a JSON export pasted as text
        try:
            return parse_plan_json(text, plan=plan, label=label, when=when, source=source, where=where)
        except PlanError:
            pass  # no JSON, or none with points: read as text
    if (records := yaml_records(text)) is not None:
        try:
            dumped = json.dumps(records, default=str)
            return parse_plan_json(dumped, plan=plan, label=label, when=when, source=source, where=where)
        except PlanError:
            pass  # YAML with no points in it: read as the text it also is
    text = accept_changes(wikitext(text))
    lines = [
        _plain(without_app_marks(raw.rstrip()))
        for raw in keycap_numbers(thread_counters(unquote(text.splitlines())))
    ]
    lines = first_column(lines)
    notes, note_mark = footnote_marks(lines)
    if note_mark is not None:
        lines = [line if k in notes else note_mark.sub("", line) for k, line in enumerate(lines)]
    table, chrome = table_rows(lines)
    chrome |= contents_lines(lines)
    starts = [_point_start(line) for line in lines]
    furniture = page_furniture(lines, starts) | {k for k in repeated_lines(lines) if not starts[k]}
    furniture |= note_lines(lines)
    if notes and not any(starts[min(notes) :]) and not any(k > min(notes) for k in furniture - notes):
        # the notes listed after the last point (a shared document's comments with their
        # replies): what follows the first of them is no point's text; a footnote at a page's
        # foot has the next page's header after it, and the point may go on there
        furniture |= set(range(min(notes), len(lines)))
    try:
        drafts, meta = _line_drafts(lines, table, chrome | furniture, where)
        refused: PlanError | None = None
    except PlanError as exc:  # a shape the line reader knows, broken: a run of markers may still read it
        drafts, meta, refused = [], {}, exc
    plain = "\n".join(line for k, line in enumerate(lines) if k not in furniture)
    numbered = bool(drafts)
    drafts = _unnumbered(drafts, text, lines, plain)
    drafts = _with_run(drafts, lines, chrome | furniture | set(table), numbered)
    if not drafts:
        raise refused or _refusal(lines, where)
    drafts = _paragraph_headings(drafts)
    _end_at_closing(drafts[-1])
    points: list[Point] = []
    hyphenated = hyphenated_words(text)
    for d in _numbered_by_section(drafts, where):
        point = _point_from_record(_draft_record(d, hyphenated), len(points), f"{where}:{d.line}")
        if point is not None:
            points.append(point)
    points = _plain_run_in_titles(points)
    version = PlanVersion(plan=plan, label=label, date=when, source=source, points=points)
    return _apply_meta(version, {k: v[0] if k != "source_url" else v for k, v in meta.items()}, where)


def _with_run(drafts: list[_Draft], lines: list[str], skip: set[int], numbered: bool = True) -> list[_Draft]:
    """``drafts``, or the points of the best run of markers in ``lines`` (``point_sequence``)
    when the shapes known line by line found none, or fewer than the run counts: the draft is in
    a shape they do not know, or they took a stray number for a point. Bullets, which carry no
    numbers, never replace points the draft numbered, and a numbered line that only titles what
    follows ("III. Final provisions") may be a section, not a point. A number read twice ("1."
    before every item) is no numbering when the run counts every numbered line; otherwise it
    stays the error it is ("2." used twice). When no line was numbered (``numbered`` false) and
    the run is one list of the bullets read, it wins: the run ends a list at a paragraph of its
    own, and a page with a "Key points" list, reactions and the plan holds three lists."""
    found = sequence_points(lines, skip)
    if not found and (not drafts or drafts[0].number not in ("1", "a", "i", "I", "A")):
        # no line opens a run, and what the lines gave does not start a list: the points may
        # be inside the paragraphs ("... three parts: 1) a truce ...; 2) ...")
        found = inline_sequence(lines, skip)
    if not found:
        return drafts
    run = [_Draft(p.number, p.line, p.lines, p.heading, breaks=p.breaks) for p in found]
    if not drafts:
        return run
    counted = _top_count([d for d in run if not (len(d.lines) == 1 and _title(d.lines[0]))])
    repeated = len({(d.section, d.annex, d.number) for d in drafts}) < len(drafts)
    known = _top_count(drafts)
    inner = repeated and _indented_list(run, drafts, lines)
    if not numbered and not found[0].numbered:
        return run if {d.line for d in run} < {d.line for d in drafts} else drafts
    return (
        run if found[0].numbered and (counted > known or (repeated and counted >= known) or inner) else drafts
    )


def _indented_list(run: list[_Draft], drafts: list[_Draft], lines: list[str]) -> bool:
    """Whether the run is a list indented deeper than every other numbered line the line reader
    took: points quoted inside a numbered paragraph ("4. The text reads:" over "   1. ...",
    "   2. ..."), whose numbers collide with the paragraphs' own."""

    def indent(d: _Draft) -> int:
        line = lines[d.line - 1]
        return len(line) - len(line.lstrip())

    at = {d.line for d in run}
    others = [indent(d) for d in drafts if d.line not in at]
    return len(run) >= 3 and bool(others) and min(map(indent, run)) > max(others)


def _top_count(drafts: list[_Draft]) -> int:
    """How many points (not sub-points) ``drafts`` holds."""
    return sum("." not in d.number for d in drafts)


def _refusal(lines: list[str], where: str) -> PlanError:
    """The error for a text in which no list of points was found: what it holds, which lines
    open with something like a marker, and how to number the points."""
    said = [line.strip() for line in lines if line.strip()]
    opened = [(k, m) for k, line in enumerate(lines) if (m := markers(line)) is not None]
    found = f"no numbered points found in {len(said)} lines of text"
    if opened:
        shown = ", ".join(f"line {k + 1} {lines[k].strip()[:16]!r}" for k, _ in opened[:3])
        found += f": {len(opened)} line(s) open with a marker ({shown}) but no two count up (1, 2 or a, b)"
    elif said:
        found += f" (the first: {said[0][:60]!r}); no line opens with a number, a letter or a bullet"
    return PlanError(
        found,
        where=where,
        hint='number each point at the start of its line, counting up: "1.", "1)", "Point 1:", "Art. 1.", '
        '"§ 1", "I.", "(a)", or a bullet "•" before each; sub-points "a)", "(i)" or "5.1"; '
        "or save it as JSON or CSV with a text column",
    )


def _line_drafts(
    lines: list[str], table: Mapping[int, Any], skip: set[int], where: str
) -> tuple[list[_Draft], dict[str, list[str]]]:
    """The points of ``lines`` in the shapes the reader knows line by line ("3.", "Art. 3.",
    "III. The ...", "b)", section lines over them), and the preamble's fields ("Author: E3")."""
    starts = [_point_start(line) for line in lines]
    starts_after = _starts_after(starts)
    drafts: list[_Draft] = []
    heading: str | None = None
    section = ""
    annex = False
    parent: str | None = None
    meta: dict[str, Any] = {}
    ordinal = 0
    title: str | None = None  # a level-1 Markdown heading met before any point
    after_blank = False
    for lineno, line in enumerate(lines, start=1):
        if lineno - 1 in skip:
            continue
        if not line.strip():
            after_blank = True
            continue
        if row := table.get(lineno - 1):
            number = row.number or str(len(drafts) + 1)
            parent = number if "." not in number else parent
            # a row is the whole point: what follows the table continues no row
            drafts.append(_Draft(number, lineno, [row.text], row.heading or heading, section, closed=True))
            continue
        if not drafts and (m := _META.match(line)):
            key = m.group("key").lower().replace(" ", "_").replace("-", "_")
            meta.setdefault(key, []).append(m.group("value").strip())
            continue
        if titled := _heading_point(line, lines, lineno):
            number, body = titled
            parent = number if "." not in number else parent
            named = _title(body)
            lines_of = [] if named else [body]
            drafts.append(_Draft(number, lineno, lines_of, body if named else heading, section, annex=annex))
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
            parent = number if "." not in number else parent
            lines_of = [body] if body else []
            drafts.append(_Draft(number, lineno, lines_of, heading, section, bare=not body, annex=annex))
        elif drafts and drafts[-1].bare and _title_of(drafts[-1], line, _next_text(lines, lineno)):
            drafts[-1].heading = line.strip()
            drafts[-1].bare = False
        elif drafts and not drafts[-1].closed:
            if after_blank and not line[:1].isspace() and not _BULLET.match(line):
                drafts[-1].breaks.append(len(drafts[-1].lines))
            drafts[-1].lines.append(_BULLET.sub("", line).strip())
        after_blank = False
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


def _unnumbered(drafts: list[_Draft], text: str, lines: list[str], plain: str) -> list[_Draft]:
    """``drafts``, or the points of a draft whose lines are not numbered: points given in prose,
    that lost their numbers, numbered with words, or numbered inside flowing paragraphs; also
    when "(3)" opening a line of such a text ("... security. (1) A truce ... (2) Each side ...")
    let the lines see only some points."""
    if not drafts:
        given = prose_points(text) or bullet_points(lines)
        given = given or ordinal_paragraphs(plain) or inline_points(plain)
        return [_Draft(n, line, [body]) for n, line, body in given]
    if drafts[0].number not in ("1", "I") and len(inline := inline_points(plain)) > len(drafts):
        return [_Draft(n, line, [body]) for n, line, body in inline]
    return drafts


def _point_line(line: str, parent: str | None, where: str) -> tuple[str, str] | None:
    """(number, text) when ``line`` starts a point ("3.", "Art. 3.", "III. The ...") or a
    sub-point of ``parent`` ("b)", "(iv)", which keep the label the draft gives them)."""
    if m := _numbered(line):
        number = m.group("num")
        if number.lower() in CARDINALS:
            number = str(CARDINALS.index(number.lower()) + 1)
        return number, m.group("text").strip()
    if m := (_ROMAN_SUB.match(line) or _LETTERED.match(line)):
        if parent is None:
            raise PlanError(
                f"sub-point {m.group('num')!r} comes before any numbered point",
                where=where,
                hint="number the point it belongs to first",
            )
        letter = m.group("num")
        if letter in _CYRILLIC_ORDER:
            letter = chr(ord("a") + _CYRILLIC_ORDER.index(letter))
        return f"{parent}.{letter}", m.group("text").strip()
    return None


def _draft_record(d: _Draft, hyphenated: frozenset[str]) -> dict[str, Any]:
    """A text point as the record a JSON point would be: its marks ("[disputed by X]",
    "[summary]", "[lang:de]") become its status fields, and a title on the label's line with
    the text under it ("1. **Ceasefire**", or "1. Ceasefire" and a blank line) its heading."""
    lines, heading = d.lines, d.heading
    if len(lines) > 1:
        first = lines[0].strip()
        bold = _EMPHASIS_LINE.fullmatch(first)
        # a plain line is a title only before a blank line and when it ends on a word of its
        # own: "Convoys enter at the" + blank + "North Gate ..." is a sentence the blank cut
        plain = 1 in d.breaks and _title(first) and first.split()[-1].lower() not in STOP_WORDS
        if (bold and _title(bold.group("title"))) or plain:
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
    if (m := _RUN_IN.match(body)) and _title(m.group("title").strip()):
        record["heading"] = m.group("title").strip()
        body = body[m.end() :]
    record["text"] = body.strip() or (None if "unknown" in record.get("status", "") else "")
    return record


# "Truce. A truce shall ..." : a title of up to four words ending in a stop, then a sentence.
_PLAIN_RUN_IN = re.compile(r"^(?P<title>[A-Z][\w'’-]*(?: [\w'’-]+){0,3})\.\s+(?=[A-Z\"“(])")


def _plain_run_in_titles(points: list[Point]) -> list[Point]:
    """``points`` with a plain run-in title ("2. Truce. A truce shall ...") taken as the heading.
    A short first sentence is a title only when most of the draft's points (three at least)
    open with one, as a drafter who titles points titles them all: one point opening "Agreed.
    The parties ..." keeps its word."""
    top = [p for p in points if "." not in p.number]
    titled = {id(p): m for p in top if (m := _PLAIN_RUN_IN.match(p.text)) and _title(m.group("title"))}
    if len(titled) < 3 or len(titled) * 3 < len(top) * 2:
        return points
    return [
        replace(p, heading=m.group("title"), text=p.text[m.end() :]) if (m := titled.get(id(p))) else p
        for p in points
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


def _opt_str(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _point_from_record(
    rec: Mapping[str, Any], index: int, where: str, given: Iterable[Any] | None = None
) -> Point | None:
    """A point from one JSON object or CSV row; None when the record says the point was deleted.

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
    if text_status == "gone":
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


def _check_unique(points: Iterable[Point], where: str) -> None:
    seen: set[str] = set()
    for p in points:
        if p.number in seen:
            raise PlanError(f"point {p.number} appears twice", where=where, hint="renumber one of them")
        seen.add(p.number)


def parse_plan_json(
    text: str,
    *,
    plan: str,
    label: str,
    when: date | None = None,
    source: str | None = None,
    where: str = "<json>",
) -> PlanVersion:
    """Read ``{"points": [{"number", "text", "heading", "issues"}]}`` or a bare list of points/strings."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanError(f"invalid JSON: {exc.msg}", where=f"{where}:{exc.lineno}") from exc
    key, items = _point_list(data, where)
    points: list[Point] = []
    # strings that carry their own numbers ("1. The truce ...") are points of those numbers
    labelled = labelled_strings(items) if all(isinstance(x, str) for x in items) else None
    for i, item in enumerate(items):
        if isinstance(item, str):
            item = {"number": labelled[i][0], "text": labelled[i][1]} if labelled else {"text": item}
        if not isinstance(item, dict):
            raise PlanError("a point must be an object or a string", where=f"{where}:{key}[{i}]")
        point = _point_from_record(_fields(item), i, f"{where}:{key}[{i}]", given=item)
        if point is not None:
            points.append(point)
    _check_unique(points, where)
    if when is None and isinstance(data, dict) and isinstance(data.get("date"), str):
        try:
            when = date.fromisoformat(data["date"][:10])
        except ValueError:
            when = None
    version = PlanVersion(plan=plan, label=label, date=when, source=source, points=points)
    return _apply_meta(version, data if isinstance(data, dict) else {}, where)


def _point_list(data: Any, where: str) -> tuple[str, list[Any]]:
    """(key, list) of the points in a JSON plan: a bare list, ``points``, a mapping keyed by
    point numbers ({"1": ..., "2": ...}), or else the one list of objects (or of strings that
    number themselves, "1. ...") an export keeps them under ("clauses", "items"), the longest
    when there are several."""
    if isinstance(data, list) and data:
        return "points", data
    if isinstance(data, dict):
        if isinstance(data.get("points"), list) and data["points"]:
            return "points", data["points"]
        if keyed := keyed_points(data):  # {"1": "...", "2": "..."}: the keys number the points
            return "points", keyed
        for key, value in data.items():
            if isinstance(value, dict) and (keyed := keyed_points(value)):
                return str(key), keyed
        lists = [
            (str(k), v)
            for k, v in data.items()
            if isinstance(v, list)
            and v
            and (
                all(isinstance(x, dict) for x in v)
                or (all(isinstance(x, str) for x in v) and labelled_strings(v) is not None)
            )
        ]
        if lists:
            return max(lists, key=lambda kv: len(kv[1]))
        found = f"an object with the keys {', '.join(map(str, data)) or '(none)'}"
    else:
        found = "an empty list" if isinstance(data, list) else f"a JSON {type(data).__name__}"
    raise PlanError(
        f"no points found: the file holds {found}, and no list of points",
        where=where,
        hint='expected a list of points or {"points": [{"number": ..., "text": ...}]}',
    )


def _fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON point with its keys named as a plan's fields ("body" is the text, "ref" the number,
    "section" the heading), as CSV columns are; a key whose field is already there stays as it is."""
    keys = list(record)
    out: dict[str, Any] = {}
    for key, name in zip(keys, field_names([str(k) for k in keys]), strict=True):
        out[name if name not in out and name not in record else key] = record[key]
    return out


# Version-level columns of a plan CSV (the rest describe points).
_CSV_META = ("author", "kind", "based_on", "source_url")


def parse_plan_csv(
    text: str,
    *,
    plan: str,
    label: str,
    when: date | None = None,
    source: str | None = None,
    where: str = "<csv>",
) -> PlanVersion:
    """Read a table with a ``text`` column and optional ``number``, ``heading``, ``issues`` columns.

    A spreadsheet has no header block, so a version's author, kind, base and source URLs
    come from ``author``, ``kind``, ``based_on`` and ``source_url`` columns: the first value
    given in each (the other rows may leave them empty).
    """
    reader = csv.DictReader(io.StringIO(text), delimiter=csv_delimiter(text))
    meta: dict[str, Any] = {}
    headers = list(reader.fieldnames or [])
    columns = field_names(headers)
    rename = dict(zip(headers, columns, strict=True))
    if "text" not in columns:
        raise PlanError(
            f"the CSV has no 'text' column (its columns: {', '.join(headers) or 'none'})",
            where=f"{where}:1",
            hint="the header must name a text column (text, provision, clause), e.g. number,text,heading",
        )
    points: list[Point] = []
    gone: list[str] = []
    for row in reader:
        record = {rename[k]: (v or "").strip() for k, v in row.items() if k is not None}
        if not any(record.values()):
            continue
        for key in _CSV_META:
            if record.get(key) and key not in meta:
                meta[key] = record[key]
        if not record.get("text"):
            if read_status(record.get("status"))[0] not in {"unknown", "gone"}:
                raise PlanError("row has no text", where=f"{where}:{reader.line_num}")
            record["text"] = None
        if not record.get("number"):
            record["number"] = str(len(points) + len(gone) + 1)
        point = _point_from_record(record, len(points), f"{where}:{reader.line_num}")
        if point is None:
            gone.append(record["number"])
        else:
            points.append(point)
    if not points:
        raise PlanError("no points found", where=where)
    _check_unique(points, where)
    version = PlanVersion(plan=plan, label=label, date=when, source=source, points=points)
    return _apply_meta(version, meta, where)


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


def tag_points(
    version: PlanVersion, tagger: Tagger | None = None, pax_for_issue: Mapping[str, list[str]] | None = None
) -> PlanVersion:
    """Add issues (from the tagger) and PA-X codes (from the issue mapping) to every point.

    Issues already on a point (from JSON or CSV) are kept; the tagger only adds to them, so
    a hand-coded version is never overridden by the lexicon.
    """
    points: list[Point] = []
    for p in version.points:
        issues = list(p.issues)
        wording = tagging_text(p)
        if tagger is not None and wording:
            issues += [i for i in tagger(wording) if i not in issues]
        pax = list(p.pax_codes)
        for issue in issues:
            pax += [c for c in (pax_for_issue or {}).get(issue, []) if c not in pax]
        points.append(replace(p, issues=issues, pax_codes=pax))
    return replace(version, points=points)


def tagging_text(p: Point) -> str:
    """The English wording to tag and compare: the gloss of a point written in another language."""
    if p.text_status == "unknown":
        return ""
    return p.english


def point_warnings(version: PlanVersion, foreign: Callable[[str], bool]) -> list[str]:
    """Say which points are not in English, since the lexicon tags only English wording.

    ``foreign`` tells a text in another language (a check built on the language word lists);
    it catches points in another language that the file did not mark with ``lang``.
    """
    out: list[str] = []
    for p in version.points:
        if p.text_status == "unknown":
            continue
        said = f"is in {p.lang}" if p.lang else ("does not look like English" if foreign(p.text) else None)
        if said is None:
            continue
        if p.gloss:
            out.append(f"point {p.number} {said}: tagged and aligned from its English gloss")
        else:
            out.append(
                f"point {p.number} {said} and has no English gloss: it gets no issue tags "
                'and aligns poorly; add a "gloss"'
            )
    return out


def _version_head(version: PlanVersion) -> dict[str, Any]:
    """What says which version this is: the fields a listing and a full version share."""
    return {
        "plan": version.plan,
        "label": version.label,
        "date": version.date.isoformat() if version.date else None,
        "source": version.source,
        "reported": version.reported,
        "author": version.author,
        "kind": version.kind,
        "based_on": version.based_on,
    }


def version_summary(version: PlanVersion) -> dict[str, Any]:
    """A version without its points, as `plan list -f json` and ``/api/v1/plans`` list it."""
    return {**_version_head(version), "points": len(version.points)}


def version_to_dict(version: PlanVersion) -> dict[str, Any]:
    """The JSON shape of a plan version (what the JSON plan files and ``plan show`` hold)."""
    return {
        **_version_head(version),
        "source_urls": list(version.source_urls),
        "points": [point_to_dict(p) for p in version.points],
    }


def point_to_dict(p: Point) -> dict[str, Any]:
    """The JSON shape of one point; the status fields only when they say something."""
    out: dict[str, Any] = {
        "number": p.number,
        "text": p.text if p.text_status != "unknown" else None,
        "heading": p.heading,
        "issues": list(p.issues),
        "pax_codes": list(p.pax_codes),
        "text_status": p.text_status,
    }
    if p.agreement:
        out["agreement"] = p.agreement
    if p.disputed_by:
        out["disputed_by"] = list(p.disputed_by)
    if p.lang:
        out["lang"] = p.lang
    if p.gloss:
        out["gloss"] = p.gloss
    return out


def _apply_meta(version: PlanVersion, data: Mapping[str, Any], where: str) -> PlanVersion:
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
    return _apply_meta(version, data, "<options>")


def version_from_dict(data: Mapping[str, Any], where: str = "<json>") -> PlanVersion:
    """Inverse of ``version_to_dict``."""
    try:
        raw_date = data.get("date")
        found = [_point_from_record(p, i, f"{where}:points[{i}]") for i, p in enumerate(data["points"])]
        version = PlanVersion(
            plan=str(data["plan"]),
            label=str(data["label"]),
            date=date.fromisoformat(raw_date) if raw_date else None,
            source=data.get("source"),
            points=[p for p in found if p is not None],
            reported=bool(data.get("reported")),
        )
        return _apply_meta(version, data, where)
    except (KeyError, TypeError, ValueError) as exc:
        raise PlanError(f"not a saved plan version ({exc})", where=where) from exc


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


def _pattern_parts(pattern: str) -> list[list[str]]:
    """A lexicon pattern as token runs: "cap ... army" -> [["cap"], ["army"]]; "territor*" keeps its star."""
    parts = []
    for chunk in pattern.split("..."):
        words = []
        for word in chunk.split():
            star = word.endswith("*")
            toks = tokens(word.rstrip("*"), keep_stop_words=True)
            if toks:
                words += [*toks[:-1], toks[-1] + ("*" if star else "")]
        if words:
            parts.append(words)
    return parts


def _run_at(text: list[str], run: list[str], start: int) -> bool:
    if start + len(run) > len(text):
        return False
    return all(
        text[start + k].startswith(w[:-1]) if w.endswith("*") else text[start + k] == w
        for k, w in enumerate(run)
    )


def _matches(text: list[str], parts: list[list[str]], gap: int = 4) -> bool:
    """Whether the runs occur in order, each within ``gap`` tokens of the previous one."""

    def search(k: int, lo: int, hi: int) -> bool:
        if k == len(parts):
            return True
        return any(
            _run_at(text, parts[k], i) and search(k + 1, i + len(parts[k]), i + len(parts[k]) + gap + 1)
            for i in range(lo, min(hi, len(text)))
        )

    return bool(parts) and search(0, 0, len(text))


def term_tagger(lexicon: IssueTerms) -> Tagger:
    """A tagger from weighted issue terms: an issue is tagged once its matched weights reach ``min_score``."""
    compiled = {
        issue: [(_pattern_parts(p), w) for p, w in terms.items()] for issue, terms in lexicon.terms.items()
    }

    def tag(text: str) -> list[str]:
        toks = tokens(text, keep_stop_words=True)
        found = []
        for issue, patterns in compiled.items():
            score = sum(w for parts, w in patterns if _matches(toks, parts))
            if score >= lexicon.min_score:
                found.append(issue)
        return found

    return tag
