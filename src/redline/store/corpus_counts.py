"""Counters of the corpus kept by the database itself: what an overview asks first, in one read.

How many documents, reprints, events and countable statements there are, and the countable
statements per day, per actor and per issue: counting them from the tables costs a scan of
every statement (seconds at a million), and the answer is wanted on every first page after
an ingest. So ``corpus_count`` keeps them, one row per (counter, key), and triggers keep the
rows current on every insert, delete and update of a document, event or statement, in the
transaction that changes them: the writer, corrections, reprocessing, deduplication and any
bulk load are all counted without knowing about it, on SQLite and PostgreSQL alike.

Counters: ``documents``, ``near_duplicates``, ``events``, ``statements`` (key ""); ``day``
(key: the statement's ISO date, "" when undated), ``actor`` (key: actor id), ``issue`` (key:
an issue of the statement's list), ``stance`` and ``outlet`` (the statement's, else its
article's), ``actor_stance`` and ``actor_issue`` (key: actor id, ``SEPARATOR``, stance or
issue), ``issue_stance`` (key: issue, ``SEPARATOR``, stance; added by a later migration,
``create_issue_stance``); all but the first three count countable statements only
(``countable``). A key whose count falls to 0 keeps its row with 0: readers skip them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import Subquery, func, select
from sqlalchemy.engine import Connection

from redline.store.schema import actor, corpus_count
from redline.store.statement_triggers import (
    countable,
    drop_triggers,
    has_issue_stances,
    issue_stance_sql,
    pg_triggers,
    sqlite_triggers,
)

__all__ = [
    "actor_counts",
    "by_key",
    "count",
    "create",
    "day_counts",
    "of_actor",
    "party_counts",
    "per_issue_stances",
    "recount",
    "totals",
]

SEPARATOR = chr(31)  # between the actor id and the stance or issue of a per-actor key


def _sqlite_add(name: str, key: str, n: int, when: str, source: str = "") -> str:
    """An upsert of one counter (or of one per row of ``source``) when ``when`` holds."""
    return (
        f"INSERT INTO corpus_count (name, key, n) SELECT {name}, {key}, {n} {source} WHERE {when} "
        f"ON CONFLICT (name, key) DO UPDATE SET n = n + excluded.n;"
    )


def _outlet(row: str) -> str:
    """The outlet a statement is listed under: its own, else its article's (documents are never
    deleted, so the article is there when its statements are)."""
    return f"SELECT coalesce({row}.outlet, (SELECT outlet FROM document WHERE id = {row}.document_id)) AS o"


def _sqlite_statement(row: str, sign: int, when: str) -> str:
    by_actor = f"{when} AND {row}.actor_id IS NOT NULL"
    return "\n".join(
        [
            _sqlite_add("'statements'", "''", sign, when),
            _sqlite_add("'day'", f"coalesce({row}.date, '')", sign, when),
            _sqlite_add("'actor'", f"{row}.actor_id", sign, f"{when} AND {row}.actor_id IS NOT NULL"),
            _sqlite_add(
                "'issue'", "value", sign, when, f"FROM (SELECT DISTINCT value FROM json_each({row}.issues))"
            ),
            _sqlite_add("'stance'", f"{row}.stance", sign, when),
            _sqlite_add("'actor_stance'", f"{row}.actor_id || char(31) || {row}.stance", sign, by_actor),
            _sqlite_add(
                "'actor_issue'",
                f"{row}.actor_id || char(31) || value",
                sign,
                by_actor,
                f"FROM (SELECT DISTINCT value FROM json_each({row}.issues))",
            ),
            _sqlite_add("'outlet'", "o", sign, f"{when} AND o IS NOT NULL", f"FROM ({_outlet(row)})"),
        ]
    )


_STATEMENT_COLUMNS = "rejected, duplicate, date, actor_id, issues, stance, outlet"


def _when_countable(step: Callable[[str, int], str]) -> Callable[[str, int], str]:
    """A PostgreSQL step that adds only for a countable row."""
    return lambda row, sign: (
        f"""
            IF {countable(row)} THEN {step(row, sign)}
            END IF;"""
    )


_SQLITE = [
    *sqlite_triggers(
        "corpus_count_statement",
        _STATEMENT_COLUMNS,
        lambda row, sign: _sqlite_statement(row, sign, countable(row)),
    ),
    f"""CREATE TRIGGER corpus_count_document_ai AFTER INSERT ON document BEGIN
        {_sqlite_add("'documents'", "''", 1, "1")}
        {_sqlite_add("'near_duplicates'", "''", 1, "NEW.duplicate_of IS NOT NULL")}
    END""",
    f"""CREATE TRIGGER corpus_count_document_ad AFTER DELETE ON document BEGIN
        {_sqlite_add("'documents'", "''", -1, "1")}
        {_sqlite_add("'near_duplicates'", "''", -1, "OLD.duplicate_of IS NOT NULL")}
    END""",
    f"""CREATE TRIGGER corpus_count_document_au AFTER UPDATE OF duplicate_of ON document BEGIN
        {_sqlite_add("'near_duplicates'", "''", -1, "OLD.duplicate_of IS NOT NULL")}
        {_sqlite_add("'near_duplicates'", "''", 1, "NEW.duplicate_of IS NOT NULL")}
    END""",
    f"""CREATE TRIGGER corpus_count_event_ai AFTER INSERT ON event BEGIN
        {_sqlite_add("'events'", "''", 1, "1")}
    END""",
    f"""CREATE TRIGGER corpus_count_event_ad AFTER DELETE ON event BEGIN
        {_sqlite_add("'events'", "''", -1, "1")}
    END""",
]


def _pg_statement(row: str, sign: int) -> str:
    return f"""
        PERFORM corpus_count_add('statements', '', {sign});
        PERFORM corpus_count_add('day', coalesce({row}.date::text, ''), {sign});
        IF {row}.actor_id IS NOT NULL THEN
            PERFORM corpus_count_add('actor', {row}.actor_id, {sign});
            PERFORM corpus_count_add('actor_stance', {row}.actor_id || chr(31) || {row}.stance, {sign});
            PERFORM corpus_count_add('actor_issue', {row}.actor_id || chr(31) || i, {sign})
                FROM (SELECT DISTINCT jsonb_array_elements_text({row}.issues::jsonb) AS i) AS issues;
        END IF;
        PERFORM corpus_count_add('issue', i, {sign})
            FROM (SELECT DISTINCT jsonb_array_elements_text({row}.issues::jsonb) AS i) AS issues;
        PERFORM corpus_count_add('stance', {row}.stance, {sign});
        PERFORM corpus_count_add('outlet', o, {sign}) FROM ({_outlet(row)}) AS outlets WHERE o IS NOT NULL;"""


_PG = [
    """CREATE FUNCTION corpus_count_add(c_name text, c_key text, c_n bigint) RETURNS void AS $$
        INSERT INTO corpus_count (name, key, n) VALUES (c_name, c_key, c_n)
        ON CONFLICT (name, key) DO UPDATE SET n = corpus_count.n + excluded.n
    $$ LANGUAGE sql""",
    *pg_triggers("corpus_count_statement", _STATEMENT_COLUMNS, _when_countable(_pg_statement)),
    """CREATE FUNCTION corpus_count_document() RETURNS trigger AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            IF TG_OP = 'DELETE' THEN PERFORM corpus_count_add('documents', '', -1); END IF;
            IF OLD.duplicate_of IS NOT NULL THEN PERFORM corpus_count_add('near_duplicates', '', -1); END IF;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            IF TG_OP = 'INSERT' THEN PERFORM corpus_count_add('documents', '', 1); END IF;
            IF NEW.duplicate_of IS NOT NULL THEN PERFORM corpus_count_add('near_duplicates', '', 1); END IF;
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE FUNCTION corpus_count_event() RETURNS trigger AS $$
    BEGIN
        PERFORM corpus_count_add('events', '', CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END);
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER corpus_count_document AFTER INSERT OR DELETE OR UPDATE OF duplicate_of
        ON document FOR EACH ROW EXECUTE FUNCTION corpus_count_document()""",
    """CREATE TRIGGER corpus_count_event AFTER INSERT OR DELETE
        ON event FOR EACH ROW EXECUTE FUNCTION corpus_count_event()""",
]

_SQLITE_ISSUES = "SELECT DISTINCT s.pk, j.value FROM statement s, json_each(s.issues) j"
_PG_ISSUES = "SELECT DISTINCT s.pk, jsonb_array_elements_text(s.issues::jsonb) AS value FROM statement s"
_DAY = {"sqlite": "coalesce(date, '')", "postgresql": "coalesce(date::text, '')"}


def _sqlite_issue_stance(row: str, sign: int, when: str, per_issue: bool = False) -> str:
    stance = issue_stance_sql(row, "value", pg=False) if per_issue else f"{row}.stance"
    return _sqlite_add(
        "'issue_stance'",
        f"value || char(31) || {stance}",
        sign,
        when,
        f"FROM (SELECT DISTINCT value FROM json_each({row}.issues))",
    )


_SQLITE_ISSUE_STANCE = sqlite_triggers(
    "corpus_count_issue_stance",
    _STATEMENT_COLUMNS,
    lambda row, sign: _sqlite_issue_stance(row, sign, countable(row)),
)


def _pg_issue_stance(row: str, sign: int, per_issue: bool = False) -> str:
    stance = issue_stance_sql(row, "i", pg=True) if per_issue else f"{row}.stance"
    return f"""
        PERFORM corpus_count_add('issue_stance', i || chr(31) || {stance}, {sign})
            FROM (SELECT DISTINCT jsonb_array_elements_text({row}.issues::jsonb) AS i) AS issues;"""


_PG_ISSUE_STANCE = pg_triggers(
    "corpus_count_issue_stance", _STATEMENT_COLUMNS, _when_countable(_pg_issue_stance)
)


# since migration 0028: each issue with the statement's stance toward it
_SQLITE_PER_ISSUE_STANCE = sqlite_triggers(
    "corpus_count_issue_stance",
    f"{_STATEMENT_COLUMNS}, issue_stances",
    lambda row, sign: _sqlite_issue_stance(row, sign, countable(row), per_issue=True),
)
_PG_PER_ISSUE_STANCE = pg_triggers(
    "corpus_count_issue_stance",
    f"{_STATEMENT_COLUMNS}, issue_stances",
    _when_countable(lambda row, sign: _pg_issue_stance(row, sign, per_issue=True)),
)


def per_issue_stances(conn: Connection) -> None:
    """Migration 0028: the ``issue_stance`` counter counts each issue with the statement's
    stance toward it (its triggers made anew), recounted from what is stored."""
    pg = conn.dialect.name == "postgresql"
    for ddl in drop_triggers("corpus_count_issue_stance", pg):
        conn.exec_driver_sql(ddl)
    create_issue_stance(conn, _PG_PER_ISSUE_STANCE if pg else _SQLITE_PER_ISSUE_STANCE)


def _issue_stance_fill(pg: bool, per_issue: bool = False) -> str:
    sep = "chr(31)" if pg else "char(31)"
    stance = issue_stance_sql("s", "i.value", pg) if per_issue else "s.stance"
    return (
        f"SELECT 'issue_stance', i.value || {sep} || {stance}, count(*) FROM "
        f"({_PG_ISSUES if pg else _SQLITE_ISSUES}) i JOIN statement s ON s.pk = i.pk "
        "WHERE NOT s.rejected AND NOT s.duplicate GROUP BY 1, 2"
    )


def create_issue_stance(conn: Connection, triggers: list[str] | None = None) -> None:
    """The ``issue_stance`` counter, counted from what is stored, and its triggers: a listing
    of one issue and one stance is counted from it instead of a join of the issue's rows."""
    pg = conn.dialect.name == "postgresql"
    conn.execute(corpus_count.delete().where(corpus_count.c.name == "issue_stance"))
    fill = _issue_stance_fill(pg, has_issue_stances(conn))
    conn.exec_driver_sql(f"INSERT INTO corpus_count (name, key, n) {fill}")
    if triggers is None:
        triggers = _PG_ISSUE_STANCE if pg else _SQLITE_ISSUE_STANCE
    for ddl in triggers:
        conn.exec_driver_sql(ddl)


