"""Regression tests for the attribution error classes found on real news (issue 10).

One test (or a few) per class: cues read too broadly, cue types missed, boundaries, page
clutter, and documents taken for speakers. Every sentence is written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from redline.extract.attribution import Attribution, find_attributions
from redline.knowledge.cues import CueLexicon, load_cues

pytestmark = pytest.mark.model

Run = Callable[[str], tuple[Doc, list[Attribution]]]


@pytest.fixture(scope="module")
def run(nlp: Language) -> Run:
    cues: CueLexicon = load_cues()
    model = nlp

    def _run(text: str) -> tuple[Doc, list[Attribution]]:
        doc = model(text)
        return doc, find_attributions(doc, cues)

    return _run


def _text(doc: Doc, span: tuple[int, int] | None) -> str | None:
    return None if span is None else doc.text[span[0] : span[1]]


def _contents(doc: Doc, atts: list[Attribution]) -> list[str | None]:
    return [_text(doc, a.content) for a in atts]


# --- cues read too broadly -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The two delegations discussed the grain corridor in Ankara on Monday.",
        "The envoy presented the new map to the committee.",
        "The minister mentioned the ferry schedule twice.",
        "The mayor published the budget on Friday.",
    ],
)
def test_a_verb_with_a_topic_object_is_not_a_statement(run: Run, text: str) -> None:
    doc, atts = run(text)
    assert atts == [], _contents(doc, atts)


@pytest.mark.parametrize(
    "text",
    [
        "The governor declined to give a date for the vote.",
        "The spokesman refused to discuss the harbour dispute.",
    ],
)
def test_declining_to_speak_is_not_a_statement(run: Run, text: str) -> None:
    doc, atts = run(text)
    assert atts == [], _contents(doc, atts)


@pytest.mark.parametrize(
    "text",
    [
        "The draft would require both fleets to leave the strait.",
        "The framework calls for a joint border commission.",
        "The transcript shows the two aides discussing a summit.",
        "The draft insists that both fleets leave the strait.",
        "The ministers tabled a text, deleting a clause that set a quota and demanding that the "
        "harbour fees be halved.",
    ],
)
def test_a_document_is_not_the_speaker_of_its_provisions(run: Run, text: str) -> None:
    doc, atts = run(text)
    assert all(_text(doc, a.source) is None or "draft" not in str(_text(doc, a.source)) for a in atts)
    documents = ("The draft", "The framework", "The transcript", "a clause that", "a clause")
    assert not [a for a in atts if _text(doc, a.source) in documents]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The joint statement says that the ceasefire will start at midnight.", "The joint statement"),
        ("The final text states that the ceasefire will start at midnight.", "The final text"),
    ],
)
def test_a_document_with_a_say_verb_and_a_clause_is_a_source(run: Run, text: str, source: str) -> None:
    doc, atts = run(text)
    (a,) = atts
    assert _text(doc, a.source) == source
    assert _text(doc, a.content) == "the ceasefire will start at midnight"


# --- cue types missed ----------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["underlined", "specified", "clarified", "reaffirmed"])
def test_speech_verbs_the_lexicon_lacked(run: Run, verb: str) -> None:
    doc, atts = run(f"The foreign minister {verb} that the talks would resume in Oslo.")
    (a,) = atts
    assert _text(doc, a.cue) == verb
    assert _text(doc, a.source) == "The foreign minister"
    assert _text(doc, a.content) == "the talks would resume in Oslo"


def test_a_voiced_concern_is_a_statement(run: Run) -> None:
    doc, atts = run("Farmers' unions voiced concern over the new import quotas.")
    (a,) = atts
    assert _text(doc, a.cue) == "voiced"
    assert _text(doc, a.content) == "concern over the new import quotas"


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_a_headline_signed_after_a_dash(run: Run, dash: str) -> None:
    text = f"Border crossings will reopen after the holiday {dash} Kremlin\n\nThe announcement came late."
    doc, atts = run(text)
    signed = [a for a in atts if _text(doc, a.source) == "Kremlin"]
    assert len(signed) == 1, _contents(doc, atts)
    assert _text(doc, signed[0].content) == "Border crossings will reopen after the holiday"
    assert signed[0].cue is None
    assert signed[0].kind == "indirect"


def test_a_dash_in_running_text_is_not_a_signature(run: Run) -> None:
    text = "The convoy left at dawn. Nobody expected the storm - Tuesday brought it anyway."
    doc, atts = run(text)
    assert atts == [], _contents(doc, atts)


# --- boundaries and page clutter -----------------------------------------------------------


def test_a_repeated_headline_is_one_statement(run: Run) -> None:
    headline = "Grain deal is close, says Turkish minister"
    text = f"{headline}\n\n{headline}\n\nNegotiators met again in Istanbul on Monday."
    doc, atts = run(text)
    found = [a for a in atts if _text(doc, a.content) == "Grain deal is close"]
    assert len(found) == 1, _contents(doc, atts)


def test_the_same_words_from_two_speakers_are_two_statements(run: Run) -> None:
    text = (
        "“We want a fair deal,” the farmers' leader said.\n\n"
        "The fishermen's spokeswoman used the same line: “We want a fair deal,” she said."
    )
    doc, atts = run(text)
    same = [a for a in atts if _text(doc, a.content) == "We want a fair deal"]
    assert len(same) == 2, _contents(doc, atts)


# --- speech that did not happen, and aims that are not speech ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The harbour master did not elaborate on the new tariffs.",
        "The ministry declined to confirm the report about the ferry.",
        "The two mayors were unable to agree on a date for the vote.",
        "The coach avoided predicting the result of the final.",
    ],
)
def test_negated_or_declined_speech_is_not_a_statement(run: Run, text: str) -> None:
    doc, atts = run(text)
    assert atts == [], _contents(doc, atts)


def test_a_negated_rule_out_is_still_a_statement(run: Run) -> None:
    doc, atts = run("The governor did not rule out a second vote on the bridge.")
    assert [_text(doc, a.source) for a in atts] == ["The governor"], _contents(doc, atts)


@pytest.mark.parametrize(
    "text",
    [
        "The union wants a shorter working week.",
        "The city is seeking a new partner for the tram line.",
        "The farmers pushed for lower diesel prices.",
    ],
)
def test_wanting_and_striving_report_no_speech(run: Run, text: str) -> None:
    doc, atts = run(text)
    assert atts == [], _contents(doc, atts)


@pytest.mark.parametrize(
    "text",
    [
        "The minister spoke for an hour, referring to the harbour plan several times.",
        "The summit will focus on fishing quotas.",
    ],
)
def test_topic_markers_are_not_content(run: Run, text: str) -> None:
    doc, atts = run(text)
    assert not [a for a in atts if _text(doc, a.cue) in ("referring", "focus")], _contents(doc, atts)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("The mayor warned “much work remains” before the vote.", "much work remains"),
        ("The envoy said “the work goes on” and left.", "the work goes on"),
        # a short answer introduced by a colon or a comma, after the question it answers
        (
            "Asked whether the port would reopen by spring, the governor replied: “Certainly not.”",
            "Certainly not",
        ),
        ("Asked if the harbour fees would rise, the mayor said, “No, never.”", "No, never"),
    ],
)
def test_a_short_quote_governed_by_its_cue_is_a_statement(run: Run, text: str, quoted: str) -> None:
    doc, atts = run(text)
    direct = [a for a in atts if a.kind == "direct" and _text(doc, a.content) == quoted]
    assert direct, _contents(doc, atts)


def test_a_short_scare_quote_without_a_cue_is_not(run: Run) -> None:
    doc, atts = run("The so-called “grain bridge” opened on Monday.")
    assert atts == [], _contents(doc, atts)


# --- reports that point back ("This was reported by X") -------------------------------------


def test_a_pointer_report_takes_the_sentence_before_as_content(run: Run) -> None:
    text = "The ferry line will resume sailings in April. This was announced by the harbour master, Ida Lund."
    doc, atts = run(text)
    (a,) = atts
    assert _text(doc, a.content) == "The ferry line will resume sailings in April"
    assert _text(doc, a.source) == "the harbour master, Ida Lund"
    assert _text(doc, a.cue) == "announced"


def test_a_pointer_report_opening_a_paragraph_takes_the_paragraph_before(run: Run) -> None:
    text = (
        "The bridge will close for repairs. Traffic will use the ring road.\n\n"
        "This was reported by the city council on Friday."
    )
    doc, atts = run(text)
    (a,) = atts
    assert _text(doc, a.content) == "The bridge will close for repairs. Traffic will use the ring road"
    assert _text(doc, a.source) == "the city council"


def test_a_statement_pointed_back_at_with_made_this_statement(run: Run) -> None:
    doc, atts = run("The port will open on Monday. The mayor made this statement after meeting the unions.")
    (a,) = atts
    assert _text(doc, a.content) == "The port will open on Monday"
    assert _text(doc, a.source) == "The mayor"


def test_layered_pointer_sources_share_the_content_they_point_at(run: Run) -> None:
    text = (
        "The health minister said that hospitals would get more staff.\n\n"
        "This was reported by the news agency Tern, according to Harbour Daily."
    )
    doc, atts = run(text)
    assert _contents(doc, atts) == ["hospitals would get more staff"], _contents(doc, atts)
    assert not any(str(_text(doc, a.content)).startswith("This was") for a in atts)


def test_this_inside_a_sentence_points_at_its_own_sentence(run: Run) -> None:
    doc, atts = run("The roads were icy. Officials said that this was reported by several drivers.")
    assert not [a for a in atts if _text(doc, a.content) == "The roads were icy"], _contents(doc, atts)


# --- excerpts cut off mid-sentence ---------------------------------------------------------


def test_a_cue_whose_content_was_cut_off_gives_no_statement(run: Run) -> None:
    doc, atts = run("Officials said the talks would resume soon. The governor later said the prosp")
    assert _contents(doc, atts) == ["the talks would resume soon"]


def test_cut_off_content_that_keeps_a_predicate_is_a_statement(run: Run) -> None:
    doc, atts = run("The governor later said the council had vot")
    (a,) = atts
    assert str(_text(doc, a.content)).startswith("the council had")


def test_a_short_content_ending_a_complete_text_is_kept(run: Run) -> None:
    doc, atts = run("The union welcomed the decision.")
    assert _contents(doc, atts) == ["the decision"]


# --- headlines signed after a colon or an inverted speech verb ------------------------------


def test_a_headline_signed_after_a_colon(run: Run) -> None:
    doc, atts = run("Fishing talks stall over quota dispute: EU commissioner\n\nThe talks began in May.")
    signed = [a for a in atts if _text(doc, a.source) == "EU commissioner"]
    assert len(signed) == 1, _contents(doc, atts)
    assert _text(doc, signed[0].content) == "Fishing talks stall over quota dispute"


def test_a_section_heading_with_a_colon_is_no_signature(run: Run) -> None:
    doc, atts = run("Budget timeline: what comes next\n\nParliament votes on Friday.")
    assert atts == [], _contents(doc, atts)


def test_a_headline_with_an_inverted_say_verb(run: Run) -> None:
    text = "Rail strike to end next week, says transport minister Alan Reed\nThe strike began in March."
    doc, atts = run(text)
    signed = [a for a in atts if _text(doc, a.source) == "transport minister Alan Reed"]
    assert len(signed) == 1, _contents(doc, atts)
    assert _text(doc, signed[0].content) == "Rail strike to end next week"
    assert _text(doc, signed[0].cue) == "says"


# --- "as" cues: what someone called a thing ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "The governor rejected what he described as a reckless budget.",
            "The governor",
            "a reckless budget",
        ),
        (
            "The unions met the minister on Monday, which the unions described as constructive.",
            "the unions",
            "constructive",
        ),
        (
            "The deal includes guarantees described by the minister as comparable to a treaty.",
            "the minister",
            "comparable to a treaty",
        ),
        (
            "The mayor spoke on Monday, framing the result as a warning to the council.",
            "The mayor",
            "the result as a warning to the council",
        ),
    ],
)
def test_what_follows_described_as_is_the_speakers_word(
    run: Run, text: str, source: str, content: str
) -> None:
    doc, atts = run(text)
    found = [a for a in atts if _text(doc, a.content) == content]
    assert len(found) == 1, _contents(doc, atts)
    assert _text(doc, found[0].source) == source


# --- verbs and nouns the lexicon lacked ------------------------------------------------------


def test_notified_with_a_hearer_and_a_clause(run: Run) -> None:
    doc, atts = run("The envoy notified Berlin that its delegation would arrive on Monday.")
    (a,) = atts
    assert _text(doc, a.source) == "The envoy"
    assert _text(doc, a.content) == "its delegation would arrive on Monday"


def test_a_possessed_demand_that_is_a_statement_of_its_owner(run: Run) -> None:
    doc, atts = run("The talks stalled over Lisbon's demand that the port be sold.")
    (a,) = atts
    assert _text(doc, a.cue) == "demand"
    assert _text(doc, a.content) == "the port be sold"
    assert str(_text(doc, a.source)).startswith("Lisbon")


def test_reported_this_takes_up_what_the_sentence_before_said(run: Run) -> None:
    text = "The ministry claimed that it had not received the plan. The spokeswoman reported this on Friday."
    doc, atts = run(text)
    assert _contents(doc, atts) == ["it had not received the plan"], _contents(doc, atts)
    assert not [a for a in atts if _text(doc, a.content) == "this"]


def test_described_this_as_is_said_about_this_not_a_pointer(run: Run) -> None:
    doc, atts = run("The port will open on Monday. The mayor described this as a victory for the unions.")
    (a,) = atts
    assert str(_text(doc, a.content)).endswith("a victory for the unions"), _contents(doc, atts)


# --- words that only point back -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the loan. Belgium opposed it, and France raised the costs.",
        "The plan would cap the fleet. Such provisions have been opposed by the union.",
        "The mayor set out three conditions. The union rejected these demands.",
    ],
)
def test_content_that_only_points_back_is_no_statement(run: Run, text: str) -> None:
    doc, atts = run(text)
    pointing = {"it", "Such provisions", "these demands"}
    assert not [a for a in atts if _text(doc, a.content) in pointing], _contents(doc, atts)


def test_a_plain_noun_object_is_still_content(run: Run) -> None:
    doc, atts = run("The union welcomed the decision.")
    assert _contents(doc, atts) == ["the decision"]


# --- labels that name no speaker -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Norway: Minister Signals No Deal Without Quota Cut\nThe minister spoke on Friday.",
        "Harbour Talks: Ferry Exchange, Fare Cuts and a Strike That Did Not End\nThe talks went on.",
    ],
)
def test_a_place_or_a_plural_heading_before_a_colon_is_no_speaker_label(run: Run, text: str) -> None:
    doc, atts = run(text)
    assert not [a for a in atts if _text(doc, a.cue) == ":"], _contents(doc, atts)


def test_a_heading_that_is_a_clause_is_no_speaker_label(run: Run) -> None:
    # a noun then a finite verb: a section title, and the paragraph under it is the writer's
    doc, atts = run(
        "The Money Runs Out: The council has spent its reserve on repairs.\nIt expects a shortfall."
    )
    assert not [a for a in atts if _text(doc, a.cue) == ":"], _contents(doc, atts)


def test_a_title_and_name_before_a_colon_is_still_a_speaker_label(run: Run) -> None:
    doc, atts = run("Mayor Jones: We will rebuild the bridge this year.")
    (a,) = atts
    assert _text(doc, a.source) == "Mayor Jones"


def test_a_name_before_a_colon_is_still_a_speaker_label(run: Run) -> None:
    doc, atts = run("BERG: Well, look, the fares will fall.")
    (a,) = atts
    assert _text(doc, a.source) == "BERG"


# --- statements nested in reported speech ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outer", "inner_source", "inner"),
    [
        (
            "The spokesman recalled that the ministry had long urged the council to publish the accounts.",
            "the ministry had long urged the council to publish the accounts",
            "the ministry",
            "the council to publish the accounts",
        ),
        (
            "The report said the governor has been pressing the council to approve the budget.",
            "the governor has been pressing the council to approve the budget",
            "the governor",
            "the council to approve the budget",
        ),
        (
            "The spokeswoman said the union insists on a pay rise for nurses.",
            "the union insists on a pay rise for nurses",
            "the union",
            "a pay rise for nurses",
        ),
    ],
)
def test_a_demand_named_inside_reported_speech_is_a_statement_of_its_own(
    run: Run, text: str, outer: str, inner_source: str, inner: str
) -> None:
    """The guide counts statements nested in indirect speech: the reporter's and the one reported."""
    doc, atts = run(text)
    found = {(_text(doc, a.source), _text(doc, a.content)) for a in atts}
    assert inner in {c for _, c in found}, found
    assert (inner_source, inner) in found, found
    assert outer in {c for _, c in found}, found


