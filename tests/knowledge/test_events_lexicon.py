"""The packaged event lexicon and the loader's validation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from redline.errors import ConfigError
from redline.knowledge.events import load_events, parse_events

TYPES = {
    "visit",
    "meeting",
    "talks",
    "proposal",
    "statement",
    "legal_action",
    "attack",
    "ceasefire",
    "prisoner_exchange",
    "sanction",
}


def test_packaged_lexicon_covers_every_event_type() -> None:
    lexicon = load_events()
    assert {t.name for t in lexicon.types} == TYPES
    assert "will" in lexicon.planned_aux


def test_phrases_are_split_into_words() -> None:
    statement = next(t for t in load_events().types if t.name == "statement")
    assert ("speak", "to", "reporter") in statement.phrases


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"types": {}}, "non-empty"),
        ({"types": {"visit": {"verbs": []}}}, "no triggers"),
        ({"types": {"visit": {"verbs": "visit"}}}, "types.visit.verbs"),
        ({"types": {"visit": {"verbs": ["go"], "colour": 1}}}, "unknown key(s) colour"),
        ({"types": {"visit": {"object_verbs": ["go"]}}}, "no objects"),
        ({"types": {"visit": {"verbs": ["go"], "object_role": "time"}}}, "object_role"),
        ({"types": {"Visit": {"verbs": ["go"]}}}, "lower_snake_case"),
        ({"types": {"visit": {"verbs": ["go"]}}, "extra": 1}, "unknown key(s) extra"),
    ],
)
def test_invalid_lexicons_are_named(doc: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse_events(doc, "events.yaml")
    assert message in str(err.value)
    assert "events.yaml" in str(err.value)


def test_user_lexicon_file(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(
        yaml.safe_dump({"types": {"vote": {"verbs": ["vote"], "inherit_subject": False}}}), "utf-8"
    )
    (vote,) = load_events(path).types
    assert vote.verbs == ("vote",)
    assert not vote.inherit_subject
    with pytest.raises(ConfigError, match="not found"):
        load_events(tmp_path / "missing.yaml")
