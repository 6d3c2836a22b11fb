"""A cue set off between a fronted subject and its verb ("The new tariff, the ministry said,
will take effect"), a source noun the parser hangs on a "cited" it takes for an auxiliary, and a
quotation mark the parser hangs on a preposition (issue 10, attribution on real news).

A clause interrupted by its cue is one statement over the insert under either policy (the unseen
batches' guideline, session 31; PolNeAR's span); only a quotation split by its cue is two. Before
session 31 the guide's policy gave the fronted subject a statement of its own. Every sentence is
written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from attribution_spans import said_by, triples
from redline.knowledge.cues import load_cues

pytestmark = pytest.mark.model

GUIDE = load_cues()
MERGED = load_cues(policy={"merge_split_quotes": True})


@pytest.mark.parametrize("lexicon", [GUIDE, MERGED], ids=["guide", "merged"])
@pytest.mark.parametrize(
    ("text", "whole"),
    [
        (
            "The new tariff, the ministry said, will take effect in March.",
            "The new tariff, the ministry said, will take effect in March",
        ),
        (
            "The port's sale, according to two officials, is a done deal.",
            "The port's sale, according to two officials, is a done deal",
        ),
        (
            "Any new treaty, the envoy added, must also cover the prisoners.",
            "Any new treaty, the envoy added, must also cover the prisoners",
        ),
    ],
)
def test_a_clause_interrupted_by_its_cue_is_one_statement_over_the_insert(
    nlp: Language, lexicon: Any, text: str, whole: str
) -> None:
    # the unseen batches' guideline (and PolNeAR's span): the subject alone is no second statement
    assert [c for c, _, _ in triples(nlp, text, lexicon)] == [whole]


def test_a_fronted_time_stays_outside_the_interrupted_clause(nlp: Language) -> None:
    text = "On Friday, the port's sale, the mayor said, was a done deal."
    contents = [c for c, _, _ in triples(nlp, text, GUIDE)]
    assert len(contents) == 1 and contents[0].endswith("the mayor said, was a done deal"), contents


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("This, he said, was the right step for the club.", "This, he said, was the right step for the club"),
        (
            "The coach met reporters on Monday. Silva, he said, had agreed to stay.",
            "Silva, he said, had agreed to stay",
        ),
    ],
)
def test_a_fronted_pronoun_or_lone_name_is_no_statement_of_its_own(
    nlp: Language, text: str, whole: str
) -> None:
    contents = [c for c, _, _ in triples(nlp, text, GUIDE)]
    assert contents == [whole], contents


def test_a_quotation_split_by_its_cue_is_still_read_as_quotations(nlp: Language) -> None:
    contents = [c for c, _, _ in triples(nlp, '"The old pier," she said, "is no longer safe."', GUIDE)]
    assert [c.rstrip(".") for c in contents] == ["The old pier", "is no longer safe"]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Sources cited described the crossing as rough.", "Sources", "described"),
        ("People cited said the vote had been close.", "People", "said"),
    ],
)
def test_a_source_noun_before_cited_speaks(nlp: Language, text: str, source: str, cue: str) -> None:
    found = triples(nlp, text, GUIDE)
    assert [(s, c) for _, c, s in found] == [(source, cue)], found


def test_unnamed_sources_before_cited_get_the_guide_label(extractor: Any) -> None:
    said = said_by(extractor, "Sources cited described the crossing as rough.")
    assert said == [("unnamed sources", "the crossing as rough")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The governor spoke of "a new chapter" for the harbour.', '"a new chapter" for the harbour'),
        ('The harbour master warned of "a long winter" for the fleet.', '"a long winter" for the fleet'),
    ],
)
def test_a_quotation_opening_a_prepositional_object_is_content(
    nlp: Language, text: str, content: str
) -> None:
    assert content in [c for c, _, _ in triples(nlp, text, GUIDE)]
