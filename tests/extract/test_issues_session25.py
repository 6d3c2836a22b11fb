"""Session 25 (issue 9): issues on new coverage. Wording a journalist uses for each issue's point
that the lexicon lacked, wording that named the wrong issue, and a foreign force in Ukraine as the
NATO point beside whatever the model reads. Sentences written for these tests."""

from __future__ import annotations

import pytest

from redline.errors import ConfigError
from redline.extract.classify import RULE_SURE_TERMS, StatementClassifier
from redline.extract.features import StatementInput
from redline.extract.issues import IssueTagger
from redline.extract.linear import LinearModel
from redline.knowledge.classifiers import ClassifierWeights
from redline.knowledge.issues import Taxonomy, load_issues, parse_issues


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_issues()


@pytest.fixture(scope="module")
def tagger(taxonomy: Taxonomy) -> IssueTagger:
    return IssueTagger(taxonomy)


def _model_says(taxonomy: Taxonomy, odds: dict[str, float]) -> StatementClassifier:
    """Weights whose issue model gives fixed probabilities (bias only) whatever the words."""
    issues = LinearModel(taxonomy.ids, 8, tuple(odds.get(i, -9.0) for i in taxonomy.ids), {}, multilabel=True)
    stance = LinearModel(("conditional", "neutral", "oppose", "support"), 8, (0.0, -9.0, 0.0, 1.0), {})
    return StatementClassifier(
        taxonomy, ClassifierWeights(issues, stance, 0.4, 0.25, 3, 0.25, 1.01, frozenset())
    )


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # the frozen money and the measures under other names
        ("the frozen reserves will stay in Brussels for now", "sanctions_economy"),
        ("the price cap on Russian crude was lowered", "sanctions_economy"),
        ("a full embargo on steel from Russia", "sanctions_economy"),
        ("the insurers were told to blacklist tankers of the shadow fleet", "sanctions_economy"),
        # the cap on the army in other words
        ("a deal that disarms the country defending itself", "military_limits"),
        ("the two sides are still apart on troop numbers", "military_limits"),
        # the pledge not to attack again, as an invasion
        ("nothing in the text stops a second invasion", "security_guarantees"),
        ("they fear Moscow would invade again within a few years", "security_guarantees"),
        # whether the leadership may sign at all
        ("a president whose term has run out cannot legally sign anything", "elections_legitimacy"),
        # accession talks in their own words
        ("the bloc could open the first negotiating clusters in spring", "eu_membership"),
    ],
)
def test_an_issue_in_other_words(tagger: IssueTagger, content: str, issue: str) -> None:
    assert issue in tagger.tag(content), tagger.explain(content)


@pytest.mark.parametrize(
    ("content", "not_issue"),
    [
        # "neutral" said of monitors, a venue or a mediator is not the country's neutrality
        ("observers from neutral countries would patrol the line", "nato"),
        ("the next round should be held on neutral ground", "nato"),
        # an oil price cap is a sanction, not a ceiling on an army
        ("the G7 tightened the oil price cap again", "military_limits"),
        # a force's or a negotiator's mandate is not a leader's
        ("the mission would operate under a UN mandate", "elections_legitimacy"),
        ("the envoy arrived with a clear mandate", "elections_legitimacy"),
        # a parliament voting on a deployment is no election
        ("the deployment would first go to a vote in parliament", "elections_legitimacy"),
    ],
)
def test_wording_that_names_another_thing(tagger: IssueTagger, content: str, not_issue: str) -> None:
    assert not_issue not in tagger.tag(content), tagger.explain(content)


@pytest.mark.parametrize(
    "content",
    [
        # the alliance named outright without its name: enough for the lexicon to add the issue
        # beside the model's reading (``classify.RULE_SURE_TERMS``), where "alliance" alone is not
        "the country keeps the right to pick its own alliances",
        "any ban on membership in the alliance would need a new constitution",
        "the minister said neutral status was never on offer",
    ],
)
def test_the_alliance_named_in_other_words(tagger: IssueTagger, content: str) -> None:
    assert tagger.evidence(content)["nato"].terms >= RULE_SURE_TERMS, tagger.explain(content)


def test_the_issue_itself_is_still_named(tagger: IssueTagger) -> None:
    # the masks take only their own phrase: the plain words still name the issue
    assert "elections_legitimacy" in tagger.tag("we will vote the day martial law ends")
    assert "nato" in tagger.tag("Kyiv rejected a neutral Ukraine")


@pytest.mark.parametrize(
    "content",
    [
        "Moscow will never accept European contingents anywhere near its border",
        "Britain could send peacekeepers once the guns fall silent",
        "the coalition wants boots on the ground by the summer",
        "Warsaw will keep its soldiers out, but others may deploy to Ukraine",
        "no foreign troops, whatever the plan says",
    ],
)
def test_a_foreign_force_puts_the_nato_point_in_play(tagger: IssueTagger, content: str) -> None:
    assert [issue for issue, _ in tagger.implied(content)] == ["nato"]


@pytest.mark.parametrize(
    "content",
    [
        "Russian troops in Ukraine keep advancing",
        "Ukrainian forces must leave the region",
        "the guarantees would be enforced from Poland",
        # a force of willing nations named as the guarantee itself is filed under the guarantees
        # alone, in the talks set and the bundled examples alike
        "a multinational force built from the contributions of willing nations",
    ],
)
def test_an_army_at_war_is_no_foreign_force(tagger: IssueTagger, content: str) -> None:
    assert tagger.implied(content) == []


def test_the_implied_issue_joins_the_models_reading(taxonomy: Taxonomy) -> None:
    # the model reads only the guarantees, as the talks set taught it for such a force
    classifier = _model_says(taxonomy, {"security_guarantees": 2.0})
    decision = classifier.decide(StatementInput("Britain could send peacekeepers once the guns fall silent"))
    assert decision.issues == ["security_guarantees", "nato"], decision.explain()
    assert decision.issues_by == "model+rule"
    assert "implied: nato (peacekeep*)" in decision.explain()["issues"]["why"]
    # a statement with no such wording is left as the model read it
    plain = classifier.decide(StatementInput("Britain will stand by its promises"))
    assert plain.issues == ["security_guarantees"], plain.explain()


def test_the_implied_issue_goes_before_a_frame(taxonomy: Taxonomy) -> None:
    # the model reads the plan as a whole; the force is the specific point, so it comes first and
    # the stance is read toward it
    classifier = _model_says(taxonomy, {"plan_overall": 2.0})
    decision = classifier.decide(StatementInput("no foreign troops, whatever the plan says"))
    assert decision.issues == ["nato", "plan_overall"], decision.explain()


def test_the_implied_issue_joins_the_rules_without_weights(taxonomy: Taxonomy) -> None:
    classifier = StatementClassifier(taxonomy)
    decision = classifier.decide(StatementInput("the guarantees rest on a reassurance force"))
    assert decision.issues_by == "rule"
    assert set(decision.issues) == {"security_guarantees", "nato"}, decision.explain()


def test_a_generic_frame_may_not_be_implied() -> None:
    raw = {
        "name": "t",
        "issues": {
            "whole": {
                "label": "W",
                "proposition": "p",
                "terms": {"deal": 1},
                "generic": True,
                "implied_by": ["the deal"],
            },
        },
    }
    with pytest.raises(ConfigError, match="implied_by"):
        parse_issues(raw)
    raw["issues"]["whole"]["generic"] = False
    assert parse_issues(raw).get("whole").implied_by == ("the deal",)
