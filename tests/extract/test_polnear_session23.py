"""What the PolNeAR policy counts that the redline guide does not, switched by the cue file's
policy flags (data, not code): wanting and refusing ("wants to cut the levy", "declined to
comment", "agreed to lend"), speech the sentence says did not happen ("has not said when"), what
someone spoke about ("referred to the flooding"), and one statement for words reported inside
another's ("the aide told reporters that the mayor had promised to scrap the plan"). The
guide's default reading of the same sentences is pinned beside each. "called for X to Y" is read
under both policies. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_spans import triples
from redline.knowledge.cues import POLNEAR_POLICY, CueLexicon, load_cues

pytestmark = pytest.mark.model

POLNEAR = load_cues(policy=POLNEAR_POLICY)
GUIDE = load_cues()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The harbour board wants to double the mooring fees next spring.",
            ("to double the mooring fees next spring", "wants", "The harbour board"),
        ),
        (
            "The landlord refused to repair the broken lifts.",
            ("to repair the broken lifts", "refused", "The landlord"),
        ),
        (
            "The club's treasurer declined to comment on the missing funds.",
            ("to comment on the missing funds", "declined", "The club's treasurer"),
        ),
        (
            "The brewery agreed to pay the farmers for the spoiled barley.",
            ("to pay the farmers for the spoiled barley", "agreed", "The brewery"),
        ),
        (
            "Most tenants want lower rents and quieter neighbours.",
            ("lower rents and quieter neighbours", "want", "Most tenants"),
        ),
    ],
)
def test_polnear_counts_wanting_and_refusing(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(nlp, text, POLNEAR)


@pytest.mark.parametrize(
    "text",
    [
        "The harbour board wants to double the mooring fees next spring.",
        "The landlord refused to repair the broken lifts.",
        "The club's treasurer declined to comment on the missing funds.",
        "The brewery agreed to pay the farmers for the spoiled barley.",
        "Most tenants want lower rents and quieter neighbours.",
    ],
)
def test_the_guide_counts_no_aim_or_refusal(nlp: Language, text: str) -> None:
    assert triples(nlp, text, GUIDE) == []


def test_agree_keeps_its_that_clause_under_the_guide(nlp: Language) -> None:
    """ "agree" is an attitude cue with an infinitive only under mental_states; with a "that"
    clause it reports speech under either policy."""
    found = triples(nlp, "The two ministers agreed that the bridge must close for repairs.", GUIDE)
    assert ("the bridge must close for repairs", "agreed", "The two ministers") in found, found


def test_a_lawsuit_seeking_records_is_no_attitude_under_the_guide(nlp: Language) -> None:
    assert triples(nlp, "The union filed a lawsuit seeking the payroll records.", GUIDE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The port authority has not said when the cranes will be replaced.",
            ("when the cranes will be replaced", "has not said", "The port authority"),
        ),
        (
            "The bakery's owner did not respond to requests for comment.",
            ("requests for comment", "did not respond to", "The bakery's owner"),
        ),
    ],
)
def test_polnear_counts_unsaid_speech(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(nlp, text, POLNEAR)


@pytest.mark.parametrize(
    "text",
    [
        "The port authority has not said when the cranes will be replaced.",
        "The bakery's owner did not respond to requests for comment.",
    ],
)
def test_the_guide_counts_no_unsaid_speech(nlp: Language, text: str) -> None:
    assert triples(nlp, text, GUIDE) == []


def test_a_negated_denial_stays_a_statement_under_both(nlp: Language) -> None:
    """ "did not rule out" says something under either policy (``negated_statements``)."""
    text = "The coach did not rule out a return to the old stadium."
    for cues in (GUIDE, POLNEAR):
        found = triples(nlp, text, cues)
        assert any(cue == "did not rule out" for _, cue, _ in found), found


NESTED = "The aide told reporters that the mayor had promised to scrap the parking plan."


def test_the_guide_counts_a_report_inside_a_report(nlp: Language) -> None:
    assert triples(nlp, NESTED, GUIDE) == [
        ("the mayor had promised to scrap the parking plan", "told", "The aide"),
        ("to scrap the parking plan", "had promised", "the mayor"),
    ]


def test_polnear_counts_the_outer_report_only(nlp: Language) -> None:
    """PolNeAR gives each word one role in one attribution: the mayor's rejection is the aide's
    content, not a statement of its own."""
    assert triples(nlp, NESTED, POLNEAR) == [
        ("the mayor had promised to scrap the parking plan", "told", "The aide")
    ]


def test_a_quotation_split_by_its_frame_keeps_the_frames_report(nlp: Language) -> None:
    """A quotation merged across its cue runs over its frame; a report made in the frame
    ("adding that ...") is no part of the quotation and stays a statement."""
    text = (
        "“The lifts are broken again,” said the caretaker, adding that the repairs were overdue. "
        "“Nobody listens.”"
    )
    found = triples(nlp, text, POLNEAR)
    assert any(cue == "adding" and c.startswith("the repairs were overdue") for c, cue, _ in found), found


def test_the_flags_default_to_the_guide() -> None:
    assert GUIDE.nested_statements and not GUIDE.unsaid_statements
    assert not POLNEAR.nested_statements and POLNEAR.unsaid_statements
    assert "want" in POLNEAR.directive_verbs and "want" not in GUIDE.directive_verbs
    assert "agree" in POLNEAR.directive_verbs and "agree" not in GUIDE.directive_verbs
    assert GUIDE.verb_kind("agree") == "speech"


TOPICS = [
    (
        "The mayor referred to the flooding in her speech.",
        ("the flooding in her speech", "referred to", "The mayor"),
    ),
    (
        "The coach mentioned the injured striker twice.",
        ("the injured striker", "mentioned", "The coach"),
    ),
    (
        "The council discussed the new bus routes on Monday.",
        ("the new bus routes", "discussed", "The council"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), TOPICS)
def test_polnear_counts_what_someone_spoke_about(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(nlp, text, POLNEAR)


@pytest.mark.parametrize(("text", "expected"), TOPICS)
def test_the_guide_counts_no_topic(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert triples(nlp, text, GUIDE) == []


def test_the_hearers_addressed_are_no_topic(nlp: Language) -> None:
    """ "addressed the symposium": the object of "address" is as often the hearers."""
    assert triples(nlp, "The senator addressed the farmers' union on Friday.", POLNEAR) == []


@pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])
def test_called_for_someone_to_act(nlp: Language, cues: CueLexicon) -> None:
    """ "called for X to Y": the parser makes "for" the mark of an infinitive adjunct; the
    clause from its subject on is what was called for, under either policy."""
    found = triples(nlp, "The mayor has called for the harbour to be dredged before winter.", cues)
    assert ("the harbour to be dredged before winter", "has called", "The mayor") in found, found


@pytest.mark.parametrize("cues", [GUIDE, POLNEAR], ids=["guide", "polnear"])
def test_staying_for_someone_to_act_is_no_call(nlp: Language, cues: CueLexicon) -> None:
    assert triples(nlp, "The mayor stayed late for the council to finish its vote.", cues) == []
