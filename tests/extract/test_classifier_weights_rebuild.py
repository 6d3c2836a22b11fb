"""Retraining on ../shared/data/talks reproduces the shipped weights byte for byte: the file in
the package is what ``scripts/train_classifiers.py`` makes, nothing hand-edited or stale."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from redline.knowledge import packaged
from redline.knowledge.classifiers import WEIGHTS_FILE

pytestmark = [pytest.mark.model, pytest.mark.shared]


def test_retraining_reproduces_the_shipped_weights(shared: Path, tmp_path: Path, trainer: ModuleType) -> None:
    module = trainer
    out = tmp_path / WEIGHTS_FILE
    assert module.main(["--talks", str(shared / "data" / "talks"), "--out", str(out)]) == 0
    assert out.read_bytes() == packaged(WEIGHTS_FILE).read_bytes()
