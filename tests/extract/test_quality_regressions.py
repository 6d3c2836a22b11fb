"""Regressions found on the example corpus, each checked on sentences written for this test.

They run the whole extractor (paragraph boundaries, attribution, speakers, issues, stance), so
they catch a fix being undone at any depth.
"""

from __future__ import annotations

from typing import Any

import pytest

from news_extraction import extract
from redline.model import Extraction

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def rules_extractor() -> Any:
    from redline.extract.pipeline import Extractor

    return Extractor.load(rules_only=True)


def _by_content(extraction: Extraction, fragment: str) -> Any:
    hits = [s for s in extraction.statements if fragment in s.content.text]
    assert hits, f"no statement holds {fragment!r}: {[s.content.text for s in extraction.statements]}"
    return hits[0]


def test_blank_line_ends_a_sentence(extractor: Any) -> None:
    text = "Ministers met in Geneva\n\nThe talks were useful, Rubio said."
    doc = extractor.nlp(text)
    starts = [s.start_char for s in doc.sents]
    assert text.index("The talks") in starts


@pytest.mark.parametrize(
    "crosshead",
    [
        "Belarus sentences alleged railway saboteurs",
        "Court convicts alleged drone smugglers",
        "Ukraine charges alleged Russian spies",
    ],
)
def test_crosshead_with_alleged_is_not_a_statement(extractor: Any, crosshead: str) -> None:
    text = f"Talks went on in Miami on Sunday.\n\n{crosshead}\n\nA court in Moscow passed sentence on Monday."
    assert extract(extractor, text).statements == []


def test_alleged_that_is_still_a_cue(extractor: Any) -> None:
    extraction = extract(extractor, "The prosecutor alleged that the men had planned the attack for months.")
    statement = _by_content(extraction, "the men had planned the attack")
    assert statement.speaker is not None and statement.speaker.mention.text == "The prosecutor"


def test_definite_person_noun_takes_up_the_person_in_focus(extractor: Any) -> None:
    text = (
        "Taras Hrytsenko, who led the Ukrainian team, said on Monday that the draft was shorter. "
        "The diplomat, who was in Geneva for the talks, said the hardest questions were left open. "
        "The presidents would settle them, he said."
    )
    extraction = extract(extractor, text)
    for fragment in ("the hardest questions were left open", "The presidents would settle them"):
        speaker = _by_content(extraction, fragment).speaker
        assert speaker is not None and speaker.name.endswith("Hrytsenko")


def test_indefinite_person_noun_is_someone_new(extractor: Any) -> None:
    text = (
        "Taras Hrytsenko, who led the Ukrainian team, said on Monday that the draft was shorter. "
        "A diplomat who was in Geneva said the hardest questions were left open."
    )
    speaker = _by_content(extract(extractor, text), "the hardest questions were left open").speaker
    assert speaker is not None and not speaker.name.endswith("Hrytsenko")


@pytest.mark.parametrize(
    "text, first, second, speaker",
    [
        (
            "Olena Marchenko spoke after the vote. The draft had been improved, she said, and it was now for "
            "Moscow to decide whether it wanted a deal.",
            "The draft had been improved",
            "it was now for Moscow to decide whether it wanted a deal",
            "Olena Marchenko",
        ),
        (
            "Ministers met on Friday. The region needed investment, not another round of promises, "
            "the governor said, but a truce would only hold once the guns were withdrawn.",
            "The region needed investment, not another round of promises",
            "a truce would only hold once the guns were withdrawn",
            "governor",
        ),
    ],
)
def test_clause_joined_after_an_inserted_cue_is_still_reported(
    extractor: Any, text: str, first: str, second: str, speaker: str
) -> None:
    extraction = extract(extractor, text)
    contents = {s.content.text: s for s in extraction.statements}
    assert first in contents and second in contents, list(contents)
    for part in (first, second):
        found = contents[part].speaker
        assert found is not None and found.name == speaker


