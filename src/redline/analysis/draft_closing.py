"""Paragraphs that give their number at their end ("... within 30 days. (para. 7)").

Some papers number their paragraphs in the margin or at the foot of each, and a copy in plain
text keeps the number as the paragraph's last words. Each such paragraph is read as the point of
that number, its text the paragraph without the mark; paragraphs with no mark (a title, an
introduction, a closing line) stay as they are, so the reader skips them as it skips any preamble.
"""

from __future__ import annotations

import re
from itertools import pairwise

from redline.knowledge.point_labels import point_labels

_WORDS = sorted({*point_labels().closing, *point_labels().words, "§"}, key=len, reverse=True)
# "(para. 7)", "[Point 12]", "(§ 4)", "(art. 3bis)" closing a paragraph
_CLOSING = re.compile(
    r"\s*[(\[](?i:" + "|".join(map(re.escape, _WORDS)) + r")\s*(?P<num>\d{1,3}[a-z]?)[)\]]\s*$"
)
_OPENED = re.compile(r"^\s*(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]\s")


def closing_numbers(text: str) -> str:
    """``text`` with each paragraph that ends in its number ("(para. 7)") opening with it instead
    ("7. ..."): two paragraphs or more so marked, their numbers counting up. A paragraph already
    numbered at its start keeps its number; a single "(para. 3)" is a reference, left alone."""
    paragraphs = re.split(r"(\n[ \t]*\n)", text)
    marked = [(k, m) for k, p in enumerate(paragraphs) if (m := _CLOSING.search(p)) and not _OPENED.match(p)]
    numbers = [int(re.sub(r"\D", "", m.group("num"))) for _, m in marked]
    if len(marked) < 2 or any(b <= a for a, b in pairwise(numbers)):
        return text
    for k, m in marked:
        body = paragraphs[k][: m.start()]
        lead = len(body) - len(body.lstrip())
        paragraphs[k] = f"{body[:lead]}{m.group('num')}. {body[lead:]}"
    return "".join(paragraphs)
