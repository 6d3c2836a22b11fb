"""Claim grouping without a database: speaker, similarity and date window."""

from __future__ import annotations

from datetime import date

from redline.analysis.claims import group_claims
from redline.store import ClaimInput


def st(n: int, actor: str, content: str, day: int, outlet: str) -> ClaimInput:
    return ClaimInput(f"s{n}", actor, actor.title(), date(2025, 11, day), content, f"d{n}", outlet)


def test_grouping_by_speaker_content_and_window() -> None:
    rows = [
        st(1, "putin", "In general, we agree that this can be the basis for future agreements", 24, "A"),
        st(2, "putin", "we agree that this can be the basis for future agreements", 24, "B"),
        st(3, "putin", "Ukrainian troops must withdraw from the territories they occupy", 24, "C"),
        st(4, "putin", "In general we agree this can be the basis for future agreements", 25, "D"),
        st(5, "putin", "we agree that this can be the basis for future agreements", 28, "E"),
        st(7, "putin", "Ukrainian troops must withdraw from the territories they occupy", 26, "F"),
        st(6, "zelensky", "we agree that this can be the basis for future agreements", 24, "A"),
    ]
    claims = sorted(group_claims(rows), key=lambda c: c.statement_ids)
    # a report two days later is the same claim (s7); three days after the last report, another (s5)
    assert [c.statement_ids for c in claims] == [["s1", "s2", "s4"], ["s3", "s7"], ["s5"], ["s6"]]
    assert claims[0].outlets == ["A", "B", "D"] and claims[0].last_date == date(2025, 11, 25)
    assert claims[0].id == claims[0].row()["id"] and claims[0].row()["n_outlets"] == 3


def test_short_contents_need_to_match_closely() -> None:
    rows = [st(1, "a", "no", 1, "A"), st(2, "a", "no deal without guarantees", 1, "B")]
    assert len(list(group_claims(rows))) == 2


def test_reworded_reports_of_one_statement_are_one_claim() -> None:
    rows = [
        st(1, "putin", "the US plan could serve as the basis for a final settlement", 27, "A"),
        st(2, "putin", "the American proposal could become the foundation of a final agreement", 27, "B"),
        st(3, "putin", "the US plan could not serve as the basis for a final settlement", 27, "C"),
        st(4, "putin", "the army would be capped at 600,000 under the plan", 27, "D"),
        st(5, "putin", "the army would be capped at 800,000 under the plan", 27, "E"),
    ]
    claims = sorted(group_claims(rows), key=lambda c: c.statement_ids)
    # the rewording joins; the negation and the other figure are other claims
    assert [c.statement_ids for c in claims] == [["s1", "s2"], ["s3"], ["s4"], ["s5"]]
