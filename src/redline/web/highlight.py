"""Document text as HTML with character spans marked: the evidence behind every fact shown.

The text is cut at every span boundary; each piece is escaped on its own and wrapped in the
mark of the first span (in the order given) that covers it, so the caller decides which span
wins where spans overlap. Adjacent pieces under the same span are joined, which keeps a
span that wins over its whole range as one element whose text is exactly ``text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

__all__ = ["Mark", "highlight"]


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to mark; with ``href`` the mark is also a link (to the record it evidences)."""

    start: int
    end: int
    css: str
    href: str | None = None
    id: str | None = None
    title: str | None = None


def _open(mark: Mark) -> str:
    attrs = [f'class="{escape(mark.css)}"']
    if mark.id:
        attrs.append(f'id="{escape(mark.id)}"')
    if mark.title:
        attrs.append(f'title="{escape(mark.title)}"')
    if mark.href:
        return f'<a href="{escape(mark.href)}" {" ".join(attrs)}><mark>'
    return f"<mark {' '.join(attrs)}>"


def _close(mark: Mark) -> str:
    return "</mark></a>" if mark.href else "</mark>"


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with each valid mark's range wrapped; out-of-range or empty marks are skipped."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    pieces: list[tuple[Mark | None, str]] = []
    for a, b in pairwise(cuts):
        top = next((m for m in valid if m.start <= a and b <= m.end), None)
        if pieces and pieces[-1][0] is top:
            pieces[-1] = (top, pieces[-1][1] + text[a:b])
        else:
            pieces.append((top, text[a:b]))
    out = []
    for mark, piece in pieces:
        body = str(escape(piece))
        out.append(body if mark is None else _open(mark) + body + _close(mark))
    return Markup("".join(out))
