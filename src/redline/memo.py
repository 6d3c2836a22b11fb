"""A bounded memo: each value worked out once per key, the memory of a long run capped.

News repeats the same few thousand words, names and phrases, so the extractor and the
readers remember what they worked out for each (a word's fold, a text's issue words, a
feature's bucket). A long in-process run meets millions of distinct keys, so every such memo
is bounded; it starts afresh when full (dropping everything costs one clear, where evicting
the oldest entry would cost bookkeeping on every hit), and since a value depends on its key
alone, starting afresh changes no result. Each owner keeps its own: the extractor's belong to
its objects, never to a module; the store's memos of parsed checkpoints are module-level, as
what a stored text parses to is the same for every caller.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

__all__ = ["Memo"]


class Memo(dict[K, V]):
    """``memo[key]``: the value ``compute(key)`` gave, worked out on the key's first sight.

    A dict, so a hit is one C-level lookup (``map(memo.__getitem__, keys)`` reads a whole run
    of keys without a Python call); only a miss runs Python (``__missing__``). Holding
    ``limit`` entries, it is cleared before the next one is added. ``compute`` must depend on
    its key alone (never on the order keys are asked in), or a clear would change results."""

    __slots__ = ("compute", "limit")

    def __init__(self, compute: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value

    def __repr__(self) -> str:
        return f"Memo({getattr(self.compute, '__qualname__', self.compute)!r}, {len(self)}/{self.limit})"
