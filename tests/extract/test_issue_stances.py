"""A stance per issue (``StatementClassifier.further_stances``, ``Decision.issue_stances``): a
statement filed under several issues takes a side on each issue's own proposition. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from redline.extract.classify import Decision, StatementClassifier
from redline.extract.features import StatementInput
from redline.knowledge.issues import load_issues
from redline.model import Span, Statement

GUARANTEES_THEN_NATO = ["security_guarantees", "nato"]


@pytest.fixture(scope="module")
def rules() -> StatementClassifier:
    return StatementClassifier(load_issues())


def _further(classifier: StatementClassifier, text: str, party: str, first: str) -> tuple[str, str]:
    item = StatementInput(text, context=text, cue="said", party=party)
    rule = classifier.rule_reading(item, GUARANTEES_THEN_NATO)
    stance, by, _why = classifier.further_stances(item, GUARANTEES_THEN_NATO, rule, first)["nato"]
    return stance, by


def test_a_refusal_of_foreign_troops_opposes_the_guarantee_and_supports_the_nato_point(
    rules: StatementClassifier,
) -> None:
    # the plan's NATO point stations no troops in Ukraine: refusing them backs it, while the
    # guarantee the plan frames as a Western force is what the speaker turns down
    text = "The Kremlin will never accept foreign troops stationed in Ukraine as a guarantee"
    item = StatementInput(text, context=text, cue="said", party="russia")
    assert rules.rule_reading(item, GUARANTEES_THEN_NATO).stance == "oppose"
    assert _further(rules, text, "russia", "oppose") == ("support", "rule")


def test_a_wish_to_join_nato_supports_the_guarantee_and_opposes_the_nato_point(
    rules: StatementClassifier,
) -> None:
    text = "Our wish has always been to join NATO, which is the only real security guarantee"
    assert _further(rules, text, "ukraine", "support") == ("oppose", "rule")


def test_a_further_issue_the_rules_read_nothing_of_shares_the_first_stance(
    rules: StatementClassifier,
) -> None:
    # no wording of the NATO point: the first issue's stance (which the models may have read) is kept
    text = "Europe is ready to give Ukraine guarantees that would hold"
    assert _further(rules, text, "europe", "conditional") == ("conditional", "first issue")


def test_a_decision_gives_every_issue_its_stance_and_explains_the_further_ones() -> None:
    further = {"nato": ("support", "rule", "never=+1.5")}
    d = Decision(GUARANTEES_THEN_NATO, "oppose", "rule", "", "rule", "", 1.0, further)
    assert d.issue_stances == {"security_guarantees": "oppose", "nato": "support"}
    assert d.explain()["issue_stances"]["nato"] == {
        "stance": "support",
        "decided_by": "rule",
        "why": "rule: never=+1.5",
    }


def test_the_extraction_json_adds_issue_stances_and_keeps_stance() -> None:
    st = Statement(
        "s1",
        "d1",
        Span("no foreign troops", 0, 17),
        "direct",
        issues=GUARANTEES_THEN_NATO,
        stance="oppose",
        issue_stances={"nato": "support"},
    )
    out = st.to_dict()
    assert out["stance"] == "oppose"
    assert out["issue_stances"] == {"security_guarantees": "oppose", "nato": "support"}
    assert Statement.from_dict(out, "d1").stance_on("nato") == "support"
    # an extraction made before the field existed: every issue has the first issue's stance
    del out["issue_stances"]
    assert Statement.from_dict(out, "d1").stance_on("nato") == "oppose"
