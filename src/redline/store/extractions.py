"""Reading stored documents back as Extractions, for the analyses that work per document.

What comes back is what an analysis should count: the effective values of each statement
(analyst corrections applied), without rejected statements and without the statements of
near-duplicate reprints, which would count one report twice. A reprint's events are left
out for the same reason. Documents come page by page so that memory follows the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import String, case, select, type_coerce
from sqlalchemy.engine import Connection, Row

from redline.model import Document, Event, Extraction, Span, Speaker, Statement, own_stances
from redline.store.countable import countable
from redline.store.schema import actor, document, event, statement


def stance_confidence(stance: str, machine_stance: str, value: float) -> float:
    """The effective ``Statement.stance_confidence`` of a stored statement: the models' where
    the stance is theirs, 1.0 where an analyst's correction changed it (``balance.certainty``)."""
    return 1.0 if stance != machine_stance else float(value)


def stance_confidence_column() -> Any:
    """``stance_confidence`` as a column of a statement query, in SQL."""
    s = statement
    return case((s.c.stance != s.c.m_stance, 1.0), else_=s.c.stance_confidence).label("stance_confidence")


def statement_from_row(r: Row[Any]) -> Statement:
    """A stored ``statement`` row as the Statement an analysis counts (effective values)."""
    speaker = None
    if r.speaker:
        mention = Span(r.speaker_mention or r.speaker, r.speaker_start or 0, r.speaker_end or 0)
        speaker = Speaker(name=r.speaker, actor_id=r.actor_id, mention=mention)
    cue = Span(r.cue, r.cue_start or 0, r.cue_end or 0) if r.cue else None
    return Statement(
        id=r.id,
        document_id=r.document_id,
        content=Span(r.content, r.content_start, r.content_end),
        kind=r.kind,
        speaker=speaker,
        cue=cue,
        issues=list(json.loads(r.issues)),
        stance=r.stance,
        date=r.date,
        confidence=float(r.confidence),
        extractor=r.extractor,
        stance_confidence=stance_confidence(r.stance, r.m_stance, r.stance_confidence),
        issue_stances=own_stances(r.stance, getattr(r, "issue_stances", None)),  # type: ignore[arg-type]
    )


# the columns ``statement_from_values`` reads, in its order; the day as the driver gives it
# (SQLite: ISO text), parsed once per day: SQLAlchemy's per-row date processing and attribute
# access were half of reading the 3,000 quotes of a page of positions by actor at 1M statements
STATEMENT_COLUMNS = (
    statement.c.id,
    statement.c.document_id,
    statement.c.content,
    statement.c.content_start,
    statement.c.content_end,
    statement.c.kind,
    statement.c.speaker,
    statement.c.speaker_mention,
    statement.c.speaker_start,
    statement.c.speaker_end,
    statement.c.actor_id,
    statement.c.cue,
    statement.c.cue_start,
    statement.c.cue_end,
    statement.c.issues,
    statement.c.stance,
    type_coerce(statement.c.date, String),
    statement.c.confidence,
    statement.c.extractor,
    statement.c.m_stance,
    statement.c.stance_confidence,
    statement.c.issue_stances,
)


def day_of(value: Any, cache: dict[Any, date | None]) -> date | None:
    """A stored date (a date, or its ISO text as SQLite's driver gives it), parsed once each."""
    if value is None or isinstance(value, date):
        return value
    if value not in cache:
        cache[value] = date.fromisoformat(value)
    return cache[value]


def statement_from_values(v: Sequence[Any], days: dict[Any, date | None]) -> Statement:
    """``statement_from_row`` of the values of ``STATEMENT_COLUMNS`` (``days``: a cache of
    parsed days shared by one read)."""
    sid, doc, content, start, end, kind, name, mention, m_start, m_end, actor_id = v[:11]
    speaker = None
    if name:
        speaker = Speaker(
            name=name, actor_id=actor_id, mention=Span(mention or name, m_start or 0, m_end or 0)
        )
    cue = Span(v[11], v[12] or 0, v[13] or 0) if v[11] else None
    return Statement(
        id=sid,
        document_id=doc,
        content=Span(content, start, end),
        kind=kind,
        speaker=speaker,
        cue=cue,
        issues=list(json.loads(v[14])),
        stance=v[15],
        date=day_of(v[16], days),
        confidence=float(v[17]),
        extractor=v[18],
        stance_confidence=stance_confidence(v[15], v[19], v[20]),
        issue_stances=own_stances(v[15], v[21]),  # type: ignore[arg-type]
    )


def _event(r: Row[Any]) -> Event:
    return Event(
        id=r.id,
        document_id=r.document_id,
        type=r.type,
        trigger=Span(r.trigger, r.trigger_start, r.trigger_end),
        actors=list(json.loads(r.actors)),
        actor_ids=list(json.loads(r.actor_ids)),
        place=r.place,
        date=r.date,
        date_precision=r.date_precision,
        planned=bool(r.planned),
        extractor=r.extractor,
    )


def _page(conn: Connection, docs: Sequence[Row[Any]]) -> list[Extraction]:
    ids = [d.id for d in docs]
    statements: dict[str, list[Statement]] = {i: [] for i in ids}
    rows = conn.execute(
        select(statement)
        .where(
            statement.c.document_id.in_(ids),
            *countable(),
        )
        .order_by(statement.c.document_id, statement.c.content_start, statement.c.id)
    )
    for r in rows:
        statements[r.document_id].append(statement_from_row(r))
    originals = [d.id for d in docs if d.duplicate_of is None]
    events: dict[str, list[Event]] = {i: [] for i in ids}
    if originals:
        for r in conn.execute(
            select(event)
            .where(event.c.document_id.in_(originals))
            .order_by(event.c.document_id, event.c.trigger_start, event.c.id)
        ):
            events[r.document_id].append(_event(r))
    out = []
    for d in docs:
        out.append(
            Extraction(document_from_row(d), statements[d.id], events[d.id], extractor=d.extractor or "")
        )
    return out


def document_from_row(row: Any) -> Document:
    """A stored ``document`` row as the Document it was read from."""
    return Document(
        id=row.id,
        text=row.text,
        url=row.url,
        title=row.title,
        published=row.published,
        outlet=row.outlet,
        source=row.source,
        language=row.language,
        metadata=json.loads(row.metadata) if row.metadata else {},
    )


def iter_extractions(conn: Connection, *, after: str = "", page: int = 200) -> Iterator[list[Extraction]]:
    """Pages of stored documents (id order, ids greater than ``after``) with what they say."""
    last = after
    while True:
        docs = conn.execute(
            select(document).where(document.c.id > last).order_by(document.c.id).limit(page)
        ).all()
        if not docs:
            return
        yield _page(conn, docs)
        last = docs[-1].id


def parties(conn: Connection) -> dict[str, str]:
    """Actor id -> negotiating party, and the actor's name -> party, for actors that have one
    (of two actors with one name, the first by id gives the name's party, every time)."""
    out: dict[str, str] = {}
    q = select(actor.c.id, actor.c.name, actor.c.party).where(actor.c.party.is_not(None)).order_by(actor.c.id)
    for r in conn.execute(q):
        out[r.id] = r.party
        out.setdefault(r.name, r.party)
    return out
