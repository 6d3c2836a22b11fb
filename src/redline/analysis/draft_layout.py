"""The layout of drafts as users paste them, undone before their points are read.

A draft reaches redline copied out of a PDF (lines wrapped by the page, words hyphenated at
the line end, running headers and footers with page numbers in the middle of a point), as a
Markdown or spreadsheet table whose columns have the drafter's names ("No.", "Provision"),
inside a news article that gives the points in prose ("The first point says ... The second
calls for ..."), quoted in an e-mail reply ("> 1) ..."), with a word processor's tracked
changes written inline ("[deleted: 21][inserted: 30]"), as a social-media thread ("2/7 ... (1)
A truce ..."), or with its automatic numbering lost ("•" before each point, "First," ...
"Second,"), as a channel post numbered with keycap emoji ("3️⃣"), as a word processor's text
with its table of contents ("Article 4<TAB>Title<TAB>2"), or as the wikitext source of a wiki
page ("# ..." items the wiki numbers itself). Each function here answers one layout question
on plain lines, so that ``redline.analysis.plan_text`` reads every shape into the same points.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Any

import yaml

from redline.knowledge.dates import calendar_words
from redline.knowledge.point_labels import point_labels

__all__ = [
    "CARDINALS",
    "ORDINALS",
    "TableRow",
    "accept_changes",
    "box_tables",
    "bullet_points",
    "contents_lines",
    "csv_delimiter",
    "date_line",
    "field_names",
    "footnote_marks",
    "hyphenated_words",
    "inline_points",
    "join_wrapped",
    "keycap_numbers",
    "margin_numbers",
    "named_clauses",
    "note_lines",
    "ordinal_paragraphs",
    "page_furniture",
    "page_numbers",
    "prose_points",
    "spoken_paragraphs",
    "symbol_bullet",
    "table_rows",
    "thread_counters",
    "unquote",
    "wikitext",
    "without_app_marks",
    "yaml_records",
]

# Numbers and ordinals written as words ("Point two", "Second,"), in order from one.
CARDINALS = list(point_labels().cardinals)
ORDINALS = list(point_labels().ordinals)


def csv_delimiter(text: str) -> str:
    """The separator of a CSV file: a spreadsheet set to a European locale writes ';', some
    exports a tab; the header line has the most of the one used."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


# Column names of plan tables and CSV files (and keys of JSON exports), and the field each one fills.
_FIELDS: dict[str, str] = {
    **dict.fromkeys(("text", "provision", "provisions", "clause", "content", "wording", "body"), "text"),
    **dict.fromkeys(
        ("number", "no", "no.", "nr", "nr.", "#", "num", "n", "point_no", "article", "ref", "reference"),
        "number",
    ),
    **dict.fromkeys(("heading", "chapter", "section", "part", "title", "topic"), "heading"),
}


def field_names(headers: Sequence[str]) -> list[str]:
    """The field each column fills: "Provision" is the text, "No." the number, "Chapter" the
    heading, unless a column already has that field's own name; any other name comes back in
    snake case ("Based on" is ``based_on``)."""
    snake = [re.sub(r"[ -]+", "_", h.strip().lower()) for h in headers]
    return [name if _FIELDS.get(name, name) in snake else _FIELDS.get(name, name) for name in snake]


# The quoting of an e-mail reply: "> " before each line, "> > " or ">> " in a reply to a reply.
_QUOTE = re.compile(r"^[ \t]*>(?:[ \t]?>)*[ \t]?")


def unquote(lines: Sequence[str]) -> list[str]:
    """``lines`` without the marks an e-mail reply (or a Markdown quote) puts before them, so that
    a draft pasted in a reply ("> 1) Both sides ...") reads as the draft typed out; the indent
    after the mark stays (">    the third day" is a continuation line)."""
    return [_QUOTE.sub("", line) for line in lines]


# Tracked changes a word processor or a drafting group writes inline: "[deleted: 21]" and
# "[inserted: 30]" (also "[added: ...]", "[removed: ...]"), CriticMarkup's "{--old--}" and
# "{++new++}", and Markdown's struck "~~old~~" beside an underlined "++new++".
_DELETED = re.compile(
    r"\[(?i:deleted|removed|struck|deletion):\s*[^\]]*\]|\{--.*?--\}"
    r"|(?<![\w~])~~(?=\S).*?(?<=\S)~~(?![\w~])",
    re.S,
)
_INSERTED = re.compile(
    r"\[(?i:inserted|added|insertion|new):\s?(?P<a>[^\]]*)\]|\{\+\+(?P<b>.*?)\+\+\}"
    r"|(?<![\w+])\+\+(?=\S)(?P<c>.*?)(?<=\S)\+\+(?![\w+])",
    re.S,
)


# A struck "~~old~~" with a bold "**new**" right after it: a mark-up that shows its insertions in
# bold, as a chat or a wiki can write no underline.
_BOLD_REPLACES = re.compile(r"(?<![\w~])~~(?=\S)[^~]*?(?<=\S)~~[ \t]*\*\*(?=\S)")
_BOLD = re.compile(r"(?<![\w*])\*\*(?=\S)(?P<c>.*?)(?<=\S)\*\*(?![\w*])", re.S)


