"""Session 30 (issue 10): false positives and span edges. A quoted title in Title Case that
names what the noun before it is ("her memoir, “Roads Less Paved,”") is no speech and no
fronted clause of the verb after it. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import spanned
from redline.knowledge.cues import POLNEAR_POLICY, CueLexicon, load_cues

pytestmark = pytest.mark.model

POLNEAR = load_cues(policy=POLNEAR_POLICY)
GUIDE = load_cues()


@pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])
@pytest.mark.parametrize(
    "text",
    [
        "In her 2019 memoir, “Roads Less Paved,” Ms. Ortega suggested keeping a small notebook "
        "of every purchase.",
        "In her book, ''Save Your Way Rich,'' Ms. Ortega suggested keeping a small notebook of "
        "every purchase.",
    ],
    ids=["curly", "doubled-apostrophes"],
)
def test_a_quoted_title_after_its_noun_is_not_what_was_said(
    nlp: Language, text: str, cues: CueLexicon
) -> None:
    found = [(s.content, s.cue) for s in spanned(nlp, text, cues)]
    assert found == [("keeping a small notebook of every purchase", "suggested")]


def test_a_quotation_of_speech_after_a_verb_is_still_speech(nlp: Language) -> None:
    """Title Case alone makes no title: a slogan shouted after its verb is what was said."""
    text = "The strikers chanted, “Fair Pay Now,” as the ministers arrived."
    assert "Fair Pay Now" in [s.content for s in spanned(nlp, text, GUIDE)]


@pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])
@pytest.mark.parametrize(
    "text",
    [
        "But her remarks on Saturday struck a warmer tone, and the crowd noticed.",
        "His comments on Friday surprised the council.",
    ],
)
def test_a_day_after_a_speech_noun_says_when_not_what_about(
    nlp: Language, text: str, cues: CueLexicon
) -> None:
    assert spanned(nlp, text, cues) == []


def test_a_topic_after_a_speech_noun_is_still_what_was_said(nlp: Language) -> None:
    found = [
        (s.content, s.source) for s in spanned(nlp, "Her remarks on the ferry fares drew applause.", GUIDE)
    ]
    assert found == [("the ferry fares", "Her")]


@pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])
def test_a_cue_in_a_fronted_when_clause_does_not_report_the_main_clause(
    nlp: Language, cues: CueLexicon
) -> None:
    """ "When residents ask for help, ...": the clause says when, the main clause is the writer's;
    an inserted frame ("The plan, as the mayor said, is sound") still reports its host."""
    text = "When residents ask for help, too many of their calls go unanswered."
    assert "too many of their calls go unanswered" not in [s.content for s in spanned(nlp, text, cues)]
    hosted = [s.content for s in spanned(nlp, "The plan, as the mayor said, is sound.", cues)]
    assert any("is sound" in c for c in hosted)


def test_polnear_reads_a_when_clause_after_a_labelled_object_as_when(nlp: Language) -> None:
    """Under the PolNeAR profile (no nested statements) the object and its label are what was
    said; the guide keeps its nested reading (a news test pins it)."""
    text = "Few people would have described Ms. Ortega as a reformer when she ran for mayor in 2010."
    assert [s.content for s in spanned(nlp, text, POLNEAR)] == ["Ms. Ortega as a reformer"]
