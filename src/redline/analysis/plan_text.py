"""Plan versions from text or Markdown, in whatever layout a draft was pasted.

A draft's text is first undone from its layout (``draft_layout``), then read line by line in
the shapes the reader knows (``draft_lines``); when those find nothing, or fewer points than a
run of markers counts (``point_sequence``), the run is read instead, and points given in prose
or inside paragraphs are the last resort. The points found are numbered (``draft_numbering``)
and made records (``draft_records``), so that every shape ends as the same ``Point`` records.
A text with no list of points is refused with what it holds and how to number it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

from redline.analysis.draft_amendments import consolidated_text
from redline.analysis.draft_closing import closing_numbers
from redline.analysis.draft_columns import rule_tables
from redline.analysis.draft_latex import latex_source
from redline.analysis.draft_layout import (
    accept_changes,
    box_tables,
    bullet_points,
    contents_lines,
    footnote_marks,
    hyphenated_words,
    inline_points,
    keycap_numbers,
    margin_numbers,
    named_clauses,
    note_lines,
    ordinal_paragraphs,
    page_furniture,
    page_numbers,
    prose_points,
    spoken_paragraphs,
    table_rows,
    thread_counters,
    unquote,
    wikitext,
    without_app_marks,
    yaml_records,
)
from redline.analysis.draft_lines import line_drafts, plain_label, point_start
from redline.analysis.draft_numbering import (
    article_paragraphs,
    numbered_by_section,
    paragraph_headings,
    without_translations,
)
from redline.analysis.draft_ocr import misread_numbers
from redline.analysis.draft_point import DraftPoint, is_title
from redline.analysis.draft_records import draft_record, end_at_closing, plain_run_in_titles, status_tags
from redline.analysis.draft_subtitles import subtitle_text
from redline.analysis.plan_records import apply_meta, point_from_record
from redline.analysis.point_sequence import (
    first_column,
    inline_sequence,
    markers,
    repeated_lines,
    sequence_points,
)
from redline.analysis.structured_plans import parse_plan_json
from redline.errors import PlanError
from redline.model import PlanVersion, Point

__all__ = ["parse_plan_text"]

# Characters a PDF's text layer writes for plain letters or spaces: the ligatures ("ﬁ", "ﬂ", "ﬀ",
# "ﬃ") and the no-break spaces. Only these are folded (NFKC): the rest of NFKC would also turn a
# footnote's "¹" or a circled "④" into digits, which the reader tells apart from a point's number.
_FOLDED = re.compile("[\ufb00-\ufb06\u00a0\u2007\u202f]")


def _folded(text: str) -> str:
    """``text`` with ligatures read as their letters and no-break spaces as spaces, so a point
    copied from a PDF has the words a later version spells out ("ceaseﬁre" is "ceasefire")."""
    return _FOLDED.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


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
    pasted in is undone first (``draft_layout``): a subtitle file's cues, wikitext, tracked
    changes (read as accepted), box-drawn and fixed-width tables, numbers given at a
    paragraph's end ("(para. 7)"), an e-mail reply's quoting, a thread's post
    counters, keycap emoji numbers, a PDF's page headers, footers, footnotes and line-end
    hyphens, Markdown tables, a table of contents;
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
    text = closing_numbers(consolidated_text(accept_changes(wikitext(latex_source(subtitle_text(text))))))
    lines = [
        plain_label(without_app_marks(raw.rstrip()))
        for raw in keycap_numbers(thread_counters(unquote(rule_tables(box_tables(text.splitlines())))))
    ]
    lines, margin = margin_numbers(misread_numbers(first_column(lines)))
    notes, note_mark = footnote_marks(lines)
    if note_mark is not None:
        lines = [line if k in notes else note_mark.sub("", line) for k, line in enumerate(lines)]
    table, chrome = table_rows(lines)
    chrome |= contents_lines(lines)
    starts = [point_start(line) for line in lines]
    furniture = page_furniture(lines, starts) | {k for k in repeated_lines(lines) if not starts[k]}
    furniture |= note_lines(lines) | margin
    furniture |= page_numbers(lines, furniture)
    if notes and not any(starts[min(notes) :]) and not any(k > min(notes) for k in furniture - notes):
        # the notes listed after the last point (a shared document's comments with their
        # replies): what follows the first of them is no point's text; a footnote at a page's
        # foot has the next page's header after it, and the point may go on there
        furniture |= set(range(min(notes), len(lines)))
    try:
        drafts, meta = line_drafts(lines, table, chrome | furniture, where)
        refused: PlanError | None = None
    except PlanError as exc:  # a shape the line reader knows, broken: a run of markers may still read it
        drafts, meta, refused = [], {}, exc
    plain = "\n".join(line for k, line in enumerate(lines) if k not in furniture)
    numbered = bool(drafts)
    drafts = _unnumbered(drafts, text, lines, plain)
    drafts = _with_run(drafts, lines, chrome | furniture | set(table), numbered)
    if not drafts:
        raise refused or _refusal(lines, where)
    # a point repealed in a consolidated text keeps its number over dots ("5. . . . ."): no point
    drafts = [d for d in drafts if not d.lines or any(c.isalnum() for line in d.lines for c in line)]
    if not drafts:
        raise refused or _refusal(lines, where)
    drafts = paragraph_headings(article_paragraphs(without_translations(drafts)))
    end_at_closing(drafts[-1])
    points: list[Point] = []
    hyphenated = hyphenated_words(text)
    for d in numbered_by_section(drafts, where):
        point = point_from_record(draft_record(d, hyphenated), len(points), f"{where}:{d.line}")
        if point is not None:
            points.append(point)
    points = plain_run_in_titles(status_tags(points))
    version = PlanVersion(plan=plan, label=label, date=when, source=source, points=points)
    return apply_meta(version, {k: v[0] if k != "source_url" else v for k, v in meta.items()}, where)


def _with_run(
    drafts: list[DraftPoint], lines: list[str], skip: set[int], numbered: bool = True
) -> list[DraftPoint]:
    """``drafts``, or the points of the best run of markers in ``lines`` (``point_sequence``)
    when the shapes known line by line found none, or fewer than the run counts: the draft is in
    a shape they do not know, or they took a stray number for a point. Bullets, which carry no
    numbers, never replace points the draft numbered, and a numbered line that only titles what
    follows ("III. Final provisions") may be a section, not a point. A number read twice ("1."
    before every item) is no numbering when the run counts every numbered line; otherwise it
    stays the error it is ("2." used twice), unless every line is "1.": Markdown numbers that
    list itself, and the run ends it at a heading. When no line was numbered (``numbered`` false) and
    the run is one list of the bullets read, it wins: the run ends a list at a paragraph of its
    own, and a page with a "Key points" list, reactions and the plan holds three lists."""
    run = sequence_points(lines, skip)
    if not run and (not drafts or drafts[0].number not in ("1", "a", "i", "I", "A")):
        # no line opens a run, and what the lines gave does not start a list: the points may
        # be inside the paragraphs ("... three parts: 1) a truce ...; 2) ...")
        run = inline_sequence(lines, skip)
    if not run:
        return drafts
    if not drafts:
        return run
    counted = _top_count([d for d in run if not (len(d.lines) == 1 and is_title(d.lines[0]))])
    repeated = len({(d.section, d.annex, d.number) for d in drafts}) < len(drafts)
    known = _top_count(drafts)
    # every line numbered "1." (Markdown numbers the list): the run splits such lists where a
    # heading or a paragraph comes between, which the line reader cannot
    lazy = repeated and {d.number for d in drafts} == {"1"}
    inner = (repeated and _indented_list(run, drafts, lines)) or lazy
    if not numbered and not run[0].numbered:
        return run if {d.line for d in run} < {d.line for d in drafts} else drafts
    return (
        run if run[0].numbered and (counted > known or (repeated and counted >= known) or inner) else drafts
    )


def _indented_list(run: list[DraftPoint], drafts: list[DraftPoint], lines: list[str]) -> bool:
    """Whether the run is a list indented deeper than every other numbered line the line reader
    took: points quoted inside a numbered paragraph ("4. The text reads:" over "   1. ...",
    "   2. ..."), whose numbers collide with the paragraphs' own."""

    def indent(d: DraftPoint) -> int:
        line = lines[d.line - 1]
        return len(line) - len(line.lstrip())

    at = {d.line for d in run}
    others = [indent(d) for d in drafts if d.line not in at]
    return len(run) >= 3 and bool(others) and min(map(indent, run)) > max(others)


def _top_count(drafts: list[DraftPoint]) -> int:
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


def _unnumbered(drafts: list[DraftPoint], text: str, lines: list[str], plain: str) -> list[DraftPoint]:
    """``drafts``, or the points of a draft whose lines are not numbered: points given in prose,
    that lost their numbers, numbered with words, or numbered inside flowing paragraphs; also
    when "(3)" opening a line of such a text ("... security. (1) A truce ... (2) Each side ...")
    let the lines see only some points."""
    if not drafts:
        given = prose_points(text) or named_clauses(plain) or bullet_points(lines)
        given = given or ordinal_paragraphs(plain) or spoken_paragraphs(plain) or inline_points(plain)
        return [DraftPoint(n, line, [body]) for n, line, body in given]
    if drafts[0].number not in ("1", "I") and len(spoken := spoken_paragraphs(plain)) > len(drafts):
        # "Point four." read as a label, where a transcript speaks every number its own way
        return [DraftPoint(n, line, [body]) for n, line, body in spoken]
    if drafts[0].number not in ("1", "I") and len(inline := inline_points(plain)) > len(drafts):
        return [DraftPoint(n, line, [body]) for n, line, body in inline]
    return drafts
