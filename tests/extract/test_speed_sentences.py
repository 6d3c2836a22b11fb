"""The array and memo paths of issue 10's speed work (session 15) find what the slow paths
found: a Doc's sentence table (``components.Sentences``) against ``Token.sent``, the cue sites
found by a binary search against ``numpy.isin``, and the remembered actor keys against
``unit_columns``. Each is checked against a copy of the code it replaced. Sentences written
for these tests."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy
import pytest
from spacy.attrs import LEMMA, LOWER

from redline.extract.components import Sentences
from redline.extract.token_ranges import cue_sites
from redline.knowledge.actors import ActorBase, load_actors, split_words
from redline.knowledge.cues import load_cues

TEXTS = [
    "Talks resume in Geneva\n\nThe envoy said on Monday that the ceasefire must hold. "
    "It would be monitored from the air, he added.\n\n"
    "\u201cWe will not give up an inch,\u201d the president told reporters. \u201cNot one.\u201d",
    "Kyiv rejected the draft. Moscow welcomed it; Washington hesitated.\n\n\n"
    "Asked whether troops would withdraw, the minister replied: \u201cNever.\u201d",
    "A single sentence with no break at all, which the spokeswoman confirmed",
    "  \n\nLeading blank lines, then a line.\nAnd a second line right after it.  \n",
    "Kremlin says too early to discuss summit \u2013 Peskov\n\nThe aide noted that no date "
    "was set, according to the agency, and warned against haste.",
]


def reference_previous(doc: Any, text: str, start: int) -> tuple[int, int]:
    """``components._previous_sentence`` as it was, reading ``Token.sent``."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0 or span[0].sent.start == 0:
        return start, start
    previous = doc[span[0].sent.start - 1].sent
    sentence = previous.text.rstrip()
    if "\n\n" in text[previous.start_char + len(sentence) : start]:
        return start, start
    end = previous.start_char + len(sentence)
    return end - len(sentence.rsplit("\n\n", 1)[-1]), end


def reference_bounds(doc: Any, start: int, end: int) -> tuple[int, int]:
    """``components._sentence_bounds`` as it was."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return start, end
    return span[0].sent.start_char, span[-1].sent.end_char


def _parse(extractor: Any, text: str) -> Any:
    with extractor.nlp.select_pipes(disable=["redline_extract"]):
        return extractor.nlp(text)


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_the_sentence_table_gives_the_bounds_token_sent_gave(extractor: Any, text: str) -> None:
    doc = _parse(extractor, text)
    sentences = Sentences(doc)
    assert len(list(doc.sents)) > 1 or text == TEXTS[2]
    for start in range(len(text) + 1):
        assert sentences.previous(text, start) == reference_previous(doc, text, start), start
        for end in (start + 1, start + 17, start + 90, len(text)):
            end = min(end, len(text))
            assert sentences.bounds(start, end) == reference_bounds(doc, start, end), (start, end)


def reference_sites(doc: Any, trigger_words: tuple[str, ...]) -> list[int]:
    """``cue_sites`` as it was: the trigger words hashed per Doc, matched by ``numpy.isin``."""
    if len(doc) == 0:
        return []
    arr = doc.to_array([LEMMA, LOWER])
    strings = doc.vocab.strings
    wanted = numpy.array([strings[w] for w in trigger_words], dtype=numpy.uint64)
    return numpy.flatnonzero(numpy.isin(arr, wanted).any(axis=1)).tolist()


@pytest.mark.model
@pytest.mark.parametrize("text", [*TEXTS, ""])
def test_cue_sites_are_the_tokens_isin_found(extractor: Any, text: str) -> None:
    doc = _parse(extractor, text)
    cues = load_cues()
    assert [t.i for t in cue_sites(doc, cues)] == reference_sites(doc, cues.trigger_words)
    # a lexicon of a few words, the first and last of the sorted hashes among them
    few = dataclasses.replace(cues, trigger_words=("said", "the", "zzz", "a"))
    assert [t.i for t in cue_sites(doc, few)] == reference_sites(doc, few.trigger_words)
    assert cue_sites(doc, dataclasses.replace(cues, trigger_words=())) == []


KEYED = [
    "Russia's Foreign Minister Sergei Lavrov",
    "the president of Ukraine",
    "Ukrainian President",
    "US envoy",
    "Moscow's negotiator",
    "",
]


def test_remembered_actor_keys_are_the_unit_columns_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ActorBase, "_KEYS_REMEMBERED", 3)  # read when the memo is made
    kb = load_actors()
    for _ in range(3):  # asked again (from the memo), past its limit (afresh) and as list or tuple
        for text in KEYED:
            words = split_words(text)
            for places in (False, True):
                expected = tuple(kb.unit_columns(words, places)[0])
                assert kb.key(words, places) == expected
                assert kb.key(tuple(words), places) == expected
                assert len(kb._keys) <= 4


def test_a_replaced_actor_base_keys_with_its_own_place_forms() -> None:
    """A copy made by ``dataclasses.replace`` must not read the original's memo."""
    kb = load_actors()
    words = split_words("Russian President")
    assert kb.key(words, places=True) == ("@russia", "president")  # remembered from here on
    bare = dataclasses.replace(kb, place_forms={})
    assert bare.key(words, places=True) == tuple(bare.unit_columns(words, places=True)[0])
    assert bare.key(words, places=True) != kb.key(words, places=True)


def test_a_doc_without_statements_never_reads_its_sentences() -> None:
    """A Doc with no sentence bounds (no parser) is fine as long as no statement asks."""
    import spacy

    doc = spacy.blank("en")("No parser has read this text. Nor this.")
    sentences = Sentences(doc)  # built for every Doc the component reads
    with pytest.raises(ValueError):
        sentences.bounds(0, 5)
