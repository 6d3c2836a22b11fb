"""Stance toward the proposition on the table, on sentences written for these tests."""

from __future__ import annotations

import pytest

from redline.extract.stance import StanceClassifier, plan_support
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def classifier() -> StanceClassifier:
    return StanceClassifier(load_issues())


@pytest.mark.parametrize(
    ("content", "issue", "cue", "party", "stance"),
    [
        # support: pushing for what the plan says
        ("Ukrainian troops must withdraw from Donbas", "territory", "said", "russia", "support"),
        ("Ukraine must renounce its NATO ambitions", "nato", "demanded", "russia", "support"),
        (
            "Zelensky's mandate has expired and he is illegitimate",
            "elections_legitimacy",
            "said",
            "russia",
            "support",
        ),
        ("we welcome the proposal as a good basis for peace", "plan_overall", "said", None, "support"),
        ("sanctions would be lifted step by step", "sanctions_economy", "said", "russia", "support"),
        # oppose: resisting it
        ("Ukraine will never give up Donbas", "territory", "said", "ukraine", "oppose"),
        ("withdrawing from our land is unacceptable", "territory", "said", "ukraine", "oppose"),
        ("Russia must withdraw from all occupied territories", "territory", "said", "ukraine", "oppose"),
        ("Kyiv will not recognise the annexation", "recognition", "said", "ukraine", "oppose"),
        ("there can be no amnesty for war crimes", "amnesty_justice", "said", "europe", "oppose"),
        ("the plan is a wish list that amounts to capitulation", "plan_overall", "said", "ukraine", "oppose"),
        ("the cap on the army was removed from the draft", "military_limits", "said", "ukraine", "oppose"),
        (
            "a ceiling of 500,000 troops on the army is far too low",
            "military_limits",
            "said",
            "europe",
            "oppose",
        ),
        ("a cap of 900,000 on the army is too high", "military_limits", "said", "russia", "support"),
        ("we are not going to trade our land for a ceasefire", "territory", "said", "ukraine", "oppose"),
        ("there would be no peace without justice", "amnesty_justice", "said", "ukraine", "oppose"),
        ("Ukraine's constitution forbids giving away territory", "territory", "said", "ukraine", "oppose"),
        ("holding a vote in wartime would be pointless", "elections_legitimacy", "said", "ukraine", "oppose"),
        ("Russia has no intention of attacking Europe", "security_guarantees", "said", "russia", "support"),
        ("a deal must bar Ukraine from ever joining NATO", "nato", "said", "russia", "support"),
        # conditional
        (
            "a referendum on any territorial changes would be required",
            "territory",
            "said",
            "ukraine",
            "conditional",
        ),
        ("some points still need to be worked out", "plan_overall", "said", "russia", "conditional"),
        # open points after the support, or conceded with "though", still make it conditional
        (
            "we welcome the text, but some points still need to be worked out",
            "plan_overall",
            "said",
            "eu",
            "conditional",
        ),
        (
            "we welcome the text, though some points still need work",
            "plan_overall",
            "said",
            "eu",
            "conditional",
        ),
        # ...but not when they are conceded before a "but": what follows is the point
        (
            "a few details remain to be settled, but we welcome the text",
            "plan_overall",
            "said",
            "eu",
            "support",
        ),
        (
            "we can accept the framework provided that security guarantees are binding",
            "plan_overall",
            "said",
            "ukraine",
            "conditional",
        ),
        (
            "we would support the deal if Europe is at the table",
            "plan_overall",
            "said",
            "europe",
            "conditional",
        ),
        (
            "the occupying army must leave two more regions for the accord to take effect",
            "territory",
            "demanded",
            "ukraine",
            "conditional",
        ),
        ("we back the plan, but borders must be respected", "plan_overall", "said", "europe", "conditional"),
        ("any settlement has to involve the Europeans", "plan_overall", "said", "europe", "conditional"),
        # "only" with its condition a few words on
        (
            "a reassurance force would only deploy once a ceasefire was in place",
            "security_guarantees",
            "said",
            "europe",
            "conditional",
        ),
        (
            "we would only sign the deal if our borders were guaranteed",
            "plan_overall",
            "said",
            None,
            "conditional",
        ),
        ("the draft is a basis but needs additional work", "plan_overall", "said", "europe", "conditional"),
        # neutral: reports of facts
        ("Russian forces advanced near Pokrovsk", "ceasefire", "claimed", "russia", "neutral"),
        ("the envoy will travel to Moscow next week", "process", "confirmed", "russia", "neutral"),
        ("there is no final version of the plan yet", "plan_overall", "said", "russia", "neutral"),
    ],
)
def test_stance_classes(
    classifier: StanceClassifier, content: str, issue: str, cue: str, party: str | None, stance: str
) -> None:
    assert classifier.classify(content, [issue], cue, party, "indirect") == stance


