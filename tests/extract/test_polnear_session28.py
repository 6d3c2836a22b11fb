"""Session 28 (issue 10): near misses on PolNeAR, where a prediction overlaps a gold statement
but splits it. Under the profile a quotation its cue gives after the source's own words is one
statement with them, and a clause describing the speaker inside a quotation's frame is no
statement of its own; the guide's policy is left as it was. Sentences are written for these
tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import triples
from redline.knowledge.cues import POLNEAR_POLICY, load_cues

pytestmark = pytest.mark.model

POLNEAR = load_cues(policy=POLNEAR_POLICY)
GUIDE = load_cues()


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        (
            "The harbor would reopen within a week, the port director said, "
            '"and the ferries will run on time again."',
            "The harbor would reopen within a week",
            "and the ferries will run on time again",
        ),
        (
            'Turnout was low in the hill towns, the clerk wrote, "but nobody could blame the weather."',
            "Turnout was low in the hill towns",
            "but nobody could blame the weather",
        ),
    ],
)
def test_polnear_joins_reported_words_and_the_quotation_their_cue_gives(
    nlp: Language, text: str, first: str, last: str
) -> None:
    merged = [c for c, _, _ in triples(nlp, text, POLNEAR)]
    assert len(merged) == 1
    assert merged[0].startswith(first) and merged[0].rstrip('."').endswith(last)
    assert [c for c, _, _ in triples(nlp, text, GUIDE)] == [first, last]


def test_polnear_keeps_a_second_act_of_the_speaker_apart(nlp: Language) -> None:
    """ "..., adding that ...": a participle of the speaker's own is a statement of its own
    (only a quotation after the source's words goes on with them)."""
    text = '"The bridge is safe," Olaf Berg said, adding that the repairs were finished. "I drove across it."'
    found = [c for c, _, _ in triples(nlp, text, POLNEAR)]
    assert "the repairs were finished" in found
    assert len(found) == 2


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        (
            '"We will keep the library open," said Marta Kowal, a teacher who has backed the petition '
            'since spring. "The town needs it."',
            "the petition",
        ),
        (
            '"The bridge is safe," said Olaf Berg, an engineer who knows the design well. '
            '"I drove across it."',
            "the design",
        ),
    ],
)
def test_polnear_reads_no_statement_in_a_clause_describing_the_speaker(
    nlp: Language, text: str, relative: str
) -> None:
    found = [c for c, _, _ in triples(nlp, text, POLNEAR)]
    assert len(found) == 1 and relative not in found
