"""Stance on constructions of English that carry over to coverage nobody tuned on (issue 9,
session 27). The rules alone, on sentences written for these tests, each construction with a
case where it is absent or reads otherwise."""

from __future__ import annotations

import pytest

from redline.extract.stance import DENIED_KIND, REJECTION, StanceClassifier
from redline.knowledge.actors import load_actors
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues(), load_actors().state_names())


# the word lists of stance.py are compared with stemmed tokens: an entry the stemmer changes
# ("have" -> "hav", "true" -> "tru") matched nothing while it was written as English


@pytest.mark.parametrize(
    "content",
    [
        "we have rejected the proposal for a buffer zone along the river",
        "we have flatly rejected the proposal for a buffer zone",
    ],
)
def test_an_auxiliary_the_stemmer_changes_still_joins_subject_and_verb(
    rules: StanceClassifier, content: str
) -> None:
    result = rules.explain(content, ["territory"], "said")
    assert (result.stance, REJECTION in result.tags) == ("oppose", True), result.reason


@pytest.mark.parametrize(
    "content",
    [
        "elections held under shelling are not true elections",
        "a truce that nobody monitors is not a genuine truce",
    ],
)
def test_a_determiner_the_stemmer_changes_still_opens_a_denied_kind(
    rules: StanceClassifier, content: str
) -> None:
    issue = "ceasefire" if "truce" in content else "elections_legitimacy"
    result = rules.explain(content, [issue], "said")
    assert (result.stance, DENIED_KIND in result.tags) == ("conditional", True), result.reason


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # a bare "while" opens a clause inside the clause: the verdict is said of the whole
        (
            "holding a vote while rockets fall on the polling stations would be a gift to the Kremlin",
            "elections_legitimacy",
        ),
        ("asking one army to shrink while the other keeps growing is not peace", "military_limits"),
    ],
)
def test_a_bare_while_does_not_cut_a_verdict_off_what_it_judges(
    rules: StanceClassifier, content: str, issue: str
) -> None:
    assert rules.explain(content, [issue], "said").stance == "oppose"


# an aside set off by commas inside a clause is read as if it were not there: a negator or a
# verdict reaches across it


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        (
            "we have never agreed, in public or in private, to hand over a single village",
            "territory",
            "oppose",
        ),
        ("Kyiv will not, in any case, give up the city", "territory", "oppose"),
        ("the draft, in our view, is unacceptable", "plan_overall", "oppose"),
        ("the deployment of Western troops, the minister said, would be unacceptable", "nato", "support"),
    ],
)
def test_an_aside_does_not_cut_the_clause_it_interrupts(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    assert rules.explain(content, [issue], "said").stance == stance


@pytest.mark.parametrize(
    "content",
    [
        # a concession or a condition between commas is no aside: it still bounds the statement
        "Kyiv could shelve the question, for now, but would never write a ban into law",
        "Kyiv would cede the town, in principle, if the vote agreed",
    ],
)
def test_a_concession_or_condition_between_commas_is_no_aside(rules: StanceClassifier, content: str) -> None:
    issue = "nato" if "ban" in content else "territory"
    assert rules._without_asides(content) == content
    assert rules.explain(content, [issue], "said").stance in ("oppose", "conditional")


# a failure denied is praise: "the talks are not failing" is a position on the negotiations


@pytest.mark.parametrize(
    "content",
    [
        "none of this means the talks are failing",
        "I am not pessimistic about the talks",
        "the talks have not stalled",
    ],
)
def test_a_failure_denied_is_praise(rules: StanceClassifier, content: str) -> None:
    assert rules.explain(content, ["plan_overall"], "said").stance == "support"


@pytest.mark.parametrize(
    "content",
    [
        "the talks are failing",
        # mixed: a failure denied beside one said
        "the talks have not stalled, but they are difficult",
    ],
)
def test_a_failure_said_or_mixed_is_no_praise(rules: StanceClassifier, content: str) -> None:
    assert rules.explain(content, ["plan_overall"], "said").stance != "support"


# a verdict by consequence said with a modal, whatever it empties, and paying for the war


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        ("an amnesty for the commanders would empty the tribunal's docket", "amnesty_justice"),
        ("lifting the sanctions now would fund the next offensive", "sanctions_economy"),
        ("easing the restrictions would finance the next war", "sanctions_economy"),
    ],
)
def test_a_consequence_that_empties_or_pays_for_the_war_opposes(
    rules: StanceClassifier, content: str, issue: str
) -> None:
    assert rules.explain(content, [issue], "said").stance == "oppose"


def test_funding_what_is_not_the_war_is_no_verdict(rules: StanceClassifier) -> None:
    assert (
        rules.explain(
            "lifting sanctions would help fund reconstruction", ["sanctions_economy"], "said"
        ).stance
        == "support"
    )


# the wish to join NATO in any word of wanting, a few words before the joining: resisting wording
# of the plan's no-membership point


@pytest.mark.parametrize(
    "content",
    [
        "our aim has always been to join NATO",
        "Ukraine's wish was always to join the alliance",
        "its dream is still to join NATO one day",
    ],
)
def test_any_wish_to_join_resists_the_no_membership_point(rules: StanceClassifier, content: str) -> None:
    assert rules.explain(content, ["nato"], "said").stance == "oppose"
