"""Stance on the constructions the fourteenth held-out batch read wrong (session 30): a refused
trade keeps what would be traded, a negator reaches past the words that put the act on someone
else ("should not be asked to give up"), an office said to be unable whoever holds it ("no
government could ..."), a foreign force said to draw its senders into the war, a step bound to
the other side's conduct, and verdicts by a figure of ruin or of show. The rules alone, on
sentences written for these tests, each with a case where the construction is absent."""

from __future__ import annotations

import pytest

from redline.extract.stance import StanceClassifier
from redline.knowledge.actors import load_actors
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues(), load_actors().state_names())


def _reads(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # the tribunal is kept: against the amnesty
        ("the government would not trade the tribunal for a quicker ceasefire", "amnesty_justice", "oppose"),
        (
            "our negotiators will never trade away accountability for the deportations",
            "amnesty_justice",
            "oppose",
        ),
        # the point's own concession refused stays a refusal
        ("we will not trade land for a ceasefire", "territory", "oppose"),
        # without a negation the wording reads as before
        ("the government wants the tribunal to sit in The Hague", "amnesty_justice", "oppose"),
    ],
)
def test_a_refused_trade_keeps_what_it_would_give(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    _reads(rules, content, issue, stance)


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        ("Ukraine should not be made to give up the towns its soldiers defend", "territory", "oppose"),
        ("Kyiv must not be pressured to withdraw from the hills it holds", "territory", "oppose"),
        ("Ukraine should be made to give up the towns its soldiers defend", "territory", "support"),
    ],
)
def test_a_negator_reaches_past_an_imposed_act(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    _reads(rules, content, issue, stance)


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        ("no Ukrainian president could sign a withdrawal from the southern coast", "territory", "oppose"),
        ("the Ukrainian president could sign a withdrawal from the southern coast", "territory", "support"),
    ],
)
def test_an_office_said_to_be_unable_refuses(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    _reads(rules, content, issue, stance)


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # NOTES: the plan keeps foreign troops out of Ukraine; a verdict against them backs it
        ("Western soldiers sent to Ukraine would be a legitimate target", "nato", "support"),
        ("foreign troops in Ukraine would make their countries parties to the conflict", "nato", "support"),
        # backing the force resists the point
        ("we would welcome foreign troops in Ukraine", "nato", "oppose"),
    ],
)
def test_a_force_said_to_join_the_war_is_turned_down(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    _reads(rules, content, issue, stance)


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        ("any easing of sanctions has to be tied to Moscow's compliance", "sanctions_economy", "conditional"),
        (
            "sanctions relief contingent on the truce holding is something we can discuss",
            "sanctions_economy",
            "conditional",
        ),
        ("any easing of sanctions has to come quickly", "sanctions_economy", "support"),
    ],
)
def test_a_step_bound_to_conduct_is_conditional(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    _reads(rules, content, issue, stance)


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        ("the guarantees section is the part that will sink the whole deal", "security_guarantees", "oppose"),
        ("the amendments to the draft plan are cosmetic", "plan_overall", "oppose"),
        ("the amendments to the draft plan are substantial", "plan_overall", "neutral"),
    ],
)
def test_verdicts_by_figure(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    _reads(rules, content, issue, stance)
