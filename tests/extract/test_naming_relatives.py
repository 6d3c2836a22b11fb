"""A naming verb without "as" whose object is a relative or left out ("condemned what he called a
'brazen breach'", "a deal the mayor dubbed a giveaway") gives the name as what its subject said,
as "what he described as" does. A naming verb with a plain object stays with the object-verb
rule, and a name given with no one to give it ("a charity called the River Fund") is no
statement. A namer's pronoun in the free relative ("condemned what he called") is the clause's
subject, which is then the source by name. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The secretary general condemned what he called a "brazen breach" of the treaty.',
            ('a "brazen breach" of the treaty', "called", "The secretary general"),
        ),
        (
            'The mayor criticized what she called the council\'s "reckless, costly" plan.',
            ('the council\'s "reckless, costly" plan', "called", "The mayor"),
        ),
        (
            "It was a deal the mayor dubbed a giveaway to developers.",
            ("a giveaway to developers", "dubbed", "the mayor"),
        ),
    ],
)
def test_the_name_given_is_the_namers_statement(
    attributed: Attributed, text: str, expected: tuple[str, str, str]
) -> None:
    found = [(a.content, a.cue, a.source) for a in attributed(text)]
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The charity, called the River Fund, will own the land.",
        "He called it a day after the match.",
        "What he called for was a recount.",
    ],
)
def test_a_name_with_no_namer_or_an_idiom_is_no_statement(attributed: Attributed, text: str) -> None:
    found = attributed(text)
    assert found == [], found


def test_a_plain_object_is_still_read_by_the_object_rule(attributed: Attributed) -> None:
    found = [
        (a.content, a.cue, a.source)
        for a in attributed('The senator called the governor a "reckless gambler".')
    ]
    assert len(found) == 1 and found[0][1:] == ("called", "The senator"), found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the relative's pronoun is the subject of the clause it sits in: the source by name
        ("Senator Ames rejected what he described as a partisan attack.", "Senator Ames"),
        ("The unions denounced what they called a betrayal of workers.", "The unions"),
        ("He dismissed what he called a hoax.", "He"),
        # a pronoun that cannot be that subject stays itself, for speaker resolution to follow
        ("The senators rejected what he called a partisan attack.", "he"),
        ("They condemned what she described as a reckless plan.", "she"),
    ],
)
def test_a_namers_pronoun_is_bound_to_the_subject_it_agrees_with(
    attributed: Attributed, text: str, source: str
) -> None:
    found = [a.source for a in attributed(text)]
    assert found == [source], found
