"""Headlines closed by their source and a speech verb: "Talks productive, Kremlin says".

Headline-ese drops the copula ("deal close"), so the parser finds no clause for "says" to report;
the line's shape decides. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from attribution_spans import Attributed
from redline.extract.headlines import headline_end

pytestmark = pytest.mark.model

BODY = "\n\nGENEVA (Wire) - The delegations met again on Monday, officials said."


def _found(attributed: Attributed, headline: str) -> list[tuple[str, str | None]]:
    return [(a.content, a.source) for a in attributed(headline + BODY) if a.start < len(headline)]


@pytest.mark.parametrize(
    ("headline", "content", "source"),
    [
        ("Grain corridor talks productive, Ankara says", "Grain corridor talks productive", "Ankara"),
        (
            "No truce without a pullback, Moldovan minister says",
            "No truce without a pullback",
            "Moldovan minister",
        ),
        ("Border deal close, officials said", "Border deal close", "officials"),
    ],
)
def test_a_headline_signed_by_source_and_verb_is_a_statement(
    attributed: Attributed, headline: str, content: str, source: str
) -> None:
    assert _found(attributed, headline) == [(content, source)]


@pytest.mark.parametrize(
    "headline",
    [
        # the verb is not a finite "says"/"said": the line is not signed
        "Ukraine wants security, but its people must have their say",
        # the words before the verb are a clause, not a source
        "If the talks fail, the region will face a harsh winter",
    ],
)
def test_lines_of_other_shapes_are_not_signed_headlines(attributed: Attributed, headline: str) -> None:
    assert _found(attributed, headline) == []


def test_a_sentence_with_a_stop_is_running_text(attributed: Attributed) -> None:
    found = [
        a.content
        for a in attributed("The ministers met. Turnout was low, organisers said\n\nMore text follows here.")
    ]
    assert all("ministers met" not in c for c in found), found


@pytest.mark.parametrize(
    ("headline", "content", "source"),
    [
        # a comma inside the headline is not ", VERB SOURCE": the dash still signs it
        (
            "Vienna ready to host more talks, but the corridor must reopen - Kessler",
            "Vienna ready to host more talks, but the corridor must reopen",
            "Kessler",
        ),
        (
            "Grain talks to go on, and monitors will stay – Ankara",
            "Grain talks to go on, and monitors will stay",
            "Ankara",
        ),
    ],
)
def test_a_dash_signs_a_headline_with_a_comma_in_it(
    attributed: Attributed, headline: str, content: str, source: str
) -> None:
    assert _found(attributed, headline) == [(content, source)]


@pytest.mark.parametrize(
    ("text", "end"),
    [
        (
            "Talks stall\n\nThe envoy said on Monday that the talks had stalled over the border question.",
            len("Talks stall\n"),  # a blank line after the headline is not part of it
        ),
        # a short line with a full stop may still be a headline ("Deal close.")
        ("Deal close.\nThe envoy said on Monday that the talks had stalled over the border.", 12),
        ("Talks stall\nKyiv, 3 May\nBrief\nFourth line\nBody.", len("Talks stall\nKyiv, 3 May\nBrief\n")),
        ("The envoy said on Monday that the talks had stalled over the question of the border.\nMore.", 0),
        ("Talks stall", len("Talks stall")),  # no line break: the whole text is the headline
        ("", 0),
    ],
)
def test_headlines_end_after_the_opening_lines_without_a_final_full_stop(text: str, end: int) -> None:
    assert headline_end(text) == end
