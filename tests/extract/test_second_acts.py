"""A second speech act joined by "and" to the end of what was said: "Smith said he would order a
review and warned against hackers".

The parser hangs the second verb on the reported clause, so the first statement ran on over it
and the second act was lost, or read as an insert ("..., he warned") taking the first content.
The guide counts one statement per act, both the speaker's. The same holds for a second act in
the same non-finite form as the first ("accusing rivals of stalling the budget and vowing to veto
it") that the parser hung inside the first act's object. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


def _found(attributed: Attributed, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(a.content, a.cue, a.source) for a in attributed(text)]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Smith said he would order a full review of the defenses and warned against hackers from abroad.",
            ("he would order a full review of the defenses", "said", "Smith"),
            ("hackers from abroad", "warned against", "Smith"),
        ),
        (
            'Even Beijing, the regime\'s only ally, said it was "firmly opposed" to the test and warned '
            "the North to refrain from further steps.",
            ('it was "firmly opposed" to the test', "said", "Even Beijing, the regime's only ally"),
            ("the North to refrain from further steps", "warned", "Even Beijing, the regime's only ally"),
        ),
    ],
)
def test_the_second_act_is_the_speakers_own_statement(
    attributed: Attributed,
    text: str,
    first: tuple[str, str, str],
    second: tuple[str, str, str],
) -> None:
    found = _found(attributed, text)
    assert first in found and second in found, found


def test_an_act_inside_a_clause_of_what_was_said_stays_there(attributed: Attributed) -> None:
    found = _found(
        attributed,
        "Her aide said she was giving interviews when the guards found her and told her to leave.",
    )
    assert not any(source == "Her aide" and cue == "told" for _, cue, source in found), found


def test_a_clause_with_its_own_subject_is_still_what_was_said(attributed: Attributed) -> None:
    found = _found(attributed, "The mayor said the council approved the budget and the governor signed it.")
    assert found == [("the council approved the budget and the governor signed it", "said", "The mayor")], (
        found
    )


@pytest.mark.parametrize(
    "text",
    [
        "It goes without saying that raising taxes on the rich is anathema to conservatives.",
        "The minister left the room without saying whether the talks would resume.",
    ],
)
def test_without_saying_says_nothing(attributed: Attributed, text: str) -> None:
    assert _found(attributed, text) == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            'On Tuesday\'s episode of "The Morning Hour With Sam Lee," the former governor said she '
            'wanted to speak "directly to farmers."',
            "The Morning Hour With Sam Lee",
        ),
        (
            'In an interview with "Face the Nation Today," the minister said the talks would resume.',
            "Face the Nation Today",
        ),
    ],
)
def test_a_title_in_quote_marks_is_not_what_the_cue_says(
    attributed: Attributed, text: str, title: str
) -> None:
    found = _found(attributed, text)
    assert all(content != title for content, _, _ in found), found
    assert any(cue == "said" for _, cue, _ in found), found


def test_a_title_case_quotation_that_is_a_sentence_is_still_said(attributed: Attributed) -> None:
    found = _found(attributed, '"We Will Never Surrender Our Land," Zelensky said on Friday.')
    assert ("We Will Never Surrender Our Land", "said", "Zelensky") in found, found


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The senator bemoaned the unrest in the capital.", "the unrest in the capital", "bemoaned"),
        ("The Europeans derided the deal as toothless.", "the deal as toothless", "derided"),
        ("The minister lambasted the budget plan on Tuesday.", "the budget plan", "lambasted"),
    ],
)
def test_criticism_said_aloud_is_a_statement(
    attributed: Attributed, text: str, content: str, cue: str
) -> None:
    found = _found(attributed, text)
    assert any(c.startswith(content) and k == cue for c, k, _ in found), found


def test_a_title_case_headline_signed_by_its_source_ends_on_says(attributed: Attributed) -> None:
    found = _found(
        attributed,
        "Mayor Hid Budget Problems From Voters, Former City Auditor Says.\n\nThe city has long kept quiet.",
    )
    assert ("Mayor Hid Budget Problems From Voters", "Says", "Former City Auditor") in found, found


# -- a second act hung inside the first act's object --------------------------------------------
@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The governor gave a speech at the fair, accusing rival parties of stalling the budget and "
            "vowing to veto any new tax.",
            ("rival parties of stalling the budget", "accusing", "The governor"),
            ("to veto any new tax", "vowing", "The governor"),
        ),
        (
            "The mayor took to Twitter to accuse the council of being misled by a lobbyist and urge "
            "voters to call their members.",
            ("the council of being misled by a lobbyist", "to accuse", "The mayor"),
            ("voters to call their members", "urge", "The mayor"),
        ),
    ],
)
def test_the_second_act_is_split_off(
    attributed: Attributed, text: str, first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    found = _found(attributed, text)
    assert first in found and second in found, found


def test_a_second_deed_that_says_nothing_stays_in_the_accusation(attributed: Attributed) -> None:
    found = _found(attributed, "The union accused the firm of cutting pay and threatening workers.")
    assert found == [("the firm of cutting pay and threatening workers", "accused", "The union")], found
