"""News formats the talks set lacks: wire copy with layered sources, live blogs, interview and
press-conference transcripts, translated statements, quotes that run over paragraphs. Each test
is one error class found by reading redline's output on texts written for it; the sentences are
the project's own."""

from __future__ import annotations

from typing import Any

import pytest

from attribution_spans import Attributed, said_by

pytestmark = pytest.mark.model


def _statements(extractor: Any, text: str) -> list[tuple[str | None, str | None, str | None, str]]:
    """(speaker name, mention, cue, content) of each statement of ``text``."""
    from redline.model import Document

    found = extractor.extract_one(Document(id="d", text=text)).statements
    return [
        (
            s.speaker.name if s.speaker else None,
            s.speaker.mention.text if s.speaker else None,
            s.cue.text if s.cue else None,
            s.content.text,
        )
        for s in found
    ]


# --- wire copy -------------------------------------------------------------------------------


def test_who_after_a_spokeswomans_organisation_is_the_spokeswoman(extractor: Any) -> None:
    text = (
        '"We have seen this film before," said a spokeswoman for the World Food Programme, '
        "who added that trucks were still stuck at the border."
    )
    found = _statements(extractor, text)
    assert [m for _, m, _, _ in found] == [
        "a spokeswoman for the World Food Programme",
        "a spokeswoman for the World Food Programme, who",
    ]
    assert found[0][0] == found[1][0]


def test_the_medium_of_a_statement_is_no_content(attributed: Attributed) -> None:
    found = attributed("The State Department said in a statement it welcomed the spirit of the meeting.")
    assert [a.content for a in found] == ["it welcomed the spirit of the meeting"]
    found = attributed("Zelensky said Kyiv would not withdraw its troops, in a video address.")
    assert [a.content for a in found] == ["Kyiv would not withdraw its troops"]


def test_a_rival_report_after_while_ends_the_content(attributed: Attributed) -> None:
    text = (
        "The State Department said in a statement it welcomed the spirit of the meeting, while "
        "Saudi Arabia's state news agency SPA reported, citing an unnamed official, that Riyadh "
        "would host the next round."
    )
    contents = [a.content for a in attributed(text)]
    assert "it welcomed the spirit of the meeting" in contents
    assert not any("SPA" in c for c in contents)


def test_according_to_a_readout_issued_by_a_ministry(extractor: Any) -> None:
    text = "According to a readout issued by Qatar's foreign ministry, the two sides agreed to meet again."
    ((_, mention, cue, content),) = _statements(extractor, text)
    assert content == "the two sides agreed to meet again"
    assert mention == "Qatar's foreign ministry"
    assert cue == "According to"


def test_people_briefed_on_the_talks_are_unnamed_sources(extractor: Any) -> None:
    text = "Negotiators failed to agree on inspections, three people briefed on the talks told Reuters."
    assert said_by(extractor, text) == [("unnamed sources", "Negotiators failed to agree on inspections")]


# --- live blogs ------------------------------------------------------------------------------


def test_a_timestamped_live_blog_line_is_signed_by_its_label(attributed: Attributed) -> None:
    text = (
        "Ukraine peace talks live\n\n"
        "13:40 GMT — Kremlin: too early to talk about a summit\n\n"
        "9.15am | Merz: Europe will not be sidelined in these talks\n"
    )
    found = [(a.source, a.cue, a.content) for a in attributed(text)]
    assert found == [
        ("Kremlin", ":", "too early to talk about a summit"),
        ("Merz", ":", "Europe will not be sidelined in these talks"),
    ]


def test_an_infinitive_no_one_performs_is_no_statement(attributed: Attributed) -> None:
    assert attributed("Too early to talk about a summit, for now.") == []


def test_the_outlets_own_correspondent_is_narration(attributed: Attributed) -> None:
    text = "Our Moscow correspondent writes: the mood in the Russian capital is cautious."
    assert attributed(text) == []
    found = attributed("A Moscow correspondent for the agency writes that the mood is cautious.")
    assert [a.content for a in found] == ["the mood is cautious"]


# --- transcripts -----------------------------------------------------------------------------


def test_an_interview_with_an_outlet_is_given_by_the_subject(attributed: Attributed) -> None:
    text = (
        "In an interview with The Ledger, Moldova's chief negotiator Ana Rusu spoke about the talks.\n\n"
        "Q: The last round ended without a deal. What went wrong?\n\n"
        "A: Nothing went wrong. We refused to sign a text that would freeze the conflict.\n"
    )
    answers = [a for a in attributed(text) if a.cue == ":"]
    assert [(a.source, a.content) for a in answers] == [
        (
            "Moldova's chief negotiator Ana Rusu",
            "Nothing went wrong. We refused to sign a text that would freeze the conflict",
        )
    ]


