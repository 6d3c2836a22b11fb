"""A bare reply to a yes/no question takes its issue and its side from the question
(``extract/answers.py``, ``StatementClassifier.about`` and ``rule_reading``). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from redline.extract.answers import answered
from redline.extract.classify import ANSWER, StatementClassifier
from redline.extract.features import StatementInput
from redline.knowledge.classifiers import load_weights
from redline.knowledge.issues import load_issues

CEDE = "Asked whether Kyiv would hand over the rest of Donetsk to Russia, the president replied: “{}”"


@pytest.mark.parametrize(
    ("content", "context", "question", "negative"),
    [
        ("Never.", CEDE.format("Never."), "Kyiv would hand over the rest of Donetsk to Russia", True),
        (
            "Absolutely not.",
            CEDE.format("Absolutely not."),
            "Kyiv would hand over the rest of Donetsk to Russia",
            True,
        ),
        ("No, never.", CEDE.format("No, never."), "Kyiv would hand over the rest of Donetsk to Russia", True),
        (
            "Of course.",
            CEDE.format("Of course."),
            "Kyiv would hand over the rest of Donetsk to Russia",
            False,
        ),
        (
            "it would not",
            "When asked if Moscow would agree to a month-long truce, the spokesman said it would not.",
            "Moscow would agree to a month-long truce",
            True,
        ),
        (
            "it won't",
            "Pressed on whether the alliance would admit Ukraine, the minister said it won't.",
            "the alliance would admit Ukraine",
            True,
        ),
        (
            "they will",
            "Asked if the envoys would return to Moscow next week, the aide said they will.",
            "the envoys would return to Moscow next week",
            False,
        ),
    ],
)
def test_a_bare_reply_answers_the_question_before_it(
    content: str, context: str, question: str, negative: bool
) -> None:
    answer = answered(content, context)
    assert answer is not None
    assert (answer.question, answer.negative) == (question, negative)


@pytest.mark.parametrize(
    ("content", "context"),
    [
        # a reply with words of its own is read as it stands
        (
            "we are studying the proposal",
            "Asked whether Kyiv would sign, the minister said we are studying the proposal.",
        ),
        # no question before it
        ("Never.", "The president was firm on the eastern regions: “Never.”"),
        # the question comes after the reply
        ("No.", "“No.” That was his answer when asked whether he would resign."),
    ],
)
def test_no_answer_without_a_bare_reply_to_a_question_before_it(content: str, context: str) -> None:
    assert answered(content, context) is None


@pytest.fixture(scope="module")
def combined() -> StatementClassifier:
    weights = load_weights()
    assert weights is not None
    return StatementClassifier(load_issues(), weights)


def _decide(
    classifier: StatementClassifier, content: str, context: str, party: str
) -> tuple[list[str], str, str]:
    decision = classifier.decide(
        StatementInput(content, context=context, cue="replied", party=party, document=context)
    )
    return decision.issues, decision.stance, decision.stance_reason


@pytest.mark.parametrize("rules_only", [False, True])
def test_a_no_to_ceding_land_opposes_the_territory_point(
    combined: StatementClassifier, rules_only: bool
) -> None:
    classifier = StatementClassifier(load_issues()) if rules_only else combined
    issues, stance, reason = _decide(classifier, "Never.", CEDE.format("Never."), "ukraine")
    assert issues[:1] == ["territory"]  # from the question: the reply names nothing
    assert stance == "oppose"
    assert "answers no" in reason


def test_a_yes_to_a_demand_for_land_supports_the_territory_point(combined: StatementClassifier) -> None:
    context = (
        "Asked whether Moscow still insists that Kyiv hand over the rest of Donetsk,"
        " the spokesman replied: “Yes.”"
    )
    issues, stance, _ = _decide(combined, "Yes.", context, "russia")
    assert issues[:1] == ["territory"] and stance == "support"


def test_an_elliptical_no_denies_the_question(combined: StatementClassifier) -> None:
    context = "Asked whether Moscow would agree to a month-long ceasefire, the spokesman said it would not."
    issues, stance, reason = _decide(combined, "it would not", context, "russia")
    assert issues[:1] == ["ceasefire"] and stance == "oppose"
    assert "agree to a month-long ceasefire" in reason


def test_the_answer_is_a_rule_tag(combined: StatementClassifier) -> None:
    item = StatementInput("Never.", context=CEDE.format("Never."), party="ukraine")
    assert ANSWER in combined.rule_reading(item, ["territory"]).tags
    plain = StatementInput(
        "We will never hand over Donetsk.", context="We will never hand over Donetsk.", party="ukraine"
    )
    assert ANSWER not in combined.rule_reading(plain, ["territory"]).tags
