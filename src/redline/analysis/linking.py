"""Which plan points a statement concerns.

A statement names a point by its substance ("the 600,000 cap on the army"), rarely by its
number, and it is tagged with issues that points carry too. So a link is scored by lexical
similarity with the point's text (TF-IDF over the points and statements at hand, on
normalised tokens) plus the overlap of issues; links need some shared wording, are
thresholded and capped at ``top_k`` per statement, because a statement about "territory"
concerns the territorial points, not every point that mentions Ukraine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redline.analysis.textsim import TfIdf, tokens
from redline.model import Point, Statement

__all__ = [
    "LinkOptions",
    "PointLink",
    "PointMatcher",
    "issue_overlap",
    "link_statements",
]


@dataclass(frozen=True, slots=True)
class LinkOptions:
    threshold: float = 0.22  # combined score a link must reach
    min_lexical: float = 0.08  # some shared wording is needed whatever the issues say
    issue_weight: float = 0.35
    top_k: int = 3


@dataclass(frozen=True, slots=True)
class PointLink:
    """A statement's link to one point, with the evidence for it."""

    statement_id: str
    number: str
    score: float
    lexical: float
    issue_overlap: float


def issue_overlap(statement_issues: Sequence[str], point_issues: Sequence[str]) -> float:
    """Share of the statement's issues (plan_overall aside) that the point carries."""
    own = {i for i in statement_issues if i != "plan_overall"}
    if not own or not point_issues:
        return 0.0
    return len(own & set(point_issues)) / len(own)


class PointMatcher:
    """The points of one version, ready to be matched against any number of texts."""

    def __init__(self, points: Sequence[Point], texts: Sequence[str] = ()) -> None:
        self.points = list(points)
        self._tokens = [tokens(f"{p.text}") for p in self.points]
        self.space = TfIdf(self._tokens + [tokens(t) for t in texts])

    def lexical(self, text: str) -> list[float]:
        """Similarity of ``text`` with each point: cosine, or how much of the point it covers."""
        toks = tokens(text)
        return [
            max(self.space.cosine(toks, p), 0.8 * self.space.containment(p, toks) if len(p) > 2 else 0.0)
            for p in self._tokens
        ]

    def containment(self, text: str) -> list[float]:
        """How much of ``text``'s weight each point covers (for short phrases naming a point)."""
        toks = tokens(text)
        return [self.space.containment(toks, p) for p in self._tokens]


def link_statements(
    statements: Sequence[Statement], points: Sequence[Point], options: LinkOptions | None = None
) -> dict[str, list[PointLink]]:
    """For each statement id, the points it concerns, best first (statements with none are absent)."""
    opt = options or LinkOptions()
    matcher = PointMatcher(points, [s.content.text for s in statements])
    links: dict[str, list[PointLink]] = {}
    for s in statements:
        found: list[PointLink] = []
        for point, lex in zip(matcher.points, matcher.lexical(s.content.text), strict=True):
            if lex < opt.min_lexical:
                continue
            overlap = issue_overlap(s.issues, point.issues)
            score = (1 - opt.issue_weight) * lex + opt.issue_weight * overlap
            if score >= opt.threshold:
                found.append(PointLink(s.id, point.number, round(score, 3), round(lex, 3), round(overlap, 3)))
        if found:
            found.sort(key=lambda link: -link.score)
            links[s.id] = found[: opt.top_k]
    return links
