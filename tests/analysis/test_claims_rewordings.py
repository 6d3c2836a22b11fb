"""Claim grouping on the cases real coverage showed (benchmarks/claims_real.py): negated asides,
typographic apostrophes, everyday words, short phrases inside long quotes, undated articles."""

from __future__ import annotations

from datetime import date

from redline.analysis.claims import group_claims
from redline.store import ClaimInput


def st(n: int, content: str, day: int | None = 27, actor: str = "putin") -> ClaimInput:
    when = date(2025, 11, day) if day is not None else None
    return ClaimInput(f"s{n}", actor, actor.title(), when, content, f"d{n}", f"outlet{n}")


def grouped(rows: list[ClaimInput]) -> list[list[str]]:
    return sorted(sorted(c.statement_ids) for c in group_claims(rows))


def test_a_negated_aside_does_not_split_a_claim_but_a_denial_does() -> None:
    rows = [
        st(
            1,
            "There was no finished treaty, only a list of questions. "
            "Broadly we agree this can be the basis for later accords",
        ),
        st(2, "Broadly we agree that this can be a basis for later accords"),
        st(3, "we do not agree that this can be a basis for later accords"),
    ]
    assert grouped(rows) == [["s1", "s2"], ["s3"]]


def test_a_typographic_apostrophe_still_negates() -> None:
    rows = [
        st(1, "Kyiv hasn’t accepted the revised draft of the framework"),
        st(2, "Kyiv has accepted the revised draft of the framework"),
    ]
    assert grouped(rows) == [["s1"], ["s2"]]


def test_two_everyday_words_are_not_one_claim() -> None:
    rows = [
        st(1, "the need for a dignified peace", actor="zelensky"),
        st(2, "the need for transparency and permanent peace", actor="zelensky"),
    ]
    assert grouped(rows) == [["s1"], ["s2"]]


def test_a_short_phrase_inside_a_long_report_is_not_the_same_claim() -> None:
    rows = [
        st(1, "any territorial concessions to Russia", actor="zelensky"),
        st(2, "the prospect of letting voters decide whether to hand territory to Russia", actor="zelensky"),
    ]
    assert grouped(rows) == [["s1"], ["s2"]]


def test_an_undated_report_joins_the_dated_claim_whichever_comes_first() -> None:
    said = "the ceasefire monitoring mission would be led by observers from neutral states"
    other = "the grain corridor through the Black Sea would reopen within a month"
    dated = [st(1, said, 27), st(2, other, 20)]
    undated = st(3, "a ceasefire monitoring mission would be led by neutral observers", None)
    assert grouped([*dated, undated]) == [["s1", "s3"], ["s2"]]
    assert grouped([undated, *dated]) == [["s1", "s3"], ["s2"]]


def test_a_date_is_not_a_figure() -> None:
    rows = [
        st(1, "Kyiv tried to strike the leader's residence with drones on Dec. 29", actor="russia"),
        st(2, "Kyiv struck the leader's residence with 91 drones", actor="russia"),
    ]
    assert grouped(rows) == [["s1", "s2"]]


def test_an_abbreviation_does_not_end_a_negated_clause() -> None:
    rows = [
        st(1, "Kyiv has not read the U.S. proposal", actor="trump"),
        st(2, "Kyiv has not read the proposal", actor="trump"),
    ]
    assert grouped(rows) == [["s1", "s2"]]


def test_a_capital_and_its_state_are_one_concept_when_outlets_retell() -> None:
    rows = [
        st(1, "Kyiv rejects the plan to pull out of the Donbas", actor="umerov"),
        st(2, "Ukrainian officials refused any withdrawal from the Donbas region", actor="umerov"),
        st(3, "Moscow spurns Donbas pullout", actor="umerov"),
    ]
    assert grouped(rows) == [["s1", "s2"], ["s3"]]


def test_a_report_joins_the_claim_worded_most_like_it_when_two_score_alike() -> None:
    firms = "the treasury is blacklisting two oil firms over the refusal to stop the war"
    allies = "we urge our allies to enforce these measures as well"
    rows = [
        st(1, firms, actor="bessent"),
        st(2, allies, actor="bessent"),
        st(3, f"{firms}, and {allies}", actor="bessent"),  # contains both: each scores 100
    ]
    assert grouped(rows) == [["s1", "s3"], ["s2"]]
