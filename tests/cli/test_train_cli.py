"""``redline train``: a user annotates a sample for their own taxonomy and gets weights that the
extractor reads with ``REDLINE_CLASSIFIERS``. Every sentence here was written for these tests
(a fictional fisheries negotiation)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from redline.cli import app
from redline.config import load_settings
from redline.errors import ConfigError, InputError
from redline.knowledge.classifiers import check_taxonomy, load_weights, parse_weights
from redline.knowledge.issues import load_issues

runner = CliRunner()

TAXONOMY = """
name: fishery-talks
issues:
  accord:
    label: The accord as a whole
    proposition: The broker's draft accord is the basis for a fisheries deal.
    generic: true
    terms: [accord, draft, deal]
  quota:
    label: Catch quotas
    proposition: Each fleet keeps a fixed share of the catch.
    terms: [quota, quotas, catch share]
  closures:
    label: Seasonal closures
    proposition: The spawning grounds close every spring.
    terms: [closure, closures, spawning grounds]
"""

ACTORS = """
parties:
  nordmark: Nordmark
  sundby: Sundby
  broker: Harbour Forum
actors:
  - id: mara-voss
    name: Mara Voss
    type: person
    party: nordmark
  - id: olav-brink
    name: Olav Brink
    type: person
    party: sundby
  - id: ines-hald
    name: Ines Hald
    type: person
    party: broker
