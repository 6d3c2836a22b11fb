"""Transcript turns labelled by a surname (session 24, issue 10): "ROOS: Will the port reopen?"
names nobody's role, the lead does ("spoke to presenter Hanna Roos"). The turns of the person
the lead gives an asking role are the outlet's questions; the guest's turns stay statements,
and so do both sides of an exchange where the lead names no one who asks. Sentences are the
project's own."""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import said_by

pytestmark = pytest.mark.model

INTERVIEW = (
    "Harbour minister: the port will reopen in May\n\n"
    "Coastline Radio, 4 June 2026. Marsh County's harbour minister, Delia Ostrova, spoke to "
    "presenter Tomas Kiley about the ferry talks.\n\n"
    "KILEY: Minister, the union has rejected the offer. Will the port reopen this spring?\n\n"
    "OSTROVA: The port will reopen in May, with or without the union's signature.\n\n"
    "KILEY: The union says the fares are too high.\n\n"
    "OSTROVA: The fares are lower than they were five years ago.\n"
)


def test_a_presenter_labelled_by_surname_asks_for_the_outlet(extractor: Any) -> None:
    found = said_by(extractor, INTERVIEW)
    # the presenter's turns are no statement of his
    assert not any(content.startswith(("Minister, the union", "The union says")) for _, content in found)
    assert not any(speaker and "Kiley" in speaker for speaker, _ in found)
    # the guest's answers stay hers
    answers = [content for speaker, content in found if speaker and "Ostrova" in speaker]
    assert any(c.startswith("The port will reopen in May") for c in answers)
    assert any(c.startswith("The fares are lower") for c in answers)


HOST_APPOSED = (
    "Evening Desk, Lakeside Radio. The show's host, Mark Dalby, spoke to the mayor of Brenholt, "
    "Ines Carvalho, about the bridge tolls.\n\n"
    "DALBY: Mayor, will the tolls go up next year?\n\n"
    "CARVALHO: The tolls will stay where they are until the bridge is paid for.\n"
)


def test_a_host_in_apposition_asks(extractor: Any) -> None:
    found = said_by(extractor, HOST_APPOSED)
    assert not any(content.startswith("Mayor, will") for _, content in found)
    # the guest's answer stays a statement (her label is matched to her name by the speaker layer)
    assert any(
        speaker and "carvalho" in speaker.lower() and content.startswith("The tolls will stay")
        for speaker, content in found
    )


DEBATE = (
    "Brenholt mayoral debate, Lakeside Radio. The two candidates, Ines Carvalho and Piet Rennick, "
    "met in the studio on Tuesday.\n\n"
    "CARVALHO: The tolls will stay where they are until the bridge is paid for.\n\n"
    "RENNICK: The tolls should be cut by half next year.\n"
)


def test_a_debate_without_an_asking_role_keeps_both_sides(extractor: Any) -> None:
    # negative: the lead gives neither name an asking role, so both turns are statements
    found = said_by(extractor, DEBATE)
    assert any(
        speaker and "Carvalho" in speaker and content.startswith("The tolls will stay")
        for speaker, content in found
    )
    assert any(
        speaker and "Rennick" in speaker and content.startswith("The tolls should be cut")
        for speaker, content in found
    )


RHETORICAL = (
    "Coastline Radio. The union leader, Piet Rennick, spoke to presenter Tomas Kiley.\n\n"
    "KILEY: Will your members accept the offer?\n\n"
    "RENNICK: Who would accept a pay cut in a year of record profits? We will strike on Monday.\n"
)


def test_a_guest_asking_a_rhetorical_question_still_speaks(extractor: Any) -> None:
    # negative: the guest's turn is his statement, question and all; only the presenter asks
    found = said_by(extractor, RHETORICAL)
    assert not any(content.startswith("Will your members") for _, content in found)
    assert any(
        speaker and "Rennick" in speaker and content.startswith("Who would accept")
        for speaker, content in found
    )
