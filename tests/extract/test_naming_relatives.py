"""A naming verb without "as" whose object is a relative or left out ("condemned what he called a
'brazen breach'", "a deal the mayor dubbed a giveaway") gives the name as what its subject said,
as "what he described as" does. A naming verb with a plain object stays with the object-verb
rule, and a name given with no one to give it ("a charity called the River Fund") is no
statement. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The secretary general condemned what he called a "brazen breach" of the treaty.',
            ('a "brazen breach" of the treaty', "called", "he"),
        ),
        (
            'The mayor criticized what she called the council\'s "reckless, costly" plan.',
            ('the council\'s "reckless, costly" plan', "called", "she"),
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
