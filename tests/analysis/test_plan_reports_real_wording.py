"""Reported changes worded as real coverage words them (benchmarks/reported_changes.py): a figure
names its clause, words saying which text name no point, and an addition names a text."""

from __future__ import annotations

import pytest
from negotiation_builders import EXAMPLES, MakeStatement

from redline.analysis.plan_reports import find_reported_changes
from redline.analysis.plans import load_plan
from redline.knowledge.plan_changes import ChangeLexicon, load_change_lexicon
from redline.model import PlanVersion, Statement


@pytest.fixture(scope="module")
def lexicon() -> ChangeLexicon:
    return load_change_lexicon()


@pytest.fixture(scope="module")
def draft() -> PlanVersion:
    return load_plan(EXAMPLES / "draft-28-points.md", plan="peace", label="28-point")


def found(s: Statement, draft: PlanVersion, lexicon: ChangeLexicon) -> list[tuple[str, str | None]]:
    return [(c.change, c.point) for c in find_reported_changes([s], draft, lexicon)]


def test_a_figure_names_the_one_clause_that_has_it(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement("The plan has since been reworked, scrapping the 600,000 ceiling on the military")
    assert found(s, draft, lexicon) == [("removed", "6")]


def test_words_saying_which_text_name_no_point(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement("The updated peace plan has been reduced to nineteen points", issues=("plan_overall",))
    assert found(s, draft, lexicon) == []
    s = statement("Certain wording of the document may have been revised", issues=("plan_overall",))
    assert found(s, draft, lexicon) == []


def test_an_addition_names_a_text(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement("Washington introduced new export curbs on Moscow", issues=("plan_overall",))
    assert found(s, draft, lexicon) == []
    s = statement("The Europeans introduced a provision on a fund for rebuilding schools")
    assert [c for c, _ in found(s, draft, lexicon)] == ["added"]


def test_an_attribution_after_the_change_is_no_item_of_it(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement("Washington introduced new export curbs on Moscow, the draft's authors said.")
    assert found(s, draft, lexicon) == []  # "the draft's authors said" names no added text
    s = statement("The Europeans introduced a provision on a fund for rebuilding schools, diplomats said")
    assert [c for c, _ in found(s, draft, lexicon)] == ["added"]


def test_a_verb_describing_a_noun_changes_nothing(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement("there were questions about the proposals raised in Europe", issues=("plan_overall",))
    assert found(s, draft, lexicon) == []
    s = statement("the draft was changed, raising the 600,000 cap on the army to 800,000")
    assert found(s, draft, lexicon) == [("modified", "6")]


def test_being_open_to_a_change_is_no_change(
    statement: MakeStatement, lexicon: ChangeLexicon, draft: PlanVersion
) -> None:
    s = statement("Moscow does not object to adding the Europeans' clauses", issues=("plan_overall",))
    assert found(s, draft, lexicon) == []
    s = statement("Kyiv called for scrapping the amnesty clause", issues=("plan_overall",))
    assert found(s, draft, lexicon) == []
    s = statement("The negotiators scrapped the amnesty clause", issues=("plan_overall",))
    assert [c for c, _ in found(s, draft, lexicon)] == ["removed"]
