"""A quotation that goes on from a mixed or reported statement whose cue and speaker follow it:
'The reforms are "not reaching the farmers," says Paul Brown, head of a farm group. "We ..."'.

The frame between the two ("says Paul Brown, head of ...") used to count as the narrator's own
words, so the second quotation was left with no speaker. Under the guide it is a statement of its
own with the first one's speaker; under PolNeAR's policy (split quotations are one statement) it
is one statement with the first. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import spanned
from redline.knowledge.cues import CueLexicon, load_cues

pytestmark = pytest.mark.model

TEXT = (
    'The reforms are "not reaching the farmers who need them," says Paul Brown, head of Farmers '
    'for Fair Trade. "We often compare it to the drought years, when whole villages felt ignored."'
)
SECOND = "We often compare it to the drought years, when whole villages felt ignored."
LONG_FRAME = (
    'Both parties "saw the region as a place under great pressure," said Victor Lane, who served '
    'as envoy under two governors. "In that sense, it was like walking through an open gate."'
)


def _found(nlp: Language, text: str, cues: CueLexicon) -> list[tuple[str, str | None]]:
    return [(s.content, s.source) for s in spanned(nlp, text, cues)]


@pytest.mark.parametrize(
    ("text", "second", "speaker"),
    [
        (TEXT, SECOND.rstrip("."), "Paul Brown, head of Farmers for Fair Trade"),
        (LONG_FRAME, "In that sense, it was like walking through an open gate", "Victor Lane"),
    ],
)
def test_the_quotation_after_the_frame_keeps_the_speaker(
    nlp: Language, text: str, second: str, speaker: str
) -> None:
    found = _found(nlp, text, load_cues())
    assert (second, speaker) in found, found


def test_under_merged_quotes_the_two_are_one_statement(nlp: Language) -> None:
    found = _found(nlp, TEXT, load_cues(policy={"merge_split_quotes": True}))
    assert len(found) == 1, found
    content, _ = found[0]
    assert content.startswith("The reforms are") and content.endswith('felt ignored."'), found


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'The Ohio governor said Democrats and the press are to blame for focusing on "he said this, '
            'he posted that."',
            'Democrats and the press are to blame for focusing on "he said this, he posted that."',
        ),
        (
            'Rawlings said the event brought back memories of her father, and of "all the people who '
            "weren't here who did things to get us here.\"",
            "the event brought back memories of her father, and of \"all the people who weren't here who "
            'did things to get us here."',
        ),
        (
            'He is claiming that voter fraud is "a big, big problem in this state" but "nobody has the '
            'courage to talk about it."',
            'voter fraud is "a big, big problem in this state" but "nobody has the courage to talk '
            'about it."',
        ),
    ],
)
def test_a_quotation_the_reported_words_run_on_into_makes_one_mixed_statement(
    nlp: Language, text: str, content: str
) -> None:
    found = _found(nlp, text, load_cues())
    assert [c for c, _ in found] == [content], found


@pytest.mark.parametrize(
    "text",
    [
        # after a colon, or a finished quotation, the next quotation is a statement of its own
        'Jones said she has the key quality for the job: "Calm -- an absolute rock calm, and mixed with '
        'strength."',
        'According to Lane, the war "will only end when both sides are exhausted." "We are getting closer '
        'to that moment," he added.',
    ],
)
def test_a_quotation_after_a_colon_or_a_finished_quotation_stands_alone(nlp: Language, text: str) -> None:
    assert len(_found(nlp, text, load_cues())) >= 2
