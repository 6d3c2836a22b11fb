"""Locating ../shared (seed, PolNeAR, scorer) for benchmark scripts; never copied into the repo."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def require_shared() -> Path:
    if not SHARED.is_dir():
        sys.exit(f"benchmarks need {SHARED} (seed, PolNeAR, scorer); it is not there")
    return SHARED


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
