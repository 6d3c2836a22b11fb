"""The matcher scores only the points a text shares a specific term with, from vectors made
once; what it scores must be what scoring every point from scratch gives."""

from __future__ import annotations

from negotiation_builders import MakeStatement

from redline.analysis.linking import (
    LinkOptions,
    PointLink,
    PointMatcher,
    link_statements,
    matcher_of,
    reference,
)
from redline.analysis.textsim import TfIdf, tokens
from redline.model import Point

POINTS = [
    Point("1", "The sovereignty of the country is confirmed by every signatory.", issues=["recognition"]),
    Point("2", "The army is capped at 600,000 soldiers in peacetime.", issues=["military_limits"]),
    Point("3", "Frozen assets fund a reconstruction fund run by the lenders.", issues=["sanctions_economy"]),
    Point("4", "Elections are held within 100 days of signing.", issues=["elections_legitimacy"]),
    Point("5", "A full amnesty covers every side.", issues=["amnesty_justice"]),
    Point("6", "Unknown wording.", issues=["territory"], text_status="unknown"),
]
TEXTS = [
    "the cap of 600,000 on the army is too low, a minister said",
    "frozen assets must pay for reconstruction, not for lenders",
    "elections within 100 days are impossible under martial law",
    "the amnesty for every side is a betrayal",
    "the weather was fine at the talks",
]


def _slow_lexical(matcher: PointMatcher, text: str) -> list[float]:
    """Each point scored from scratch, as the matcher did before it kept vectors and an index."""
    toks = tokens(text)
    space = matcher.space
    return [
        max(space.cosine(toks, p), 0.8 * space.containment(p, toks) if len(p) > 2 else 0.0)
        for p in (tokens(pt.text) for pt in matcher.points)
    ]


def test_kept_vectors_score_as_scoring_from_scratch() -> None:
    matcher = PointMatcher(POINTS, TEXTS)
    for text in TEXTS:
        assert matcher.lexical(text) == _slow_lexical(matcher, text)


def test_only_points_sharing_a_specific_term_are_candidates() -> None:
    matcher = PointMatcher(POINTS, TEXTS)
    scored = matcher.scores(TEXTS[0])
    assert [matcher.points[k].number for k, *_ in scored] == ["2"]
    assert matcher.scores(TEXTS[-1]) == []  # nothing specific shared: no point scored
    lexical = matcher.lexical(TEXTS[0])
    specific = matcher.specific(TEXTS[0])
    for k, lex, spec, shared in scored:
        assert (lex, (spec, shared)) == (lexical[k], specific[k])


def test_a_matcher_made_once_links_as_linking_does(statement: MakeStatement) -> None:
    stmts = [statement(t, issues=("military_limits", "sanctions_economy")) for t in TEXTS]
    opt = LinkOptions(threshold=0.1)
    links = link_statements(stmts, POINTS, opt)
    assert links and "6" not in {lk.number for found in links.values() for lk in found}
    assert link_statements(stmts, matcher_of(POINTS, stmts, opt), opt) == links


def test_kept_weights_link_any_batch_as_linking_all_at_once(statement: MakeStatement) -> None:
    stmts = [statement(t, issues=("military_limits", "sanctions_economy")) for t in TEXTS]
    opt = LinkOptions(threshold=0.1)
    at_once = link_statements(stmts, POINTS, opt)
    kept = reference(POINTS, [s.content.text for s in stmts])
    restored = TfIdf.of_counts(kept.df, kept.size)  # as the store keeps and reads them back
    one_by_one: dict[str, list[PointLink]] = {}
    for s in stmts:
        one_by_one.update(link_statements([s], matcher_of(POINTS, (), opt, restored), opt))
    assert one_by_one == at_once
    # weighed by the batch alone, a statement links otherwise: the weights are what keeps it
    alone = {s.id: link_statements([s], POINTS, opt).get(s.id) for s in stmts}
    assert [alone[s.id] for s in stmts] != [at_once.get(s.id) for s in stmts]
