"""An act of saying that was only requested of someone ("when asked to comment on the leak") or
that someone is only ready or scheduled to perform ("is preparing to reject the offer", "is set
to announce tariffs") is not a statement the guide counts. The request itself, and acts said
to be done, still are. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import Attributed
from redline.extract.attribution import find_attributions
from redline.knowledge.cues import load_cues

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "When asked by reporters to comment on the leak, the mayor walked away.",
        "The council was urged to explain the budget gap.",
        "The union is preparing to reject the latest pay offer.",
        "The minister is set to announce new tariffs on Friday.",
    ],
)
def test_speech_only_requested_or_readied_is_no_statement(attributed: Attributed, text: str) -> None:
    found = attributed(text)
    assert found == [], found


def test_a_request_made_is_the_requesters_statement(attributed: Attributed) -> None:
    found = [
        (a.content, a.cue, a.source)
        for a in attributed("The mayor has asked the auditors to explain the budget gap.")
    ]
    assert ("the auditors to explain the budget gap", "has asked", "The mayor") in found, found


def test_a_rejection_made_is_still_a_statement(attributed: Attributed) -> None:
    found = [(a.content, a.cue, a.source) for a in attributed("The union rejected the latest pay offer.")]
    assert ("the latest pay offer", "rejected", "The union") in found, found


def test_polnear_policy_keeps_the_reporters_question(nlp: Language) -> None:
    """PolNeAR counts words no one is named as saying, the reporter's question among them."""
    doc = nlp("Asked to describe the device, the chief said it was crude.")
    cues = load_cues(
        policy={"merge_split_quotes": True, "mental_states": True, "sourceless_statements": True}
    )
    contents = [doc.text[a.content[0] : a.content[1]] for a in find_attributions(doc, cues)]
    assert any(c.startswith("the device") for c in contents), contents