"""

# (speaker, issue, stance, sentence); the content is the words after "said"
_LINES = [
    ("Mara Voss", "quota", "support", "Mara Voss said the quota was a lifeline for the harbour towns."),
    ("Olav Brink", "quota", "oppose", "Olav Brink said the quota was a noose around the small boats."),
    (
        "Ines Hald",
        "accord",
        "neutral",
        "Ines Hald said the delegations would meet again in Aalvik on Monday.",
    ),
    ("Mara Voss", "closures", "support", "Mara Voss said the spring closure was a lifeline for the cod."),
    ("Olav Brink", "closures", "oppose", "Olav Brink said the spring closure was a noose for the crews."),
    ("Ines Hald", "accord", "neutral", "Ines Hald said the next session would open on Thursday."),
    ("Mara Voss", "accord", "support", "Mara Voss said the draft accord was a lifeline for both coasts."),
    ("Olav Brink", "accord", "oppose", "Olav Brink said the draft accord was a noose for the fleet."),
    ("Ines Hald", "quota", "neutral", "Ines Hald said the quota tables would be printed by Friday."),
    ("Mara Voss", "quota", "support", "Mara Voss said the catch share was a lifeline for young skippers."),
    ("Olav Brink", "quota", "oppose", "Olav Brink said the catch share was a noose for old skippers."),
    ("Ines Hald", "closures", "neutral", "Ines Hald said the map of the spawning grounds was ready."),
]
UNSEEN = "Olav Brink said the new quota was a noose for the northern ports."


def _sample() -> list[dict[str, Any]]:
    """Two statements a document, as a user annotates them: the content as it stands in the text."""
    docs = []
    for n in range(0, len(_LINES), 2):
        pair = _LINES[n : n + 2]
        text = " ".join(line for *_, line in pair)
        attributions = []
        for speaker, issue, stance, line in pair:
            content = line.split(" said ", 1)[1].rstrip(".")
            attributions.append(
                {"speaker": speaker, "content": content, "issues": [issue], "stance": stance, "cue": "said"}
            )
        docs.append(
            {
                "id": f"f{n // 2 + 1}",
                "published": "2026-05-0" + str(n // 2 + 1),
                "text": text,
                "attributions": attributions,
            }
        )
    return docs


@pytest.fixture(scope="module")
def fishery(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    where = tmp_path_factory.mktemp("fishery")
    paths = {
        "issues": where / "issues.yaml",
        "actors": where / "actors.yaml",
        "sample": where / "sample.jsonl",
    }
    paths["issues"].write_text(TAXONOMY, encoding="utf-8")
    paths["actors"].write_text(ACTORS, encoding="utf-8")
    paths["sample"].write_text("".join(json.dumps(d) + "\n" for d in _sample()), encoding="utf-8")
    yield paths


def _env(fishery: dict[str, Path], **extra: str) -> dict[str, str]:
    return {"REDLINE_ISSUES": str(fishery["issues"]), "REDLINE_ACTORS": str(fishery["actors"]), **extra}


@pytest.fixture(scope="module")
def trained(fishery: dict[str, Path]) -> tuple[Path, dict[str, Any]]:
    """The command run once on the sample, with a two-fold cross-validation; the model tags issues."""
    pytest.importorskip("sklearn")
    out = fishery["sample"].parent / "weights.json"
    result = runner.invoke(
        app,
        [
            "train",
            str(fishery["sample"]),
            "--out",
            str(out),
            "--folds",
            "2",
            "--format",
            "json",
            "--issues",
            "model",
        ],
        env=_env(fishery),
    )
    assert result.exit_code == 0, result.output
    return out, json.loads(result.stdout)


@pytest.mark.model
def test_train_writes_weights_that_record_the_taxonomy(trained: tuple[Path, dict[str, Any]]) -> None:
    out, report = trained
    raw = json.loads(out.read_text(encoding="utf-8"))
    assert raw["taxonomy"] == {"name": "fishery-talks", "issues": ["accord", "quota", "closures"]}
    weights = load_weights(out)
    assert weights is not None and weights.taxonomy == "fishery-talks"
    assert set(weights.issues.classes) == {"accord", "quota", "closures"}
    assert report["documents"] == 6 and report["statements"] == 12
    assert report["stances"] == {"neutral": 4, "oppose": 4, "support": 4}
    # six documents are too few to learn from, and the command says so
    assert report["warning"].startswith("the sample is small (6 documents, 8 statements that take a side)")
    for variant in ("rules", "model", "rules_issues"):
        figures = report["cross_validation"][variant]
        assert 0.0 <= figures["issue_f1"] <= 1.0 and figures["positions"] > 0


@pytest.mark.model
def test_the_trained_weights_change_what_extraction_reads(
    trained: tuple[Path, dict[str, Any]], fishery: dict[str, Path]
) -> None:
    out, _ = trained
    before = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=UNSEEN, env=_env(fishery))
    after = runner.invoke(
        app,
        ["extract", "-", "--format", "jsonl"],
        input=UNSEEN,
        env=_env(fishery, REDLINE_CLASSIFIERS=str(out)),
    )
    assert before.exit_code == 0 and after.exit_code == 0, before.output + after.output
    (rules,) = json.loads(before.stdout)["statements"]
    (learned,) = json.loads(after.stdout)["statements"]
    assert rules["stance"] == "neutral"  # "a noose" is no word the rules know
    assert learned["stance"] == "oppose"  # the sample taught it
    # the extractor's version names the knowledge in use: other weights, another version
    assert json.loads(before.stdout)["extractor"] != json.loads(after.stdout)["extractor"]


@pytest.mark.model
def test_issues_can_stay_with_the_rules(
    trained: tuple[Path, dict[str, Any]], fishery: dict[str, Path]
) -> None:
    out, _ = trained
    rules_out = out.parent / "rules-issues.json"
    result = runner.invoke(
        app,
        ["train", str(fishery["sample"]), "--out", str(rules_out), "--folds", "0", "--issues", "rules"],
        env=_env(fishery),
    )
    assert result.exit_code == 0, result.output
    assert json.loads(rules_out.read_text(encoding="utf-8"))["combine"]["model_issues"] is False

    def explained(weights: Path) -> dict[str, Any]:
        run = runner.invoke(
            app,
            ["extract", "-", "--format", "jsonl", "--explain"],
            input=UNSEEN,
            env=_env(fishery, REDLINE_CLASSIFIERS=str(weights)),
        )
        assert run.exit_code == 0, run.output
        (statement,) = json.loads(run.stdout)["statements"]
        return dict(statement["explain"])

    assert explained(out)["issues"]["decided_by"].startswith("model")
    kept = explained(rules_out)
    assert kept["issues"]["decided_by"] == "rule"
    assert kept["stance"]["decided_by"] != "rule"  # the stance is still the models'


@pytest.mark.model
def test_weights_for_another_taxonomy_are_refused(trained: tuple[Path, dict[str, Any]]) -> None:
    out, _ = trained
    result = runner.invoke(
        app, ["extract", "-", "--format", "jsonl"], input=UNSEEN, env={"REDLINE_CLASSIFIERS": str(out)}
    )
    assert result.exit_code == 2
    assert "trained for the issues accord, quota, closures ('fishery-talks')" in result.stderr
    assert "REDLINE_ISSUES" in result.stderr


def test_check_taxonomy_names_both_taxonomies() -> None:
    raw = {
        "format": 1,
        "taxonomy": {"name": "fishery-talks", "issues": ["quota"]},
        "combine": {
            "issue_threshold": 0.4,
            "issue_floor": 0.2,
            "max_issues": 2,
            "neutral_factor": 0.5,
            "rule_floor": 0.1,
            "rule_sure": [],
        },
        "issues": {"classes": ["quota"], "dims": 16, "bias": [0.0], "weights": {}},
        "stance": {"classes": ["neutral", "oppose"], "dims": 16, "bias": [0.0, 0.0], "weights": {}},
    }
    weights = parse_weights(raw)
    with pytest.raises(ConfigError) as err:
        check_taxonomy(weights, load_issues(), "w.json")
    assert "trained for the issues quota ('fishery-talks')" in str(err.value)
    assert "the taxonomy in use" in str(err.value)


def test_the_setting_reads_a_path() -> None:
    settings = load_settings(env={"REDLINE_CLASSIFIERS": "/tmp/mine.json"})
    assert settings.classifiers == Path("/tmp/mine.json")
    assert load_settings(env={}).classifiers is None


def test_the_fingerprint_follows_the_weights_file(tmp_path: Path) -> None:
    from redline.extract.pipeline import knowledge_fingerprint

    path = tmp_path / "w.json"
    path.write_text('{"a": 1}', encoding="utf-8")
    settings = load_settings(env={"REDLINE_CLASSIFIERS": str(path)})
    first = knowledge_fingerprint(settings)
    assert first != knowledge_fingerprint(load_settings(env={}))
    path.write_text('{"a": 2}', encoding="utf-8")
    assert knowledge_fingerprint(settings) != first


def test_without_scikit_learn_the_command_names_the_extra(
    fishery: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # what an install without the extra has (a submodule imported before would still be found)
    for name in ["sklearn", *(n for n in sys.modules if n.startswith("sklearn."))]:
        monkeypatch.setitem(sys.modules, name, None)
    import redline

    for name in ("training", "train_sample"):  # imported before: as if never
        monkeypatch.delitem(sys.modules, f"redline.{name}", raising=False)
        monkeypatch.delattr(redline, name, raising=False)
    out = fishery["sample"].parent / "never.json"
    result = runner.invoke(app, ["train", str(fishery["sample"]), "--out", str(out)], env=_env(fishery))
    assert result.exit_code == 2
    assert "pip install 'redline[train]'" in result.stderr
    assert not out.exists()


def test_the_sample_is_checked_before_training(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from redline.train_sample import check_issues, read_sample

    doc = {
        "text": "Mara Voss said the quota was fair.",
        "attributions": [
            {
                "content": "the quota was fair",
                "speaker": "Mara Voss",
                "issues": ["quota"],
                "stance": "support",
            }
        ],
    }
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([doc, {**doc, "id": "second"}]), encoding="utf-8")
    docs = read_sample([listed])
    assert [d["id"] for d in docs] == ["list-1", "second"]
    assert docs[0]["attributions"][0]["start"] == 15
    with pytest.raises(InputError, match="'quota' is not an issue of the taxonomy"):
        check_issues(docs, ("territory", "nato"))
    moved = tmp_path / "moved.jsonl"
    moved.write_text(json.dumps({**doc, "attributions": [{**doc["attributions"][0], "start": 3}]}) + "\n")
    with pytest.raises(InputError, match="is not in the text"):
        read_sample([moved])
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps([{**doc, "id": "a"}, {**doc, "id": "a"}]), encoding="utf-8")
    with pytest.raises(InputError, match="document id 'a' is used twice"):
        read_sample([twice])
    odd = tmp_path / "odd.jsonl"
    odd.write_text(json.dumps({**doc, "attributions": [{**doc["attributions"][0], "stance": "pro"}]}) + "\n")
    with pytest.raises(InputError, match="stance 'pro' is not one of"):
        read_sample([odd])