def test_narrator_going_on_about_the_speaker_is_not_reported(extractor: Any) -> None:
    extraction = extract(extractor, "The talks were long, she said, and she left for Brussels.")
    assert [s.content.text for s in extraction.statements] == ["The talks were long"]


# -- stance (no model needed) ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def classifier() -> Any:
    from redline.extract.stance import StanceClassifier
    from redline.knowledge.issues import load_issues

    return StanceClassifier(load_issues())


@pytest.mark.parametrize(
    "text, stance",
    [
        ("Moscow would not agree to the stationing of troops from NATO states on Ukrainian soil", "support"),
        ("Paris would welcome the deployment of European troops after a truce", "oppose"),
        ("Britain proposed the deployment of European troops", "oppose"),
    ],
)
def test_evaluation_of_a_counter_proposition_decides_alone(classifier: Any, text: str, stance: str) -> None:
    assert classifier.classify(text, ["nato"]) == stance


def test_guarantee_triggered_by_an_attack_is_not_conditional(classifier: Any) -> None:
    text = "the allies would give a legally binding pledge to respond if Russia invaded again"
    assert classifier.classify(text, ["security_guarantees"]) == "support"
    assert (
        classifier.classify(
            "we would accept the guarantees if Congress ratified them", ["security_guarantees"]
        )
        == "conditional"
    )


def test_prolonging_the_war_is_negative(classifier: Any) -> None:
    assert classifier.classify("such a pause would only prolong the war", ["ceasefire"]) == "oppose"


# -- issues ---------------------------------------------------------------------------------------
def test_pronoun_borrows_issues_from_the_previous_sentence_of_its_paragraph(
    extractor: Any, rules_extractor: Any
) -> None:
    text = (
        "On the power plant at Zaporizhzhia, the draft gives two options. "
        "Washington proposed that it be run by an American company, officials said.\n\n"
        "Kyiv wants it back, an adviser said."
    )
    extraction = extract(extractor, text)
    assert "nuclear_plant" in _by_content(extraction, "it be run by an American company").issues
    # a new paragraph: "it" takes nothing from the plant sentence. Checked on the rules alone: the
    # learned issue model reads the whole article's issues as context and may well guess the plant
    # for a paragraph about it, which is a guess of its own, not the pronoun borrowing
    rules = extract(rules_extractor, text)
    assert "nuclear_plant" in _by_content(rules, "it be run by an American company").issues
    assert "nuclear_plant" not in _by_content(rules, "Kyiv wants it back").issues


def test_previous_sentence_is_not_borrowed_without_an_anaphor() -> None:
    from redline.extract.issues import IssueTagger
    from redline.knowledge.issues import load_issues

    tagger = IssueTagger(load_issues())
    previous = "The draft caps the Ukrainian army at 600,000 troops."
    assert "military_limits" in tagger.tag("that would weaken the country", previous=previous)
    assert tagger.tag("the weather was cold and wet", previous=previous) == []


# -- attribution and speakers, continued ------------------------------------------------------------
def test_verb_and_noun_framing_one_content_give_one_statement(extractor: Any) -> None:
    text = "The minister repeated her claim that the ceasefire line had been drawn in Moscow."
    extraction = extract(extractor, text)
    assert [s.content.text for s in extraction.statements] == ["the ceasefire line had been drawn in Moscow"]


def test_insert_between_subject_and_cue_verb_is_the_speaker(extractor: Any) -> None:
    text = "Zelensky met reporters in Kyiv on Monday. Rubio, he said, had promised to look at the maps."
    extraction = extract(extractor, text)
    statement = _by_content(extraction, "had promised to look at the maps")
    assert statement.speaker is not None and statement.speaker.mention.text == "he"
    assert statement.speaker.name == "Volodymyr Zelensky"
    # the clause the insert interrupts is one statement (session 31); Rubio's promise inside
    # that indirect speech is his own nested statement (NOTES.md), never a second "he said"
    said = [s for s in extraction.statements if s.cue and s.cue.text == "said"]
    assert [s.content.text for s in said] == ["had promised to look at the maps"]


