"""The actor knowledge base: folding, lookups, layering of user files, validation messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import ConfigError
from redline.knowledge.actors import ActorBase, fold, load_actors, name_key
from redline.model import Actor


@pytest.fixture(scope="module")
def kb() -> ActorBase:
    return load_actors()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zelensky", "Zelenskyy"),
        ("Zelenskiy", "ZELENSKY"),
        ("Kyslytsya", "Kyslytsia"),
        ("Kyslytsya", "Kislitsa"),
        ("Sergiy", "Serhiy"),
        ("Sergii", "Sergiy"),
        ("Yermak", "Iermak"),
        ("Erdoğan", "Erdogan"),
        ("Orbán", "Orban"),
        ("Zelensky’s", "Zelensky's"),
    ],
)
def test_fold_merges_transliterations(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Putin", "Peskov"), ("Lavrov", "Rubio"), ("Merz", "Meloni"), ("Tusk", "Trump")]
)
def test_fold_keeps_different_names_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Volodymyr Zelenskyy", "volodymyr-zelensky"),
        ("Zelenskiy", "volodymyr-zelensky"),
        ("Serhii Kyslytsia", "sergiy-kyslytsya"),
        ("Sergey Kislitsa", "sergiy-kyslytsya"),
        ("Iermak", "andriy-yermak"),
        ("the Kremlin", "kremlin"),
        ("U.S.", "united-states"),
        ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
        ("von der Leyen", "ursula-von-der-leyen"),
        ("Witkoff", "steve-witkoff"),
    ],
)
def test_lookup_by_alias_and_surname(kb: ActorBase, text: str, actor_id: str) -> None:
    found = kb.lookup(text)
    assert found is not None and found.id == actor_id


@pytest.mark.parametrize(
    ("title", "actor_id"),
    [
        ("the Russian leader", "vladimir-putin"),
        ("Russia's president", "vladimir-putin"),
        ("the president of Russia", "vladimir-putin"),
        ("Ukraine's top negotiator", "rustem-umerov"),
        ("the Kremlin spokesman", "dmitry-peskov"),
        ("the US envoy", "steve-witkoff"),
        ("the Ukrainian president", "volodymyr-zelensky"),
        ("NATO chief", "mark-rutte"),
    ],
)
def test_unambiguous_titles_name_one_actor(kb: ActorBase, title: str, actor_id: str) -> None:
    found = kb.by_title(title)
    assert found is not None and found.id == actor_id


@pytest.mark.parametrize(
    ("title", "actor_id"),
    [
        ("the foreign ministry in Moscow", "russian-foreign-ministry"),
        ("the presidential office in Kyiv", "ukrainian-presidential-office"),
        ("the Russian foreign ministry", "russian-foreign-ministry"),
    ],
)
def test_a_body_is_named_by_the_capital_it_sits_in(kb: ActorBase, title: str, actor_id: str) -> None:
    found = kb.by_title(title)
    assert found is not None and found.id == actor_id


def test_a_person_is_not_named_by_the_capital_they_serve_in(kb: ActorBase) -> None:
    # Russia's envoy to the UN is "Russia's UN ambassador"; "the UN ambassador in Moscow" is
    # whoever represents the UN there
    assert kb.by_title("Russia's UN ambassador") is not None
    assert kb.by_title("UN ambassador in Moscow") is None


def test_the_presidential_office_speaks_under_the_guides_label(kb: ActorBase) -> None:
    # the guide names bodies by their state's adjective ("Ukrainian Foreign Ministry"); the
    # formal name still finds the office
    office = kb.lookup("Office of the President of Ukraine")
    assert office is not None and office.name == "Ukrainian presidential office"


@pytest.mark.parametrize("title", ["the president", "Kremlin aide", "the prime minister", "envoy"])
def test_shared_titles_name_nobody(kb: ActorBase, title: str) -> None:
    assert kb.lookup(title) is None
    assert len(kb.with_title(title)) > 1


def test_packaged_base_covers_the_negotiation(kb: ActorBase) -> None:
    for surname in [
        "Putin",
        "Peskov",
        "Lavrov",
        "Ushakov",
        "Dmitriev",
        "Medinsky",
        "Zakharova",
        "Shoigu",
        "Zelensky",
        "Yermak",
        "Umerov",
        "Kyslytsya",
        "Sybiha",
        "Budanov",
        "Syrskyi",
        "Svyrydenko",
        "Trump",
        "Witkoff",
        "Kushner",
        "Rubio",
        "Vance",
        "Driscoll",
        "Kellogg",
        "Hegseth",
        "Leavitt",
        "Macron",
        "Starmer",
        "Merz",
        "Meloni",
        "Tusk",
        "Stubb",
        "Erdogan",
        "Orbán",
        "von der Leyen",
        "Kallas",
        "Costa",
        "Rutte",
        "Guterres",
        "Xi",
    ]:
        assert len(kb.by_alias(surname)) == 1, surname
    for org in [
        "Kremlin",
        "Russian Foreign Ministry",
        "Russia",
        "Ukraine",
        "Ukrainian government",
        "United States",
        "White House",
        "State Department",
        "Pentagon",
        "EU",
        "European Commission",
        "NATO",
        "UN",
        "G7",
        "Coalition of the willing",
    ]:
        assert len(kb.by_alias(org)) == 1, org
    persons = [a for a in kb if a.type == "person"]
    assert all(a.gender in {"m", "f"} for a in persons)
    assert kb.get("kaja-kallas") is not None and kb.get("kaja-kallas").gender == "f"  # type: ignore[union-attr]


def test_user_file_overrides_and_adds(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(  # coverage of the same talks: the packaged actors kept, one replaced, one added
        "keep_packaged_actors: true\n"
        "actors:\n"
        "  - id: dmitry-peskov\n    name: Dmitry S. Peskov\n    type: person\n    gender: m\n"
        "    aliases: [Peskov]\n    titles: [chief Kremlin spokesman]\n    affiliation: kremlin\n"
        "  - id: oksana-markarova\n    name: Oksana Markarova\n    type: person\n    gender: f\n"
        "    aliases: [Markarova]\n    titles: [Ukrainian ambassador to the US]\n    affiliation: ukraine\n"
        "    party: ukraine\n    country: UKR\n",
        encoding="utf-8",
    )
    kb = load_actors([user])
    assert kb.actors["dmitry-peskov"].name == "Dmitry S. Peskov"
    assert kb.by_title("Kremlin spokesman") is None  # the packaged titles were replaced
    found = kb.lookup("Markarova")
    assert found is not None and found.id == "oksana-markarova"
    assert len(kb) == len(load_actors()) + 1


def test_other_talks_declare_their_own_parties(tmp_path: Path) -> None:
    user = tmp_path / "river.yaml"
    user.write_text(
        "parties:\n  upstream_state: Upstream State\n  delta_league: Delta League\n"
        "actors:\n  - id: lena-ostrova\n    name: Lena Ostrova\n    party: upstream_state\n"
        "  - id: delta-league\n    name: Delta League\n    type: organization\n    party: delta_league\n",
        encoding="utf-8",
    )
    kb = load_actors([user])
    assert kb.party_of(kb.get("lena-ostrova")) == "upstream_state"
    assert kb.party_of(kb.get("russia")) == "russia"  # the packaged parties stay, with the states


def test_a_party_nobody_declared_is_named_with_the_ones_that_exist(tmp_path: Path) -> None:
    user = tmp_path / "typo.yaml"
    user.write_text("actors:\n  - id: x\n    name: X\n    party: untied_states\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_actors([user])
    assert "'party' is 'untied_states'" in str(err.value)
    assert "united_states" in str(err.value) and "parties" in str(err.value)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("actors:\n  - id: Bad Id\n    name: X\n", "'id' must be a lowercase slug"),
        ("parties: [hamas]\nactors: []\n", "'parties' must map party ids"),
        ("parties:\n  Big Side: Big\nactors: []\n", "'parties' must map party ids"),
        ("actors:\n  - id: x\n    name: X\n    type: company\n", "'type' is 'company'"),
        ("actors:\n  - id: x\n    name: X\n    wikidata: 7747\n", "'wikidata' is 7747"),
        ("actors:\n  - id: x\n    name: X\n    nickname: Y\n", "unknown field(s): nickname"),
        ("actors:\n  - id: x\n", "'name' is required"),
        ("actors:\n  - id: x\n    name: X\n    affiliation: atlantis\n", "affiliation 'atlantis'"),
        ("actors: [\n", "invalid YAML"),
        ("- just\n- a list\n", "expected a mapping"),
    ],
)
def test_invalid_user_file_says_where_and_what(tmp_path: Path, body: str, message: str) -> None:
    user = tmp_path / "broken.yaml"
    user.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_actors([user])
    assert message in str(err.value)
    assert "broken.yaml" in str(err.value)


def test_invalid_entry_is_named_by_position_and_id(tmp_path: Path) -> None:
    user = tmp_path / "broken.yaml"
    user.write_text(
        "actors:\n  - id: ok\n    name: Ok\n  - id: second\n    name: S\n    gender: x\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"actor #2 \('second'\).*'gender' is 'x'"):
        load_actors([user])


def test_missing_user_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="actor file not found"):
        load_actors([tmp_path / "absent.yaml"])


def test_build_without_files() -> None:
    kb = ActorBase.build([Actor(id="a-b", name="Anna Bell", gender="f", titles=["town mayor"])])
    assert kb.lookup("Bell") is not None
    assert kb.by_title("the town mayor") is not None


def test_packaged_identifiers_are_unique(kb: ActorBase) -> None:
    qids = [a.wikidata for a in kb if a.wikidata]
    assert len(qids) == len(set(qids))
    assert kb.get("vladimir-putin").wikidata == "Q7747"  # type: ignore[union-attr]
    names = [fold(a.name) for a in kb]
    assert len(names) == len(set(names))


def test_given_names_tell_gender_and_never_both(kb: ActorBase) -> None:
    assert kb.given_name_gender("Olena") == "f"
    assert kb.given_name_gender("Serhiy") == "m"
    assert kb.given_name_gender("Zelensky") is None
    assert kb.word_gender("spokeswoman") == "f"


def test_duplicate_id_in_one_file_is_an_error(tmp_path: Path) -> None:
    user = tmp_path / "dupes.yaml"
    user.write_text("actors:\n  - id: a\n    name: A\n  - id: a\n    name: B\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"dupes.yaml: actor #2: id 'a' appears twice"):
        load_actors([user])


def test_by_surname(kb: ActorBase) -> None:
    assert [a.id for a in kb.by_surname("Kislitsa")] == ["sergiy-kyslytsya"]
    assert kb.by_surname("Kremlin") == ()
    assert kb.by_surname("Vladimir Putin") == ()


def test_name_key_keeps_names_in_other_scripts_apart() -> None:
    assert name_key("Serhiy Kyslytsya") == name_key("Sergiy Kyslytsia") == fold("Sergiy Kyslytsia")
    assert name_key("Олександр Коваль") == "олександр коваль"
    assert name_key("Олександр Коваль") != name_key("Марія Коваль")
    assert name_key("") == ""


def test_back_reference_nouns_come_from_the_knowledge_files(kb: ActorBase) -> None:
    # "The agency said" takes up an outlet, "the coalition" a group, "a spokeswoman for X" speaks as X
    assert {"agency", "broadcaster"} <= kb.media_nouns
    assert {"coalition", "bloc"} <= kb.group_nouns
    assert kb.generic_group_nouns <= kb.group_nouns
    assert "coalition" not in kb.generic_group_nouns
    assert "spokeswoman" in kb.speaks_for
    assert "official" not in kb.speaks_for
    bare = ActorBase.build([Actor(id="a-b", name="Anna Bell")])
    assert not bare.media_nouns and not bare.speaks_for


def test_back_references_must_map_known_kinds_to_lists() -> None:
    from redline.knowledge.actors import _back_references

    assert _back_references({"media": ["agency"]}, Path("names.yaml")) == {"media": ["agency"]}
    for bad in ({"media": "agency"}, {"outlets": ["agency"]}, ["agency"]):
        with pytest.raises(ConfigError, match="back_references"):
            _back_references(bad, Path("names.yaml"))
