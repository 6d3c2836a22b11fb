"""Statements and events in date order.

Events carry no issues, so under an issue filter an event is kept when its own document
reports a statement on that issue: the visit of an envoy belongs to the "territory" timeline
if the article that reports it is about territory. An item with no date of its own takes its
document's publication date (marked ``dated_by_document``), so planned visits are placed at
the time they were announced. An item with neither stays undated: it is listed last and
``TimelineCounts`` says how many there are, so every view can say so instead of hiding it.

An event says where it happened (``place``) and which statements surround it: the statements
of its own article nearest to it (within ``AROUND_CHARS`` characters, the nearest
``AROUND_MAX``), since what people said about a visit is reported next to the visit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from redline.model import Extraction

__all__ = [
    "TimelineCounts",
    "TimelineEntry",
    "build_timeline",
    "timeline_counts",
]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: date | None
    kind: Literal["statement", "event"]
    text: str
    actors: tuple[str, ...]
    document_id: str
    detail: str  # stance for a statement, event type for an event
    issues: tuple[str, ...] = field(default_factory=tuple)
    planned: bool = False
    dated_by_document: bool = False
    offset: int = 0
    place: str | None = None  # where an event happened
    statement_id: str | None = None  # the statement itself, for a statement entry
    around: tuple[str, ...] = ()  # for an event: ids of the statements reported next to it


AROUND_CHARS = 600  # how far from an event a statement of its article may be to count as "around" it
AROUND_MAX = 3


def _matches_actor(actor: str, names: Iterable[str | None]) -> bool:
    wanted = actor.casefold()
    return any(n is not None and (wanted == n.casefold() or wanted in n.casefold().split()) for n in names)


def build_timeline(
    extractions: Iterable[Extraction], *, issue: str | None = None, actor: str | None = None
) -> list[TimelineEntry]:
    """Every statement and event, filtered by issue and actor (id, name or surname), in date order."""
    entries: list[TimelineEntry] = []
    for ex in extractions:
        published = ex.document.published
        doc_issues = {i for s in ex.statements for i in s.issues}
        for s in ex.statements:
            sp = s.speaker
            if issue is not None and issue not in s.issues:
                continue
            if actor is not None and (sp is None or not _matches_actor(actor, (sp.actor_id, sp.name))):
                continue
            entries.append(
                TimelineEntry(
                    s.date or published,
                    "statement",
                    s.content.text,
                    (sp.name,) if sp else (),
                    ex.document.id,
                    s.stance,
                    tuple(s.issues),
                    dated_by_document=s.date is None and published is not None,
                    offset=s.content.start,
                    statement_id=s.id,
                )
            )
        for e in ex.events:
            if issue is not None and issue not in doc_issues:
                continue
            if actor is not None and not _matches_actor(actor, [*e.actors, *e.actor_ids]):
                continue
            entries.append(
                TimelineEntry(
                    e.date or published,
                    "event",
                    e.trigger.text,
                    tuple(e.actors),
                    ex.document.id,
                    e.type,
                    planned=e.planned,
                    dated_by_document=e.date is None and published is not None,
                    offset=e.trigger.start,
                    place=e.place,
                    around=_around(ex, e.trigger.start, e.trigger.end),
                )
            )
    entries.sort(key=lambda t: (t.date is None, t.date or date.min, t.document_id, t.offset))
    return entries


def _around(ex: Extraction, start: int, end: int) -> tuple[str, ...]:
    """The statements of the event's article nearest to it, nearest first."""

    def gap(s_start: int, s_end: int) -> int:
        return max(0, start - s_end, s_start - end)

    near = sorted(
        (gap(s.content.start, s.content.end), s.content.start, s.id)
        for s in ex.statements
        if gap(s.content.start, s.content.end) <= AROUND_CHARS
    )
    return tuple(sid for _, _, sid in near[:AROUND_MAX])


@dataclass(frozen=True, slots=True)
class TimelineCounts:
    """How well a timeline is placed in time."""

    total: int
    dated_by_document: int  # no date of their own: placed at their article's date
    undated: int  # no date of their own nor of their article: listed last

    def note(self) -> str | None:
        """The line views print under the timeline, or None when everything has a date."""
        parts = []
        if self.undated:
            parts.append(
                f"{self.undated} of {self.total} items undated (no date of their own or their "
                "article), listed last"
            )
        if self.dated_by_document:
            parts.append(f"{self.dated_by_document} dated by the article that reports them (*)")
        return "; ".join(parts) or None


def timeline_counts(entries: Iterable[TimelineEntry]) -> TimelineCounts:
    total = by_document = undated = 0
    for e in entries:
        total += 1
        by_document += e.dated_by_document
        undated += e.date is None
    return TimelineCounts(total, by_document, undated)
