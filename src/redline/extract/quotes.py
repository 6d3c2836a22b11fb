"""Quote-mark scanning on raw text: where direct speech starts and ends.

Works on characters, not tokens, because tokenizers split and normalise quote marks
inconsistently, and because a reader pairs marks across sentences and paragraphs:
an opening mark at the end of a paragraph with no closing mark continues into the next
paragraph when that one opens with a quote mark (the newspaper convention for long quotes).
The scan is one pass over the marks, so it stays linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# paragraphs are separated by a line break (news text keeps one paragraph per line)
_PARAGRAPH = re.compile(r"\n\s*")
# a quote longer than this many characters without a paragraph break is almost surely a
# mispaired mark; readers would not take it as one quotation either
_MAX_PARAGRAPH_QUOTE = 3000
_WORDY = re.compile(r"\w", re.UNICODE)
# the curly and the straight double-quote pairs, which careless copy mixes within one quote
_MIXED_DOUBLE = frozenset({"“”", '""'})


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` are the text inside the marks, ``open``/``close`` the marks.

    ``close`` is ``None`` when the closing mark is missing and the quote was taken to run to
    the end of its paragraph; ``paragraphs`` counts the paragraphs it runs over.
    """

    start: int
    end: int
    open: int
    close: int | None
    paragraphs: int = 1


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def _is_opening(text: str, i: int, mark: str) -> bool:
    """For symmetric marks ("), decide from the neighbours whether this one opens a quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-/:;,…" or i == 0


def _is_single_closing(text: str, i: int) -> bool:
    """A right single mark closes a quote only when it is not an apostrophe inside a word."""
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    return not after.isalnum() and not before.isspace()


def _is_single_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in '([{—–“"') and after.isalpha()


def _marks(text: str, pairs: Iterable[tuple[str, str]]) -> list[tuple[int, str, str]]:
    """Every occurrence of a mark as (position, role, pair key): role is 'open' or 'close'."""
    found: dict[int, tuple[int, str, str]] = {}
    ordered = sorted(pairs, key=lambda p: -max(len(p[0]), len(p[1])))  # `` before `
    for opening, closing in ordered:
        key = opening + closing
        if opening != closing and opening not in text and (closing, closing) in ordered:
            continue  # lets a symmetric pair sharing the closing mark ('' and ``/'') claim it
        for mark, role in ((opening, "open"), (closing, "close")):
            for m in re.finditer(re.escape(mark), text):
                i = m.start()
                if any(j in found for j in range(i, i + len(mark))):
                    continue
                if opening == closing == "'":
                    # a straight single mark is mostly an apostrophe ("Kyiv's", "don't"): it
                    # opens only before a word and closes only after one, as a curly one does
                    if _is_single_opening(text, i):
                        r = "open"
                    elif _is_single_closing(text, i):
                        r = "close"
                    else:
                        continue
                elif opening == closing:
                    r = "open" if _is_opening(text, i, mark) else "close"
                elif mark in ("‘", "'") and role == "open":
                    if not _is_single_opening(text, i):
                        continue
                    r = role
                elif mark in ("’", "'") and role == "close":
                    if not _is_single_closing(text, i):
                        continue
                    r = role
                else:
                    r = role
                if opening == closing and role == "close":
                    continue  # symmetric marks are handled once, on the 'open' pass
                found[i] = (i, r, key)
                for j in range(i + 1, i + len(mark)):
                    found[j] = (j, "skip", key)
    return sorted(v for v in found.values() if v[1] != "skip")


def _mark_len(text: str, i: int, pairs: Iterable[tuple[str, str]]) -> int:
    for opening, closing in sorted(pairs, key=lambda p: -max(len(p[0]), len(p[1]))):
        for mark in (opening, closing):
            if text.startswith(mark, i):
                return len(mark)
    return 1


def find_quotes(text: str, pairs: Iterable[tuple[str, str]]) -> list[QuoteSpan]:
    """All outermost quotations in ``text``, in order, for the given (opening, closing) marks."""
    pairs = list(pairs)
    if not text or not pairs:
        return []
    paragraphs = _paragraph_bounds(text)
    para_of: list[int] = []
    marks = _marks(text, pairs)
    p = 0
    for pos, _, _ in marks:
        while p + 1 < len(paragraphs) and pos >= paragraphs[p + 1][0]:
            p += 1
        para_of.append(p)

    quotes: list[QuoteSpan] = []
    open_at: int | None = None  # index into marks of the pending opening mark
    open_key = ""
    n_paras = 1
    first_in_para = {para_of[i]: i for i in range(len(marks) - 1, -1, -1)}

    def emit(close_index: int | None, end_para: int) -> None:
        assert open_at is not None
        o = marks[open_at][0]
        start = o + _mark_len(text, o, pairs)
        if close_index is None:
            end = paragraphs[end_para][1]
            close = None
        else:
            end = marks[close_index][0]
            close = end
        if end > start and _WORDY.search(text, start, end):
            quotes.append(QuoteSpan(start, end, o, close, n_paras))

    closer_of = {o + c: c for o, c in pairs}
    inner = 0  # straight or curly double marks opened inside the pending quote, not yet closed
    for i, (pos, role, key) in enumerate(marks):
        para = para_of[i]
        if open_at is not None and key != open_key and text.startswith(closer_of[open_key], pos):
            role, key = "close", open_key  # „…“: the closing mark doubles as an English opener
        if open_at is not None and {key, open_key} == _MIXED_DOUBLE and para == para_of[open_at]:
            key, inner = _mixed_double(role, open_key, inner)
        if open_at is not None and para != para_of[open_at] + n_paras - 1:
            # the pending quote's paragraph ended without a closing mark
            last_para = para_of[open_at] + n_paras - 1
            continues = (
                para == last_para + 1
                and role == "open"
                and key == open_key
                and pos == paragraphs[para][0]
                and first_in_para.get(para) == i
            )
            if continues:
                n_paras += 1
                continue
            emit(None, last_para)
            open_at = None
        if role == "close" and open_at is None and key in ("“”", "«»") and _is_opening(text, pos, "x"):
            role = "open"  # a closing mark typed where an opening one belongs: ”Quote”
        if role == "open":
            if open_at is None or key != open_key:
                if open_at is None:
                    open_at, open_key, n_paras, inner = i, key, 1, 0
                continue
            # a second opening mark of the same kind before any closing one: the first was stray
            open_at, n_paras, inner = i, 1, 0
        elif open_at is not None and key == open_key:
            if pos - marks[open_at][0] <= _MAX_PARAGRAPH_QUOTE * n_paras:
                emit(i, para)
            open_at = None
    if open_at is not None:
        emit(None, para_of[open_at] + n_paras - 1)
    return _outermost(quotes + dash_turns(text))


def per_paragraph(
    text: str, quotes: Iterable[QuoteSpan], pairs: Iterable[tuple[str, str]]
) -> list[QuoteSpan]:
    """The quotations of ``find_quotes`` with each one that runs over paragraphs cut at them: the
    paragraph left open and each one reopened by its mark are one quotation apiece, as the
    annotation guide counts a long quote (and as a reader sees it, each paragraph its own
    quote marks); the pairing across paragraphs still decides where the quote ends."""
    pairs = list(pairs)
    out: list[QuoteSpan] = []
    for q in quotes:
        if q.paragraphs < 2:
            out.append(q)
            continue
        start, opened = q.start, q.open
        for m in _PARAGRAPH.finditer(text, q.start, q.end):
            end = m.start()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start and _WORDY.search(text, start, end):
                out.append(QuoteSpan(start, end, opened, None))
            opened = m.end()
            start = opened + _mark_len(text, opened, pairs)
        if q.end > start and _WORDY.search(text, start, q.end):
            out.append(QuoteSpan(start, q.end, opened, q.close))
    return out


# a paragraph of dialogue set off by dashes, as translations from Russian or Ukrainian print it:
# "— We have waited thirty years, — the minister said. — We can wait a little longer."
_DASH_OPEN = re.compile(r"^[ \t]*([—–])[ \t\xa0]+", re.MULTILINE)
_DASH_BREAK = re.compile(r"(?<=[,.!?…])[ \t\xa0]+([—–])[ \t\xa0]+")


def _mixed_double(role: str, open_key: str, inner: int) -> tuple[str, int]:
    """“Words," he said: web copy mixes curly and straight double marks within one quotation, so
    a mark of the other style closes the pending quote, unless it opened a quote inside it (and
    then its partner closes that one). Returns the key the mark is read with and the count of
    inner quotes still open."""
    if role == "open":
        return "", inner + 1  # no key of its own: an opener inside the quote
    if inner:
        return "", inner - 1
    return open_key, 0


def dash_turns(text: str) -> list[QuoteSpan]:
    """The quoted parts of dash-set dialogue: a paragraph that opens with a dash and is broken by
    a dash after a comma (or a full stop, "!", "?") alternates the speaker's words and the
    writer's ("— Words, — he said. — More words."). The dash break is required, so that a list
    item set with a dash (the wire style for "— The plan caps the army at 600,000.") stays the
    writer's."""
    out: list[QuoteSpan] = []
    for m in _DASH_OPEN.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        breaks = list(_DASH_BREAK.finditer(text, m.end(), end))
        if not breaks or text[breaks[0].start() - 1] != ",":
            continue
        opens = [m.start(1)] + [b.start(1) for b in breaks[1::2]]
        closes: list[int | None] = [b.start(1) for b in breaks[::2]]
        closes += [None] * (len(opens) - len(closes))
        for o, c in zip(opens, closes, strict=True):
            start = o + 1
            while start < end and text[start].isspace():
                start += 1
            stop = end if c is None else c
            while stop > start and (text[stop - 1].isspace() or text[stop - 1] == ","):
                stop -= 1
            if stop > start and _WORDY.search(text, start, stop):
                out.append(QuoteSpan(start, stop, o, c))
    return out


def _outermost(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Drop quotations nested in another (a quote within a quote belongs to the outer one)."""
    out: list[QuoteSpan] = []
    for q in sorted(quotes, key=lambda q: (q.open, -q.end)):
        if out and q.open < out[-1].end:
            continue
        out.append(q)
    return out
