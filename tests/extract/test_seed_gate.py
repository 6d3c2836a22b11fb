"""Quality gate on the seed article: issues, stance and events may not silently get worse.

The figures come from benchmarks/issues_eval.py; the floors sit a little under what the
lexicon reaches today (issue F1 1.0, stance accuracy 1.0) so that a change that lowers them
has to lower the floor too, in plain sight.
"""

from __future__ import annotations

import importlib.util
import json
import os
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISSUE_F1_FLOOR = 0.95
STANCE_FLOOR = 0.9

pytestmark = pytest.mark.shared


def _shared() -> Path:
    for candidate in (ROOT / ".." / "shared", ROOT / ".." / ".." / "shared"):
        if (candidate / "seed" / "gold.json").is_file():
            return candidate
    if os.environ.get("CI"):
        pytest.fail("../shared/seed is missing in CI")
    pytest.skip("../shared is not available")


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("issues_eval", ROOT / "benchmarks" / "issues_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_issue_and_stance_floors() -> None:
    gold = _shared() / "seed" / "gold.json"
    tp, fp, fn, n, ok = _benchmark().evaluate(gold, verbose=False)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= ISSUE_F1_FLOOR
    assert n and ok / n >= STANCE_FLOOR


@pytest.mark.model
def test_seed_events_are_found(nlp: Any) -> None:
    from redline.extract.events import EventFinder
    from redline.knowledge.events import load_events

    seed = _shared() / "seed"
    gold: dict[str, Any] = json.loads((seed / "gold.json").read_text(encoding="utf-8"))
    text = (seed / "article.txt").read_text(encoding="utf-8")
    events = EventFinder(load_events()).find(nlp(text), date.fromisoformat(gold["published"]), [], "seed")
    for want in gold["events"]:
        start = text.find(want["text"])
        found = [
            e
            for e in events
            if e.type == want["type"] and start <= e.trigger.start < start + len(want["text"])
        ]
        assert found, want
        event = found[0]
        assert event.planned == want.get("planned", False)
        if want["date"] and len(want["date"]) == 10:
            assert event.date == date.fromisoformat(want["date"])
        elif want["date"]:
            assert event.date is not None and event.date.year == int(want["date"])
        else:
            assert event.date is None
