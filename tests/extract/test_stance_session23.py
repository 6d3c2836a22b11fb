"""Stance constructions that new wording carries and phrase lists miss (issue 9, session 23):
refusals on terms, concessions bounded by a refusal, negations that affirm (litotes, holding on
to a point) and verdicts by figure. The rules alone, on sentences written for these tests, with
a negative case for each mechanism: the construction must decide where it is, and nothing
change where it is not."""

from __future__ import annotations

import pytest

from redline.extract.stance import BOUNDED, TERMS, StanceClassifier
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def rules() -> StanceClassifier:
    return StanceClassifier(load_issues())


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # a negated relief, offer or acceptance whose lifting is bound to a restriction clause
        (
            "the bank would not return a single dollar of the frozen assets unless the truce holds",
            "sanctions_economy",
        ),
        (
            "no sanctions on Russian ships will be eased until the guns have been silent for a month",
            "sanctions_economy",
        ),
        (
            "Rome would not commit engineers to the reactor site without a mandate from the Security Council",
            "nuclear_plant",
        ),
        (
            "the cabinet was not opposed to a truce on the present line, provided monitors could patrol it",
            "ceasefire",
        ),
        (
            "Oslo will not endorse any guarantee for Kyiv that its parliament cannot enforce",
            "security_guarantees",
        ),
        (
            "the chancellor will never sign any framework which leaves the aggressor free to rearm",
            "plan_overall",
        ),
        (
            "the council would not lift the asset freeze so long as the shelling of cities goes on",
            "sanctions_economy",
        ),
    ],
)
def test_a_refusal_on_terms_is_conditional(rules: StanceClassifier, content: str, issue: str) -> None:
    result = rules.explain(content, [issue])
    assert (result.stance, TERMS in result.tags) == ("conditional", True), result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # the restriction's clause names the point itself: a demand for it, not terms
        (
            "a lasting settlement is impossible without the withdrawal of Ukrainian forces from Donbas",
            "territory",
            "support",
        ),
        ("the ministry would not accept any deal that required Kyiv to give up land", "territory", "oppose"),
        # pressure kept on while something lasts: no negated relief, so no terms
        (
            "the bloc will keep its sanctions in place as long as foreign troops occupy the region",
            "sanctions_economy",
            "oppose",
        ),
        # a negation with no restriction after it
        ("the operator would not hand the plant over to anybody", "nuclear_plant", "neutral"),
        # persistence is not a term: "will not stop until"
        ("the brigades will not stop fighting until the last village is free", "ceasefire", None),
        # a threat is no term: "will not go without consequences"
        ("seizing the reserves will not go without consequences for the banks", "sanctions_economy", None),
        # a participle that is a verb, not "provided that"
        ("the envoy did not provide any details of the ceasefire proposal", "ceasefire", None),
    ],
)
def test_no_terms_where_the_clause_is_the_point_or_there_is_none(
    rules: StanceClassifier, content: str, issue: str, stance: str | None
) -> None:
    result = rules.explain(content, [issue])
    assert TERMS not in result.tags, result.reason
    if stance is not None:
        assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # the refusal after the turn decides, read by itself
        (
            "Kyiv could put the alliance question aside for now but would never write a ban into law",
            "nato",
            "oppose",
        ),
        (
            "we could accept inspectors for the time being, but we will never agree to share the reactor",
            "nuclear_plant",
            "oppose",
        ),
        # a refusal with no wording of its own still refuses what the plan asks
        ("we can pause the membership question, but we cannot bury it", "nato", "oppose"),
    ],
)
def test_a_concession_bounded_by_a_refusal_takes_the_refusal(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    result = rules.explain(content, [issue])
    assert (result.stance, BOUNDED in result.tags) == (stance, True), result.reason


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # a concession alone concedes
        ("Kyiv could put the alliance question aside for now", "nato"),
        # a turn with no refusal after it
        ("the talks are paused for now, but the envoys keep calling each other", "plan_overall"),
    ],
)
def test_no_bounded_concession_without_a_refusal_after_the_turn(
    rules: StanceClassifier, content: str, issue: str
) -> None:
    assert BOUNDED not in rules.explain(content, [issue]).tags


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # litotes: a negation of a negation affirms
        ("there is no reason not to welcome the truce clauses", "ceasefire", "support"),
        ("one cannot but welcome the exchange of prisoners", "humanitarian", "support"),
        # holding on to a point: its own wording counts as said
        ("the return of the deported children is a demand Kyiv will never drop", "humanitarian", "support"),
        (
            "the prime minister said she was not ready to walk away from the negotiations",
            "plan_overall",
            "support",
        ),
    ],
)
def test_negations_that_affirm(rules: StanceClassifier, content: str, issue: str, stance: str) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # single negations still negate
        ("we do not welcome the truce clauses", "ceasefire", "oppose"),
        # a letting-go that is the issue's own wording is a refusal of the point
        ("Ukraine will never renounce its path to the alliance", "nato", "oppose"),
        # a point dropped from the draft is still a removal
        ("the amnesty clause was dropped from the draft", "amnesty_justice", "oppose"),
    ],
)
def test_plain_negations_and_removals_unchanged(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason
    assert "held" not in result.tags and "litotes" not in result.tags


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # a historical analogy for a bad peace, or a figure of deceit, judges what it names
        ("the framework is Versailles in reverse", "plan_overall", "oppose"),
        ("the opposition leader called the text a second Munich", "plan_overall", "oppose"),
        ("the so-called guarantees are a Trojan horse", "security_guarantees", "oppose"),
        # said of the other side's alternative, it is aimed as any verdict: Moscow calling
        # Western troops in Ukraine a back door backs the plan's exclusion of them
        ("western troops in Ukraine would be a back door for the alliance", "nato", "support"),
    ],
)
def test_a_verdict_by_figure_is_negative(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason


def test_a_figure_needs_its_words(rules: StanceClassifier) -> None:
    # "back" and "door" apart are no figure
    result = rules.explain("the delegation came back through the side door of the hotel", ["plan_overall"])
    assert result.stance == "neutral", result.reason


@pytest.mark.parametrize(
    ("content", "sentence", "terms"),
    [
        (
            "the cabinet was not opposed to a truce along the present line",
            "The minister said the cabinet was not opposed to a truce along the present line, provided "
            "monitors could patrol it.",
            True,
        ),
        (
            "Warsaw would back the memorandum",
            "Officials said Warsaw would back the memorandum as long as observers can reach the line.",
            True,
        ),
        # a participle after no clause break is a verb
        (
            "the envoy said the allies would not",
            "He said the allies would not provided details to the press.",
            False,
        ),
        # nothing after the statement
        ("Warsaw would back the memorandum", "Warsaw would back the memorandum, officials said.", False),
        # the reporter's "without" after the statement lays no terms
        (
            "positive",
            'The spokeswoman called the call "positive," without giving further details.',
            False,
        ),
    ],
)
def test_a_restriction_after_the_statement_lays_terms_on_it(
    rules: StanceClassifier, content: str, sentence: str, terms: bool
) -> None:
    assert (rules.qualified(content, sentence) is not None) == terms


@pytest.mark.parametrize(
    ("content", "issue", "stance"),
    [
        # a negative subject negates its clause, however far the point is from it
        ("nobody in the cabinet is talking about handing over the southern towns", "territory", "oppose"),
        ("the ministry denies the deportations, and there is no one to return", "humanitarian", "oppose"),
        # not past the clause: the demand after the comma is said
        (
            "nobody was surprised, but Moscow insists Ukraine must withdraw from Donbas",
            "territory",
            "support",
        ),
    ],
)
def test_a_negative_subject_negates_its_clause(
    rules: StanceClassifier, content: str, issue: str, stance: str
) -> None:
    result = rules.explain(content, [issue])
    assert result.stance == stance, result.reason
