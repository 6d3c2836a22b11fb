"""Session 25 (issue 10): what the PolNeAR profile alone counts, behind three new policy flags of
the cue file: a report whose content is a pronoun ("the senator denounced him",
``pointer_statements``), what a survey found ("In a Gallup poll, the mayor led",
``survey_statements``) and deeds or judgements done to something ("the council approved the
scheme", ``deed_statements``). The guide counts none of them, so news output stays as it was.
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
        # a pronoun for content
        ("The old sailor loudly denounced him.", ("him", "denounced", "The old sailor")),
        ("Most of the growers have endorsed her.", ("her", "have endorsed", "Most of the growers")),
        # a survey as source, opening the sentence or one survey named inside it
        (
            "In a Gallup poll released on Monday, the mayor led her rival by six points.",
            ("the mayor led her rival by six points", "In", "a Gallup poll"),
        ),
        (
            "The governor held a narrow lead in the latest county survey.",
            ("The governor held a narrow lead", "in", "the latest county survey"),
        ),
        (
            "In recent polls, voters in the valley turned against the dam.",
            ("voters in the valley turned against the dam", "In", "recent polls"),
        ),
        # deeds and judgements done to something
        (
            "The harbour board approved the new ferry timetable.",
            ("the new ferry timetable", "approved", "The harbour board"),
        ),
        (
            "The inspectors deemed the old bridge unsafe for lorries.",
            ("the old bridge unsafe for lorries", "deemed", "The inspectors"),
        ),
        (
            "The principal ignored the warnings from the fire brigade.",
            ("the warnings from the fire brigade", "ignored", "The principal"),
        ),
        # how things seem, with no one named
        (
            "The night shift seemed unusually calm.",
            ("The night shift seemed unusually calm", "seemed", None),
        ),
        ("It appears that the ferry left early.", ("the ferry left early", "appears", None)),
        ("It seems like nobody read the report.", ("like nobody read the report", "seems", None)),
        # the question put to the speaker
        (
            "Asked whether the ferry would sail, the captain said no.",
            ("the ferry would sail", "Asked", None),
        ),
        (
            "When asked about the strike, the mayor said she expected a deal.",
            ("the strike", "asked", None),
        ),
        (
            "Asked who would pay, the senator named the states.",
            ("who would pay", "Asked", None),
        ),
    ],
)
def test_polnear_counts_pointers_surveys_and_deeds(
    nlp: Language, text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in triples(nlp, text, POLNEAR)
    # the guide counts none of these: no speech, or no content a reader can recover
    assert all(cue != expected[1] for _, cue, _ in triples(nlp, text, GUIDE))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # "in the polls" inside a clause tells a standing, not a finding cited
        ("The governor trails badly in the polls this autumn.", "in"),
        # "in" before anything but a survey cites nothing
        ("In a statement of accounts, the club lost money.", "In"),
        # deeds PolNeAR annotates less than half the time stay unread
        ("The governor signed the budget on Friday.", "signed"),
        ("The council imposed a fine on the club.", "imposed"),
        # "seemed" with a clause of its own, negated, or with a place: no state of things
        ("The mayor seemed to suggest that the pool would close.", "seemed"),
        ("The committee appeared before the judges on Monday.", "appeared"),
        ("The crew did not seem worried.", "did not seem"),
        # no question given, only who asked: nothing here is what was asked
        ("Asked by reporters, the coach declined to comment.", "Asked"),
    ],
)
def test_polnear_leaves_these_unread(nlp: Language, text: str, cue: str) -> None:
    assert all(c != cue for _, c, _ in triples(nlp, text, POLNEAR))


def test_flags_are_off_in_the_packaged_lexicon() -> None:
    assert not (GUIDE.pointer_statements or GUIDE.survey_statements or GUIDE.deed_statements)
    assert "approve" not in GUIDE.object_verbs and "approve" in POLNEAR.object_verbs
    assert not GUIDE.survey_prepositions and POLNEAR.survey_prepositions == {"in"}
