"""Session 31 (issue 10), two classes counted on PolNeAR train. "campaign" is a stance cue
("campaigned against the cuts") and the word for running a race ("her campaign for governor",
"campaigning against a rival"), which states no position under either policy. "That's according
to X" reports what the pointer points back at: PolNeAR annotates the pointer as the content, the
guide keeps no bare pointer. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import triples
from redline.knowledge.cues import POLNEAR_POLICY, load_cues

pytestmark = pytest.mark.model

POLNEAR = load_cues(policy=POLNEAR_POLICY)
GUIDE = load_cues()
BOTH = pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])


@BOTH
@pytest.mark.parametrize(
    "text",
    [
        "Her campaign for governor has raised two million dollars.",
        "He was campaigning for county treasurer all summer.",
        "She ended her campaign for the nomination on Tuesday.",
        "His campaign for the presidency began in a school gym.",
        "The mayor is campaigning against Jane Smith in the autumn.",
        "The former coach campaigned on his behalf last week.",
    ],
)
def test_running_a_race_is_no_statement(nlp: Language, cues: object, text: str) -> None:
    assert triples(nlp, text, cues) == []  # type: ignore[arg-type]


@BOTH
def test_a_campaign_for_or_against_a_policy_takes_a_side(nlp: Language, cues: object) -> None:
    text = "The union campaigned against the pension cuts."
    assert triples(nlp, text, cues) == [  # type: ignore[arg-type]
        ("the pension cuts", "campaigned against", "The union")
    ]
    text = "Their campaign against the new tolls drew thousands."
    assert triples(nlp, text, cues) == [  # type: ignore[arg-type]
        ("the new tolls", "campaign against", "Their")
    ]


@BOTH
def test_campaigning_for_a_person_with_an_article_backs_that_person(nlp: Language, cues: object) -> None:
    """ "for governor" is an office run for; "for the governor" is someone to back."""
    found = [c for c, _, _ in triples(nlp, "He will campaign for the governor in the suburbs.", cues)]  # type: ignore[arg-type]
    assert found and found[0].startswith("the governor")


def test_polnear_reads_the_pointer_before_according_to(nlp: Language) -> None:
    text = "The club sold 4,000 tickets. That's according to figures the league published on Friday."
    assert triples(nlp, text, POLNEAR) == [("That", "according to", "figures")]
    text = "The club sold 4,000 tickets. That is according to the league."
    assert triples(nlp, text, POLNEAR) == [("That", "according to", "the league")]
    text = "The club sold 4,000 tickets. That’s according to early counts by the league."
    assert [c for c, _, _ in triples(nlp, text, POLNEAR)] == ["That"]


def test_guide_keeps_no_bare_pointer_before_according_to(nlp: Language) -> None:
    """Nor the source's relative clause, which the parser left as the only words around."""
    text = "The club sold 4,000 tickets. That is according to figures the league published on Friday."
    assert triples(nlp, text, GUIDE) == []


@BOTH
def test_a_clause_before_according_to_is_still_the_content(nlp: Language, cues: object) -> None:
    text = "That figure is according to the league."
    found = triples(nlp, text, cues)  # type: ignore[arg-type]
    assert ("That", "according to", "the league") not in found
    text = "The club sold 4,000 tickets last year, according to the league."
    assert triples(nlp, text, cues) == [  # type: ignore[arg-type]
        ("The club sold 4,000 tickets last year", "according to", "the league")
    ]


@BOTH
@pytest.mark.parametrize(
    "text", ["The mayor is seeking a third term.", "Both senators are seeking the nomination."]
)
def test_seeking_an_office_is_no_statement(nlp: Language, cues: object, text: str) -> None:
    assert triples(nlp, text, cues) == []  # type: ignore[arg-type]


def test_seeking_a_thing_is_still_an_aim_under_polnear(nlp: Language) -> None:
    found = triples(nlp, "The union seeks a pay rise of six percent.", POLNEAR)
    assert found == [("a pay rise of six percent", "seeks", "The union")]


@BOTH
def test_according_to_reports_the_clause_it_closes_not_what_trails(nlp: Language, cues: object) -> None:
    text = (
        "The port has reached a deal with the dockers who walked out in May, according to the "
        "transport ministry, taking a step toward ending a long stoppage."
    )
    found = [(c, s) for c, _, s in triples(nlp, text, cues)]  # type: ignore[arg-type]
    assert found == [
        ("The port has reached a deal with the dockers who walked out in May", "the transport ministry")
    ]


@BOTH
def test_a_fronted_subject_before_according_to_is_not_the_whole_content(nlp: Language, cues: object) -> None:
    """The phrase opens the clause here ("The sale, according to ..., is"): its host comes after."""
    found = [c for c, _, _ in triples(nlp, "The sale, according to two officials, is a done deal.", cues)]  # type: ignore[arg-type]
    assert any("is a done deal" in c for c in found)


@BOTH
def test_a_document_cited_with_according_to_is_the_source(nlp: Language, cues: object) -> None:
    text = "The bakery has more than 300 workers, mostly in its shops, according to company documents."
    assert triples(nlp, text, cues) == [  # type: ignore[arg-type]
        ("The bakery has more than 300 workers, mostly in its shops", "according to", "company documents")
    ]


@BOTH
def test_a_document_is_still_not_the_speaker_of_its_provisions(nlp: Language, cues: object) -> None:
    assert triples(nlp, "The draft would require the port to close at night.", cues) == []  # type: ignore[arg-type]


@BOTH
def test_a_quoted_title_with_its_stop_inside_is_no_speech(nlp: Language, cues: object) -> None:
    assert triples(nlp, "He is now the host of “The Late Hour with Sam Lee.”", cues) == []  # type: ignore[arg-type]
    text = "“We need someone who will fix the roads and bring people together.”"
    assert [c for c, _, _ in triples(nlp, text, cues)] == [  # type: ignore[arg-type]
        "We need someone who will fix the roads and bring people together"
    ]


def test_polnear_reads_a_speech_noun_echoed(nlp: Language) -> None:
    text = "Lund echoed the criticism, saying the levy was unfair."
    assert ("the criticism", "echoed", "Lund") in triples(nlp, text, POLNEAR)
    assert triples(nlp, "The union echoed similar themes at the rally.", POLNEAR) == []


def test_guide_reads_no_echoed_speech_noun(nlp: Language) -> None:
    """What was echoed cannot be recovered from the noun ("echoed the same statement")."""
    text = "Lund echoed the criticism, saying the levy was unfair."
    assert triples(nlp, text, GUIDE) == [("the levy was unfair", "saying", "Lund")]
