"""Who speaks where the words around a cue, not its grammatical subject, name the source:
"with X stating", a participle after an "if" clause, a speech noun owned by someone else,
a clause the parser hung across a paragraph break, and a headline naming a side or an unnamed
official over a story that quotes one person of that side. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from attribution_spans import said_by
from redline.extract.reported import find_source
from redline.knowledge.cues import load_cues
from redline.model import Document

pytestmark = pytest.mark.model


def test_with_a_name_and_a_participle_the_name_speaks(extractor: Any) -> None:
    """ "..., with Swedish Foreign Minister Anna Berg stating that ...": Berg speaks, not the
    officials of the clause before, and their statement stops before "with"."""
    text = (
        "Nordic officials warned that any settlement must involve the Europeans, with Swedish Foreign "
        'Minister Anna Berg stating that "nobody here wants a frozen conflict in Europe."'
    )
    found = said_by(extractor, text)
    assert ("Anna Berg", "nobody here wants a frozen conflict in Europe") in found
    assert any(c == "any settlement must involve the Europeans" for _, c in found)


def test_a_participle_after_an_if_clause_is_the_main_subjects(extractor: Any) -> None:
    """The parser hangs ", stating" on the "if" clause; the threat and the words are Trump's."""
    text = (
        "Trump hinted at the possible delivery of long-range missiles to Kyiv if Putin does not end the war, "
        "stating, \u201cDo they want those missiles flying at them? I doubt it.\u201d"
    )
    assert ("Donald Trump", "Do they want those missiles flying at them? I doubt it") in said_by(
        extractor, text
    )


def test_a_participle_after_an_if_clause_of_a_passive_stays_with_its_own_clause(extractor: Any) -> None:
    """ "Progress was reported as the premier relented, stating ...": the premier speaks."""
    text = (
        "Progress was reported as Belgian Prime Minister Bart De Wever softened his opposition, stating: "
        "\u201cIf the risk is shared by everyone, we will take the step with all Europeans.\u201d"
    )
    assert [n for n, _ in said_by(extractor, text)] == ["Bart De Wever"]


@pytest.mark.parametrize(
    ("text", "owner", "content"),
    [
        (
            "The senator criticised Moscow's demand that Ukraine give up the rest of the region.",
            "Russia",
            "Ukraine give up the rest of the region",
        ),
        (
            "Reporters asked the minister about the claim by Foreign Minister Sergei Lavrov that the talks "
            "had stalled.",
            "Sergei Lavrov",
            "the talks had stalled",
        ),
        (
            "He also repeated his criticism of Moscow's demand that Kyiv pull its troops out of the east.",
            "Russia",
            "Kyiv pull its troops out of the east",
        ),
    ],
)
def test_a_speech_noun_owned_by_a_name_is_that_sources_statement(
    extractor: Any, text: str, owner: str, content: str
) -> None:
    """The guide counts "Moscow's demand that ..." as Moscow's statement, nested in the outer one."""
    assert (owner, content) in said_by(extractor, text)


def test_a_pronoun_owner_leaves_the_claim_with_the_speaker(extractor: Any) -> None:
    text = "Putin repeated his claim that the war had been forced on Russia."
    assert said_by(extractor, text) == [("Vladimir Putin", "the war had been forced on Russia")]


