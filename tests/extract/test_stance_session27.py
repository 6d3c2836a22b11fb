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
def test_an_auxiliary_the_stemmer_changes_still_joins_subject_and_verb(rules: StanceClassifier, content: str) -> None:
    result = rules.explain(content, ["territory"], "said")
    assert (result.stance, REJECTION in result.tags) == ("oppose", True), result.reason


@pytest.mark.parametrize(
    "content",
    [
        "elections held under shelling are not true elections",
        "a truce that nobody monitors is not a genuine truce",
    ],
)
def test_a_determiner_the_stemmer_changes_still_opens_a_denied_kind(rules: StanceClassifier, content: str) -> None:
    issue = "ceasefire" if "truce" in content else "elections_legitimacy"
    result = rules.explain(content, [issue], "said")
    assert (result.stance, DENIED_KIND in result.tags) == ("conditional", True), result.reason


@pytest.mark.parametrize(
    ("content", "issue"),
    [
        # a bare "while" opens a clause inside the clause: the verdict is said of the whole
        ("holding a vote while rockets fall on the polling stations would be a gift to the Kremlin", "elections_legitimacy"),
        ("asking one army to shrink while the other keeps growing is not peace", "military_limits"),
    ],
)
def test_a_bare_while_does_not_cut_a_verdict_off_what_it_judges(
    rules: StanceClassifier, content: str, issue: str
) -> None:
    assert rules.explain(content, [issue], "said").stance == "oppose"
