"""A statement carried by an outlet is the inner source's: "X said Y, Reuters reported".

The guide annotates both sources of a layered report with one content; the analyst's row is the
inner source's, since read as the outlet's own a minister's words would count for no party.
A report the outlet makes itself ("Reuters reported that X said ...") is left as it was.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


def _found(attributed: Attributed, text: str) -> list[tuple[str, str | None]]:
    return [(a.content, a.source) for a in attributed(text)]


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "The harbour master said the ferries would sail on Monday, the Baltic Wire reported.",
            "the ferries would sail on Monday",
            "The harbour master",
        ),
        (
            "Minister Rebane told lawmakers the budget was final, "
            "according to the parliament's press office.",
            "the budget was final",
            "Minister Rebane",
        ),
        (
            "The port authority rejected the new tariff schedule, according to the harbour gazette.",
            "the new tariff schedule",
            "The port authority",
        ),
        (
            "Mayor Ilves dismissed the bridge tolls as a tax on commuters, the Baltic Wire reported.",
            "the bridge tolls as a tax on commuters",
            "Mayor Ilves",
        ),
    ],
)
def test_the_inner_source_speaks(attributed: Attributed, text: str, content: str, source: str) -> None:
    assert _found(attributed, text) == [(content, source)]


def test_an_outlets_own_report_of_a_statement_stays_the_outlets(attributed: Attributed) -> None:
    found = _found(
        attributed, "The Baltic Wire reported that the harbour master said the ferries would sail."
    )
    assert found and found[0][1] == "The Baltic Wire", found


def test_an_attitude_carried_by_an_outlet_stays_the_outlets_report(attributed: Attributed) -> None:
    found = _found(
        attributed, "The fishermen, who back the new quota, met in Tallinn, the Baltic Wire reported."
    )
    assert [source for _, source in found] == ["the Baltic Wire"], found
