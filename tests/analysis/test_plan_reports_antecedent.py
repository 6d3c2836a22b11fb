"""A reported change to "this clause": the clause is the one the text named just before
(benchmarks/reported_changes.py, the one real change that was missed)."""

from __future__ import annotations

import pytest
from negotiation_builders import EXAMPLES

from redline.analysis.plan_reports import find_reported_changes
from redline.analysis.plans import load_plan
from redline.knowledge.plan_changes import ChangeLexicon, load_change_lexicon
from redline.model import PlanVersion, Span, Statement

AMNESTY = (
    "The first 28-point draft angered Kyiv, not least for a point that would have granted, "
    "in broad terms, a full amnesty for actions during the war. "
)
PASSAGE = AMNESTY + "Diplomats in Geneva said this clause had since been dropped."
REMOVED = "this clause had since been dropped"


@pytest.fixture(scope="module")
def lexicon() -> ChangeLexicon:
    return load_change_lexicon()


@pytest.fixture(scope="module")
def draft() -> PlanVersion:
    return load_plan(EXAMPLES / "draft-28-points.md", plan="peace", label="28-point")


def at(text: str, content: str, issues: tuple[str, ...] = ("amnesty_justice",), doc: str = "d1") -> Statement:
    """A statement of ``content`` at its place in ``text``."""
    start = text.index(content)
    return Statement(
        id=f"{doc}:{start}",
        document_id=doc,
        content=Span(content, start, start + len(content)),
        kind="indirect",
        issues=list(issues),
    )


def test_this_clause_is_the_point_named_in_the_sentence_before(
    lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    changes = find_reported_changes([at(PASSAGE, REMOVED)], draft, lexicon, {"d1": PASSAGE})
    assert [(c.change, c.point, c.target) for c in changes] == [("removed", "27", "this clause")]
    # the words that named the clause are kept as evidence beside the quote
    assert changes[0].antecedent is not None and "amnesty" in changes[0].antecedent
    assert changes[0].quote == REMOVED


def test_without_the_text_before_this_clause_names_nothing(
    lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    assert find_reported_changes([at(PASSAGE, REMOVED)], draft, lexicon) == []


def test_a_sentence_before_that_names_no_part_gives_no_point(
    lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    # "28-point" names the whole draft, not a part of it; nothing else before is a clause
    text = "Kyiv angered Moscow over the 28-point draft and a full amnesty. " + REMOVED + "."
    assert find_reported_changes([at(text, REMOVED)], draft, lexicon, {"d1": text}) == []


def test_a_statement_not_at_its_offsets_is_read_alone(lexicon: ChangeLexicon, draft: PlanVersion) -> None:
    s = at(PASSAGE, REMOVED)
    other = "x" * len(PASSAGE)  # another text under the same id: the span is not there
    assert find_reported_changes([s], draft, lexicon, {"d1": other}) == []


def test_that_point_names_the_last_part_named_before_it(lexicon: ChangeLexicon, draft: PlanVersion) -> None:
    text = (
        AMNESTY + "Critics also singled out the provision on elections within 100 days. "
        "Officials said that provision was removed."
    )
    s = at(text, "that provision was removed", issues=("elections_legitimacy",))
    assert [(c.change, c.point) for c in find_reported_changes([s], draft, lexicon, {"d1": text})] == [
        ("removed", "26")
    ]


def test_an_item_with_words_of_its_own_is_matched_by_them(lexicon: ChangeLexicon, draft: PlanVersion) -> None:
    # the text before names another clause: the statement's own words decide
    text = AMNESTY + "Officials said the clause on elections within 100 days had been dropped."
    s = at(text, "the clause on elections within 100 days had been dropped", issues=("elections_legitimacy",))
    assert [
        (c.change, c.point, c.antecedent) for c in find_reported_changes([s], draft, lexicon, {"d1": text})
    ] == [("removed", "26", None)]
