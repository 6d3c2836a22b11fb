"""Speaker regressions from the second reading of real news (issue 10), through the whole
extractor, on sentences written for these tests: a dateline is never the speaker nor part of
what was said, and a pronoun far from any mention goes on with the speaker in focus."""

from __future__ import annotations

from typing import Any

import pytest

from news_extraction import extract, only

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "ERBIL (Courier) – Foreign Ministry spokesperson Maria Zakharova denied that Moscow got the plan.",
        "TIANJIN, China - Russian President Vladimir Putin said on Monday that the ferry talks were useful.",
    ],
)
def test_a_dateline_is_not_the_speaker(extractor: Any, text: str) -> None:
    statement = extract(extractor, text).statements[0]
    assert statement.speaker is not None
    assert statement.speaker.name in {"Maria Zakharova", "Vladimir Putin"}
    assert statement.speaker.mention.text[:1] not in {"E", "T"} or " " in statement.speaker.mention.text


def test_a_dateline_is_not_part_of_the_content(extractor: Any) -> None:
    text = "OSLO, Oct 10 - The ferry dispute is settled, a senior Norwegian official said on Friday."
    statement = only(extract(extractor, text), "The ferry dispute")
    assert statement.content.text == "The ferry dispute is settled"


def test_an_upper_case_speaker_is_not_a_dateline(extractor: Any) -> None:
    statement = extract(extractor, "NATO said the drills would go ahead in March.").statements[0]
    assert statement.speaker is not None and statement.speaker.name == "NATO"
    assert statement.content.text == "the drills would go ahead in March"


def test_a_pronoun_far_from_any_mention_keeps_the_speaker_in_focus(extractor: Any) -> None:
    text = (
        "Friedrich Merz said the harbour deal was close. The port handles most of the grain. "
        "Ships wait for days at the gates. The canal is too narrow for the new tankers. "
        "Dredging would take two years. Costs have doubled since the spring. "
        "As for the tariffs, he maintains that they will fall next year."
    )
    statement = only(extract(extractor, text), "they will fall")
    assert statement.speaker is not None and statement.speaker.name == "Friedrich Merz"


def test_a_headline_state_is_the_one_person_the_body_quotes(extractor: Any) -> None:
    text = (
        "Russia says ferry corridor must stay open\n\n"
        "Foreign Ministry spokeswoman Maria Zakharova said on Monday that the corridor must stay open "
        "until the spring. She added that talks would resume in Geneva."
    )
    statements = extract(extractor, text).statements
    headline = [s for s in statements if s.content.text.startswith("ferry corridor")]
    assert len(headline) == 1, [s.content.text for s in statements]
    assert headline[0].speaker is not None and headline[0].speaker.name == "Maria Zakharova"
    assert headline[0].speaker.mention.text == "Russia"


def test_a_headline_state_stays_when_the_body_quotes_several_people(extractor: Any) -> None:
    text = (
        "Russia says ferry corridor must stay open\n\n"
        "Foreign Ministry spokeswoman Maria Zakharova said on Monday that the corridor must stay open. "
        "Kremlin spokesman Dmitry Peskov said that talks would resume in Geneva."
    )
    statements = extract(extractor, text).statements
    headline = [s for s in statements if s.content.text.startswith("ferry corridor")]
    assert headline and headline[0].speaker is not None and headline[0].speaker.name == "Russia"


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("The deal is close, the news agency Interfax reported.", "Interfax"),
        ("The ferry deal is close, the Norwegian newspaper Dagbladet reported on Monday.", "Dagbladet"),
    ],
)
def test_a_media_phrase_ending_in_a_name_is_that_outlet(extractor: Any, text: str, outlet: str) -> None:
    statement = extract(extractor, text).statements[0]
    assert statement.speaker is not None and statement.speaker.name == outlet


def test_local_media_stay_unnamed(extractor: Any) -> None:
    statement = extract(extractor, "The ferry deal is close, local media reported.").statements[0]
    assert statement.speaker is not None and statement.speaker.name == "unnamed media reports"


def test_an_outlet_after_its_verb_is_not_content(extractor: Any) -> None:
    text = "“The summit was useful,” he said, reported state news agency TASS."
    contents = [s.content.text for s in extract(extractor, text).statements]
    assert contents == ["The summit was useful"]


def test_a_name_the_parser_hung_on_the_content_still_speaks(extractor: Any) -> None:
    text = (
        "Minister Ivan Petrov will fly to Oslo on Monday for a meeting with the envoy Jan Berg, "
        "Norwegian Ambassador to the United States Olga Hansen said."
    )
    statement = extract(extractor, text).statements[0]
    assert statement.speaker is not None and statement.speaker.name == "Olga Hansen"


@pytest.mark.parametrize("pronoun", ["who", "that"])
def test_a_bare_relative_word_is_never_a_speaker_name(extractor: Any, pronoun: str) -> None:
    text = (
        f"Nobody knows {pronoun} wrote the ferry plan. The mayor met the governor, "
        "who said the ferries would run."
    )
    names = [s.speaker.name for s in extract(extractor, text).statements if s.speaker is not None]
    assert pronoun not in [n.lower() for n in names], names
    assert "governor" in names


def test_a_repeated_definite_description_is_the_person_in_focus(extractor: Any) -> None:
    text = (
        "NATO Secretary General Mark Rutte said today that the ferry talks would go on. However, the "
        "Dutch leader avoided predicting whether a deal would come soon. Although he welcomed the plan, "
        "he acknowledged the need to draw the port authority in."
        " The Dutch leader said the allies were united."
    )
    names = {s.content.text: s.speaker.name for s in extract(extractor, text).statements if s.speaker}
    assert names.get("the allies were united") == "Mark Rutte", names
    assert names.get("the need to draw the port authority in") == "Mark Rutte", names


def test_an_outlet_named_in_its_own_phrase_takes_up_no_earlier_outlet(extractor: Any) -> None:
    text = (
        "Reuters said the ferry talks were over. "
        "The Harbour Courier news agency reported that they had resumed."
    )
    statement = only(extract(extractor, text), "they had resumed")
    assert statement.speaker is not None
    assert statement.speaker.name == "Harbour Courier news agency"


def test_a_known_outlet_after_a_place_word_is_that_outlet(extractor: Any) -> None:
    text = "Reuters said the ferry talks were over. Later, the US outlet Axios said that they had resumed."
    statement = only(extract(extractor, text), "they had resumed")
    assert statement.speaker is not None and statement.speaker.name == "Axios"


def test_the_agency_still_takes_up_the_outlet_named_last(extractor: Any) -> None:
    text = "Reuters said the ferry talks were over. The agency later said that they had resumed."
    statement = only(extract(extractor, text), "they had resumed")
    assert statement.speaker is not None and statement.speaker.name == "Reuters"


def test_a_bare_title_before_a_name_is_that_names_title_not_the_one_before(extractor: Any) -> None:
    text = (
        "Umerov will meet the envoy Jan Berg, Norwegian Ambassador to the United States Olga Hansen "
        "said. Hansen met Berg in Oslo. The ambassador also said that the ports would stay open."
    )
    statement = only(extract(extractor, text), "the ports would stay open")
    assert statement.speaker is not None and statement.speaker.name == "Olga Hansen"


def test_an_apposition_with_an_article_still_describes_the_name_before(extractor: Any) -> None:
    text = "Umerov will meet Jan Berg, the Norwegian envoy, in Oslo. The envoy said the ports would open."
    statement = only(extract(extractor, text), "the ports would open")
    assert statement.speaker is not None and statement.speaker.name == "Jan Berg"
