"""A "that" clause whose subject carries a relative clause ("charges that firms that stand to
gain from the deal paid millions") is cut by the parser inside the relative clause, with the
main predicate hung on the speech verb as a second clause. A clause with no subject of its own
right after the first is its predicate: the content runs over it. Sentences are written for these
tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


def test_the_content_runs_over_the_split_predicate(attributed: Attributed) -> None:
    found = [
        (a.content, a.cue, a.source)
        for a in attributed(
            "Smith charges that firms that stand to gain from the deal paid millions to the campaign."
        )
    ]
    assert (
        "firms that stand to gain from the deal paid millions to the campaign",
        "charges",
        "Smith",
    ) in found, found


def test_a_second_clause_with_its_own_subject_is_not_joined(attributed: Attributed) -> None:
    found = [
        (a.content, a.cue, a.source)
        for a in attributed("The mayor said that the plan had failed and the council agreed.")
    ]
    assert found and all(content.startswith("the plan had failed") for content, _, _ in found), found