def test_a_moderator_and_a_transcript_heading_are_no_speakers(attributed: Attributed) -> None:
    text = (
        "Transcript: Joint press conference after the Geneva round\n\n"
        "MODERATOR: Good afternoon. We will start with brief statements.\n\n"
        "RUBIO: Thank you. We made real progress today.\n"
    )
    found = [(a.source, a.content) for a in attributed(text)]
    assert found == [("RUBIO", "Thank you. We made real progress today")]


# --- translated statements -------------------------------------------------------------------


def test_dash_set_dialogue_is_quoted_speech(extractor: Any) -> None:
    text = (
        "Deputy Prime Minister Oleg Serebrian spoke to reporters in Chisinau on Tuesday.\n\n"
        "— We have waited thirty years, — the minister said. — We can wait a little longer.\n"
    )
    found = _statements(extractor, text)
    assert [(cue, content) for _, _, cue, content in found] == [
        ("said", "We have waited thirty years"),
        ("said", "We can wait a little longer"),
    ]
    assert {name for name, _, _, _ in found} == {"Oleg Serebrian"}


def test_a_list_set_with_dashes_is_no_dialogue(attributed: Attributed) -> None:
    text = (
        "The main points of the draft, the minister said, were these:\n\n"
        "— Russia would keep the peninsula and the army would be capped.\n\n"
        "— Sanctions would be lifted in stages over three years.\n"
    )
    assert not any(a.content.startswith(("Russia would", "Sanctions would")) for a in attributed(text))


def test_whom_a_statement_reminds_is_not_its_speaker(extractor: Any) -> None:
    text = (
        "The Ministry of Foreign Affairs considers that «any attempt to legitimise the separatist regime is "
        "unacceptable» and reminds all partners that the 5+2 format remains the only framework for talks."
    )
    found = [(mention, content) for _, mention, _, content in _statements(extractor, text)]
    assert ("The Ministry of Foreign Affairs", "the 5+2 format remains the only framework for talks") in found
    assert not any(mention == "all partners" for mention, _ in found)


def test_a_signature_after_a_dash_still_signs_its_quote(attributed: Attributed) -> None:
    text = (
        "“The border must open before the harvest, or the farms will go under.” ― Ilse Varga\n"
        "“Nobody asked the people who live along the river what they want.” ― Tomas Brenner\n"
    )
    assert [a.source for a in attributed(text)] == ["Ilse Varga", "Tomas Brenner"]


# --- long quotes -----------------------------------------------------------------------------


def test_a_quote_after_the_paragraph_that_introduces_its_speaker(extractor: Any) -> None:
    text = (
        "Armenian Prime Minister Nikol Pashinyan laid out his case to parliament on Wednesday.\n\n"
        '"We have two choices. We can keep the border closed, or we can open it.\n\n'
        '"I choose peace. I know many of you do not agree with me."\n\n'
        "Azerbaijan's foreign ministry said in a statement that Baku welcomed the speech.\n"
    )
    found = said_by(extractor, text)
    assert found[0][0] == "Nikol Pashinyan"
    assert found[0][1].startswith("We have two choices.")


def test_a_quote_after_narration_about_a_thing_has_no_speaker(extractor: Any) -> None:
    text = (
        "The border crossing reopened on Wednesday after three years.\n\n"
        '"We have two choices. We can keep the border closed, or we can open it."\n'
    )
    assert [name for name, _ in said_by(extractor, text)] in ([], [None])


# --- trade and coalition wire copy -----------------------------------------------------------


def test_a_post_on_x_ends_its_sentence(extractor: Any) -> None:
    text = (
        '"This is good news for our carmakers," he wrote on X. French officials were more reserved: '
        'one adviser to President Emmanuel Macron, speaking privately, called the deal "a pause".'
    )
    found = _statements(extractor, text)
    assert found[0][2:] == ("wrote", "This is good news for our carmakers")
    assert not any(content.startswith("were more reserved") for _, _, _, content in found)


def test_the_platform_x_is_no_initial() -> None:
    import spacy

    from redline.extract.nlp import split_initials

    nlp = spacy.blank("en")  # the English tokeniser alone, not the shared pipeline
    split_initials(nlp)
    words = [t.text for t in nlp("He posted on X. Then V.Putin spoke to A. Smith.")]
    assert words[:5] == ["He", "posted", "on", "X", "."]
    assert "A." in words and "Putin" in words


