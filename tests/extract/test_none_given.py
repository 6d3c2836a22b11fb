"""A stance act whose object is "no ..." ("offered no details", "offers no hint it will agree")
is negated as "did not offer details" is: the guide counts no negated speech. A verb of saying
with such an object still reports something ("reported no agreement on the border"). Sentences
are written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


def test_an_act_with_no_object_given_is_no_statement(attributed: Attributed) -> None:
    found = [(a.content, a.cue) for a in attributed("The union offers no hint it will accept the deal.")]
    assert found == [], found


def test_the_statement_before_it_stands_alone(attributed: Attributed) -> None:
    found = [
        (a.cue, a.source)
        for a in attributed("The mayor said talks had made progress. He offered no details on the cost.")
    ]
    assert found == [("said", "The mayor")], found


def test_an_object_given_is_a_statement(attributed: Attributed) -> None:
    found = [(a.content, a.cue) for a in attributed("The mayor offered new details of the plan.")]
    assert found == [("new details of the plan", "offered")], found


def test_a_report_of_no_agreement_is_a_statement(attributed: Attributed) -> None:
    found = [(a.content, a.cue) for a in attributed("Officials reported no agreement on the border.")]
    assert ("no agreement on the border", "reported") in found, found
