"""Regression tests for the second round of attribution errors on real news (issue 10):
thoughts and attitudes are no statements under the guide's policy (but are under PolNeAR's),
a citing verb's source is not content, a hearer is not content, an inverted "X reported,
citing Y, that ..." keeps X's cue, and the United States speaks as "US government".
Every sentence is written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from redline.extract.attribution import Attribution, find_attributions
from redline.knowledge.actors import load_actors
from redline.knowledge.cues import CueLexicon, load_cues
from redline.model import Document

pytestmark = pytest.mark.model

Run = Callable[[str, CueLexicon | None], tuple[Doc, list[Attribution]]]


@pytest.fixture(scope="module")
def run(nlp: Language) -> Run:
    default = load_cues()

    def _run(text: str, cues: CueLexicon | None = None) -> tuple[Doc, list[Attribution]]:
        doc = nlp(text)
        return doc, find_attributions(doc, cues or default)

    return _run


def _contents(doc: Doc, atts: list[Attribution]) -> list[str]:
    return [doc.text[a.content[0] : a.content[1]] for a in atts]


def _cues(doc: Doc, atts: list[Attribution]) -> list[str]:
    return [doc.text[a.cue[0] : a.cue[1]] for a in atts if a.cue]


# --- thoughts and attitudes ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The harbour master believes the ferries will run again in May.",
        "Several councillors fear the bridge could close for a year.",
        "The coach expects at least two players to return next week.",
        "Most residents support the new tram line.",
        "The mayor respects the judge as a fair man.",
        "The ferry company is expected to raise its fares in spring.",
        "The two clubs agreed to play the match in Porto.",
        "The unions have agreed a pay deal.",
    ],
)
def test_thoughts_and_attitudes_are_not_statements(run: Run, text: str) -> None:
    doc, atts = run(text, None)
    assert atts == [], _contents(doc, atts)


def test_saying_is_still_a_statement_beside_an_attitude(run: Run) -> None:
    doc, atts = run("The mayor said the tram line would open in May.", None)
    assert _contents(doc, atts) == ["the tram line would open in May"]
    doc, atts = run("The two clubs agreed that the match was fair.", None)
    assert _contents(doc, atts) == ["the match was fair"]


def test_polnear_policy_keeps_attitudes(run: Run) -> None:
    polnear = load_cues(policy={"mental_states": True, "merge_split_quotes": True})
    assert polnear.mental_states and polnear.merge_split_quotes
    doc, atts = run("The harbour master believes the ferries will run again in May.", polnear)
    assert _contents(doc, atts) == ["the ferries will run again in May"]


def test_an_attitude_inside_reported_speech_is_no_second_statement_under_either_policy(run: Run) -> None:
    """ "The aide said Hale supports the budget": the attitude is what the aide reported, even
    where attitudes are statements of their own (PolNeAR); a condemnation there is Hale's own."""
    polnear = load_cues(policy={"mental_states": True})
    for cues in (None, polnear):
        doc, atts = run("The aide said Governor Hale supports the new budget.", cues)
        assert _contents(doc, atts) == ["Governor Hale supports the new budget"]
    doc, atts = run("The aide said Governor Hale condemned the new budget.", polnear)
    assert _contents(doc, atts) == ["Governor Hale condemned the new budget", "the new budget"]


def test_policy_leaves_the_word_lists_alone() -> None:
    guide, polnear = load_cues(), load_cues(policy={"mental_states": True})
    assert guide.verb_kind("say") == polnear.verb_kind("say") == "speech"
    assert guide.verb_kind("believe") is None and polnear.verb_kind("believe") == "belief"
    assert "support" not in guide.object_verbs and "support" in polnear.object_verbs


