"""Named schema migrations, recorded in ``_migrations``; opening a database upgrades it.

Each migration runs once, in order, in one writer transaction together with the rows that
record it, so a crash mid-upgrade leaves the database as it was before the upgrade. A new
schema change is a new named function appended to ``MIGRATIONS``; released ones never change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import select
from sqlalchemy.engine import Connection

from redline.balance import ReversalTest
from redline.store import tallies
from redline.store.schema import (
    PG_SEARCH_CONFIG,
    UNDATED_DAY,
    metadata,
    migrations_table,
    point_link,
    point_link_state,
    point_link_todo,
    position_cell,
    position_checkpoint,
    position_shift,
    position_tally,
    position_turn,
    store_revision,
)

Migration = Callable[[Connection], None]
Recount = Callable[[Connection, ReversalTest], None]  # recounts the tallies: with the store's test


def _core_tables(conn: Connection) -> None:
    # released tables are read only when a migration builds them: declaring their partial index
    # loads every dialect it names, which opening a current database never needs
    from redline.store import frozen_tables

    frozen_tables.metadata.create_all(conn, tables=list(frozen_tables.TABLES_0001))


def _fts5_index(tokenize: str) -> list[str]:
    """The statements' FTS5 index with the given tokenizer, its triggers and its first fill."""
    return [
        f"""CREATE VIRTUAL TABLE statement_fts USING fts5(
        content, speaker, content='statement', content_rowid='pk', tokenize='{tokenize}')""",
        *_FTS5_TRIGGERS,
        "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
    ]


_FTS5_TRIGGERS = [
    """CREATE TRIGGER statement_fts_ai AFTER INSERT ON statement BEGIN
        INSERT INTO statement_fts(rowid, content, speaker) VALUES (new.pk, new.content, new.speaker);
    END""",
    """CREATE TRIGGER statement_fts_ad AFTER DELETE ON statement BEGIN
        INSERT INTO statement_fts(statement_fts, rowid, content, speaker)
        VALUES ('delete', old.pk, old.content, old.speaker);
    END""",
    """CREATE TRIGGER statement_fts_au AFTER UPDATE OF content, speaker ON statement BEGIN
        INSERT INTO statement_fts(statement_fts, rowid, content, speaker)
        VALUES ('delete', old.pk, old.content, old.speaker);
        INSERT INTO statement_fts(rowid, content, speaker) VALUES (new.pk, new.content, new.speaker);
    END""",
]

_SQLITE_FTS = _fts5_index("unicode61 remove_diacritics 2")

_PG_FTS = [
    """ALTER TABLE statement ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        to_tsvector('english', coalesce(content, '') || ' ' || coalesce(speaker, ''))) STORED""",
    "CREATE INDEX ix_statement_tsv ON statement USING GIN (tsv)",
]


def _fulltext(conn: Connection) -> None:
    for sql in _SQLITE_FTS if conn.dialect.name == "sqlite" else _PG_FTS:
        conn.exec_driver_sql(sql)


# Search stems words alike on both databases (``queries.fts5_query`` says how the queries
# match): SQLite's FTS5 with its Porter stemmer, PostgreSQL with the English Snowball stemmer and
# no stop-word list (``schema.PG_SEARCH_CONFIG``), since FTS5 has none and indexes every word.
_SQLITE_STEMMED = [
    "DROP TRIGGER statement_fts_ai",
    "DROP TRIGGER statement_fts_ad",
    "DROP TRIGGER statement_fts_au",
    "DROP TABLE statement_fts",
    *_fts5_index("porter unicode61 remove_diacritics 2"),
]

_PG_STEMMED = [
    "CREATE TEXT SEARCH DICTIONARY redline_porter_stem (TEMPLATE = snowball, Language = porter)",
    f"CREATE TEXT SEARCH CONFIGURATION {PG_SEARCH_CONFIG} (COPY = english)",
    f"ALTER TEXT SEARCH CONFIGURATION {PG_SEARCH_CONFIG}"
    " ALTER MAPPING REPLACE english_stem WITH redline_porter_stem",
    "DROP INDEX ix_statement_tsv",
    "ALTER TABLE statement DROP COLUMN tsv",
    f"""ALTER TABLE statement ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        to_tsvector('{PG_SEARCH_CONFIG}', coalesce(content, '') || ' ' || coalesce(speaker, ''))) STORED""",
    "CREATE INDEX ix_statement_tsv ON statement USING GIN (tsv)",
]


