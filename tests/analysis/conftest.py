"""Shared builders for the analysis tests: statements and plan versions written inline."""

from __future__ import annotations

from datetime import date

import pytest
from negotiation_builders import MakeStatement

from redline.model import Span, Speaker, Statement


@pytest.fixture
def statement() -> MakeStatement:
    counter = iter(range(10_000))

    def make(
        text: str,
        speaker: str | None = "Vladimir Putin",
        *,
        actor_id: str | None = None,
        issues: tuple[str, ...] = ("plan_overall",),
        stance: str = "neutral",
        when: str | None = "2025-11-27",
        kind: str = "indirect",
        doc: str = "doc-1",
        sure: float = 1.0,
    ) -> Statement:
        n = next(counter)
        sp = None
        if speaker is not None:
            sp = Speaker(
                speaker, actor_id or speaker.lower().replace(" ", "-"), Span(speaker, 0, len(speaker))
            )
        return Statement(
            id=f"s{n}",
            document_id=doc,
            content=Span(text, n * 100, n * 100 + len(text)),
            kind=kind,
            speaker=sp,
            issues=list(issues),
            stance=stance,  # type: ignore[arg-type]
            date=date.fromisoformat(when) if when else None,
            stance_confidence=sure,
        )

    return make