def test_a_demand_in_a_relative_clause_on_a_name_is_that_persons_statement(run: Run) -> None:
    """ "said the plan was fair to Governor Hale, who has urged the council to ...": the relative
    pronoun stands for the name, whose demand is a statement of its own inside the minister's;
    on a common noun ("the voters, who have urged ...") it names no one who can be quoted."""
    doc, atts = run(
        "The minister said the plan was fair to Governor Hale, who has urged the council to approve it."
    )
    found = {(_text(doc, a.source), _text(doc, a.content)) for a in atts}
    assert any(
        src and src.startswith("Governor Hale") and c == "the council to approve it" for src, c in found
    ), found
    doc, atts = run(
        "The minister said the plan was fair to the voters, who have urged the council to approve it."
    )
    assert len(atts) == 1, _contents(doc, atts)


def test_a_demand_by_the_reporting_speaker_himself_stays_inside_the_statement(run: Run) -> None:
    """With only a pronoun for subject, the inner verb is what the speaker said, not a new source."""
    doc, atts = run("The minister said he had urged the council to publish the accounts.")
    assert _contents(doc, atts) == ["he had urged the council to publish the accounts"]


@pytest.mark.parametrize(
    ("text", "outer", "inner_source", "inner"),
    [
        (
            "The spokesman said Mayor Brandt told his counterpart that the bridge would reopen in May.",
            "Mayor Brandt told his counterpart that the bridge would reopen in May",
            "Mayor Brandt",
            "the bridge would reopen in May",
        ),
        (
            "The newspaper reported that Governor Hale had informed the council that the budget would"
            " be cut.",
            "Governor Hale had informed the council that the budget would be cut",
            "Governor Hale",
            "the budget would be cut",
        ),
        (
            "According to the minister, the agency notified the council that its inspectors will"
            " arrive next week.",
            "the agency notified the council that its inspectors will arrive next week",
            "the agency",
            "its inspectors will arrive next week",
        ),
        (
            "According to the mayor, Washington is suggesting the creation of a free trade zone.",
            "Washington is suggesting the creation of a free trade zone",
            "Washington",
            "the creation of a free trade zone",
        ),
        (
            # a speech act done through its object: an accusation, a demand, a condemnation
            "Officials said Governor Hale has accused the council of blocking the budget.",
            "Governor Hale has accused the council of blocking the budget",
            "Governor Hale",
            "the council of blocking the budget",
        ),
        (
            "According to local reports, Mayor Brandt has demanded full control over the northern districts.",
            "Mayor Brandt has demanded full control over the northern districts",
            "Mayor Brandt",
            "full control over the northern districts",
        ),
        (
            # the outer speaker's "and that" is not part of the proposal
            "The minister said Governor Hale proposed a settlement on the strike and that the union"
            " was ready to talk.",
            "Governor Hale proposed a settlement on the strike and that the union was ready to talk",
            "Governor Hale",
            "a settlement on the strike",
        ),
    ],
)
def test_a_speech_act_reported_inside_indirect_speech_is_a_statement_of_its_own(
    run: Run, text: str, outer: str, inner_source: str, inner: str
) -> None:
    """ "X said Y told Z that W" is two statements under the guide: X's (Y told Z that W) and Y's (W)."""
    doc, atts = run(text)
    found = {(_text(doc, a.source), _text(doc, a.content)) for a in atts}
    assert (inner_source, inner) in found, found
    assert outer in {c for _, c in found}, found


