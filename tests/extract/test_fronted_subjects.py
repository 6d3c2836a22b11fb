"""A cue set off between a fronted subject and its verb ("The new tariff, the ministry said,
will take effect"), a source noun the parser hangs on a "cited" it takes for an auxiliary, and a
quotation mark the parser hangs on a preposition (issue 10, attribution on real news).

The guide counts a sentence split by its cue as two statements, as it counts a split quotation:
the fronted subject is one and the rest another (a lone pronoun or name is none); a lexicon that
merges split quotes (PolNeAR) reads one statement over the insert. Before, the subject was lost
under both policies. Every sentence is written for these tests.
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


@pytest.mark.parametrize(
    ("text", "subject", "rest", "cue", "source"),
    [
        (
            "The new tariff, the ministry said, will take effect in March.",
            "The new tariff",
            "will take effect in March",
            "said",
            "the ministry",
        ),
        (
            "On Friday, the port's sale, the mayor said, was a done deal.",
            "the port's sale",
            "was a done deal",
            "said",
            "the mayor",
        ),
        (
            "The port's sale, according to two officials, is a done deal.",
            "The port's sale",
            "is a done deal",
            "according to",
            "two officials",
        ),
    ],
)
def test_the_guide_counts_a_fronted_subject_and_the_rest_as_two_statements(
    nlp: Language, text: str, subject: str, rest: str, cue: str, source: str
) -> None:
    found = triples(nlp, text, GUIDE)
    assert (subject, cue, source) in found, found
    assert (rest, cue, source) in found, found


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
    ],
)
def test_a_lexicon_merging_split_quotes_reads_one_statement_over_the_insert(
    nlp: Language, text: str, whole: str
) -> None:
    assert [c for c, _, _ in triples(nlp, text, MERGED)] == [whole]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("This, he said, was the right step for the club.", "was the right step for the club"),
        ("The coach met reporters on Monday. Silva, he said, had agreed to stay.", "had agreed to stay"),
    ],
)
def test_a_fronted_pronoun_or_lone_name_is_no_statement_of_its_own(
    nlp: Language, text: str, rest: str
) -> None:
    contents = [c for c, _, _ in triples(nlp, text, GUIDE)]
    assert rest in contents, contents
    assert not [c for c in contents if c in ("This", "Silva")], contents


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