def test_a_clause_hung_across_a_paragraph_break_keeps_its_own_subject() -> None:
    """The parser may hang a paragraph's verb on the headline's ("Putin Responds" over "Peskov
    welcomed X, noting Y"): the participle's speaker is still the paragraph's subject, not the
    headline's, and never the phrase after the participle. A hand-built parse of that reading."""
    words = [
        "Putin",
        "Responds",
        "\n",
        "Peskov",
        "welcomed",
        "the",
        "strategy",
        ",",
        "noting",
        "its",
        "focus",
        ".",
    ]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=[True, False, False, True, True, True, False, True, True, True, False, False],
        heads=[1, 1, 1, 4, 1, 6, 4, 4, 4, 10, 8, 4],
        deps=[
            "nsubj",
            "ROOT",
            "dep",
            "nsubj",
            "ccomp",
            "det",
            "dobj",
            "punct",
            "advcl",
            "poss",
            "dobj",
            "punct",
        ],
        pos=[
            "PROPN",
            "VERB",
            "SPACE",
            "PROPN",
            "VERB",
            "DET",
            "NOUN",
            "PUNCT",
            "VERB",
            "PRON",
            "NOUN",
            "PUNCT",
        ],
        tags=["NNP", "VBZ", "_SP", "NNP", "VBD", "DT", "NN", ",", "VBG", "PRP$", "NN", "."],
        lemmas=[
            "Putin",
            "respond",
            "\n",
            "Peskov",
            "welcome",
            "the",
            "strategy",
            ",",
            "note",
            "its",
            "focus",
            ".",
        ],
    )
    assert find_source(doc[8], load_cues(), [False] * len(doc)) == (3, 4)


@pytest.mark.parametrize(
    ("headline", "mention"),
    [
        ("Russia says no deal on territory after talks with US envoys", "Russia"),
        ("Russian official says no deal on territory after talks with US envoys", "Russian official"),
    ],
)
def test_a_headline_side_is_the_person_the_story_quotes_most(
    extractor: Any, headline: str, mention: str
) -> None:
    """The story quotes two Russians; the headline sums up the one it quotes throughout."""
    text = (
        f"{headline}\n\n"
        "Kremlin aide Yuri Ushakov said that no compromise had been found on the territorial question. "
        '"We have not found a compromise yet, but some American ideas can be discussed," he said. '
        "He added that a lot of work remained for both capitals. Putin later called the European "
        "amendments unacceptable."
    )
    found = extractor.extract_one(Document(id="d", text=text))
    first = min(found.statements, key=lambda s: s.content.start)
    assert first.speaker is not None and first.speaker.mention.text == mention
    assert first.speaker.name == "Yuri Ushakov"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Ministers signed the deal despite warnings from the central bank that the budget could not "
            "bear it.",
            "central bank",
            "the budget could not bear it",
        ),
        (
            "The council voted despite claims by the mayor that the count had been rigged.",
            "mayor",
            "the count had been rigged",
        ),
        (
            "Pence plans to publish his own returns.\n\nBut Trump claims that he should be the exception.",
            "Donald Trump",
            "he should be the exception",
        ),
    ],
)
def test_a_speech_noun_names_its_maker_after_it_or_as_its_subject(
    extractor: Any, text: str, speaker: str, content: str
) -> None:
    """ "warnings from his lawyer that ...", and "claims" read as a plural noun after a name."""
    assert (speaker, content) in said_by(extractor, text)


def test_a_question_tag_after_the_parsers_full_stop_is_the_frame(extractor: Any) -> None:
    """The parser ends the sentence at the quotation's "?"; the short "he asks." after it still
    frames it, so the quotation is the one who asks, not the speaker before."""
    text = (
        "Speaking at a rally in Michigan, Trump says he is making a demand of the president.\n\n"
        "\u201cWill you promise the voters tonight that there will be no pardons for your friends?\u201d "
        "the senator asks."
    )
    found = extractor.extract_one(Document(id="d", text=text)).statements
    quote = next(s for s in found if s.content.text.startswith("Will you promise"))
    assert quote.speaker is not None and quote.speaker.mention.text == "the senator"


def test_a_question_tag_run_on_past_a_comma_still_frames_the_question(extractor: Any) -> None:
    """ "“...?” she asked, but ...": the parser ends the sentence at the "?" and runs the tag on
    into the narrator's clause after it; the tag is the words up to the comma."""
    text = (
        "The harbour master spoke first.\n\n"
        "\u201cAre the ferries running tomorrow?\u201d the mayor asked, but the harbour master had "
        "already left the room, and as the meeting went on, the clerk took notes."
    )
    found = extractor.extract_one(Document(id="d", text=text)).statements
    quote = next(s for s in found if s.content.text.startswith("Are the ferries"))
    assert quote.speaker is not None and quote.speaker.mention.text == "the mayor"


