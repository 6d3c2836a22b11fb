"""The points of a draft found as a sequence of markers, whatever the markers look like.

Every batch of new draft shapes was refused by the plan reader on first contact, because it
knew a list of shapes ("1.", "Art. 3.", "(a)") rather than what makes a list of points: the
same kind of marker opening lines whose values count up (1, 2, 3; a, b, c; i, ii, iii; One,
Two), or, for markers with no value (bullets, arrows), whose order is the numbering. This module
reads a marker at the start of any line, whatever its punctuation or label word ("Measure 4 —",
"4/", "④", "(d)", "iv)", "→"), also after a prefix that recurs line after line (a chat's
"[09:14] Name:") and before a tab (a spreadsheet's row), takes the longest run that counts up,
nests under each of its points the run that counts up again before the next one (sub-points),
and leaves out what a page or a slide repeats (counters, footers). The plan reader turns what
it finds into points when the shapes it knows find none, or fewer than this run counts.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from redline.analysis.draft_layout import CARDINALS
from redline.analysis.draft_point import DraftPoint, is_title
from redline.knowledge.point_labels import point_labels

__all__ = [
    "Marker",
    "first_column",
    "inline_sequence",
    "keyed_points",
    "labelled_strings",
    "marker_runs",
    "markers",
    "readings",
    "repeated_lines",
    "roman_value",
    "sequence_points",
    "to_roman",
]

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_KIND_RANK = {"arabic": 0, "word": 1, "roman-upper": 2, "roman-lower": 2, "upper": 3, "lower": 3, "bullet": 4}
# Full-width closing marks, which need no space after them ("３．The").
_WIDE = frozenset("．）：、】")
# Brackets that open a marker and the ones that must close it: "(3)", "[c]", "{iv}".
_PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">", "（": "）", "【": "】"}
# What may follow a value: a stop, a comma (after a word: "First,"), a bracket, a colon, a slash
# ("3/"), a degree sign ("3°"), their full-width forms ("３．"), a dash or bar set off by spaces
# ("Measure 3 — ..."), or a tab (a spreadsheet's cell).
_CLOSE = re.compile(r"(?P<close>[.,)\]}>:/°º．）：、]|[ \t]*[-–—|](?=[ \t])|(?=\t))")
# A label word before the value ("Measure 4", "Proposal No. 4", "Item #4"): one word of letters.
_WORD = re.compile(
    r"(?P<word>[^\W\d_][^\W\d_'’-]{1,19}\.?)[ \t]+(?:(?i:no\.?|nr\.?|number)[ \t]*|#[ \t]*|№[ \t]*)?"
)
# The ending of an ordinal written in digits ("1st", "2nd", "3º"), from the knowledge file.
_SUFFIX = re.compile("(?i:" + "|".join(map(re.escape, point_labels().ordinal_suffixes)) + ")(?![^\\W\\d_])")
# A sign before the value ("§ 4", "¶ 4", "#4", "### 4."), not an opening bracket or quote.
_SIGN = re.compile(r"(?P<sign>[^\w\s(\[{<\"“'‘]{1,6})[ \t]?(?=\d)")
# Capitals written onto the number ("P3", "CL4"): a label with no space before its value.
_GLUED = re.compile(r"(?P<word>[^\W\d_a-zа-я]{1,3})(?=\d)")
_DIGITS = re.compile(r"(?P<value>\d{1,3}(?:\.\d{1,3})*)")
# A number under a part's letter ("A.2", "C.1.3"): heads of agreement cited by part and number.
_PART_NUMBER = re.compile(r"(?P<value>[A-Z]\.\d{1,3}(?:\.\d{1,3})*)(?![\w.])")
# The ending of a point put in after another without renumbering ("4bis", "4 ter"), from the
# knowledge file: part of the label; the point counts as the one it follows.
_INSERTED_ENDS = "|".join(map(re.escape, point_labels().inserted or ("(?!)",)))
_INSERTED = re.compile(r"[ \t-]?(?P<end>(?i:" + _INSERTED_ENDS + r"))(?![^\W\d_])")
_LETTERS = re.compile(r"(?P<value>[^\W\d_]+)")
# A title in bold or italics opening a line, with text after it or alone ("**Ceasefire.** ...").
_EMPHASIS = re.compile(r"(?P<em>\*\*|__)(?=\S)[^*_]{1,80}?(?<=\S)(?P=em)(?:\s|$)")
# Where a prefix that is no part of the draft may end: a chat's "[09:14] Name: ", a reply's "> ".
_PREFIX_END = re.compile(r"(?:\]|:|>|\|)[ \t]+")
# Words of a number character's Unicode name that say its value ("CIRCLED DIGIT FOUR" is "circled").
_NUMBER_WORDS = frozenset({"ZERO", "DIGIT", "NUMBER", *(w.upper() for w in CARDINALS)})


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker that opens a line, read one way: what kind of value it carries and its value."""

    line: int  # the index of its line
    kind: str  # arabic, dotted ("2.1"), word, roman-lower/-upper, lower/upper (-cyrillic...), bullet
    value: int | None  # None for a bullet, whose place in its run is its number
    label: str  # the value as the draft writes it ("iv", "c", "3", "2.1")
    style: str  # the marker with its value masked ("measure # -", "(#)", "#/"), after the prefix's shape
    text: str  # what follows it on its line
    indent: int = 0
    prefix: str = ""  # a recurring prefix before it (a chat's "[09:14] Name: "), as written


