"""Stance on new coverage (issue 9, session 25): the clause that states terms, an order of steps,
two clauses that make one depend on the other ("no X, no Y"), a kind of X said not to be X, the
wording of what a refusal defines by a clause, a deal refused for how it came about, verdicts that
something is not peace, and claims that a place is Ukrainian. The rules alone, on sentences
written for these tests, with a negative case for each: the construction must decide where it is,
and nothing change where it is not."""

from __future__ import annotations

import pytest

from redline.extract.stance import DENIED_KIND, PAIRED, TERMS, StanceClassifier
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues())


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # the resisting wording is in the terms, not the speaker's side
        (
            "the navy could accept a smaller fleet so long as the allies keep supplying weapons",
            "military_limits",
        ),
        ("Warsaw would back the deal provided that Russian troops withdraw first", "plan_overall"),
        ("the minister said sanctions could be eased only if the occupation ends", "sanctions_economy"),
    ],
)
def test_the_words_of_a_terms_clause_are_not_the_side(
    rules: StanceClassifier, content: str, issue: str
) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == "conditional", result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # no terms clause: the same wording is the side
        ("the allies must keep supplying weapons to the army", "military_limits", "oppose"),
        # a position outside the terms clause still decides
        (
            "the army will defend every village, as long as the allies keep supplying weapons",
            "territory",
            "oppose",
        ),
    ],
)
def test_wording_outside_a_terms_clause_still_counts(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    assert rules.explain(content, [issue]).stance == stance


@pytest.mark.parametrize(
    "content",
    [
        "a vote must come after the guns fall silent, never before",
        "the vote would follow a truce that has held for three months",
        "we will call an election the week the curfew is lifted, and not a day before",
        "polling stations open not until the last missile alert is over",
    ],
)
def test_an_order_of_steps_is_a_condition(rules: StanceClassifier, content: str) -> None:
    assert rules.explain(content, ["elections_legitimacy"]).stance == "conditional"


@pytest.mark.parametrize(
    "content",
    [
        # a report of the order things happened in is no condition
        "the exchange of prisoners came after weeks of silence",
        "the statement came after the envoy had left Moscow",
    ],
)
def test_a_reported_order_is_no_condition(rules: StanceClassifier, content: str) -> None:
    assert rules.explain(content, ["humanitarian"]).stance != "conditional"


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        ("No written guarantee, no Dutch troops", "security_guarantees"),
        ("No monitors on the line, no truce worth the name", "ceasefire"),
        ("Lift the siege of the port first, then we can talk about grain", "ceasefire"),
    ],
)
def test_two_clauses_that_make_one_depend_on_the_other(
    rules: StanceClassifier, content: str, issue: str
) -> None:
    result = rules.explain(content, [issue])
    assert (result.stance, PAIRED in result.tags) == ("conditional", True), result.reason


@pytest.mark.parametrize(
    "content",
    [
        # a list of what is missing, not a condition
        "There has been no agreement, no progress and no date, no sign of a text",
        "the talks brought no deal, no ceasefire, no exchange",
        # a bare "no" is an answer, not a clause
        "No, no, that is not what we agreed",
        # "first" that is not the end of a clause
        "First we met the envoys, then we wrote the letter together",
    ],
)
def test_no_paired_condition_in_lists_and_answers(rules: StanceClassifier, content: str) -> None:
    assert PAIRED not in rules.explain(content, ["plan_overall"]).tags


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        ("a ceasefire that nobody is allowed to monitor is not a ceasefire", "ceasefire"),
        ("Elections held under air raid sirens are not real elections", "elections_legitimacy"),
        ("A guarantee written on a napkin is not a guarantee", "security_guarantees"),
    ],
)
def test_a_kind_of_x_said_not_to_be_x_asks_for_the_real_one(
    rules: StanceClassifier, content: str, issue: str
) -> None:
    result = rules.explain(content, [issue])
    assert (result.stance, DENIED_KIND in result.tags) == ("conditional", True), result.reason


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # no qualifier: the same noun with nothing after it
        ("The plan is not a plan, it is an ultimatum", "plan_overall"),
        # the qualified kind is the other side's alternative: turned down, not asked for
        ("A peacekeeper sent by a NATO country is not a peacekeeper", "security_guarantees"),
        # another noun after "not"
        ("The ceasefire line is not a border", "territory"),
    ],
)
def test_no_denied_kind_without_a_qualified_kind(rules: StanceClassifier, content: str, issue: str) -> None:
    assert DENIED_KIND not in rules.explain(content, [issue]).tags


