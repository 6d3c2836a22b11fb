"""The normaliser and pattern language that the issue and stance lexicons are written in."""

from __future__ import annotations

import pytest

from redline.extract.lexicon import (
    BOUNDARY,
    EnglishSigns,
    Pattern,
    english_signs,
    find_all,
    longest_first,
    looks_english,
    normalise,
    stem,
    tokenize,
)


@pytest.mark.parametrize(
    ("forms", "key"),
    [
        (["withdraw", "withdraws", "withdrawing", "withdrew", "withdrawn"], "withdraw"),
        (["agree", "agreed", "agrees", "agreeing"], "agre"),
        (["cease", "ceased", "ceasing"], "ceas"),
        (["territory", "territories"], "territory"),
        (["cap", "capped", "caps", "capping"], "cap"),
        (["talks", "talk"], "talk"),
    ],
)
def test_inflections_share_a_key(forms: list[str], key: str) -> None:
    assert {stem(f) for f in forms} == {key}


def test_short_words_and_numbers_are_left_alone() -> None:
    assert stem("red") == "red"
    assert stem("us") == "us"
    assert normalise("a 600,000-member cap") == ["a", "600000", "member", "cap"]


def test_possessives_contractions_and_clause_boundaries() -> None:
    assert normalise("Ukraine’s army can’t, won't") == [
        "ukrain",
        "army",
        "can",
        "not",
        BOUNDARY,
        "will",
        "not",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The envoy cannot accept it",
        "THE ENVOY CANNOT ACCEPT IT; Kyiv's answer",
        "they shan’t, he won`t and she didn't: the ministers' plan",
        "no apostrophe here, none at all (really) 1,200 troops",
        "Ｋｙｉｖ＇ｓ ﬁnal offer",  # fullwidth apostrophe and a ligature, made plain by NFKC
        "",
    ],
)
def test_normalise_reads_what_tokenize_reads(text: str) -> None:
    """The fast path (no offsets, and no contraction passes on a clause with no apostrophe and
    no "cannot") gives exactly the tokens ``tokenize`` gives."""
    assert normalise(text) == [t for t, _, _ in tokenize(text)]


def test_a_clause_without_apostrophes_still_reads_cannot() -> None:
    assert normalise("Russia cannot agree") == ["russia", "can", "not", "agre"]
    assert normalise("Russia CANNOT agree") == ["russia", "can", "not", "agre"]


def test_prefix_and_gap_patterns() -> None:
    tokens = normalise("a cap on Ukraine's army")
    assert Pattern.compile("cap ... army").find(tokens) == [(1, 5)]
    assert Pattern.compile("cap ... army").find(normalise("a cap on the size of Ukraine's army")) == []
    assert Pattern.compile("territor*").find(normalise("the territories")) == [(1, 2)]
    assert Pattern.compile("cap army").find(tokens) == []


def test_gaps_do_not_cross_a_clause_boundary() -> None:
    assert Pattern.compile("cap ... army").find(normalise("no cap, said the army")) == []


def test_longest_hit_wins_a_word() -> None:
    tokens = normalise("we will not cede land")
    hits = find_all([Pattern.compile("cede"), Pattern.compile("will not cede")], tokens)
    assert [h.pattern.source for h in longest_first(hits)] == ["will not cede"]


def test_negated_patterns_know_it() -> None:
    assert Pattern.compile("never recogni*").negated
    assert not Pattern.compile("recogni*").negated


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Ukraine must withdraw from Donbas", True),
        ("Russian forces captured two villages near Pokrovsk", True),
        ("NATO", True),
        ("Die NATO-Mitgliedschaft der Ukraine ist ausgeschlossen", False),
        ("Украина должна вывести войска", False),
        ("", False),
    ],
)
def test_language_guard(text: str, english: bool) -> None:
    assert looks_english(normalise(text)) is english


@pytest.mark.parametrize(
    "pieces",
    [
        ["Ukraine must withdraw,", "from Donbas"],
        ["Die NATO-Mitgliedschaft der Ukraine,", "ist ausgeschlossen"],
        ["Die Ukraine und", "the talks"],  # foreign words in one piece, English in the other
        ["Украина должна,", "NATO"],  # the ASCII word is in the second piece only
        ["Украина должна,", "вывести войска"],
        ["", ""],
    ],
)
def test_english_signs_of_pieces_add_up_to_those_of_the_whole(pieces: list[str]) -> None:
    """The signs of a text read piece by piece judge it as the text read at once."""
    whole = normalise(" ".join(pieces))
    summed = EnglishSigns()
    for piece in pieces:
        summed += english_signs(normalise(piece))
    assert summed == english_signs(whole)
    assert summed.english is looks_english(whole)