def test_a_participle_after_reported_speech_is_the_reporters_next_act(run: Run) -> None:
    """ "The aide suggested Hale agreed, framing the deal as ...": the participle is the aide's
    own next act (the parser hangs it on the reported clause), not a statement of Hale's."""
    doc, atts = run(
        "The aide suggested Governor Hale agreed to the request, framing the deal as a step forward."
    )
    found = [(_text(doc, a.source), _text(doc, a.content)) for a in atts]
    assert found == [
        ("The aide", "Governor Hale agreed to the request"),
        ("The aide", "the deal as a step forward"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The minister said he had told the council that the accounts were in order.",
        "The adviser asserted that Smith tells so many lies that Jones could lose her own message.",
        "The governor said that Smith once described the new bridge as a marvel when she was mayor.",
        "The spokesman said the plan suggests that the tax will rise.",
        "The aide said Brandt would take into account what the council had said about the budget.",
        "The paper said Governor Hale had called Alicia Grant on Sunday.",
        "The aide said Governor Hale will announce the new budget on Friday.",
        "The aide said Governor Hale would tell the council that the budget would be cut.",
        "The aide said Governor Hale supports the new budget.",
        # a side taken or a deed done, not a speech act
        "The aide said Governor Hale backs the new budget.",
        "The aide said Governor Hale had offered new funds to the schools.",
        "The mayor wrote online that Governor Hale had expressed \u201czero interest\u201d in the plan.",
    ],
)
def test_a_speech_verb_inside_reported_speech_without_a_speaker_or_clause_of_its_own_is_no_second_statement(
    run: Run, text: str
) -> None:
    """A pronoun for the reporting speaker himself, a subject that cannot speak, a verb with no
    clause it reports, a verb deep in the reported clause, a person called, a speech act not yet
    made ("will announce", "would tell") or a stance ("supports"): all part of the one statement."""
    doc, atts = run(text)
    assert len(atts) == 1, [(_text(doc, a.source), _text(doc, a.content)) for a in atts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hale said the talks had gone well and Brandt insisted that no deal was close.",
            ["the talks had gone well", "no deal was close"],
        ),
        (
            "The general said the senator was “absolutely right” and the governor insisted that no"
            " deal was close.",
            ["the senator was “absolutely right”", "no deal was close"],
        ),
    ],
)
def test_a_statement_cut_by_the_next_speakers_clause_ends_before_and(
    run: Run, text: str, expected: list[str]
) -> None:
    """A clause with its own speaker joined by "and" ends the statement before it: the "and" is
    neither's content, and a closing quote mark before it stays with the quoted words."""
    doc, atts = run(text)
    assert _contents(doc, atts) == expected


