"""Quality gate on the bundled example corpus (2025 talks): the whole extractor against expected.json.

The corpus ships with the project, so this gate needs only the spaCy model. It scores with
benchmarks/_examples_score.py, which follows ../shared/eval/score.py's rules; where ../shared is
present a second test checks that both scorers give the same figures. Floors sit a little under
what benchmarks/examples_eval.py measured when they were set; a change may not lower them silently.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from redline.examples import corpus_path, gold_documents
from redline.model import Document

from .conftest import shared_dir

pytestmark = pytest.mark.model

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return gold_documents()


@pytest.fixture(scope="module")
def system(extractor: Any, gold: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    wanted = {d["id"] for d in gold}
    docs = []
    for line in corpus_path().read_text(encoding="utf-8").splitlines():
        if line.strip() and (r := json.loads(line))["id"] in wanted:
            published = date.fromisoformat(r["published"]) if r.get("published") else None
            docs.append(Document(id=r["id"], text=r["text"], published=published, outlet=r.get("outlet")))
    return {x.document.id: x.to_dict()["statements"] for x in extractor.extract(docs)}


def test_example_corpus_figures(gold: list[dict[str, Any]], system: dict[str, list[dict[str, Any]]]) -> None:
    scorer = _module(BENCHMARKS / "_examples_score.py", "redline_examples_score")
    r = scorer.score_documents(gold, system)
    # measured 2026-11-25: P 0.922, R 0.967, F1 0.944, speaker 0.99, issues 0.791, stance 0.708
    assert r["attribution"]["f1"] >= 0.92, r["attribution"]
    assert r["attribution"]["p"] >= 0.90, r["attribution"]
    assert r["attribution"]["r"] >= 0.94, r["attribution"]
    assert r["speaker_accuracy_on_matched"] >= 0.96, r
    # 0.770 -> 0.769 with the first-named-issue features (talks CV issue F1 0.679 -> 0.691,
    # every fold up): one issue on these 8 articles against 12 points on 149. 0.761 on
    # 2026-12-05 after retraining on this session's extraction (talks CV issue F1 0.695 both
    # times): one statement's issue moves this figure by about 0.007, so the floor is 0.755
    assert r["issues"]["f1"] >= 0.755, r["issues"]
    assert r["stance_accuracy"] >= 0.68, r


@pytest.mark.shared
def test_our_scorer_agrees_with_the_shared_one(
    gold: list[dict[str, Any]], system: dict[str, list[dict[str, Any]]]
) -> None:
    shared = _module(shared_dir() / "eval" / "score.py", "redline_shared_score")
    ours = _module(BENCHMARKS / "_examples_score.py", "redline_examples_score")
    lines = [json.dumps({"document": {"id": k}, "statements": v}) for k, v in system.items()]
    theirs = shared.score({d["id"]: d for d in gold}, lines)
    mine = ours.score_documents(gold, system)
    for key in ("attribution", "issues"):
        assert {k: theirs[key][k] for k in mine[key]} == mine[key]
    for key in ("speaker_accuracy_on_matched", "stance_accuracy", "stance_n"):
        assert theirs[key] == mine[key]