def create(conn: Connection) -> None:
    """The table, counted from what is stored, and the triggers that keep it current."""
    corpus_count.create(conn)
    recount(conn)
    for ddl in _PG if conn.dialect.name == "postgresql" else _SQLITE:
        conn.exec_driver_sql(ddl)


def recount(conn: Connection) -> None:
    """Count every counter again from the tables (the migration, and a repair)."""
    conn.execute(corpus_count.delete())
    pg = conn.dialect.name == "postgresql"
    countable = "NOT rejected AND NOT duplicate"
    sep = "chr(31)" if pg else "char(31)"
    fill = [
        "SELECT 'documents', '', count(*) FROM document",
        "SELECT 'near_duplicates', '', count(*) FROM document WHERE duplicate_of IS NOT NULL",
        "SELECT 'events', '', count(*) FROM event",
        f"SELECT 'statements', '', count(*) FROM statement WHERE {countable}",
        f"SELECT 'day', {_DAY[conn.dialect.name]}, count(*) FROM statement WHERE {countable} GROUP BY 1, 2",
        f"SELECT 'actor', actor_id, count(*) FROM statement WHERE {countable} AND actor_id IS NOT NULL "
        "GROUP BY 1, 2",
        f"SELECT 'stance', stance, count(*) FROM statement WHERE {countable} GROUP BY 1, 2",
        f"SELECT 'actor_stance', actor_id || {sep} || stance, count(*) FROM statement "
        f"WHERE {countable} AND actor_id IS NOT NULL GROUP BY 1, 2",
        f"SELECT 'actor_issue', s.actor_id || {sep} || i.value, count(*) FROM "
        f"({_PG_ISSUES if pg else _SQLITE_ISSUES}) i JOIN statement s ON s.pk = i.pk "
        "WHERE NOT s.rejected AND NOT s.duplicate AND s.actor_id IS NOT NULL GROUP BY 1, 2",
        "SELECT 'outlet', coalesce(s.outlet, d.outlet), count(*) FROM statement s JOIN document d "
        "ON d.id = s.document_id WHERE NOT s.rejected AND NOT s.duplicate "
        "AND coalesce(s.outlet, d.outlet) IS NOT NULL GROUP BY 1, 2",
        f"SELECT 'issue', i.value, count(*) FROM ({_PG_ISSUES if pg else _SQLITE_ISSUES}) i "
        f"JOIN statement s ON s.pk = i.pk WHERE NOT s.rejected AND NOT s.duplicate GROUP BY 1, 2",
    ]
    if _has_issue_stance(conn):
        fill.append(_issue_stance_fill(pg, has_issue_stances(conn)))
    for q in fill:
        conn.exec_driver_sql(f"INSERT INTO corpus_count (name, key, n) {q}")