def roman_value(text: str) -> int | None:
    """The value of a roman numeral ("iv" and "IV" are 4), None when it is none ("iiii", "iiv"):
    the one reader of numerals, for the plan reader and the benchmarks that compare its numbers."""
    low = text.lower()
    if not low or set(low) - set(_ROMAN_VALUES) or len(low) > 7:
        return None
    values = [_ROMAN_VALUES[c] for c in low]
    total = sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
    return total if to_roman(total) == low else None


def to_roman(n: int) -> str:
    """``n`` as a lower-case roman numeral (the inverse of ``roman_value``; a LaTeX list's third level
    prints its items so)."""
    out = ""
    for value, numeral in (
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
    ):
        while n >= value:
            out, n = out + numeral, n - value
    return out + "i" * n


def _bullet(stripped: str) -> str | None:
    """The bullet character opening ``stripped`` ("•", "→", an emoji), None when it opens none."""
    if len(stripped) < 2 or not stripped[1].isspace():
        return None
    c = stripped[0]
    if c in point_labels().bullets or (unicodedata.category(c) in {"So", "Sm"} and c not in "|<>=~^"):
        return c
    return None


def _enclosed(c: str) -> tuple[int, str] | None:
    """(value, style) of a number written as one character: "④" (circled), "⑷", "⒋", "❹"."""
    if unicodedata.category(c) != "No":
        return None
    try:
        value = unicodedata.numeric(c)
        name = unicodedata.name(c)
    except ValueError:
        return None
    if value != int(value) or not 1 <= value <= 50 or "SCRIPT" in name:
        return None  # a fraction, or a footnote's superscript "¹"
    return int(value), " ".join(w for w in name.split() if w not in _NUMBER_WORDS).lower() or "enclosed"


def _value_readings(token: str) -> list[tuple[str, int, str]]:
    """(kind, value, label) readings of a value written in letters: "c" is a letter; "iv" a roman
    numeral; "i" either; "Two" and "Second" a number in words."""
    out: list[tuple[str, int, str]] = []
    low = token.lower()
    labels = point_labels()
    if (value := labels.cardinal(low)) is not None:
        out.append(("word", value, token))
    if (value := labels.ordinal(low)) is not None:
        out.append(("word", value, token))
    if (value := roman_value(token)) is not None and (token.islower() or token.isupper()):
        out.append(("roman-lower" if token.islower() else "roman-upper", value, token))
    if low.endswith("ly") and (value := labels.ordinal(low[:-2])) is not None:  # "Secondly,"
        out.append(("word", value, token))
    for script, letters in point_labels().alphabets.items():
        if len(token) == 1 and low in letters:
            place = letters.index(low)
            case = "lower" if token.islower() else "upper"
            kind = case if script == "latin" else f"{case}-{script}"
            out.append((kind, place + 1, labels.latin_letter(token)))
    return out


