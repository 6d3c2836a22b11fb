"""A Doc's token attributes read as one column of plain values, without a Token per word.

A pass over every token of a document (the mention finder's words, the event triggers' first
words) that builds a spaCy Token for each word, or decodes each word's string from the
vocabulary afresh, costs more than the pass itself. The attribute's string hashes come in one
``Doc.to_array`` call, and what a pass needs of each string is worked out the first time any
document uses the hash: news repeats the same few thousand words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from spacy.tokens import Doc

V = TypeVar("V")

__all__ = ["StringColumn"]


class StringColumn(Generic[V]):
    """``column(doc, attr)``: ``compute`` of each token's string for ``attr`` (``ORTH``,
    ``LOWER``, ``LEMMA``...), in token order, remembered per string hash.

    A hash stands for one string in every vocabulary (it is the string's hash), so one memo
    serves all documents; ``compute`` must depend on the string alone. Bounded like
    ``redline.memo.Memo``: holding ``limit`` entries, it starts afresh."""

    __slots__ = ("compute", "known", "limit")

    def __init__(self, compute: Callable[[str], V], limit: int) -> None:
        self.compute = compute
        self.limit = limit
        self.known: dict[int, V] = {}

    def column(self, doc: Doc, attr: int) -> list[V]:
        values: list[int] = doc.to_array(attr).tolist()
        known = self.known
        unseen = set(values).difference(known)  # C-level: most of a document's words are known
        if len(known) + len(unseen) > self.limit:
            known.clear()
            unseen = set(values)
        strings = doc.vocab.strings
        for value in unseen:
            known[value] = self.compute(strings[value])
        return list(map(known.__getitem__, values))