def test_a_long_sentence_after_a_question_is_no_tag(extractor: Any) -> None:
    """A sentence after the question that does not open with a short tag frames nothing."""
    text = (
        "\u201cAre the ferries running tomorrow?\u201d Nobody in the crowded hall at the harbour "
        "office on Monday night said, as far as anyone could tell, a word."
    )
    found = extractor.extract_one(Document(id="d", text=text)).statements
    assert not any(s.content.text.startswith("Are the ferries") and s.speaker for s in found)


def test_a_quote_carried_by_an_outlet_stays_with_its_speaker(extractor: Any) -> None:
    """ "“...,” he said, reported the agency. “...”": the outlet carries the minister's words; the
    quotation and the one that goes on from it are the minister's (the guide's inner source)."""
    text = (
        "Foreign Minister Sergei Lavrov spoke after the meeting in Ankara.\n"
        "\u201cThis step does nothing for relations that had only just begun to improve,\u201d he said, "
        "reported state news agency TASS. "
        "\u201cClearly, Washington is damaging those relations by such moves.\u201d"
    )
    assert [n for n, _ in said_by(extractor, text)] == ["Sergei Lavrov", "Sergei Lavrov"]


def test_a_singular_description_does_not_take_up_a_plural_source(extractor: Any) -> None:
    """ "according to European officials ... the European official said": one official is not the
    group quoted before; the description takes up the person in focus, the commissioner."""
    text = (
        "Marta Kos, the EU enlargement commissioner, spoke in Brussels on Monday. Membership is a "
        "strategic guarantee for decades, according to European officials. Kos called the accession a "
        'firm anchor for Kyiv.\n"We see membership as an anchor of security. The only way to keep the '
        'peace is to go on with the accession talks," the European official said.'
    )
    found = said_by(extractor, text)
    assert found[-1][0] == "Marta Kos"


def test_a_question_tag_run_into_the_next_quotation_still_frames_the_question(extractor: Any) -> None:
    """ "“...?” Grey wrote on X. “...”": the parser runs the tag into the next quotation's
    sentence; the words up to that quotation are still a short tag, and the question is Grey's,
    not the spokesman's quoted before."""
    text = (
        "White House spokesman Tom Reed told the paper, \u201cThe envoy talks to both sides every day, "
        "which is his job.\u201d\nJournalist Anna Grey said on X that the call had probably been leaked "
        "by an agency.\n\u201cWho is listening in on the envoy\u2019s calls with Russian officials and then "
        "handing them to the press?\u201d Grey wrote on X. \u201cIt is the same thing that was done to "
        "other officials before him.\u201d"
    )
    found = said_by(extractor, text)
    question = next(n for n, c in found if c.startswith("Who is listening"))
    assert question == "Anna Grey"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Kremlin readout of a call between Putin and Norwegian Prime Minister Jonas Gahr Store "
            "said the two leaders had discussed fishing rights.",
            "Kremlin readout",
        ),
        (
            "A White House statement after the meeting with Chancellor Friedrich Merz said the talks "
            "had been productive.",
            "White House statement",
        ),
        # the maker named in a by-phrase the speaker mention stops short of
        (
            "A joint statement released late on Sunday by Washington said both sides had agreed on a "
            "refined framework.",
            "US government",
        ),
    ],
)
def test_a_document_speaks_for_its_maker_not_for_people_mentioned_after_it(
    extractor: Any, text: str, speaker: str
) -> None:
    """The names in a phrase after the document noun are what the document is about."""
    assert [name for name, _ in said_by(extractor, text)] == [speaker]
