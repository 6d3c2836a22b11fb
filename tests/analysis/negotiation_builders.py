"""Paths and plan builders shared by the negotiation-analysis tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from redline.model import PlanVersion, Point, Statement

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "plans"
FIXTURES = ROOT / "tests" / "fixtures"

MakeStatement = Callable[..., Statement]


def version(label: str, texts: list[str], plan: str = "p") -> PlanVersion:
    return PlanVersion(plan=plan, label=label, points=[Point(str(i + 1), t) for i, t in enumerate(texts)])