def _at(line: str, index: int, start: int, prefix: str) -> list[Marker]:
    """The readings of a marker opening ``line[start:]``."""
    rest = line[start:]
    stripped = rest.lstrip(" ")
    indent = 0  # set by ``readings`` for a marker at the line's start
    shape = _shape(prefix)
    if not stripped:
        return []
    if (em := _EMPHASIS.match(stripped)) is not None:
        # a paragraph opening with a title in bold ("**Ceasefire.** Both ..."): its order numbers it
        return [Marker(index, "bullet", None, "", f"{shape}{em.group('em')}", stripped, indent, prefix)]
    if c := _bullet(stripped):
        bullet = Marker(index, "bullet", None, "", f"{shape}{c}", stripped[2:].strip(), indent, prefix)
        # a number after the bullet ("— 3 — The ...", "• 3. The ...") is the marker's value
        after = _at(stripped[2:], index, 0, "")
        return [bullet, *(replace(m, style=f"{shape}{c}{m.style}", prefix=prefix) for m in after)]
    if enclosed := _enclosed(stripped[0]):
        value, style = enclosed
        text = stripped[1:]
        if text[:1].isspace() or text[:1] in ".)":
            return [
                Marker(
                    index,
                    "arabic",
                    value,
                    str(value),
                    f"{shape}{style}",
                    text.lstrip(".) \t"),
                    indent,
                    prefix,
                )
            ]
        return []
    out: list[Marker] = []
    if (glued := _GLUED.match(stripped)) is not None:  # "P3 The ...", "CL4. ..."
        out += _valued(stripped, glued.end(), index, indent, prefix, shape, glued.group("word").lower() + "+")
    if (w := _WORD.match(stripped)) and (
        _DIGITS.match(stripped, w.end()) or _value_readings(_first_token(stripped[w.end() :]))
    ):
        out += _valued(stripped, w.end(), index, indent, prefix, shape, w.group("word").lower())
    if stripped[0] in _PAIRS:
        return out + _valued(stripped, 1, index, indent, prefix, shape, stripped[0])
    # a sign before the value ("§ 4", "¶ 4", "#4", "№ 4") is part of the marker's style
    if (sign := _SIGN.match(stripped)) is not None:
        return out + _valued(stripped, sign.end(), index, indent, prefix, shape, sign.group("sign"))
    return out + _valued(stripped, 0, index, indent, prefix, shape, "")


def _first_token(text: str) -> str:
    m = _LETTERS.match(text)
    return m.group("value") if m else ""


def _valued(
    stripped: str, pos: int, index: int, indent: int, prefix: str, shape: str, before: str
) -> list[Marker]:
    """Readings of a value at ``stripped[pos:]`` and what closes it; ``before`` is the label
    word or the opening bracket, part of the marker's style."""
    found: list[tuple[str, int, str, int]] = []
    if m := _PART_NUMBER.match(stripped, pos):  # "A.2": head 2 of part A
        found.append(("arabic", int(m.group("value").rsplit(".", 1)[-1]), m.group("value"), m.end()))
    elif m := _DIGITS.match(stripped, pos):
        label = m.group("value")
        value = int(label.rsplit(".", 1)[-1])
        end = m.end()
        if "." not in label and (inserted := _INSERTED.match(stripped, end)):  # "4bis", "4 ter"
            label, end = label + inserted.group("end").lower(), inserted.end()
        elif "." not in label and (suffix := _SUFFIX.match(stripped, end)):  # "1st:", "2º"
            end = suffix.end()
        found.append(("arabic", value, label, end))
    elif m := _LETTERS.match(stripped, pos):
        found += [(k, v, lab, m.end()) for k, v, lab in _value_readings(m.group("value"))]
    out: list[Marker] = []
    for kind, value, label, end in found:
        closing = _PAIRS.get(before, "")
        close = ""
        if closing:
            if stripped.startswith("." + closing, end):  # "(1.)"
                end += 1
            if not stripped.startswith(closing, end):
                continue
            close, end = closing, end + 1
        elif c := _CLOSE.match(stripped, end):
            close = c.group("close").strip() or "\t"
            end = c.end()
        rest = stripped[end:]
        text = rest.strip()
        if rest and not rest[0].isspace() and close not in _WIDE:
            continue  # "3.5 million", "2030s", "a.m."; a full-width stop needs no space after it
        if not close:
            # a bare value needs a capital after it ("Measure 4 The ...", "2.1 The ...", "4 The
            # ..."), not "2 km from the line"; letters need a label word ("A truce" is no point A),
            # and only a label word stands alone on its line ("Article 4")
            capital = bool(text) and (text[0].isupper() or text[0] in '"“(')
            if before in _PAIRS or not (capital or (not text and before and kind == "arabic")):
                continue
            if kind != "arabic" and not before:
                continue
        elif close == "," and kind != "word":
            continue  # "First, ..." opens a point; "3, 4 and 5 ..." does not
        elif kind.startswith(("lower", "upper", "roman-upper")) and not before and close in ":/-–—|":
            continue  # "A: ...", "I - ..." are a speaker and a pronoun more often than points
        if "." in label:
            kind = "dotted"
        dash = "-" if close in {"-", "–", "—"} else close
        style = f"{shape}{before}#{'.#' * label.count('.')}{dash}"
        out.append(Marker(index, kind, value, label, style, text, indent, prefix))
    return out


