"""Attribution: quote scanning (no model) and the full rules on parsed sentences (model).

Every sentence here is written for these tests; spans are checked exactly.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from redline.extract.attribution import Attribution, find_attributions
from redline.extract.quotes import find_quotes
from redline.knowledge.cues import CueLexicon, load_cues


@pytest.fixture(scope="module")
def cues() -> CueLexicon:
    return load_cues()


Run = Callable[[str], tuple[Doc, list[Attribution]]]


@pytest.fixture(scope="module")
def run(nlp: Language, cues: CueLexicon) -> Run:
    def _run(text: str) -> tuple[Doc, list[Attribution]]:
        doc = nlp(text)
        return doc, find_attributions(doc, cues)

    return _run


def _text(doc: Doc, span: tuple[int, int] | None) -> str | None:
    return None if span is None else doc.text[span[0] : span[1]]


def _one(doc: Doc, atts: list[Attribution], content: str) -> Attribution:
    found = [a for a in atts if _text(doc, a.content) == content]
    assert found, f"no attribution with content {content!r}; got {[_text(doc, a.content) for a in atts]}"
    return found[0]


# --- quote scanning (pure text) -------------------------------------------------------------


def _quotes(text: str, cues: CueLexicon) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, cues.quote_pairs)]


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("“We will not sign,” she said.", "We will not sign,"),
        ('"We will not sign," she said.', "We will not sign,"),
        ("‘We will not sign,’ she said.", "We will not sign,"),
        ("«We will not sign», she said.", "We will not sign"),
        ("''We will not sign,'' she said.", "We will not sign,"),
        ("``We will not sign,'' she said.", "We will not sign,"),
        ("Er sagte: „Wir unterschreiben nicht“.", "Wir unterschreiben nicht"),
        ("'We will not sign,' she said.", "We will not sign,"),  # British style, straight marks
        ("She said the plan was 'dead on arrival'.", "dead on arrival"),
    ],
)
def test_every_quote_style_is_scanned(text: str, inside: str, cues: CueLexicon) -> None:
    assert _quotes(text, cues) == [inside]


def test_apostrophes_are_not_quote_marks(cues: CueLexicon) -> None:
    text = "The ministers’ talks didn’t end; ‘a pause’ was agreed."
    assert _quotes(text, cues) == ["a pause"]


def test_straight_apostrophes_are_not_quote_marks(cues: CueLexicon) -> None:
    text = "Kyiv's envoys and the ministers' aides didn't agree; 'a pause' was the word, not 'a truce'."
    assert _quotes(text, cues) == ["a pause", "a truce"]


def test_quote_runs_over_paragraphs_when_next_opens_with_a_mark(cues: CueLexicon) -> None:
    text = "“The first part goes on.\n\n“The second part ends here,” he said.\n\nAfter."
    assert _quotes(text, cues) == ["The first part goes on.\n\n“The second part ends here,"]


def test_unbalanced_quote_stops_at_its_paragraph(cues: CueLexicon) -> None:
    text = "He said “this never closes\n\nA new paragraph with no marks."
    quotes = find_quotes(text, cues.quote_pairs)
    assert [text[q.start : q.end] for q in quotes] == ["this never closes"]
    assert quotes[0].close is None


def test_nested_quote_belongs_to_the_outer_one(cues: CueLexicon) -> None:
    assert _quotes("“They call it ‘a plan’ but it is not,” she said.", cues) == [
        "They call it ‘a plan’ but it is not,"
    ]


def test_no_marks_no_quotes(cues: CueLexicon) -> None:
    assert _quotes("", cues) == []
    assert _quotes("Nothing quoted here.", cues) == []


# --- direct speech --------------------------------------------------------------------------


@pytest.mark.model
def test_quote_before_attribution(run: Run) -> None:
    doc, atts = run("“The talks were useful,” the minister said on Friday.")
    a = _one(doc, atts, "The talks were useful")
    assert a.kind == "direct"
    assert _text(doc, a.source) == "the minister"
    assert _text(doc, a.cue) == "said"


@pytest.mark.model
def test_inverted_attribution_after_quote(run: Run) -> None:
    doc, atts = run("“The talks were useful,” said Foreign Minister Anna Berg.")
    a = _one(doc, atts, "The talks were useful")
    assert _text(doc, a.source) == "Foreign Minister Anna Berg"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'The envoy said: "We expect a reply by Monday."',
        "The envoy said: “We expect a reply by Monday.”",
        "The envoy said: ‘We expect a reply by Monday.’",
        "The envoy said: «We expect a reply by Monday.»",
    ],
)
def test_colon_quote_in_each_style(run: Run, text: str) -> None:
    doc, atts = run(text)
    a = _one(doc, atts, "We expect a reply by Monday")
    assert a.kind == "direct"
    assert _text(doc, a.source) == "The envoy"


@pytest.mark.model
def test_quote_in_next_paragraph_after_colon(run: Run) -> None:
    doc, atts = run("The envoy added:\n\n“Nobody will sign a paper that gives away our land.”")
    a = _one(doc, atts, "Nobody will sign a paper that gives away our land")
    assert _text(doc, a.source) == "The envoy"
    assert _text(doc, a.cue) == "added"


@pytest.mark.model
def test_split_quote_is_two_statements_of_one_speaker(run: Run) -> None:
    """The guide counts a quotation split by its cue as two statements with the same cue."""
    text = "“We are ready to talk,” the president said, “but not to surrender.”"
    doc, atts = run(text)
    direct = [a for a in atts if a.kind == "direct"]
    assert [_text(doc, a.content) for a in direct] == ["We are ready to talk", "but not to surrender"]
    assert {_text(doc, a.source) for a in direct} == {"the president"}
    assert {_text(doc, a.cue) for a in direct} == {"said"}


@pytest.mark.model
def test_split_quote_merged_under_a_one_statement_policy(nlp: Language, cues: CueLexicon) -> None:
    from dataclasses import replace

    text = "“We are ready to talk,” the president said, “but not to surrender.”"
    doc = nlp(text)
    direct = [a for a in find_attributions(doc, replace(cues, merge_split_quotes=True)) if a.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].content == (text.index("We"), text.index("surrender") + len("surrender"))


@pytest.mark.model
def test_multi_paragraph_quote(run: Run) -> None:
    text = (
        "“The first point is the border,” the negotiator said. “It must be agreed first.\n\n"
        "“The second point is the prisoners. They come home before winter.”"
    )
    doc, atts = run(text)
    direct = [a for a in atts if a.kind == "direct"]
    assert direct, atts
    last = direct[-1]
    assert doc.text[last.content[0] : last.content[1]].endswith("They come home before winter")
    assert _text(doc, last.source) == "the negotiator"


@pytest.mark.model
def test_unlinked_short_scare_quote_is_not_a_statement(run: Run) -> None:
    _doc, atts = run("The so-called “peace” lasted a week.")
    assert atts == []


# --- indirect speech ------------------------------------------------------------------------


@pytest.mark.model
def test_headline_first_line(run: Run) -> None:
    doc, atts = run("Kremlin says talks must wait for a new map\n\nThe body of the story follows here.")
    a = _one(doc, atts, "talks must wait for a new map")
    assert a.kind == "indirect"
    assert _text(doc, a.source) == "Kremlin"


@pytest.mark.model
def test_said_that_excludes_that(run: Run) -> None:
    doc, atts = run("The foreign minister said that the draft needed more work.")
    a = _one(doc, atts, "the draft needed more work")
    assert _text(doc, a.source) == "The foreign minister"
    assert _text(doc, a.cue) == "said"


@pytest.mark.model
def test_insisted(run: Run) -> None:
    doc, atts = run("He insisted the army would keep fighting until the spring.")
    a = _one(doc, atts, "the army would keep fighting until the spring")
    assert _text(doc, a.source) == "He"
    assert _text(doc, a.cue) == "insisted"


@pytest.mark.model
def test_according_to(run: Run) -> None:
    doc, atts = run("According to two senior diplomats, the summit has been postponed.")
    a = _one(doc, atts, "the summit has been postponed")
    assert _text(doc, a.source) == "two senior diplomats"
    assert _text(doc, a.cue) == "According to"


@pytest.mark.model
def test_told_reporters(run: Run) -> None:
    doc, atts = run("The general told reporters that the front line had not moved.")
    a = _one(doc, atts, "the front line had not moved")
    assert _text(doc, a.source) == "The general"


@pytest.mark.model
def test_trailing_said_after_content(run: Run) -> None:
    doc, atts = run("The plan has changed a great deal since last week, a senior official said.")
    a = _one(doc, atts, "The plan has changed a great deal since last week")
    assert _text(doc, a.source) == "a senior official"


@pytest.mark.model
def test_participial_saying_takes_the_main_subject(run: Run) -> None:
    doc, atts = run("The minister welcomed the draft, saying it could end the war.")
    a = _one(doc, atts, "it could end the war")
    assert _text(doc, a.source) == "The minister"
    assert _text(doc, a.cue) == "saying"


@pytest.mark.model
def test_adding_that_is_its_own_statement(run: Run) -> None:
    doc, atts = run("The president said the talks would resume soon, adding that he was hopeful.")
    first = _one(doc, atts, "the talks would resume soon")
    second = _one(doc, atts, "he was hopeful")
    assert _text(doc, first.source) == "The president"
    assert _text(doc, second.cue) == "adding"


@pytest.mark.model
def test_mixed_quote(run: Run) -> None:
    doc, atts = run("The minister said the proposal was “a good start” for the talks.")
    a = _one(doc, atts, "the proposal was “a good start” for the talks")
    assert a.kind == "mixed"
    assert [x for x in atts if x.kind == "direct"] == []


@pytest.mark.model
def test_relative_clause_cue_cuts_the_outer_content(run: Run) -> None:
    doc, atts = run(
        "The envoy confirmed he would visit Kyiv for more talks, which he said should focus on prisoners."
    )
    _one(doc, atts, "he would visit Kyiv for more talks")
    _one(doc, atts, "should focus on prisoners")


# --- robustness -----------------------------------------------------------------------------


@pytest.mark.model
def test_empty_doc(run: Run) -> None:
    assert run("")[1] == []
    assert run("   \n\n ")[1] == []


@pytest.mark.model
def test_unbalanced_quotes_do_not_raise(run: Run) -> None:
    doc, atts = run("“We will win, the commander said.\n\nThe next paragraph ” has a stray mark “ too.")
    for a in atts:
        assert 0 <= a.content[0] < a.content[1] <= len(doc.text)


@pytest.mark.model
def test_non_english_text_yields_sound_spans(run: Run) -> None:
    doc, atts = run("Le ministre a déclaré : « Nous ne signerons pas ce texte. » Puis il est parti.")
    for a in atts:
        assert 0 <= a.content[0] < a.content[1] <= len(doc.text)
        assert a.kind in ("direct", "indirect", "mixed")


@pytest.mark.model
def test_long_paragraph(run: Run) -> None:
    text = " ".join(["The official said the talks went well, and the envoy agreed."] * 300)
    _doc, atts = run(text)
    assert len(atts) >= 300


@pytest.mark.model
def test_labelled_lines_are_statements_of_the_label(run: Run) -> None:
    text = (
        'Kremlin: Talks can resume next month\n\n"ENVOY: If I may, will you sign?\n\n'
        '"MINISTER: Not this week.\n\nUPDATE: The meeting ended.'
    )
    doc, atts = run(text)
    headline = _one(doc, atts, "Talks can resume next month")
    assert _text(doc, headline.source) == "Kremlin"
    assert _text(doc, headline.cue) == ":"
    envoy = _one(doc, atts, "If I may, will you sign?")  # ("HOST:" asks for the outlet: no statement)
    assert _text(doc, envoy.source) == "ENVOY"
    assert _text(doc, _one(doc, atts, "Not this week").source) == "MINISTER"
    assert all(_text(doc, a.source) != "UPDATE" for a in atts)


@pytest.mark.model
def test_quote_signed_with_a_dash(run: Run) -> None:
    doc, atts = run("“The debate changed nothing for me.” ― Maria Lopez\n\nNext item.")
    a = _one(doc, atts, "The debate changed nothing for me")
    assert _text(doc, a.source) == "Maria Lopez"
    assert _text(doc, a.cue) == "―"


@pytest.mark.model
def test_continuation_quote_keeps_the_speaker(run: Run) -> None:
    text = "“We will keep talking,” the envoy said.\n\n“Nobody wants another winter of war.”"
    doc, atts = run(text)
    a = _one(doc, atts, "Nobody wants another winter of war")
    assert _text(doc, a.source) == "the envoy"
    assert a.confidence < 1.0


@pytest.mark.model
def test_stance_verb_object(run: Run) -> None:
    doc, atts = run("The senator endorsed the ceasefire proposal on Tuesday.")
    a = _one(doc, atts, "the ceasefire proposal")
    assert _text(doc, a.source) == "The senator"
    assert _text(doc, a.cue) == "endorsed"
    assert a.confidence < 1.0


@pytest.mark.model
def test_lone_quote_after_reported_speech_continues_it(run: Run) -> None:
    doc, atts = run("The president said the plan could work.\n\n“We agree in general on most of the points.”")
    a = _one(doc, atts, "We agree in general on most of the points")
    assert a.kind == "direct"
    assert _text(doc, a.source) == "The president"


# --- quality gate on the seed article (needs ../shared) ---------------------------------------


def _shared() -> Path:
    """The repo root's sibling ``shared/`` ($REDLINE_SHARED overrides, e.g. in a worktree)."""
    env = os.environ.get("REDLINE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.mark.model
@pytest.mark.shared
def test_seed_article_quality_floor(run: Run) -> None:
    shared = _shared()
    if not shared.exists():
        if os.environ.get("CI"):
            pytest.fail(f"shared data missing at {shared}")
        pytest.skip("../shared not present")
    spec = importlib.util.spec_from_file_location("redline_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    _, atts = run(text)
    statements = [{"speaker": None, "content": {"start": a.content[0], "end": a.content[1]}} for a in atts]
    line = json.dumps({"document": {"id": "seed"}, "statements": statements})
    result = scorer.score(scorer.load_gold([shared / "seed" / "gold.json"]), [line])
    assert result["attribution"]["f1"] >= 0.95, result["attribution"]


@pytest.mark.model
def test_copular_stance(run: Run) -> None:
    doc, atts = run("The governor was critical of the new border agreement.")
    a = _one(doc, atts, "the new border agreement")
    assert _text(doc, a.source) == "The governor"
    assert _text(doc, a.cue) == "was critical"


@pytest.mark.model
def test_sentence_with_a_cue_verb_is_not_a_label(run: Run) -> None:
    doc, atts = run("Der Kanzler sagte: Wir unterschreiben nicht.")
    assert all(_text(doc, a.source) != "Der Kanzler sagte" for a in atts)