def _stemmed_search(conn: Connection) -> None:
    """Search finds the same statements on both databases: every word of a statement is indexed
    by its stem, on SQLite (which matched words as prefixes) as on PostgreSQL (which dropped
    common words); the index is made anew from the rows kept."""
    for sql in _SQLITE_STEMMED if conn.dialect.name == "sqlite" else _PG_STEMMED:
        conn.exec_driver_sql(sql)


# Search runs over what was said only: a speaker is found by the actor filter (``--actor``, the
# API's ``actor``), so ``-guild`` no longer drops the guild's own quotes along with the quotes
# that name it. The index is made anew, content alone, with the stemming of 0027.
_SQLITE_CONTENT_ONLY = [
    "DROP TRIGGER statement_fts_ai",
    "DROP TRIGGER statement_fts_ad",
    "DROP TRIGGER statement_fts_au",
    "DROP TABLE statement_fts",
    """CREATE VIRTUAL TABLE statement_fts USING fts5(
        content, content='statement', content_rowid='pk', tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER statement_fts_ai AFTER INSERT ON statement BEGIN
        INSERT INTO statement_fts(rowid, content) VALUES (new.pk, new.content);
    END""",
    """CREATE TRIGGER statement_fts_ad AFTER DELETE ON statement BEGIN
        INSERT INTO statement_fts(statement_fts, rowid, content) VALUES ('delete', old.pk, old.content);
    END""",
    """CREATE TRIGGER statement_fts_au AFTER UPDATE OF content ON statement BEGIN
        INSERT INTO statement_fts(statement_fts, rowid, content) VALUES ('delete', old.pk, old.content);
        INSERT INTO statement_fts(rowid, content) VALUES (new.pk, new.content);
    END""",
    "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
]

_PG_CONTENT_ONLY = [
    "DROP INDEX ix_statement_tsv",
    "ALTER TABLE statement DROP COLUMN tsv",
    f"""ALTER TABLE statement ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        to_tsvector('{PG_SEARCH_CONFIG}', coalesce(content, ''))) STORED""",
    "CREATE INDEX ix_statement_tsv ON statement USING GIN (tsv)",
]


def _content_search(conn: Connection) -> None:
    """Search finds a statement by its words, not by its speaker's name as the text gave it;
    the index is made anew from the rows kept, on both databases alike."""
    for sql in _SQLITE_CONTENT_ONLY if conn.dialect.name == "sqlite" else _PG_CONTENT_ONLY:
        conn.exec_driver_sql(sql)


def _views(conn: Connection) -> None:
    # issues as "nato, territory", sorted (SQLite's group_concat follows the subquery's order)
    agg = (
        "group_concat(i.issue, ', ')"
        if conn.dialect.name == "sqlite"
        else "string_agg(i.issue, ', ' ORDER BY i.issue)"
    )
    conn.exec_driver_sql(
        f"""CREATE VIEW statements_view AS
        SELECT s.id, s.date, coalesce(a.name, s.speaker) AS speaker, s.actor_id, s.stance,
               (SELECT {agg} FROM (SELECT issue FROM statement_issue
                  WHERE statement_id = s.id ORDER BY issue) i) AS issues,
               s.kind, s.content, s.outlet, d.title AS document_title, d.url AS document_url,
               s.document_id, s.content_start, s.content_end, s.speaker_mention, s.cue,
               s.extractor, s.rejected, s.duplicate, s.pk
        FROM statement s
        JOIN document d ON d.id = s.document_id
        LEFT JOIN actor a ON a.id = s.actor_id"""
    )
    conn.exec_driver_sql(
        """CREATE VIEW documents_view AS
        SELECT d.id, d.published, d.outlet, d.title, d.url, d.n_statements,
               d.duplicate_of, o.title AS duplicate_of_title, d.similarity, d.extractor, d.source,
               d.ingested_at
        FROM document d LEFT JOIN document o ON o.id = d.duplicate_of"""
    )
    conn.exec_driver_sql(
        """CREATE VIEW actors_view AS
        SELECT a.id, a.name, a.type, a.kind, a.party, a.country, a.wikidata,
               (SELECT count(*) FROM statement s
                 WHERE s.actor_id = a.id AND NOT s.rejected AND NOT s.duplicate) AS n_statements
        FROM actor a"""
    )
    conn.exec_driver_sql(
        """CREATE VIEW claims_view AS
        SELECT c.id, c.first_date, c.last_date, coalesce(a.name, c.speaker) AS speaker, c.actor_id,
               c.content, c.n_statements, c.n_documents, c.n_outlets, c.outlets
        FROM claim c LEFT JOIN actor a ON a.id = c.actor_id"""
    )