# --- title-case headlines -------------------------------------------------------------------

_BODY = "\n\nThe council met on Monday to discuss the budget."


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Mayor Downplays Impact Of Strike On City Budget", [("Mayor", "Impact Of Strike On City Budget")]),
        ("Governor Offers to Host Budget Talks in Albany", [("Governor", "to Host Budget Talks in Albany")]),
        ("Union, Allies Condemn Pay Freeze", [("Union, Allies", "Pay Freeze")]),
        ("Senator Denies Donor Requests", [("Senator", "Donor Requests")]),
        (
            "Mayor Downplays Impact Of Strike, Cautions Against Cuts",
            [("Mayor", "Impact Of Strike"), ("Mayor", "Cuts")],
        ),
        (
            "Council Leaders Voice Optimism While Highlighting Risks",
            [("Council Leaders", "Optimism"), ("Council Leaders", "Risks")],
        ),
        # a store that ends every line with a full stop leaves it a headline
        ("Mayor Downplays Impact Of Strike On City Budget.", [("Mayor", "Impact Of Strike On City Budget")]),
    ],
)
def test_a_title_case_headline_verb_is_a_cue(
    run: Run, headline: str, expected: list[tuple[str, str]]
) -> None:
    """Title Case hides the verb from the tagger ("Mayor Downplays Impact" reads as one name)."""
    doc, atts = run(headline + _BODY)
    found = [(_text(doc, a.source), _text(doc, a.content)) for a in atts]
    assert found == expected