def accept_changes(text: str) -> str:
    """``text`` as it reads once its tracked changes are accepted: deleted text gone (a deleted
    point, a deleted number), inserted text kept without its mark. A deletion keeps its line
    breaks, so that the lines after it keep their numbers in an error message. Where a struck
    word is followed by a bold one ("~~7.~~ **6.**"), bold is the mark-up's insertion: every
    bold run is inserted text (a point added whole, "**7. Mines ...**", is point 7)."""
    if not _DELETED.search(text) and not _INSERTED.search(text):
        return text
    if _BOLD_REPLACES.search(text):
        text = _BOLD.sub(lambda m: m.group("c"), text)
    text = _DELETED.sub(lambda m: "\n" * m.group(0).count("\n") or "\x00", text)
    text = _INSERTED.sub(lambda m: m.group("a") or m.group("b") or m.group("c") or "", text)
    return re.sub(r"(?P<l>[ \t]*)\x00+(?P<r>[ \t]*)", _closed_gap, text)


def _closed_gap(m: re.Match[str]) -> str:
    """What stands where a deletion was: one space between two words ("least [deleted: 20]
    25 km"), none at a line's start or before a stop ("catch[deleted: x].")."""
    before = m.string[m.start() - 1] if m.start() else "\n"
    after = m.string[m.end()] if m.end() < len(m.string) else "\n"
    if before == "\n" or after in ".,;:)\n" or not (m.group("l") or m.group("r")):
        return ""
    return " "


# A footnote's text at a page's foot: its marker in superscript ("¹ The approaches are ..."),
# and the same marker after a word of the text ("its approaches.¹").
_SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTE_LINE = re.compile(rf"^\s*(?P<mark>[{_SUPERSCRIPT}]+)\s*\S")


def footnote_marks(lines: Sequence[str]) -> tuple[set[int], re.Pattern[str] | None]:
    """Indices of the footnote lines in ``lines``, and a pattern of their markers in the text
    (None when there are none). Only a marker that has a footnote line counts: "20 km²" in a
    draft with no footnote two keeps its square."""
    found = {i: m.group("mark") for i, line in enumerate(lines) if (m := _FOOTNOTE_LINE.match(line))}
    found |= _anchored_notes(lines)
    found |= {i: f"[^{m.group('mark')}]" for i, line in enumerate(lines) if (m := _MARKDOWN_NOTE.match(line))}
    if not found:
        return set(), None
    marks = sorted(set(found.values()), key=len, reverse=True)
    alternatives = "|".join(map(re.escape, marks))
    return set(found), re.compile(rf"(?<=\S)(?:{alternatives})(?![{_SUPERSCRIPT}])")


# A shared document's comment anchor or a footnote in brackets opening its note ("[a]Name: ...",
# "[3] See ..."); it is a note only when the same mark is glued to the text above ("... air.[a]").
_ANCHOR_LINE = re.compile(r"^\s*(?P<mark>\[(?:[a-z]{1,2}|\d{1,3})\])")


# A Markdown footnote ("[^3]: Heads 4 and 5 ..."), whose mark "[^3]" is glued to the text it notes.
_MARKDOWN_NOTE = re.compile(r"^\s*\[\^(?P<mark>[^\]\s]{1,20})\]:")
_GLUED_MARK = re.compile(r"(?<=[^\s\[])\[(?:[a-z]{1,2}|\d{1,3})\]")


def _anchored_notes(lines: Sequence[str]) -> dict[int, str]:
    """The lines that open with a bracketed mark ("[a]") that some other line carries glued to
    its words, two marks at least: a list of "[a] ...", "[b] ..." points glues its marks to nothing."""
    found = {i: m.group("mark") for i, line in enumerate(lines) if (m := _ANCHOR_LINE.match(line))}
    glued = {mark for line in lines for mark in _GLUED_MARK.findall(line)}
    kept = {i: mark for i, mark in found.items() if mark in glued}
    return kept if len(set(kept.values())) >= 2 else {}


# A note line's label from the knowledge file ("Speaker notes:"), and a chat app's own words
# ("<This message was edited>"); patterns that match nothing when the file lists none.
_NOTE_LABEL = re.compile(
    r"^\s*(?i:" + "|".join(map(re.escape, point_labels().notes)) + r")(?:\s*\([^()\n]{1,40}\))?\s*:"
    if point_labels().notes
    else r"(?!)"
)
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}|[a-z])[.)]\s")
_APP_MARK = re.compile(
    r"\s*(?:" + "|".join(map(re.escape, point_labels().app_marks)) + r")"
    if point_labels().app_marks
    else r"(?!)"
)