def _negotiation(conn: Connection) -> None:
    """Events of stored documents (written at ingest; an older database gets them on reprocess)
    and the plans of the negotiation: versions, their points in order, reconstructions."""
    from redline.store import frozen_tables

    frozen_tables.metadata.create_all(conn, tables=list(frozen_tables.TABLES_0004))


def _actor_counts(conn: Connection) -> None:
    """An index that answers "statements per actor" (``redline actors``, the API's actor list)
    from the index alone: with only (actor_id, date), every statement row was read to test
    its rejected and duplicate flags. Not part of the table definition, so 0001 stays as released."""
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_statement_actor_counted ON statement (actor_id, rejected, duplicate)"
    )


def _position_tallies(conn: Connection, reversal: ReversalTest) -> None:
    """The tallies positions are read from (``store.tallies``), counted from the statements
    already stored; and an index on the speaker, which a party first seen recounts by."""
    position_tally.create(conn)
    position_shift.create(conn)
    position_cell.create(conn)
    store_revision.create(conn)
    conn.execute(store_revision.insert().values(name=tallies.REVISION, n=0))
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_statement_speaker ON statement (speaker)")
    tallies.rebuild(conn, reversal)


def _point_links(conn: Connection) -> None:
    """Statement -> plan point links kept per version (``store.point_links``); made on first use."""
    metadata.create_all(conn, tables=[point_link, point_link_state, point_link_todo])


def _plan_lineage(conn: Connection) -> None:
    """Plan versions gain author, kind, lineage and source URLs; points gain text status,
    agreement and language (one JSON ``meta`` column each, so later fields need no migration).
    A database whose plan tables were created from the current definitions already has them."""
    from sqlalchemy import inspect

    have = inspect(conn)
    for table in ("plan_version", "plan_point"):
        if "meta" not in {c["name"] for c in have.get_columns(table)}:
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN meta TEXT")


def _alias_keys(conn: Connection) -> None:
    """Aliases stored under the old name key get the extractor's (``knowledge.actors.name_key``),
    so that "Sergiy Kyslytsia" finds the actor first stored as "Serhiy Kyslytsya" in a database
    made before the two keys were one. Each alias kept its text as first seen: the key is
    recomputed from it; a row whose new key the actor already has is the same alias, dropped."""
    from sqlalchemy import and_, delete, update

    from redline.knowledge.actors import name_key
    from redline.store.schema import actor_alias as a

    rows = list(conn.execute(select(a.c.alias, a.c.actor_id, a.c.text).where(a.c.text.is_not(None))))
    have = {(r.alias, r.actor_id) for r in rows}
    for r in rows:
        key = name_key(r.text)
        if not key or key == r.alias:
            continue
        old = and_(a.c.alias == r.alias, a.c.actor_id == r.actor_id)
        if (key, r.actor_id) in have:
            conn.execute(delete(a).where(old))
        else:
            conn.execute(update(a).where(old).values(alias=key))
            have.add((key, r.actor_id))
        have.discard((r.alias, r.actor_id))


