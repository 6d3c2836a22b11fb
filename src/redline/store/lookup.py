"""Single records and small aggregates for pages that show one thing with its evidence.

``queries`` answers list questions with filters; a dashboard or API page about one
statement, document or actor also needs the columns a listing leaves out (cue and speaker
offsets, the document text, aliases) and the claim a statement belongs to. Each function
opens one read transaction and returns plain dicts (or a ``Document``), None when the id is
unknown, so callers decide what "not found" looks like.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, func, not_, select

from redline.model import Document
from redline.store.countable import countable
from redline.store.extractions import document_from_row
from redline.store.schema import (
    actor,
    actor_alias,
    claim,
    claim_statement,
    document,
    statement,
    statement_issue,
)
from redline.store.store import Store

__all__ = [
    "actor_detail",
    "actor_stances",
    "claim_of",
    "date_range",
    "document_by_id",
    "issue_counts",
    "issues",
    "outlets",
    "statement_detail",
]


def statement_detail(store: Store, statement_id: str) -> dict[str, Any] | None:
    """Every stored column of one statement, with its actor's name and party and the document's meta."""
    s = statement
    q = (
        select(
            s,
            actor.c.name.label("actor_name"),
            actor.c.party.label("actor_party"),
            document.c.title.label("document_title"),
            document.c.url.label("document_url"),
            document.c.published.label("document_published"),
        )
        .select_from(
            s.join(document, document.c.id == s.c.document_id).outerjoin(actor, actor.c.id == s.c.actor_id)
        )
        .where(s.c.id == statement_id)
    )
    with store._reader() as conn:
        row = conn.execute(q).first()
    if row is None:
        return None
    d = row._asdict()
    d["issues"] = json.loads(d["issues"])
    d["m_issues"] = json.loads(d["m_issues"])
    d["rejected"], d["duplicate"] = bool(d["rejected"]), bool(d["duplicate"])
    return d


def document_by_id(store: Store, document_id: str) -> tuple[Document, dict[str, Any]] | None:
    """The stored document and its bookkeeping (extractor, near-duplicate link, reprints)."""
    with store._reader() as conn:
        row = conn.execute(select(document).where(document.c.id == document_id)).first()
        if row is None:
            return None
        reprints = (
            conn.execute(
                select(document.c.id).where(document.c.duplicate_of == document_id).order_by(document.c.id)
            )
            .scalars()
            .all()
        )
    meta = {
        "extractor": row.extractor,
        "duplicate_of": row.duplicate_of,
        "similarity": row.similarity,
        "n_statements": row.n_statements,
        "reprints": list(reprints),
    }
    return document_from_row(row), meta


def actor_detail(store: Store, actor_id: str) -> dict[str, Any] | None:
    """An actor row with its aliases (as first written, and where each came from) and statement count."""
    with store._reader() as conn:
        row = conn.execute(select(actor).where(actor.c.id == actor_id)).first()
        if row is None:
            return None
        aliases = conn.execute(
            select(actor_alias.c.alias, actor_alias.c.text, actor_alias.c.source, actor_alias.c.document_id)
            .where(actor_alias.c.actor_id == actor_id)
            .order_by(actor_alias.c.source, actor_alias.c.alias)
        ).all()
        n = conn.execute(
            select(func.count()).select_from(statement).where(statement.c.actor_id == actor_id, *countable())
        ).scalar_one()
    d = row._asdict()
    d["aliases"] = [a._asdict() for a in aliases]
    d["statements"] = int(n)
    return d


def actor_stances(store: Store, actor_id: str) -> list[tuple[str, Any, str, int]]:
    """How many countable statements of an actor took each stance on each issue, day by day.

    Rows are ``(issue, date, stance, count)``; statements without an issue come under "".
    Counted in the database so an actor with thousands of statements costs one small result.
    """
    s, si = statement, statement_issue
    mine = [s.c.actor_id == actor_id, *countable()]
    tagged = (
        select(si.c.issue, s.c.date, s.c.stance, func.count().label("n"))
        .select_from(s.join(si, si.c.statement_id == s.c.id))
        .where(*mine)
        .group_by(si.c.issue, s.c.date, s.c.stance)
    )
    untagged = (
        select(s.c.date, s.c.stance, func.count().label("n"))
        .where(*mine, ~select(si.c.issue).where(si.c.statement_id == s.c.id).exists())
        .group_by(s.c.date, s.c.stance)
    )
    with store._reader() as conn:
        rows = [(r.issue, r.date, r.stance, int(r.n)) for r in conn.execute(tagged)]
        rows += [("", r.date, r.stance, int(r.n)) for r in conn.execute(untagged)]
    return rows


def claim_of(store: Store, statement_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """The claim grouping a statement and every statement in it (outlet, date, document)."""
    with store._reader() as conn:
        claim_id = conn.execute(
            select(claim_statement.c.claim_id).where(claim_statement.c.statement_id == statement_id)
        ).scalar()
        if claim_id is None:
            return None
        head = conn.execute(select(claim).where(claim.c.id == claim_id)).first()
        members = conn.execute(
            select(
                statement.c.id,
                statement.c.outlet,
                statement.c.date,
                statement.c.content,
                statement.c.document_id,
                document.c.title,
            )
            .select_from(
                claim_statement.join(statement, statement.c.id == claim_statement.c.statement_id).join(
                    document, document.c.id == statement.c.document_id
                )
            )
            .where(claim_statement.c.claim_id == claim_id)
            .order_by(statement.c.date, statement.c.outlet, statement.c.id)
        ).all()
    if head is None:
        return None
    info = head._asdict()
    info["outlets"] = json.loads(info["outlets"] or "[]")
    return info, [m._asdict() for m in members]


def issue_counts(store: Store, limit: int | None = None) -> list[tuple[str, int]]:
    """Issues by number of countable statements, most discussed first.

    Counted on the issue index alone, minus the (few) rejected or duplicate statements: a
    join to ``statement`` for every row costs a lookup per statement.
    """
    si = statement_issue
    s = statement
    excluded = select(s.c.id).where(not_(and_(*countable())))
    q = (
        select(si.c.issue, func.count().label("n"))
        .where(si.c.statement_id.not_in(excluded))
        .group_by(si.c.issue)
        .order_by(func.count().desc(), si.c.issue)
    )
    if limit:
        q = q.limit(limit)
    with store._reader() as conn:
        return [(r.issue, int(r.n)) for r in conn.execute(q)]


def issues(store: Store) -> list[str]:
    """Every issue some statement is tagged with, alphabetically (for filter menus)."""
    q = select(statement_issue.c.issue).distinct().order_by(statement_issue.c.issue)
    with store._reader() as conn:
        return [str(i) for i in conn.execute(q).scalars()]


def outlets(store: Store) -> list[str]:
    """Outlets that carry at least one statement, alphabetically (for filter menus)."""
    q = (
        select(statement.c.outlet)
        .where(statement.c.outlet.is_not(None))
        .distinct()
        .order_by(statement.c.outlet)
    )
    with store._reader() as conn:
        return [str(o) for o in conn.execute(q).scalars()]


def date_range(store: Store) -> tuple[Any, Any]:
    """First and last date of the stored statements (None, None for an empty corpus).

    Read off the date index in two probes; rejected and duplicate statements are not
    excluded, since filtering them would scan every row for a bound they rarely move.
    """
    q = select(
        select(func.min(statement.c.date)).scalar_subquery(),  # one aggregate per query: an index probe
        select(func.max(statement.c.date)).scalar_subquery(),
    )
    with store._reader() as conn:
        row = conn.execute(q).one()
    return row[0], row[1]
