"""Session 29 (issue 10): under the PolNeAR profile each word plays one part in one statement,
so a quotation with no cue of its own that stands inside another statement's words (a speaker
label's turn that quotes someone) is part of that statement, not a second one, and reported
words split by their own frame ("..., the captain said, but ...") are one statement; the
guide's policy keeps both apart. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import triples
from redline.knowledge.cues import POLNEAR_POLICY, load_cues

pytestmark = pytest.mark.model

POLNEAR = load_cues(policy=POLNEAR_POLICY)
GUIDE = load_cues()

TURN = (
    "VOSS: Well, nobody here is like, ‘The ferry is a luxury.’ It is how people get to work, "
    "and it has been for forty years."
)


def test_polnear_keeps_a_quotation_inside_a_labelled_turn_as_part_of_it(nlp: Language) -> None:
    found = [c for c, _, _ in triples(nlp, TURN, POLNEAR)]
    assert len(found) == 1
    assert found[0].startswith("Well, nobody here") and "The ferry is a luxury" in found[0]


def test_guide_still_gives_the_inner_quotation_its_own_statement(nlp: Language) -> None:
    found = [c for c, _, _ in triples(nlp, TURN, GUIDE)]
    assert "The ferry is a luxury" in found
    assert len(found) == 2


SPLIT = (
    "The ferry may not be the fastest way across, the captain said, but it is still the cheapest "
    "way to reach the islands."
)


def test_polnear_joins_reported_words_split_by_their_own_frame(nlp: Language) -> None:
    found = [c for c, _, _ in triples(nlp, SPLIT, POLNEAR)]
    assert len(found) == 1
    assert found[0].startswith("The ferry may not") and found[0].endswith("to reach the islands")
    assert [c for c, _, _ in triples(nlp, SPLIT, GUIDE)] == [
        "The ferry may not be the fastest way across",
        "it is still the cheapest way to reach the islands",
    ]


def test_polnear_keeps_reported_words_after_a_quotation_apart(nlp: Language) -> None:
    """After a quotation the words past the frame are often a statement of their own."""
    text = "“The ferry is slow,” the captain said, but the board has no money for a new one."
    found = [c for c, _, _ in triples(nlp, text, POLNEAR)]
    assert found == ["The ferry is slow", "the board has no money for a new one"]