def test_question_put_to_the_speaker_is_not_a_statement(extractor: Any) -> None:
    text = "Asked whether the ministers would meet in Ankara, Sybiha said the date depended on Moscow."
    contents = [s.content.text for s in extract(extractor, text).statements]
    assert not [c for c in contents if "ministers would meet" in c]
    assert any("depended on Moscow" in c for c in contents)


def test_gerund_subject_and_extraposed_infinitive_have_no_speaker(extractor: Any) -> None:
    text = (
        "Endorsing the draft means losing the east; rejecting it would mean losing American help. "
        "Lawyers argued that the clause would make it impossible to condemn anyone for the shelling."
    )
    contents = [s.content.text for s in extract(extractor, text).statements]
    assert len(contents) == 1 and contents[0].startswith("the clause would make it impossible")


def test_while_clause_after_an_inserted_cue_is_still_reported(extractor: Any) -> None:
    text = (
        "Sybiha briefed the press in Kyiv. Most of the European ideas looked workable, he said, "
        "while the Russian ones ignored the front line entirely."
    )
    contents = {s.content.text: s for s in extract(extractor, text).statements}
    assert "Most of the European ideas looked workable" in contents, list(contents)
    second = contents.get("the Russian ones ignored the front line entirely")
    assert second is not None and second.speaker is not None and second.speaker.name == "Andrii Sybiha"


def test_insert_after_an_opening_condition_keeps_the_main_clause(extractor: Any) -> None:
    text = "Peskov spoke on Friday. If the Europeans wanted to see a map, he said, Moscow would send one."
    statements = extract(extractor, text).statements
    assert len(statements) == 1, [s.content.text for s in statements]
    assert statements[0].content.text.endswith("Moscow would send one")
    assert statements[0].speaker is not None and statements[0].speaker.name == "Dmitry Peskov"


def test_second_speaker_in_a_while_clause_keeps_a_statement(extractor: Any) -> None:
    text = "The US envoy says a deal is close, while Sybiha calls the draft a fair starting point."
    statements = {s.content.text: s for s in extract(extractor, text).statements}
    first = statements.get("a deal is close")
    assert first is not None, list(statements)
    second = [s for c, s in statements.items() if "fair starting point" in c]
    assert second and second[0].speaker is not None and second[0].speaker.name == "Andrii Sybiha"


def test_clause_with_a_complementiser_is_not_an_insert(extractor: Any) -> None:
    text = (
        "Witkoff's adviser says some Russian ideas are useful, others are not, "
        "and that the meetings will continue."
    )
    statements = extract(extractor, text).statements
    assert statements, "the adviser's statement should be found"
    for statement in statements:
        assert statement.speaker is None or "meetings" not in statement.speaker.mention.text


def test_role_in_a_standfirst_resolves_to_the_holder_named_later(extractor: Any) -> None:
    text = (
        "Putin's aide says the American text is a starting point.\n\n"
        "Yuri Ushakov told reporters on Tuesday that the envoys would return."
    )
    statement = _by_content(extract(extractor, text), "the American text is a starting point")
    assert statement.speaker is not None and statement.speaker.name == "Yuri Ushakov"


def test_pronoun_in_a_relative_clause_takes_the_possessor(extractor: Any) -> None:
    text = (
        "Dmitry Peskov, the Kremlin spokesman, gave Moscow's reading of the call. He said Putin had "
        "told Trump that Kyiv had to decide on the Donbas. According to Peskov, both leaders thought "
        "a short truce would only prolong the war.\n\n"
        "That leaves Moscow at odds with Zelensky's proposal to hold a vote on any territorial deal, "
        "which he says would need a long truce."
    )
    statement = _by_content(extract(extractor, text), "would need a long truce")
    assert statement.speaker is not None and statement.speaker.name == "Volodymyr Zelensky"