@pytest.mark.parametrize(
    "headline",
    [
        "Peace Talks Resume In Geneva After Long Pause",
        "Storm Rumours Add to Confusion",
        "No Press Announcement After Long Meeting",
        "Peace Talks Resume In Geneva After Long Pause.",
        # two sentences in Title Case are running text, not one headline
        "Mayor Downplays Impact Of Strike. Council Meets Again.",
    ],
)
def test_a_title_case_headline_without_a_statement_gives_none(run: Run, headline: str) -> None:
    doc, atts = run(headline + _BODY)
    assert atts == [], _contents(doc, atts)


# --- a quotation going on from its speaker, one paragraph per line ---------------------------


def test_a_quote_going_on_before_a_line_break_is_the_same_speakers(run: Run) -> None:
    """The parser may run a sentence on over a single line break into the next paragraph; the
    quotation is still a whole sentence of its own and continues the speaker before it."""
    text = (
        "“We cannot give a date yet,” Smith told a panel at the city forum. "
        "“There is a lot of work to be done.”\n"
        "City membership in 2027 was pencilled into a ten-point plan discussed between the council "
        "and the unions, officials have said."
    )
    doc, atts = run(text)
    by_content = {_text(doc, a.content): _text(doc, a.source) for a in atts}
    assert by_content.get("There is a lot of work to be done") == "Smith", by_content


