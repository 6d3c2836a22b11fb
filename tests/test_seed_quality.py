"""Quality gate: the seed article and PolNeAR dev through the whole extractor, scored by the shared scorer.

Floors are the issue's acceptance figures; a change may not lower them silently.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from redline.model import Document

pytestmark = [pytest.mark.model, pytest.mark.shared]


def scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("redline_shared_score", shared / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def figures(shared: Path, extractor: Any, docs: list[Document], gold: Path) -> dict[str, Any]:
    score = scorer(shared)
    lines = [json.dumps(e.to_dict()) for e in extractor.extract(docs)]
    result: dict[str, Any] = score.score(score.load_gold([gold]), lines)
    return result


def test_seed_figures(shared: Path, extractor: Any) -> None:
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    doc = Document(id="seed", text=text, published=date(2025, 11, 27))
    r = figures(shared, extractor, [doc], shared / "seed" / "gold.json")
    assert r["attribution"]["f1"] >= 0.95, r
    assert r["speaker_accuracy_on_matched"] >= 0.95, r
    assert r["issues"]["f1"] >= 0.8, r
    assert r["stance_accuracy"] >= 0.8, r


def test_polnear_dev_figures(shared: Path, tmp_path: Path) -> None:
    """PolNeAR is scored under its own annotation policy: it counts attitudes, words no one is
    named as saying, and a quotation split by its cue as one (``cues.yaml`` policy flags)."""
    from redline.config import Settings
    from redline.extract.pipeline import Extractor
    from redline.knowledge import read_yaml
    from redline.knowledge.cues import DEFAULT_CUES

    lexicon = dict(read_yaml(DEFAULT_CUES, "cue lexicon"))
    lexicon.update(merge_split_quotes=True, mental_states=True, sourceless_statements=True)
    cues = tmp_path / "polnear_cues.yaml"
    cues.write_text(json.dumps(lexicon), encoding="utf-8")  # JSON is YAML
    extractor = Extractor.load(Settings(cues=cues))
    folder = shared / "data" / "polnear" / "derived" / "score_gold" / "dev"
    docs = []
    for f in sorted(folder.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        docs.append(Document(id=d["id"], text=d["text"]))
    r = figures(shared, extractor, docs, folder)
    assert r["missing_documents"] == []
    assert r["attribution"]["f1"] >= 0.75, r["attribution"]
    assert r["speaker_accuracy_on_matched"] >= 0.85, r
