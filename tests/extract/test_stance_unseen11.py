"""Stance on the conditions and refusals the eleventh held-out batch read wrong (issue 9,
session 26): a step taken only with backing behind it ("only with American air cover"), a step
held back until another is taken ("will not discuss ... before a ceasefire has held"), a step
dated by another's ("on the day the parliament votes"), a restrictive "only" on who qualifies
("only those whose families come"), and a proposal turned down by the speaker's own state named
by its capital ("Kyiv had turned down a proposal", said by a Ukrainian official). The rules
alone, on sentences written for these tests, each with a case where the construction is absent
and nothing changes."""

from __future__ import annotations

import pytest

from redline.extract.stance import REJECTION, StanceClassifier
from redline.knowledge.actors import load_actors
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues(), load_actors().state_names())


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        ("Rome would send engineers to Ukraine only with American air cover behind them", "nato"),
        ("Oslo would deploy a battalion only with the allies' consent", "security_guarantees"),
        (
            "the union will not talk about lifting sanctions before a ceasefire has held for a month",
            "sanctions_economy",
        ),
        ("the cabinet would not unfreeze the reserves until the shelling stops", "sanctions_economy"),
        (
            "Kyiv would sign the security annex on the day the parliament in Berlin votes for it",
            "security_guarantees",
        ),
        ("Moscow would free only those whose relatives travel to collect them", "humanitarian"),
        ("Moscow would release only prisoners whose families apply in person", "humanitarian"),
    ],
)
def test_a_step_on_terms_is_conditional(rules: StanceClassifier, content: str, issue: str) -> None:
    result = rules.explain(content, [issue], "said")
    assert result.stance == "conditional", result.reason


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # the same steps with no terms laid on them
        ("Rome sent engineers to Ukraine with American air cover behind them", "nato"),
        ("Moscow would release all prisoners", "humanitarian"),
        ("Kyiv would sign the security annex next week", "security_guarantees"),
    ],
)
def test_a_step_without_terms_is_not_conditional(rules: StanceClassifier, content: str, issue: str) -> None:
    assert rules.explain(content, [issue], "said").stance != "conditional"


def test_the_speakers_own_capital_turning_down_a_proposal_is_the_speakers_rejection(
    rules: StanceClassifier,
) -> None:
    content = "Kyiv had turned down a proposal to tie the exchange of prisoners to an amnesty"
    result = rules.explain(content, ["amnesty_justice"], "said", "ukraine")
    assert (result.stance, REJECTION in result.tags) == ("oppose", True), result.reason


@pytest.mark.parametrize("party", ["russia", None])
def test_another_states_rejection_is_not_the_speakers(rules: StanceClassifier, party: str | None) -> None:
    content = "Kyiv had turned down a proposal to tie the exchange of prisoners to an amnesty"
    assert REJECTION not in rules.explain(content, ["amnesty_justice"], "said", party).tags


def test_party_places_name_each_side_by_its_capital() -> None:
    places = load_actors().state_names()
    assert "kyiv" in places["ukraine"] and "moscow" in places["russia"]
    assert "kyiv" not in places["russia"]