def test_per_a_source_cites_it_and_per_a_unit_does_not(attributed: Attributed) -> None:
    found = attributed("Per a person familiar with the matter, the agreement sets minimum prices for cars.")
    assert [(a.source, a.cue, a.content) for a in found] == [
        ("a person familiar with the matter", "Per", "the agreement sets minimum prices for cars")
    ]
    found = attributed("The deal sets minimum prices for a dozen car models, per Reuters.")
    assert [(a.source, a.content) for a in found] == [
        ("Reuters", "The deal sets minimum prices for a dozen car models")
    ]
    assert attributed("Crude rose to $80 per barrel on Monday as the truce held.") == []


def test_a_trailing_according_to_carries_the_statement(attributed: Attributed) -> None:
    text = (
        "The minister said that the party would gain seats in a snap vote, according to the broadcaster NOS."
    )
    found = attributed(text)
    assert [(a.source, a.content) for a in found] == [
        ("The minister", "the party would gain seats in a snap vote")
    ]


def test_a_second_that_clause_goes_on_with_the_content(attributed: Attributed) -> None:
    text = (
        "Trade Commissioner Maros Sefcovic told reporters after the meeting that the talks had been "
        '"difficult but honest", and that Brussels would not hesitate to reimpose duties.'
    )
    (found,) = attributed(text)
    assert found.content.startswith("the talks had been")
    assert found.content.endswith("Brussels would not hesitate to reimpose duties")


def test_despite_reports_stays_in_the_content(attributed: Attributed) -> None:
    text = (
        "The ministry said it had received no proposal from Brussels, despite reports that a draft was ready."
    )
    (found,) = attributed(text)
    assert (
        found.content == "it had received no proposal from Brussels, despite reports that a draft was ready"
    )


def test_a_statement_published_by_an_outlet_is_not_the_outlets(attributed: Attributed) -> None:
    text = "According to a statement published by the newspaper, the envoy had met the aide twice."
    assert [a.source for a in attributed(text)] == ["a statement"]
    text = "According to a statement issued by the ministry, the envoy had met the aide twice."
    assert [a.source for a in attributed(text)] == ["the ministry"]


# --- lead-ins and blockquotes ------------------------------------------------------------------


def test_a_lead_in_before_a_colon_is_not_what_was_said(attributed: Attributed) -> None:
    text = (
        "The disclosure that two negotiators had met the smugglers set off a fresh round of "
        "recriminations on Monday: the opposition said it was convinced the ministry had lied to "
        "parliament and the coalition accused it of playing politics."
    )
    said = [a for a in attributed(text) if a.cue == "said"]
    assert [a.content.startswith("it was convinced the ministry had lied") for a in said] == [True]


def test_a_statement_set_as_its_own_paragraph_after_a_colon(attributed: Attributed) -> None:
    text = (
        "The foreign ministry said in a statement on Tuesday:\n\n"
        "The talks in Geneva were constructive and both sides agreed to meet again.\n\n"
        "The key points of the plan:\n\n"
        "The army would be capped at 600,000.\n"
    )
    found = [(a.source, a.cue, a.content) for a in attributed(text)]
    assert found == [
        (
            "The foreign ministry",
            "said",
            "The talks in Geneva were constructive and both sides agreed to meet again",
        )
    ]


# --- briefs and social posts -------------------------------------------------------------------


def test_a_show_title_in_quote_marks_is_no_quote(extractor: Any) -> None:
    text = (
        'Asked by CNN\'s "State of the Union" whether the deal was close, Secretary of State '
        "Marco Rubio replied: \"We're closer than we've ever been.\""
    )
    assert said_by(extractor, text) == [("Marco Rubio", "We're closer than we've ever been")]


def test_speech_only_hoped_or_planned_is_no_statement(attributed: Attributed) -> None:
    assert attributed("Mediators hope to announce a deal before the end of the week.") == []
    assert attributed("The minister wants to tell parliament that the port will reopen.") == []
    found = attributed("The envoy plans to unveil the new text on Friday, officials said.")
    assert [(a.source, a.content) for a in found] == [
        ("officials", "The envoy plans to unveil the new text on Friday")
    ]