def _shift_tallies(conn: Connection, reversal: ReversalTest) -> None:
    """Tallies gain what shifts need (explicit reversals and nobody's-position counts, see
    ``store.tallies``) and the kept shifts their evidence, recounted from the statements; a
    database whose tables were created from the current definitions already has the columns."""
    from sqlalchemy import inspect

    for table in (position_tally, position_shift):
        have = {c["name"] for c in inspect(conn).get_columns(table.name)}
        for col in table.columns:
            if col.name not in have:
                kind = col.type.compile(dialect=conn.dialect)
                zero = "false" if kind == "BOOLEAN" else "0"
                default = f" NOT NULL DEFAULT {zero}" if not col.nullable else ""
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {col.name} {kind}{default}")
    tallies.rebuild(conn, reversal)


def _corpus_counts(conn: Connection) -> None:
    """Counters of the corpus kept by triggers (``store.corpus_counts``), counted from what is
    stored: the overview and the actor index read them instead of counting every statement."""
    from redline.store import corpus_counts

    corpus_counts.create(conn)


def _own_reversals(conn: Connection, reversal: ReversalTest) -> None:
    """Tallies recounted: a statement's explicit reversal now counts only when it is about the
    speaker's own position (``balance.reversal_test``), which the tallies test at write time."""
    tallies.rebuild(conn, reversal)


def _tally_day_index(conn: Connection) -> None:
    """An index of the tallies by day: a matrix's undated counts are one day across every
    column, which the key (column first) made a scan of all of a kind's tallies (0.15 s at 1M
    statements, on every positions call). Tables made from the current definitions have it."""
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_position_tally_day ON position_tally (by_kind, day)")


def _actor_days(conn: Connection) -> None:
    """Per actor, issue, day and stance counts kept by triggers (``store.actor_days``), counted
    from what is stored: an actor's page reads them instead of all the actor's statements."""
    from redline.store import actor_days

    actor_days.create(conn)


def _issue_stance_counts(conn: Connection) -> None:
    """Countable statements per issue and stance kept by triggers (``corpus_counts``): a listing
    narrowed to both is counted from them, not from a join of all the issue's statements."""
    from redline.store import corpus_counts

    corpus_counts.create_issue_stance(conn)


def _tally_reversal_index(conn: Connection) -> None:
    """A partial index of the tallies that hold a reversal: a matrix as of a past day reads
    their quotes apart (``tallies.as_of``), which scanned every tally of a kind up to the day
    (50 ms at 1M statements on every first call after a write) to find the few that have one."""
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_position_tally_rev ON position_tally (by_kind, day) WHERE rev_n > 0"
    )


def _point_tallies(conn: Connection, reversal: ReversalTest) -> None:
    """Tallies by plan point kept per version (``store.point_tallies``) with each cell's balance
    and shifts (``store.point_cells``), counted from the links already made: positions by point
    read them instead of every link of the version."""
    from redline.store import point_tallies
    from redline.store.schema import point_cell, point_link_reference, point_shift, point_tally

    metadata.create_all(conn, tables=[point_tally, point_cell, point_shift, point_link_reference])
    point_tallies.rebuild(conn, reversal)


def _walk_checkpoints(conn: Connection) -> None:
    """Each cell's walk kept by week and the changes its shifts are weighed at
    (``store.walk_checkpoints``), walked from the stored tallies: a matrix as of a past day
    reads those and a week of tallies, not every tally up to the day (0.45 s at 1M statements
    on every first call after a write)."""
    from redline.store.balances import rewalk

    position_checkpoint.create(conn, checkfirst=True)
    position_turn.create(conn, checkfirst=True)
    t = position_tally
    cells = select(t.c.by_kind, t.c.col_key, t.c.row_key).where(t.c.day != UNDATED_DAY).distinct()
    by_column: dict[tuple[str, str], set[tuple[str, str, str]]] = {}
    for r in conn.execute(cells):
        by_column.setdefault((r[0], r[1]), set()).add((r[0], r[1], r[2]))
    for column_cells in by_column.values():  # a column at a time: at 1M statements, not all at once
        rewalk(conn, column_cells)


