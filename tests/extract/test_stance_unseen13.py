"""Stance on the wordings the thirteenth held-out batch read wrong (session 28): acceptance said
as inevitability ("there is no alternative to the deal"), the best of a whole ("the best part of
the package"), a bound said of strength ("as firm as X, and no stronger") and a verdict put off
until a step is taken ("ask me again when ..."). The rules alone, on sentences written for these
tests, each with a case where the construction is absent and the reading stays as it was."""

from __future__ import annotations

import pytest

from redline.extract.stance import StanceClassifier
from redline.knowledge.actors import load_actors
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues(), load_actors().state_names())


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        ("there is no alternative to the peace deal but a longer war", "plan_overall", "support"),
        ("we saw no alternative but to sign the framework", "plan_overall", "support"),
        # its "no" is no negator: what follows is read as said, not refused on terms
        (
            "there was no alternative to passing the guarantee before the summer recess",
            "security_guarantees",
            "support",
        ),
        # without the construction a plain refusal stays one
        ("there was no guarantee before the summer recess", "security_guarantees", "conditional"),
        # a prerequisite keeps its own reading: "no deal" inside "no deal without" is no verdict
        ("there is no deal without a guarantee", "plan_overall", "conditional"),
    ],
)
def test_no_alternative_is_acceptance(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        ("the ceasefire clause is the best part of the whole package", "ceasefire", "support"),
        ("the ceasefire clause is part of the whole package", "ceasefire", "neutral"),
    ],
)
def test_the_best_part_is_praise(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        (
            "the guarantee will be as firm as the allies' readiness to enforce it, and no stronger",
            "security_guarantees",
            "conditional",
        ),
        ("Nobody here is cheering. Ask me again when the hostages are free.", "humanitarian", "conditional"),
        ("Nobody here is cheering about the hostages.", "humanitarian", "neutral"),
    ],
)
def test_bounds_and_verdicts_put_off(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # a demand dated by another step asks for the step
        ("the sanctions must be lifted on the day the treaty takes effect", "sanctions_economy", "support"),
        # a step the speaker would take on that day is still taken on terms
        (
            "we would lift the sanctions on the day the treaty takes effect",
            "sanctions_economy",
            "conditional",
        ),
    ],
)
def test_a_dated_demand_is_no_condition(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason
