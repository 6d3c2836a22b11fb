"""Locating ../shared (seed, PolNeAR, scorer) for benchmark scripts; never copied into the repo."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def find_shared(given: str | None = None) -> Path:
    """``given``, else $REDLINE_SHARED, else ../shared beside the checkout (or beside a git
    worktree's folder): the first that holds the scorer."""
    env = os.environ.get("REDLINE_SHARED")
    for p in (given, env, ROOT / ".." / "shared", ROOT / ".." / ".." / "shared"):
        if p and (Path(p) / "eval" / "score.py").exists():
            return Path(p).resolve()
    return (ROOT / ".." / "shared").resolve()


SHARED = find_shared()


def require_shared(given: str | None = None) -> Path:
    shared = find_shared(given)
    if not shared.is_dir():
        sys.exit(
            f"benchmarks need {shared} (seed, PolNeAR, talks, scorer): "
            "pass --shared PATH or set REDLINE_SHARED"
        )
    return shared


def load_module(name: str, path: Path) -> ModuleType:
    """A script outside the package (the shared scorer, the training script) as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses in the module look themselves up here
    spec.loader.exec_module(module)
    return module


def load_scorer(shared: Path | None = None) -> ModuleType:
    """../shared/eval/score.py, the reference scorer every quality figure comes from."""
    return load_module("redline_shared_score", (shared or require_shared()) / "eval" / "score.py")


def seed_documents() -> list[dict[str, object]]:
    shared = require_shared()
    gold = json.loads((shared / "seed" / "gold.json").read_text(encoding="utf-8"))
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    return [{"id": gold["id"], "text": text, "published": gold["published"], "title": None, "outlet": None}]


def polnear_documents(split: str = "dev") -> list[dict[str, object]]:
    folder = require_shared() / "data" / "polnear" / "derived" / "score_gold" / split
    out = []
    for f in sorted(folder.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        out.append(
            {
                "id": d["id"],
                "text": d["text"],
                "published": d.get("published"),
                "title": None,
                "outlet": d.get("outlet"),
            }
        )
    return out


def as_date(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None
