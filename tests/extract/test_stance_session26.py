"""Stance on new coverage (issue 9, session 26): the wish to join an alliance the plan keeps a
country out of, giving up the resistance to a point ("would give up its bid to join"), misgivings
reported in other words than "concerned", verdicts by consequence ("a gift to the Kremlin",
"would weaken our defence", "would let them walk free"), a step taken only with a mandate and one
accepted only for a limited time. The rules alone, on sentences written for these tests, with a
case for each where nothing must change."""

from __future__ import annotations

import pytest

from redline.extract.stance import StanceClassifier
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues())


@pytest.mark.parametrize(
    "content",
    [
        "our aspiration to join the alliance has not changed",
        "From the first day, the country's desire was to join NATO, and it still is",
        "the president's hope of joining NATO remains",
        "Kyiv wants to join the alliance as soon as the war ends",
    ],
)
def test_the_wish_to_join_resists_renouncing_membership(rules: StanceClassifier, content: str) -> None:
    result = rules.explain(content, ["nato"])
    assert result.stance == "oppose", result.reason


@pytest.mark.parametrize(
    "content",
    [
        "Kyiv would give up its ambition to join NATO",
        "the government renounced its right to join the alliance",
        "Kyiv has dropped its bid to join the alliance",
        "the cabinet agreed to shelve its aspiration to join NATO",
    ],
)
def test_giving_up_the_resistance_is_a_step_toward_the_point(rules: StanceClassifier, content: str) -> None:
    result = rules.explain(content, ["nato"])
    assert result.stance == "support", result.reason
    assert "removal" not in result.tags  # dropping a bid takes no point out of a draft


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # held on to, not given up
        ("Kyiv will never give up its hope of joining NATO", "nato", "oppose"),
        # a point taken out of a draft is still opposition to it
        ("the amended text drops the amnesty", "amnesty_justice", "oppose"),
    ],
)
def test_what_is_not_given_up_reads_as_before(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        ("several governments were wary of any easing of sanctions", "sanctions_economy"),
        ("the ministers were uneasy about a ceiling on the army", "military_limits"),
        ("the capitals were troubled by the amnesty clause", "amnesty_justice"),
        ("the senators were unhappy with the clause that lifts the sanctions", "sanctions_economy"),
    ],
)
def test_reported_misgivings_oppose(rules: StanceClassifier, content: str, issue: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == "oppose", result.reason


@pytest.mark.parametrize(
    ("content", "issue", "party"),
    [
        ("lifting the sanctions now would be a gift to the Kremlin", "sanctions_economy", None),
        ("a cap on the army would weaken the defence of the whole continent", "military_limits", None),
        ("limits on the armed forces would weaken deterrence on the eastern flank", "military_limits", None),
        # the party's prior would say the other side: the consequence decides
        ("a general amnesty would let the torturers walk free", "amnesty_justice", "russia"),
        ("with an amnesty the commanders would go unpunished", "amnesty_justice", "russia"),
    ],
)
def test_a_verdict_by_consequence_opposes(
    rules: StanceClassifier, content: str, issue: str, party: str | None
) -> None:
    result = rules.explain(content, [issue], "said", party)
    assert result.stance == "oppose", result.reason


def test_a_giving_up_negated_further_back_gives_nothing_up(rules: StanceClassifier) -> None:
    # the negator is four words before the verb: the bid is not given up, so it is no support
    result = rules.explain("Kyiv should not be pushed to give up its bid to join NATO", ["nato"])
    assert result.stance != "support" and "given_up" not in result.tags, result.reason


def test_weakening_the_other_side_is_no_verdict_on_sanctions(rules: StanceClassifier) -> None:
    # what sanctions are meant to do: backing them stays opposition to relief, not a turn to it
    result = rules.explain("tougher sanctions would weaken the Russian war economy", ["sanctions_economy"])
    assert result.stance == "oppose", result.reason
    assert "negative" not in result.tags


@pytest.mark.parametrize(
    "content",
    [
        "Rome would join the force only with a UN mandate",
        "the country would send engineers only with an invitation from the government in Kyiv",
    ],
)
def test_a_step_taken_only_with_a_mandate_is_conditional(rules: StanceClassifier, content: str) -> None:
    result = rules.explain(content, ["security_guarantees"])
    assert result.stance == "conditional", result.reason


def test_a_gift_to_no_one_is_no_verdict_by_figure(rules: StanceClassifier) -> None:
    result = rules.explain("the new package was a gift to no one", ["sanctions_economy"])
    assert "negative" not in result.tags, result.reason


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        ("the ministry would accept an outside operator only for a limited time", "nuclear_plant"),
        ("the government would allow monitors only for a transition period of two years", "ceasefire"),
    ],
)
def test_a_step_accepted_for_a_bounded_time_only_is_conditional(
    rules: StanceClassifier, content: str, issue: str
) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == "conditional", result.reason