def _has_issue_stance(conn: Connection) -> bool:
    """Whether the ``issue_stance`` counter's triggers exist (a repair recounts it then)."""
    if conn.dialect.name == "postgresql":
        q = "SELECT count(*) FROM pg_trigger WHERE tgname = 'corpus_count_issue_stance'"
    else:
        q = "SELECT count(*) FROM sqlite_master WHERE name = 'corpus_count_issue_stance_ai'"
    return bool(conn.exec_driver_sql(q).scalar())


def totals(conn: Connection) -> dict[str, int]:
    """``documents``, ``near_duplicates``, ``statements``, ``actors`` (with a countable
    statement) and ``events``: what ``Store.summary`` reports."""
    c = corpus_count
    names = ["documents", "near_duplicates", "statements", "events"]
    found = {
        r.name: int(r.n)
        for r in conn.execute(select(c.c.name, c.c.n).where(c.c.key == "", c.c.name.in_(names)))
    }
    actors = conn.execute(
        select(func.count()).select_from(c).where(c.c.name == "actor", c.c.n > 0)
    ).scalar_one()
    out = {k: found.get(k, 0) for k in names}
    out["actors"] = int(actors)
    return {k: out[k] for k in ("documents", "near_duplicates", "statements", "actors", "events")}


def count(conn: Connection, name: str, key: str = "") -> int:
    """One counter (0 when never counted)."""
    c = corpus_count
    return int(conn.execute(select(c.c.n).where(c.c.name == name, c.c.key == key)).scalar() or 0)


