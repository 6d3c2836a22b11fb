"""Small aggregates for pages that show one thing with its evidence.

``queries`` answers list questions with filters and ``records`` reads one record in full; a
page about one statement or actor also needs the claim a statement belongs to, an actor's
stances day by day, and the filter menus. Each function
reads through the connection ``Store`` gives it (the store opens every transaction) and
returns plain dicts (or a ``Document``), None when the id is unknown, so callers decide what
"not found" looks like.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.engine import Connection

from redline.balance import UNAFFILIATED
from redline.store import actor_days, corpus_counts
from redline.store._sql import oldest_first
from redline.store.schema import (
    UNDATED_DAY,
    claim,
    claim_statement,
    document,
    position_tally,
    statement,
    statement_issue,
)

__all__ = [
    "actor_stances",
    "claim_of",
    "date_range",
    "issue_counts",
    "issues",
    "outlets",
    "parties",
    "party_days",
]


def actor_stances(conn: Connection, actor_id: str) -> list[tuple[str, Any, str, int]]:
    """How many countable statements of an actor took each stance on each issue, day by day.

    Rows are ``(issue, date, stance, count)``; statements without an issue come under "".
    Read from the counts the database keeps (``actor_days``): a speaker of 160,000 statements
    costs a few thousand rows, not a group-by of all of them.
    """
    return actor_days.of_actor(conn, actor_id)


def party_days(conn: Connection, issue: str) -> list[tuple[str, date | None, str, int]]:
    """``(party row, day, stance, n)`` of the statements on ``issue`` (day None: undated), read
    from the position tallies every write keeps current: the rows and columns the positions
    matrix counts, without the quotes."""
    t = position_tally
    day = type_coerce(t.c.day, String)  # parsed once per distinct day below, not per row
    q = select(t.c.row_key, day, t.c.stance, t.c.n).where(t.c.by_kind == "party", t.c.col_key == issue)
    undated = UNDATED_DAY.isoformat()
    days: dict[str, date | None] = {}
    out = []
    for row, d, stance, n in conn.execute(q):
        key = str(d)[:10]
        if key not in days:
            days[key] = None if key in (undated, "0001-01-01") else date.fromisoformat(key)
        out.append((str(row), days[key], str(stance), int(n)))
    return out


def claim_of(conn: Connection, statement_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """The claim grouping a statement and every statement in it (outlet, date, document)."""
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
        .order_by(oldest_first(statement.c.date), statement.c.outlet, statement.c.id)
    ).all()
    if head is None:
        return None
    info = head._asdict()
    info["outlets"] = json.loads(info["outlets"] or "[]")
    return info, [m._asdict() for m in members]


def issue_counts(conn: Connection, limit: int | None = None) -> list[tuple[str, int]]:
    """Issues by number of countable statements, most discussed first (from the counters the
    database keeps, ``corpus_counts``: counting them is a scan of every statement)."""
    ranked = sorted(corpus_counts.by_key(conn, "issue").items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:limit] if limit else ranked


def issues(conn: Connection) -> list[str]:
    """Every issue some statement is tagged with, alphabetically (for filter menus)."""
    q = select(statement_issue.c.issue).distinct().order_by(statement_issue.c.issue)
    return [str(i) for i in conn.execute(q).scalars()]


def parties(conn: Connection) -> list[str]:
    """Parties some countable statement's speaker belongs to (for filter menus: a corpus of other
    talks has its own parties, which no packaged list knows), then ``UNAFFILIATED`` when some
    speaker has none: the facets offer "No party", and a menu without it dropped that filter
    the next time its form was sent."""
    counts = corpus_counts.party_counts(conn)
    named = sorted(p for p, n in counts.items() if p and p != UNAFFILIATED and n)
    return named + ([UNAFFILIATED] if counts.get(None) or counts.get(UNAFFILIATED) else [])


def outlets(conn: Connection) -> list[str]:
    """Outlets that carry at least one counted statement, alphabetically (for filter menus).

    Read from the outlet counters the database keeps (``corpus_counts``), a row per outlet: the
    distinct outlets of the statements were a scan of the outlet index on every statements page
    (340 ms at 1M statements on PostgreSQL)."""
    return sorted(corpus_counts.by_key(conn, "outlet"))


def date_range(conn: Connection) -> tuple[Any, Any]:
    """First and last date of the stored statements (None, None for an empty corpus).

    Read off the date index in two probes; rejected and duplicate statements are not
    excluded, since filtering them would scan every row for a bound they rarely move.
    """
    q = select(
        select(func.min(statement.c.date)).scalar_subquery(),  # one aggregate per query: an index probe
        select(func.max(statement.c.date)).scalar_subquery(),
    )
    row = conn.execute(q).one()
    return row[0], row[1]
