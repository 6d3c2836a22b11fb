"""Lexical similarity between short texts (plan points, statements).

Plan points and statements are short and reworded rather than rewritten, so a TF-IDF
model fitted on the texts being compared, over lightly normalised tokens (lower case,
stop words out, plural and verb endings trimmed, digits grouped), separates "the same
point, reworded" from "another point" well without a language model. Containment (how
much of one text's weight the other covers) is kept apart from the symmetric cosine because
merges and splits are asymmetric: each part is contained in the whole, not equal to it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz

__all__ = [
    "PREFIX",
    "STOP_WORDS",
    "TfIdf",
    "fuzzy_ratio",
    "similarity",
    "stem",
    "tokens",
]

_WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+", re.UNICODE)
_APOSTROPHE = re.compile(r"[’']s\b")

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "upon",
        "over",
        "under",
        "about",
        "as",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "it",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "can",
        "could",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "also",
        "any",
        "all",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "not",
        "no",
        "so",
        "such",
        "only",
        "own",
        "same",
        "other",
        "some",
        "more",
        "most",
        "very",
        "just",
        "i",
        "we",
        "you",
        "he",
        "she",
        "his",
        "her",
        "our",
        "your",
        "us",
        "him",
        "me",
        "my",
        "mine",
        "ours",
        "yours",
        "itself",
        "themselves",
        "per",
        "via",
        "after",
        "before",
        "between",
        "within",
        "without",
        "against",
        "during",
        "since",
        "until",
        "up",
        "down",
        "out",
        "off",
        "again",
        "further",
        "once",
        "here",
        "why",
        "how",
    ]
)


PREFIX = 6  # stems are cut to this many letters: "territorial"/"territory", "Ukraine"/"Ukrainian"


def stem(word: str) -> str:
    """Trim common English inflections so "capped", "caps" and "cap" meet, then cut to ``PREFIX`` letters."""
    return _inflection(word)[:PREFIX] if not word[:1].isdigit() else word


def _inflection(word: str) -> str:
    if len(word) <= 3 or word[0].isdigit():
        return word
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if suffix == "es" and not word.endswith(("ches", "shes", "sses", "xes", "zes")):
                continue
            base = word[: -len(suffix)] + keep
            if keep == "" and len(base) >= 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # capped -> cap, planned -> plan
            return base
    return word


def tokens(text: str, *, keep_stop_words: bool = False) -> list[str]:
    """Normalised content tokens: no stop words, numbers without separators ("600,000" -> "600000")."""
    text = _APOSTROPHE.sub("", text.lower())
    out: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word[0].isdigit():
            out.append(word.replace(",", "").rstrip("."))
        elif keep_stop_words or (word not in STOP_WORDS and len(word) > 1):
            out.append(stem(word))
    return out


class TfIdf:
    """A TF-IDF space fitted on the texts at hand (both versions, or points plus statements)."""

    def __init__(self, corpus: Iterable[Sequence[str]]) -> None:
        docs = [set(toks) for toks in corpus]
        self.size = len(docs)
        df: Counter[str] = Counter()
        for toks in docs:
            df.update(toks)
        self._set(df)

    def _set(self, df: Mapping[str, int]) -> None:
        self.df = dict(df)  # how many texts of the fit have each token: a fit to keep and reuse
        self._idf = {t: math.log((1 + self.size) / (1 + n)) + 1.0 for t, n in df.items()}
        self._default_idf = math.log(1 + self.size) + 1.0

    @classmethod
    def of_counts(cls, df: Mapping[str, int], size: int) -> TfIdf:
        """The space an earlier fit on ``size`` texts made (its ``df``), without the texts."""
        space = cls(())
        space.size = size
        space._set(df)
        return space

    def idf(self, token: str) -> float:
        return self._idf.get(token, self._default_idf)

    def vector(self, toks: Sequence[str]) -> dict[str, float]:
        counts = Counter(toks)
        vec = {t: (1.0 + math.log(c)) * self.idf(t) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {t: v / norm for t, v in vec.items()} if norm else {}

    def cosine(self, a: Sequence[str], b: Sequence[str]) -> float:
        va, vb = self.vector(a), self.vector(b)
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(v * vb.get(t, 0.0) for t, v in va.items())

    def containment(self, part: Sequence[str], whole: Sequence[str]) -> float:
        """Share of ``part``'s IDF weight whose tokens also occur in ``whole``."""
        types = set(part)
        if not types:
            return 0.0
        present = set(whole)
        total = sum(self.idf(t) for t in types)
        return sum(self.idf(t) for t in types if t in present) / total


def fuzzy_ratio(a: Sequence[str], b: Sequence[str]) -> float:
    """Order-insensitive character-level similarity of two token lists, in [0, 1]."""
    if not a or not b:
        return 0.0
    return fuzz.token_sort_ratio(" ".join(a), " ".join(b)) / 100.0


def similarity(space: TfIdf, a: Sequence[str], b: Sequence[str]) -> float:
    """Symmetric similarity: TF-IDF cosine, lifted by character overlap for spelling variants."""
    return max(space.cosine(a, b), 0.5 * space.cosine(a, b) + 0.5 * fuzzy_ratio(a, b) - 0.1)
