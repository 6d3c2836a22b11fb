"""Per actor, issue, day and stance, how many countable statements: kept by the database.

An actor's page shows, per issue, the stances taken day by day. Counted from the statements
that was a group-by over all of an actor's statements (2.9 s for a speaker of 160,000 at 1M
statements, on the first view after every write). ``actor_day`` keeps the counts, and
triggers keep them current in the transaction that inserts, deletes or changes a statement,
as ``corpus_counts`` keeps its counters: the writer, corrections, reprocessing and bulk loads
are counted without knowing about it, on SQLite and PostgreSQL alike. The issues are those of
the statement's list (each once), "" for a statement with none; the day is ISO text, ""
when undated. A key whose count falls to 0 keeps its row with 0: the reader skips them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from redline.store.schema import actor_day
from redline.store.statement_triggers import (
    countable,
    drop_triggers,
    has_issue_stances,
    issue_stance_sql,
    pg_triggers,
    sqlite_triggers,
)

__all__ = ["create", "of_actor", "per_issue_stances", "recent", "recount"]


def _counted(row: str) -> str:
    return f"{countable(row)} AND {row}.actor_id IS NOT NULL"


def _sqlite_add(row: str, sign: int, per_issue: bool = False) -> str:
    stance = issue_stance_sql(row, "issue", pg=False) if per_issue else f"{row}.stance"
    issues = (
        f"SELECT DISTINCT value AS issue FROM json_each({row}.issues) "
        f"UNION SELECT '' WHERE json_array_length({row}.issues) = 0"
    )
    return (
        f"INSERT INTO actor_day (actor_id, issue, day, stance, n) "
        f"SELECT {row}.actor_id, issue, coalesce({row}.date, ''), {stance}, {sign} FROM ({issues}) "
        f"WHERE {_counted(row)} "
        f"ON CONFLICT (actor_id, issue, day, stance) DO UPDATE SET n = n + excluded.n;"
    )


_COLUMNS = "rejected, duplicate, date, actor_id, issues, stance"

_SQLITE = sqlite_triggers("actor_day", _COLUMNS, _sqlite_add)
# since migration 0028: each issue with the statement's stance toward it
_PER_ISSUE_COLUMNS = f"{_COLUMNS}, issue_stances"
_SQLITE_PER_ISSUE = sqlite_triggers(
    "actor_day", _PER_ISSUE_COLUMNS, lambda row, sign: _sqlite_add(row, sign, per_issue=True)
)


def _pg_add(row: str, sign: int, per_issue: bool = False) -> str:
    stance = issue_stance_sql(row, "i.issue", pg=True) if per_issue else f"{row}.stance"
    issues = (
        f"SELECT DISTINCT jsonb_array_elements_text({row}.issues::jsonb) AS issue "
        f"UNION SELECT '' WHERE jsonb_array_length({row}.issues::jsonb) = 0"
    )
    return f"""
        IF {_counted(row)} THEN
            INSERT INTO actor_day (actor_id, issue, day, stance, n)
            SELECT {row}.actor_id, i.issue, coalesce({row}.date::text, ''), {stance}, {sign}
            FROM ({issues}) AS i
            ON CONFLICT (actor_id, issue, day, stance) DO UPDATE SET n = actor_day.n + excluded.n;
        END IF;"""


_PG = pg_triggers("actor_day_statement", _COLUMNS, _pg_add)
_PG_PER_ISSUE = pg_triggers(
    "actor_day_statement", _PER_ISSUE_COLUMNS, lambda row, sign: _pg_add(row, sign, per_issue=True)
)

_SQLITE_ISSUES = (
    "SELECT DISTINCT s.pk, j.value AS issue FROM statement s, json_each(s.issues) j "
    "UNION ALL SELECT s.pk, '' FROM statement s WHERE json_array_length(s.issues) = 0"
)
_PG_ISSUES = (
    "SELECT DISTINCT s.pk, jsonb_array_elements_text(s.issues::jsonb) AS issue FROM statement s "
    "UNION ALL SELECT s.pk, '' FROM statement s WHERE jsonb_array_length(s.issues::jsonb) = 0"
)


def create(conn: Connection) -> None:
    """The table, counted from what is stored, and the triggers that keep it current."""
    actor_day.create(conn, checkfirst=True)
    recount(conn)
    for ddl in _PG if conn.dialect.name == "postgresql" else _SQLITE:
        conn.exec_driver_sql(ddl)


def per_issue_stances(conn: Connection) -> None:
    """Migration 0028: the triggers count each issue with the statement's stance toward it;
    recounted, as every issue of a stored statement still has its ``stance``."""
    pg = conn.dialect.name == "postgresql"
    for ddl in [
        *drop_triggers("actor_day_statement" if pg else "actor_day", pg),
        *(_PG_PER_ISSUE if pg else _SQLITE_PER_ISSUE),
    ]:
        conn.exec_driver_sql(ddl)
    recount(conn)


def recount(conn: Connection) -> None:
    """Count every row again from the statements (the migration, and a repair)."""
    conn.execute(actor_day.delete())
    pg = conn.dialect.name == "postgresql"
    day = "coalesce(s.date::text, '')" if pg else "coalesce(s.date, '')"
    stance = issue_stance_sql("s", "i.issue", pg) if has_issue_stances(conn) else "s.stance"
    conn.exec_driver_sql(
        "INSERT INTO actor_day (actor_id, issue, day, stance, n) "
        f"SELECT s.actor_id, i.issue, {day}, {stance}, count(*) "
        f"FROM ({_PG_ISSUES if pg else _SQLITE_ISSUES}) i JOIN statement s ON s.pk = i.pk "
        "WHERE NOT s.rejected AND NOT s.duplicate AND s.actor_id IS NOT NULL GROUP BY 1, 2, 3, 4"
    )


def of_actor(conn: Connection, actor_id: str) -> list[tuple[str, Any, str, int]]:
    """``(issue, date, stance, count)`` of one actor's countable statements (issue "" for
    none; date None when undated), as ``lookup.actor_stances`` gives them."""
    t = actor_day
    q = select(t.c.issue, t.c.day, t.c.stance, t.c.n).where(t.c.actor_id == actor_id, t.c.n > 0)
    days: dict[str, date | None] = {}
    out = []
    for r in conn.execute(q):
        if r.day not in days:
            days[r.day] = date.fromisoformat(r.day) if r.day else None
        out.append((r.issue, days[r.day], r.stance, int(r.n)))
    return out


def recent(
    conn: Connection, actor_id: str, days: int
) -> tuple[dict[str, int], list[tuple[str, Any, str, int]]]:
    """Per issue, how many countable statements the actor has, and the ``of_actor`` rows of
    its ``days`` latest dated days on the issue and its undated ones: what an actor's page
    shows, without reading every day of a speaker who talks every day."""
    t = actor_day
    mine = [t.c.actor_id == actor_id, t.c.n > 0]
    totals = {
        r[0]: int(r[1])
        for r in conn.execute(select(t.c.issue, func.sum(t.c.n)).where(*mine).group_by(t.c.issue))
    }
    parsed: dict[str, date | None] = {}
    out = []
    for issue in totals:
        on = [*mine, t.c.issue == issue]
        latest = select(t.c.day).where(*on, t.c.day != "").distinct().order_by(t.c.day.desc())
        first = conn.execute(latest.offset(days - 1).limit(1)).scalar()
        q = select(t.c.day, t.c.stance, t.c.n).where(*on)
        if first is not None:
            q = q.where(or_(t.c.day >= first, t.c.day == ""))
        for r in conn.execute(q):
            if r.day not in parsed:
                parsed[r.day] = date.fromisoformat(r.day) if r.day else None
            out.append((issue, parsed[r.day], r.stance, int(r.n)))
    return totals, out
