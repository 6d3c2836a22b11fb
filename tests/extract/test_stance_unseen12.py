"""Stance and issues on the wordings the twelfth held-out batch read wrong (session 27): a trade
refused ("would give up no land in return for promises") against a trade accepted at a price
("would give up land in return for guarantees"), a refusal said on the object ("cede no land",
"nobody signs our village away"), an offer held open to a date ("and not a day longer"), a point
accepted as what peace costs ("is the price of"), a thing that lacks what it needs called
something else ("a guarantee without troops is a promise, not a deterrent"), a deal "within
reach", and the courts named bare on the amnesty point. The rules alone, on sentences written
for these tests, each with a case where the construction is absent and nothing changes."""

from __future__ import annotations

import pytest

from redline.extract.issues import IssueTagger
from redline.extract.stance import DENIED_KIND, StanceClassifier
from redline.knowledge.actors import load_actors
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues(), load_actors().state_names())


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        ("the government would give up no land in return for vague promises", "territory"),
        ("Vienna will not lift one sanction in exchange for a pause in the shelling", "sanctions_economy"),
        ("the cabinet would cede no villages in exchange for a loan", "territory"),
    ],
)
def test_a_refused_trade_is_opposition(rules: StanceClassifier, content: str, issue: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == "oppose", result.reason


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # the same trade, not refused: accepted at a price
        ("the government would give up land in return for firm guarantees", "territory"),
        ("Vienna would lift some sanctions in exchange for a lasting truce", "sanctions_economy"),
        # a negation in another clause does not refuse this trade
        ("we did not ask for it, but we would withdraw in return for guarantees", "territory"),
    ],
)
def test_an_accepted_trade_stays_conditional(rules: StanceClassifier, content: str, issue: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == "conditional", result.reason


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ("nobody signs our village away", "oppose"),
        ("the council will sign the eastern district away", "support"),
        # a measure, not a refusal
        ("the brigades must withdraw no later than the spring", "support"),
    ],
)
def test_a_refusal_said_on_the_object(rules: StanceClassifier, content: str, stance: str) -> None:
    result = rules.explain(content, ["territory"])
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        (
            "the offer of a guarantee stands until the end of March and not a day longer",
            "security_guarantees",
            "conditional",
        ),
        ("an amnesty is the price of the guns falling silent", "amnesty_justice", "conditional"),
        ("an amnesty would reward the guns", "amnesty_justice", "support"),
        ("a deal on the nuclear plant is within reach", "nuclear_plant", "support"),
        # "if not yet" concedes, it lays no terms; a plain "if not" still does
        ("a deal on the nuclear plant is within reach, if not yet in hand", "nuclear_plant", "support"),
        ("we would back the nuclear plant deal if not blocked by Moscow", "nuclear_plant", "conditional"),
    ],
)
def test_deadlines_prices_and_reach(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        ("a guarantee without troops on the ground is a promise, not a deterrent", "security_guarantees"),
        ("a truce without monitors is a pause, not peace", "ceasefire"),
    ],
)
def test_a_thing_lacking_what_it_needs(rules: StanceClassifier, content: str, issue: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == "conditional" and DENIED_KIND in result.tags, result.reason


def test_without_the_lack_the_verdict_is_read_as_usual(rules: StanceClassifier) -> None:
    # no "without" in the subject, and a clause that goes on after the second noun
    for content in (
        "the truce is a pause, not peace",
        "a truce without monitors is a pause, not a peace anyone can trust",
    ):
        assert DENIED_KIND not in rules.explain(content, ["ceasefire"]).tags, content


@pytest.mark.parametrize(
    "content",
    [
        "no settlement could bind the judges in The Hague or erase a warrant",
        "no settlement could bind the Court or erase a warrant",
        "the clause would stay because a war that ends in courtrooms does not end",
    ],
)
def test_the_courts_named_bare_are_the_amnesty_point(content: str) -> None:
    assert "amnesty_justice" in IssueTagger(load_issues()).tag(content)


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ("any ceiling on troops must bind the other army too", "conditional"),
        ("the limits must apply equally to both armies", "conditional"),
        # the limit asked of one side only is a demand for it
        ("the ceiling on troops must be accepted", "support"),
    ],
)
def test_a_limit_asked_of_both_sides(rules: StanceClassifier, content: str, stance: str) -> None:
    result = rules.explain(content, ["military_limits"])
    assert result.stance == stance, result.reason
