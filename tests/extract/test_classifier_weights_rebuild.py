"""Retraining on ../shared/data/talks reproduces the shipped weights byte for byte: the file in
the package is what ``scripts/train_classifiers.py`` makes, nothing hand-edited or stale."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from redline.knowledge import packaged
from redline.knowledge.classifiers import WEIGHTS_FILE

pytestmark = [pytest.mark.model, pytest.mark.shared]

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_classifiers.py"


def test_retraining_reproduces_the_shipped_weights(shared: Path, tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("train_classifiers", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_classifiers"] = module
    spec.loader.exec_module(module)
    out = tmp_path / WEIGHTS_FILE
    assert module.main(["--talks", str(shared / "data" / "talks"), "--out", str(out)]) == 0
    assert out.read_bytes() == packaged(WEIGHTS_FILE).read_bytes()
