"""Full-provenance records for exports, streamed in a stable order.

A listing shows a page; an export writes everything, so these queries carry every column an
analyst needs to trace a record back to its source, never hold more than one fetch batch in
memory (``yield_per``: a plain cursor on SQLite, a server-side cursor on PostgreSQL), and
order rows so that the same database always exports the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import String, func, select, true, type_coerce
from sqlalchemy.engine import Connection

from redline.model import issue_stance
from redline.store._sql import oldest_first
from redline.store.countable import countable
from redline.store.extractions import stance_confidence_column
from redline.store.outlets import outlet_condition
from redline.store.queries import StatementFilter, statement_conditions
from redline.store.schema import actor, document, statement, statement_issue, statement_override

FETCH = 2000  # rows per round trip; memory follows this, not the corpus


def _iso(value: Any) -> str | None:
    """A date as ISO text; SQLite already hands back the stored text (see ``_raw``)."""
    if value is None or isinstance(value, str):
        return value
    return str(value.isoformat())


def _raw(column: Any, name: str) -> Any:
    """A date column without SQLAlchemy's parsing: SQLite keeps dates as ISO text, which is what
    an export writes; parsing and re-formatting it cost a fifth of the export's time."""
    return type_coerce(column, String).label(name)


def statement_records(conn: Connection, f: StatementFilter) -> Iterator[dict[str, Any]]:
    """Statements matching ``f`` (its limit ignored) with document, speaker and provenance.

    Values are the effective ones (analyst corrections applied); ``corrected`` says whether an
    attached override changed the statement. Order: date (undated first), document, offset.
    """
    s, d, a, ov = statement, document, actor, statement_override
    corrected = (
        select(ov.c.id).where(ov.c.statement_id == s.c.id, ov.c.attached != "orphan").exists()
    ).label("corrected")
    q = (
        select(
            s.c.id,
            s.c.document_id,
            d.c.url,
            func.coalesce(s.c.outlet, d.c.outlet).label("outlet"),
            d.c.title,
            _raw(d.c.published, "published"),
            _raw(s.c.date, "date"),
            func.coalesce(a.c.name, s.c.speaker).label("speaker"),
            s.c.actor_id,
            a.c.party,
            a.c.kind.label("actor_kind"),
            s.c.cue,
            s.c.kind,
            s.c.content,
            s.c.content_start,
            s.c.content_end,
            s.c.issues,
            s.c.stance,
            s.c.issue_stances,
            stance_confidence_column(),
            s.c.confidence,
            s.c.extractor,
            corrected,
            s.c.rejected,
            s.c.duplicate,
        )
        .select_from(s.join(d, d.c.id == s.c.document_id).outerjoin(a, a.c.id == s.c.actor_id))
        .where(*statement_conditions(conn, f) or [true()])
        .order_by(oldest_first(s.c.date), s.c.document_id, s.c.content_start, s.c.id)
    )
    result = conn.execution_options(yield_per=FETCH).execute(q)
    keys = list(result.keys())
    for row in result:
        r = dict(zip(keys, row, strict=True))  # several times faster than Row._asdict here
        r["published"] = _iso(r["published"])
        r["date"] = _iso(r["date"])
        r["issues"] = json.loads(r["issues"])
        # each issue's stance (``model.issue_stance``), keyed by issue in the order of ``issues``:
        # the shape of the API's record (``records.StatementRecord``)
        by_issue = json.loads(r["issue_stances"]) if r["issue_stances"] else None
        r["issue_stances"] = {i: issue_stance(r["stance"], by_issue, i) for i in r["issues"]}
        for flag in ("corrected", "rejected", "duplicate"):
            r[flag] = bool(r[flag])
        yield r


def facet_records(conn: Connection, f: StatementFilter, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` statements matching ``f``, with only what the statement page's facets
    count: party, issues, stance, outlet, date. A sample: the first the database finds along the index the
    filter reads, unsorted (sorting would read every match first)."""
    s, d, a = statement, document, actor
    source = s.join(d, d.c.id == s.c.document_id).outerjoin(a, a.c.id == s.c.actor_id)
    if f.issue:  # driven by the (issue, date) index: not a probe of every statement
        si = statement_issue
        source = source.join(si, (si.c.statement_id == s.c.id) & (si.c.issue == f.issue))
    q = (
        select(
            a.c.party,
            s.c.issues,
            s.c.stance,
            func.coalesce(s.c.outlet, d.c.outlet).label("outlet"),
            _raw(s.c.date, "date"),
        )
        .select_from(source)
        .where(true(), *statement_conditions(conn, f, issue=not f.issue))
        .limit(limit)
    )
    return [
        {"party": r[0], "issues": json.loads(r[1]), "stance": r[2], "outlet": r[3], "date": _iso(r[4])}
        for r in conn.execute(q)
    ]


def document_records(
    conn: Connection, outlet: str | None = None, *, text: bool = False
) -> Iterator[dict[str, Any]]:
    """Documents with the number of statements that count: not rejected, not reprinted; with
    ``text``, the stored text every statement's offsets count in (as cleaned at read time).

    Order: published date (undated first), then id.
    """
    d, s = document, statement
    counted = (
        select(func.count())
        .where(s.c.document_id == d.c.id, *countable())
        .scalar_subquery()
        .label("statements")
    )
    q = select(
        d.c.id,
        d.c.url,
        d.c.outlet,
        d.c.title,
        d.c.published,
        d.c.language,
        d.c.duplicate_of,
        d.c.similarity,
        d.c.n_statements.label("extracted"),
        counted,
        d.c.extractor,
        *([d.c.text] if text else []),
    ).order_by(oldest_first(d.c.published), d.c.id)
    if outlet:
        q = q.where(outlet_condition(conn, d.c.outlet, outlet, documents=True))
    for row in conn.execution_options(yield_per=FETCH).execute(q):
        r = row._asdict()
        r["published"] = _iso(r["published"])
        r["similarity"] = round(r["similarity"], 3) if r["similarity"] is not None else None
        yield r


def actor_records(conn: Connection) -> dict[str, dict[str, Any]]:
    """Every actor by id: name, kind, party (network node attributes)."""
    return {
        r.id: {"name": r.name, "kind": r.kind, "party": r.party}
        for r in conn.execute(select(actor.c.id, actor.c.name, actor.c.kind, actor.c.party))
    }