def test_rejecting_a_counter_proposition_supports_the_proposition(classifier: StanceClassifier) -> None:
    assert classifier.classify("Moscow will not accept Western troops in Ukraine", ["nato"]) == "support"
    assert classifier.classify("we welcome Western troops in Ukraine", ["nato"]) == "oppose"


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # the evaluation decides, signed by the issue's wording it evaluates
        ("Kyiv would not accept any deal that required it to give up territory", "territory", "oppose"),
        ("the government rejected a demand to hand over the region", "territory", "oppose"),
        ("Moscow welcomed the idea that Ukraine withdraw from Donbas", "territory", "support"),
        ("we will not accept a ceiling on our armed forces", "military_limits", "oppose"),
        # a consequence nobody wants, said of the point
        ("limits on the army would leave the country defenceless", "military_limits", "oppose"),
        # quote marks inside a clause do not end it (mixed quotes)
        ('limits on the army would leave the country "defenceless"', "military_limits", "oppose"),
        # an adjective judges a consequence, not the point: no evaluation of what follows
        (
            "a blanket amnesty would make it impossible to hold anyone accountable",
            "amnesty_justice",
            "oppose",
        ),
        # the nearest wording is what is evaluated, whatever comes later in the clause
        ("he did not support a withdrawal and wanted a ceasefire on the current line", "territory", "oppose"),
    ],
)
def test_an_evaluation_decides_for_the_wording_it_evaluates(
    classifier: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    assert classifier.classify(content, [issue], "said", None) == stance


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # how the talks are going is a position on the negotiations (GUIDE: positive talk about
        # progress is support on plan_overall), even where the tagger files it under the process
        ("the meeting was productive and useful", "support"),
        ("we made real progress in the second round of talks", "support"),
        ("the envoys' visit was a step forward", "support"),
        ("the meeting in Riyadh was not productive", "oppose"),
        ("these talks have become a waste of time and a dead end", "oppose"),
        # process facts stay facts; a refusal to meet is still a refusal
        ("the delegations will meet again in Jeddah next week", "neutral"),
        ("Moscow refused to meet the envoy", "oppose"),
    ],
)
def test_an_appraisal_of_the_talks_is_a_position_on_the_negotiations(
    classifier: StanceClassifier, content: str, stance: str
) -> None:
    assert classifier.classify(content, ["process"], "said", "russia") == stance


def test_an_appraisal_is_a_model_feature_whichever_way_it_goes(classifier: StanceClassifier) -> None:
    for content in ("the talks were constructive", "the talks have stalled"):
        assert "appraisal" in classifier.explain(content, ["process"], "said").tags
    assert "appraisal" not in classifier.explain("the talks begin on Monday", ["process"], "said").tags


def test_words_of_the_topic_are_not_evaluation(classifier: StanceClassifier) -> None:
    assert classifier.classify("there is still no agreed document", ["plan_overall"]) == "neutral"


def test_a_refusal_under_threat_is_a_demand(classifier: StanceClassifier) -> None:
    content = "if they don't leave, we will take it by force"
    assert classifier.classify(content, ["territory"], "said", "russia", "direct") == "support"
    softer = "if they leave, we can discuss a ceasefire and accept the plan"
    assert classifier.classify(softer, ["plan_overall"], "said", "russia", "direct") == "conditional"


def test_negation_flips_a_cue(classifier: StanceClassifier) -> None:
    assert classifier.classify("the plan is acceptable", ["plan_overall"]) == "support"
    assert classifier.classify("the plan is not acceptable", ["plan_overall"]) == "oppose"


def test_negation_reaches_a_verb_split_from_its_particle(classifier: StanceClassifier) -> None:
    # "pull ... out of" with the object in between; "not going to" negates it
    said = "we are going to pull our soldiers out of the eastern regions"
    refused = "we are not going to pull our soldiers out of the eastern regions"
    assert classifier.classify(said, ["territory"], "said", "ukraine") == "support"
    assert classifier.classify(refused, ["territory"], "said", "ukraine") == "oppose"


def test_cue_verb_leans_the_stance(classifier: StanceClassifier) -> None:
    content = "the proposal on the army"
    assert classifier.classify(content, ["plan_overall"], "welcomed") == "support"
    assert classifier.classify(content, ["plan_overall"], "rejected") == "oppose"
    assert classifier.classify(content, ["plan_overall"], "said") == "neutral"


def test_party_prior_only_breaks_ties_in_evaluative_statements(classifier: StanceClassifier) -> None:
    content = "Donbas remains the central question"
    assert classifier.classify(content, ["territory"], "insisted", "russia") == "support"
    assert classifier.classify(content, ["territory"], "insisted", "ukraine") == "oppose"
    assert classifier.classify(content, ["territory"], "said", "russia") == "neutral"
    assert classifier.classify("troops are in Donbas", ["territory"], "said", "russia") == "neutral"


def test_no_issue_or_no_text_is_neutral(classifier: StanceClassifier) -> None:
    assert classifier.classify("we reject it", []) == "neutral"
    assert classifier.classify("", ["territory"]) == "neutral"
    assert classifier.classify("anything", ["no_such_issue"]) == "neutral"