def test_a_quoted_crosshead_is_not_more_of_the_speech(run: Run) -> None:
    text = (
        "“At some point the council will have to decide,” Smith added.\n"
        "‘Calmly’\n"
        "In a speech on Friday, the mayor said the plan would go ahead."
    )
    doc, atts = run(text)
    assert "Calmly" not in _contents(doc, atts)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor made clear during talks with the unions that wages remain the main obstacle.",
            "wages remain the main obstacle",
        ),
        ("The mayor made it clear that the budget would not change.", "the budget would not change"),
        ("The mayor made it plain that the budget would not change.", "the budget would not change"),
    ],
)
def test_made_clear_that_is_a_statement(run: Run, text: str, content: str) -> None:
    doc, atts = run(text)
    assert [(_text(doc, a.source), _text(doc, a.content)) for a in atts] == [("The mayor", content)]


def test_made_clear_progress_is_no_statement(run: Run) -> None:
    doc, atts = run("The mayor made clear progress on the budget.")
    assert atts == [], _contents(doc, atts)


def test_a_quote_in_straight_single_marks_is_direct_speech(run: Run) -> None:
    doc, atts = run("'We will not sign away the islands,' the harbour minister said. 'Never.'")
    found = [(_text(doc, a.content), a.kind) for a in atts]
    assert ("We will not sign away the islands", "direct") in found, found
    assert all(not str(content).startswith("'") for content, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "“The quotas will hold,” said a fisheries official who asked not to be named.",
        "A port official, who requested not to be identified, said the quotas would hold.",
    ],
)
def test_a_request_to_stay_unnamed_is_no_statement(run: Run, text: str) -> None:
    doc, atts = run(text)
    contents = [_text(doc, a.content) for a in atts]
    assert any("quotas would hold" in c or c == "The quotas will hold" for c in contents), contents
    assert not [c for c in contents if "named" in c or "identified" in c], contents