def _point_checkpoints(conn: Connection) -> None:
    """The walk of each cell by plan point kept by week with its turns (``point_checkpoint``,
    ``point_turn``), walked from the stored point tallies: a matrix by plan point as of a past
    day reads those and a week of point tallies, not every point tally up to the day (seconds
    per call at 1M statements)."""
    from redline.store import point_cells
    from redline.store.schema import point_checkpoint, point_tally, point_turn

    point_checkpoint.create(conn, checkfirst=True)
    point_turn.create(conn, checkfirst=True)
    t = point_tally
    cells = select(t.c.plan, t.c.label, t.c.by_kind, t.c.col_key, t.c.row_key).where(t.c.day != UNDATED_DAY)
    by_column: dict[tuple[str, str, str, str], set[point_cells.Cell]] = {}
    for r in conn.execute(cells.distinct()):
        by_column.setdefault((r[0], r[1], r[2], r[3]), set()).add((r[0], r[1], r[2], r[3], r[4]))
    for column_cells in by_column.values():  # a column at a time, as 0018 walks them
        point_cells.rewalk(conn, column_cells)


def _reversal_on_plan(conn: Connection, reversal: ReversalTest) -> None:
    """Tallies recounted: a statement that says outright that its speaker's position changed
    now counts on the plan as a whole too when it lists it after another issue
    (``model.stance_issues``), so such a reversal turns the plan's cell as it turns the first."""
    tallies.rebuild(conn, reversal)


def _point_issue_tallies(conn: Connection, reversal: ReversalTest) -> None:
    """The tallies by plan point kept per issue of the statements too (``point_issue_tally``),
    counted from the links already made, with their cells, shifts and walk by week
    (``point_issue_cell`` ... ``point_issue_turn``): positions by point narrowed to an issue
    read them instead of aggregating the issue's links on every call (2.5-2.9 s at 1M)."""
    from redline.store import point_tallies

    point_tallies.rebuild_issues(conn, reversal)


def _corrected_dates(conn: Connection) -> None:
    """Statements keep the date their document gives (``m_date``) beside the effective one, which
    an analyst's correction may change (``statement_override.date``/``undated``): the columns are
    added, and every stored date is the machine's, since no correction could change one before."""
    from sqlalchemy import inspect, update

    from redline.store.schema import statement, statement_override

    for table in (statement, statement_override):
        have = {c["name"] for c in inspect(conn).get_columns(table.name)}
        for col in table.columns:
            if col.name in have:
                continue
            ddl = f"ALTER TABLE {table.name} ADD COLUMN {col.name} {col.type.compile(dialect=conn.dialect)}"
            if not col.nullable:
                ddl += f" NOT NULL DEFAULT {col.server_default.arg.text}"  # type: ignore[union-attr]
            conn.exec_driver_sql(ddl)
    conn.execute(update(statement).values(m_date=statement.c.date))


def _quote_revision(conn: Connection) -> None:
    """A counter of changes to stored statements and documents, moved by triggers on every
    UPDATE or DELETE of either (``store.quote_cache``): the quotes a positions answer cites are
    kept in memory across writes that only add, instead of read anew after each (about 200 ms
    of the first call by actor after a write at 1M statements)."""
    from redline.store import quote_cache

    quote_cache.create(conn)


def _stance_confidence(conn: Connection, reversal: ReversalTest) -> None:
    """Statements keep how likely the models found their stance, which ranks the quote a cell
    shows (``balance.certainty``, ``balance.quote_rank``). Stored statements get 1.0, "not
    measured", until they are extracted again; every tally is recounted, since the rank its
    strongest quote was stored with now counts that certainty too. 0022 adds every column the
    table lacks, this one included, on a database that ran it after the column was declared."""
    from redline.store import point_tallies

    if not tallies.has_stance_confidence(conn):
        conn.exec_driver_sql("ALTER TABLE statement ADD COLUMN stance_confidence FLOAT NOT NULL DEFAULT 1.0")
    tallies.rebuild(conn, reversal)
    point_tallies.rebuild(conn, reversal)


