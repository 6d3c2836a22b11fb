"""Speakers and statements on the constructions the eleventh held-out batch tripped on (session
26): a press conference's questions, "the report" of a body that spoke in it, one name the tagger
split in two, and a lead whose dateline the parser took for a subject. Sentences written for
these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from redline.extract.actors import _joined_compounds
from redline.model import Document

pytestmark = pytest.mark.model


def _said(extractor: Any, text: str) -> dict[str, str | None]:
    found = extractor.extract_one(Document(id="u11", text=text)).statements
    return {s.content.text: (s.speaker.name if s.speaker else None) for s in found}


PRESS = (
    "Foreign Minister Lena Orhan spoke to reporters in Ankara on Monday. One reporter asked whether "
    'the ministry would reopen the embassy before winter. "Not before the roof is fixed," she replied. '
    "A German journalist asked whether the talks could resume next week."
)


def test_a_reporters_question_at_a_news_conference_is_no_statement(extractor: Any) -> None:
    said = _said(extractor, PRESS)
    assert "the ministry would reopen the embassy before winter" not in said
    assert "the talks could resume next week" not in said


def test_the_answer_after_a_reporters_question_is_the_officials(extractor: Any) -> None:
    assert _said(extractor, PRESS)["Not before the roof is fixed"] == "Lena Orhan"


def test_a_non_reporter_who_asks_still_speaks(extractor: Any) -> None:
    # only the press's questions are dropped: an official's "asked whether" stays a statement
    said = _said(extractor, "The mayor asked whether the council would pay for the bridge.")
    assert said.get("the council would pay for the bridge") is not None


@pytest.mark.parametrize(
    "opening",
    [
        "The Maritime Safety Agency published a report on Tuesday.",
        "Ferries on the northern route will stop in March, the Maritime Safety Agency said in a report.",
    ],
)
def test_the_report_of_a_body_that_issued_it_is_the_bodys(extractor: Any, opening: str) -> None:
    text = opening + ' The report says the harbour\'s northern pier "would not survive another storm."'
    assert _said(extractor, text)['the harbour\'s northern pier "would not survive another storm."'] == (
        "Maritime Safety Agency"
    )


def test_a_name_tagged_as_two_places_side_by_side_is_one_name(nlp: Any) -> None:
    # the small model tags some given name + surname pairs as two adjacent places
    words = ["Norway", "'s", "ombudsman", ",", "Galina", "Vetrova", ",", "said", "no", "."]
    heads = [2, 0, 7, 2, 5, 2, 2, 7, 7, 7]
    deps = ["poss", "case", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "dobj", "punct"]
    ents = ["B-GPE", "O", "O", "O", "B-GPE", "B-GPE", "O", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=ents)
    joined = [(e.text, e.label_) for e in _joined_compounds(doc, doc.ents)]
    assert joined == [("Norway", "GPE"), ("Galina Vetrova", "GPE")]


def test_entities_side_by_side_that_the_parse_keeps_apart_stay_two(nlp: Any) -> None:
    words = ["Oslo", "Bergen", "talks"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[2, 2, 2],
        deps=["nmod", "compound", "ROOT"],
        ents=["B-GPE", "B-GPE", "O"],
    )
    assert [e.text for e in _joined_compounds(doc, doc.ents)] == ["Oslo", "Bergen"]


def test_a_lead_whose_dateline_the_parser_took_for_a_subject_is_still_reported(extractor: Any) -> None:
    text = "MOSCOW, Sept 2 - Russia is prepared to discuss the quota, Ivan Lebedev said on Tuesday."
    assert _said(extractor, text) == {"Russia is prepared to discuss the quota": "Ivan Lebedev"}
