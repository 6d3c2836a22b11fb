"""Point numbers as OCR misreads them, read as the numbers they are.

A photographed or scanned draft comes through OCR with the digits of its point numbers taken
for letters ("l." for 1, "I0." for 10, "1O." for 10), the stop for a comma ("5,"), a mark of
the page's edge before the number ("| 4.") and marks alone on their lines ("|", "~"). A number
is read back only where the count of the points around it expects it (after point 4, "5," is
5), so a line of prose that happens to open with "l." or "5," stays as it is; misread words
stay as the OCR gave them, since a later version may be typed and the alignment compares words.
"""

from __future__ import annotations

import re

__all__ = ["misread_numbers"]

_CLEAN = re.compile(r"^\s*(?P<num>\d{1,3})[.)]\s+\S")
# a number with letters OCR takes digits for, a comma for its stop, or an edge mark before it
_MISREAD = re.compile(
    r"^(?P<indent>\s*)(?:[|¦!]\s*)?(?P<num>[0-9lIO|]{1,3})(?P<close>[.,)])\s+(?P<text>\S.*)$"
)
_DIGIT_FOR = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0"})
# a mark of the page alone on its line: no word of the text
_STRAY = re.compile(r"^\s*[|¦~'`,^\"]{1,2}\s*$")


def misread_numbers(lines: list[str]) -> list[str]:
    """``lines`` with the point numbers OCR misread written as digits ("I0." is "10."), and the
    page's stray marks alone on their lines blank, when at least one number was misread."""
    out = list(lines)
    last: int | None = None
    fixed = False
    for k, line in enumerate(lines):
        if m := _CLEAN.match(line):
            last = int(m.group("num"))
            continue
        m = _MISREAD.match(line)
        if m is None:
            continue
        value = int(m.group("num").translate(_DIGIT_FOR)) if _digits(m.group("num")) else None
        if value is None:
            continue
        expected = value == last + 1 if last is not None else value == 1 and _next_clean(lines, k) == 2
        if expected:
            out[k] = f"{m.group('indent')}{value}. {m.group('text')}"
            last, fixed = value, True
    if fixed:
        out = ["" if _STRAY.match(line) else line for line in out]
    return out


def _digits(num: str) -> bool:
    """Whether ``num`` reads as digits once OCR's letters are taken back ("I0", "l"): "II" or
    "III" is a roman section's number ("II. ECONOMY" after point 10), not 11 misread."""
    read = num.translate(_DIGIT_FOR)
    return read.isdigit() and not read.startswith("0") and not (len(num) > 1 and set(num) == {"I"})


def _next_clean(lines: list[str], k: int) -> int | None:
    """The number of the first well-read point after line ``k``."""
    for line in lines[k + 1 :]:
        if m := _CLEAN.match(line):
            return int(m.group("num"))
    return None
