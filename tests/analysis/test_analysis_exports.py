"""Each negotiation-analysis module declares its public API, and the declaration is complete."""

from __future__ import annotations

import importlib
import inspect

import pytest

MODULES = [
    "align",
    "diff_render",
    "draft_layout",
    "draft_lines",
    "draft_numbering",
    "draft_point",
    "draft_records",
    "linking",
    "negotiation",
    "plan_dicts",
    "plan_records",
    "plan_text",
    "plans",
    "point_sequence",
    "point_tags",
    "positions",
    "plan_reports",
    "repository",
    "structured_plans",
    "shifts",
    "textsim",
    "timeline",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist_and_cover_public_definitions(name: str) -> None:
    module = importlib.import_module(f"redline.analysis.{name}")
    exported = set(module.__all__)
    assert all(hasattr(module, n) for n in exported)
    defined = {
        n
        for n, obj in vars(module).items()
        if not n.startswith("_")
        and (inspect.isfunction(obj) or inspect.isclass(obj))
        and getattr(obj, "__module__", None) == module.__name__
    }
    assert defined <= exported, defined - exported