# --- a speaking relative clause on a stance verb's object ------------------------------------


def test_a_relative_clause_that_reports_speech_is_no_part_of_the_object(run: Run) -> None:
    doc, atts = run("The council praised the firefighters, who said they were exhausted.")
    said = {_text(doc, a.cue): (_text(doc, a.content), _text(doc, a.source)) for a in atts}
    assert said["praised"][0] == "the firefighters", said
    assert said["said"][0] == "they were exhausted", said


def test_a_relative_clause_that_only_describes_stays_with_the_object(run: Run) -> None:
    doc, atts = run("The council praised the firefighters, who worked through the night.")
    (a,) = atts
    assert _text(doc, a.content) == "the firefighters, who worked through the night"


# --- a noun the parser read as a verb -----------------------------------------------------------


def test_a_noun_modifier_after_according_to_is_part_of_the_source(run: Run) -> None:
    """ "according to show insiders": "show" names the insiders, it is no verb of showing whose
    object is "insiders"; the source is the whole phrase and the clause before it the content."""
    doc, atts = run("As a talk show host, the mayor often insulted his guests, according to show insiders.")
    assert [(_text(doc, a.source), _text(doc, a.cue)) for a in atts] == [("show insiders", "according to")]


def test_an_infinitive_after_to_is_still_a_verb(run: Run) -> None:
    doc, atts = run("The mayor went on to argue that the budget was balanced.")
    assert _contents(doc, atts) == ["the budget was balanced"]


