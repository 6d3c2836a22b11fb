"""The date a document gives for itself when its source declares none.

Readers call ``document_date`` only for documents without a publication date (no record
field, no HTML metadata). The evidence, in order of trust:

1. a ``date YYYY-MM-DD`` prefix some stores put before the text;
2. a wire-style dateline opening a line near the top: ``KYIV, Nov 27 (Reuters) -``,
   ``MOSCOW, November 27, 2025.``, ``Brussels, December 2 (European Press) -``, or a line
   that is only a place and a date (``Kyiv, December 2, 2025``);
3. a header line that is only a date, with an optional label, time, weekday or byline:
   ``Published: 27 November 2025``, ``11:10 AM - Monday, December 8, 2025``, ``18.12.2025``;
4. a date in the URL's path: ``/2025/11/27/``, ``/20251127/``, ``/2025-11-27/``, ``/2025/nov/27/``.

A file holding one article may carry its day in its name instead, as researchers save them
(``2025-11-27_geneva.txt``, ``20251127-geneva.txt``): ``file_name_date`` reads it, and the file
readers use it after the text's own evidence and before the date given for every undated file.

A dateline without a year ("KYIV, Nov 21:") takes the year from the URL's path (a ``/2025/``
folder is enough; the URL's month, if any, must be the dateline's month), else from the
publication date the reader was given for documents without one (``--published``: the year that
puts the day nearest it, so a "December 30" dateline given 2 January is of the year before): a
wire copy's dateline names the day it was filed, which the reader's date only guesses. A year
mentioned in the text may be background ("the 2024 Washington summit"), so it is never used,
and with neither the document stays undated (``yearless_dateline`` says which day it named).
Numeric dates are read day first (European and wire style) and only when that reading is the
only one possible ("18.12.2025", not "01.02.2026").
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from redline.knowledge.dates import calendar_words

__all__ = ["document_date", "file_name_date", "yearless_dateline"]

_WORDS = calendar_words()
_MONTH = rf"(?P<month>(?i:{_WORDS.month_pattern()}))\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_MONTH_DAY = rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
_DAY_MONTH = rf"{_DAY}\s+{_MONTH},?(?:\s+{_YEAR})?"
_WRITTEN = re.compile(rf"\b(?:{_MONTH_DAY}|{_DAY_MONTH.replace('?P<', '?P<b_')})\b", re.I)
_NUMERIC = re.compile(r"\b(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<y>(?:19|20)\d\d)\b")
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_STORE_PREFIX = re.compile(r"\A\s*date\s+((?:19|20)\d\d-[01]\d-[0-3]\d)\b")
_PLACE_WORDS = r"[A-Z][\w.'’-]*(?:[ /]+(?:[A-Z][\w.'’-]*|of|de|la|el|al|upon|on))*"
_PLACE = rf"{_PLACE_WORDS}(?:,\s*{_PLACE_WORDS})?"
_DATELINE = re.compile(
    rf"^\s*{_PLACE},\s*(?P<date>(?:{_MONTH_DAY}|{_DAY_MONTH.replace('?P<', '?P<b_')}))"
    r"\s*(?:\([^()\n]{1,40}\))?\s*(?:[-–—:]|\.(?=\s|$)|$)",
    re.M,
)
_TIME = re.compile(r"\b[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?", re.I)
_LABEL = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in (*_WORDS.document_labels, "update")) + r")\b\s*:?", re.I
)
_FILLER = re.compile(r"\b(?:on|at|by)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WORDS.weekdays) + r")\b,?", re.I)
_URL_DATE = re.compile(
    r"/(?P<y>20\d\d)(?:/(?P<m>[01]\d)(?:/(?P<d>[0-3]\d))?|(?P<m2>[01]\d)(?P<d2>[0-3]\d)"
    rf"|-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)|/(?P<mn>(?i:{_WORDS.month_pattern()}))(?:/(?P<d4>[0-3]?\d))?)?"
    r"(?=/|$|[-_.])"
)
# a year, month and day in a file's name, the same separator (or none) between them, and no
# digit around them: "2025-11-27_geneva", "geneva.20251127", not "report-2025-11" or "1202511270"
_FILE_NAME_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?!\d)"
)
_HEAD_LINES = 10
_HEAD_CHARS = 1500
_BYLINE_WORDS = 3


def document_date(text: str, url: str | None = None, near: date | None = None) -> date | None:
    """The publication date the text or URL declares, or None when nothing says it plainly.
    ``near``: the date the reader was given for documents without their own, which gives a
    dateline without a year its year."""
    head = text[:_HEAD_CHARS]
    prefix = _STORE_PREFIX.match(head)
    if prefix:
        found = _safe(*map(int, prefix.group(1).split("-")))
        if found is not None:
            return found
    url_year, url_month, url_date = _url_date(url)
    lines = _head_lines(head)
    for line in lines:
        found = _dateline(line, url_year, url_month, near)
        if found is not None:
            return found
    for line in lines:
        found = _header_date(line)
        if found is not None:
            return found
    return url_date


def file_name_date(name: str) -> date | None:
    """The day a file's name gives (``2025-11-27_geneva.txt``), or None when it gives none or
    more than one different day: a name is the saver's label for the one article inside."""
    found = {_safe(int(m["y"]), int(m["m"]), int(m["d"])) for m in _FILE_NAME_DATE.finditer(name)}
    return found.pop() if len(found) == 1 else None