def test_a_peacekeeper_from_nato_said_not_to_be_one_is_turned_down(rules: StanceClassifier) -> None:
    content = "A peacekeeper sent by a NATO country is not a peacekeeper but a soldier"
    assert rules.explain(content, ["nato"]).stance != "conditional"


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # refusing what the clause names: the wording there is refused
        ("Moscow will not sign any treaty that lets foreign troops into Ukraine", "nato", "support"),
        (
            "Kyiv would never accept any settlement which required a withdrawal from Donbas",
            "territory",
            "oppose",
        ),
        # the same wording without a refusal is backed
        ("Paris would sign a treaty that lets foreign troops into Ukraine", "nato", "oppose"),
    ],
)
def test_the_wording_of_what_a_refusal_defines_is_refused(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    assert rules.explain(content, [issue]).stance == stance


@pytest.mark.parametrize(
    "content",
    [
        "Rome would not endorse any settlement imposed on Kyiv from outside",
        "the coalition cannot accept any peace dictated by the aggressor",
    ],
)
def test_a_deal_refused_for_how_it_came_about_is_terms(rules: StanceClassifier, content: str) -> None:
    result = rules.explain(content, ["plan_overall"])
    assert (result.stance, TERMS in result.tags) == ("conditional", True), result.reason


def test_a_plain_refusal_of_any_deal_is_no_terms(rules: StanceClassifier) -> None:
    assert rules.explain("Rome would not endorse any settlement", ["plan_overall"]).stance == "oppose"


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        ("Freezing the front and asking Kyiv to withdraw is not peace", "territory", "oppose"),
        ("a cap on the army is no solution", "military_limits", "oppose"),
        # acceptability required of the deal is terms
        ("the arrangement must be acceptable to both parties", "plan_overall", "conditional"),
        # hoped for, not required
        ("we believe the plan should be acceptable to both sides", "plan_overall", "support"),
    ],
)
def test_verdicts_and_acceptability(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    assert rules.explain(content, [issue]).stance == stance


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        ("Kherson is Ukrainian and will remain Ukrainian", "territory", "oppose"),
        ("the turbines are Ukrainian, and so is every kilowatt they make", "nuclear_plant", "oppose"),
        # Ukrainian as a plain adjective claims nothing
        ("Ukrainian troops must withdraw from the region", "territory", "support"),
    ],
)
def test_a_claim_that_it_is_ukrainian(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    assert rules.explain(content, [issue]).stance == stance


def test_a_kind_of_x_that_is_not_an_x_someone_would_sign_is_no_denied_kind(rules: StanceClassifier) -> None:
    content = "A border drawn by artillery is not a border we will ever recognise"
    assert DENIED_KIND not in rules.explain(content, ["recognition"]).tags


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # "will not accept" evaluates what follows it, as "accept" does: refusing the resisting
        # wording backs the point
        ("we will not accept a list that leaves any civilian behind", "humanitarian", "support"),
        ("Moscow will not accept a swap that is all for all", "humanitarian", "oppose"),
        # no refusal: leaving people behind resists the all-for-all exchange
        ("the new list leaves hundreds of prisoners behind", "humanitarian", "oppose"),
    ],
)
def test_a_refusal_evaluates_what_follows_it(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    assert rules.explain(content, [issue]).stance == stance


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # the measures named as a kind: opposing them backs relief, backing them resists it
        ("the ministry opposed sanctions which the United Nations had never voted on", "support"),
        ("unilateral sanctions are illegal and must end", "support"),
        ("Tallinn supports the existing sanctions on Russian oil", "oppose"),
    ],
)
def test_sanctions_named_as_a_kind_are_the_counter_proposition(
    rules: StanceClassifier, content: str, stance: str
) -> None:
    assert rules.explain(content, ["sanctions_economy"]).stance == stance


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        ("the minister was not against a demilitarised zone in principle", "territory", "support"),
        ("Bern has no objection to a swap of all prisoners", "humanitarian", "support"),
        # a plain negation still negates
        ("the minister was not ready to withdraw from the region", "territory", "oppose"),
    ],
)
def test_not_against_accepts(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    assert rules.explain(content, [issue]).stance == stance


def test_whether_it_depends_is_a_forecast_not_terms(rules: StanceClassifier) -> None:
    content = "The text is a good basis. Whether it holds depends on what the Kremlin does next."
    assert rules.explain(content, ["plan_overall"]).stance == "support"
    # the speaker's own terms still are
    assert rules.explain("our support depends on a ceasefire", ["plan_overall"]).stance == "conditional"


@pytest.mark.parametrize(
    ("content", "sentence", "terms"),
    [
        # a refusal on terms in the "but" clause after the statement
        (
            "she was not against a ceasefire in principle",
            "Ms Lind said she was not against a ceasefire in principle, but that she could not back one that"
            " left the front unwatched.",
            True,
        ),
        # a "but" clause with a plain negation and no terms lays none
        (
            "the envoy was hopeful about the talks",
            "The envoy was hopeful about the talks, but did not give a date.",
            False,
        ),
    ],
)
def test_a_refusal_on_terms_after_but_qualifies_the_statement(
    rules: StanceClassifier, content: str, sentence: str, terms: bool
) -> None:
    assert (rules.qualified(content, sentence) is not None) == terms


def test_noted_is_not_taken_for_not(rules: StanceClassifier) -> None:
    # "not" in the "but" clause is no reporting verb, so the open point still counts
    sentence = "He said the draft was a basis, but not everything has been worked out."
    assert rules.qualified("the draft was a basis", sentence) is not None


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # a thing denied any part is refused
        ("the Kremlin sees no role for foreign troops in Ukraine", "nato", "support"),
        ("there is no room for territorial concessions", "territory", "oppose"),
        # a part given is not
        ("Paris sees a role for foreign troops in Ukraine", "nato", "oppose"),
    ],
)
def test_no_role_for_refuses(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    assert rules.explain(content, [issue]).stance == stance
