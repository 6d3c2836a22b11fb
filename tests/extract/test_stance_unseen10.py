"""Stance on constructions the tenth held-out batch read wrong (issue 9, session 25): a
rejection asked of someone else ("urged the government to reject the plan"), terms said by a
clause's first word (", provided ..."), a point accepted inside a bargain ("as part of a
package"), consent said by a litotes or a modal ("would not object", "could live with", "would
back"), and verdicts by figure or by consequence ("dressed up as", "a loan to the next war",
"would empty the towns", "the easiest win"). The rules alone, on sentences written for these
tests, each with a case where the construction is absent and nothing changes."""

from __future__ import annotations

import pytest

from redline.extract.stance import REJECTION, StanceClassifier
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues())


@pytest.mark.parametrize(
    ("content", "cue"),
    [
        ("the government to reject the proposal for a buffer zone along the border", "urged"),
        ("parliament to turn down the plan for a demilitarised zone", "have asked"),
        ("the president to reject the offer of a buffer zone", "called on"),
    ],
)
def test_a_rejection_asked_of_someone_is_the_speakers_own(
    rules: StanceClassifier, content: str, cue: str
) -> None:
    result = rules.explain(content, ["territory"], cue)
    assert (result.stance, REJECTION in result.tags) == ("oppose", True), result.reason


@pytest.mark.parametrize(
    ("content", "cue"),
    [
        # not asked: a forecast or another's act, not the speaker's rejection of the proposal
        ("the government to reject the proposal for a buffer zone along the border", "expected"),
        ("the government had rejected the proposal for a buffer zone", "asked"),
    ],
)
def test_a_rejection_not_asked_for_is_not_the_speakers(
    rules: StanceClassifier, content: str, cue: str
) -> None:
    assert REJECTION not in rules.explain(content, ["territory"], cue).tags


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        (
            "the army could live with a cap on its troops for a few years, provided the partners keep "
            "sending weapons",
            "military_limits",
        ),
        (
            "the cabinet could accept a ceiling on the army as part of a package with firm guarantees",
            "military_limits",
        ),
        (
            "Washington would not object if the two sides chose a lower ceiling on the army",
            "military_limits",
        ),
        (
            "Paris would back the opening of the next negotiating chapters once the reforms are done",
            "eu_membership",
        ),
    ],
)
def test_consent_on_terms_is_conditional(rules: StanceClassifier, content: str, issue: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == "conditional", result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # "provided" as a verb lays no terms
        ("the allies provided the weapons the army needed to hold the line", "military_limits", "neutral"),
        # the same consent without terms is support
        ("the army could live with a cap on its troops", "military_limits", "support"),
        ("Paris would back the opening of the next negotiating chapters", "eu_membership", "support"),
    ],
)
def test_no_terms_no_condition(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        ("the offer of guarantees is coercion dressed up as a gift", "security_guarantees", "oppose"),
        (
            "each sanction lifted before the withdrawal is a loan to the next war",
            "sanctions_economy",
            "oppose",
        ),
        ("the buffer zone would empty the border towns", "territory", "oppose"),
        ("a monitored plant is the easiest win in the whole agreement", "plan_overall", "support"),
    ],
)
def test_verdicts_by_figure_and_consequence(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # the next war prevented, not prepared: no verdict against
        ("the guarantees are meant to prevent the next war", "security_guarantees", "neutral"),
        ("the buffer zone would keep the border towns safe", "territory", "support"),
    ],
)
def test_no_figure_no_verdict(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason
