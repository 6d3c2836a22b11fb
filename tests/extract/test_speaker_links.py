"""Who speaks when the parse hides the link between a cue and its speaker.

- A dash is never a verb, so a quotation signed "” ― Jane Doe" keeps its signature even where the
  tagger read the dash as a verb and the name as its object; a dash typed straight after the
  closing mark ("”―"), which the tokenizer fuses with it, signs the quotation too.
- A subject the parser found across a paragraph break (a heading run into the sentence) gives way
  to the name written in the cue's own paragraph, before the verb that had that subject, past its
  auxiliaries ("Mayor Ruiz is once again questioning ..., urging ...").
- A verb the writer quotes inside a clause of their own ("she was “rushed to the clinic”") keeps
  its subject, which stands outside the marks.
- "“...?” Vitter demanded": a verb that frames a quotation set beside it, though it reports no
  words elsewhere ("frame_verbs" in the cue lexicon).
- "stopped short of calling", "aside from saying": the act hangs on an adverb, and the verb the
  adverb modifies has the subject; "was able to tout": on an adjective, whose subject acts.

Sentences are written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from attribution_spans import Attributed
from redline.extract.reported import find_source
from redline.extract.token_ranges import is_verb
from redline.knowledge.cues import load_cues

pytestmark = pytest.mark.model


def _sources(attributed: Attributed, text: str) -> dict[str, str | None]:
    return {a.content: a.source for a in attributed(text)}


def test_a_dash_is_no_verb(nlp: Any) -> None:
    doc = nlp("“Nobody asked the parents.” ― Ann Cole")
    assert not any(is_verb(t) for t in doc if t.text.strip("”“") in ("―", "—"))
    assert any(is_verb(t) for t in doc if t.text == "asked")


def test_each_quotation_keeps_its_own_dash_signature(attributed: Attributed) -> None:
    text = (
        "Readers wrote in.\n\n"
        "”The new budget forgets the towns that keep this county running.” ― Maria Lopez\n"
        "“I trust the mayor to fix the roads before the winter comes.”― Tom Reyes\xa0\n"
        "“Nobody asked the parents what they wanted from the school board.”\xa0― Ann Cole\xa0\n"
    )
    found = _sources(attributed, text)
    assert found["The new budget forgets the towns that keep this county running"] == "Maria Lopez"
    assert found["I trust the mayor to fix the roads before the winter comes"] == "Tom Reyes"
    assert found["Nobody asked the parents what they wanted from the school board"] == "Ann Cole"


def test_a_dash_inside_the_line_signs_nothing(attributed: Attributed) -> None:
    text = "“The new budget forgets the towns that keep this county running,” she said ― and left.\n"
    found = _sources(attributed, text)
    assert found["The new budget forgets the towns that keep this county running"] == "she"


def _parsed(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    """A hand-built parse: (word, tag, head index, dependency, lemma) per token, one space after
    each word but a line break."""
    pos = {
        "NNP": "PROPN",
        "NN": "NOUN",
        "NNS": "NOUN",
        "DT": "DET",
        "RB": "ADV",
        "CC": "CCONJ",
        "_SP": "SPACE",
    }
    return Doc(
        Vocab(),
        words=[r[0] for r in rows],
        spaces=[
            r[0] != "\n" and i + 1 < len(rows) and rows[i + 1][0] not in ("\n", ".")
            for i, r in enumerate(rows)
        ],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        tags=[r[1] for r in rows],
        pos=[pos.get(r[1], "VERB" if r[1].startswith("VB") else "PUNCT") for r in rows],
        lemmas=[r[4] for r in rows],
    )


def _source_of(doc: Doc, cue: str) -> str | None:
    rng = find_source(next(t for t in doc if t.text == cue), load_cues(), [False] * len(doc))
    return None if rng is None else doc[rng[0] : rng[1]].text


def test_the_name_in_the_cues_paragraph_speaks_not_the_heading() -> None:
    """The parser took the heading "The Latest" for the subject and left the name unattached."""
    doc = _parsed(
        [
            ("The", "DT", 1, "det", "the"),
            ("Latest", "JJS", 8, "nsubj", "late"),
            ("\n", "_SP", 8, "dep", "\n"),
            ("Mayor", "NNP", 4, "compound", "Mayor"),
            ("Ruiz", "NNP", 8, "dep", "Ruiz"),
            ("is", "VBZ", 8, "aux", "be"),
            ("once", "RB", 7, "advmod", "once"),
            ("again", "RB", 8, "advmod", "again"),
            ("questioning", "VBG", 8, "ROOT", "question"),
            ("the", "DT", 10, "det", "the"),
            ("cost", "NN", 8, "dobj", "cost"),
            (".", ".", 8, "punct", "."),
        ]
    )
    assert _source_of(doc, "questioning") == "Mayor Ruiz"


def test_a_subject_across_the_break_with_none_on_this_side_is_no_speaker() -> None:
    """Nothing in the cue's paragraph names anyone: the heading's subject is not taken instead."""
    doc = _parsed(
        [
            ("Park", "NNP", 1, "nsubj", "Park"),
            ("Responds", "VBZ", 1, "ROOT", "respond"),
            ("\n", "_SP", 1, "dep", "\n"),
            ("And", "CC", 1, "cc", "and"),
            ("said", "VBD", 1, "conj", "say"),
            ("so", "RB", 4, "advmod", "so"),
            (".", ".", 1, "punct", "."),
        ]
    )
    assert _source_of(doc, "said") is None


def test_a_quoted_predicate_keeps_its_subject(attributed: Attributed) -> None:
    text = (
        "The coach was told to rest.\n\n"
        "After saying her knee was “too sore to walk on,” she was “rushed straight to the clinic” for tests."
    )
    found = {a.cue: a.source for a in attributed(text)}
    assert found["saying"] == "she"


def test_a_speaker_inside_a_quotation_still_speaks_for_no_one_outside(attributed: Attributed) -> None:
    text = "“The mayor has rejected the plan,” the paper wrote, adding that the vote was close."
    sources = {a.source for a in attributed(text)}
    assert "The mayor" not in sources


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The senator praised the report but stopped short of calling the delay illegal.",
            "the delay illegal",
            "The senator",
        ),
        (
            "The council refused to name the buyers, aside from saying they were local firms.",
            "they were local firms",
            "The council",
        ),
    ],
)
def test_an_act_on_an_adverb_is_the_subjects(
    attributed: Attributed, text: str, content: str, speaker: str
) -> None:
    assert _sources(attributed, text).get(content) == speaker


def test_an_act_on_an_adjective_is_the_subjects(attributed: Attributed) -> None:
    """ "was able to tout", "won't be able to brag about": the adjective's subject acts."""
    found = _sources(attributed, "The senator won't be able to brag about his record this time.")
    assert found.get("his record") == "The senator"


def test_a_thing_easy_to_criticize_criticizes_nothing(attributed: Attributed) -> None:
    assert "The plan" not in {a.source for a in attributed("The plan is easy to criticize.")}


def test_a_demand_beside_a_quotation_frames_it(attributed: Attributed) -> None:
    """ "“...?” Vitter demanded": the speaker of the quotation before is not its speaker."""
    text = (
        "“Every delay costs the towns money,” Mayor Ruiz said.\n\n"
        "“Why is the county still waiting for the bridge it was promised?” Councillor Hale demanded.\n"
    )
    found = _sources(attributed, text)
    assert found["Why is the county still waiting for the bridge it was promised?"] == "Councillor Hale"


def test_a_demand_outside_the_quotations_sentence_frames_nothing(attributed: Attributed) -> None:
    text = (
        "“Every delay costs the towns money and the county knows it,” Mayor Ruiz said.\n\n"
        "“We will keep pressing the county until the bridge is built.” "
        "Later the council demanded a recount.\n"
    )
    found = _sources(attributed, text)
    assert found.get("We will keep pressing the county until the bridge is built.") != "the council"