def test_explain_gives_a_reason(classifier: StanceClassifier) -> None:
    result = classifier.explain("Ukraine must cede territory", ["territory"], "said", "russia")
    assert result.stance == "support"
    assert result.score > 0
    assert "cede" in result.reason


def test_stance_per_issue_and_toward_the_plan(classifier: StanceClassifier) -> None:
    content = "the plan is a good basis, but there can be no amnesty"
    stances = classifier.classify_all(content, ["amnesty_justice", "plan_overall"])
    assert stances == {"amnesty_justice": "oppose", "plan_overall": "support"}
    assert plan_support(classifier, "we welcome the plan") == "support"


@pytest.mark.parametrize(
    ("content", "issue", "cue", "party", "stance"),
    [
        # the cue turns down what the content names
        ("a European proposal to send peacekeepers", "security_guarantees", "rejected", "russia", "oppose"),
        ("the draft framework put forward by Washington", "plan_overall", "ruled out", "ukraine", "oppose"),
        # the content's own verb, said by the one who turns it down
        ("we reject any plan that hands our land away", "plan_overall", "said", "ukraine", "oppose"),
        ("Russia has turned down the proposal for a truce", "ceasefire", "said", "russia", "oppose"),
        # turning down the other side's alternative backs the plan
        ("the European counter-proposal", "plan_overall", "dismissed", "russia", "support"),
        # a verdict said of the proposal turns it down as the verb does
        ("the new draft is unacceptable to us", "plan_overall", "said", "russia", "oppose"),
        ("most of these proposals would be wholly unacceptable", "plan_overall", "said", "eu", "oppose"),
        ("the offer of a truce is out of the question", "ceasefire", "said", "ukraine", "oppose"),
        ("the European counter-proposal is a non-starter", "plan_overall", "said", "russia", "support"),
    ],
)
def test_a_proposal_turned_down_is_opposition(
    classifier: StanceClassifier, content: str, issue: str, cue: str, party: str, stance: str
) -> None:
    result = classifier.explain(content, [issue], cue, party)
    assert (result.stance, result.tags) == (stance, ("rejection",)), result.reason


@pytest.mark.parametrize(
    ("content", "cue"),
    [
        ("we do not reject the proposal out of hand", "said"),  # negated
        ("if Kyiv refuses the offer, talks will stall", "warned"),  # a condition, not a refusal
        ("Kyiv has refused the terms", "said"),  # someone else's refusal, reported
        ("the proposal", "did not reject"),  # a negated cue
        ("the draft is not unacceptable", "said"),  # a negated verdict
        ("if the proposals are unacceptable, we will walk away", "said"),  # a condition
        ("the proposal came late; that is unacceptable", "said"),  # the verdict is on something else
        ("this is unacceptable", "said"),  # no proposal named
    ],
)
def test_a_rejection_that_is_not_the_speakers_is_left_to_the_other_rules(
    classifier: StanceClassifier, content: str, cue: str
) -> None:
    result = classifier.explain(content, ["plan_overall"], cue, "russia")
    assert "rejection" not in result.tags, result.reason


@pytest.mark.parametrize(
    ("content", "issue", "tag"),
    [
        # an evaluation outside the clause about the issue: not counted by the rules, but the
        # models still learn that a position is voiced
        ("the troops stay where they are, and that is unacceptable", "territory", "any_negative"),
        ("the envoy came to Kyiv; it was a sensible move", "sanctions_economy", "any_positive"),
        ("the envoy's offer is not realistic", "ceasefire", "any_positive_neg"),
        # a condition, whatever the issue guess
        ("the meeting will go ahead only if the shelling stops", "process", "any_conditional"),
    ],
)
def test_evaluative_and_conditional_wording_is_a_feature_whatever_it_bears_on(
    classifier: StanceClassifier, content: str, issue: str, tag: str
) -> None:
    assert tag in classifier.explain(content, [issue], "said").tags


def test_a_plain_report_carries_no_evaluative_wording(classifier: StanceClassifier) -> None:
    tags = classifier.explain("the delegation landed in Abu Dhabi on Monday", ["process"], "said").tags
    assert not [t for t in tags if t.startswith("any_")]


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ("the harbour plan was dead", "oppose"),
        ("the draft is dead on arrival", "oppose"),
        ("twelve people were dead after the strike on the port", "neutral"),  # a toll, not a verdict
    ],
)
def test_a_plan_declared_dead_is_opposed(classifier: StanceClassifier, content: str, stance: str) -> None:
    assert classifier.explain(content, ["plan_overall"], "said", None).stance == stance


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ("the revised harbour text is greatly improved", "support"),
        ("the second version of the framework is a real improvement", "support"),
        ("the new version of the framework is not improved in any way", "oppose"),  # negated
        ("there has been no improvement in the framework", "oppose"),
        ("the framework talks resume on Tuesday in Oslo", "neutral"),  # no verdict at all
    ],
)
def test_a_text_said_to_be_improved_is_supported(
    classifier: StanceClassifier, content: str, stance: str
) -> None:
    assert classifier.explain(content, ["plan_overall"], "said", None).stance == stance
