"""The corpus tables, declared once for SQLite and PostgreSQL.

Machine values (what the extractor said) and effective values (after analyst overrides) sit
side by side on ``statement`` so that filters hit plain indexed columns; ``statement_override``
is the record of corrections and the only place they live, so re-extraction can rebuild the
machine side and re-apply them. ``outlet`` and ``date`` are copied onto statements because
every listing filters and sorts on them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()

# BIGINT on PostgreSQL, but INTEGER on SQLite so that the primary key is the rowid (stable
# across VACUUM, which the external-content FTS5 index relies on).
_Pk = BigInteger().with_variant(Integer(), "sqlite")

migrations_table = Table(
    "_migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

document = Table(
    "document",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text),
    Column("canonical_url", Text),
    Column("content_hash", String(64), nullable=False),
    Column("title", Text),
    Column("published", Date),
    Column("outlet", String(200)),
    Column("source", Text),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("metadata", Text),  # JSON
    Column("duplicate_of", String(64), ForeignKey("document.id")),
    Column("similarity", Float),
    Column("minhash", LargeBinary),
    Column("extractor", String(100)),
    Column("n_statements", Integer, nullable=False, server_default=text("0")),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_document_content_hash", "content_hash", unique=True),
    # Unique where set. Migration 0001 builds it partial (WHERE canonical_url IS NOT NULL); it is
    # declared plain here because naming dialect options loads those dialects on import, and both
    # databases already let a unique index hold many NULLs, so the two behave alike.
    Index("ix_document_canonical_url", "canonical_url", unique=True),
    Index("ix_document_published", "published"),
    Index("ix_document_outlet", "outlet"),
    Index("ix_document_duplicate_of", "duplicate_of"),
)

document_band = Table(
    "document_band",
    metadata,
    Column("band_hash", BigInteger, primary_key=True),
    Column("document_id", String(64), ForeignKey("document.id", ondelete="CASCADE"), primary_key=True),
)

actor = Table(
    "actor",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(40)),
    Column("kind", String(20), nullable=False),  # kb | name (keyed by normalised name)
    Column("party", String(60)),
    Column("country", String(3)),
    Column("wikidata", String(40)),
)

actor_alias = Table(
    "actor_alias",
    metadata,
    Column("alias", String(300), primary_key=True),  # normalised
    Column("actor_id", String(200), ForeignKey("actor.id"), primary_key=True),
    Column("source", String(20), nullable=False),  # kb | name | apposition | correction
    Column("document_id", String(64)),
    Column("text", Text),  # as first seen
)

statement = Table(
    "statement",
    metadata,
    Column("pk", _Pk, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False),
    Column("document_id", String(64), ForeignKey("document.id"), nullable=False),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("speaker_mention", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("m_speaker", Text),  # machine values
    Column("m_actor_id", String(200)),
    Column("m_issues", Text, nullable=False),  # JSON list
    Column("m_stance", String(12), nullable=False),
    Column("speaker", Text),  # effective values (machine + overrides)
    Column("actor_id", String(200), ForeignKey("actor.id")),
    Column("stance", String(12), nullable=False),
    Column("issues", Text, nullable=False),  # JSON list, mirrored in statement_issue
    Column("rejected", Boolean, nullable=False, server_default=text("false")),
    Column("date", Date),
    Column("outlet", String(200)),
    Column("duplicate", Boolean, nullable=False, server_default=text("false")),
    Column("confidence", Float, nullable=False),
    Column("extractor", String(100), nullable=False),
    # migration 0022: the date its document gives (``date`` is that or an analyst's correction)
    Column("m_date", Date),
    # migration 0024: how likely the models found ``m_stance`` (``Statement.stance_confidence``)
    Column("stance_confidence", Float, nullable=False, server_default=text("1.0")),
    # migration 0028: the stance toward each issue, a JSON object in salience order (the first
    # key is the issue ``stance`` is toward); machine and effective, as ``m_stance`` and ``stance``.
    # NULL: stored before, every issue has ``stance`` (``model.issue_stance``) until reprocessed
    Column("m_issue_stances", Text),
    Column("issue_stances", Text),
    Index("ix_statement_id", "id", unique=True),
    Index("ix_statement_document", "document_id"),
    # the date indexes (these, the issue's, document.published, claim.first_date) are NULLS
    # FIRST on PostgreSQL since migration 0025, as SQLite orders them: ``_sql.newest_first``
    Index("ix_statement_actor_date", "actor_id", "date"),
    Index("ix_statement_stance_date", "stance", "date"),
    Index("ix_statement_outlet_date", "outlet", "date"),
    Index("ix_statement_date", "date"),
)

statement_issue = Table(
    "statement_issue",
    metadata,
    Column("issue", String(60), primary_key=True),
    Column("statement_id", String(64), primary_key=True),
    Column("date", Date),
    Column("stance", String(12)),  # migration 0028: the statement's stance toward this issue
    Index("ix_statement_issue_issue_date", "issue", "date"),
    Index("ix_statement_issue_statement", "statement_id"),
)

statement_override = Table(
    "statement_override",
    metadata,
    Column("id", _Pk, primary_key=True, autoincrement=True),
    Column("statement_id", String(64), nullable=False),
    Column("document_id", String(64), nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("content", Text, nullable=False),
    Column("speaker", Text),
    Column("actor_id", String(200)),
    Column("issues", Text),  # JSON list
    Column("stance", String(12)),
    # migration 0028: the issue a stance correction is toward (NULL: the first issue, ``stance``)
    Column("issue", String(60)),
    Column("reject", Boolean, nullable=False, server_default=text("false")),
    Column("who", String(200), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("note", Text),
    Column("attached", String(10), nullable=False, server_default=text("'id'")),  # id | overlap | orphan
    # migration 0022: the day it was said as the analyst reads it, or ``undated`` (no day known)
    Column("date", Date),
    Column("undated", Boolean, nullable=False, server_default=text("false")),
    Index("ix_override_statement", "statement_id"),
    Index("ix_override_document", "document_id"),
)

# migration 0026: an outlet's verbatim copy of a stored document (the same text or URL under
# another id), not stored twice: who carried it, where and when (``store.copies``)
document_copy = Table(
    "document_copy",
    metadata,
    Column("document_id", String(64), ForeignKey("document.id", ondelete="CASCADE"), primary_key=True),
    Column("copy_id", String(64), primary_key=True),
    Column("url", Text),
    Column("outlet", String(200)),
    Column("published", Date),
)

claim = Table(
    "claim",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("actor_id", String(200)),
    Column("speaker", Text),
    Column("content", Text, nullable=False),
    Column("first_date", Date),
    Column("last_date", Date),
    Column("n_statements", Integer, nullable=False),
    Column("n_documents", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("outlets", Text),  # JSON list
    Index("ix_claim_actor", "actor_id"),
    Index("ix_claim_first_date", "first_date"),
)

claim_statement = Table(
    "claim_statement",
    metadata,
    Column("claim_id", String(64), primary_key=True),
    Column("statement_id", String(64), primary_key=True),
    Index("ix_claim_statement_statement", "statement_id"),
)

CORE_TABLES = (
    document,
    document_band,
    actor,
    actor_alias,
    statement,
    statement_issue,
    statement_override,
    claim,
    claim_statement,
)

# -- added by migration 0004_negotiation ------------------------------------------------------
event = Table(
    "event",
    metadata,
    Column("document_id", String(64), ForeignKey("document.id"), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("type", String(60), nullable=False),
    Column("trigger", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("actors", Text, nullable=False),  # JSON list of names
    Column("actor_ids", Text, nullable=False),  # JSON list (ids or null)
    Column("place", Text),
    Column("date", Date),
    Column("date_precision", String(10)),
    Column("planned", Boolean, nullable=False, server_default=text("false")),
    Column("extractor", String(100), nullable=False),
    Index("ix_event_date", "date"),
)

plan = Table(
    "plan",
    metadata,
    Column("name", String(200), primary_key=True),
)

plan_version = Table(
    "plan_version",
    metadata,
    Column("plan", String(200), ForeignKey("plan.name"), primary_key=True),
    Column("label", String(200), primary_key=True),
    Column("date", Date),
    Column("source", Text),
    Column("reported", Boolean, nullable=False, server_default=text("false")),
    Column("reconstruction", Text),  # JSON: base label, status, entries with evidence
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("meta", Text),  # JSON: author, kind, based_on, source_urls (migration 0006)
)

plan_point = Table(
    "plan_point",
    metadata,
    Column("plan", String(200), primary_key=True),
    Column("label", String(200), primary_key=True),
    Column("position", Integer, primary_key=True),  # order within the version
    Column("number", String(40), nullable=False),
    Column("heading", Text),
    Column("text", Text, nullable=False),
    Column("issues", Text, nullable=False),  # JSON list
    Column("pax_codes", Text, nullable=False),  # JSON list
    Column("meta", Text),  # JSON: text_status, agreement, disputed_by, lang, gloss (migration 0006)
)

NEGOTIATION_TABLES = (event, plan, plan_version, plan_point)


# The tallies, cells, shifts, checkpoints and turns are kept three times over: by stance issue
# (``position_*``), by plan point (``point_*``) and by plan point of one issue's statements
# (``point_issue_*``). Each family's columns have one home below; a table names its scope.


def _scope(*names: str, col_key: int) -> list[Column[Any]]:
    """The key every kept table starts with: its scope (none; a plan version, ``plan`` and
    ``label``; or a version and an ``issue``), the row kind ("party" or "actor") and the column
    (a stance issue, or a point's number; ``ANY_COLUMN`` for the undated once-each rows)."""
    widths = {"plan": 200, "label": 200, "issue": 60}
    return [
        *(Column(n, String(widths[n]), primary_key=True) for n in names),
        Column("by_kind", String(6), primary_key=True),  # party | actor
        Column("col_key", String(col_key), primary_key=True),
    ]


def _tally_counts() -> list[Column[Any]]:
    """Per row, column, day and stance: how many countable statements there are and which is
    the strongest (its strength kept to compare with); what shifts need beyond the balance
    (``analysis.shifts``): how many say outright that the position changed and the strongest of
    those (NULL when none does), and how many are nobody's position (a speaker whose party is
    media or unaffiliated: in an actor row, they make no shift)."""
    return [
        Column("n", Integer, nullable=False),
        Column("best_rank", Integer, nullable=False),
        Column("best_confidence", Float, nullable=False),
        Column("best_length", Integer, nullable=False),
        Column("best_document", String(64), nullable=False),
        Column("best_start", Integer, nullable=False),
        Column("best_id", String(64), nullable=False),
        Column("rev_n", Integer, nullable=False, server_default=text("0")),
        Column("rev_rank", Integer),
        Column("rev_confidence", Float),
        Column("rev_length", Integer),
        Column("rev_document", String(64)),
        Column("rev_start", Integer),
        Column("rev_id", String(64)),
        Column("nobody", Integer, nullable=False, server_default=text("0")),
    ]


def _cell_balance() -> list[Column[Any]]:
    """A cell's balance over all its days: the last state of its walk."""
    return [
        Column("value", String(12), nullable=False),
        Column("latest", String(12), nullable=False),
        Column("most_frequent", String(12), nullable=False),
        Column("counts", Text, nullable=False),  # JSON: stance -> dated statements
        Column("quote", String(64), nullable=False),
        Column("latest_quote", String(64), nullable=False),
        Column("last_date", Date, nullable=False),
    ]


def _shift_columns() -> list[Column[Any]]:
    """A shift on its day: the stances either side, their quotes and evidence."""
    return [
        Column("day", Date, primary_key=True),
        Column("shift_before", String(12), nullable=False),
        Column("shift_after", String(12), nullable=False),
        Column("quote_before", String(64), nullable=False),
        Column("quote_after", String(64), nullable=False),
        Column("evidence_before", Integer, nullable=False, server_default=text("0")),
        Column("evidence_after", Integer, nullable=False, server_default=text("0")),
        Column("explicit", Boolean, nullable=False, server_default=text("false")),
    ]


def _checkpoint_columns() -> list[Column[Any]]:
    return [
        Column("day", Date, primary_key=True),  # the last day the walk had added
        Column("state", Text, nullable=False),  # JSON: the ``balance.Tally`` parts
    ]


def _turn_columns() -> list[Column[Any]]:
    """A change of value the walk weighs as a shift, with the evidence later days keep."""
    return [
        Column("day", Date, primary_key=True),
        Column("shift_before", String(12), primary_key=True),
        Column("shift_after", String(12), nullable=False),
        Column("evidence_before", Integer, nullable=False),
        Column("quote_before", String(64), nullable=False),
        Column("base", Integer, nullable=False),
        Column("quotes", Text, nullable=False),  # JSON: [[ISO day, statement id], ...]
        Column("explicit", String(64)),  # the reversal's statement id, if one says so
    ]


# -- added by migration 0027_stemmed_search ---------------------------------------------------
# PostgreSQL's text search configuration of ``statement.tsv`` and of every search: English
# stemming without a stop-word list, as SQLite's FTS5 Porter index has none
PG_SEARCH_CONFIG = "redline_english"


# -- added by migration 0006_position_tallies -------------------------------------------------
UNDATED_DAY = date(1, 1, 1)  # ``position_tally.day`` of undated statements (a key cannot be NULL)
ANY_COLUMN = ""  # ``position_tally.col_key`` of rows counting undated statements once each

position_tally = Table(
    "position_tally",
    metadata,
    # What the positions matrix is computed from, kept current by every write: per row
    # ("party" or "actor" rows), column (stance issue), day and stance (``_tally_counts``).
    *_scope(col_key=200),
    Column("day", Date, primary_key=True),
    Column("row_key", Text, primary_key=True),
    Column("stance", String(12), primary_key=True),
    *_tally_counts(),
    Index("ix_position_tally_cell", "by_kind", "row_key", "col_key", "day"),
    # the undated rows of a matrix (one day, every column) in one seek, not a scan of the kind
    Index("ix_position_tally_day", "by_kind", "day"),
    sqlite_with_rowid=False,  # stored in key order: one column's rows are read in one range scan
)

position_shift = Table(
    "position_shift",
    metadata,
    # The shifts of each cell as of today (``balance.cell_shifts`` over its tallies), walked
    # again with the cell's balance by every write that touches it. A cell whose actor row
    # mixes speakers that are somebody's position with ones that are nobody's cannot be
    # walked from its tallies: it has one row of day ``UNDATED_DAY`` and empty stances, and
    # its reader finds the shifts in the statements.
    *_scope(col_key=200),
    Column("row_key", Text, primary_key=True),
    *_shift_columns(),
    sqlite_with_rowid=False,
)

position_cell = Table(
    "position_cell",
    metadata,
    # Each cell's balance over all its days (the last state of its walk), kept with the shifts:
    # a matrix as of today is read whole; one as of a past day is counted from the tallies.
    *_scope(col_key=200),
    Column("row_key", Text, primary_key=True),
    *_cell_balance(),
    sqlite_with_rowid=False,
)

position_checkpoint = Table(
    "position_checkpoint",
    metadata,
    # Each cell's balance as its walk stood after the last of its days in each week
    # (``store.walk_state``): a matrix as of a past day starts from the last checkpoint before
    # that day's week and adds only the tallies of the week, not every tally up to the day.
    *_scope(col_key=200),
    Column("row_key", Text, primary_key=True),
    *_checkpoint_columns(),
    sqlite_with_rowid=False,
)

position_turn = Table(
    "position_turn",
    metadata,
    # Each change of a cell's value its walk weighs as a shift (``balance.Turn``), with the
    # evidence later days keep as it is: a matrix as of a past day makes its shifts from the
    # turns up to the day and the new stance's count then. A row with an empty ``shift_before``
    # marks the day from which the cell's shifts cannot be made so (a speaker who is somebody's
    # position and one who is nobody's in one cell): as of that day on, the tallies are walked.
    *_scope(col_key=200),
    Column("row_key", Text, primary_key=True),
    *_turn_columns(),
    sqlite_with_rowid=False,
)

store_revision = Table(
    "store_revision",
    metadata,
    # A counter per derived table, moved by every write that changes it (``tallies``: the
    # position tallies and point links), so a reader can cache what it computed from them.
    Column("name", String(40), primary_key=True),
    Column("n", BigInteger, nullable=False),
)

# -- added by migration 0007_point_links ------------------------------------------------------
point_link = Table(
    "point_link",
    metadata,
    # Statement -> plan point links of one plan version, as ``analysis.linking`` made them.
    Column("plan", String(200), primary_key=True),
    Column("label", String(200), primary_key=True),
    Column("statement_id", String(64), primary_key=True),
    Column("number", String(40), primary_key=True),
    Column("score", Float, nullable=False),
    Column("lexical", Float, nullable=False),
    Column("issue_overlap", Float, nullable=False),
    Index("ix_point_link_statement", "statement_id"),
)

point_link_state = Table(
    "point_link_state",
    metadata,
    # How far the links of a version go: every statement up to ``upto`` (a ``statement.pk``)
    # was linked, except those listed in ``point_link_todo`` (re-extracted or corrected since).
    Column("plan", String(200), primary_key=True),
    Column("label", String(200), primary_key=True),
    Column("upto", BigInteger, nullable=False),
    Column("linked_at", DateTime(timezone=True), nullable=False),
)

point_link_todo = Table(
    "point_link_todo",
    metadata,
    Column("plan", String(200), primary_key=True),
    Column("label", String(200), primary_key=True),
    Column("statement_id", String(64), primary_key=True),
)

# -- added by migration 0017_point_tallies ----------------------------------------------------
point_tally = Table(
    "point_tally",
    metadata,
    # ``position_tally`` with the points of one plan version as columns, counted from the
    # version's links (``store.point_tallies``), kept current as links are saved or dropped.
    *_scope("plan", "label", col_key=40),
    Column("day", Date, primary_key=True),
    Column("row_key", Text, primary_key=True),
    Column("stance", String(12), primary_key=True),
    *_tally_counts(),
    Index("ix_point_tally_cell", "plan", "label", "by_kind", "col_key", "row_key", "day"),
    # a matrix's undated counts are one day across every point: one seek, not a scan of the kind
    Index("ix_point_tally_day", "plan", "label", "by_kind", "day"),
    sqlite_with_rowid=False,  # stored in key order: a version's rows of a kind in one range scan
)

point_link_reference = Table(
    "point_link_reference",
    metadata,
    # The word weights a version's links were made with (``analysis.linking.reference``): how
    # many texts of the fit made when the version was first linked have each token (JSON), and
    # how many texts there were; later statements are linked by them, whatever their batch.
    Column("plan", String(200), primary_key=True),
    Column("label", String(200), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("df", Text, nullable=False),
)

point_cell = Table(
    "point_cell",
    metadata,
    # ``position_cell`` of the point tallies: each (version, row, point) cell's balance as of
    # today, walked again whenever its point tallies change (``store.point_cells``).
    *_scope("plan", "label", col_key=40),
    Column("row_key", Text, primary_key=True),
    *_cell_balance(),
    sqlite_with_rowid=False,
)

point_shift = Table(
    "point_shift",
    metadata,
    # ``position_shift`` of the point tallies (a mixed cell: one row of day ``UNDATED_DAY``).
    *_scope("plan", "label", col_key=40),
    Column("row_key", Text, primary_key=True),
    *_shift_columns(),
    sqlite_with_rowid=False,
)

# -- added by migration 0019_point_checkpoints -------------------------------------------------
point_checkpoint = Table(
    "point_checkpoint",
    metadata,
    # ``position_checkpoint`` of the point cells: each (version, row, point) cell's walk after
    # the last of its days in each week, so a matrix by plan point as of a past day reads a
    # checkpoint per cell and a week of point tallies (``store.walk_checkpoints``).
    *_scope("plan", "label", col_key=40),
    Column("row_key", Text, primary_key=True),
    *_checkpoint_columns(),
    sqlite_with_rowid=False,
)

point_turn = Table(
    "point_turn",
    metadata,
    # ``position_turn`` of the point cells: the changes of value their shifts are made of.
    *_scope("plan", "label", col_key=40),
    Column("row_key", Text, primary_key=True),
    *_turn_columns(),
    sqlite_with_rowid=False,
)

# -- added by migration 0021_point_issue_tallies ----------------------------------------------
point_issue_tally = Table(
    "point_issue_tally",
    metadata,
    # ``point_tally`` of each issue's statements: the tallies by point of a version counted
    # over the linked statements that have the issue (``store.point_tallies``), so positions by
    # plan point narrowed to an issue read a range of them instead of aggregating the links.
    *_scope("plan", "label", "issue", col_key=40),
    Column("day", Date, primary_key=True),
    Column("row_key", Text, primary_key=True),
    Column("stance", String(12), primary_key=True),
    *_tally_counts(),
    # a (version, point, day) group recounted when links are dropped, every issue at once
    Index("ix_point_issue_tally_group", "plan", "label", "col_key", "day"),
    sqlite_with_rowid=False,
)

point_issue_cell = Table(
    "point_issue_cell",
    metadata,
    # ``point_cell`` of ``point_issue_tally``: each (version, issue, row, point) cell as of today.
    *_scope("plan", "label", "issue", col_key=40),
    Column("row_key", Text, primary_key=True),
    *_cell_balance(),
    sqlite_with_rowid=False,
)

point_issue_shift = Table(
    "point_issue_shift",
    metadata,
    # ``point_shift`` of ``point_issue_tally``.
    *_scope("plan", "label", "issue", col_key=40),
    Column("row_key", Text, primary_key=True),
    *_shift_columns(),
    sqlite_with_rowid=False,
)

point_issue_checkpoint = Table(
    "point_issue_checkpoint",
    metadata,
    # ``point_checkpoint`` of ``point_issue_tally``.
    *_scope("plan", "label", "issue", col_key=40),
    Column("row_key", Text, primary_key=True),
    *_checkpoint_columns(),
    sqlite_with_rowid=False,
)

point_issue_turn = Table(
    "point_issue_turn",
    metadata,
    # ``point_turn`` of ``point_issue_tally``.
    *_scope("plan", "label", "issue", col_key=40),
    Column("row_key", Text, primary_key=True),
    *_turn_columns(),
    sqlite_with_rowid=False,
)

corpus_count = Table(
    "corpus_count",
    metadata,
    # Counters of the corpus kept by triggers (``store.corpus_counts``): (counter, key) -> n.
    Column("name", String(32), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("n", BigInteger, nullable=False),
)

actor_day = Table(
    "actor_day",
    metadata,
    # Countable statements per actor, issue ("" for none), day (ISO text, "" undated) and
    # stance, kept by triggers (``store.actor_days``): an actor's page reads its rows, not
    # every statement of the actor.
    Column("actor_id", String(200), primary_key=True),
    Column("issue", String(60), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("stance", String(12), primary_key=True),
    Column("n", BigInteger, nullable=False),
)

AGGREGATE_TABLES = (
    position_tally,
    position_shift,
    position_cell,
    position_checkpoint,
    position_turn,
    store_revision,
    point_link,
    point_link_state,
    point_link_todo,
    point_tally,
    point_link_reference,
    point_cell,
    point_shift,
    point_checkpoint,
    point_turn,
    point_issue_tally,
    point_issue_cell,
    point_issue_shift,
    point_issue_checkpoint,
    point_issue_turn,
    corpus_count,
    actor_day,
)
