"""Quality gate: speaker accuracy on the seed article's gold attributions may not drop below 0.95."""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from redline.extract.nlp import load_nlp
from redline.extract.speakers import SpeakerResolver
from redline.knowledge.actors import load_actors
from redline.model import Speaker

pytestmark = [pytest.mark.model, pytest.mark.shared]

SHARED = Path(os.environ.get("REDLINE_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
FLOOR = 0.95


def _shared() -> Path:
    if not (SHARED / "seed" / "gold.json").exists():
        if os.environ.get("CI"):
            pytest.fail(f"shared data missing at {SHARED}")
        pytest.skip("shared/ is not beside the repository")
    return SHARED


def test_seed_speaker_accuracy() -> None:
    shared = _shared()
    spec = importlib.util.spec_from_file_location("redline_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold: dict[str, Any] = json.loads((shared / "seed" / "gold.json").read_text(encoding="utf-8"))
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    resolver = SpeakerResolver(load_actors())
    doc = load_nlp()(text)
    mentions = resolver.finder.find(doc)
    previous: list[Speaker] = []
    ok = n = 0
    for a in sorted(gold["attributions"], key=lambda a: a["start"]):
        if not a.get("speaker_mention") or a.get("optional"):
            continue
        spots = [
            m.span()
            for m in re.finditer(r"(?<!\w)" + re.escape(a["speaker_mention"]) + r"(?!\w)", text)
            if m.end() <= a["start"] or m.start() >= a["end"] or m.start() == a["start"]
        ]
        source = min(spots, key=lambda p: abs(p[0] - a["start"]) if p[1] > a["start"] else a["start"] - p[1])
        got = resolver.resolve(doc, source, mentions, content=(a["start"], a["end"]), previous=previous)
        assert got is not None
        previous.append(got)
        n += 1
        ok += bool(scorer.same_speaker(a["speaker"], got.name))
    assert n >= 10
    assert ok / n >= FLOOR, f"speaker accuracy {ok}/{n}"