def _shape(prefix: str) -> str:
    """A prefix as its shape, so that one speaker's lines and another's match: digits are 0, a
    run of words is "a" ("[09:14] Dana Ruhl: " and "[10:02] Piet Vos: " are "[0:0] a: »")."""
    if not prefix:
        return ""
    shape = re.sub(r"\d+", "0", prefix.strip())
    shape = re.sub(r"[^\W\d_]+(?:[ .'’-]+[^\W\d_]+)*", "a", shape)
    return re.sub(r"\s+", " ", shape) + "»"


def readings(line: str, index: int = 0) -> list[Marker]:
    """Every reading of a marker opening ``line``, at its start and after a prefix that may
    be no part of the draft (a chat's "[09:14] Name: ")."""
    out = [replace(m, indent=len(line) - len(line.lstrip())) for m in _at(line, index, 0, "")]
    for p in _PREFIX_END.finditer(line[:60]):
        prefix = line[: p.end()]
        if prefix.strip() and not _at(prefix, index, 0, ""):
            after = _at(line, index, p.end(), prefix)
            # a message's stamp ("[09:14] Name: ", "3/5/31, 09:14 - Name: "): read also in the
            # style of a line with no prefix, as a chat message puts its first point on the
            # sender's line and the next ones on lines of their own; a sentence's "... three
            # parts: 1) ..." is no stamp
            stamped = any(c.isdigit() for c in prefix)
            out += after + [replace(m, style=m.style.split("»", 1)[-1]) for m in after if stamped]
    return out


def markers(line: str) -> Marker | None:
    """The first reading of a marker opening ``line``: a roman numeral before a letter for more
    than one letter ("iv"), a letter for one ("c"), None when no marker opens it."""
    found = readings(line)
    if not found:
        return None

    def rank(m: Marker) -> tuple[bool, bool]:
        letter = m.kind in {"lower", "upper"}
        roman = m.kind.startswith("roman")
        return bool(m.prefix), (letter and m.label in "iI") or (
            roman and len(m.label) == 1 and m.label not in "iI"
        )

    return min(found, key=rank)


def marker_runs(
    found: Sequence[Marker | Sequence[Marker] | None],
    breaks: Collection[int] = (),
    ends: Collection[int] = (),
) -> list[list[Marker]]:
    """The runs that count up among the markers read on each line, best first: the longest,
    then the one that starts at 1, then arabic numbers before words, roman numerals, letters
    and bullets. A run is a chain of one style whose values go up by one line after line (other
    lines may come between); bullets of one style run in their order, three at least, and a
    paragraph of their own between two (``breaks``: lines that open one) ends their list: an
    article's "Key points", its reactions and the plan are three lists. A list numbered "1."
    before every item ends likewise at a paragraph set flush between two items (``ends``: a
    heading, a line of prose), since its numbers cannot say that a second list has begun."""
    flat = [m for item in found for m in ([item] if isinstance(item, Marker) else (item or []))]
    alias = _abbreviated_styles({(m.kind, m.style) for m in flat})
    groups: dict[tuple[str, str], list[Marker]] = {}
    for m in flat:
        if (m.kind, m.style) in alias:
            m = replace(m, style=alias[m.kind, m.style])
        groups.setdefault((m.kind, m.style), []).append(m)
    cuts = sorted(breaks)
    runs: list[list[Marker]] = []
    for (kind, _), ms in groups.items():
        if kind == "bullet":
            lists: list[list[Marker]] = [[]]
            for m in ms:
                if lists[-1] and bisect_left(cuts, m.line) > bisect_left(cuts, lists[-1][-1].line + 1):
                    lists.append([])
                lists[-1].append(m)
            runs += [b for b in lists if len(b) >= 3]
            continue
        if kind == "arabic" and len(ms) >= 3 and all(m.value == 1 for m in ms):
            # "1." before every item: Markdown numbers such a list itself, 1, 2, 3
            stops = sorted(ends)
            lazy: list[list[Marker]] = [[]]
            for m in ms:
                if lazy[-1] and bisect_left(stops, m.line) > bisect_left(stops, lazy[-1][-1].line + 1):
                    lazy.append([])
                lazy[-1].append(m)
            runs += [[replace(m, value=k + 1, label=str(k + 1)) for k, m in enumerate(b)] for b in lazy]
            continue
        runs += _chains(ms)
    runs = [r for r in runs if len(r) >= 2]
    runs.sort(key=lambda r: (-len(r), r[0].value not in (1, None), _KIND_RANK.get(r[0].kind, 5), r[0].line))
    return runs