def note_lines(lines: Sequence[str]) -> set[int]:
    """Indices of the author's notes on a slide or a page ("Speaker notes: ..."), or of the
    comments and status lines under each point of an annotated copy ("Comment (K): ...",
    "Status: open"), with the lines a note's unfinished sentence wraps onto: what the presenter
    or a delegation says about a point is not the draft's text."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        wrapped = i - 1 in out and line.strip() and lines[i - 1].rstrip()[-1:] not in ".!?\"'”"
        wrapped = wrapped and not _NUMBERED.match(line)  # "Status: open" over the next point
        if _NOTE_LABEL.match(line) or wrapped:
            out.add(i)
    return out


def without_app_marks(line: str) -> str:
    """``line`` without what a chat app writes into a message it exports ("<This message was
    edited>"), which a point pasted into a chat would otherwise end with."""
    return _APP_MARK.sub("", line).rstrip() if _APP_MARK.search(line) else line


# A post's counter in a thread ("2/7 The draft opens ..."): a fraction before the text.
_COUNTER = re.compile(r"^\s*(?P<k>\d{1,3})\s*/\s*(?P<n>\d{1,3})\b\s*")


def thread_counters(lines: Sequence[str]) -> list[str]:
    """``lines`` without the counters a thread puts before its posts ("1/7", "2/7", ...): two
    lines or more that start with a fraction over the same total, counting up from 1. A line
    that starts "2/3 of the troops" once is no counter."""
    starts = [(i, m) for i, line in enumerate(lines) if (m := _COUNTER.match(line))]
    totals = Counter(m.group("n") for _, m in starts)
    total = next((n for n, c in totals.most_common(1) if c >= 2), None)
    counted = [(i, m) for i, m in starts if m.group("n") == total]
    if total is None or [int(m.group("k")) for _, m in counted] != list(range(1, len(counted) + 1)):
        return list(lines)
    out = list(lines)
    for i, m in counted:
        out[i] = out[i][m.end() :]
    return out


# "1. January 2032," or "3. May" ending its line: a date written day-first with a dot, which a
# wrapped preamble can put at a line's start, is no point 1 or 3 (a point runs on after a month)
_DATE_TEXT = re.compile(rf"^(?i:{calendar_words().month_pattern()})\b\.?(?:\s+\d{{4}}\b|\s*[,;)]|\s*$)")


def date_line(number: str, text: str) -> bool:
    """Whether a line read as point ``number`` with ``text`` is a date ("1. January 2032,")."""
    return number.isdigit() and 1 <= int(number) <= 31 and bool(_DATE_TEXT.match(text))


# A page marker alone on its line ("Page 2 of 3", "- 4 -", "4/12") or set off from a running
# header by a wide gap ("Framework    DRAFT    Page 2 of 3"): a wrapped sentence ending in
# "on page 4" has one space before it.
# The counter's word comes from the knowledge file ("Page", "Slide", "Seite").
_COUNTER_WORD = "|".join(map(re.escape, point_labels().counters))
_PAGE_ALONE = re.compile(
    rf"^\s*(?:(?:{_COUNTER_WORD})\s*\d+(?:\s*(?:of|/|von|з|из|sur)\s*\d+)?|[-–—]\s*\d+\s*[-–—]|\d+\s*/\s*\d+)\s*$",
    re.I,
)
_PAGE_END = re.compile(
    rf"(?:\s{{3,}}|\t|\|\s*)(?:{_COUNTER_WORD})\s*\d+(?:\s*(?:of|/|von|з|из|sur)\s*\d+)?\s*$", re.I
)


# A line number in the margin of a bill or a court filing: a number set apart from the text by
# two spaces or a tab ("12        be exchanged within ...").
_MARGIN_NUMBER = re.compile(r"^(?P<pad>[ \t]{0,3})(?P<num>\d{1,3})(?P<gap>[ \t]{2,}|\t)(?=\S)")


def margin_numbers(lines: Sequence[str]) -> tuple[list[str], set[int]]:
    """``lines`` without the line numbers a bill prints in its margin (each number blanked, so
    the indents stay), and the indices of the unnumbered lines between and after the numbered
    pages (a page's number and running header, a closing mark): in a text that numbers its
    lines, the text is what is numbered. Margin numbers count up by one line after line from 1
    (starting again on each page), five lines at least, and number wrapped lines too: two lines
    of a run at least open in lower case, which a list of points, numbered "1  The ...", never does."""
    found = [_MARGIN_NUMBER.match(line) for line in lines]
    runs: list[list[int]] = []
    current: list[int] = []
    for k, m in enumerate(found):
        if m is None:
            if lines[k].strip() and current:  # an unnumbered line of text ends the run
                runs.append(current)
                current = []
            continue
        value = int(m.group("num"))
        if current and value == int(found[current[-1]].group("num")) + 1:  # type: ignore[union-attr]
            current.append(k)
        else:
            if current:
                runs.append(current)
            current = [k] if value == 1 else []
    if current:
        runs.append(current)
    runs = [
        r
        for r in runs
        if len(r) >= 5 and sum(lines[k][found[k].end() :][:1].islower() for k in r) >= 2  # type: ignore[union-attr]
    ]
    if not runs:
        return list(lines), set()
    out = list(lines)
    for r in runs:
        for k in r:
            m = found[k]
            assert m is not None
            out[k] = " " * m.end() + lines[k][m.end() :]
    first = runs[0][0]
    numbered = {k for r in runs for k in r}
    furniture = {k for k in range(first, len(lines)) if k not in numbered and lines[k].strip()}
    return out, furniture


def page_furniture(lines: Sequence[str], keep: Sequence[bool]) -> set[int]:
    """Indices of the lines a PDF's pages put there: page markers, and running headers or
    footers: a line of two words or more that recurs with only its digits changed and stands
    apart (blank lines or page markers around it, or a wide gap inside it), so that a wrapped
    line two points share ("within 30 days of signature.") stays.

    ``keep[i]`` marks lines that must stay whatever they look like (the points' own first
    lines): a running header never starts a point.
    """
    masked = [re.sub(r"\d+", "0", " ".join(line.split())).lower() for line in lines]
    seen = Counter(m for m, line in zip(masked, lines, strict=True) if len(line.split()) >= 2)
    notes, _ = footnote_marks(lines)
    # a footnote sits at a page's foot as a page marker does: the running header can follow it
    marker = [
        bool(_PAGE_ALONE.match(line) or _PAGE_END.search(line)) or i in notes for i, line in enumerate(lines)
    ]

    def apart(i: int) -> bool:
        def clear(k: int) -> bool:
            return not 0 <= k < len(lines) or not lines[k].strip() or marker[k]

        return (clear(i - 1) and clear(i + 1)) or bool(re.search(r"\S\s{3,}\S|\t", lines[i]))

    out: set[int] = set()
    for i, line in enumerate(lines):
        if keep[i] or not line.strip() or line.lstrip().startswith("#"):
            continue
        if marker[i] or (seen[masked[i]] >= 2 and apart(i)):
            out.add(i)
    return out


_BARE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")


def page_numbers(lines: Sequence[str], furniture: Collection[int]) -> set[int]:
    """Indices of a PDF's page numbers copied alone on their lines ("1", "2"), with no dash or
    word around them, and of the running header under each: a page number ends its page, so a
    header (``furniture``, or lines the text repeats word for word) or the end of the text
    comes next, and two or more count up one by one. A number alone on its line that opens a
    point ("3" over the point's text) has the point's words after it, not a header."""
    said = Counter(" ".join(line.split()) for line in lines if len(line.split()) >= 2)
    found: list[tuple[int, int]] = []
    header: set[int] = set()
    for i, line in enumerate(lines):
        if i in furniture or not (m := _BARE_NUMBER.match(line)):
            continue
        nxt = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
        repeated: list[int] = []
        while nxt is not None and nxt + len(repeated) < len(lines):
            k = nxt + len(repeated)
            if nxt in furniture or said[" ".join(lines[k].split())] < 2:
                break
            repeated.append(k)
        if nxt is None or nxt in furniture or repeated:
            found.append((i, int(m.group(1))))
            header.update(repeated)
    values = [v for _, v in found]
    counts_up = all(b == a + 1 for a, b in itertools.pairwise(values))
    return {i for i, _ in found} | header if len(found) >= 2 and counts_up else set()


_HYPHENATED = re.compile(r"(\w+)-$")  # searched in one line, never the joined text


def hyphenated_words(text: str) -> frozenset[str]:
    """The words ``text`` writes with a hyphen inside one line ("non-aggression"), lower-cased."""
    return frozenset(w.lower() for w in re.findall(r"\b\w+-\w+\b", text))


def join_wrapped(parts: Sequence[str], hyphenated: Collection[str]) -> str:
    """Lines of one point as one text, undoing a hyphen a line end put into a word
    ("super-" + "vision" is "supervision"), unless the draft writes that word with the
    hyphen elsewhere (``hyphenated``: "non-" + "aggression" stays "non-aggression")."""
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        m = _HYPHENATED.search(out[-1]) if out and out[-1].endswith("-") else None
        nxt = re.match(r"[a-z]\w*", part)
        if m and m.group(1)[-1].islower() and nxt:
            kept = f"{m.group(1)}-{nxt.group(0)}".lower() in hyphenated
            out[-1] = (out[-1] if kept else out[-1][:-1]) + part
        else:
            out.append(part)
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class TableRow:
    """A point read from one row of a Markdown table."""

    number: str | None  # None when the table has no number column
    text: str
    heading: str | None


_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_NUMBER_CELL = re.compile(
    r"^(?i:point|article|art\.|clause|item|§)?\s*(?P<num>\d+(?:\.\d+)*|[IVXLivxl]+)\.?$"
)


# A row of its own under a point's row, with only the text cell filled: a lettered sub-point
# ("a) the villages ...") or a bulleted item, as a list inside a table cell is written out.
_SUB_CELL = re.compile(r"^[(\[]?(?P<num>[a-z])[.)\]]\s+(?P<text>\S.*)$")
_NO_NUMBER = frozenset({"—", "–", "-", "--", "n/a"})
_BULLET_CELL = re.compile(r"^[-*•]\s+(?P<text>\S.*)$")
# A text cell that carries its own number ("3. The parties shall ..."), as a synoptic table's
# columns each keep their version's numbers; and a cell that only says, in brackets, why the row
# has no text in this version ("(merged into 5)", "(deleted)").
_NUMBERED_CELL = re.compile(r"^(?P<num>\d{1,3})[.)]\s+(?P<text>\S.*)$")
_PLACEHOLDER_CELL = re.compile(r"^[(\[][^()\[\]]{1,60}[)\]]$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _index(header: list[str], name: str) -> int | None:
    return header.index(name) if name in header else None


def table_rows(lines: Sequence[str]) -> tuple[dict[int, TableRow], set[int]]:
    """Points of the Markdown tables in ``lines`` (by line index), and the indices of the
    tables' header and rule lines, which are no text of any point.

    A table is a header row, a rule row (``|---|---|``) and its body rows. The text is the
    column named so (``field_names``) or else the one with the longest cells; the number is
    the column named so or else a first column holding only numbers.
    """
    rows: dict[int, TableRow] = {}
    chrome: set[int] = set()
    i = 0
    while i + 1 < len(lines):
        if not (_ROW.match(lines[i]) and _RULE.match(lines[i + 1])):
            i += 1
            continue
        header = field_names(_cells(lines[i]))
        body: list[int] = []
        j = i + 2
        while j < len(lines) and _ROW.match(lines[j]):
            body.append(j)
            j += 1
        cells = {k: _cells(lines[k]) + [""] * len(header) for k in body}
        width = len(header)

        text_col = _index(header, "text")
        if text_col is None:
            text_col = max(range(width), key=lambda c: sum(len(cells[k][c]) for k in body))
        num_col = _index(header, "number")
        if num_col is None and text_col != 0 and all(_NUMBER_CELL.match(cells[k][0]) for k in body):
            num_col = 0
        head_col = _index(header, "heading")
        own = num_col is None and _own_numbers([cells[k][text_col] for k in body])
        last: int | None = None  # the row a sub-point row ("|  | a) ... |") belongs to
        for k in body:
            row = cells[k]
            m = _NUMBER_CELL.match(row[num_col]) if num_col is not None else None
            if not row[text_col]:
                continue
            heading = (row[head_col] or None) if head_col is not None else None
            if num_col is not None and row[num_col] in _NO_NUMBER:
                continue  # a numbered table's row numbered "—": a provision withdrawn from this version
            above = rows[last] if last is not None else None
            if m is None and last is not None and above and above.number and "." not in above.number:
                if sub := _SUB_CELL.match(row[text_col]):
                    rows[k] = TableRow(f"{above.number}.{sub.group('num')}", sub.group("text"), above.heading)
                    continue
                if bullet := _BULLET_CELL.match(row[text_col]):  # an unlettered item is the row's text
                    rows[last] = replace(above, text=f"{above.text} {bullet.group('text')}")
                    continue
            if own:
                if _PLACEHOLDER_CELL.match(row[text_col]):
                    continue  # the row of a point this version merged or dropped
                if cell := _NUMBERED_CELL.match(row[text_col]):
                    rows[k] = TableRow(cell.group("num"), cell.group("text"), heading)
                    last = k
                    continue
            rows[k] = TableRow(m.group("num") if m else None, row[text_col], heading)
            last = k
        chrome.update((i, i + 1))
        i = j
    return rows, chrome


def _own_numbers(texts: Sequence[str]) -> bool:
    """Whether a table's text cells are numbered in the cells themselves, counting up: the
    numbers are the points' own, which a row's place would not give where a row stands for a
    point this version merged ("(merged into 5)")."""
    nums = [int(m.group("num")) for t in texts if (m := _NUMBERED_CELL.match(t))]
    filled = [t for t in texts if t and not _PLACEHOLDER_CELL.match(t)]
    return len(nums) >= 2 and len(nums) == len(filled) and nums == sorted(nums) and nums[0] == 1


# A box-drawn table's rule lines ("┌──┬──┐", "╞══╪══╡", "├──┼──┤", "+----+----+", "+====+") and
# its cell lines, which open and close with a bar ("│ 1 │ text │").
_BOX_RULE = re.compile(r"^\s*[┌├╞╟╠└╘╒╓╔╚┍┝┕+][─━═╌┄┈\-+┬┼╪┴╤╧╥╨╫╬┯┿┷┳╋┻: ]*[┐┤╡╢╣┘╛╕╖╗╝┑┥┙+]\s*$")
_BOX_CELLS = re.compile(r"^\s*[│┃║|].*[│┃║|]\s*$")
_BOX_BAR = re.compile(r"[│┃║|]")


def box_tables(lines: Sequence[str]) -> list[str]:
    """``lines`` with each table drawn with box characters (or an ASCII grid's "+---+") written
    as a Markdown table, one line per row, so that the table reader reads it: a row is the cell
    lines between two rule lines, and a cell's text the join of its lines, as a terminal or a
    plain-text export wraps a long cell over several. The lines a row saved are left blank
    after the table, so that every other line keeps its number."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (_BOX_RULE.match(lines[j]) or _BOX_CELLS.match(lines[j])):
            j += 1
        block = lines[i:j]
        if sum(bool(_BOX_RULE.match(line)) for line in block) < 2 or not any(
            _BOX_CELLS.match(line) and not _BOX_RULE.match(line) for line in block
        ):
            out += lines[i : max(j, i + 1)]  # a Markdown table's rows, or no table
            i = max(j, i + 1)
            continue
        rows: list[list[list[str]]] = []
        fresh = True
        for line in block:
            if _BOX_RULE.match(line):
                fresh = True
                continue
            cells = [c.strip() for c in _BOX_BAR.split(line.strip())[1:-1]]
            if fresh or not rows or len(rows[-1]) != len(cells):
                rows.append([[] for _ in cells])
                fresh = False
            for parts, cell in zip(rows[-1], cells, strict=True):
                if cell:
                    parts.append(cell)
        joined = ["| " + " | ".join(" ".join(parts) for parts in row) + " |" for row in rows]
        width = len(rows[0])
        # a header row: one line a cell, and no number in its first cell (a table with no header)
        plain = not _NUMBER_CELL.match(" ".join(rows[0][0]))
        if plain and all(len(p) <= 1 for p in rows[0]):
            table = [joined[0], "|" + "---|" * width, *joined[1:]]
        else:
            table = ["|" + " |" * width, "|" + "---|" * width, *joined]
        out += table + [""] * max(0, len(block) - len(table))
        i = j
    return out


# "The first point says", "Under the third point,", "The seventh and last point", "Point two"
_ORDINAL_LEAD = re.compile(
    r"^(?:(?:under|in|according to|by)\s+)?the\s+(?P<ord>" + "|".join(ORDINALS) + r")\b"
    r"(?:\s+and\s+(?:last|final))?(?P<noun>\s+(?:point|provision|clause|article|item|paragraph)s?\b)?",
    re.I,
)
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“‘(]?[A-Z])")


def prose_points(text: str) -> list[tuple[str, int, str]]:
    """(number, line, text) of the points an article gives in prose, or [] when it gives none.

    A point starts at a sentence naming it by its ordinal ("The second point ...", "Under the
    third point, ...") and runs to the next such sentence or the end of its paragraph. The
    ordinals must come in order from the first, and one without a noun ("The second calls
    for ...") counts only as the next expected point, so "the second round of talks" in the
    article's other paragraphs starts nothing.
    """
    found: list[tuple[str, int, str]] = []
    paragraph: list[tuple[int, str]] = []
    current: list[str] | None = None

    def flush() -> None:
        nonlocal current
        if not paragraph:
            return
        start = paragraph[0][0]
        body = " ".join(line.strip() for _, line in paragraph)
        for sentence in _SENTENCE_END.split(body):
            m = _ORDINAL_LEAD.match(sentence)
            expected = len(found) + 1
            if m and point_labels().ordinal(m.group("ord")) == expected and (m.group("noun") or found):
                found.append((str(expected), start, sentence))
                current = [sentence]
            elif current is not None:
                current.append(sentence)
                found[-1] = (found[-1][0], found[-1][1], " ".join(current))
        current = None  # a point ends with its paragraph
        paragraph.clear()

    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            paragraph.append((lineno, line))
        else:
            flush()
    flush()
    return found if len(found) >= 2 else []


# "Point 2 requires ...", "Under point 4, ...", "The new point 10 ...": a clause that names a
# point by its digit, at a sentence's start or after the "; " or ", and " joining it to the last
_NAMED_CLAUSE = re.compile(
    r"(?P<sep>^|[.!?][\"”’]?\s+|;\s+|,\s+and\s+)"
    r"(?P<lead>(?:(?:under|in|according to)\s+)?(?:the\s+(?:new\s+)?)?point\s+(?P<num>\d{1,2})\b(?!\.\d))",
    re.I,
)
_CLAUSE_END = re.compile(r"[.!?](?=[\"”’]?(?:\s+[\"“‘(]?[A-Z]|\s*$))")


def named_clauses(text: str) -> list[tuple[str, int, str]]:
    """(number, line, text) of the points a story gives clause by clause, naming each by its
    digit ("Point 1 says ...; point 2 ..."), or [] when fewer than three come in order from 1.
    A point's text runs from the words that name it to the end of its sentence, or to the
    separator before the next point's clause; "points 3 and 10" in the lead names no clause."""
    found: list[tuple[str, int, str]] = []
    for start, body in _paragraphs(text):
        clauses = list(_NAMED_CLAUSE.finditer(body))
        for k, m in enumerate(clauses):
            if int(m.group("num")) != len(found) + 1:
                continue
            # the next clause's separator is no text; a stop that ends this sentence is
            end = clauses[k + 1].start() + 1 if k + 1 < len(clauses) else len(body)
            stop = _CLAUSE_END.search(body, m.start("lead"), end)
            said = body[m.start("lead") : stop.end() if stop else end].rstrip(" ;,")
            found.append((str(len(found) + 1), start, said))
    return found if len(found) >= 3 else []


# A point whose number a word processor's lost list style took away: a bullet, or a tab, then text.
_LOST_NUMBER = re.compile(r"^(?:[•▪◦‣●○■□➢➤–-][ \t]+|\t+)(?=\S)")


def bullet_points(lines: Sequence[str]) -> list[tuple[str, int, str]]:
    """(number, line, text) of points that lost their numbers ("•<tab>The armed ..."), numbered
    by position as the draft's own cross-references count them ("the sites listed in point 4"),
    or [] when fewer than three such points stand in one list. A point runs on over unmarked
    lines to a blank line; what follows the list after a blank line is no point."""
    found: list[tuple[str, int, list[str]]] = []
    open_point = False
    for lineno, line in enumerate(lines, start=1):
        line = symbol_bullet(line) or line  # a post's emoji bullets ("🔹 ") are bullets too
        if m := _LOST_NUMBER.match(line):
            found.append((str(len(found) + 1), lineno, [line[m.end() :].strip()]))
            open_point = True
        elif not line.strip():
            open_point = False
        elif open_point:
            found[-1][2].append(line.strip())
    return [(n, k, " ".join(body)) for n, k, body in found] if len(found) >= 3 else []


# "First, the parties ..." / "Secondly, ..." opening a paragraph: a point numbered with a word;
# also a clause of a letter's prose opened by one, after a sentence's end or the "; and " joining
# it to the last ("First, ...; second, ...; and third, ...").
_ORDINAL_ADVERB = re.compile(
    r"^\s*(?P<ord>" + "|".join(ORDINALS) + r")(?:ly)?\s*[,:.\-–—]\s*(?P<text>\S.*)$", re.I | re.S
)
_ORDINAL_CLAUSE = re.compile(
    r"(?P<sep>^\s*|(?<=[.!?])\s+|;\s+(?:and\s+)?|,\s+and\s+)"
    r"(?P<ord>" + "|".join(ORDINALS) + r")(?:ly)?\s*,\s*(?=\S)",
    re.I,
)


def ordinal_paragraphs(text: str) -> list[tuple[str, int, str]]:
    """(number, line, text) of paragraphs that open with an ordinal word ("First, the armed ...",
    "Secondly: ..."), or of the clauses a letter's prose opens with one ("First, ...; second,
    ...; and third, ..."), in order from the first, or [] when fewer than three do. A clause's
    text runs to the next one's separator (the "; and " is no text) or to its paragraph's end.
    An ordinal out of that order ("First, ... Third, ... Second, ...") starts nothing, nor does
    one that opens no clause ("The first three points", "the sixth"), so a preamble's "First,
    the envoy thanked ..." alone is no list."""
    found: list[tuple[str, int, str]] = []
    for start, body in _paragraphs(text):
        opened: list[tuple[int, int]] = []  # each clause's separator and text start
        if (m := _ORDINAL_ADVERB.match(body)) and point_labels().ordinal(m.group("ord")) == len(found) + 1:
            opened.append((0, m.start("text")))
        for c in _ORDINAL_CLAUSE.finditer(body):
            expected = len(found) + len(opened) + 1
            if (
                c.start() >= (opened[-1][1] if opened else 0)
                and point_labels().ordinal(c.group("ord")) == expected
            ):
                opened.append((c.start(), c.end()))
        for k, (_sep, at) in enumerate(opened):
            end = opened[k + 1][0] if k + 1 < len(opened) else len(body)
            found.append((str(len(found) + 1), start, body[at:end].strip()))
    return found if len(found) >= 3 else []


# "Point number one. A ceasefire ...", "Three. ...", "Point five - and this is the mines. ...",
# "And twelve, the last. ...": a transcript of a briefing where the points are read aloud, each
# paragraph opened by its number spoken, and a short remark glued to it up to its stop.
_SPOKEN = re.compile(
    r"^\s*(?:and\s+)?(?:point\s+)?(?:number\s+)?(?P<num>" + "|".join(CARDINALS) + r")"
    r"(?:\s*[,\-–—]\s*[^.!?]{1,60})?[.!?]\s+(?P<text>\S.*)$",
    re.I | re.S,
)
# an aside the transcript notes after the point's text ("(Off mic.) Forty, yes."): no text
_ASIDE = re.compile(r"(?<=[.!?])\s+\((?:[^()]{1,30})\)\s.*$", re.S)


def spoken_paragraphs(text: str) -> list[tuple[str, int, str]]:
    """(number, line, text) of paragraphs a transcript opens with a number spoken ("Point number
    one.", "Two.", "Eleven, which is new."), counting up from one, or [] when fewer than three
    do; an aside in brackets after a point's sentence ends its text. A paragraph out of the count
    (a reporter's "Two questions. ...") starts nothing."""
    found: list[tuple[str, int, str]] = []
    for start, body in _paragraphs(text):
        m = _SPOKEN.match(body)
        if m and point_labels().cardinal(m.group("num")) == len(found) + 1:
            found.append((str(len(found) + 1), start, _ASIDE.sub("", m.group("text"))))
    return found if len(found) >= 3 else []


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line, text joined on one line) of each blank-line-separated paragraph."""
    out: list[tuple[int, str]] = []
    current: list[str] = []
    first = 0
    for lineno, line in enumerate([*text.splitlines(), ""], start=1):
        if line.strip():
            first = first or lineno
            current.append(line.strip())
        elif current:
            out.append((first, " ".join(current)))
            current, first = [], 0
    return out


# "(3) A peacekeeping ..." inside a paragraph: a number in brackets at a sentence's start.
_INLINE = re.compile(r"(?:(?<=^)|(?<=[.:;!?]\s)|(?<=[.:;!?]\s\s))\((?P<num>\d{1,2})\)\s+(?=\S)")


def inline_points(text: str) -> list[tuple[str, int, str]]:
    """(number, line, text) of points numbered "(1)", "(2)" inside flowing paragraphs (a thread,
    a summary: "The draft opens with security. (1) A truce ... (2) Each side ..."), or [] when
    fewer than two come in order from (1). A point runs to the next number or to the end of its
    paragraph; what a paragraph says before its first number is no point."""
    found: list[tuple[str, int, str]] = []
    for start, body in _paragraphs(text):
        marks = list(_INLINE.finditer(body))
        for k, m in enumerate(marks):
            if int(m.group("num")) != len(found) + 1:
                continue
            # a "(2)" out of order inside the point ("as in (2) above") does not end it
            nxt = (n.start() for n in marks[k + 1 :] if int(n.group("num")) == len(found) + 2)
            found.append((m.group("num"), start, body[m.end() : next(nxt, len(body))].strip()))
    return found if len(found) >= 2 else []


# A number written in keycap emoji at a line's start ("3️⃣ The ...": the digit, an optional emoji
# presentation selector, the enclosing keycap; "🔟" for ten), as a channel post numbers points.
_KEYCAP = re.compile("^(?P<indent>\\s*)(?P<keys>(?:[0-9]\ufe0f?\u20e3)+|\U0001f51f)\\s*(?=\\S)")


def keycap_numbers(lines: Sequence[str]) -> list[str]:
    """``lines`` with a keycap number opening a line written as a typed one ("3️⃣ The ..." is
    "3. The ..."), and an emoji set before a typed number as a bullet ("▪️ 3. The ..." is "3.
    The ..."); a keycap inside a sentence ("points 3️⃣ and 8️⃣ are hard") stays."""

    def typed(m: re.Match[str]) -> str:
        keys = m.group("keys")
        digits = "10" if keys == "\U0001f51f" else "".join(c for c in keys if c.isdigit())
        return f"{m.group('indent')}{digits}. "

    out = []
    for line in lines:
        line = _KEYCAP.sub(typed, line)
        bullet = symbol_bullet(line)
        out.append(bullet[2:] if bullet and _TYPED_NUMBER.match(bullet[2:]) else line)
    return out


_TYPED_NUMBER = re.compile(r"\s*[(\[]?\d{1,3}(?:\.\d{1,3})*[.):\]]?\s+\S")


def symbol_bullet(line: str) -> str | None:
    """``line`` as "• ..." when a symbol opens it as a bullet ("🔹 ", "▪️ ", "✅ "), else None."""
    stripped = line.lstrip()
    k = 0
    while k < len(stripped) and (unicodedata.category(stripped[k]) == "So" or stripped[k] == "\ufe0f"):
        k += 1
    if not k or k > 3 or k >= len(stripped) or not stripped[k].isspace():
        return None
    return "• " + stripped[k:].lstrip()


# A table of contents' entry: a label and title, then a page number after a tab or dot leaders
# ("Article 4<TAB>Transitional administration<TAB>2", "Annex A ........ 12").
_CONTENTS_ENTRY = re.compile(r"^\s*\S.*?(?:\t+\s*|\s*(?:\.\s?){3,}\s*|\s*…+\s*)\d{1,4}\s*$")
_CONTENTS_TITLE = re.compile(r"^\s*(?:table of )?contents\s*:?\s*$", re.I)


def contents_lines(lines: Sequence[str]) -> set[int]:
    """Indices of a table of contents: three or more lines in a row that each end in a page
    number after a tab or dot leaders, and a "Contents" line over them. Its entries repeat the
    labels of the points below ("Article 4"), which read twice would seem numbered twice. An
    entry is a label and a title, a few words: a point of tab-separated text is longer."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        if i < len(lines) and _CONTENTS_ENTRY.match(line) and len(line.split()) <= 12:
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
            before = run[0] - 1
            while before >= 0 and not lines[before].strip():
                before -= 1
            if before >= 0 and _CONTENTS_TITLE.match(lines[before]):
                out.add(before)
        run = []
    return out


# Wikitext: "== Provisions ==" headings, "#" items the wiki numbers itself, templates, citations.
_WIKI_HEADING = re.compile(r"^(?P<eq>={2,6})\s*(?P<text>[^=].*?)\s*(?P=eq)\s*$")
_WIKI_ITEM = re.compile(r"^(?P<marks>[#*:;]+)\s*(?P<text>.*)$")
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_REF = re.compile(r"<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref\s*>", re.I | re.S)
_WIKI_LINK = re.compile(r"\[\[(?P<target>[^\]|]*)(?:\|(?P<label>[^\]]*))?\]\]")
_EXTERNAL_LINK = re.compile(r"\[(?:https?:)?//\S+\s+(?P<label>[^\]]+)\]")


def wikitext(text: str) -> str:
    """The wikitext source of a wiki page as the typed draft the page shows, else ``text`` as
    it is. Items of a "#" list are numbered as the wiki numbers them ("# ..." is "1. ...",
    "## ..." under it "1.1 ..."), "== Provisions ==" is a heading; templates, citations,
    categories and the markup of links and emphasis are no text of any point. A text is read
    as wikitext only when it has a "== ... ==" heading and two "#" items, so a Markdown
    heading ("# Title") is never an item."""
    lines = text.splitlines()
    items = sum(1 for line in lines if line.startswith("#") and not re.match(r"#+\s.*#\s*$", line))
    if items < 2 or not any(_WIKI_HEADING.match(line) for line in lines):
        return text
    while _TEMPLATE.search(text):
        text = _TEMPLATE.sub("", text)
    text = _REF.sub("", text)

    def link(m: re.Match[str]) -> str:
        target = m.group("target").strip()
        if ":" in target and target.split(":", 1)[0].lower() in {"category", "file", "image"}:
            return ""
        return (m.group("label") if m.group("label") is not None else target).strip()

    text = _EXTERNAL_LINK.sub(lambda m: m.group("label"), _WIKI_LINK.sub(link, text))
    text = re.sub(r"'{2,}", "", text)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    out: list[str] = []
    counters: list[int] = []
    for line in text.splitlines():
        if m := _WIKI_HEADING.match(line):
            out.append(f"## {m.group('text')}")
            counters = []
        elif (m := _WIKI_ITEM.match(line)) and set(m.group("marks")) == {"#"}:
            depth = len(m.group("marks"))
            counters = [*counters[:depth], *([0] * (depth - len(counters)))]
            counters[depth - 1] += 1
            label = ".".join(str(n) for n in counters[:depth])
            out.append(f"{label}{'.' if depth == 1 else ''} {m.group('text').strip()}")
        elif m := _WIKI_ITEM.match(line):
            if m.group("marks").startswith("#"):  # "#:" continues the item above
                out.append(f"   {m.group('text').strip()}")
            else:
                out.append(f"- {m.group('text').strip()}")
                counters = []
        else:
            out.append(line)
            counters = []
    return "\n".join(out)


# The first line of a YAML dump: "key: value" or "- key: value", a key of a few words.
_YAML_START = re.compile(r"^(?:-[ \t]+)?[\w\"' -]{1,40}:(?:[ \t]|$)")


def yaml_records(text: str) -> Any | None:
    """A YAML dump of a plan (a drafting tool's export, a reconstruction kept in YAML) as the data
    the JSON reader reads, or None when ``text`` is no YAML that holds a list of records or a
    mapping keyed by point numbers. A typed draft whose preamble has "Author: ..." lines is no
    YAML: its numbered lines make the parse fail or leave no list of records."""
    first = next((line for line in text.splitlines() if line.strip() and not line.startswith("#")), "")
    if not _YAML_START.match(first):
        return None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    values = data.values() if isinstance(data, dict) else [data]
    for value in values:
        if isinstance(value, list) and len(value) >= 2 and all(isinstance(v, (dict, str)) for v in value):
            return data
        if (
            isinstance(value, dict)
            and len(value) >= 2
            and all(isinstance(v, (str, dict)) for v in value.values())
        ):
            return data
    return None
