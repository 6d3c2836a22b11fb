"""Session 24 (issue 10): the rest of English's common reporting verbs, read under both policies
("confessed that", "muttered that", "theorized that") and "by her own admission", with the
manners of speaking whose object is no content ("snapped a picture", "protested the rules"); and
what the PolNeAR profile alone counts, behind the cue file's policy flags: thoughts that
conclude or look ahead ("presumed that"), attitude nouns with an infinitive ("the landlord's
refusal to repair the lifts"), contempt and relish ("despises the rules"), and hearsay adverbs
with no source ("the firm reportedly paid").
Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import triples
from redline.knowledge.cues import POLNEAR_POLICY, load_cues

pytestmark = pytest.mark.model

POLNEAR = load_cues(policy=POLNEAR_POLICY)
GUIDE = load_cues()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The coach confessed that the team had trained badly all week.",
            ("the team had trained badly all week", "confessed", "The coach"),
        ),
        (
            "The farmer muttered that the rain would ruin the barley.",
            ("the rain would ruin the barley", "muttered", "The farmer"),
        ),
        (
            "The auditor theorized that the ledger had been altered twice.",
            ("the ledger had been altered twice", "theorized", "The auditor"),
        ),
        (
            "By her own admission, the new timetable was rushed.",
            ("the new timetable was rushed", "By her own admission", "her"),
        ),
        (
            "By the captain's own account, the crew had left early.",
            ("the crew had left early", "By the captain's own account", "the captain's"),
        ),
        (
            "The headmaster's claims about the cost of the new gym were wrong.",
            ("the cost of the new gym", "claims about", "The headmaster"),
        ),
    ],
)
def test_reporting_verbs_and_nouns_under_both_policies(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(nlp, text, GUIDE)
    assert expected in triples(nlp, text, POLNEAR)


@pytest.mark.parametrize(
    "text",
    [
        "The photographer snapped a picture of the old bridge.",
        "Hundreds of drivers protested the new parking rules.",
        "The mural echoes the colours of the old harbour.",
        "She volunteered for the food bank last winter.",
        # "by" with an account needs a possessor and "own": no source here
        "The fee was paid by his account manager on Monday.",
        "By all accounts, the crew had left early.",
        "By his account, the crew had left early.",
        # "claims of" names again what was claimed elsewhere
        "The ministry's claims of a break-in were repeated on Monday.",
    ],
)
def test_manners_of_speaking_with_no_content_are_no_statement(nlp: Language, text: str) -> None:
    assert triples(nlp, text, GUIDE) == []
    assert triples(nlp, text, POLNEAR) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The engineer presumed that the valve had failed overnight.",
            ("the valve had failed overnight", "presumed", "The engineer"),
        ),
        (
            "The landlord's refusal to repair the lifts angered the tenants.",
            ("to repair the lifts", "refusal", "The landlord"),
        ),
        (
            "The old sailor despises the new harbour rules.",
            ("the new harbour rules", "despises", "The old sailor"),
        ),
        (
            "The firm reportedly paid two million dollars to the council.",
            ("The firm reportedly paid two million dollars to the council", "reportedly", None),
        ),
        (
            "The driver was arrested after he allegedly took the money from the till.",
            ("he allegedly took the money from the till", "allegedly", None),
        ),
    ],
)
def test_polnear_counts_attitudes_and_hearsay(
    nlp: Language, text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in triples(nlp, text, POLNEAR)
    # the guide counts speech with its source only: none of these is a statement there
    assert all(cue != expected[1] for _, cue, _ in triples(nlp, text, GUIDE))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # the reporting verb carries the statement; the adverb adds none of its own
        ("The minister reportedly said that the deal was off.", "reportedly"),
        # a choice is no attitude listed: "decision to" stays unread
        ("The council's decision to close the pool angered swimmers.", "decision"),
        # a hug is no stance: "embraced" is left out of the attitude verbs
        ("The mayor embraced her daughter at the station.", "embraced"),
    ],
)
def test_polnear_leaves_these_cues_unread(nlp: Language, text: str, cue: str) -> None:
    assert all(c != cue for _, c, _ in triples(nlp, text, POLNEAR))