def test_a_day_after_a_particle_is_not_what_was_said(run: Run) -> None:
    """ "weighed in Friday about ...": the parser reads "in Friday" as a phrase; a day is when,
    never what, and a time after the object stays out of it."""
    doc, atts = run("Other councillors weighed in Friday about whether the tapes should be released.")
    assert "Friday" not in _contents(doc, atts)
    doc, atts = run("The governor spoke of a new chapter on Friday.")
    assert _contents(doc, atts) == ["a new chapter"]


@pytest.mark.parametrize("ending", ["He underlined that ", "He stressed that"])
@pytest.mark.parametrize(
    "before",
    [
        "Marta Kline said the ministers would sign the budget deal.",
        "Marta Kline said the ministers back the deal.",
    ],
)
def test_a_that_where_an_excerpt_stops_points_at_nothing(run: Run, before: str, ending: str) -> None:
    doc, atts = run(before + "\n\n" + ending)
    found = [(_text(doc, a.cue), _text(doc, a.content)) for a in atts]
    assert all(cue == "said" for cue, _ in found), found


@pytest.mark.parametrize("pointer", ["that.", "that on Friday."])
def test_a_that_ending_its_sentence_still_points_back(run: Run, pointer: str) -> None:
    doc, atts = run("Oil prices fell sharply overnight. The agency reported " + pointer)
    (a,) = atts
    assert _text(doc, a.content) == "Oil prices fell sharply overnight"
    assert _text(doc, a.source) == "The agency"
