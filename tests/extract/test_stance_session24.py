"""Stance on new coverage (issue 9, session 24): a foreign force in Ukraine under any name is
what the nato proposition rules out, terms on a refusal to sign "a X that ...", a frame a step
may only be taken under, and verdicts on how the talks are going. The rules alone, on sentences
written for these tests, with a negative case for each: the construction must decide where it
is, and nothing change where it is not."""

from __future__ import annotations

import pytest

from redline.extract.stance import TERMS, StanceClassifier
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues())


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # backing the force resists the proposition that no foreign troops are stationed
        ("Lisbon is ready to contribute to the reassurance force", "oppose"),
        ("the ministers agreed on a multinational force for the day after", "oppose"),
        # turning it down backs it
        ("Moscow will never accept peacekeepers from NATO states", "support"),
    ],
)
def test_a_foreign_force_is_the_counter_proposition(
    rules: StanceClassifier, content: str, stance: str
) -> None:
    assert rules.explain(content, ["nato"]).stance == stance


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        ("the cabinet would not sign a grain deal that leaves the ports under Russian guns", "ceasefire"),
        ("we cannot accept a settlement that is written over the heads of Ukrainians", "plan_overall"),
        ("the parliament will not sign up to a treaty that nobody can enforce", "security_guarantees"),
    ],
)
def test_a_refusal_to_sign_a_kind_of_deal_is_terms(rules: StanceClassifier, content: str, issue: str) -> None:
    result = rules.explain(content, [issue])
    assert (result.stance, TERMS in result.tags) == ("conditional", True), result.reason


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # the clause after "that" names the issue's own point: the refusal is of the point
        ("Kyiv will not sign a deal that requires giving up land in the east", "territory"),
        # a plain refusal with no clause defining what is refused
        ("the government would not sign the deal", "plan_overall"),
        # signing a text that says something, with no refusal
        ("the ministers signed a statement that the talks would go on", "plan_overall"),
    ],
)
def test_no_terms_where_the_clause_is_the_point_or_absent(
    rules: StanceClassifier, content: str, issue: str
) -> None:
    result = rules.explain(content, [issue])
    assert TERMS not in result.tags, result.reason


def test_only_under_a_frame_is_a_condition(rules: StanceClassifier) -> None:
    said = "Madrid could send engineers only under a mandate from the Security Council"
    assert rules.explain(said, ["nuclear_plant"]).stance == "conditional"
    # "under" alone is no condition
    said = "Madrid sent engineers to the plant under a mandate from the Security Council"
    assert rules.explain(said, ["nuclear_plant"]).stance != "conditional"
    # nor a time limit counted from an event: that demands the step
    said = "a vote should be held within ninety days of the truce"
    assert rules.explain(said, ["elections_legitimacy"]).stance != "conditional"


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # a verdict on how the talks are going is a position on the negotiations
        ("the atmosphere in the room had improved since the spring", "support"),
        ("that both sides still turn up is not nothing", "support"),
        ("the Vienna format has run its course", "oppose"),
    ],
)
def test_verdicts_on_the_talks(rules: StanceClassifier, content: str, stance: str) -> None:
    result = rules.explain(content, ["process"])
    assert result.stance == stance, result.reason
    assert "appraisal" in result.tags


def test_no_verdict_without_its_words(rules: StanceClassifier) -> None:
    # a report of the calendar takes no side; "nothing" alone negates
    assert rules.explain("the delegations will meet again in the spring", ["process"]).stance == "neutral"
    assert rules.explain("nothing was agreed on the venue", ["process"]).stance != "support"


def test_a_state_of_exhaustion_is_no_verdict(rules: StanceClassifier) -> None:
    # an army or an economy worn out is a state, not a verdict that the talks have run their course
    said = "the war would only end once Russia was economically exhausted"
    assert rules.explain(said, ["ceasefire"]).stance != "oppose"
    assert "appraisal" not in rules.explain("the troops are exhausted", ["process"]).tags
