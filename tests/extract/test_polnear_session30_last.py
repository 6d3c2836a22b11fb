"""Session 30 (issue 10), the last points: a headline that names its speaker and an addressee,
topic or place before a colon ("Mayor Ruiz to Tenants: Rents Will Not Rise") gives the words
after the colon to the name. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import spanned
from redline.knowledge.cues import POLNEAR_POLICY, CueLexicon, load_cues

pytestmark = pytest.mark.model

POLNEAR = load_cues(policy=POLNEAR_POLICY)
GUIDE = load_cues()
BODY = "\n\nThe council met on Monday to discuss the budget for the coming year."


@pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])
@pytest.mark.parametrize(
    ("headline", "content", "source"),
    [
        (
            "Mayor Ruiz to Tenants: Rents will not rise this year.",
            "Rents will not rise this year",
            "Mayor Ruiz",
        ),
        ("Ortega on the Harbour Levy: It Is Fair and Overdue", "It Is Fair and Overdue", "Ortega"),
        (
            "Senator Vance at Port Hearing: the dredging plan is too costly.",
            "the dredging plan is too costly",
            "Senator Vance",
        ),
        (
            "Senator Ortega To Voters Worried About Rents: They Will Not Rise.",
            "They Will Not Rise",
            "Senator Ortega",
        ),
    ],
    ids=["to", "on", "at", "title-case"],
)
def test_a_topic_headline_gives_the_words_after_the_colon_to_the_name(
    nlp: Language, headline: str, content: str, source: str, cues: CueLexicon
) -> None:
    found = [(s.content, s.source) for s in spanned(nlp, headline + BODY, cues)]
    assert (content, source) in found


@pytest.mark.parametrize(
    "headline",
    [
        "Mayor Ruiz to Visit Harbour: What to Expect From the Trip",
        "Ortega on the Harbour Levy: How the New Charge Works",
        "Follow Dana Ortega on Twitter: @dortega. Write to her at the newsroom",
    ],
    ids=["plan", "explainer", "follow"],
)
def test_a_planned_visit_or_an_explainer_headline_says_nothing(nlp: Language, headline: str) -> None:
    assert [
        s for s in spanned(nlp, headline + BODY, POLNEAR) if s.content.startswith(headline.split(": ")[1][:8])
    ] == []


@pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])
@pytest.mark.parametrize(
    "line",
    ["Contributing: Dana Whitlock and Ines Varga, KVR News.", "BYLINE: Mirela Ostrander."],
    ids=["contributing", "byline"],
)
def test_a_credit_line_under_a_story_names_writers_not_speakers(
    nlp: Language, line: str, cues: CueLexicon
) -> None:
    """The wire's "Contributing:" line and a store's "BYLINE:" label credit who wrote the story."""
    text = "The council met on Monday to discuss the budget for the coming year.\n\n" + line
    assert [
        s for s in spanned(nlp, text, cues) if s.source and s.source.lower() in ("contributing", "byline")
    ] == []


@pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])
@pytest.mark.parametrize(
    "headline",
    [
        "Victory Over Harbour Fee: Port Board Delays the Vote.",
        "Silence Over Safety: The Ferry Was Sent Out Despite the Storm.",
    ],
    ids=["over-tolls", "over-safety"],
)
def test_a_title_case_phrase_before_a_colon_is_no_speaker(
    nlp: Language, headline: str, cues: CueLexicon
) -> None:
    label = headline.split(":")[0]
    assert [s for s in spanned(nlp, headline + BODY, cues) if s.source == label] == []


def test_a_title_case_speaker_label_still_speaks(nlp: Language) -> None:
    text = "The council met on Monday.\n\nMinister Of Finance: We will not raise the harbour levy this year."
    assert ("We will not raise the harbour levy this year", "Minister Of Finance") in [
        (s.content, s.source) for s in spanned(nlp, text, GUIDE)
    ]


@pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])
def test_a_labelled_line_of_figures_is_a_count_not_words(nlp: Language, cues: CueLexicon) -> None:
    text = (
        "The count after the harbour district ballot, with all precincts reporting:\n\n"
        "Ortega: 4,512.\n\nWhitlock: 3,907.\n\nVarga: 38%."
    )
    assert [s for s in spanned(nlp, text, cues) if s.cue == ":"] == []


def test_a_labelled_line_of_words_still_speaks(nlp: Language) -> None:
    text = "The council met on Monday.\n\nOrtega: We counted 4,512 ballots and every one of them matters."
    assert ("We counted 4,512 ballots and every one of them matters", "Ortega") in [
        (s.content, s.source) for s in spanned(nlp, text, GUIDE)
    ]