def by_key(conn: Connection, name: str) -> dict[str, int]:
    """The non-zero counts of one counter (``day``, ``actor``, ``issue``) by key."""
    c = corpus_count
    q = select(c.c.key, c.c.n).where(c.c.name == name, c.c.n > 0)
    return {r.key: int(r.n) for r in conn.execute(q)}


def party_counts(conn: Connection) -> dict[str | None, int]:
    """Countable statements per party of their actor (None: no actor, or an actor without one)."""
    c, a = corpus_count, actor
    q = (
        select(a.c.party, func.sum(c.c.n))
        .select_from(c.outerjoin(a, a.c.id == c.c.key))
        .where(c.c.name == "actor")
        .group_by(a.c.party)
    )
    out: dict[str | None, int] = {}
    for party, n in conn.execute(q):
        out[party or None] = out.get(party or None, 0) + int(n or 0)
    without = count(conn, "statements") - sum(out.values())
    if without:
        out[None] = out.get(None, 0) + without
    return {k: n for k, n in out.items() if n}


def of_actor(conn: Connection, name: str, actor_id: str) -> dict[str, int]:
    """``actor_stance`` or ``actor_issue`` counts of one actor: stance (or issue) -> n."""
    c = corpus_count
    prefix = actor_id + SEPARATOR
    q = select(c.c.key, c.c.n).where(
        c.c.name == name, func.substr(c.c.key, 1, len(prefix)) == prefix, c.c.n > 0
    )
    return {r.key[len(prefix) :]: int(r.n) for r in conn.execute(q)}


def actor_counts() -> Subquery:
    """``(actor_id, n)``: countable statements per actor, for the actor index to join."""
    c = corpus_count
    return select(c.c.key.label("actor_id"), c.c.n.label("n")).where(c.c.name == "actor").subquery()


def day_counts(conn: Connection) -> tuple[dict[date, int], int]:
    """Countable statements per day, and how many are undated."""
    days = by_key(conn, "day")
    undated = days.pop("", 0)
    return {date.fromisoformat(k[:10]): n for k, n in days.items()}, undated
