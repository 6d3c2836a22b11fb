"""The timeline's items read as one ordered query, a page at a time, with its counts.

``analysis.timeline`` builds the timeline from whole documents; a page of it only needs, per
countable statement and per event of an original (non-reprint) document, a date, a short
text and who. Reading those columns sorted in SQL, with the same order and the same rules
(an item without a date of its own takes its article's; undated items last; under an issue,
an event is kept when its own document says something on that issue), gives the same entries
without reading any article text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, String, and_, case, cast, func, literal, null, or_, select, union_all
from sqlalchemy.engine import Connection

from redline.store import corpus_counts
from redline.store._sql import oldest_first
from redline.store.countable import countable
from redline.store.schema import document, event, statement, statement_issue

__all__ = ["TimelineTotals", "rows", "totals"]


@dataclass(frozen=True, slots=True)
class TimelineTotals:
    total: int
    dated_by_document: int
    undated: int


def _mentions(word: str, *columns: Any) -> Any:
    """Some column contains ``word`` (ASCII, any case): a superset of the actor matches, so
    that the exact match (``analysis.timeline``) runs on a few rows, not on all of them."""
    pattern = "%" + word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return or_(*(func.lower(c).like(pattern, escape="\\") for c in columns))


def _parts(issue: str | None, mentioning: str | None = None) -> tuple[Select[Any], Select[Any]]:
    """The statement items and the event items (each a select of the same columns)."""
    s, d, e, si = statement, document, event, statement_issue
    statements = select(
        func.coalesce(s.c.date, d.c.published).label("day"),
        literal("statement").label("kind"),
        s.c.content.label("text"),
        s.c.speaker.label("actors"),
        s.c.actor_id.label("actor_ids"),
        s.c.document_id.label("document_id"),
        s.c.stance.label("detail"),
        s.c.issues.label("issues"),
        literal(False).label("planned"),
        case((and_(s.c.date.is_(None), d.c.published.is_not(None)), 1), else_=0).label("by_document"),
        s.c.content_start.label("offset"),
        s.c.content_end.label("offset_end"),
        cast(null(), String).label("place"),
        literal(0).label("part"),
        s.c.id.label("tie"),
    ).select_from(s.join(d, d.c.id == s.c.document_id))
    statements = statements.where(*countable())
    events = select(
        func.coalesce(e.c.date, d.c.published).label("day"),
        literal("event").label("kind"),
        e.c.trigger.label("text"),
        e.c.actors.label("actors"),
        e.c.actor_ids.label("actor_ids"),
        e.c.document_id.label("document_id"),
        e.c.type.label("detail"),
        literal("[]").label("issues"),
        e.c.planned.label("planned"),
        case((and_(e.c.date.is_(None), d.c.published.is_not(None)), 1), else_=0).label("by_document"),
        e.c.trigger_start.label("offset"),
        e.c.trigger_end.label("offset_end"),
        e.c.place.label("place"),
        literal(1).label("part"),
        e.c.id.label("tie"),
    ).select_from(e.join(d, d.c.id == e.c.document_id))
    events = events.where(d.c.duplicate_of.is_(None))
    if mentioning is not None:
        statements = statements.where(_mentions(mentioning, s.c.speaker, s.c.actor_id))
        events = events.where(_mentions(mentioning, e.c.actors, e.c.actor_ids))
    if issue is not None:
        statements = statements.where(
            select(si.c.issue).where(si.c.statement_id == s.c.id, si.c.issue == issue).exists()
        )
        s2 = statement.alias("s2")
        said = (
            select(s2.c.id)
            .select_from(s2.join(si, si.c.statement_id == s2.c.id))
            .where(
                s2.c.document_id == e.c.document_id,
                *countable(s2),
                si.c.issue == issue,
            )
            .exists()
        )
        events = events.where(said)
    return statements, events


def _items(issue: str | None, mentioning: str | None = None, upto: date | None = None) -> Any:
    s, d, e = statement, document, event
    statements, events = _parts(issue, mentioning)
    if upto is None:
        return union_all(statements, events).subquery("items")
    # only items up to a day: each part read on its own index (its own date, else its article's)
    by_article = d.c.published <= upto
    return union_all(
        statements.where(s.c.date <= upto),
        statements.where(s.c.date.is_(None), by_article),
        events.where(e.c.date <= upto),
        events.where(e.c.date.is_(None), by_article),
    ).subquery("items")


def _ordered(items: Any) -> Select[Any]:
    return select(items).order_by(
        items.c.day.is_(None), items.c.day, items.c.document_id, items.c.offset, items.c.part, items.c.tie
    )


def _last_day(conn: Connection, issue: str | None, nth: int) -> date | None:
    """A day no earlier than that of the ``nth`` item (from 0) of the timeline: the day of the
    ``nth`` countable statement with a date of its own, read along the date index (or the
    issue's). None when there are not that many: the page may reach the undated items."""
    s, si = statement, statement_issue
    if issue is None:
        q = select(s.c.date).where(s.c.date.is_not(None), *countable()).order_by(oldest_first(s.c.date))
    else:
        q = (
            select(si.c.date)
            .select_from(si.join(s, s.c.id == si.c.statement_id))
            .where(si.c.issue == issue, si.c.date.is_not(None), *countable())
            .order_by(oldest_first(si.c.date))
        )
    found = conn.execute(q.limit(1).offset(nth)).scalar()
    if found is None or isinstance(found, date):
        return found
    return date.fromisoformat(str(found)[:10])


def rows(
    conn: Connection,
    *,
    issue: str | None = None,
    mentioning: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Any]:
    """Timeline items in timeline order (a page of them, given ``limit`` and ``offset``); with
    ``mentioning`` (ASCII), only items whose speaker or actors contain it, in any case.

    A page sorts only the items up to the day of its last one (found along the date index),
    not every item of the store: the first pages of a million statements sort a few days."""
    upto = None
    if limit is not None and mentioning is None:
        upto = _last_day(conn, issue, offset + limit - 1)
    q = _ordered(_items(issue, mentioning, upto))
    if limit is not None:
        q = q.limit(limit).offset(offset)
    return list(conn.execute(q))


def _count(conn: Connection, q: Any) -> int:
    return int(conn.execute(q).scalar() or 0)


def totals(conn: Connection, *, issue: str | None = None) -> TimelineTotals:
    """How many items the timeline has, dated by their article, undated: the statements from
    the counters the database keeps (``corpus_counts``) and the few without a date of their
    own; the events, far fewer, counted."""
    s, d, si = statement, document, statement_issue
    undated_docs = s.join(d, d.c.id == s.c.document_id)
    if issue is None:
        said = corpus_counts.count(conn, "statements")
        own_date_missing = corpus_counts.count(conn, "day", "")
        on_issue: list[Any] = []
    else:
        said = corpus_counts.count(conn, "issue", issue)
        own_date_missing = _count(
            conn,
            select(func.count())
            .select_from(si.join(s, s.c.id == si.c.statement_id))
            .where(si.c.issue == issue, si.c.date.is_(None), *countable()),
        )
        on_issue = [select(si.c.issue).where(si.c.statement_id == s.c.id, si.c.issue == issue).exists()]
    undated = _count(
        conn,
        select(func.count())
        .select_from(undated_docs)
        .where(d.c.published.is_(None), s.c.date.is_(None), *countable(), *on_issue),
    )
    events = _parts(issue)[1].subquery("events")
    row = conn.execute(
        select(
            func.count(),
            func.coalesce(func.sum(events.c.by_document), 0),
            func.coalesce(func.sum(case((events.c.day.is_(None), 1), else_=0)), 0),
        ).select_from(events)
    ).one()
    return TimelineTotals(said + int(row[0]), own_date_missing - undated + int(row[1]), undated + int(row[2]))


def spans(conn: Connection, document_ids: Sequence[str]) -> list[Any]:
    """(document_id, id, start, end) of the countable statements of some documents: what places
    an event among the statements reported next to it."""
    s = statement
    q = select(s.c.document_id, s.c.id, s.c.content_start, s.c.content_end).where(
        s.c.document_id.in_(document_ids), *countable()
    )
    return list(conn.execute(q))