def test_a_sources_trailing_relative_clause_is_no_content(attributed: Attributed) -> None:
    text = (
        "A deal could come before the end of the week, according to two people familiar with the "
        "talks, who spoke on condition of anonymity because they were not authorised to speak."
    )
    assert [a.content for a in attributed(text)] == ["A deal could come before the end of the week"]
    text = text.replace("A deal could come", "Mediators hope to announce a deal")
    assert [a.content for a in attributed(text)] == [
        "Mediators hope to announce a deal before the end of the week"
    ]


def test_a_joint_statement_speaks_for_the_mediators_who_issued_it(extractor: Any) -> None:
    text = (
        "Talks between the army and the militia resumed in Jeddah on Sunday, Saudi and American "
        "mediators said in a joint statement.\n\n"
        "The statement said both delegations had committed to a humanitarian pause of ten days.\n"
    )
    assert [name for name, _ in said_by(extractor, text)] == ["Saudi and American mediators"] * 2


def test_an_agency_report_the_parser_hung_on_its_content(attributed: Attributed) -> None:
    text = (
        "The State Department said in a statement it welcomed the spirit of the meeting, while "
        "Saudi Arabia's state news agency SPA reported, citing an unnamed official, that Riyadh "
        "would host the next round."
    )
    found = [(a.source, a.content) for a in attributed(text)]
    assert ("SPA", "Riyadh would host the next round") in found


# --- agency formulas and headline shorthand ----------------------------------------------------


def test_quoted_by_an_agency_as_saying_is_the_quoted_ones(attributed: Attributed) -> None:
    text = "The minister was quoted by Reuters as saying that the port would reopen."
    assert [(a.source, a.content) for a in attributed(text)] == [("The minister", "the port would reopen")]


def test_a_headline_without_its_copula_says_its_predicate(attributed: Attributed) -> None:
    found = attributed("Kremlin says too early to discuss summit with Trump\n\nTalks went on.")
    assert [(a.source, a.content) for a in found] == [("Kremlin", "too early to discuss summit with Trump")]
    found = attributed("Zelensky says open to talks with Putin\n\nTalks went on.")
    assert [(a.source, a.content) for a in found] == [("Zelensky", "open to talks with Putin")]


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky said on Monday he was ready to meet.",
        "Zelensky said Monday he was ready to meet.",
    ],
)
def test_the_day_of_saying_is_not_what_was_said(attributed: Attributed, text: str) -> None:
    assert [a.content for a in attributed(text)] == ["he was ready to meet"]


def test_a_day_that_is_the_subject_stays(attributed: Attributed) -> None:
    found = attributed("The minister said Monday was a good day for the talks.")
    assert [a.content for a in found] == ["Monday was a good day for the talks"]


def test_a_lead_in_before_a_quote_and_its_trailing_cue(extractor: Any) -> None:
    text = (
        "Senator Jane Holt scolded him: “The scientific community is almost monolithic against "
        "you on this,” she said. “When you call a product a miracle, I do not understand why.”"
    )
    assert said_by(extractor, text) == [
        ("Jane Holt", "The scientific community is almost monolithic against you on this"),
        ("Jane Holt", "When you call a product a miracle, I do not understand why"),
    ]


# --- headlines that open with a quotation --------------------------------------------------------


def test_a_headline_quote_is_given_by_the_name_after_its_colon(extractor: Any) -> None:
    text = (
        "‘We will not sign’: Zelensky rejects deal as Moscow digs in\n\nKyiv rejected the draft on Monday.\n"
    )
    assert said_by(extractor, text)[0] == ("Volodymyr Zelensky", "We will not sign")
    text = "'Not a single village': Moldova's negotiator on the talks\n\nThe talks resumed on Monday.\n"
    ((name, content),) = said_by(extractor, text)
    assert content == "Not a single village" and name is not None and "Moldova" in name


def test_a_headline_quote_before_a_thing_has_no_speaker_there(attributed: Attributed) -> None:
    found = attributed('"A historic day for all of us": the treaty at a glance\n\nThe treaty was signed.\n')
    assert all(a.cue != ":" for a in found)


def test_a_statement_from_an_office_speaks_for_the_office(attributed: Attributed) -> None:
    text = '"We will not sign anything that rewards the aggressor," according to a statement from the office.'
    assert [a.source for a in attributed(text)] == ["the office"]


def test_a_source_set_in_quote_marks_is_the_source_not_a_quote(extractor: Any) -> None:
    text = (
        "The president urged Kyiv to accept the terms, according to a report by the Financial Times.\n\n"
        "“People familiar with the matter” told the newspaper that the discussion escalated into arguments.\n"
    )
    found = said_by(extractor, text)
    assert ("unnamed sources", "the discussion escalated into arguments") in found
    assert not any(content == "People familiar with the matter" for _, content in found)


