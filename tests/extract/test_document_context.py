"""A document's statements are read together (``StatementClassifier.decide_all``): a side is
weighed with the same party's other positions in the document, and a statement's issues with
its neighbours'. Pinned with hand-made weights on sentences written for these tests, so the
combination itself is tested, not what the shipped models happen to have learned."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import pytest

from redline.extract.classify import POSITION, StatementClassifier
from redline.extract.features import StatementInput, bucket
from redline.extract.linear import LinearModel
from redline.knowledge.classifiers import ClassifierWeights
from redline.knowledge.issues import load_issues
from redline.model import Document

DIMS = 1 << 18
STANCES = ("conditional", "neutral", "oppose", "support")
SIDES = ("conditional", "oppose", "support")


def _weights(context: float = 0.0, issue_context: float = 0.0) -> ClassifierWeights:
    """Every statement voices a position (gate and four-way model agree); the side model leans
    a little to support on "like", strongly to oppose on "dislike" and to a condition on
    "depends" (the words are stemmed: "lik", "dislik", "depend"); the issue model reads
    the process on "expected" (barely above the plan) and the plan on "knew". The rules never
    override the models (rule floor above 1)."""
    ids = load_issues().ids
    plan, process, territory = ids.index("plan_overall"), ids.index("process"), ids.index("territory")
    issues = LinearModel(
        ids,
        DIMS,
        tuple(-9.0 for _ in ids),
        {
            bucket("w=expect", DIMS): ((process, 9.2), (plan, 9.0)),
            bucket("w=knew", DIMS): ((plan, 13.0), (process, 5.0)),
            bucket("w=harbour", DIMS): ((territory, 13.0),),
        },
        multilabel=True,
    )
    four = LinearModel(STANCES, DIMS, (0.0, -9.0, 0.0, 0.0), {})
    side = LinearModel(
        SIDES,
        DIMS,
        (0.0, 0.0, 0.0),
        {
            bucket("w=lik", DIMS): ((2, 0.6),),
            bucket("w=dislik", DIMS): ((1, 4.0),),
            bucket("w=depend", DIMS): ((0, 1.0),),
        },
    )
    gate = LinearModel(("neutral", POSITION), DIMS, (-9.0, 9.0), {})
    return ClassifierWeights(
        issues,
        four,
        0.4,
        0.25,
        3,
        1.0,
        1.01,
        frozenset(),
        polarity=side,
        gate=gate,
        gate_threshold=0.2,
        context=context,
        issue_context=issue_context,
    )


def _said(content: str, party: str) -> StatementInput:
    return StatementInput(content, context=content, cue="said", party=party)


THIN = _said("we like that part a lot", "ukraine")
PLAIN = [_said("we dislike that part a lot", "ukraine"), _said("we dislike the rest of it too", "ukraine")]


def test_a_thin_side_follows_the_partys_plainer_positions_in_the_document() -> None:
    alone = StatementClassifier(load_issues(), _weights(context=0.0))
    together = StatementClassifier(load_issues(), _weights(context=0.5))
    assert alone.decide_all([THIN, *PLAIN])[0].stance == "support"
    decision = together.decide_all([THIN, *PLAIN])[0]
    assert decision.stance == "oppose", decision.explain()


def test_a_condition_is_the_statements_own_wording_not_the_partys() -> None:
    # the party's other positions choose between support and oppose; "it depends" stays a
    # condition even when the party opposes everywhere else in the article
    hedged = _said("it all depends on the details", "ukraine")
    together = StatementClassifier(load_issues(), _weights(context=0.5))
    decision = together.decide_all([hedged, *PLAIN])[0]
    assert decision.stance == "conditional", decision.explain()
    assert "weighed with 2 other position(s) of the party" in decision.stance_reason


def test_another_partys_positions_do_not_move_a_side() -> None:
    together = StatementClassifier(load_issues(), _weights(context=0.5))
    others = [replace(item, party="russia") for item in PLAIN]
    assert together.decide_all([THIN, *others])[0].stance == "support"
    # and a statement with no party borrows from no one
    assert together.decide_all([replace(THIN, party=None), *PLAIN])[0].stance == "support"


def test_one_statement_is_read_alone() -> None:
    together = StatementClassifier(load_issues(), _weights(context=0.5, issue_context=0.5))
    assert together.decide(THIN) == together.decide_all([THIN])[0]
    assert together.decide(THIN).stance == "support"


def test_a_statement_between_two_about_the_plan_is_about_the_plan() -> None:
    unsure = _said("the second part was as expected", "europe")
    around = [_said("everyone knew it would go this way", "europe")]
    alone = StatementClassifier(load_issues(), _weights(issue_context=0.0))
    assert alone.decide_all([*around, unsure, *around])[1].issues == ["process"]
    together = StatementClassifier(load_issues(), _weights(issue_context=0.5))
    decision = together.decide_all([*around, unsure, *around])[1]
    assert decision.issues == ["plan_overall"], decision.explain()
    # the neighbours' own issues stand
    assert together.decide_all([*around, unsure, *around])[0].issues == ["plan_overall"]


def test_a_statement_naming_no_issue_borrows_its_neighbours_issue() -> None:
    unsure = _said("the second part was as expected", "europe")
    around = [_said("they spoke about the harbour at length", "europe")]
    together = StatementClassifier(load_issues(), _weights(issue_context=0.5))
    decided = together.decide_all([*around, unsure, *around])
    assert decided[0].issues == ["territory"]
    assert decided[1].issues == ["territory"], decided[1].explain()


def test_a_named_issue_is_not_borrowed_from_the_neighbours() -> None:
    # a statement that names its own issue ("vote": elections) takes only the frame from
    # around it, never a second specific issue
    named = _said("they will vote on the second part", "europe")
    around = [_said("they spoke about the harbour at length", "europe")]
    together = StatementClassifier(load_issues(), _weights(issue_context=0.5))
    decision = together.decide_all([*around, named, *around])[1]
    assert "territory" not in decision.issues and "elections_legitimacy" in decision.issues, (
        decision.explain()
    )


@pytest.mark.model
def test_the_extractor_decides_a_documents_statements_together(extractor: Any) -> None:
    text = (
        "Zelensky said Ukraine would never give up the Donbas. "
        "\u201cWe will not trade our land for a pause,\u201d Zelensky said."
    )
    ((_, explained),) = list(extractor.extract_explained([Document(id="d", text=text)]))
    reasons = [e["stance"]["why"] for e in explained.values()]
    assert len(reasons) == 2 and all("weighed with 1 other position(s) of the party" in r for r in reasons), (
        reasons
    )


def test_a_decision_carries_how_likely_the_models_found_its_stance() -> None:
    """``Decision.certainty`` (what ranks the quote a cell shows) is the probability of the
    stance decided: a position times its side, after the party's other positions are weighed
    in; 1 - the position probability for a report; 1.0 where no model read it."""
    alone = StatementClassifier(load_issues(), _weights())
    plain = alone.decide_all([PLAIN[0]])[0]
    # the gate and the four-way model agree on a position (p about 1); "dislike" 4.0 to oppose
    assert plain.stance == "oppose"
    assert plain.certainty == pytest.approx(math.exp(4) / (math.exp(4) + 2), abs=1e-3)
    assert plain.explain()["stance"]["certainty"] == round(plain.certainty, 3)
    thin = alone.decide_all([THIN])[0]  # "like" leans to support by 0.6 only: a doubted reading
    assert thin.stance == "support"
    assert thin.certainty == pytest.approx(math.exp(0.6) / (math.exp(0.6) + 2), abs=1e-3)
    # weighed with two plain oppositions of its party, the thin one is read as oppose, surer
    weighed = StatementClassifier(load_issues(), _weights(context=0.5)).decide_all([THIN, *PLAIN])[0]
    assert weighed.stance == "oppose" and weighed.certainty > 0.5

    reports = replace(_weights(), stance=LinearModel(STANCES, DIMS, (0.0, 9.0, 0.0, 0.0), {}))
    reports = replace(reports, gate=LinearModel(("neutral", POSITION), DIMS, (9.0, -9.0), {}))
    report = StatementClassifier(load_issues(), reports).decide_all([PLAIN[0]])[0]
    assert report.stance == "neutral" and report.certainty == pytest.approx(1.0, abs=1e-3)

    rules_only = StatementClassifier(load_issues()).decide_all([PLAIN[0]])[0]
    assert rules_only.certainty == 1.0
