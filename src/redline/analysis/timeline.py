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

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from redline.model import Extraction
from redline.store import Store

__all__ = [
    "TimelineCounts",
    "TimelineEntry",
    "build_timeline",
    "nearest",
    "stored_timeline",
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

    def to_dict(self) -> dict[str, Any]:
        """The one JSON shape of an entry: the CLI prints it, the API validates it."""
        return {
            "date": self.date.isoformat() if self.date else None,
            "kind": self.kind,
            "detail": self.detail,
            "actors": list(self.actors),
            "text": self.text,
            "issues": list(self.issues),
            "document_id": self.document_id,
            "planned": self.planned,
            "dated_by_document": self.dated_by_document,
            "place": self.place,
            "statement_id": self.statement_id,
            "around": list(self.around),
        }


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
    return nearest([(s.id, s.content.start, s.content.end) for s in ex.statements], start, end)


def nearest(spans: Iterable[tuple[str, int, int]], start: int, end: int) -> tuple[str, ...]:
    """Ids of the statement spans within ``AROUND_CHARS`` of ``start``-``end``, nearest first."""

    def gap(s_start: int, s_end: int) -> int:
        return max(0, start - s_end, s_start - end)

    near = sorted((gap(a, b), a, sid) for sid, a, b in spans if gap(a, b) <= AROUND_CHARS)
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


def _stored_entry(r: Any) -> TimelineEntry:
    if r.kind == "statement":
        actors: tuple[str, ...] = (r.actors,) if r.actors else ()
        issues = tuple(json.loads(r.issues))
    else:
        actors, issues = tuple(json.loads(r.actors)), ()
    return TimelineEntry(
        r.day,
        r.kind,
        r.text,
        actors,
        r.document_id,
        r.detail,
        issues,
        planned=bool(r.planned),
        dated_by_document=bool(r.by_document),
        offset=int(r.offset),
        place=r.place,
        statement_id=r.tie if r.kind == "statement" else None,
    )


def _with_around(store: Store, entries: list[TimelineEntry], rows: Sequence[Any]) -> list[TimelineEntry]:
    """Each event with the statements its article reports next to it (one query for the page)."""
    events = [(e, r) for e, r in zip(entries, rows, strict=True) if e.kind == "event"]
    if not events:
        return entries
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for d, sid, a, b in store.statement_spans({e.document_id for e, _ in events}):
        spans.setdefault(d, []).append((sid, a, b))
    placed = {
        id(e): replace(e, around=nearest(spans.get(e.document_id, []), int(r.offset), int(r.offset_end)))
        for e, r in events
    }
    return [placed.get(id(e), e) for e in entries]


def _stored_names(r: Any) -> list[str | None]:
    if r.kind == "statement":
        return [r.actor_ids, r.actors] if r.actors else []
    return [*json.loads(r.actors), *json.loads(r.actor_ids)]


def stored_timeline(
    store: Store,
    *,
    issue: str | None = None,
    actor: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[TimelineEntry], TimelineCounts]:
    """``build_timeline`` of the whole store (a page of it) and its counts, read in timeline
    order from the store's rows instead of from every document: a page costs one sorted query."""
    if actor is None:
        t = store.timeline_totals(issue=issue)
        page = store.timeline_rows(issue=issue, limit=limit, offset=offset)
        found = _with_around(store, [_stored_entry(r) for r in page], page)
        return found, TimelineCounts(t.total, t.dated_by_document, t.undated)
    # narrowed in SQL first when the name is plain ASCII (SQLite folds the case of no other)
    rows = [
        r
        for r in store.timeline_rows(issue=issue, mentioning=actor if actor.isascii() else None)
        if _matches_actor(actor, _stored_names(r))
    ]
    entries = [_stored_entry(r) for r in rows]
    end = None if limit is None else offset + limit
    return _with_around(store, entries[offset:end], rows[offset:end]), timeline_counts(entries)
