"""When the stance rules and the learned side model disagree: the arbitration table
(``knowledge/arbitration.yaml``) lets the rule's side stand where the model was taught too little
to overrule it, and ``explain`` says so."""

from __future__ import annotations

import pytest

from redline.errors import ConfigError
from redline.extract.classify import StatementClassifier, seen_share
from redline.extract.features import StatementInput, bucket
from redline.extract.linear import LinearModel
from redline.knowledge.arbitration import Arbitration, load_arbitration, parse_arbitration
from redline.knowledge.classifiers import ClassifierWeights
from redline.knowledge.issues import load_issues

_SIDES = ("conditional", "oppose", "support")
_DIMS = 1 << 18


def _weights(
    issue: str, side_bias: tuple[float, float, float], words: tuple[str, ...] = ()
) -> ClassifierWeights:
    """Hand-made weights: ``issue`` always, a position always, and a side model that prefers a
    side by its bias alone; ``words`` are content words it was taught (a small weight each, for
    support), so that it knows them without their moving the side much."""
    taxonomy = load_issues()
    bias = tuple(2.0 if i == issue else -9.0 for i in taxonomy.ids)
    issues = LinearModel(taxonomy.ids, 8, bias, {}, multilabel=True)
    stance = LinearModel(("conditional", "neutral", "oppose", "support"), 8, (0.0, -9.0, 0.0, 1.0), {})
    taught = {bucket(f"w={w}", _DIMS): ((2, 0.01),) for w in words}
    side = LinearModel(_SIDES, _DIMS, side_bias, taught)
    return ClassifierWeights(issues, stance, 0.4, 0.25, 3, 0.25, 0.05, frozenset(), polarity=side)


def _decide(
    weights: ClassifierWeights, item: StatementInput, table: Arbitration | None
) -> tuple[str, str, str]:
    d = StatementClassifier(load_issues(), weights, arbitration=table).decide(item)
    return d.stance, d.stance_by, d.stance_reason


def test_a_refusal_of_the_issues_own_wording_stands_against_a_sure_model() -> None:
    # the rule reads "withdraw" (territory's own wording) refused; the side model says support
    # with p=0.999, which no floor of the weights lets the rule's oppose survive
    item = StatementInput("we will never withdraw from Donbas", cue="said", party="ukraine")
    weights = _weights("territory", (-9.0, -3.5, 4.0), ("never", "withdraw", "donba"))
    assert _decide(weights, item, None)[0] == "support"
    stance, by, why = _decide(weights, item, load_arbitration())
    assert (stance, by) == ("oppose", "rule"), why
    assert "refused_wording" in why and "preferred support p=1.00" in why


def test_the_rule_stands_where_the_model_knew_few_of_the_words() -> None:
    item = StatementInput("the draft is a betrayal of everything we fought for", cue="said", party="russia")
    # the side model prefers support (p=0.95) from its bias alone, oppose p=0.05: under the floor
    unfamiliar = _weights("plan_overall", (-9.0, -0.5, 2.5))
    assert _decide(unfamiliar, item, None)[0] == "support"
    stance, by, why = _decide(unfamiliar, item, load_arbitration())
    assert (stance, by) == ("oppose", "rule") and "unfamiliar_words" in why and "knew 0% of the words" in why
    # the same preference from a model taught most of the words stands
    familiar = _weights("plan_overall", (-9.0, -0.5, 2.5), ("draft", "betray", "everyth", "fought"))
    assert _decide(familiar, item, load_arbitration())[:2] == ("support", "model")
    # and so does a model all but sure of its side, however few words it knew
    sure = _weights("plan_overall", (-9.0, -0.5, 4.0))
    assert _decide(sure, item, load_arbitration())[:2] == ("support", "model")


def test_the_seen_share_counts_the_content_words_that_carry_weight() -> None:
    model = LinearModel(_SIDES, _DIMS, (0.0, 0.0, 0.0), {bucket("w=plan", _DIMS): ((0, 0.5),)})
    assert seen_share(model, ["w=plan", "w=theft", "w=plan_theft", "party=russia"]) == 0.5
    assert seen_share(model, ["party=russia"]) is None


@pytest.mark.parametrize(
    "raw",
    [
        {},
        {"rule_stands": [{"name": "x"}]},
        {"rule_stands": [{"name": "x", "note": "y", "stances": ["neutral"]}]},
        {"rule_stands": [{"name": "x", "note": "y", "seen_below": 2}]},
        {"rule_stands": [{"name": "x", "note": "y", "tags": "pro_neg"}]},
    ],
)
def test_a_malformed_table_is_a_config_error(raw: object) -> None:
    with pytest.raises(ConfigError):
        parse_arbitration(raw)


def test_the_packaged_table_loads() -> None:
    rows = load_arbitration().rows
    assert [r.name for r in rows] == ["refused_wording", "unfamiliar_words"]
