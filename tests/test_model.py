"""The extraction contract reads back into the records it was written from."""

from __future__ import annotations

import json
from datetime import date

import pytest

from redline.model import Document, Event, Extraction, Span, Speaker, Statement


def _extraction() -> Extraction:
    doc = Document(id="d1", text="", url="https://example.org/a", title="Talks", published=date(2025, 11, 24))
    said = Statement(
        id="s1",
        document_id="d1",
        content=Span("the talks in Geneva would resume", 31, 63),
        kind="indirect",
        speaker=Speaker(
            "The envoy", "envoy-1", Span("The envoy", 0, 9), party="united_states", kind="person"
        ),
        cue=Span("said", 10, 14),
        issues=["talks_process"],
        stance="support",
        date=date(2025, 11, 24),
        confidence=0.75,
        extractor="redline/9",
        stance_confidence=0.62,
    )
    unattributed = Statement(
        id="s2",
        document_id="d1",
        content=Span("Delegations met", 65, 80),
        kind="direct",
        extractor="redline/9",
    )
    met = Event(
        id="e1",
        document_id="d1",
        type="meeting",
        trigger=Span("met", 77, 80),
        actors=["Delegations"],
        actor_ids=[None],
        place="Geneva",
        date=date(2025, 11, 24),
        date_precision="day",
        extractor="redline/9",
    )
    return Extraction(doc, [said, unattributed], [met], extractor="redline/9")


def test_from_dict_inverts_to_dict() -> None:
    ex = _extraction()
    assert Extraction.from_dict(json.loads(json.dumps(ex.to_dict()))) == ex


def test_a_record_that_is_not_an_extraction_is_refused() -> None:
    with pytest.raises(KeyError):
        Extraction.from_dict({"statements": []})
    with pytest.raises(ValueError, match="no content"):
        Extraction.from_dict({"document": {"id": "d"}, "statements": [{"id": "s", "content": None}]})


def test_a_reversal_keeps_the_plan_as_a_whole_among_its_stance_issues() -> None:
    from redline.model import stance_issues

    listed = ["ceasefire", "plan_overall", "territory"]
    assert stance_issues(listed) == ["ceasefire", "territory"]  # a report on the truce, not on the plan
    assert stance_issues(listed, reverses=True) == listed  # "our position will be revised": on the plan too
    assert stance_issues(["plan_overall", "ceasefire"]) == ["plan_overall", "ceasefire"]