def yearless_dateline(text: str) -> str | None:
    """The day a dateline near the top names without a year ("April 25"), as written: what an
    undated document's reader is told it could be dated by, given a year."""
    for line in _head_lines(text[:_HEAD_CHARS]):
        m = _DATELINE.match(line)
        if m is not None and not (m["year"] or m["b_year"]):
            return " ".join(m["date"].split())
    return None


def _head_lines(head: str) -> list[str]:
    return [line for line in head.splitlines() if line.strip()][:_HEAD_LINES]


def _dateline(line: str, url_year: int | None, url_month: int | None, near: date | None) -> date | None:
    m = _DATELINE.match(line)
    if m is None:
        return None
    month = _WORDS.month(m["month"] or m["b_month"] or "")
    day = int(m["day"] or m["b_day"])
    year_text = m["year"] or m["b_year"]
    if month is None:
        return None
    if year_text:
        return _safe(int(year_text), month, day)
    if url_year is None:
        return None if near is None else _nearest(month, day, near)
    if url_month is not None and url_month != month:
        return None
    return _safe(url_year, month, day)


def _nearest(month: int, day: int, near: date) -> date | None:
    """The day of that month nearest ``near``: of its year, the one before or the one after."""
    days = [d for y in (near.year - 1, near.year, near.year + 1) if (d := _safe(y, month, day)) is not None]
    return min(days, key=lambda d: abs((d - near).days), default=None)


def _header_date(line: str) -> date | None:
    """A full date on a line that holds little else: a label, a time, a weekday, or a byline
    set off by a label, a time or a separator ("Ana Writer | 27.11.2025")."""
    found, rest = _full_date(line)
    if found is None:
        return None
    marked = bool(_LABEL.search(rest) or _TIME.search(rest) or any(c in rest for c in "|·•"))
    rest = _FILLER.sub(" ", _WEEKDAY.sub(" ", _LABEL.sub(" ", _TIME.sub(" ", rest))))
    words = re.findall(r"[^\W\d_]{2,}", rest)
    if not words or (marked and len(words) <= _BYLINE_WORDS):
        return found
    return None


def _full_date(line: str) -> tuple[date | None, str]:
    """The first complete date (with a year) on the line, and the line without it."""
    for m in _WRITTEN.finditer(line):
        year = m["year"] or m["b_year"]
        month = _WORDS.month(m["month"] or m["b_month"] or "")
        if year and month:
            found = _safe(int(year), month, int(m["day"] or m["b_day"]))
            if found is not None:
                return found, line[: m.start()] + " " + line[m.end() :]
    for m in _ISO.finditer(line):
        found = _safe(int(m["y"]), int(m["m"]), int(m["d"]))
        if found is not None:
            return found, line[: m.start()] + " " + line[m.end() :]
    for m in _NUMERIC.finditer(line):
        day, month = int(m["a"]), int(m["b"])
        if month <= 12 < day or day == month:  # day first, and no month-first reading possible
            found = _safe(int(m["y"]), month, day)
            if found is not None:
                return found, line[: m.start()] + " " + line[m.end() :]
    return None, line


def _url_date(url: str | None) -> tuple[int | None, int | None, date | None]:
    """(year, month, full date) from a URL path like /2025/11/27/, /20251127/, /2025/nov/27/,
    /2025/12/ or /2025/ (a year alone only helps a dateline without one)."""
    if not url:
        return None, None, None
    path = urlsplit(url).path
    m = _URL_DATE.search(path)
    if m is None:
        return None, None, None
    year = int(m["y"])
    if m.end() == m.start("y") + 4 and path[m.end() : m.end() + 1] != "/":
        return None, None, None  # "/2025-report", "/2025.html": a number, not a year folder
    month_text = m["m"] or m["m2"] or m["m3"]
    day_text = m["d"] or m["d2"] or m["d3"] or m["d4"]
    month = _WORDS.month(m["mn"]) if m["mn"] else None
    if month_text and 1 <= int(month_text) <= 12:
        month = int(month_text)
    if month is None:
        return year, None, None
    return year, month, _safe(year, month, int(day_text)) if day_text else None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
