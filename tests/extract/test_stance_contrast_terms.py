"""Terms laid on a statement by the "but" clause that closes its sentence: reported speech often
ends at a "but" the speaker's words go on past ("the draft is a good start, but some points
still need work"), and what follows makes the support conditional. A clause that reports a
statement of its own ("but warned ..."), a clause after "while", and a clause with no terms in
it leave the reading alone. Sentences written for these tests."""

from __future__ import annotations

import pytest

from redline.extract.classify import StatementClassifier
from redline.extract.features import StatementInput
from redline.extract.stance import StanceClassifier
from redline.knowledge.classifiers import load_weights
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues())


@pytest.fixture(scope="module")
def rules_only() -> StatementClassifier:
    return StatementClassifier(load_issues())


@pytest.fixture(scope="module")
def combined() -> StatementClassifier:
    return StatementClassifier(load_issues(), load_weights())


def _item(content: str, sentence: str, party: str | None = "russia") -> StatementInput:
    assert content in sentence
    return StatementInput(content=content, context=sentence, cue="said", party=party, document=sentence)


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (
            "the envoys are studying the Kremlin's position",
            "The spokesman said the envoys are studying the Kremlin's position, but a number of "
            "points still need to be worked out.",
        ),
        (
            "the text contains useful ideas",
            "The ministers said the text contains useful ideas, but it is only a draft that will "
            "require further work.",
        ),
        (
            "the coalition backs the framework",
            "An aide said the coalition backs the framework but wants the borders of the region "
            "to be respected.",
        ),
        (
            "the government could accept a buffer zone along the river",
            "Officials said the government could accept a buffer zone along the river, but only if "
            "its allies guarantee the line.",
        ),
    ],
)
def test_a_closing_but_clause_with_terms_makes_support_conditional(
    rules: StanceClassifier, rules_only: StatementClassifier, content: str, sentence: str
) -> None:
    assert rules.qualified(content, sentence) is not None
    decision = rules_only.decide(_item(content, sentence))
    assert decision.stance == "conditional", decision.stance_reason
    assert "support on terms" in decision.stance_reason


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        # a statement of its own, with its own cue
        (
            "the talks had been useful",
            "He said the talks had been useful but warned that several issues still need to be worked out.",
        ),
        (
            "the framework is a sound basis",
            "She said the framework is a sound basis, but added that a few questions remain open.",
        ),
        # "while" joins another act or another speaker
        (
            "the framework is a sound basis",
            "He said the framework is a sound basis, while the other side insisted that some "
            "issues still need to be worked out.",
        ),
        # a "but" clause with no terms in it
        (
            "the framework is a sound basis",
            "He said the framework is a sound basis, but gave no details of the meeting.",
        ),
        # terms before the statement are not after it
        (
            "the framework is a sound basis",
            "Though some issues still need to be worked out, he said the framework is a sound basis.",
        ),
    ],
)
def test_other_clauses_lay_no_terms(rules: StanceClassifier, content: str, sentence: str) -> None:
    assert rules.qualified(content, sentence) is None


def test_terms_do_not_soften_a_refusal(rules_only: StatementClassifier) -> None:
    content = "the draft is unacceptable"
    sentence = "He said the draft is unacceptable, but some issues still need to be worked out."
    assert rules_only.decide(_item(content, sentence)).stance == "oppose"


def test_the_models_support_becomes_conditional(combined: StatementClassifier) -> None:
    content = "the framework is a good basis for a settlement"
    plain = combined.decide(_item(content, f"He said {content}."))
    assert plain.stance == "support", plain.stance_reason
    sentence = f"He said {content}, but some issues still need to be worked out."
    decision = combined.decide(_item(content, sentence))
    assert decision.stance == "conditional", decision.stance_reason
    assert decision.stance_by == "rule"
