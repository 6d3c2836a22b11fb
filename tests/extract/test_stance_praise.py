"""Praise of how the talks went is a position on the negotiations (support on the plan as a
whole), on sentences written for these tests."""

from __future__ import annotations

import pytest

from redline.extract.stance import StanceClassifier
from redline.knowledge.issues import load_issues


@pytest.fixture(scope="module")
def classifier() -> StanceClassifier:
    return StanceClassifier(load_issues())


@pytest.mark.parametrize(
    "content",
    [
        # the language's praise words (appraisal.yaml), not only the stance lexicon's
        "the foreign ministers had an excellent meeting in Vienna",
        "the summit in Oslo laid the foundation for the next round",
        "the envoys' visit was going along well",
        "the atmosphere at the dinner was warm and cordial",
    ],
)
def test_praise_of_how_the_talks_went_is_support(classifier: StanceClassifier, content: str) -> None:
    result = classifier.explain(content, ["process"], "said", None)
    assert result.stance == "support"
    assert "appraisal" in result.tags


@pytest.mark.parametrize(
    "content",
    [
        # a mixed verdict takes no side; negated praise is a complaint, not opposition to talking
        "the session in Vienna was tense but businesslike",
        "the dinner was cordial, but it is too early to say what it achieved",
        "holding the summit in public would not be helpful",
        # logistics stay facts
        "the foreign ministers will meet in Vienna on Tuesday",
    ],
)
def test_mixed_negated_or_absent_praise_is_no_position(classifier: StanceClassifier, content: str) -> None:
    assert classifier.classify(content, ["process"], "said", None) == "neutral"


def test_praise_reads_as_support_only_on_the_frames(classifier: StanceClassifier) -> None:
    # "excellent" is no evaluation of a specific point unless the stance lexicon says so
    content = "the harvest in Kherson was excellent"
    assert classifier.classify(content, ["territory"], "said", None) == "neutral"


@pytest.mark.parametrize(
    "content",
    [
        "Kyiv's readiness for direct negotiations with Moscow",
        "the minister said his country was ready to negotiate without preconditions",
        "both governments remain committed to the dialogue begun in Vienna",
        "she was prepared for frank discussions with the other side",
    ],
)
def test_readiness_to_negotiate_is_support(classifier: StanceClassifier, content: str) -> None:
    assert classifier.classify(content, ["process"], "said", None) == "support"


@pytest.mark.parametrize(
    "content",
    [
        # readiness to host or to hand over is a process fact
        "Austria is ready to host the talks in Vienna",
        "the draft is ready to be sent to the delegations",
        # a refusal stays a refusal
        "Moscow is not ready for talks with Kyiv",
    ],
)
def test_readiness_to_host_is_no_readiness_to_negotiate(classifier: StanceClassifier, content: str) -> None:
    assert classifier.classify(content, ["process"], "said", None) != "support"


def test_readiness_takes_what_it_is_ready_for_as_its_object(classifier: StanceClassifier) -> None:
    # being ready for a long war is against the ceasefire, not for it
    content = "the army was prepared for a protracted war"
    assert classifier.classify(content, ["ceasefire"], "said", None) == "oppose"
