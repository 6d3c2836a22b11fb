"""Speakers on the fifteenth news batch's remaining classes (session 31, issue 10), through the
whole extractor, on sentences written for these tests: colon crossheads and sub-headlines, chains
of sources ("A told B that C had said ..., according to D"), delegations and ministers named for
their bloc. Each class has a near miss that must keep its old reading."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.extract.headlines import headline_end
from redline.model import Document, Extraction, Statement

pytestmark = pytest.mark.model


def _extract(extractor: Any, text: str) -> Extraction:
    result: Extraction = extractor.extract_one(Document(id="c", text=text, published=date(2027, 3, 2)))
    return result


def _found(extraction: Extraction, start: str) -> list[Statement]:
    return [s for s in extraction.statements if s.content.text.startswith(start)]


def _speaker(extraction: Extraction, start: str) -> str | None:
    found = _found(extraction, start)
    assert len(found) == 1, [(s.content.text, s.speaker and s.speaker.name) for s in extraction.statements]
    return found[0].speaker.name if found[0].speaker else None


# colon crossheads and sub-headlines


CROSSHEAD = (
    "Harbour talks resume in April\n\n"
    "The Kremlin's deputy spokesman, Pavel Orlov, said on Monday that the talks would resume in "
    'April. "We are patient people," he said.\n\n'
    'US officials: the timetable "is still open"\n\n'
    "A US official said the two sides had agreed on the venue."
)


def test_a_crosshead_labelled_by_a_sides_officials_is_theirs(extractor: Any) -> None:
    extraction = _extract(extractor, CROSSHEAD)
    label = _found(extraction, "the timetable")
    assert len(label) == 1
    assert label[0].speaker is not None and label[0].speaker.name == "anonymous US official"
    assert label[0].kind == "mixed"


def test_a_quote_inside_a_crosshead_is_not_the_previous_speakers(extractor: Any) -> None:
    extraction = _extract(extractor, CROSSHEAD)
    assert not _found(extraction, "is still open")


def test_a_sentence_case_heading_names_no_one(extractor: Any) -> None:
    text = (
        "Harbour talks resume in April\n\n"
        "The Kremlin said on Monday that the talks would resume in April.\n\n"
        "Next steps: the timetable is still open\n\n"
        "Russian sources: the venue is not yet fixed"
    )
    extraction = _extract(extractor, text)
    assert not _found(extraction, "the timetable")
    assert _speaker(extraction, "the venue") == "anonymous Russian official"


def test_a_sub_headline_the_body_quotes_again_is_the_quoted_persons(extractor: Any) -> None:
    text = (
        'Madrid: "We will not trade the coast for a pause"\n\n'
        "Lisbon Daily | 3 March 2027\n\n"
        "In Madrid, the chief negotiator, Rosa Ibarra, said the coast was not for sale. "
        '"We will not trade the coast for a pause," she said.'
    )
    extraction = _extract(extractor, text)
    speakers = {s.speaker.name for s in _found(extraction, "We will not trade") if s.speaker}
    assert speakers == {"Rosa Ibarra"}


def test_a_sub_headline_the_body_does_not_repeat_keeps_its_state(extractor: Any) -> None:
    text = (
        'Madrid: "The coast is not for sale, today or ever"\n\n'
        "Lisbon Daily | 3 March 2027\n\n"
        '"We will not trade anything for a pause," the chief negotiator, Rosa Ibarra, said.'
    )
    assert _speaker(_extract(extractor, text), "The coast is not") == "Spain"


def test_a_headline_body_is_the_aide_the_story_quotes(extractor: Any) -> None:
    text = (
        "Envoy says harbour round 'close', Kremlin urges calm\n\n"
        "OSLO (Fjord Wire) - The US envoy, Dale Horan, said on Monday the round was close.\n\n"
        '"Haste makes bad treaties," Kremlin aide Boris Zotov told reporters in Moscow.'
    )
    assert _speaker(_extract(extractor, text), "calm") == "Boris Zotov"


def test_a_headline_body_the_story_quotes_itself_stays_the_body(extractor: Any) -> None:
    text = (
        "Kremlin: no truce until the harbour is handed over\n\n"
        "Fjord Wire | 3 March 2027\n\n"
        "The Kremlin said on Monday that Russia would not agree to a truce until the harbour was "
        'handed over. "Not before. After," the Kremlin\'s deputy spokesman, Pavel Orlov, told '
        'reporters. Orlov said the handover could take "thirty days."'
    )
    assert _speaker(_extract(extractor, text), "no truce") == "Kremlin"


# chains of sources


CHAIN = (
    "Envoy told ministers Moscow would give up the port, officials say\n\n"
    "By Ana Lee | The Ledger | 2 March 2027\n\n"
    "LISBON - A senior American negotiator told European ministers last week that Russia's chief "
    "negotiator had privately said Moscow could hand the port to an international operator, "
    "according to two European officials familiar with the briefing.\n\n"
    'The officials said the American, deputy envoy Tom Ridley, had described the offer as "serious."\n\n'
    "Russia's chief negotiator, Pavel Sorokin, denied the account on Tuesday. \"I have said nothing "
    'of the kind," he told an agency.'
)


def test_each_link_of_a_chain_is_its_own_sources(extractor: Any) -> None:
    extraction = _extract(extractor, CHAIN)
    assert _speaker(extraction, "A senior American negotiator told") == "anonymous European official"
    assert _speaker(extraction, "Russia's chief negotiator had privately said") == "Tom Ridley"
    assert _speaker(extraction, "Moscow could hand the port") == "Pavel Sorokin"


def test_the_relaying_officials_are_taken_up_again(extractor: Any) -> None:
    assert _speaker(_extract(extractor, CHAIN), "the American, deputy envoy") == "anonymous European official"


def test_an_office_never_given_a_name_is_still_the_listed_holder(extractor: Any) -> None:
    text = (
        "A Dutch diplomat told reporters that Russia's chief negotiator had said Moscow could hand "
        "the port to an operator, according to two officials briefed on the talks."
    )
    extraction = _extract(extractor, text)
    assert _speaker(extraction, "Moscow could hand") == "Vladimir Medinsky"
    assert _speaker(extraction, "Russia's chief negotiator had said") == "anonymous Dutch official"


def test_a_single_report_under_according_to_keeps_one_content(extractor: Any) -> None:
    text = "The harbour deal was close, the envoy said, according to two diplomats."
    extraction = _extract(extractor, text)
    assert not _found(extraction, "The harbour deal was close, the envoy said")


# delegations and ministers of a bloc


def test_a_states_delegation_is_named_as_the_guide_names_it(extractor: Any) -> None:
    text = (
        'Ukraine\'s delegation said in a statement that it had "no objection to a second round." '
        "It repeated that the coast was not for sale. The Russian delegation said the venue suited it. "
        "The Kiev team said it wanted more time. The US delegation said the talks would last three days."
    )
    extraction = _extract(extractor, text)
    assert _speaker(extraction, "it had") == "Ukrainian delegation"
    assert _speaker(extraction, "the coast was not") == "Ukrainian delegation"
    assert _speaker(extraction, "the venue suited") == "Russian delegation"
    assert _speaker(extraction, "it wanted more time") == "Ukrainian delegation"
    assert _speaker(extraction, "the talks would last") == "US delegation"


def test_the_head_or_a_member_of_a_delegation_is_no_delegation(extractor: Any) -> None:
    text = (
        "Head of the Russian delegation Vladimir Medinsky said the venue suited him. "
        "A member of the Russian delegation said the mood was calm."
    )
    extraction = _extract(extractor, text)
    assert _speaker(extraction, "the venue suited") == "Vladimir Medinsky"
    assert _speaker(extraction, "the mood was calm") == "anonymous Russian official"


def test_a_member_of_the_delegation_named_before_is_of_its_side(extractor: Any) -> None:
    text = (
        "Ukraine's delegation did not hold a news conference. A member of the delegation, who asked "
        "not to be named, said Kyiv wanted a shorter agenda."
    )
    assert _speaker(_extract(extractor, text), "Kyiv wanted") == "anonymous Ukrainian official"


def test_a_member_of_a_body_with_no_side_is_an_unnamed_source(extractor: Any) -> None:
    text = "The harbour board met on Monday. A member of the board said the vote was close."
    assert _speaker(_extract(extractor, text), "the vote was close") == "unnamed sources"


def test_ministers_of_a_bloc_take_the_blocs_short_name(extractor: Any) -> None:
    text = (
        "Finance ministers of the Group of Seven said in a communique on Saturday that the reserves "
        'would stay frozen. The communique states that the ministers "take note of the proposal." '
        "Germany's finance minister, Klara Voss, said Berlin was in no hurry."
    )
    extraction = _extract(extractor, text)
    assert _speaker(extraction, "the reserves would stay") == "G7 finance ministers"
    assert _speaker(extraction, "the ministers") == "G7 finance ministers"
    assert _speaker(extraction, "Berlin was in no hurry") == "Klara Voss"


# a colon headline that names its speaker by role


def test_a_colon_headlines_role_is_the_person_the_story_names_in_it(extractor: Any) -> None:
    text = (
        "Trade envoy: relief 'is a ladder, and Moscow has not climbed the first rung'\n\n"
        "Harbour Journal | Interviews | 20 March 2027\n\n"
        "Anna Berg, the European Union's special envoy for trade, spent an hour with us on Monday. "
        'She said relief would come "one rung at a time." The first rung is a ceasefire.'
    )
    assert _speaker(_extract(extractor, text), "relief 'is a ladder") == "Anna Berg"


def test_the_owner_of_a_speech_after_a_headlines_quote_is_its_speaker(extractor: Any) -> None:
    text = (
        "'We will not buy calm with someone else's coast': EU envoy's Riga speech\n\n"
        "By Sam Roe | Baltic Daily | 5 March 2027\n\n"
        "RIGA - The European Union's special envoy for the harbour talks, Greta Lind, used a speech "
        "at the Riga Forum on Monday to set out her terms. In the central passage, she said:\n\n"
        '"We will not buy calm with someone else\'s coast. The coast stays where it is."'
    )
    headline = [s for s in _found(_extract(extractor, text), "We will not buy calm") if s.content.start < 60]
    assert len(headline) == 1
    assert headline[0].speaker is not None and headline[0].speaker.name == "Greta Lind"


def test_a_colon_headlines_role_no_one_in_the_story_holds_stays_unnamed(extractor: Any) -> None:
    text = (
        "Trade envoy: relief 'is a ladder, and Moscow has not climbed the first rung'\n\n"
        "Harbour Journal | 20 March 2027\n\n"
        "Anna Berg, the mayor of the port town, said on Monday that the harbour would reopen. "
        "The first ships are due in April."
    )
    assert _speaker(_extract(extractor, text), "relief 'is a ladder") != "Anna Berg"


@pytest.mark.parametrize(
    ("text", "end"),
    [
        # a first paragraph that ends on the colon introducing a quotation is running text
        (
            "Envoy sets out terms\n\n"
            'In the central passage of her speech on Monday, the envoy said:\n\n"No."',
            len("Envoy sets out terms\n"),
        ),
        # so is one whose last sentence ends inside quote marks, after a sentence break
        (
            "Envoy sets out terms\n\n"
            'The envoy spoke for an hour. She said relief would come "slowly."\nMore.',
            len("Envoy sets out terms\n"),
        ),
        # a long headline with an abbreviation in it is still a headline
        (
            "U.S. envoy says the harbour round is closer than ever, Kremlin urges calm\n"
            "The envoy said on Monday that the round in Oslo was closer than any since the spring.",
            len("U.S. envoy says the harbour round is closer than ever, Kremlin urges calm\n"),
        ),
    ],
)
def test_an_opening_paragraph_is_no_headline(text: str, end: int) -> None:
    assert headline_end(text) == end


# a body's social-media account


def test_a_bodys_account_writes_as_the_body(extractor: Any) -> None:
    text = (
        "Reactions online\n\n"
        "The Foreign Office's Spanish-language account wrote that the draft was \"a basis for talks, "
        'not a treaty." "Nothing is agreed until everything is agreed," the post added.'
    )
    extraction = _extract(extractor, text)
    assert _speaker(extraction, "the draft was") == "Foreign Office"
    assert _speaker(extraction, "Nothing is agreed") == "Foreign Office"


def test_an_account_no_one_owns_is_not_the_body_named_before(extractor: Any) -> None:
    text = (
        "Reactions online\n\nThe Foreign Office said on Monday that it was studying the text. "
        "An anonymous account wrote that the draft was a basis for talks."
    )
    found = _found(_extract(extractor, text), "the draft was")
    assert all(s.speaker is None or s.speaker.name != "Foreign Office" for s in found)
