"""The negotiation analysis on the seed article's gold statements (issue 4's acceptance case)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from negotiation_builders import EXAMPLES

from redline.analysis.plan_reports import find_reported_changes, reconstruct_version
from redline.analysis.plans import load_plan
from redline.analysis.positions import BalanceSettings, position_matrix
from redline.analysis.timeline import build_timeline
from redline.knowledge.plan_changes import load_change_lexicon
from redline.model import Document, Event, Extraction, Span, Speaker, Statement, stable_id

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
PARTIES = {"Vladimir Putin": "russia", "Sergiy Kyslytsya": "ukraine", "Andriy Yermak": "ukraine"}

pytestmark = pytest.mark.shared


def _gold() -> dict[str, Any]:
    path = SHARED / "seed" / "gold.json"
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing in CI")
        pytest.skip("../shared is absent")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _seed() -> Extraction:
    gold = _gold()
    published = date.fromisoformat(gold["published"])
    statements = [
        Statement(
            id=stable_id("seed", a["start"]),
            document_id="seed",
            content=Span(a["content"], a["start"], a["end"]),
            kind=a["type"],
            issues=list(a["issues"]),
            stance=a["stance"],
            date=published,
            speaker=Speaker(
                a["speaker"],
                a["speaker"].lower().replace(" ", "-"),
                Span(a["speaker_mention"] or a["speaker"], 0, 0),
            ),
        )
        for a in gold["attributions"]
        if not a.get("optional")
    ]
    events = [
        Event(
            id=stable_id("seed", e["text"]),
            document_id="seed",
            type=e["type"],
            trigger=Span(e["text"], 0, 0),
            actors=list(e["actors"]),
            place=e.get("place"),
            planned=bool(e.get("planned")),
            date=date.fromisoformat(e["date"]) if e.get("date") and len(e["date"]) == 10 else None,
        )
        for e in gold["events"]
    ]
    return Extraction(Document("seed", "", published=published), statements, events)


def test_putin_supports_the_plan_and_demands_territory_and_recognition() -> None:
    m = position_matrix(_seed().statements, BalanceSettings(by="actor"))
    stances = {
        col: m.get("Vladimir Putin", col)
        for col in ("plan_overall", "territory", "recognition", "elections_legitimacy")
    }
    assert {col: cell.stance if cell else None for col, cell in stances.items()} == {
        "plan_overall": "support",
        "territory": "support",
        "recognition": "support",
        "elections_legitimacy": "support",
    }
    plan = stances["plan_overall"]
    assert plan is not None and plan.quote.kind == "direct"
    legitimacy = stances["elections_legitimacy"]
    assert legitimacy is not None and "illegitimate" in legitimacy.quote.content.text


def test_kyslytsya_reports_army_cap_and_amnesty_removed() -> None:
    draft = load_plan(EXAMPLES / "draft-28-points.md", plan="peace", label="28-point")
    changes = find_reported_changes(_seed().statements, draft, load_change_lexicon())
    assert {(c.speaker, c.change, c.point) for c in changes} == {
        ("Sergiy Kyslytsya", "removed", "6"),
        ("Sergiy Kyslytsya", "removed", "27"),
    }
    rec = reconstruct_version(draft, changes, label="revised (reported)")
    assert rec.status_of("6") == rec.status_of("27") == "removed"
    assert rec.version.reported


def test_yermak_reports_continued_work_and_party_positions() -> None:
    m = position_matrix(_seed().statements, BalanceSettings(by="party", party_of=PARTIES))
    process = m.get("ukraine", "process")
    assert process is not None and "continue to work" in process.quote.content.text
    assert m.get("ukraine", "military_limits") is not None
    assert "russia" in m.rows


def test_witkoff_trip_is_on_the_timeline() -> None:
    entries = build_timeline([_seed()], actor="Witkoff")
    trip = [e for e in entries if e.kind == "event"]
    assert len(trip) == 1 and "Moscow" in trip[0].text and trip[0].planned
    assert trip[0].date == date(2025, 11, 27)