# the date indexes a list is read along newest first: (index, table, leading columns, date column)
_DATE_INDEXES = (
    ("ix_statement_date", "statement", "", "date"),
    ("ix_statement_actor_date", "statement", "actor_id, ", "date"),
    ("ix_statement_stance_date", "statement", "stance, ", "date"),
    ("ix_statement_outlet_date", "statement", "outlet, ", "date"),
    ("ix_statement_issue_issue_date", "statement_issue", "issue, ", "date"),
    ("ix_document_published", "document", "", "published"),
    ("ix_claim_first_date", "claim", "", "first_date"),
)


def _undated_last(conn: Connection) -> None:
    """PostgreSQL's date indexes are rebuilt ``NULLS FIRST``, the order SQLite keeps: read
    backwards they give newest first with the undated last (``_sql.newest_first``), the order
    of a page on both databases, and a list of statements stays an index scan instead of a sort
    of every match. SQLite already sorts NULL first, so its indexes stay as they are."""
    if conn.dialect.name != "postgresql":
        return
    for name, table, lead, col in _DATE_INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE INDEX {name} ON {table} ({lead}{col} ASC NULLS FIRST)")


def _document_copies(conn: Connection) -> None:
    """Verbatim copies are kept as who carried a stored document (outlet, URL, date), not as
    text (``store.copies``): a claim counts their outlets, and an undated original takes the
    earliest date a copy or reprint gives."""
    from redline.store.schema import document_copy

    document_copy.create(conn, checkfirst=True)


def _issue_stances(conn: Connection) -> None:
    """A statement keeps its stance toward each issue (``statement.m_issue_stances`` and
    ``issue_stances``, a JSON object in salience order; ``statement_issue.stance`` on each link)
    and a stance correction the issue it is toward (``statement_override.issue``). Stored
    statements get none yet (NULL: every issue has ``stance``, the first issue's, as before)
    and each link that stance, so every count stays as it was until ``redline reprocess``
    reads the statements again; the counters kept by triggers count each issue by its own
    stance from now on (``actor_days``, ``corpus_counts``' ``issue_stance``). A column a
    database already has (0022 adds every column the table lacks) is left as it is."""
    from sqlalchemy import inspect, update

    from redline.store import actor_days, corpus_counts
    from redline.store.schema import statement, statement_issue, statement_override

    wanted = {
        statement: ("m_issue_stances", "issue_stances"),
        statement_issue: ("stance",),
        statement_override: ("issue",),
    }
    for table, names in wanted.items():
        have = {c["name"] for c in inspect(conn).get_columns(table.name)}
        for name in names:
            if name not in have:
                kind = table.c[name].type.compile(dialect=conn.dialect)
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {name} {kind}")
    si = statement_issue
    first = select(statement.c.stance).where(statement.c.id == si.c.statement_id).scalar_subquery()
    conn.execute(update(si).values(stance=first))
    actor_days.per_issue_stances(conn)
    corpus_counts.per_issue_stances(conn)


def salience_order(issues: list[str], by_issue: dict[str, str]) -> list[str]:
    """A statement's issues in the order of its stances by issue (salience: the first is the one
    its stance is toward), then any the map lacks in their stored order."""
    return [i for i in by_issue if i in issues] + [i for i in issues if i not in by_issue]


def _issue_order(conn: Connection, reversal: ReversalTest) -> None:
    """A statement's ``issues`` (and ``m_issues``) were stored sorted by name, while the stance
    is toward the first in salience order: the tallies then counted a statement whose generic
    issue sorts first ("plan_overall" before "territory") on the plan as a whole, and readers
    took the wrong issue for the first. The salience order is restored from the stances by
    issue (a JSON object in that order, migration 0028); statements stored before those were
    kept have none and stay as they are. The tallies are recounted, as the order places a
    statement (``model.stance_issues``)."""
    import json

    from sqlalchemy import update

    from redline.store import point_tallies
    from redline.store.schema import statement

    s = statement
    q = select(s.c.id, s.c.issues, s.c.issue_stances, s.c.m_issues, s.c.m_issue_stances).where(
        s.c.issue_stances.is_not(None) | s.c.m_issue_stances.is_not(None)
    )
    changed: list[dict[str, str]] = []
    for r in conn.execute(q).all():
        values: dict[str, str] = {}
        for col, stances in (("issues", r.issue_stances), ("m_issues", r.m_issue_stances)):
            stored = json.loads(getattr(r, col))
            if stances:
                ordered = salience_order(stored, json.loads(stances))
                if ordered != stored:
                    values[col] = json.dumps(ordered)
        if values:
            changed.append({"key": r.id, **values})
    for row in changed:
        key = row.pop("key")
        conn.execute(update(s).where(s.c.id == key).values(**row))
    if changed:
        tallies.rebuild(conn, reversal)
        point_tallies.rebuild(conn, reversal)


