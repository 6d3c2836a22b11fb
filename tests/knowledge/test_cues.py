"""The cue lexicon loader: packaged defaults, user files and strict validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import ConfigError
from redline.knowledge.cues import CueLexicon, load_cues, parse_cues


def test_packaged_lexicon_loads_with_core_cues() -> None:
    cues = load_cues()
    assert isinstance(cues, CueLexicon)
    assert cues.verb_kind("say") == "speech"
    assert cues.verb_kind("said") is None  # lemmas, not inflections
    assert cues.verb_kind("think") is None  # the guide's policy: thoughts report no speech
    assert load_cues(policy={"mental_states": True}).verb_kind("think") == "belief"
    assert ("according", "to") in cues.prepositional
    assert ("“", "”") in cues.quote_pairs
    assert "reporter" in cues.audience
    assert "about" in cues.prep_verbs["talk"]
    assert 0.0 < cues.confidence_of("speech") <= 1.0
    assert "be" in cues.copulas
    assert "of" in cues.predicates["critical"]
    assert not cues.passive_raising_verbs  # the guide's policy: "is expected to" names no source
    assert "expect" in load_cues(policy={"sourceless_statements": True}).passive_raising_verbs
    assert "update" in cues.label_exclusions
    assert "for" in cues.prep_nouns["support"]
    # "a readout issued by the ministry" names its maker; "published by" names the outlet
    assert "issue" in cues.document_makers and "publish" not in cues.document_makers


def test_yaml_booleans_do_not_sneak_in() -> None:
    # "on" is a YAML 1.1 boolean unless quoted: the lexicon must keep it as a word
    cues = load_cues()
    assert "on" in cues.directive_particles
    assert "on" in cues.prep_verbs["comment"]


def test_a_file_without_policy_flags_keeps_every_cue_it_lists() -> None:
    cues = parse_cues({"verbs": {"belief": ["think"]}, "raising_verbs": ["seem"], "attitude_verbs": ["like"]})
    assert cues.mental_states and cues.sourceless_statements
    assert cues.verb_kind("think") == "belief" and "seem" in cues.raising_verbs


def test_policy_flags_drop_thoughts_attitudes_and_sourceless_cues() -> None:
    data = {
        "verbs": {"speech": ["say", "insist"], "belief": ["insist", "think"]},
        "object_verbs": ["like", "endorse"],
        "raising_verbs": ["seem"],
        "attitude_verbs": ["like"],
        "mental_states": False,
        "sourceless_statements": False,
    }
    cues = parse_cues(data)
    assert cues.verb_kind("insist") == "speech"  # a speech verb stays one
    assert cues.verb_kind("think") is None
    assert cues.object_verbs == frozenset({"endorse"})
    assert not cues.raising_verbs
    with pytest.raises(ConfigError):
        parse_cues({**data, "mental_states": "no"})


def test_first_kind_wins_for_a_lemma_listed_twice() -> None:
    cues = parse_cues({"verbs": {"speech": ["insist"], "belief": ["insist", "think"]}})
    assert cues.verb_kind("insist") == "speech"
    assert cues.verb_kind("think") == "belief"


def test_lexicon_is_immutable() -> None:
    cues = load_cues()
    with pytest.raises(AttributeError):
        cues.audience = frozenset()  # type: ignore[misc]
    with pytest.raises(TypeError):
        cues.verb_kinds["say"] = "belief"  # type: ignore[index]


def test_user_file(tmp_path: Path) -> None:
    f = tmp_path / "cues.yaml"
    f.write_text("verbs:\n  speech: [declare]\nprepositional: [according to]\n", encoding="utf-8")
    cues = load_cues(f)
    assert cues.verb_kind("declare") == "speech"
    assert cues.verb_kind("say") is None


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ([], "mapping"),
        ({"verbs": {"gossip": ["say"]}}, "unknown verb kinds"),
        ({"verbs": {"speech": "say"}}, "list of non-empty strings"),
        ({"nouns": [""]}, "list of non-empty strings"),
        ({"quote_pairs": [["“"]]}, "pair of marks"),
        ({"confidence": {"speech": 2}}, "in [0, 1]"),
        ({"confidence": {"rumour": 0.5}}, "unknown cue kind"),
        ({"prep_verbs": ["talk"]}, "prep_verbs"),
    ],
)
def test_invalid_lexicon_says_what_is_wrong(data: object, fragment: str) -> None:
    with pytest.raises(ConfigError, match=r".*") as info:
        parse_cues(data, where="test.yaml")
    assert fragment in str(info.value)
    assert "test.yaml" in str(info.value)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cue lexicon not found"):
        load_cues(tmp_path / "absent.yaml")


def test_invalid_yaml_is_a_config_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("verbs: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_cues(f)
