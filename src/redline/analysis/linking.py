"""Which plan points a statement concerns.

A statement names a point by its substance ("the 600,000 cap on the army", "frozen assets",
"elections within 100 days"), rarely by its number, and it is tagged with issues that points
carry too. A point's *specific terms* are the words and figures that few other points of the
version use ("cap", "600000", "frozen", "election"); words that every territorial or security
point shares ("Ukraine", "territory", "security") say which issue, not which point. So a link
needs at least one specific term of the point in the statement, and is scored by the share of
the point's specific weight the statement covers, lexical similarity with the whole point
(TF-IDF over the points and statements at hand) and the overlap of issues; links are
thresholded and capped at ``top_k`` per statement. Without specific terms, an issue alone links
nothing: a remark on "territory" is about the issue, and would otherwise fall to whichever
territorial point has the most words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from redline.analysis.textsim import TfIdf, tokens
from redline.model import Point, Statement

_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")  # NATO, IAEA: names that one point alone may carry

__all__ = [
    "LinkOptions",
    "PointLink",
    "PointMatcher",
    "issue_overlap",
    "link_statements",
    "matcher_of",
    "reference",
]


@dataclass(frozen=True, slots=True)
class LinkOptions:
    threshold: float = 0.22  # combined score a link must reach
    min_lexical: float = 0.08  # some shared wording is needed whatever the issues say
    issue_weight: float = 0.35
    top_k: int = 3
    specific_share: float = 0.08  # a term used by at most this share of the points (or one) is specific
    specific_weight: float = 0.4  # weight of the specific-term score in a link's score
    min_specific: int = (
        2  # specific terms a link needs, unless one is a figure or an acronym only that point has
    )
    generic: frozenset[str] = frozenset()  # words never specific (names, agreement vocabulary)


@dataclass(frozen=True, slots=True)
class PointLink:
    """A statement's link to one point, with the evidence for it."""

    statement_id: str
    number: str
    score: float
    lexical: float
    issue_overlap: float
    specific: tuple[str, ...] = ()  # the point's specific terms the statement shares (the evidence)


def issue_overlap(statement_issues: Sequence[str], point_issues: Sequence[str]) -> float:
    """Share of the statement's issues (plan_overall aside) that the point carries."""
    own = {i for i in statement_issues if i != "plan_overall"}
    if not own or not point_issues:
        return 0.0
    return len(own & set(point_issues)) / len(own)


class PointMatcher:
    """The points of one version, ready to be matched against any number of texts.

    Words are weighed against the points and ``texts`` (the statements being linked: words
    common in them weigh less), or by a ``space`` fitted before (``reference``), which makes a
    statement's links the same whichever statements it is linked with. Each point's tokens,
    vector and specific terms are computed once, and an index from specific terms to points
    leaves only the points a text shares a specific term with to be scored: a link needs one,
    so the others were scored for nothing (a tenth of the points are candidates, if any)."""

    def __init__(
        self,
        points: Sequence[Point],
        texts: Sequence[str] = (),
        specific_share: float = 0.08,
        generic: frozenset[str] = frozenset(),
        space: TfIdf | None = None,
    ) -> None:
        self.points = list(points)
        self._tokens = [tokens(p.english) for p in self.points]
        self.space = space or TfIdf(self._tokens + [tokens(t) for t in texts])
        df: dict[str, int] = {}
        for toks in self._tokens:
            for t in set(toks):
                df[t] = df.get(t, 0) + 1
        limit = max(2, int(specific_share * len(self.points)))
        stop = {t for word in generic for t in tokens(word)}
        self._df = df
        self._names = {t for p in self.points for word in _ACRONYM.findall(p.english) for t in tokens(word)}
        self._specific = [
            {t for t in set(toks) if df[t] <= limit and t not in stop and len(t) > 2} for toks in self._tokens
        ]
        idf = self.space.idf
        self._specific_total = [sum(idf(t) for t in terms) for terms in self._specific]
        self._saturation = 3 * idf("")
        self._vectors = [self.space.vector(toks) for toks in self._tokens]
        self._types = [set(toks) for toks in self._tokens]
        self._by_term: dict[str, list[int]] = {}
        for k, terms in enumerate(self._specific):
            for t in terms:
                self._by_term.setdefault(t, []).append(k)

    def names_point(self, term: str) -> bool:
        """Whether ``term`` alone names one point: a figure, or an acronym only one point has."""
        return term[:1].isdigit() or (term in self._names and self._df.get(term, 0) == 1)

    def _specific_of(self, k: int, have: set[str]) -> tuple[float, tuple[str, ...]]:
        terms = self._specific[k]
        shared = tuple(sorted(terms & have))
        total = self._specific_total[k]
        # a point is named by a few of its terms: saturate at three terms' worth of weight
        got = sum(self.space.idf(t) for t in shared)
        return (min(1.0, got / min(total, self._saturation)) if total else 0.0), shared

    def _lexical_of(self, k: int, vec: dict[str, float], have: set[str]) -> float:
        point_vec = self._vectors[k]
        small, large = (vec, point_vec) if len(vec) <= len(point_vec) else (point_vec, vec)
        cosine = sum(v * large.get(t, 0.0) for t, v in small.items())
        if len(self._tokens[k]) <= 2:
            return cosine
        types = self._types[k]
        idf = self.space.idf
        covered = sum(idf(t) for t in types if t in have) / sum(idf(t) for t in types)
        return max(cosine, 0.8 * covered)

    def candidates(self, have: set[str]) -> list[int]:
        """Indexes of the points sharing a specific term with a text of these tokens, in order."""
        return sorted({k for t in have & self._by_term.keys() for k in self._by_term[t]})

    def scores(self, text: str) -> list[tuple[int, float, float, tuple[str, ...]]]:
        """For each point sharing a specific term with ``text``: its index, the lexical score,
        the specific score and the shared specific terms (other points link nothing)."""
        toks = tokens(text)
        have = set(toks)
        found = self.candidates(have)
        if not found:
            return []
        vec = self.space.vector(toks)
        return [(k, self._lexical_of(k, vec, have), *self._specific_of(k, have)) for k in found]

    def specific(self, text: str) -> list[tuple[float, tuple[str, ...]]]:
        """For each point, the share of its specific terms' weight that ``text`` has, and those terms."""
        have = set(tokens(text))
        return [self._specific_of(k, have) for k in range(len(self.points))]

    def lexical(self, text: str) -> list[float]:
        """Similarity of ``text`` with each point: cosine, or how much of the point it covers."""
        toks = tokens(text)
        vec, have = self.space.vector(toks), set(toks)
        return [self._lexical_of(k, vec, have) for k in range(len(self.points))]

    def containment(self, text: str) -> list[float]:
        """How much of ``text``'s weight each point covers (for short phrases naming a point)."""
        toks = tokens(text)
        return [self.space.containment(toks, p) for p in self._tokens]


