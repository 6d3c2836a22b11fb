"""Fixtures of the extraction tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

from attribution_spans import Attributed, attributed_by


@pytest.fixture(scope="session")
def attributed(nlp: Language) -> Attributed:
    """Attributions of a text as the words they span (``attribution_spans.Spanned``)."""
    return attributed_by(nlp)


TRAINER = Path(__file__).resolve().parents[2] / "scripts" / "train_classifiers.py"


@pytest.fixture(scope="session")
def trainer() -> ModuleType:
    """``scripts/train_classifiers.py`` as a module (it is a script, not part of the package)."""
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("train_classifiers", TRAINER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_classifiers"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def training() -> ModuleType:
    """``redline.training``, the fitting both the script and ``redline train`` call (needs sklearn)."""
    pytest.importorskip("sklearn")
    import redline.training

    return redline.training
