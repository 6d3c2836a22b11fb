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
