"""Stance on the constructions of the fifteenth batch (session 31): a ceasefire refused until the
other side has taken a step of the settlement (oppose, as the talks gold reads a refusal of a
ceasefire; terms of the truce itself stay conditional), the ceasefire demanded as the first step
(support), a part of a text accepted with an exception (the exception decides; on the plan as a
whole, conditional) and a foreign force called a target rather than a guarantee. The rules alone,
on sentences written for these tests, each class with a near miss that reads otherwise."""

from __future__ import annotations

import pytest

from redline.extract.stance import BOUNDED, HELD, TERMS, StanceClassifier
from redline.knowledge.actors import load_actors
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues(), load_actors().state_names())


@pytest.mark.parametrize(
    "content",
    [
        "there will be no truce until the Ukrainian brigades pull out of the Kherson bridgehead",
        "Moscow would not agree to a ceasefire until Kyiv has withdrawn from the rest of the region",
        "no ceasefire until Kyiv leaves Donetsk and the land question is closed",
        "the fighting will not be halted before the withdrawal is complete",
    ],
)
def test_a_ceasefire_refused_until_a_step_of_the_settlement_is_oppose(
    rules: StanceClassifier, content: str
) -> None:
    result = rules.explain(content, ["ceasefire"])
    assert (result.stance, HELD in result.tags) == ("oppose", True), result.reason


@pytest.mark.parametrize(
    "content",
    [
        # terms of the truce itself: what it must halt, who watches it
        "Kyiv would not sign a sea truce unless the strikes on its grain terminals stop",
        "we will not accept a ceasefire without monitors on the line",
        # a deal that "leaves" something is no step of the settlement
        "the cabinet would not sign a truce that leaves the ports under the guns",
    ],
)
def test_a_ceasefire_refused_on_its_own_terms_stays_conditional(
    rules: StanceClassifier, content: str
) -> None:
    result = rules.explain(content, ["ceasefire"])
    assert (result.stance, TERMS in result.tags) == ("conditional", True), result.reason


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # the ceasefire put after the other side's withdrawal: refused as the plan offers it
        ("a ceasefire could begin only after the Ukrainian units had left the district", "oppose"),
        ("the truce would come only once the troops have pulled back from the river", "oppose"),
        # put after something that is part of the truce: a condition
        ("a ceasefire could begin only after the monitors are in place", "conditional"),
        # an offer bound to a term in the same text, not an order of steps
        (
            "Moscow could accept a truce along the line only if the pullout is written into the same text",
            "conditional",
        ),
    ],
)
def test_a_ceasefire_put_after_a_step_of_the_settlement_is_oppose(
    rules: StanceClassifier, content: str, stance: str
) -> None:
    result = rules.explain(content, ["ceasefire"])
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ("the guns must fall silent first, and then we can talk about the map", "support"),
        ("first the guns fall silent, then the borders", "support"),
        ("a truce had to come first and the borders second", "support"),
        # the same words refused until a withdrawal
        ("the guns will not fall silent until Kyiv leaves the region", "oppose"),
    ],
)
def test_the_ceasefire_as_the_first_step_is_support(
    rules: StanceClassifier, content: str, stance: str
) -> None:
    assert rules.explain(content, ["ceasefire"]).stance == stance


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # the exception is a point of its own: refused
        (
            "we could accept most of the draft, but not an amnesty that forgives the shelling",
            "amnesty_justice",
            "oppose",
        ),
        (
            "Most of the aid chapter is fine with us, but not a fund that hands Moscow a share of the income",
            "sanctions_economy",
            "oppose",
        ),
        # the plan as a whole: accepted on terms
        (
            "we could accept most of the draft, but not a clause that forgives the shelling",
            "plan_overall",
            "conditional",
        ),
    ],
)
def test_a_part_accepted_with_an_exception_is_read_from_the_exception(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    result = rules.explain(content, [issue])
    assert (result.stance, BOUNDED in result.tags) == (stance, True), result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # no exception: the acceptance stands
        ("we accept most of the draft", "plan_overall", "support"),
        # a part of something that happened, not of a text accepted
        ("most of the prisoners came home, but not the ones taken at the plant", "humanitarian", "neutral"),
    ],
)
def test_a_part_without_acceptance_and_exception_is_no_partial_acceptance(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    result = rules.explain(content, [issue])
    assert (result.stance, BOUNDED in result.tags) == (stance, False), result.reason


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # a Western force called a target: Russia's rejection of foreign troops, the plan's point
        ("European soldiers would be a target, not a guarantee", "support"),
        # the same force welcomed as a guarantee: against the plan's point
        ("European soldiers in Ukraine would be a real guarantee", "oppose"),
    ],
)
def test_a_foreign_force_called_a_target_backs_the_plan(
    rules: StanceClassifier, content: str, stance: str
) -> None:
    assert rules.explain(content, ["nato"]).stance == stance
