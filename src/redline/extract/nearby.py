"""The issue terms of any stretch of a document, with the document tokenised once.

The issue model sees the issues named around each statement (``StatementClassifier.near``).
Read afresh for every statement, those windows overlap their neighbours' and cost a fifth of
the rules' time. A document is therefore cut into stretches at each clause mark followed by a
space: tokens never cross a space and lexicon patterns never cross a clause mark, so a window's
tokens and term hits are exactly those of the stretches it covers, each read once per document;
only the two clipped ends of a window are read again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from redline.extract.issues import IssueTagger
from redline.extract.lexicon import EnglishSigns, english_signs, normalise

# a clause mark the tokeniser reads as a boundary, then a space (lexicon.BOUNDARY's marks)
_CUT = re.compile(r"(?<=[.!?;:,()\[\]])\s+")


@dataclass(frozen=True, slots=True)
class TermHit:
    """An issue term in a window: its issue, weight and token position in the window."""

    issue: str
    weight: float
    start: int


@dataclass(frozen=True, slots=True)
class Stretch:
    tokens: tuple[str, ...]
    hits: tuple[TermHit, ...]
    signs: EnglishSigns  # whether the tokens look English, as counts that add up


class NearbyTerms:
    """One document's stretches, each tokenised and matched the first time a window needs it."""

    def __init__(self, tagger: IssueTagger, document: str) -> None:
        self.tagger = tagger
        self.document = document
        spans: list[tuple[int, int]] = []
        at = 0
        for cut in _CUT.finditer(document):
            spans.append((at, cut.start()))
            at = cut.end()
        spans.append((at, len(document)))
        self._spans = spans
        self._starts = [s for s, _ in spans]
        self._read: dict[int, Stretch] = {}

    def window(self, start: int, end: int) -> Stretch:
        """Tokens and term hits of ``document[start:end]``, as if that text were read alone."""
        tokens: list[str] = []
        hits: list[TermHit] = []
        signs = EnglishSigns()
        for part in self.pieces(start, end):
            hits.extend(TermHit(h.issue, h.weight, h.start + len(tokens)) for h in part.hits)
            tokens.extend(part.tokens)
            signs += part.signs
        return Stretch(tuple(tokens), tuple(hits), signs)

    def pieces(self, start: int, end: int) -> list[Stretch]:
        """``window``'s text as the stretches it covers, in order, the clipped ends read afresh:
        their tokens one after the other are the window's (a reader that only counts, like
        ``StatementClassifier.topic``, need not join them)."""
        out: list[Stretch] = []
        first = max(0, bisect_right(self._starts, start) - 1)
        for i in range(first, len(self._spans)):
            s, e = self._spans[i]
            if s >= end:
                break
            if e <= start:
                continue
            whole = start <= s and e <= end
            out.append(self._stretch(i) if whole else self._text(max(s, start), min(e, end)))
        return out

    def widen(self, start: int, end: int, slack: int) -> tuple[int, int]:
        """``start`` and ``end`` moved out to the edges of the stretches they fall in, when
        those lie within ``slack`` characters: a window of whole stretches is read from the
        cache, where a clipped end is read afresh (and may cut a word in two)."""
        i = bisect_right(self._starts, start) - 1
        if i >= 0:
            s, e = self._spans[i]
            if s < start < e and start - s <= slack:
                start = s
        j = bisect_right(self._starts, end) - 1
        if j >= 0:
            s, e = self._spans[j]
            if s < end < e and e - end <= slack:
                end = e
        return start, end

    def _stretch(self, i: int) -> Stretch:
        read = self._read.get(i)
        if read is None:
            read = self._read[i] = self._text(*self._spans[i])
        return read

    def _text(self, start: int, end: int) -> Stretch:
        tokens = normalise(self.document[start:end])
        return Stretch(tuple(tokens), _hits(self.tagger, tokens), english_signs(tokens))


def _hits(tagger: IssueTagger, tokens: Sequence[str]) -> tuple[TermHit, ...]:
    return tuple(TermHit(h.pattern.tag, h.pattern.weight, h.start) for h in tagger.term_hits(tokens))


__all__ = ["NearbyTerms", "Stretch", "TermHit"]
