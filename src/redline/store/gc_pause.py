"""The cyclic garbage collector paused while a big read builds its many small tuples.

A positions matrix as of a past day makes some 150,000 tuples from the ~77,000 tallies up to
the day at 1M statements. Every few hundred allocations start a collection, and in a large
heap the older generations' collections walk every live object: about a third of the first
call after a write went to collections that found nothing, since tuples of numbers and
strings make no cycles. Paused for the read, the collector runs as usual afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the collector for the block (the interpreter's, so other threads' too, briefly);
    it is enabled again only if it was enabled before, so nested or concurrent pauses never
    leave it off once the last of them ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
