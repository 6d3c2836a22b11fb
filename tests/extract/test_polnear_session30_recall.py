"""Session 30 (issue 10), PolNeAR misses with no prediction near them, fixed by class. A
question put with "if" after the one asked ("asked the mayor if ...") is what was asked under
both policies; the rest sit behind PolNeAR-only switches. Sentences are written for these
tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import triples
from redline.knowledge.cues import POLNEAR_POLICY, load_cues

pytestmark = pytest.mark.model

POLNEAR = load_cues(policy=POLNEAR_POLICY)
GUIDE = load_cues()


@pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])
def test_an_if_clause_after_the_one_asked_is_the_question(nlp: Language, cues: object) -> None:
    text = "The harbor master asked the ferry captains if they could sail before the storm."
    assert triples(nlp, text, cues) == [  # type: ignore[arg-type]
        ("they could sail before the storm", "asked", "The harbor master")
    ]


def test_the_one_asked_is_not_the_question(nlp: Language) -> None:
    text = "A councillor asked the treasurer if the levy would rise again next year."
    found = [c for c, _, _ in triples(nlp, text, GUIDE)]
    assert found == ["the levy would rise again next year"]


def test_a_condition_set_off_by_commas_stays_a_condition(nlp: Language) -> None:
    text = "The union will ask for a new vote if the count is close."
    found = [c for c, _, _ in triples(nlp, text, GUIDE)]
    assert "the count is close" not in found


def test_polnear_reads_a_view_given_with_as_after_the_object(nlp: Language) -> None:
    """The parser hangs "as" with a participle as an adverbial clause: the label is still the
    view held of the object; "view" is a view only with its label."""
    text = "The fishermen see the new quota as written by the processing plants."
    assert triples(nlp, text, POLNEAR) == [
        ("the new quota as written by the processing plants", "see", "The fishermen")
    ]
    text = "Most growers view the co-op as a poor deal."
    assert triples(nlp, text, POLNEAR) == [("the co-op as a poor deal", "view", "Most growers")]
    assert triples(nlp, "The growers viewed the orchard from the ridge.", POLNEAR) == []


def test_guide_reads_no_view_held(nlp: Language) -> None:
    assert triples(nlp, "Most growers view the co-op as a poor deal.", GUIDE) == []
    assert triples(nlp, "The co-op is widely seen as a poor deal.", GUIDE) == []


def test_polnear_reads_how_a_thing_is_seen_with_no_one_named(nlp: Language) -> None:
    found = triples(nlp, "The co-op is widely seen as a poor deal for small growers.", POLNEAR)
    assert found == [("The co-op is widely seen as a poor deal for small growers", "is widely seen", None)]
    found = triples(nlp, "The levy was seen by some as a tax on the poor.", POLNEAR)
    assert found == [("The levy was seen by some as a tax on the poor", "was seen", "some")]


def test_polnear_leaves_a_thing_looked_at_and_a_relative(nlp: Language) -> None:
    assert triples(nlp, "The trawler was seen leaving the bay at dawn.", POLNEAR) == []
    found = [c for c, _, _ in triples(nlp, "The quota, which is seen as too low, will be cut.", POLNEAR)]
    assert not any(c.startswith("which") for c in found)


def test_polnear_reads_a_judgment_with_no_verb(nlp: Language) -> None:
    """ "finds the levy unfair": the thing and the quality it is judged to have."""
    text = "The harbor master finds the new levy unfair."
    assert triples(nlp, text, POLNEAR) == [("the new levy unfair", "finds", "The harbor master")]
    assert triples(nlp, text, GUIDE) == []


def test_polnear_reads_what_a_study_found(nlp: Language) -> None:
    text = "A recent survey found broad support for the ferry levy."
    assert triples(nlp, text, POLNEAR) == [("broad support for the ferry levy", "found", "A recent survey")]
    assert triples(nlp, text, GUIDE) == []
    assert triples(nlp, "The divers found a wreck off the point.", POLNEAR) == []