def link_statements(
    statements: Sequence[Statement],
    points: Sequence[Point] | PointMatcher,
    options: LinkOptions | None = None,
) -> dict[str, list[PointLink]]:
    """For each statement id, the points it concerns, best first (statements with none are absent).

    Words are weighed against the points and these statements (``PointMatcher``)."""
    opt = options or LinkOptions()
    matcher = points if isinstance(points, PointMatcher) else matcher_of(points, statements, opt)
    links: dict[str, list[PointLink]] = {}
    for s in statements:
        found: list[PointLink] = []
        for k, lex, spec, shared in matcher.scores(s.content.text):
            if lex < opt.min_lexical:
                continue
            if len(shared) < opt.min_specific and not any(matcher.names_point(t) for t in shared):
                continue  # one term shared with another point too says which issue, not which point
            point = matcher.points[k]
            overlap = issue_overlap(s.issues, point.issues)
            text_score = (1 - opt.specific_weight) * lex + opt.specific_weight * spec
            score = (1 - opt.issue_weight) * text_score + opt.issue_weight * overlap
            if score >= opt.threshold:
                found.append(
                    PointLink(s.id, point.number, round(score, 3), round(lex, 3), round(overlap, 3), shared)
                )
        if found:
            found.sort(key=lambda link: -link.score)  # stable: equal scores keep the points' order
            links[s.id] = found[: opt.top_k]
    return links


def _known(points: Sequence[Point]) -> list[Point]:
    return [p for p in points if p.text_status != "unknown"]


def matcher_of(
    points: Sequence[Point],
    statements: Sequence[Statement] = (),
    options: LinkOptions | None = None,
    space: TfIdf | None = None,
) -> PointMatcher:
    """The matcher ``link_statements`` links with: the version's points whose text is known,
    words weighed against them and ``statements`` (or by ``space``, a ``reference`` kept)."""
    opt = options or LinkOptions()
    texts = [s.content.text for s in statements] if space is None else []
    return PointMatcher(_known(points), texts, opt.specific_share, opt.generic, space)


def reference(points: Sequence[Point], texts: Iterable[str]) -> TfIdf:
    """The weights ``link_statements`` gives words when linking statements of these ``texts`` all
    at once: kept with a version's links, they link later statements as if they had come with
    these, so a statement links alike in any batch and relinking it changes nothing."""
    point_tokens = [tokens(p.english) for p in _known(points)]
    return TfIdf(chain(point_tokens, (tokens(t) for t in texts)))
