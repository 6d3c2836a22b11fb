"""The declared public API stays in step with what the package exports, both ways, and stays light."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import redline
from fakes import make_fake
from test_ingest import corpus

ROOT = Path(__file__).resolve().parents[1]
# what a Python user needs to do what the CLI does: extract, store, correct, re-extract, filter
ENTRY_POINTS = {"extract", "ingest", "reprocess", "correct", "read_sources", "Store", "StatementFilter"}
RECORDS = {"Actor", "Document", "Event", "Extraction", "PlanVersion", "Point", "Span", "Speaker", "Statement"}


@pytest.mark.parametrize("name", sorted(set(redline.__all__) - {"__version__"}))
def test_every_declared_name_is_importable_and_documented(name: str) -> None:
    value = getattr(redline, name)
    assert inspect.getdoc(value), f"redline.{name} has no docstring"


def test_nothing_public_is_left_undeclared() -> None:
    assert set(redline.__all__) >= ENTRY_POINTS | RECORDS
    exported = {
        n for n in dir(redline) if not n.startswith("_") and not inspect.ismodule(getattr(redline, n))
    }
    assert exported <= set(redline.__all__), exported - set(redline.__all__)


def test_entry_points_named_like_modules_are_both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``redline.ingest`` and ``redline.extract`` are modules (attributes, monkeypatching, submodules
    work as usual) that can be called as the entry points they are named after."""
    import redline.extract.pipeline  # binds the package on ``redline``, as any import order may
    import redline.extraction
    import redline.ingest as ingest_module

    assert ingest_module is sys.modules["redline.ingest"] and redline.ingest.IngestReport
    assert redline.extract.pipeline.Extractor

    calls: list[object] = []
    monkeypatch.setattr(redline.extraction, "extract", lambda items: calls.append(items) or ["done"])
    assert redline.extract("Some text.") == ["done"] and calls == ["Some text."]

    with redline.Store.open(f"sqlite:///{tmp_path / 'api.db'}") as store:
        report = redline.ingest(corpus(3), store, redline.Settings(batch_size=2), extractor_factory=make_fake)
        assert isinstance(report, redline.IngestReport) and report.stored == 3
        assert store.stale_claim_actors() == set()  # claims kept current by the library


def test_import_redline_loads_neither_spacy_nor_a_database_driver() -> None:
    code = (
        "import sys, redline; redline.Document, redline.Statement; "
        "print(sorted(m for m in ('spacy', 'sqlalchemy', 'fastapi', 'dask') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == "[]"


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError):
        redline.no_such_thing  # noqa: B018
