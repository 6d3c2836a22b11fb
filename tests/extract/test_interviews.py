"""Interview transcripts: answers belong to the person interviewed, questions to nobody."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model

LEAD = "Border talks: an interview with Estonia's foreign minister\nTallinn, March 3, 2026\n\n"
TRANSCRIPT = (
    "Q: Is the proposed buffer zone acceptable to your government?\n"
    "A: No zone drawn without us is acceptable. We will defend every village.\n"
    "Q: And the monitoring mission?\n"
    "A: We welcome monitors, as long as they report to the OSCE.\n"
)


def test_answers_take_the_interviewee_named_in_the_lead(attributed: Attributed) -> None:
    found = attributed(LEAD + TRANSCRIPT)
    answers = [a for a in found if a.cue == ":"]
    assert [a.source for a in answers] == ["Estonia's foreign minister"] * 2
    assert answers[0].content.startswith("No zone drawn without us is acceptable")
    assert not any(a.content.startswith(("Is the proposed", "And the monitoring")) for a in found)


def test_a_reporter_in_the_lead_points_to_the_subject(attributed: Attributed) -> None:
    lead = "The chief negotiator sat down with reporters in Riga on Monday.\n\n"
    (answer,) = [a for a in attributed(lead + TRANSCRIPT) if a.cue == ":"][:1]
    assert answer.source == "The chief negotiator"


def test_answers_without_an_interviewee_are_left_out(attributed: Attributed) -> None:
    found = attributed("Border talks resume\n\n" + TRANSCRIPT)
    assert not any(a.source in ("A", "Q") for a in found)
    assert not any(a.cue == ":" for a in found)
