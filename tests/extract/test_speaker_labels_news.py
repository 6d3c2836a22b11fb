"""Speaker regressions from real news (issue 10), through the whole extractor, on sentences
written for these tests: non-speaker nouns never become actors, signed headlines get their
signature's actor, and a repeated headline stays one statement."""

from __future__ import annotations

from typing import Any

import pytest

from news_extraction import extract

pytestmark = pytest.mark.model


@pytest.mark.parametrize("noun", ["comments", "remarks"])
def test_comments_are_not_a_speaker(extractor: Any, noun: str) -> None:
    text = f"The talks ended late on Friday. His {noun} suggested that the harbour deal was close."
    names = [s.speaker.name for s in extract(extractor, text).statements if s.speaker is not None]
    assert not any(noun in n.lower() for n in names), names


def test_a_signed_headline_is_the_signature_actors(extractor: Any) -> None:
    text = "Prisoner exchange will go ahead next week – Kremlin\n\nOfficials met in Istanbul on Monday."
    statements = extract(extractor, text).statements
    signed = [s for s in statements if s.content.text == "Prisoner exchange will go ahead next week"]
    assert len(signed) == 1, [s.content.text for s in statements]
    assert signed[0].speaker is not None and signed[0].speaker.name == "Kremlin"


def test_a_repeated_signed_headline_is_one_statement(extractor: Any) -> None:
    headline = "Prisoner exchange will go ahead next week – Kremlin"
    text = f"{headline}\n\n{headline}\n\nOfficials met in Istanbul on Monday."
    statements = extract(extractor, text).statements
    assert len([s for s in statements if s.content.text.startswith("Prisoner exchange")]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Reuters reported that the plant would close. According to that report, the owners sold it.",
        "Reuters reported that the plant would close. The report says the owners sold the land.",
    ],
)
def test_the_report_is_the_outlet_named_just_before(extractor: Any, text: str) -> None:
    """A definite "the report" takes up the outlet that made it, not the unnamed-media label."""
    statements = extract(extractor, text).statements
    later = [s for s in statements if "owners" in s.content.text]
    assert len(later) == 1 and later[0].speaker is not None
    assert later[0].speaker.name == "Reuters"


def test_a_report_with_no_outlet_before_it_stays_unnamed_media(extractor: Any) -> None:
    text = "The auditors met on Monday. The report says the owners sold the land."
    statements = extract(extractor, text).statements
    assert [s.speaker.name for s in statements if s.speaker is not None] == ["unnamed media reports"]


def test_a_headline_verb_is_not_part_of_the_speakers_name(extractor: Any) -> None:
    """ "Mayor cancels meeting, citing ...": the parser may take the verb for the subject's head."""
    text = "Mayor cancels planned meeting with union, citing lack of progress on wages\n\nThe union met."
    statements = extract(extractor, text).statements
    cited = [s for s in statements if s.content.text.startswith("lack of progress")]
    assert len(cited) == 1 and cited[0].speaker is not None
    assert cited[0].speaker.mention.text == "Mayor"


def test_a_readout_owned_by_a_named_person_is_theirs(extractor: Any) -> None:
    text = "Yuri Novak told reporters the call was useful. Novak’s readout made clear that the talks stalled."
    statements = extract(extractor, text).statements
    stalled = [s for s in statements if s.content.text == "the talks stalled"]
    assert len(stalled) == 1 and stalled[0].speaker is not None
    assert stalled[0].speaker.name == "Yuri Novak"
