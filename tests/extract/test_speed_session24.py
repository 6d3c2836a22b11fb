"""Session 24's stand-in for the entity recogniser's decoding (``fast_ner``, issue 10) sets exactly
the entities the original sets, batch by batch, and leaves to the original what it does not cover.
Sentences written for these tests."""

from __future__ import annotations

import json
from typing import Any

import numpy
import pytest
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc, Span

from redline.examples import corpus_path
from redline.extract import fast_ner
from redline.extract.nlp import load_nlp

pytestmark = pytest.mark.model

# entities of many labels, one at the very end, ones beside a sentence or paragraph break, runs
# of spaces and a line break inside a sentence, a one-word text and an empty one
TEXTS = [
    "Ukraine's foreign minister Andrii Sybiha met Marco Rubio in Geneva on Sunday, 23 November 2025.",
    "The European Union pledged $4.2 billion, about 12 percent more than last year.\n\n"
    "Officials in Warsaw said the second round would open in Istanbul on Tuesday morning.",
    "Kremlin spokesman Dmitry Peskov said  the  proposal was   'a basis'.\nNATO disagreed. Ankara",
    "Three delegations, led by the U.S. Secretary of State, arrived at the Ritz-Carlton in Abu Dhabi.",
    "Trump",
    "",
    "  ",
    "He said nothing new about the talks, the ceasefire or the plan's twenty-eight points.",
]
ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    original, fast = load_nlp(), load_nlp()
    assert fast_ner.install(fast)
    return original, fast


def entities(doc: Doc) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label_) for e in doc.ents]


@pytest.mark.parametrize("batch_size", [1, 3, 16])
def test_the_stand_in_sets_the_originals_entities(
    pipelines: tuple[Language, Language], batch_size: int
) -> None:
    original, fast = pipelines
    assert "ner" not in fast.pipe_names and fast_ner.FAST_NER in fast.pipe_names
    a = list(original.pipe(TEXTS * 2, batch_size=batch_size))
    b = list(fast.pipe(TEXTS * 2, batch_size=batch_size))
    for x, y in zip(a, b, strict=True):
        assert entities(x) == entities(y)
        assert (x.to_array(ENT_ATTRS) == y.to_array(ENT_ATTRS)).all()
    found = {label for doc in b for _, _, label in entities(doc)}
    assert {"PERSON", "GPE", "DATE", "MONEY", "PERCENT", "ORG"} <= found
    assert entities(b[2])[-1][1] == len(b[2])  # an entity closed at the last token


def test_the_stand_in_sets_the_originals_entities_on_the_example_corpus(
    pipelines: tuple[Language, Language],
) -> None:
    """The project's own example articles: long Docs whose many entities exercise every path
    (open entities read their first token and the one before), in the extractor's batches."""
    original, fast = pipelines
    texts = [
        json.loads(line)["text"] for line in corpus_path().read_text(encoding="utf-8").splitlines() if line
    ]
    a = list(original.pipe(texts, batch_size=16))
    b = list(fast.pipe(texts, batch_size=16))
    assert sum(len(doc.ents) for doc in b) > 1_000
    for x, y in zip(a, b, strict=True):
        assert entities(x) == entities(y)
        assert (x.to_array(ENT_ATTRS) == y.to_array(ENT_ATTRS)).all()


def test_the_extractor_decodes_entities_with_the_stand_in(extractor: Any) -> None:
    names = extractor.nlp.pipe_names
    assert fast_ner.FAST_NER in names and "ner" not in names
    assert names.index(fast_ner.FAST_NER) > names.index("parser")  # it reads sentence starts


def test_preset_entities_are_left_to_the_original(pipelines: tuple[Language, Language]) -> None:
    """A preset entity changes which moves are valid: the original decodes such a batch."""
    original, fast = pipelines
    text = "Sybiha and Rubio spoke by phone from Kyiv on Friday."
    with original.select_pipes(disable=["ner"]):
        bare = original(text)
    docs = [Doc(bare.vocab).from_bytes(bare.to_bytes()) for _ in range(2)]
    for doc in docs:
        doc.ents = [Span(doc, 0, 1, label="ORG")]  # a preset the model would not choose
    stand_in = fast.get_pipe(fast_ner.FAST_NER)
    original.get_pipe("ner")(docs[0])
    stand_in(docs[1])
    assert entities(docs[0]) == entities(docs[1])
    assert entities(docs[1])[0] == (0, 1, "ORG")
    assert (docs[0].to_array(ENT_ATTRS) == docs[1].to_array(ENT_ATTRS)).all()


def test_a_beam_recogniser_keeps_the_original() -> None:
    nlp = load_nlp()
    nlp.get_pipe("ner").cfg["beam_width"] = 4  # type: ignore[attr-defined]
    assert not fast_ner.install(nlp)
    assert "ner" in nlp.pipe_names and fast_ner.FAST_NER not in nlp.pipe_names


def test_valid_moves_follow_the_biluo_rules(pipelines: tuple[Language, Language]) -> None:
    stand_in = pipelines[1].get_pipe(fast_ner.FAST_NER)
    names = [str(stand_in.ner.moves.get_class_name(i)) for i in range(stand_in.ner.moves.n_moves)]  # type: ignore[attr-defined]
    penalty = stand_in.penalty  # type: ignore[attr-defined]
    labels = stand_in.labels  # type: ignore[attr-defined]

    def valid(kind: int) -> set[str]:
        return {n for n, p in zip(names, penalty[kind].tolist(), strict=True) if p == 0}

    every = {f"{m}-{label}" for label in labels for m in "BU"}
    assert valid(4 + 0 + 0) == every | {"O"}  # closed, two or more left, no break, not a space
    assert valid(4 + 0 + 1) == {"O"}  # a space starts no entity
    assert valid(4 + 2 + 0) == {f"U-{label}" for label in labels} | {"O"}  # no B before a break
    assert valid(0) == {f"U-{label}" for label in labels} | {"O"}  # the last token: no B
    person = 8 + 4 * labels.index("PERSON")
    assert valid(person + 2 + 0) == {"I-PERSON", "L-PERSON"}  # open: go on or close, same label
    assert valid(person + 2 + 1) == {"L-PERSON"}  # the next token starts a sentence
    assert valid(person + 0) == {"L-PERSON"}  # the last token closes it
    assert "U-" not in set().union(*(valid(k) for k in range(len(penalty))))


def test_sums_and_maxout_keep_spacys_order() -> None:
    """``sum_state_features`` adds onto zeros (so -0.0 comes out +0.0) and thinc's two-piece
    ``arg_max`` picks the second piece on a tie."""
    summed = fast_ner._summed(numpy.array([-0.0], dtype=numpy.float32))
    assert not numpy.signbit(summed[0])
    pieces = numpy.array([[[0.0, -0.0], [1.0, 2.0], [3.0, -1.0]]], dtype=numpy.float32)
    out = fast_ner._maxout(pieces)
    assert out.tolist() == [[0.0, 2.0, 3.0]] and numpy.signbit(out[0, 0])
    three = numpy.array([[[1.0, 5.0, 5.0], [2.0, 1.0, 0.0]]], dtype=numpy.float32)
    assert fast_ner._maxout(three).tolist() == [[5.0, 2.0]]
