"""The side a statement takes (support / oppose / conditional) once it voices a position, on
sentences written for these tests: conditions the rules used to miss and idioms that only look
like one, refusals and rhetorical questions, prerequisites ("no peace without ..."), reported
evaluations whose object is the other side's alternative, and sanctions pressure read as
opposition to relief."""

from __future__ import annotations

import pytest

from redline.extract.stance import StanceClassifier
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues())


def _stance(rules: StanceClassifier, content: str, issue: str, cue: str, party: str | None) -> str:
    result = rules.explain(content, [issue], cue, party)
    return f"{result.stance} ({result.reason})"


@pytest.mark.parametrize(
    ("content", "issue", "cue", "party"),
    [
        # what is left to settle, said of the text
        ("a few of the points will require more discussion", "plan_overall", "said", "russia"),
        ("serious disagreements remained over the text", "plan_overall", "said", "russia"),
        ("this question can be discussed with the Americans", "plan_overall", "said", "russia"),
        ("the remaining details must be resolved before anything is signed", "plan_overall", "said", None),
        # terms laid on the deal as a whole
        ("any settlement must protect the people of the region", "plan_overall", "said", "europe"),
        ("the root causes of the conflict have to be removed first", "plan_overall", "stressed", "russia"),
        ("our legitimate interests must be taken into account", "plan_overall", "said", "russia"),
        ("an end to the war cannot mean a surrender for the country", "plan_overall", "insisted", "europe"),
        ("no deal can be signed without Europe at the table", "plan_overall", "said", "europe"),
        # the principles a deal is to keep
        ("the team is reviewing the text within the country's principles", "plan_overall", "said", "ukraine"),
        # standards to meet first, and a step that may not be taken alone
        ("a candidate has to meet the criteria before it can join", "eu_membership", "said", "eu"),
        ("membership decisions should not be taken unilaterally", "eu_membership", "said", "eu"),
    ],
)
def test_conditions_on_the_deal(
    rules: StanceClassifier, content: str, issue: str, cue: str, party: str
) -> None:
    assert _stance(rules, content, issue, cue, party).startswith("conditional")


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # a principle named outside the deal's terms is no condition on a specific point
        ("the country has every right to join, in keeping with its principles", "eu_membership", "support"),
        # doing something alone is not the same as refusing to do it alone
        ("the bloc acted unilaterally to speed up the accession", "eu_membership", "support"),
        # criteria named but not to be met
        ("the criteria were published last year", "eu_membership", "neutral"),
    ],
)
def test_terms_words_that_lay_no_terms(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    assert _stance(rules, content, issue, "said", "eu").startswith(stance)


def test_a_requirement_on_a_specific_point_is_a_demand_for_it(rules: StanceClassifier) -> None:
    content = "any settlement must give Ukraine binding guarantees"
    assert _stance(rules, content, "security_guarantees", "said", "europe").startswith("support")


@pytest.mark.parametrize(
    ("content", "issue", "cue", "party", "stance"),
    [
        # a duration, haste, a hedge, a time: no condition
        (
            "the assets will stay frozen for as long as it takes",
            "sanctions_economy",
            "said",
            "europe",
            "oppose",
        ),
        (
            "it is a good basis and we hope to sign it as soon as possible",
            "plan_overall",
            "said",
            None,
            "support",
        ),
        (
            "at some point he is going to have to accept the plan",
            "plan_overall",
            "said",
            "united_states",
            "support",
        ),
        # "once" as "again" or "at once", not "as soon as"
        ("once again, we stand ready to sign a good agreement", "plan_overall", "said", "europe", "support"),
        ("the envoys once more called the framework a good basis", "plan_overall", "said", None, "support"),
        # ... while "once" opening a clause still makes one
        ("once the troops leave, the framework is a good basis", "plan_overall", "said", None, "conditional"),
        # a counterfactual accusation: no condition either
        (
            "if Moscow really wanted peace, it could have agreed to a truce months ago",
            "ceasefire",
            "said",
            "eu",
            "support",
        ),
    ],
)
def test_idioms_that_only_look_like_a_condition(
    rules: StanceClassifier, content: str, issue: str, cue: str, party: str, stance: str
) -> None:
    assert _stance(rules, content, issue, cue, party).startswith(stance)


@pytest.mark.parametrize(
    ("content", "issue", "party", "stance"),
    [
        # a rhetorical question refuses what it asks about
        ("why should we hand over land our soldiers died for?", "territory", "ukraine", "oppose"),
        ("why would anyone accept a plan written in Moscow?", "plan_overall", "ukraine", "oppose"),
        # a prerequisite demands what follows "without", and its "no" negates nothing
        (
            "there will be no settlement without Kyiv giving up the rest of Donbas",
            "territory",
            "russia",
            "support",
        ),
        (
            "there can be no lasting peace without justice for the victims",
            "amnesty_justice",
            "ukraine",
            "oppose",
        ),
        # ... and a prerequisite with no wording of the issue is evaluative: the party's side
        (
            "a lasting peace is impossible without solving the question of territory",
            "territory",
            "russia",
            "support",
        ),
        (
            "a lasting peace is impossible without solving the question of territory",
            "territory",
            "ukraine",
            "oppose",
        ),
    ],
)
def test_refusals_and_prerequisites(
    rules: StanceClassifier, content: str, issue: str, party: str, stance: str
) -> None:
    assert _stance(rules, content, issue, "said", party).startswith(stance)


@pytest.mark.parametrize(
    ("content", "issue", "cue", "party", "stance"),
    [
        # the cue verb judges what the content names
        ("the latest sanctions against Russian banks", "sanctions_economy", "condemned", "russia", "support"),
        ("the new sanctions package", "sanctions_economy", "welcomed", "europe", "oppose"),
        ("Kyiv's refusal to pull its troops out of Donbas", "territory", "criticised", "russia", "support"),
        ("the European amendments to the draft", "plan_overall", "criticised", "russia", "support"),
        # an evaluation of the other side's alternative backs the plan
        (
            "the European counter-proposal is not constructive at all",
            "plan_overall",
            "said",
            "russia",
            "support",
        ),
        ("we will not accept the American draft as it stands", "plan_overall", "said", "russia", "oppose"),
        # misgivings voiced about the plan
        ("grave doubts about the draft", "plan_overall", "expressed", "ukraine", "oppose"),
        ("the draft a real mess", "plan_overall", "called", None, "oppose"),
    ],
)
def test_reported_evaluations(
    rules: StanceClassifier, content: str, issue: str, cue: str, party: str | None, stance: str
) -> None:
    assert _stance(rules, content, issue, cue, party).startswith(stance)


@pytest.mark.parametrize(
    ("content", "party", "stance"),
    [
        # pressure on Russia's revenue resists relief
        ("the allies should halt purchases of Russian oil", "united_states", "oppose"),
        ("the measures target the banks that fund the war machine", "united_states", "oppose"),
        ("Russia's reserves must stay frozen until it pays", "ukraine", "oppose"),
        # judging the measures flips: against confiscation is for relief
        ("seizing the central bank's assets would be illegal", "russia", "support"),
        ("confiscating the reserves would undermine confidence in the euro", "europe", "support"),
        ("we will not confiscate the frozen reserves", "europe", "support"),
    ],
)
def test_sanctions_pressure_and_its_critics(
    rules: StanceClassifier, content: str, party: str, stance: str
) -> None:
    assert _stance(rules, content, "sanctions_economy", "said", party).startswith(stance)


@pytest.mark.parametrize(
    ("content", "issue", "party", "stance"),
    [
        ("Washington should send long-range missiles to Ukraine", "military_limits", "europe", "oppose"),
        ("the West must stop sending weapons to Kyiv", "military_limits", "russia", "support"),
        ("Russia is ready for a protracted war", "ceasefire", "russia", "oppose"),
        ("the alliance's commitment to Ukraine's Euro-Atlantic future stands", "nato", "nato", "oppose"),
    ],
)
def test_issue_wording(rules: StanceClassifier, content: str, issue: str, party: str, stance: str) -> None:
    assert _stance(rules, content, issue, "said", party).startswith(stance)
