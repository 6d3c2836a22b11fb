"""Speakers on constructions of general news left open after the twelfth held-out batch
(session 28): unnamed sources, bodies named by their seat, and roles named only later. Every
sentence here is written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from redline.model import Document

pytestmark = pytest.mark.model


def _said(extractor: Any, text: str) -> dict[str, str | None]:
    found = extractor.extract_one(Document(id="s28", text=text)).statements
    return {s.content.text.strip(' .,"'): (s.speaker.name if s.speaker else None) for s in found}


@pytest.mark.parametrize(
    "text",
    [
        "A senior Moldovan commander, speaking on condition of anonymity, said the bridge would hold.",
        "A Moldovan general who asked not to be identified said the bridge would hold.",
        "A Moldovan general said on condition of anonymity that the bridge would hold.",
    ],
)
def test_an_office_holder_unnamed_on_request_is_an_anonymous_official(extractor: Any, text: str) -> None:
    # NOTES.md: unnamed officials take the guide's anonymous labels, whatever the office
    assert _said(extractor, text)["the bridge would hold"] == "anonymous Moldovan official"


def test_someone_who_holds_no_office_keeps_their_phrase_when_unnamed(extractor: Any) -> None:
    # a farmer who asks not to be named is an unnamed farmer, not an official of a side
    said = _said(extractor, "A Moldovan farmer who asked not to be named said the bridge would hold.")
    assert said["the bridge would hold"] == "A Moldovan farmer"


def test_a_pronoun_for_an_unnamed_official_speaks_under_the_label(extractor: Any) -> None:
    text = 'A Spanish diplomat sounded calmer: the levy, he said, "is the cost of a quiet border."'
    said = _said(extractor, text)
    assert said["is the cost of a quiet border"] == "anonymous Spanish official"


def test_the_one_asked_is_who_answers(extractor: Any) -> None:
    # the writer puts a question to an unnamed negotiator; "she" is that negotiator, not the writer
    text = (
        "By Tomas Ferrel | 2 March 2026\n\n"
        "When I asked a senior Romanian negotiator in May what Bucharest would accept, she was quick. "
        '"A border we can police ourselves," she told me.'
    )
    assert _said(extractor, text)["A border we can police ourselves"] == "anonymous Romanian official"


@pytest.mark.parametrize(
    ("source", "speaker"),
    [
        ("The presidential office in Kyiv", "Ukrainian presidential office"),
        ("The foreign ministry in Moscow", "Russian Foreign Ministry"),
        ("Ukraine's presidential office", "Ukrainian presidential office"),
    ],
)
def test_a_body_named_by_its_seat_is_that_states_body(extractor: Any, source: str, speaker: str) -> None:
    said = _said(extractor, f"{source} said the grain corridor would reopen in April.")
    assert said["the grain corridor would reopen in April"] == speaker


_NAMED_LATER = (
    "BERGEN (Coast Wire) - The port authority said the new quay was safe. Peter Lund, an engineer "
    "who built it, said the cranes were new.\n\n"
    "The {role} told reporters that a deal on fees was within reach. She said the pilots had agreed.\n\n"
    "The {role}, Kari Holm, later said the harbour would stay open."
)


@pytest.mark.parametrize("role", ["minister", "chair", "envoy"])
def test_a_role_named_only_later_is_the_person_named_then(extractor: Any, role: str) -> None:
    # the story gives the role a name only at the end; the person last in focus (the engineer)
    # is not who "the minister" was, and "she" follows the role to the same person
    said = _said(extractor, _NAMED_LATER.format(role=role))
    assert said["a deal on fees was within reach"] == "Kari Holm"
    assert said["the pilots had agreed"] == "Kari Holm"
    assert said["the harbour would stay open"] == "Kari Holm"


def test_a_role_the_story_gives_no_one_stays_with_the_person_in_focus(extractor: Any) -> None:
    # no one is later named as the minister: "the minister" still takes up the person in focus
    text = _NAMED_LATER.format(role="minister").replace("The minister, Kari Holm, later", "Kari Holm later")
    said = _said(extractor, text)
    assert said["a deal on fees was within reach"] != "Kari Holm"


@pytest.mark.parametrize("given", ["Halyna", "Larysa", "Svitlana"])
def test_he_is_not_a_woman_named_by_a_ukrainian_given_name(extractor: Any, given: str) -> None:
    # names.yaml gives these given names their gender, so "he" skips the woman just quoted
    text = (
        f"Taras Bondar, the mayor, opened the meeting on Monday. {given} Koval said the dam would hold. "
        '"We will rebuild the bridge by spring," he said.'
    )
    assert _said(extractor, text)["We will rebuild the bridge by spring"] == "Taras Bondar"