def _nuance_shifts(conn: Connection, reversal: ReversalTest) -> None:
    """Shifts are of two kinds (``balance.shift_kind``): a move between support and conditional
    support is a nuance, kept with its turns as a reversal is; the stored walks had none, so every
    tally is walked anew."""
    from redline.store import point_tallies

    tallies.rebuild(conn, reversal)
    point_tallies.rebuild(conn, reversal)


MIGRATIONS: tuple[tuple[str, Migration | Recount], ...] = (
    ("0001_core_tables", _core_tables),
    ("0002_fulltext", _fulltext),
    ("0003_views", _views),
    ("0004_negotiation", _negotiation),
    ("0005_actor_counts", _actor_counts),
    ("0006_position_tallies", _position_tallies),
    ("0007_point_links", _point_links),
    ("0008_plan_lineage", _plan_lineage),
    ("0009_alias_keys", _alias_keys),
    ("0010_shift_tallies", _shift_tallies),
    ("0011_corpus_counts", _corpus_counts),
    ("0012_own_reversals", _own_reversals),
    ("0013_tally_day_index", _tally_day_index),
    ("0014_actor_days", _actor_days),
    ("0015_issue_stance_counts", _issue_stance_counts),
    ("0016_tally_reversal_index", _tally_reversal_index),
    ("0017_point_tallies", _point_tallies),
    ("0018_walk_checkpoints", _walk_checkpoints),
    ("0019_point_checkpoints", _point_checkpoints),
    ("0020_reversal_on_plan", _reversal_on_plan),
    ("0021_point_issue_tallies", _point_issue_tallies),
    ("0022_corrected_dates", _corrected_dates),
    ("0023_quote_revision", _quote_revision),
    ("0024_stance_confidence", _stance_confidence),
    ("0025_undated_last", _undated_last),
    ("0026_document_copies", _document_copies),
    ("0027_stemmed_search", _stemmed_search),
    ("0028_issue_stances", _issue_stances),
    ("0029_issue_order", _issue_order),
    ("0030_content_search", _content_search),
    ("0031_nuance_shifts", _nuance_shifts),
)


def applied(conn: Connection) -> list[str]:
    """Names of the migrations this database has recorded, in order of application."""
    if not conn.dialect.has_table(conn, migrations_table.name):
        return []
    rows = conn.execute(select(migrations_table.c.name).order_by(migrations_table.c.name))
    return [r[0] for r in rows]


_RECOUNTS: frozenset[Recount] = frozenset(
    {
        _position_tallies,
        _shift_tallies,
        _own_reversals,
        _point_tallies,
        _reversal_on_plan,
        _point_issue_tallies,
        _stance_confidence,
        _issue_order,
        _nuance_shifts,
    }
)


def migrate(conn: Connection, reversal: ReversalTest, *, upto: str | None = None) -> list[str]:
    """Apply every pending migration (or those up to ``upto``) in the caller's write
    transaction (``Store.open``); return the names applied. ``reversal``: the store's test
    (``Store.reversal``), which a migration that recounts the tallies counts with."""
    done: list[str] = []
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7262010)")
    migrations_table.create(conn, checkfirst=True)
    have = {r[0] for r in conn.execute(select(migrations_table.c.name))}
    for name, step in MIGRATIONS:
        if name not in have:
            if step in _RECOUNTS:
                step(conn, reversal)
            else:
                cast(Migration, step)(conn)
            conn.execute(migrations_table.insert().values(name=name, applied_at=datetime.now(UTC)))
            done.append(name)
        if name == upto:
            break
    return done
