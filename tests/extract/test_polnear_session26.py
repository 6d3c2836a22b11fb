"""Session 26 (issue 10): a quotation that goes on in the next paragraph is one PolNeAR statement
with the quotation it continues, and a clause that tells when something was said ("she said, when
a cyclist fell") is no content under either policy. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import triples
from redline.knowledge.cues import POLNEAR_POLICY, CueLexicon, load_cues

pytestmark = pytest.mark.model

POLNEAR = load_cues(policy=POLNEAR_POLICY)
GUIDE = load_cues()

GOES_ON = (
    '"The ferry will not sail today," the harbour master said.\n\n"We expect the storm to pass by Wednesday."'
)


def test_polnear_runs_a_quotation_on_into_the_next_paragraph(nlp: Language) -> None:
    whole = GOES_ON[1:-2]
    assert triples(nlp, GOES_ON, POLNEAR) == [(whole, "said", "the harbour master")]


def test_the_guide_keeps_each_paragraph_of_a_quotation_apart(nlp: Language) -> None:
    assert [content for content, _, _ in triples(nlp, GOES_ON, GUIDE)] == [
        "The ferry will not sail today",
        "We expect the storm to pass by Wednesday",
    ]


def test_a_report_in_its_own_words_does_not_run_on_into_the_next_paragraph(nlp: Language) -> None:
    text = 'The harbour master said the ferry would not sail.\n\n"We expect the storm to pass by Wednesday."'
    assert [content for content, _, _ in triples(nlp, text, POLNEAR)] == [
        "the ferry would not sail",
        "We expect the storm to pass by Wednesday",
    ]


def test_polnear_runs_a_partial_quotation_on_into_the_next_paragraph(nlp: Language) -> None:
    text = 'The harbour master said the ferry was "going nowhere today."\n\n"The storm will pass soon."'
    assert len(triples(nlp, text, POLNEAR)) == 1
    assert len(triples(nlp, text, GUIDE)) == 2


@pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])
@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            '"Keep the gates shut," the warden wrote in a note to staff, when the river rose.',
            "when the river rose",
        ),
        ('"Mind the step," the porter said when a guest tripped.', "when a guest tripped"),
    ],
)
def test_a_clause_telling_when_it_was_said_is_no_content(
    nlp: Language, cues: CueLexicon, text: str, when: str
) -> None:
    found = triples(nlp, text, cues)
    assert all(content != when for content, _, _ in found)
    assert found[0][1] in ("wrote", "said")


def test_a_clause_asking_when_something_will_happen_stays_content(nlp: Language) -> None:
    text = "The council has not said when it would vote on the budget."
    assert ("when it would vote on the budget", "has not said", "The council") in triples(nlp, text, POLNEAR)


def test_polnear_joins_a_quotation_split_by_its_cue_in_doubled_apostrophes(nlp: Language) -> None:
    # an archive's '' marks: the second part's cue is found by another rule than the first's
    text = "''I have studied the tides closely,'' she continued, ''and what I propose is a later ferry.''"
    assert [content for content, _, _ in triples(nlp, text, POLNEAR)] == [
        "I have studied the tides closely,'' she continued, ''and what I propose is a later ferry"
    ]