# --- layered reports and hearers -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "The ministers will meet in Oslo on Friday, the Courier reported, citing two officials.",
            "The ministers will meet in Oslo on Friday",
        ),
        (
            "The ministry, citing a source in the delegation, said the draft had changed.",
            "the draft had changed",
        ),
        (
            "The Courier reported, citing sources, that the envoys will hold talks on Thursday.",
            "the envoys will hold talks on Thursday",
        ),
    ],
)
def test_a_cited_source_is_not_content(run: Run, text: str, content: str) -> None:
    doc, atts = run(text, None)
    assert _contents(doc, atts) == [content]
    assert "citing" not in _cues(doc, atts)


def test_the_inverted_layered_report_keeps_the_outlets_cue(run: Run) -> None:
    text = "The Courier reported, citing sources, that the envoys will hold talks on Thursday."
    doc, atts = run(text, None)
    assert _cues(doc, atts) == ["reported"]
    assert atts[0].source is not None and doc.text[atts[0].source[0] : atts[0].source[1]] == "The Courier"


def test_citing_concerns_is_still_content(run: Run) -> None:
    doc, atts = run("The mayor cited concerns about the budget.", None)
    assert _contents(doc, atts) == ["concerns about the budget"]


@pytest.mark.parametrize(
    "text", ["The senators told NBC News on Monday.", "Two aides told the Evening Courier last week."]
)
def test_a_hearer_with_a_date_is_not_content(run: Run, text: str) -> None:
    doc, atts = run(text, None)
    assert atts == [], _contents(doc, atts)


def test_a_directive_with_a_date_still_reads_its_infinitive(run: Run) -> None:
    doc, atts = run("The union called on the government on Monday to resign.", None)
    assert any("resign" in c for c in _contents(doc, atts)), _contents(doc, atts)


# --- speaker labels ------------------------------------------------------------------------------


def test_the_united_states_speaks_as_us_government(extractor: Any) -> None:
    text = "The US said on Monday that the ferry talks would resume in Geneva."
    found = extractor.extract_one(Document(id="u", text=text, published=date(2025, 12, 1)))
    speakers = [s.speaker for s in found.statements if s.speaker is not None]
    assert speakers, [s.content.text for s in found.statements]
    assert speakers[0].name == "US government"
    assert speakers[0].actor_id == "united-states" and speakers[0].party == "united_states"


def test_a_speaker_label_does_not_rename_the_actor() -> None:
    kb = load_actors()
    actor = kb.get("united-states")
    assert actor is not None and actor.name == "United States"
    assert kb.speaker_labels["united-states"] == "US government"


@pytest.mark.parametrize(
    "text",
    [
        "It is noted that the ferry fares will rise in spring.",
        "The mayor was criticised for closing the bridge.",
        "The harbour deal appears to favour the larger port.",
    ],
)
def test_words_no_one_is_named_as_saying_are_not_statements(run: Run, text: str) -> None:
    doc, atts = run(text, None)
    assert atts == [], _contents(doc, atts)
    polnear = load_cues(policy={"sourceless_statements": True})
    doc, atts = run(text, polnear)
    assert atts, "PolNeAR's policy counts them"


def test_a_passive_with_its_agent_is_a_statement(run: Run) -> None:
    doc, atts = run("The closure of the bridge was announced by the harbour authority.", None)
    assert atts and atts[0].source is not None, _contents(doc, atts)


# --- inserted cues -------------------------------------------------------------------------------


def test_an_insert_with_a_trailing_adjunct_is_still_an_insert(run: Run) -> None:
    text = (
        "The ferry company held productive talks with the port in Bergen on Thursday, a harbour "
        "official said, with the two sides slated to meet again over the weekend."
    )
    doc, atts = run(text, None)
    assert _contents(doc, atts) == [
        "The ferry company held productive talks with the port in Bergen on Thursday"
    ]


def test_holding_talks_is_not_speech(run: Run) -> None:
    doc, atts = run("The two ministers held talks in Bergen that lasted six hours.", None)
    assert atts == [], _contents(doc, atts)


def test_a_purpose_infinitive_is_not_an_insert(run: Run) -> None:
    text = "Union leaders gathered for a summit in the capital on Monday to agree on funding for the ferries."
    doc, atts = run(text, None)
    assert atts == [], _contents(doc, atts)
