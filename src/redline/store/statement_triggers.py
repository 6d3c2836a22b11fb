"""Triggers that keep a count of statement rows current, on SQLite and PostgreSQL alike.

Counters kept by the database (``corpus_counts``, ``actor_days``) must follow every insert,
delete and change of a statement, whoever makes it: the writer, a correction, a reprocess, a
bulk load. Each counts a row in with +1 and out with -1; an update counts the old row out and
the new one in. That skeleton is the same for every counter and lives here; a counter gives
the SQL that adds ``sign`` for one row (``OLD`` or ``NEW``).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

__all__ = [
    "countable",
    "drop_triggers",
    "has_issue_stances",
    "issue_stance_sql",
    "pg_triggers",
    "sqlite_triggers",
]

Step = Callable[[str, int], str]  # (row: "OLD" or "NEW", sign) -> SQL adding sign for that row


def countable(row: str) -> str:
    """The condition under which a statement row is counted (``store.countable``, in a trigger)."""
    return f"NOT {row}.rejected AND NOT {row}.duplicate"


def issue_stance_sql(row: str, issue: str, pg: bool) -> str:
    """The stance of a statement row (``OLD``, ``NEW`` or an alias) toward the issue that SQL
    ``issue`` names: its own from ``issue_stances`` (migration 0028), else ``stance`` (as
    ``model.issue_stance`` reads it)."""
    if pg:
        return f"coalesce({row}.issue_stances::jsonb ->> {issue}, {row}.stance)"
    return f"""coalesce(json_extract({row}.issue_stances, '$."' || {issue} || '"'), {row}.stance)"""


def has_issue_stances(conn: Connection) -> bool:
    """Whether this database's statements keep their stances by issue (migration 0028 or a
    database made from the current tables): a recount reads them then."""
    return "issue_stances" in {c["name"] for c in inspect(conn).get_columns("statement")}


def drop_triggers(name: str, pg: bool) -> list[str]:
    """What removes the triggers ``sqlite_triggers`` or ``pg_triggers`` made under ``name``."""
    if pg:
        return [f"DROP TRIGGER IF EXISTS {name} ON statement", f"DROP FUNCTION IF EXISTS {name}()"]
    return [f"DROP TRIGGER IF EXISTS {name}_{op}" for op in ("ai", "ad", "au")]


def sqlite_triggers(name: str, columns: str, step: Step) -> list[str]:
    """SQLite's three triggers (``_ai``, ``_ad``, ``_au`` on a change of ``columns``)."""
    return [
        f"""CREATE TRIGGER {name}_ai AFTER INSERT ON statement BEGIN
        {step("NEW", 1)}
    END""",
        f"""CREATE TRIGGER {name}_ad AFTER DELETE ON statement BEGIN
        {step("OLD", -1)}
    END""",
        f"""CREATE TRIGGER {name}_au AFTER UPDATE OF {columns} ON statement BEGIN
        {step("OLD", -1)}
        {step("NEW", 1)}
    END""",
    ]


def pg_triggers(name: str, columns: str, step: Step) -> list[str]:
    """PostgreSQL's trigger function ``name()`` doing the same, and its trigger."""
    return [
        f"""CREATE FUNCTION {name}() RETURNS trigger AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN {step("OLD", -1)}
        END IF;
        IF TG_OP <> 'DELETE' THEN {step("NEW", 1)}
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
        f"""CREATE TRIGGER {name} AFTER INSERT OR DELETE OR UPDATE OF {columns}
        ON statement FOR EACH ROW EXECUTE FUNCTION {name}()""",
    ]
