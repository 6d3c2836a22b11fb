"""How redline measures itself against annotated text: the span matching of the reference scorer
and the dealing of documents into cross-validation folds.

``redline train`` (``training``, ``train_sample``) and the benchmark scripts both match system
statements to gold attributions and deal articles into folds; one home for each rule keeps a
figure from one computed as the other computes it. An annotated article is read
into a ``Document`` one way too (``documents``). The matching rule is the scorer's
(``../shared/eval/score.py``): a system statement matches the unused gold attribution whose
content shares the most tokens with it, counted over the shorter span, when that is at least half.
Pure functions without third-party imports, so a benchmark that only extracts need not load
scikit-learn to use them.
"""

from __future__ import annotations

import random
import re
from collections.abc import Container, Iterable, Sequence
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any

from redline.model import Document

MATCH_SHARE = 0.5  # the scorer's bar: shared tokens over the shorter span
_TOKEN = re.compile(r"\w+", re.UNICODE)  # the scorer's tokens


def documents(articles: Iterable[dict[str, Any]]) -> list[Document]:
    """Annotated articles (the talks set's shape: id, text, and optionally published, title, url,
    outlet) as the documents extraction reads, so every figure extracts the same input."""
    return [
        Document(
            id=str(a["id"]),
            text=a["text"],
            published=date.fromisoformat(a["published"]) if a.get("published") else None,
            title=a.get("title"),
            url=a.get("url"),
            outlet=a.get("outlet"),
        )
        for a in articles
    ]


def span_tokens(text: str, start: int, end: int) -> set[int]:
    """The span's tokens as the scorer counts them: the starts of the words wholly inside it."""
    return {m.start() for m in _TOKEN.finditer(text) if m.start() >= start and m.end() <= end}


def overlap(gold: AbstractSet[int], predicted: AbstractSet[int]) -> float:
    """Shared tokens over the shorter span's (0 when either is empty)."""
    if not gold or not predicted:
        return 0.0
    return len(gold & predicted) / min(len(gold), len(predicted))


def best_match(
    predicted: AbstractSet[int], gold: Sequence[AbstractSet[int]], used: Container[int] = ()
) -> int | None:
    """The index of the gold span ``predicted`` matches, skipping ``used`` ones: the largest
    overlap (the first on a tie) when it reaches ``MATCH_SHARE``, else None.

    Greedy in the caller's order of predictions, as the scorer is; what a match uses up (one gold
    item, or every item sharing its content) is the caller's rule."""
    best, best_ov = None, 0.0
    for i, gt in enumerate(gold):
        if i in used:
            continue
        ov = overlap(gt, predicted)
        if ov > best_ov:
            best, best_ov = i, ov
    return best if best is not None and best_ov >= MATCH_SHARE else None


def folds(ids: Sequence[str], k: int, seed: int) -> list[list[str]]:
    """The document ids shuffled with ``seed`` and dealt into ``k`` folds (fewer with fewer ids).

    The order of ``ids`` is part of the deal: pass them sorted for a split that does not depend
    on where they came from (the benchmarks do)."""
    order = list(ids)
    random.Random(seed).shuffle(order)
    k = max(2, min(k, len(order)))
    return [order[i::k] for i in range(k)]
