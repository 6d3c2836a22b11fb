"""Claim grouping on the cases real coverage showed (benchmarks/claims_real.py): negated asides,
typographic apostrophes, everyday words, short phrases inside long quotes, undated articles."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from redline.analysis.claims import default_concepts, group_claims
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


def test_one_article_carrying_two_wordings_of_a_statement_makes_their_claims_one() -> None:
    said = "the river bridges reopen to traffic before the spring floods"
    long_a = said + ", she told councillors after engineers inspected cables along the northern embankment"
    long_b = said + (
        ", and ferries keep running until ice breaks up in the harbour, where tugboats clear"
        " channels every morning before dawn and again at dusk"
    )
    headline, body = st(3, said), st(4, long_b)
    headline_and_body = [replace(headline, document_id="d3"), replace(body, document_id="d3")]
    rows = [st(1, long_b), st(2, long_a), *headline_and_body]
    # alone, each long wording is its own claim: they share only the statement itself
    assert grouped(rows[:2]) == [["s1"], ["s2"]]
    # the article that carries both (its headline and its body) shows they are one statement
    assert grouped(rows) == [["s1", "s2", "s3", "s4"]]
    merged = next(iter(group_claims(rows)))
    assert merged.id == next(iter(group_claims(rows[:1]))).id  # the earlier claim keeps its id
    assert sorted(set(merged.outlets)) == ["outlet1", "outlet2", "outlet3", "outlet4"]


def test_two_different_statements_in_one_article_stay_two_claims() -> None:
    rows = [
        st(1, "the river bridges reopen to traffic before the spring floods"),
        st(2, "the ferries keep running until the ice breaks up in the harbour"),
    ]
    rows = [replace(r, document_id="d1") for r in rows]
    assert grouped(rows) == [["s1"], ["s2"]]


def test_outlets_swapping_general_words_still_report_one_claim() -> None:
    """Words outlets swap for each other (``knowledge/claim_synonyms.yaml``): "a bid for
    membership" and "an ambition to join", "put on hold" and "postponed", "oil" and "energy",
    "handed over" and "cede"; a statement on another subject stays apart."""
    rows = [
        st(1, "Our bid for membership of the alliance still stands", actor="kallas"),
        st(2, "the country's ambition to join the alliance still stands", actor="kallas"),
        st(3, "The next round of talks was postponed after the storm", actor="kallas"),
        st(4, "the next round of talks has been put on hold after the storm", actor="kallas"),
        st(5, "Oil exports will keep the budget afloat this winter", actor="kallas"),
        st(6, "energy exports keep the budget afloat in winter", actor="kallas"),
        st(7, "the alliance must stay united through the winter", actor="kallas"),
        st(8, "The coast will never be handed over to the occupiers", actor="kallas"),
        st(9, "we will never cede the coast to the occupiers", actor="kallas"),
    ]
    assert grouped(rows) == [["s1", "s2"], ["s3", "s4"], ["s5", "s6"], ["s7"], ["s8", "s9"]]


def test_an_undated_report_joins_another_article_only_on_stronger_evidence() -> None:
    """An undated statement may join a claim of any date, so it meets many more claims than a
    dated one: a rewording close enough for a report of the same day is not enough for it.
    It is still counted, as a claim of its own."""
    said = "The monitors must have full access to the front line"
    reworded = "monitors need access to the whole front"
    assert grouped([st(1, said), st(2, reworded)]) == [["s1", "s2"]]
    assert grouped([st(1, said), st(2, reworded, day=None)]) == [["s1"], ["s2"]]
    assert grouped([st(1, said), st(2, said.lower(), day=None)]) == [["s1", "s2"]]  # the same words


def test_an_undated_report_of_another_article_needs_a_phrase_in_common() -> None:
    """An undated report meets its speaker's claims of every day, and a speaker restates a
    position in the same concepts on many days: it joins a claim of another article when the
    two share a phrase word for word (three words in a row, two of them content words), not on
    a rewording alone, however close; the same rewording dated joins."""
    said = "the ministry will publish the full casualty figures by the end of the week"
    quoted = "the full casualty figures are due from the ministry this week"
    reworded = "before the week ends the ministry publishes casualty figures in full"
    assert grouped([st(1, said), st(2, quoted, day=None)]) == [["s1", "s2"]]
    assert grouped([st(1, said), st(2, reworded, day=None)]) == [["s1"], ["s2"]]
    assert grouped([st(1, said), st(2, reworded)]) == [["s1", "s2"]]
    # a run of small words ("access to the") is no phrase in common
    access = "The monitors must have full access to the front line"
    small_words = "monitors need access to the whole front"
    assert grouped([st(1, access), st(2, small_words, day=None)]) == [["s1"], ["s2"]]


def test_a_title_case_headline_names_nobody_by_its_capitals() -> None:
    """A headline capitalises its words: they are no names, so it does not "name other people"
    than the body that reports the same statement; inside a sentence, a capital still names."""
    concepts = default_concepts()
    assert concepts.meaning("Ministry Will Publish Casualty Figures Before Week Ends").names == frozenset()
    assert concepts.meaning("Ministry Says Casualty Figures Are Due Soon").names == frozenset()
    named = concepts.meaning("the figures are due from Minister Ortiz this week")
    assert named.names == {"minister", "ortiz"}
    assert concepts.meaning("the figures are due this week, Ortiz said").names == {"ortiz"}


def test_a_place_of_two_words_is_one_concept_and_phrases_match_whole_words() -> None:
    """'The United States' is the concept 'Washington' is, not that and 'united' and 'states' as
    well, which the other wording lacks; a phrase of a synonym group matches whole words only
    ('pull out' is not in 'pull outdated')."""
    rows = [
        st(1, "the United States backs a truce", actor="kallas"),
        st(2, "Washington backs a truce along the whole river front this winter", actor="kallas"),
    ]
    assert grouped(rows) == [["s1", "s2"]]
    concepts = default_concepts()
    assert concepts.meaning("the United States").concepts == concepts.meaning("Washington").concepts
    withdraw = concepts.meaning("the troops withdraw").concepts - concepts.meaning("the troops").concepts
    assert withdraw and withdraw <= concepts.meaning("the troops pull out").concepts
    assert not withdraw & concepts.meaning("the troops pull outdated maps").concepts


def test_a_users_places_are_one_concept_as_the_packaged_ones_are(tmp_path: Path) -> None:
    # another negotiation's state, its capital and its adjective, declared in the user's actor file
    (tmp_path / "actors.yaml").write_text(
        "parties:\n  lowmarsh: Lowmarsh\n"
        "actors:\n  - {id: lowmarsh, name: Lowmarsh, type: state, party: lowmarsh}\n"
        "places:\n  lowmarsh: [Lowmarsh, Marshbury, Lowmarshian]\n",
        encoding="utf-8",
    )
    rows = [
        st(1, "Marshbury rejects the plan to pull out of the delta", actor="tamm"),
        st(2, "Lowmarshian officials refused any withdrawal from the delta region", actor="tamm"),
    ]
    packaged = sorted(sorted(c.statement_ids) for c in group_claims(rows))
    users = default_concepts([tmp_path / "actors.yaml"])
    theirs = sorted(sorted(c.statement_ids) for c in group_claims(rows, concepts=users))
    assert (packaged, theirs) == ([["s1"], ["s2"]], [["s1", "s2"]])
