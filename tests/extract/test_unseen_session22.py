"""Error classes found on the third unseen batch (benchmarks/data/unseen3, session 22): new
coverage of the Ukraine talks with issue and stance gold. Each test is one general class, on the
project's own sentences (not the batch's), with the negative case beside it."""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import said_by
from redline.extract.issues import IssueTagger
from redline.extract.stance import StanceClassifier
from redline.knowledge.issues import load_issues

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def classifier() -> StanceClassifier:
    return StanceClassifier(load_issues())


@pytest.fixture(scope="module")
def tagger() -> IssueTagger:
    return IssueTagger(load_issues())


# --- stance ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "issue", "party", "stance"),
    [
        # a point said to be out of the talks is turned down, whatever wording it carries
        ("a pullout from the eastern regions is not on the table", "territory", "ukraine", "oppose"),
        ("giving up the Donbas is off the table for our government", "territory", "ukraine", "oppose"),
        # a refusal put after the verb: "accept no X" turns X down (here the other side's troops)
        ("Moscow would accept no Western soldiers on Ukrainian soil", "nato", "russia", "support"),
        # the alliance's own formula for membership
        ("the alliance's door stays open to Kyiv", "nato", "europe", "oppose"),
        # seeking membership pushes for it
        (
            "the country will keep seeking full membership of the European Union",
            "eu_membership",
            "ukraine",
            "support",
        ),
        # a consequence no one wants, and a text that went back
        ("capping the armed forces would invite another war", "military_limits", "europe", "oppose"),
        ("the latest version of the document is a step backwards", "plan_overall", "russia", "oppose"),
        # a deployment that must first go to a vote is support on terms
        (
            "the Netherlands backs the plan but will put any deployment to a vote in parliament",
            "plan_overall",
            "europe",
            "conditional",
        ),
    ],
)
def test_stance_wordings_from_new_coverage(
    classifier: StanceClassifier, content: str, issue: str, party: str, stance: str
) -> None:
    assert classifier.classify(content, [issue], "said", party) == stance


@pytest.mark.parametrize(
    ("content", "issue", "party", "not_stance"),
    [
        ("a pullout from the eastern regions is on the table", "territory", "ukraine", "oppose"),
        ("Moscow would accept Western soldiers on Ukrainian soil", "nato", "russia", "support"),
        ("the alliance's door is now closed to Kyiv", "nato", "europe", "oppose"),
        ("capping the armed forces would bring stability", "military_limits", "europe", "oppose"),
        ("the latest version of the document is a step forward", "plan_overall", "russia", "oppose"),
        ("the Netherlands backs the plan and will send engineers", "plan_overall", "europe", "conditional"),
    ],
)
def test_the_same_wordings_without_the_turn_keep_their_side(
    classifier: StanceClassifier, content: str, issue: str, party: str, not_stance: str
) -> None:
    assert classifier.classify(content, [issue], "said", party) != not_stance


# --- issues ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "Moscow sees no place for European contingents in Ukraine",
        "Russia would tolerate no Western soldiers near its border",
        "a military contingent from Norway would patrol the skies",
    ],
)
def test_foreign_soldiers_and_contingents_are_the_nato_troops_question(
    tagger: IssueTagger, content: str
) -> None:
    assert "nato" in tagger.tag(content)


@pytest.mark.parametrize(
    "content", ["a contingent of fans travelled to the final", "the soldiers were tired after the march"]
)
def test_contingents_and_soldiers_of_no_foreign_force_are_not(tagger: IssueTagger, content: str) -> None:
    assert "nato" not in tagger.tag(content)


# --- attribution -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Vilnius declined to say whether Lithuania backed the proposal.",
        "It is not clear whether the union endorsed the offer.",
        "The mayor wants to know if the council approved the budget.",
    ],
)
def test_a_speech_verb_in_an_embedded_question_reports_no_statement(extractor: Any, text: str) -> None:
    assert said_by(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Officials in Vilnius said Lithuania backed the proposal.", "Lithuania backed the proposal"),
        # "if" that sets a condition is no question: the statement after it stands
        ("If the council approves the budget, the mayor said, the strike will end.", "the strike will end"),
    ],
)
def test_the_same_verbs_outside_a_question_still_report(extractor: Any, text: str, content: str) -> None:
    assert content in [c for _, c in said_by(extractor, text)]


@pytest.mark.parametrize(
    ("text", "name", "content"),
    [
        (
            "Deputy minister Ilse Harrow spoke to reporters in Oslo. In her words, the offer is a trap.",
            "Ilse Harrow",
            "the offer is a trap",
        ),
        (
            "The port strike entered its third week. In the harbour master's words, the quays are empty.",
            "harbour master",
            "the quays are empty",
        ),
    ],
)
def test_in_someones_words_cites_the_possessor(extractor: Any, text: str, name: str, content: str) -> None:
    found = said_by(extractor, text)
    assert any(c == content and n is not None and name in n for n, c in found), found


def test_in_other_words_cites_nobody(extractor: Any) -> None:
    assert said_by(extractor, "The talks stalled again. In other words, the plan is dead.") == []


@pytest.mark.parametrize(
    ("text", "name", "content"),
    [
        (
            "The port reopened on Monday.\n\nIn Hamburg, a union spokesman, Jens Albers, said the council "
            "would back the deal.",
            "Jens Albers",
            "the council would back the deal",
        ),
        (
            "Ferries stopped on Friday.\n\nIn Oslo, a ministry spokeswoman, Kari Dahl, said the union would "
            "accept the offer.",
            "Kari Dahl",
            "the union would accept the offer",
        ),
    ],
)
def test_a_name_set_off_before_the_cue_speaks_not_the_subject_after_it(
    extractor: Any, text: str, name: str, content: str
) -> None:
    # the parser hangs the role on the place ("In Hamburg, a spokesman") and leaves "said" with
    # no subject: the subject of what was said is not its speaker
    assert (name, content) in said_by(extractor, text)


def test_a_name_right_after_the_cue_still_speaks(extractor: Any) -> None:
    found = said_by(extractor, "The port will reopen on Monday, said Jens Albers, a union spokesman.")
    assert found and found[0][0] == "Jens Albers"


def test_the_official_after_a_newly_introduced_official_is_that_official(extractor: Any) -> None:
    text = (
        "Ilze Berzina, a senior Latvian defence ministry official, went further. She argued that the cap "
        "was a gift to Moscow.\n\nThe alliance's position on membership had not changed, a NATO official "
        "said. The official added that membership was not on the agenda."
    )
    assert said_by(extractor, text)[-1] == ("anonymous NATO official", "membership was not on the agenda")


def test_the_official_with_no_newcomer_is_still_the_described_person(extractor: Any) -> None:
    text = (
        "Ilze Berzina, a senior Latvian defence ministry official, went further. She argued that the cap "
        "was a gift to Moscow. The official added that the agenda was full."
    )
    assert said_by(extractor, text)[-1] == ("Ilze Berzina", "the agenda was full")


@pytest.mark.parametrize(
    ("content", "party", "stance"),
    [
        ("Moscow will deal only with a government that wins a fresh vote", "russia", "support"),
        ("there will be no new vote while the war goes on", "ukraine", "oppose"),
    ],
)
def test_a_new_vote_is_the_election_demand(
    classifier: StanceClassifier, content: str, party: str, stance: str
) -> None:
    assert classifier.classify(content, ["elections_legitimacy"], "said", party) == stance
