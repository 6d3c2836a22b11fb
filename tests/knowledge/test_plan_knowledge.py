from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import ConfigError
from redline.knowledge.issue_terms import load_issue_terms
from redline.knowledge.plan_changes import load_change_lexicon


def test_packaged_change_lexicon() -> None:
    lexicon = load_change_lexicon()
    assert lexicon.change_of("Nixing") == "removed"
    assert lexicon.change_of("watered  down") == "modified"
    assert lexicon.change_of("added") == "added"
    assert lexicon.change_of("said") is None


def test_change_lexicon_rejects_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("removed: [dropped]\nrenamed: [renamed]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="expected a mapping with keys"):
        load_change_lexicon(path)
    path.write_text("removed: dropped\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="removed: expected a list of words"):
        load_change_lexicon(path)


def test_issue_terms_in_taxonomy_shape(tmp_path: Path) -> None:
    path = tmp_path / "issues.yaml"
    path.write_text(
        "settings: {min_score: 2}\nissues:\n"
        "  territory:\n    pax: [StBor]\n    terms: {Donbas: 2, line: 0.5}\n",
        encoding="utf-8",
    )
    terms = load_issue_terms(path)
    assert terms is not None
    assert terms.terms == {"territory": {"Donbas": 2.0, "line": 0.5}} and terms.min_score == 2.0
    assert terms.pax == {"territory": ["StBor"]}


def test_issue_terms_with_a_bad_weight(tmp_path: Path) -> None:
    path = tmp_path / "issues.yaml"
    path.write_text("territory: {terms: {Donbas: heavy}}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a number"):
        load_issue_terms(path)