def _abbreviated_styles(styles: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The style each abbreviated label word's markers share with the word it abbreviates
    ("SEC. 2." with "SECTION 1.", "Art. 3" with "Article 1"): a drafter writes the word out once
    and shortens it after, and the two count as one run. Only one longer word may fit."""
    alias: dict[tuple[str, str], str] = {}
    for kind, style in styles:
        word, _, tail = style.partition("#")
        if not word.endswith(".") or len(word) < 3 or not word[:-1].isalpha():
            continue
        longer = [
            s
            for k, s in styles
            if k == kind
            and s.partition("#")[2] == tail
            and (w := s.partition("#")[0]).isalpha()
            and w.startswith(word[:-1])
            and len(w) > len(word) - 1
        ]
        if len(longer) == 1:
            alias[kind, style] = longer[0]
    return alias


def _chains(ms: list[Marker]) -> list[list[Marker]]:
    """The chains of ``ms`` (in line order) whose values count up by one (numbers may skip one, a
    point left out of a version); dotted numbers count up under one parent ("2.1", "2.2")."""
    best: list[list[Marker]] = []
    # chains end at a value and an indent: a list indented inside a numbered paragraph ("4.
    # BEGIN TEXT:" then "   1. ...", "   2. ...") counts on its own, not on with the paragraphs
    # (a number set right, " 9." over "10.", is one column off)
    ending: dict[tuple[str, int, int], list[Marker]] = {}

    def ended(parent: str, value: int, indent: int) -> list[Marker] | None:
        near = [c for k in (indent, indent - 1, indent + 1) if (c := ending.get((parent, value, k)))]
        return max(near, key=len) if near else None

    for m in sorted(ms, key=lambda m: m.line):
        assert m.value is not None
        parent = m.label.rsplit(".", 1)[0] if m.kind == "dotted" else ""
        # a point put in after another ("4bis") follows it: the chain goes on from the same value
        before = ended(parent, m.value - (not _inserted(m)), m.indent)
        if before is None and m.kind == "arabic" and m.value > 2:
            before = ended(parent, m.value - 2, m.indent)  # a point left out of this version ("1, 2, 4")
        chain = [*before, m] if before and before[-1].line < m.line else [m]
        if len(chain) > len(ending.get((parent, m.value, m.indent), [])):
            ending[parent, m.value, m.indent] = chain
        best.append(chain)
    # the longest chain ending at each marker, keeping only those no longer chain contains
    kept: list[list[Marker]] = []
    for chain in sorted(best, key=len, reverse=True):
        if not any(chain[-1] in k for k in kept):
            kept.append(chain)
    return kept


def first_column(lines: Sequence[str]) -> list[str]:
    """``lines`` cut to their first column when a draft is set in two columns side by side,
    each a version of the same points (two languages): the same marker opens a line and opens
    it again after a wide gap, at one position on two lines or more ("1. The ceasefire ...
    1. Die Waffenruhe ..."). Otherwise ``lines`` as they are."""
    cuts: Counter[int] = Counter()
    for line in lines:
        own = markers(line)
        if own is None or own.kind == "bullet":
            continue
        for gap in re.finditer(r"(?<=\S)(?: {3,}|\t+)(?=\S)", line):
            other = markers(line[gap.end() :])
            if other is not None and (other.kind, other.label, other.style) == (
                own.kind,
                own.label,
                own.style,
            ):
                cuts[gap.end()] += 1
    if not cuts:
        return list(lines)
    at, count = cuts.most_common(1)[0]
    count += cuts[at - 1] + cuts[at + 1]
    if count < 2:
        return list(lines)
    out = []
    for line in lines:
        cut = next((k for k in range(at - 1, at + 2) if k < len(line) and line[k - 2 : k].isspace()), None)
        out.append(line[:cut].rstrip() if cut is not None and len(line) > at else line)
    return out


def repeated_lines(lines: Sequence[str]) -> set[int]:
    """Indices of lines a page or a slide repeats: the same words three times or more, ending in
    no stop, as a footer does ("Confidential · not for distribution"); a wrapped line of text
    ends a sentence or runs on. Lines that differ in their digits alone ("Article 3", "Article
    4") may be a run of markers: a page's counters are the knowledge file's words."""
    masked = [" ".join(line.split()).lower() for line in lines]
    seen = Counter(m for m in masked if m)
    return {
        i
        for i, line in enumerate(lines)
        if seen[masked[i]] >= 3 and len(line.split()) >= 2 and line.rstrip()[-1] not in ".;:,!?"
    }


def _cell(text: str) -> str:
    """The text of a row whose cells a tab or a bar separates: its longest cell."""
    if "\t" not in text and " | " not in text and not text.endswith("|"):
        return text
    return max((c.strip() for c in re.split(r"\t+|\s\|(?:\s|$)", text)), key=len)


def _prefix_line(prefix: str) -> re.Pattern[str] | None:
    """A pattern of the lines that open with a prefix of the same shape (another message)."""
    if not prefix:
        return None
    out = ""
    for part in re.finditer(r"\d+|[^\W\d_]+(?:[ .'’-]+[^\W\d_]+)*|\s+|.", prefix.strip()):
        token = part.group(0)
        if token[0].isdigit():
            out += r"\d+"
        elif token[0].isalpha():
            out += r"[^\W\d_]+(?:[ .'’-]+[^\W\d_]+)*"
        elif token.isspace():
            out += r"\s+"
        else:
            out += re.escape(token)
    return re.compile(r"^\s*" + out)


_MD_HEADING = re.compile(r"^#{1,6}\s+\S")


def sequence_points(lines: Sequence[str], skip: Collection[int] = ()) -> list[DraftPoint]:
    """The points of ``lines`` read as the best run of markers and the runs nested under its
    points, or [] when no run of two (three bullets) is found. ``skip`` are indices of lines
    that are no text (page furniture found by the caller)."""
    noise = set(skip) | repeated_lines(lines)
    found = [[] if i in noise else readings(line, i) for i, line in enumerate(lines)]
    # lines that open a paragraph with no bullet: a list of bullets ends before them
    opening = [
        i
        for i in range(1, len(lines))
        if lines[i].strip()
        and not lines[i - 1].strip()
        and i not in noise
        and not any(r.kind == "bullet" for r in found[i])
    ]
    # of those, the ones set flush with no marker (a heading, a paragraph of prose): they end a
    # list whose items all read "1."
    flush = [i for i in opening if not found[i] and lines[i][:1] not in (" ", "\t")]
    runs = marker_runs(found, opening, flush)
    if not runs:
        return []
    # the list is the best run not nested under the points of another: four "(a)"-"(d)" under
    # point 1 of two are its sub-points, however long
    top = next((r for r in runs if not any(_nested(r, other) for other in runs)), runs[0])
    key = (top[0].kind, top[0].style)
    outer = top
    top = _quoted(top, [r for r in runs if (r[0].kind, r[0].style) == key and r is not top])
    # a quoted list ends where the paragraphs around it go on
    last = (
        next((m.line for m in outer if m.line > top[-1].line), len(lines)) if top is not outer else len(lines)
    )
    other_prefix = _prefix_line(top[0].prefix)
    # every point opening a page or a slide (a counter or a footer just above it): the last
    # point ends with its page, and what the next pages hold (a "Next steps" slide) is no point
    if len(top) >= 3 and all(_opens_page(lines, m.line, noise) for m in top):
        last = next((i for i in range(top[-1].line + 1, last) if i in noise), last)
    starts: list[tuple[str, Marker]] = []
    numbers = [
        m.label
        if m.kind not in {"arabic", "word", "bullet"} or _inserted(m)
        else str(k + 1 if m.value is None else m.value)
        for k, m in enumerate(top)
    ]
    for k, m in enumerate(top):
        starts.append((numbers[k], m))
        end = top[k + 1].line if k + 1 < len(top) else last
        inside = [
            [r for r in found[i] if (r.kind, r.style) != key and r.kind != "bullet"]
            for i in range(m.line + 1, end)
        ]
        subs = [
            r
            for r in marker_runs(inside)
            if r[0].value == 1 and _under(r, m, numbers[k]) and not _alternatives(r[0])
        ]
        # a dotted number names its parent ("2.1" is of point 2): it is a sub-point even alone
        dotted = [r for rs in inside for r in rs if r.kind == "dotted" and r.label == f"{numbers[k]}.1"]
        if dotted and not subs:
            subs = [dotted[:1]]
        if subs:
            starts += [(f"{numbers[k]}.{s.label}" if s.kind != "dotted" else s.label, s) for s in subs[0]]
    points: list[DraftPoint] = []
    for k, (number, m) in enumerate(starts):
        end = starts[k + 1][1].line if k + 1 < len(starts) else last
        # a row of cells (the marker closed by a tab or a bar) keeps its text cell alone
        row = m.style.endswith(("\t", "|")) or m.text.rstrip().endswith("|")
        first = _cell(m.text) if row else m.text
        point = DraftPoint(number, m.line + 1, [first] if first else [], numbered=m.kind != "bullet")
        blank = paged = False
        for i in range(m.line + 1, end):
            line = lines[i]
            if i in noise:
                paged = True
                continue
            if not line.strip():
                blank = True
                continue
            if other_prefix is not None and other_prefix.match(line):
                break  # another message of the chat: the point has ended
            if _MD_HEADING.match(line) and m.indent == 0:
                break  # a Markdown heading opens another part of the document
            if m.kind == "bullet" and i in opening and len(line) - len(line.lstrip()) <= m.indent:
                break  # a paragraph after a bullet list, not set in under its bullet, is no point
            # a sentence a page break cut ("a joint crew" + header + "of engineers") runs on
            if blank and point.lines and not (paged and line.lstrip()[:1].islower()):
                point.breaks.append(len(point.lines))
            point.lines.append(_cell(line.strip()) if row else line.strip())
            blank = paged = False
        # a title is over a sentence: a first line that a lower-case line goes on is the sentence's
        titled = len(point.lines) > 1 and is_title(point.lines[0]) and not point.lines[1][:1].islower()
        if titled and "." not in number:
            point.heading = point.lines.pop(0)
            point.breaks = [b - 1 for b in point.breaks if b > 1]
        points.append(point)
    return points


def _inserted(m: Marker) -> bool:
    """Whether ``m`` numbers a point put in after another ("4bis"): its label ends in letters."""
    return m.kind == "arabic" and m.label[-1:].isalpha()


def _alternatives(m: Marker) -> bool:
    """Whether ``m`` labels one of a point's alternative wordings ("Alt 1:", "Option 2:"): a
    negotiating text's options for one paragraph are that paragraph's text, not its sub-points."""
    word = m.style.split("»", 1)[-1].split("#", 1)[0].strip()
    return bool(word) and word in point_labels().alternatives


def _quoted(top: list[Marker], same: list[list[Marker]]) -> list[Marker]:
    """The list a numbered paragraph quotes when the paragraphs' numbers are set like its own
    ("3. Text follows:" over "   1. ...", "   2. ..."): the one run of that style indented deeper
    than ``top``, inside one of its paragraphs and as long as it at least. An outline's nested
    items stand under several points, and a short list in one paragraph is its detail."""
    outer = max(m.indent for m in top)
    lines = [m.line for m in top]
    inside = [
        r
        for r in same
        if min(m.indent for m in r) > outer
        and len(r) >= max(3, len(top))
        and bisect_left(lines, r[0].line) == bisect_left(lines, r[-1].line) > 0
    ]
    deeper = [r for r in same if min(m.indent for m in r) > outer and len(r) >= 2]
    return inside[0] if len(inside) == 1 and len(deeper) == 1 else top


def _opens_page(lines: Sequence[str], at: int, noise: Collection[int]) -> bool:
    """Whether the line above ``at`` (past blank lines) is page furniture: a slide's counter."""
    above = next((i for i in range(at - 1, -1, -1) if lines[i].strip()), None)
    return above is not None and above in noise


def _under(run: list[Marker], parent: Marker, number: str) -> bool:
    """Whether ``run`` numbers sub-points of ``parent``: dotted numbers under its own number
    ("2.1" under 2), another kind of marker otherwise, two at least."""
    if run[0].kind == "dotted":
        return run[0].label.startswith(f"{number}.")
    return len(run) >= 2 and run[0].prefix == parent.prefix


def keyed_points(data: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    """The points of a mapping whose keys number them ({"1": "...", "2": "..."}, {"Article 1":
    {...}}) as a list of records, or None when its keys are no run that counts up (two at least)."""
    if len(data) < 2 or not all(isinstance(v, (str, dict)) for v in data.values()):
        return None
    keys = [str(k) for k in data]
    found = [readings(f"{k}. Text", i) for i, k in enumerate(keys)]
    runs = marker_runs(found)
    if not runs or len(runs[0]) != len(keys) or runs[0][0].kind == "bullet":
        return None
    out: list[dict[str, Any]] = []
    for m, value in zip(runs[0], data.values(), strict=True):
        number = _number(m)
        out.append(
            {"number": number, **value} if isinstance(value, dict) else {"number": number, "text": value}
        )
    return out


def labelled_strings(items: Sequence[str]) -> list[tuple[str, str]] | None:
    """(number, text) of a list of strings that each open with their own marker, counting up
    (["1. The truce ...", "2. Convoys ..."], ["(a) ...", "(b) ..."]), or None when they do not
    all: a list of plain texts is numbered by its order by the caller."""
    if len(items) < 2:
        return None
    runs = marker_runs([readings(item.strip(), i) for i, item in enumerate(items)])
    if not runs or len(runs[0]) != len(items) or runs[0][0].kind == "bullet":
        return None
    return [(_number(m), m.text) for m in runs[0]]


def _number(m: Marker) -> str:
    """A marker's point number: the value of a number in digits or words, the label of a
    letter or a roman numeral as the draft writes it."""
    return str(m.value) if m.kind in {"arabic", "word"} else m.label


def _nested(run: list[Marker], other: list[Marker]) -> bool:
    """Whether every marker of ``run`` stands under one point of ``other``, a run of another
    style: between two of its markers, or after its last one no further than its points run."""
    if (run[0].kind, run[0].style) == (other[0].kind, other[0].style) or len(other) < 2:
        return False
    lines = [m.line for m in other]
    k = bisect_left(lines, run[0].line)
    if k == 0 or bisect_left(lines, run[-1].line) != k:
        return False
    if k < len(lines):
        return True
    longest = max(b - a for a, b in pairwise(lines))
    return run[-1].line - lines[-1] <= longest


# Where a marker may open a point inside a paragraph: after a sentence's or a clause's end.
_INLINE_AT = re.compile(r"(?<=[.:;!?])\s+(?=\S)")


def inline_sequence(lines: Sequence[str], skip: Collection[int] = ()) -> list[DraftPoint]:
    """The points of a text that gives them inside its paragraphs ("The plan has three parts:
    1) a truce ... 2) a corridor ... 3) talks ..."), as a run of markers that counts up from the
    first, each opening a sentence or a clause, whatever they look like; [] when no run of three
    is found. A point runs to the next marker of its run or to the end of its paragraph."""
    paragraphs: list[tuple[int, str]] = []
    current: list[str] = []
    first = 0
    for i, line in enumerate([*lines, ""]):
        if i < len(lines) and line.strip() and i not in skip:
            first = first if current else i
            current.append(line.strip())
        elif current:
            paragraphs.append((first, " ".join(current)))
            current = []
    spots: list[tuple[int, int]] = []  # (paragraph, offset of a marker in it)
    found: list[list[Marker]] = []
    for p, (_, body) in enumerate(paragraphs):
        for start in [0, *(m.end() for m in _INLINE_AT.finditer(body))]:
            here = [r for r in _at(body[start : start + 80], len(spots), 0, "") if r.kind != "bullet"]
            if here:
                spots.append((p, start))
                found.append(here)
    runs = [r for r in marker_runs(found) if len(r) >= 3 and r[0].value == 1]
    if not runs:
        return []
    out: list[DraftPoint] = []
    for k, m in enumerate(runs[0]):
        p, start = spots[m.line]
        body = paragraphs[p][1]
        after = spots[runs[0][k + 1].line] if k + 1 < len(runs[0]) else None
        segment = body[start : after[1] if after is not None and after[0] == p else len(body)]
        own = next(
            r for r in _at(segment, 0, 0, "") if (r.kind, r.style, r.value) == (m.kind, m.style, m.value)
        )
        out.append(DraftPoint(_number(m), paragraphs[p][0] + 1, [own.text]))
    return out
