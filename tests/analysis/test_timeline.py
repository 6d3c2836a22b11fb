from __future__ import annotations

from datetime import date

from negotiation_builders import MakeStatement

from redline.analysis.timeline import build_timeline, timeline_counts
from redline.model import Document, Event, Extraction, Span


def extraction(doc_id: str, published: str, statements: list, events: list[Event]) -> Extraction:  # type: ignore[type-arg]
    return Extraction(Document(doc_id, "", published=date.fromisoformat(published)), statements, events)


def event(
    doc: str, text: str, actors: list[str], when: str | None, start: int = 0, planned: bool = False
) -> Event:
    return Event(
        id=f"{doc}-{start}",
        document_id=doc,
        type="visit",
        trigger=Span(text, start, start + len(text)),
        actors=actors,
        date=date.fromisoformat(when) if when else None,
        planned=planned,
    )


def corpus(statement: MakeStatement) -> list[Extraction]:
    late = extraction(
        "b",
        "2025-12-03",
        [
            statement(
                "the meeting was useful", "Steve Witkoff", issues=("process",), when="2025-12-03", doc="b"
            ),
        ],
        [event("b", "Putin received Witkoff", ["Vladimir Putin", "Steve Witkoff"], "2025-12-02", 5)],
    )
    early = extraction(
        "a",
        "2025-11-27",
        [
            statement("we agree this can be the basis", issues=("plan_overall",), when="2025-11-27", doc="a"),
            statement("troops must withdraw", issues=("territory",), when="2025-11-27", doc="a"),
        ],
        [
            event("a", "Witkoff would soon travel to Moscow", ["Steve Witkoff"], None, 900, planned=True),
            event("a", "the plan was presented", ["United States"], "2025-11-20", 50),
        ],
    )
    return [late, early]


def test_entries_are_in_date_order(statement: MakeStatement) -> None:
    entries = build_timeline(corpus(statement))
    dates = [e.date for e in entries]
    assert dates == sorted(d for d in dates if d is not None)
    assert [e.text for e in entries][:2] == ["the plan was presented", "we agree this can be the basis"]
    assert entries[-1].text == "the meeting was useful"


def test_undated_event_takes_its_document_date(statement: MakeStatement) -> None:
    trip = next(e for e in build_timeline(corpus(statement)) if "travel" in e.text)
    assert trip.date == date(2025, 11, 27) and trip.dated_by_document and trip.planned


def test_actor_filter_matches_names_and_surnames(statement: MakeStatement) -> None:
    texts = [e.text for e in build_timeline(corpus(statement), actor="Witkoff")]
    assert texts == [
        "Witkoff would soon travel to Moscow",
        "Putin received Witkoff",
        "the meeting was useful",
    ]


def test_issue_filter_keeps_events_of_documents_on_that_issue(statement: MakeStatement) -> None:
    entries = build_timeline(corpus(statement), issue="territory")
    assert [e.kind for e in entries if e.kind == "statement"] == ["statement"]
    assert {e.document_id for e in entries} == {"a"}
    assert "Putin received Witkoff" not in [e.text for e in entries]


def test_undated_items_are_listed_last_and_counted(statement: MakeStatement) -> None:
    nowhere = Extraction(
        Document("c", ""),  # no publication date either
        [statement("a ceasefire must come first", "Volodymyr Zelensky", when=None, doc="c")],
    )
    entries = build_timeline([nowhere, *corpus(statement)])
    assert entries[-1].text == "a ceasefire must come first" and entries[-1].date is None
    counts = timeline_counts(entries)
    assert (counts.total, counts.dated_by_document, counts.undated) == (7, 1, 1)
    note = counts.note()
    assert note is not None and note.startswith("1 of 7 items undated")
    assert timeline_counts(build_timeline(corpus(statement), actor="Putin")).note() is None
