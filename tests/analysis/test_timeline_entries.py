"""Timeline entries say where an event happened and which statements were reported around it."""

from __future__ import annotations

from datetime import date

from negotiation_builders import MakeStatement

from redline.analysis.timeline import build_timeline
from redline.model import Document, Event, Extraction, Span


def test_an_event_has_its_place_and_the_statements_around_it(statement: MakeStatement) -> None:
    near = statement("the talks were constructive", "Steve Witkoff", when="2025-12-02", doc="d")  # offset 0
    far = statement("an unrelated remark", "Someone Else", when="2025-12-02", doc="d")
    far.content = Span(far.content.text, 5000, 5000 + len(far.content.text))
    visit = Event(
        id="d-ev",
        document_id="d",
        type="visit",
        trigger=Span("Witkoff met Putin", 120, 137),
        actors=["Steve Witkoff", "Vladimir Putin"],
        place="Moscow",
        date=date(2025, 12, 2),
    )
    doc = Extraction(Document("d", "", published=date(2025, 12, 2)), [near, far], [visit])
    entries = build_timeline([doc])
    (ev,) = [e for e in entries if e.kind == "event"]
    assert ev.place == "Moscow"
    assert ev.around == (near.id,)  # the remark 5,000 characters away is not around it
    said = [e for e in entries if e.kind == "statement"]
    assert {e.statement_id for e in said} == {near.id, far.id}
