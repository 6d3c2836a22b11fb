"""Whom a source speaks for: actors, joint labels, unnamed and collective sources, media.

These read names and phrases only (no spaCy model): the same rules read the labels the
extractor writes, so "anonymous US official" reads back to the United States.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.knowledge.actors import ActorBase, fold_token, load_actors


@pytest.fixture(scope="module")
def kb() -> ActorBase:
    return load_actors()


@pytest.mark.parametrize(
    ("phrase", "name", "party"),
    [
        ("a US official", "anonymous US official", "united_states"),
        ("two senior U.S. officials", "anonymous US official", "united_states"),
        ("U.S. intelligence officials", "anonymous US official", "united_states"),
        ("an American diplomat", "anonymous US official", "united_states"),
        ("a senior Ukrainian official", "anonymous Ukrainian official", "ukraine"),
        ("Ukrainian negotiators", "anonymous Ukrainian official", "ukraine"),
        ("a Kremlin aide", "anonymous Russian official", "russia"),
        ("sources in Moscow", "anonymous Russian official", "russia"),
        ("a spokesperson for the European Commission", "anonymous EU official", "eu"),
        ("Italian officials", "anonymous Italian official", "europe"),
        ("Western officials", "anonymous Western official", "europe"),
        ("multiple current and former Polish officials", "anonymous Polish official", "europe"),
        ("European leaders", "European leaders", "europe"),
        ("the Hungarian government", "Hungarian government", "europe"),
        ("European capitals", "Europe", "europe"),  # a title of the Europe actor
        ("NATO allies", "NATO allies", "nato"),
    ],
)
def test_unnamed_and_collective_sources_have_a_side(
    kb: ActorBase, phrase: str, name: str, party: str
) -> None:
    found = kb.affiliation(phrase)
    assert found is not None, phrase
    assert (found.name, found.party) == (name, party)


@pytest.mark.parametrize(
    ("phrase", "actor_id", "party"),
    [
        ("Moscow", "russia", "russia"),
        ("Kyiv", "ukraine", "ukraine"),
        ("Kiev", "ukraine", "ukraine"),
        ("Washington", "united-states", "united_states"),
        ("the E3", "e3", "europe"),
        ("Kremlin", "kremlin", "russia"),
        ("Friedrich Merz", "friedrich-merz", "europe"),
    ],
)
def test_actors_and_capitals(kb: ActorBase, phrase: str, actor_id: str, party: str) -> None:
    found = kb.affiliation(phrase)
    assert found is not None and found.actor_id == actor_id
    assert found.party == party


@pytest.mark.parametrize(
    "phrase", ["Reuters", "TASS", "unnamed media reports", "local media", "Russian state media"]
)
def test_media_are_a_kind_without_party(kb: ActorBase, phrase: str) -> None:
    found = kb.affiliation(phrase)
    assert found is not None, phrase
    assert (found.kind, found.party) == ("media", None)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("people familiar with the talks", "unnamed sources"),
        ("a source close to the matter", "unnamed sources"),
        ("Reuters sources", "unnamed sources"),  # sources an outlet cites are not the outlet
        ("the source cited by the agency", "unnamed sources"),
    ],
)
def test_sources_without_a_side(kb: ActorBase, phrase: str, name: str) -> None:
    found = kb.affiliation(phrase)
    assert found is not None, phrase
    assert (found.name, found.party) == (name, None)
    assert found.kind != "media"


@pytest.mark.parametrize(
    ("phrase", "party"),
    [
        ("France, Germany and the United Kingdom", "europe"),
        ("Russia and Ukraine", None),
        ("US and Ukrainian officials", None),
        ("Ukraine's allies", None),  # a possessor is not the side of its allies
        ("Kyiv's Western allies", "europe"),
    ],
)
def test_joint_labels_have_a_side_only_when_shared(kb: ActorBase, phrase: str, party: str | None) -> None:
    found = kb.affiliation(phrase)
    assert (found.party if found else None) == party
    if party is not None:
        assert found is not None and found.name == phrase


@pytest.mark.parametrize("phrase", ["a former US official", "the people", "the weather", "gestures"])
def test_no_side(kb: ActorBase, phrase: str) -> None:
    found = kb.affiliation(phrase)
    assert found is None or found.party is None


def test_offices_give_a_party_and_nationality_does_not(kb: ActorBase) -> None:
    assert kb.role_party(["Slovak", "prime", "minister"]) == "europe"
    assert kb.role_party(["Russian", "deputy", "foreign", "minister"]) == "russia"
    assert kb.role_party(["Russian", "political", "analyst"]) is None
    assert kb.role_party(["former", "Ukrainian", "president"]) is None


def test_acronyms_keep_doubled_letters() -> None:
    assert fold_token("UNN") != fold_token("UN")
    assert fold_token("Kyslytsya") == fold_token("Kysslytsya")  # names still fold


def test_a_user_file_adds_regions_and_actors(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "collectives:\n  regions:\n    Nordic: europe\n"
        "actors:\n  - {id: daily-planet, name: Daily Planet, type: media}\n",
        encoding="utf-8",
    )
    kb = load_actors([path])
    nordic = kb.affiliation("Nordic diplomats")
    assert nordic is not None and (nordic.name, nordic.party) == ("anonymous Nordic official", "europe")
    planet = kb.affiliation("the Daily Planet")
    assert planet is not None and (planet.kind, planet.party) == ("media", None)
    assert kb.affiliation("Italian officials") is not None  # the packaged groups are kept


@pytest.mark.parametrize(
    ("phrase", "name", "party"),
    [
        ("reports from Ukrainian officials", "anonymous Ukrainian official", "ukraine"),
        ("a report by two senior US officials", "anonymous US official", "united_states"),
        ("reports from Kremlin aides", "anonymous Russian official", "russia"),
    ],
)
def test_a_report_from_named_people_is_their_word(kb: ActorBase, phrase: str, name: str, party: str) -> None:
    found = kb.affiliation(phrase)
    assert found is not None and (found.name, found.party) == (name, party)


@pytest.mark.parametrize(
    "phrase", ["a report from Kyiv", "a report from the BBC", "reports in the Russian press"]
)
def test_a_report_from_a_place_or_an_outlet_stays_media(kb: ActorBase, phrase: str) -> None:
    found = kb.affiliation(phrase)
    assert found is not None and (found.kind, found.party) == ("media", None)


def test_a_group_named_for_a_coalition_reads_back_to_the_coalition(kb: ActorBase) -> None:
    # the label the extractor writes for "leaders from the Coalition of the Willing" must read back
    for phrase in ("leaders from the Coalition of the Willing", "Coalition of the willing leaders"):
        found = kb.affiliation(phrase)
        assert found is not None and (found.name, found.party) == (
            "Coalition of the willing leaders",
            "europe",
        )
    # a head word inside an outlet's name still makes the phrase media when nothing else heads it
    media = kb.affiliation("several news organizations, including The Associated Press")
    assert media is not None and media.kind == "media"


@pytest.mark.parametrize(
    "phrase",
    [
        "mayors of villages along the Belarusian border",
        "farmers near the border with Russia",
        "governors on the Polish frontier",
    ],
)
def test_a_place_beside_a_border_locates_people_and_gives_no_side(kb: ActorBase, phrase: str) -> None:
    # "mayors along the Russian border" were read as Russia's: the place said where they are
    assert kb.role_party(phrase.split()) is None
    found = kb.collective(phrase.split(), phrase)
    assert found is None or found.party is None


@pytest.mark.parametrize(
    ("phrase", "party"),
    [
        ("Ukrainian mayors on the Polish frontier", "ukraine"),
        ("European diplomats in Moscow", "europe"),
        ("Russian officials in Berlin", "russia"),
        ("diplomats in Moscow", "russia"),  # no side named before the head: the place gives it
    ],
)
def test_a_side_named_before_the_head_wins_over_where_the_people_are(
    kb: ActorBase, phrase: str, party: str
) -> None:
    words = phrase.split()
    found = kb.collective(words, phrase)
    assert (found.party if found is not None else kb.role_party(words)) == party
