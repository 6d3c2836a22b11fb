"""The title a plain-text article gives itself: its headline line.

Articles saved as text (copied from a page, exported by a clipping tool, a wire feed) open
with the headline on a line of its own, then a blank line. Without it every such document is
listed by its id in the dashboard and exports, where an analyst scans titles. Only a line that
looks like a headline is taken: short, followed by a blank line, not a sentence of running text
(a headline ends in no full stop) and not a date or byline line; otherwise the document keeps no
title, as before. The text itself is left as it is (a headline can carry a statement).
"""

from __future__ import annotations

import re

__all__ = ["headline_of"]

_MAX_CHARS = 200
_MIN_WORDS = 3
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_NOT_A_HEADLINE = re.compile(r"^(?:by\s|date\s|published\b|updated\b|posted\b)", re.I)


def headline_of(text: str) -> str | None:
    """The first line when it is a headline: at most 200 characters and three words, followed
    by a blank line or the end, not ending like a sentence."""
    lines = text.lstrip("\ufeff").splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    line = _MARKDOWN_HEADING.sub("", lines[first].strip())
    following = lines[first + 1] if first + 1 < len(lines) else ""
    if following.strip() or len(line) > _MAX_CHARS or len(line.split()) < _MIN_WORDS:
        return None
    if line[-1] in ".:;," or _NOT_A_HEADLINE.match(line) or not any(c.isalpha() for c in line):
        return None
    return line
