"""Speakers and statements on constructions of general news left open after the eleventh
held-out batch (session 27). Every sentence here is written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from redline.model import Document

pytestmark = pytest.mark.model


def _said(extractor: Any, text: str) -> dict[str, str | None]:
    found = extractor.extract_one(Document(id="s27", text=text)).statements
    return {s.content.text: (s.speaker.name if s.speaker else None) for s in found}


_PUBLISHED = "The Coastal Water Board published a report on Tuesday."
_REPORT = ' The report says the river\'s eastern dam "would not hold another flood."'
_REPORTED = 'the river\'s eastern dam "would not hold another flood."'


@pytest.mark.parametrize(
    ("between", "maker"),
    [
        (" Fishermen had waited for it since spring.", "Coastal Water Board"),
        (" Fishermen had waited for it since spring. Boats stayed in harbour all week.", None),
    ],
)
def test_the_report_finds_its_maker_within_two_sentences_only(
    extractor: Any, between: str, maker: str | None
) -> None:
    # "the report" takes up a body that put one out in the two sentences before its own
    # (``_REPORT_WINDOW``), no further: three sentences back it is an unnamed media report
    speaker = _said(extractor, _PUBLISHED + between + _REPORT)[_REPORTED]
    if maker is None:
        assert speaker != "Coastal Water Board"
    else:
        assert speaker == maker


@pytest.mark.parametrize(
    ("between", "outlet"),
    [
        (" Fishermen had waited for news since spring. Boats stayed in harbour all week.", "Reuters"),
        (
            " Fishermen had waited for news since spring. Boats stayed in harbour. Nets dried on the quay.",
            None,
        ),
    ],
)
def test_the_report_finds_its_outlet_within_three_sentences(
    extractor: Any, between: str, outlet: str | None
) -> None:
    # the outlet is kept in view a sentence longer than a body's report (``_OUTLET_WINDOW``),
    # counted by the index's sentence numbers whether or not "the report" opens its sentence
    text = (
        "Reuters reported on Monday that the dam had cracked."
        + between
        + " According to the report, the river's eastern dam would not hold another flood."
    )
    speaker = _said(extractor, text)["the river's eastern dam would not hold another flood"]
    if outlet is None:
        assert speaker != "Reuters"
    else:
        assert speaker == outlet


@pytest.mark.parametrize(
    "text",
    [
        "Verdict: Mostly false. The ministry's figure counts every returning family twice.",
        "Our Read: Both capitals are writing for voters at home, not for each other.",
        "The Bottom Line: The truce holds on paper and nowhere else.",
        "Rating: Misleading. The count leaves out the northern districts.",
        "The Claim: The army has signed up 40,000 new recruits since May.",
    ],
)
def test_a_newsletters_or_fact_checks_own_label_is_no_speaker(extractor: Any, text: str) -> None:
    # GUIDE.md: the journalist's own narration is no statement, and a fact check's verdict or a
    # newsletter's "Our read:" is the outlet speaking in its own voice
    label = text.split(":")[0]
    assert label not in _said(extractor, text).values()


def test_a_transcript_label_still_speaks(extractor: Any) -> None:
    said = _said(extractor, "Kallas: Europe will not sign a deal made over its head.")
    assert said["Europe will not sign a deal made over its head"] == "Kaja Kallas"


@pytest.mark.parametrize("given", ["Anders", "Pavel", "Ingrid"])
def test_a_given_name_the_model_left_untagged_opens_the_name(extractor: Any, given: str) -> None:
    # the small model may tag the surname alone at a sentence's start; a listed given name that
    # the parse makes part of the name is its first word
    text = (
        f"{given} Holm, the country's rights commissioner, said the detainees should go home before winter."
    )
    assert _said(extractor, text)["the detainees should go home before winter"] == f"{given} Holm"


def _speakers_of(extractor: Any, text: str) -> dict[str, str | None]:
    found = extractor.extract_one(Document(id="s27", text=text)).statements
    return {s.content.text: (s.speaker.name if s.speaker else None) for s in found}


def test_a_headline_role_is_the_person_whose_claim_the_lead_reports(extractor: Any) -> None:
    # the lead names him by no word of the headline's role ("chief"): the claim is what is shared
    text = (
        "Former army chief says front line will not hold\n\n"
        "Viktor Halan, who led the army until 2024, said in an interview that the front line "
        "would not hold through the winter."
    )
    assert _speakers_of(extractor, text)["front line will not hold"] == "Viktor Halan"


def test_a_headline_role_keeps_its_label_when_the_lead_reports_another_claim(extractor: Any) -> None:
    text = (
        "Former army chief says front line will not hold\n\n"
        "Viktor Halan, who led the army until 2024, said in an interview that the new conscription "
        "law was fair to students."
    )
    assert _speakers_of(extractor, text)["front line will not hold"] != "Viktor Halan"


@pytest.mark.parametrize(
    "headline",
    [
        "Talks on grain corridor stall",
        "Grain corridor talks stall in Istanbul",
        "Ferry strike enters third week",
    ],
)
def test_a_lead_one_line_under_its_headline_is_a_sentence_of_its_own(extractor: Any, headline: str) -> None:
    # one line end, no blank line: the parser ran headline and lead into one sentence and the
    # lead's statement was lost
    text = f"{headline}\nThe talks have stalled, a senior diplomat told the newspaper Izvestia on Wednesday."
    assert "The talks have stalled" in _said(extractor, text)


_PROFILE = (
    "Olena Marchuk was a schoolteacher in Kherson before the war. Now she runs the regional office "
    "that tracks missing children.\n\n"
    "Her office sits on the third floor of a former bank. Volunteers sort files at long tables. "
    "A deputy, Ihor Savchenko, handles the calls from abroad.\n\n"
    "Savchenko grew up in the same street. He joined the office in 2023 after his brother went "
    "missing. A senior official in Kyiv described the office as one of the best run in the country.\n\n"
)


def test_a_profiles_she_in_a_new_paragraph_is_its_subject(extractor: Any) -> None:
    # the official quoted in between has no gender the story gives; the one woman it is about does
    said = _said(extractor, _PROFILE + '"We don\'t stop at a name on a list," she said.')
    assert said["We don't stop at a name on a list"] == "Olena Marchuk"


def test_a_she_in_the_officials_own_paragraph_is_the_official(extractor: Any) -> None:
    text = _PROFILE.rstrip("\n") + ' "They never stop," she said.'
    assert _said(extractor, text)["They never stop"] != "Olena Marchuk"


def test_the_outlets_own_question_is_no_statement(extractor: Any) -> None:
    # "We asked her ...": the writer asks, as a reporter at a news conference does
    said = _said(extractor, _PROFILE + 'We asked her what keeps her going. "The children do," she said.')
    assert "what keeps her going" not in said
    assert said["The children do"] == "Olena Marchuk"


_PROSECUTOR = (
    "THE HAGUE - The prosecutor preparing cases for the new court says an amnesty in the draft would "
    "leave the court with nothing to try.\n\n"
    '"Nobody can pardon a crime before a judge has heard it," Annelies Verhoeven, the court\'s acting '
    "chief prosecutor, said in an interview on Tuesday."
)


def test_a_name_tagged_as_a_work_beside_a_person_noun_is_a_person(extractor: Any) -> None:
    # after a closing quote the model tagged "Annelies Verhoeven" a work of art (and "Annelies"
    # a verb); the apposed "acting chief prosecutor" makes her a person, whom the lead's bare
    # "The prosecutor" then names
    said = _said(extractor, _PROSECUTOR)
    assert said["an amnesty in the draft would leave the court with nothing to try"] == "Annelies Verhoeven"


_WIRE_LEAD = (
    "TURKU, May 6 (Baltic Wire) - Finland's deputy transport minister said on Wednesday that the two "
    "ferry companies had agreed to share the winter routes.\n\n"
)


def test_a_wire_leads_role_is_the_person_named_next_without_a_role(extractor: Any) -> None:
    text = (
        _WIRE_LEAD
        + "Speaking at a news conference in the port, Aino Virtala said the ice would decide the timetable."
    )
    assert (
        _said(extractor, text)["the two ferry companies had agreed to share the winter routes"]
        == "Aino Virtala"
    )


def test_a_person_named_next_with_a_role_of_her_own_is_someone_else(extractor: Any) -> None:
    text = _WIRE_LEAD + "Union leader Aino Virtala said the deal ignored the crews."
    assert (
        _said(extractor, text)["the two ferry companies had agreed to share the winter routes"]
        != "Aino Virtala"
    )


def test_a_lead_that_repeats_its_headline_is_one_statement(extractor: Any) -> None:
    # NOTES.md: a headline repeated word for word is annotated once, also when the lead opens
    # with it and goes on
    headline = "Helsinki said the ferry deal would hold through the winter"
    text = f"{headline}\n{headline}. Crews in Turku had feared a second strike before the ice came."
    found = extractor.extract_one(Document(id="s27", text=text)).statements
    assert [s.content.text for s in found].count("the ferry deal would hold through the winter") == 1


def test_a_headline_signed_by_a_name_keeps_its_parse_over_the_lead(extractor: Any) -> None:
    # "..., says Germany's Merz" and the lead one line under it: cut after the name, the parse
    # left "Germany's" alone as the source
    text = (
        "Grain talks briefing: corridor could reopen if Moscow is militarily or economically "
        "\u2018exhausted\u2019, says Germany\u2019s Merz\nGerman chancellor Friedrich Merz has told the "
        "Bundestag that the grain corridor would reopen only when Russia ran out of money or soldiers."
    )
    found = extractor.extract_one(Document(id="s27", text=text)).statements
    assert [s.speaker.name for s in found if s.speaker] == ["Friedrich Merz", "Friedrich Merz"]


def test_a_named_woman_of_no_listed_given_name_keeps_her_she(extractor: Any) -> None:
    # the story's other woman has a listed given name, this one not: she is still the nearer
    # named person, and the profile rule (an unnamed source in between) does not apply
    text = (
        "The company's finance chief, Anna Berg, said the offer was final.\n\n"
        "Riders are feeling it.\n\n"
        "Zorelle Quint, a nurse who takes the early bus, said she had spent a week's pay on taxis.\n\n"
        '"I back the drivers," she said.'
    )
    assert _said(extractor, text)["I back the drivers"] == "Zorelle Quint"


def test_a_datelines_credit_in_brackets_is_no_one_named_before_the_lead(extractor: Any) -> None:
    # the tagger took the wire's name for a person; the lead's role still looks ahead
    text = (
        "TURKU, May 6 (Aurora Wire) - Finland's deputy transport minister said on Wednesday that the two "
        "ferry companies had agreed to share the winter routes.\n\n"
        "Speaking at a news conference in the port, Aino Virtala said the ice would decide the timetable."
    )
    assert (
        _said(extractor, text)["the two ferry companies had agreed to share the winter routes"]
        == "Aino Virtala"
    )


def test_we_asked_with_no_one_asked_is_left_to_the_other_rules() -> None:
    # "We asked whether ..." alone is a call-out to readers (PolNeAR annotates it): only a
    # question put to someone is the outlet asking as the press does
    from redline.knowledge.cues import load_cues

    cues = load_cues()
    assert cues.press_asks("ask", "we", someone_asked=True)
    assert not cues.press_asks("ask", "we")
    assert cues.press_asks("ask", "reporter")


_TOLD_PAPER = (
    "Norway is prepared to discuss where the fishing line would run in the northern zone but regards "
    "the whole fjord as Norwegian, Deputy Fisheries Minister Kari Lund told the newspaper Aftenposten"
)


@pytest.mark.parametrize("dateline", ["", "OSLO, Sept 2 (Nordwire) - "])
def test_what_was_told_the_newspaper_is_the_clause_before_the_speaker(extractor: Any, dateline: str) -> None:
    # the parser made the cue one more conjunct of the content's "but" and the paper's name a
    # clause of "told": the name is the hearer, the clause before the speaker what was said
    said = _said(extractor, f"{dateline}{_TOLD_PAPER} in an interview published on Wednesday.")
    content = (
        "Norway is prepared to discuss where the fishing line would run in the northern zone but "
        "regards the whole fjord as Norwegian"
    )
    assert said == {content: "Kari Lund"}


_PROFILE_WITH_WRITER = (
    "The woman who keeps the ferry lists\n\n"
    "By Ines Varga | 3 May 2026\n\n"
    "Greta Solberg arrives at the harbour office with two bags, one for clothes and one for paper. "
    "The second is heavier. In it are the crew lists, one per ship.\n\n"
    "Before the strike Greta Solberg was a maritime lawyer in Bergen. Friends from that time remember "
    "a careful reader. In the spring she volunteered to help crews find work. By the autumn the union "
    "had hired her.\n\n"
    'She sleeps little. She has told colleagues that the lists are "the only part of this where a '
    'mistake has a name."'
)


def test_a_profiles_she_far_from_her_name_with_no_one_between_is_its_subject(extractor: Any) -> None:
    # the byline's writer ("By Ines Varga | 3 May 2026") is no second woman of the story
    said = _said(extractor, _PROFILE_WITH_WRITER)
    assert said['the lists are "the only part of this where a mistake has a name."'] == "Greta Solberg"


def test_a_byline_with_a_date_after_a_bar_names_the_writer() -> None:
    from redline.extract.headlines import bylines

    text = "Headline\n\nBy Ines Varga | 3 May 2026\n\nBody."
    ((start, end),) = bylines(text)
    assert text[start:end].strip() == "By Ines Varga | 3 May 2026"


def test_a_conjunct_that_reports_no_speech_takes_no_content_before_it(extractor: Any) -> None:
    # "..., the drivers will continue their strike" is no cue set off after what was said
    text = (
        "On Friday, the mayor said that the proposals could serve as a basis for talks, but if the "
        "union rejects the plan, the drivers will continue their strike."
    )
    assert "drivers" not in " ".join(str(v) for v in _said(extractor, text).values())


def test_a_cue_whose_speaker_the_parser_hung_elsewhere_takes_the_name_before_it(nlp: Language) -> None:
    # a hand-built parse as the small model gave one: "Ruiz" a conjunct of the content's object,
    # "told" a conjunct of its verb with no subject; the name right before the verb, after a
    # comma, is the speaker, the clause before the comma what was told
    from spacy.tokens import Doc as SpacyDoc

    from redline.extract.reported import _conjoined_after

    words = [
        "Talks",
        "can",
        "resume",
        "but",
        "need",
        "time",
        ",",
        "Minister",
        "Ana",
        "Ruiz",
        "told",
        "the",
        "paper",
        ".",
    ]
    heads = [2, 2, 2, 2, 2, 4, 5, 9, 9, 5, 2, 12, 10, 10]
    deps = [
        "nsubj",
        "aux",
        "ROOT",
        "cc",
        "conj",
        "dobj",
        "punct",
        "compound",
        "compound",
        "conj",
        "conj",
        "det",
        "dobj",
        "punct",
    ]
    pos = [
        "NOUN",
        "AUX",
        "VERB",
        "CCONJ",
        "VERB",
        "NOUN",
        "PUNCT",
        "PROPN",
        "PROPN",
        "PROPN",
        "VERB",
        "DET",
        "NOUN",
        "PUNCT",
    ]
    tags = ["NNS", "MD", "VB", "CC", "VB", "NN", ",", "NNP", "NNP", "NNP", "VBD", "DT", "NN", "."]
    doc = SpacyDoc(
        nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=[w.lower() for w in words]
    )
    doc[10].lemma_ = "tell"
    found = _conjoined_after(doc[10], "speech", [False] * len(doc))
    assert found is not None
    assert doc[found.content[0] : found.content[1]].text == "Talks can resume but need time"
    assert found.source is not None and doc[found.source[0] : found.source[1]].text == "Minister Ana Ruiz"


def test_a_clause_joined_by_and_is_no_insert_reporting_the_one_before(extractor: Any) -> None:
    text = (
        "Neither side wants to be the one that leaves the table first, and both are writing for the "
        "autumn round already."
    )
    assert _said(extractor, text) == {}