def test_a_quoted_subheading_run_into_the_next_sentence_is_not_its_content(extractor: Any) -> None:
    text = (
        "After the two delegations finished their talks in Miami, Trump suggested that Kyiv was "
        "delaying the deal.\n“Zelensky Has Not Seen the Text”\nSpeaking at the gala dinner at the "
        "Lincoln Center Awards, Trump said he was “a bit let down” that Zelensky had not yet seen the text.\n"
    )
    contents = [content for _, content in said_by(extractor, text)]
    assert "he was “a bit let down” that Zelensky had not yet seen the text" in contents
    assert not any(c.startswith("Speaking at the gala") for c in contents)


def test_details_and_quote_labels_are_the_outlets_not_speakers(extractor: Any) -> None:
    text = (
        "Peskov rules out details of the formula\n\n"
        "Details: The Kremlin spokesman Dmitry Peskov said the formula had not been agreed.\n\n"
        'Quote: "We do not want to go into the details of the provisions being discussed in public."\n\n'
        'Details: Nonetheless, he added that the Russian position is "well known" and has not changed.\n'
    )
    found = said_by(extractor, text)
    assert ("Dmitry Peskov", 'the Russian position is "well known" and has not changed') in found
    assert not any(name in ("Details", "Quote") for name, _ in found)


def test_a_name_and_a_topic_label_a_quote(attributed: Attributed) -> None:
    text = (
        "Putin on Western rhetoric: “Complete nonsense, all of it.”\n\n"
        "Putin to Witkoff: “No compromise” on the regions\n"
    )
    assert [(a.source, a.cue, a.content) for a in attributed(text)] == [
        ("Putin", ":", "Complete nonsense, all of it"),
        ("Putin", ":", "No compromise"),
    ]


def test_a_dash_line_under_a_quote_signs_it(attributed: Attributed) -> None:
    text = (
        "A week of talks, in the speakers' own words.\n\n"
        "“The harbour will reopen when the mines are cleared, and not one day earlier.”\n"
        "- Marta Kellberg, port authority director, Gdansk, 3 March\n\n"
        "“We have waited long enough for the convoy.”\n"
        "- Oskar Lindqvist, Red Cross field coordinator, Malmo, 4 March\n"
    )
    assert [a.source for a in attributed(text)] == ["Marta Kellberg", "Oskar Lindqvist"]


def test_a_dash_item_under_a_quote_does_not_sign_it(attributed: Attributed) -> None:
    text = (
        "The minister listed the terms. “These are the three points we will not give up.”\n"
        "- Sweden keeps its fishing quota in the gulf.\n"
    )
    assert all(a.source != "Sweden" for a in attributed(text))


def test_a_deputy_is_not_the_holder_of_the_title_under_him(extractor: Any) -> None:
    text = "The deputy head of the Russian delegation said on Monday that the prisoner lists were ready."
    found = _statements(extractor, text)
    assert found and all(name != "Vladimir Medinsky" for name, _, _, _ in found)
    text = "The head of the Russian delegation said on Monday that the prisoner lists were ready."
    assert [name for name, _, _, _ in _statements(extractor, text)] == ["Vladimir Medinsky"]


def test_a_letter_speaks_for_the_maker_its_by_phrase_names(extractor: Any) -> None:
    text = (
        "Forty retired generals have signed an open letter urging the cabinet to act.\n\n"
        "The letter, organised by the Harwick Forum, a network of former officers, was published on "
        'Monday. It says the border force "must be doubled before the spring."\n\n'
        '"Nobody else will do it for us," the letter says.\n'
    )
    found = {content: name for name, _, _, content in _statements(extractor, text)}
    assert found["Nobody else will do it for us"] == "Harwick Forum"
    assert found['the border force "must be doubled before the spring."'] == "Harwick Forum"


def test_a_name_set_off_after_a_fronted_phrase_is_the_subject(extractor: Any) -> None:
    text = (
        "The ministry kept quiet. It added only that the talks would go on.\n\n"
        "On Facebook, Marek Dolny, the mayor of a border town, asked who would pay for the new road. "
        '"Is it our money or theirs?" he wrote.\n'
    )
    found = {content: name for name, _, _, content in _statements(extractor, text)}
    assert found["who would pay for the new road"] == "Marek Dolny"
    assert found["Is it our money or theirs?"] == "Marek Dolny"
