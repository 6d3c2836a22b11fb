"""Transcript turns whose lead names roles other than the presenter's (session 25). A guest
introduced by trade as a journalist speaks for himself when the host talks to him; a presenter
whom the lead names without a role is the one who talks to the guests and whose turns ask.
Sentences are the project's own."""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import said_by

pytestmark = pytest.mark.model

JOURNALIST_GUEST = (
    "Talk of the Week: the envoy's plan\n\n"
    "The programme's host Maria Lind spoke with journalist Tomas Berg about the new proposal and "
    "with the deputy foreign minister, Anton Kreel.\n\n"
    "LIND: Tomas, what is new in this draft?\n\n"
    "BERG: The draft drops the cap on the army, and the ferry tolls stay as they are.\n\n"
    "LIND: Minister, will your government sign it?\n\n"
    "KREEL: We will not sign anything that takes away our land.\n"
)


def test_a_journalist_the_host_talks_to_is_a_guest(extractor: Any) -> None:
    found = said_by(extractor, JOURNALIST_GUEST)
    assert any(
        speaker and "Berg" in speaker and content.startswith("The draft drops the cap")
        for speaker, content in found
    )
    assert any(
        speaker and "Kreel" in speaker and content.startswith("We will not sign")
        for speaker, content in found
    )
    # the host still asks
    assert not any(content.startswith(("Tomas, what", "Minister, will")) for _, content in found)


UNNAMED_ROLE = (
    "Evening Panel, 3 December 2025\n\n"
    "Sara Quist talked to the defence analyst Jonas Holm and to the former ambassador Ella Dahl.\n\n"
    "QUIST: Is the harbour deal dead?\n\n"
    "HOLM: The deal is not dead, but the union has rejected the wage terms in it.\n\n"
    "DAHL: I believe the council will insist on a vote before any signature.\n\n"
    "QUIST: Thank you both.\n"
)


def test_who_talks_to_the_guests_and_asks_is_the_presenter(extractor: Any) -> None:
    found = said_by(extractor, UNNAMED_ROLE)
    assert not any(speaker and "Quist" in speaker for speaker, _ in found)
    assert any(
        speaker and "Holm" in speaker and content.startswith("The deal is not dead")
        for speaker, content in found
    )
    assert any(
        speaker and "Dahl" in speaker and content.startswith("I believe") for speaker, content in found
    )


MINISTER_ANSWERS = (
    "Morning Call, 5 December 2025\n\n"
    "Ana Mendes spoke with Jonas Holm about the harbour strike.\n\n"
    "HOLM: Will the port reopen?\n\n"
    "MENDES: The port will reopen in May, with or without the union's signature.\n"
)


def test_who_talks_but_never_asks_keeps_her_turns(extractor: Any) -> None:
    # negative: the lead's subject answers; only a name whose turns ask is taken for the presenter
    found = said_by(extractor, MINISTER_ANSWERS)
    assert any(
        speaker and "mendes" in speaker.lower() and content.startswith("The port will reopen in May")
        for speaker, content in found
    )


def test_what_a_conversation_was_about_is_no_statement(extractor: Any) -> None:
    """ "spoke with the minister about the tolls" is a conversation and its topic; a transcript's
    lead said so of every guest, and the host got a statement of the topic."""
    found = said_by(extractor, JOURNALIST_GUEST)
    assert not any(content.startswith("the new proposal") for _, content in found)
    press = said_by(extractor, "The mayor spoke with reporters about the bridge tolls on Friday.")
    assert [content for _, content in press] == ["the bridge tolls"]  # to the press: what was said
