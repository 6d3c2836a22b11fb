"""Position or report, then the side: the gate and the polarity model as users get them, on
sentences written for these tests (refusals, negated demands, conditions, reported evaluations,
process facts), and pinned with hand-made weights so the combination itself is tested."""

from __future__ import annotations

import pytest

from redline.extract.classify import POSITION, StatementClassifier
from redline.extract.features import StatementInput, bucket, position_features
from redline.extract.linear import LinearModel
from redline.knowledge.classifiers import ClassifierWeights, load_weights
from redline.knowledge.issues import load_issues

STANCES = ("conditional", "neutral", "oppose", "support")


@pytest.fixture(scope="module")
def combined() -> StatementClassifier:
    weights = load_weights()
    assert weights is not None and weights.gate is not None, "the shipped weights carry a position gate"
    return StatementClassifier(load_issues(), weights)


@pytest.mark.parametrize(
    ("content", "cue", "party", "stance"),
    [
        # refusals and negated demands
        ("our country will not cede a single square metre of its land", "said", "ukraine", "oppose"),
        ("Kyiv has no right to trade away territory that belongs to the nation", "said", "ukraine", "oppose"),
        ("Ukraine must not be forced to give up its path to NATO", "said", "europe", "oppose"),
        ("the draft is completely unacceptable", "said", "russia", "oppose"),
        # demands for the proposition
        ("Ukrainian troops have to leave the Donbas before any truce", "said", "russia", "support"),
        ("the sanctions should be lifted as part of any settlement", "said", "russia", "support"),
        # calls for more pressure oppose sanctions relief
        ("the allies must tighten the sanctions on Russian banks", "said", "europe", "oppose"),
        # conditions and red lines
        ("we will back the deal provided that our security is guaranteed", "said", "ukraine", "conditional"),
        ("any deal has to fully respect Ukraine's sovereignty", "said", "europe", "conditional"),
        # a warning against something is a stand against it
        ("a deal struck over the heads of the people of the region", "warned against", "europe", "oppose"),
        # reported evaluations of the plan and the talks
        ("the framework is a good foundation for peace", "called", "united_states", "support"),
        ("the talks in Florida were productive and useful", "said", "ukraine", "support"),
        # a process fact voices no position
        ("the next round of talks will take place in Abu Dhabi on Friday", "said", "russia", "neutral"),
    ],
)
def test_shipped_stance(
    combined: StatementClassifier, content: str, cue: str, party: str, stance: str
) -> None:
    decision = combined.decide(StatementInput(content, context=content, cue=cue, party=party))
    assert decision.stance == stance, decision.explain()


def test_the_gate_never_sees_the_issue() -> None:
    item = StatementInput("we will never give up Donbas", cue="said", party="ukraine")
    feats = position_features(item, "oppose", ["anti"])
    assert not [f for f in feats if f.startswith(("issue=", "party_issue=", "iw=", "rule_issue="))]
    assert "rule=oppose" in feats and "party=ukraine" in feats


def _weights(gate_bias: float, neutral_bias: float, threshold: float) -> ClassifierWeights:
    """Hand-made weights: the issue model always says territory; the four-way model's neutral
    mass and the gate's position probability are fixed by their biases; the side is oppose."""
    ids = load_issues().ids
    issues = LinearModel(ids, 8, tuple(2.0 if i == "territory" else -9.0 for i in ids), {}, multilabel=True)
    four = LinearModel(STANCES, 8, (0.0, neutral_bias, 0.0, 0.0), {})
    side = LinearModel(("conditional", "oppose", "support"), 8, (0.0, 2.0, 0.0), {})
    gate = LinearModel(("neutral", POSITION), 8, (0.0, gate_bias), {})
    return ClassifierWeights(
        issues, four, 0.4, 0.25, 3, 1.0, 1.01, frozenset(), polarity=side, gate=gate, gate_threshold=threshold
    )


ITEM = StatementInput("they spoke about it at length", cue="said", party="ukraine")


def test_a_report_both_models_call_neutral_stays_neutral() -> None:
    classifier = StatementClassifier(load_issues(), _weights(gate_bias=-9.0, neutral_bias=9.0, threshold=0.2))
    decision = classifier.decide(ITEM)
    assert decision.stance == "neutral" and "no position" in decision.stance_reason, decision.explain()


def test_the_issue_blind_gate_keeps_a_position_the_issue_aware_model_would_silence() -> None:
    # the four-way model is sure it is a report (as it is for "process" statements); the gate,
    # which never saw the issue, finds a position: the mean clears the threshold
    classifier = StatementClassifier(load_issues(), _weights(gate_bias=9.0, neutral_bias=9.0, threshold=0.2))
    decision = classifier.decide(ITEM)
    assert decision.stance == "oppose" and decision.stance_by == "model", decision.explain()
    # a stricter threshold needs both to agree
    strict = StatementClassifier(load_issues(), _weights(gate_bias=9.0, neutral_bias=9.0, threshold=0.6))
    assert strict.decide(ITEM).stance == "neutral"


def test_the_gate_sees_whether_the_words_judge_or_report_logistics() -> None:
    # a gate that has learned one thing: praise is a position. A verdict on a meeting in words
    # it never saw paired with one ("cordial", "fruitful") passes; a timetable does not
    ids = load_issues().ids
    dims = 1 << 18
    issues = LinearModel(ids, 8, tuple(2.0 if i == "process" else -9.0 for i in ids), {}, multilabel=True)
    four = LinearModel(STANCES, 8, (0.0, 9.0, 0.0, 0.0), {})
    side = LinearModel(("conditional", "oppose", "support"), 8, (0.0, 0.0, 2.0), {})
    gate = LinearModel(("neutral", POSITION), dims, (0.0, -9.0), {bucket("wc=positive", dims): ((1, 18.0),)})
    weights = ClassifierWeights(
        issues, four, 0.4, 0.25, 3, 1.0, 1.01, frozenset(), polarity=side, gate=gate, gate_threshold=0.2
    )
    classifier = StatementClassifier(load_issues(), weights)
    verdict = StatementInput(
        "the meeting with the envoys was cordial and fruitful", cue="said", party="ukraine"
    )
    decision = classifier.decide(verdict)
    assert decision.stance == "support", decision.explain()
    timetable = StatementInput(
        "the envoys will arrive in the capital on Thursday evening", cue="said", party="ukraine"
    )
    assert classifier.decide(timetable).stance == "neutral"
