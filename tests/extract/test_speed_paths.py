"""Reading the parse through the Doc's arrays and slices (issue 10's speed work) finds what
reading it token by token found. Sentences written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.extract.dates import statement_date
from redline.extract.events import EventFinder
from redline.knowledge.events import load_events

PUB = date(2025, 11, 27)  # a Thursday

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def finder() -> EventFinder:
    return EventFinder(load_events())


def test_a_trigger_phrase_starts_at_its_first_word_by_form_or_lemma(nlp: Any, finder: EventFinder) -> None:
    doc = nlp("Rubio met Umerov in Geneva. The two leaders held a phone call on Sunday.")
    found = finder.find(doc, PUB, [], "d")
    assert [(e.type, e.trigger.text) for e in found] == [("meeting", "met"), ("meeting", "phone call")]


def test_a_trigger_phrase_does_not_run_past_its_sentence(nlp: Any, finder: EventFinder) -> None:
    doc = nlp("Nobody in the ministry answered the phone.\n\nCall records from Kyiv were sealed on Monday.")
    assert len(list(doc.sents)) >= 2
    assert not [e for e in finder.find(doc, PUB, [], "d") if e.type == "meeting"]


def test_the_events_of_a_doc_read_its_entities_as_spacy_gives_them(nlp: Any, finder: EventFinder) -> None:
    """The entities are read once per Doc and handed down: places and actors still come from them."""
    doc = nlp("Zelensky visited Washington on Monday. Witkoff later flew to Moscow for talks.")
    found = finder.find(doc, PUB, [], "d")
    assert ("visit", "Washington") in [(e.type, e.place) for e in found]
    assert any(e.actors == ["Zelensky"] for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Peskov said on Tuesday that the talks would continue.",
        "On Monday, the envoy told reporters the draft was fair. He added nothing else.",
        "The minister, who spoke in an interview  on Nov. 20, said the plan had changed.",
    ],
)
def test_statement_dates_read_the_sentence_from_the_text_as_from_its_tokens(nlp: Any, text: str) -> None:
    doc = nlp(text)
    first = next(iter(doc.sents))
    verb = next(t for t in first if t.lemma_ in ("say", "tell"))
    cue = (verb.idx, verb.idx + len(verb.text))
    content = (cue[1] + 1, first.end_char)
    sentence = (first.start_char, first.end_char)
    from_tokens = statement_date(doc, cue, content, sentence, PUB).day
    from_text = statement_date(doc, cue, content, sentence, PUB, None, doc.text).day
    assert from_text == from_tokens
    assert from_tokens is not None and from_tokens <= PUB


def test_name_units_keep_every_word_but_the_skipped_ones_in_place() -> None:
    """Without place merging, each kept word is its own unit at its own position ("the", a
    possessive and punctuation are skipped)."""
    from redline.knowledge.actors import Unit, load_actors

    kb = load_actors()
    words = ["The", "Kremlin", "'s", "spokesman", ",", "Dmitry", "Peskov"]
    units = kb.units(words)
    assert [u.start for u in units] == [1, 3, 5, 6]
    assert all(isinstance(u, Unit) and u.end == u.start + 1 for u in units)
    assert [u.key for u in units] == [kb.fold(w) for w in ["Kremlin", "spokesman", "Dmitry", "Peskov"]]


CHUNKED = [
    "The head of the Ukrainian delegation met the US envoy and his deputy in Geneva on Sunday.",
    "Officials said the talks went well.\n\nA spokesman for the ministry, who declined to be named, "
    "said the new draft and the old one differed on the army's size.",
    "Kyiv and Moscow traded strikes. Then they talked; nobody believed them.",
]


@pytest.mark.parametrize("text", CHUNKED)
def test_the_chunk_around_a_token_is_the_one_the_sentence_gives(nlp: Any, text: str) -> None:
    """``_chunk_around`` chunks the sentence alone: every token gets the chunk (or none) that
    ``Span.noun_chunks`` (the Doc's chunks, kept to the sentence) gives it."""
    from redline.extract.events import _chunk_around

    doc = nlp(text)
    assert len(list(doc.sents)) > 1 or len(doc) > 15
    held = 0
    for token in doc:
        want = next((c for c in token.sent.noun_chunks if c.start <= token.i < c.end), None)
        got = _chunk_around(token, token.sent)
        assert (got.start, got.end) == (want.start, want.end) if want is not None else got is None
        held += want is not None
    assert 0 < held < len(doc)  # tokens in chunks and outside them both checked
