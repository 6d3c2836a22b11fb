"""Position tallies: what the positions matrix needs, kept current by every write.

A positions matrix (``redline.analysis.positions``) is the balance, day by day, of the stances
of each row (a party, or a speaker) on each column (an issue). All it needs of the statements
of one (row, column, day, stance) is how many there are and which is the strongest (to quote),
so the store keeps exactly that in ``position_tally`` and a matrix reads a few thousand tally
rows instead of the whole corpus. The rows are written in the same transaction as the
statements they count: ingest adds (an upsert per key, safe with concurrent writers), while a
re-extraction, a correction or a change of an actor's party recomputes the keys it touches.

What counts is what the corpus readers count: statements neither rejected nor reprinted
(``duplicate``) and with a speaker; each goes to the columns of ``model.stance_issues`` (an
explicit reversal to the plan as a whole too, when it lists it). The
strongest statement is ranked by kind, confidence and length (the day is the key), the first in
corpus order (document, offset, id) on a tie, exactly as the matrix ranks quotes.

Shifts (``analysis.shifts``) need two things more of each key, counted at write time: its
statements that say outright that the position changed (``knowledge/shift_cues.yaml``; how
many, and the strongest), and how many are nobody's position (a speaker whose party is media
or unaffiliated). So a positions call finds its shifts in the tallies too.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import (
    Select,
    String,
    and_,
    case,
    delete,
    func,
    inspect,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.engine import Connection

from redline.balance import (
    NEUTRAL,
    NO_SHIFT_ROWS,
    UNAFFILIATED,
    CellDraft,
    DayGroup,
    Reversal,
    ReversalTest,
    ShiftDays,
    ShiftDraft,
    ShiftGroup,
    Tally,
    cell_of,
    cell_shifts,
    certainty,
    nobodys,
    quote_rank,
    reversal_test,
)
from redline.knowledge.shift_cues import ShiftKnowledge
from redline.model import issue_stance, reversal_widens, stance_issues, stances_map
from redline.store import point_tallies as by_point
from redline.store._sql import chunks, insert_rows, upsert_insert
from redline.store.balances import CellTotals, TallyRow, from_checkpoints, rewalk, undated_counts
from redline.store.balances import parse_day as _day
from redline.store.countable import countable
from redline.store.extractions import parties, stance_confidence
from redline.store.point_links import linked_rows
from redline.store.schema import (
    ANY_COLUMN,
    UNDATED_DAY,
    position_cell,
    position_checkpoint,
    position_shift,
    position_tally,
    position_turn,
    statement,
    statement_issue,
    store_revision,
)
from redline.store.walk_checkpoints import ISSUES, Rows, turns_upto

__all__ = [
    "UNAFFILIATED",
    "TallyRow",
    "add",
    "as_of",
    "bump",
    "has_stance_confidence",
    "keys_of",
    "party_row",
    "past",
    "point_tallies",
    "read",
    "rebuild",
    "recompute",
    "record_columns",
    "record_stance",
    "refresh_parties",
    "reversal_of",
    "revision",
    "says_reversal",
    "stored_columns",
]

Key = tuple[str, str, date, str, str]  # by_kind, col_key, day, row_key, stance


Best = tuple[int, float, int, str, int, str]  # rank, certainty, length, document, start, id


@dataclass(slots=True)
class _Agg:
    n: int
    best: Best
    rev_n: int = 0
    rev: Best | None = None  # the strongest statement that says the position changed
    nobody: int = 0

    def add(self, other: _Agg) -> None:
        self.n += other.n
        if _beats(other.best, self.best):
            self.best = other.best
        self.rev_n += other.rev_n
        if other.rev is not None and (self.rev is None or _beats(other.rev, self.rev)):
            self.rev = other.rev
        self.nobody += other.nobody


@cache
def reversal_of(knowledge: ShiftKnowledge) -> ReversalTest:
    """The reversal cues and names of ``knowledge`` (the store's, ``Store.knowledge``) as one
    test, made once per knowledge: the writer tests every statement."""
    return reversal_test(knowledge.cues, knowledge.not_names, knowledge.party_names)


def says_reversal(
    content: str, speaker: str, actor_id: str | None, party_of: Mapping[str, str], reversal: ReversalTest
) -> bool:
    """Whether a statement says outright that its speaker's own position changed, the speaker
    going by its name and party row: what the tallies count a reversal by, and what places
    one on the plan as a whole too (``model.stance_issues``)."""
    return reversal(content, (speaker, party_row(actor_id, speaker, party_of)))


def record_columns(record: Mapping[str, Any], reversal: ReversalTest) -> list[str]:
    """The issues a statement record (``Store.iter_statement_records``) counts on, placed as the
    tallies place it (a reversal listing the plan after an issue counts on the plan too): what
    the exports give an analyst must add up to the matrix they see. ``reversal``: the store's
    test (``Store.reversal``), as its tallies counted."""
    issues = list(record["issues"])
    reverses = reversal_widens(issues) and reversal(
        record["content"], (record["speaker"] or "", record["party"] or UNAFFILIATED)
    )
    return stance_issues(issues, reverses=reverses)


def record_stance(record: Mapping[str, Any], issue: str) -> str:
    """A statement record's stance toward one of its issues (its ``issue_stances``, by issue;
    ``stance`` where the record has none): what an export row on one issue gives, as the
    matrix counts it."""
    return issue_stance(str(record["stance"]), record.get("issue_stances"), issue)


def _beats(a: tuple[int, float, int, str, int, str], b: tuple[int, float, int, str, int, str]) -> bool:
    """Whether quote ``a`` is stronger than ``b``; on equal strength the first in corpus order."""
    return a[:3] > b[:3] or (a[:3] == b[:3] and a[3:] < b[3:])


def party_row(actor_id: str | None, speaker: str, party_of: Mapping[str, str]) -> str:
    """The party row of a speaker: the actor's party, else a party known by the name, else none."""
    return party_of.get(actor_id or "", party_of.get(speaker, UNAFFILIATED))


_COLUMNS: tuple[Any, ...] = (
    statement.c.id,
    statement.c.document_id,
    statement.c.content_start,
    statement.c.kind,
    statement.c.confidence,
    statement.c.stance_confidence,
    statement.c.m_stance,
    func.length(statement.c.content).label("length"),
    statement.c.date,
    statement.c.stance,
    statement.c.issues,
    statement.c.speaker,
    statement.c.actor_id,
    statement.c.content,
    statement.c.issue_stances,
)
_COUNTABLE = (*countable(), statement.c.speaker.is_not(None))  # a row needs a speaker


def has_stance_confidence(conn: Connection) -> bool:
    """Whether this database's statements have ``stance_confidence`` yet (migration 0024)."""
    return "stance_confidence" in {c["name"] for c in inspect(conn).get_columns(statement.name)}


def stored_columns(conn: Connection) -> tuple[Any, ...]:
    """``_COLUMNS`` as this database holds them, for a recount from every statement: a migration
    before 0024 recounts statements that have no ``stance_confidence`` yet, read as 1.0 ("not
    measured", what 0024 gives them), and one before 0022 statements with no stances by issue
    (every issue has ``stance``). Asked once per recount, never per write."""
    have = {c["name"] for c in inspect(conn).get_columns(statement.name)}
    missing: dict[str, Any] = {"stance_confidence": literal(1.0), "issue_stances": literal(None, String)}
    return tuple(
        missing[c.name].label(c.name) if c.name in missing and c.name not in have else c for c in _COLUMNS
    )


def _generic_later(issues: str) -> bool:
    """Whether a statement's issues (as stored, JSON) list a generic issue after the first."""
    return reversal_widens(json.loads(issues))


def _issue_columns(m: Mapping[str, Any], reverses: bool) -> list[str]:
    return stance_issues(json.loads(m["issues"]), reverses=reverses)


def _tallies(
    rows: Iterable[Any],
    party_of: Mapping[str, str],
    reversal: ReversalTest,
    columns: Callable[[Mapping[str, Any], bool], list[str]] = _issue_columns,
) -> dict[Key, _Agg]:
    """Tallies of statement rows (mappings or result rows with the ``_COLUMNS`` names);
    ``columns`` of a row and whether it says outright that its speaker's position changed."""
    out: dict[Key, _Agg] = {}
    for _m, keys, one in counted(rows, party_of, reversal, columns):
        for key in keys:
            merge(out, key, one)
    return out


def merge(into: dict[Any, _Agg], key: Any, one: _Agg) -> None:
    """Add one statement's count (``counted``) to the tally of ``key``."""
    agg = into.get(key)
    if agg is None:
        into[key] = _Agg(one.n, one.best, one.rev_n, one.rev, one.nobody)
    else:
        agg.add(one)


def counted(
    rows: Iterable[Any],
    party_of: Mapping[str, str],
    reversal: ReversalTest,
    columns: Callable[[Mapping[str, Any], bool], list[str]] = _issue_columns,
) -> Iterator[tuple[Mapping[str, Any], list[Key], _Agg]]:
    """Each countable statement row as a mapping, the tally keys it counts under and its count
    there: what ``_tallies`` adds up, and what tallies kept per issue (``point_tallies``) add
    up under each of the statement's issues, the reversal tested once per statement."""
    for r in rows:
        m: Mapping[str, Any] = r if isinstance(r, Mapping) else r._mapping
        get = m.__getitem__
        speaker = get("speaker")
        if not speaker or get("rejected") or get("duplicate"):
            continue
        day = get("date") or UNDATED_DAY
        # tested where it turns a walk (dated) or places the statement on the plan as a whole too
        # (``stance_issues``), undated ones included: a rebuild tests no other undated statement
        says = (day != UNDATED_DAY or _generic_later(get("issues"))) and says_reversal(
            get("content"), speaker, get("actor_id"), party_of, reversal
        )
        cols = columns(m, says)
        if not cols:
            continue
        stance = get("stance")
        by_issue = stances_map(m.get("issue_stances"))  # parsed once for every column
        sure = certainty(
            float(get("confidence")), stance_confidence(stance, get("m_stance"), get("stance_confidence"))
        )
        best = (
            quote_rank(get("kind"), sure),
            sure,
            int(get("length")) if "length" in m else len(get("content")),
            get("document_id"),
            int(get("content_start")),
            get("id"),
        )
        rev = says and day != UNDATED_DAY  # an undated statement turns no walk
        one = _Agg(1, best, int(rev), best if rev else None, int(nobodys(party_of, get("actor_id"), speaker)))
        rows_of = (("party", party_row(get("actor_id"), speaker, party_of)), ("actor", speaker))
        extra = [ANY_COLUMN] if day == UNDATED_DAY else []
        # each column with the stance toward it (``model.issue_stance``); a point's column, or
        # the undated ones' column, with the first issue's
        yield (
            m,
            [(by, col, day, row, issue_stance(stance, by_issue, col)) for by, row in rows_of for col in cols]
            + [(by, col, day, row, stance) for by, row in rows_of for col in extra],
            one,
        )


def _records(aggs: Mapping[Key, _Agg]) -> list[dict[str, Any]]:
    return [
        {
            "by_kind": k[0],
            "col_key": k[1],
            "day": k[2],
            "row_key": k[3],
            "stance": k[4],
            "n": a.n,
            "best_rank": a.best[0],
            "best_confidence": a.best[1],
            "best_length": a.best[2],
            "best_document": a.best[3],
            "best_start": a.best[4],
            "best_id": a.best[5],
            "rev_n": a.rev_n,
            **dict(zip(_REV, a.rev or (None,) * len(_REV), strict=True)),
            "nobody": a.nobody,
        }
        for k, a in aggs.items()
    ]


REVISION = "tallies"


def bump(conn: Connection) -> None:
    """Move the tallies' revision: readers drop what they cached from the tallies and links."""
    r = store_revision
    conn.execute(r.update().where(r.c.name == REVISION).values(n=r.c.n + 1))


def revision(conn: Connection) -> int:
    r = store_revision
    return int(conn.execute(select(r.c.n).where(r.c.name == REVISION)).scalar() or 0)


_PK = ["by_kind", "col_key", "day", "row_key", "stance"]
_BEST = ["best_rank", "best_confidence", "best_length", "best_document", "best_start", "best_id"]
_REV = ["rev_rank", "rev_confidence", "rev_length", "rev_document", "rev_start", "rev_id"]


def add(
    conn: Connection, rows: Iterable[Mapping[str, Any]], party_of: Mapping[str, str], reversal: ReversalTest
) -> None:
    """Count new statement rows (as the writer inserts them) into the tallies.

    An upsert that adds to ``n`` and keeps the stronger quote in SQL, so two writers adding
    to one key at once (PostgreSQL) both count: the second waits for the first's row and
    adds to what it committed."""
    records = _records(_tallies(rows, party_of, reversal))
    if not records:
        return
    t = position_tally
    ins = upsert_insert(conn, t)
    new, old = ins.excluded, t.c
    strength_new = tuple_(new.best_rank, new.best_confidence, new.best_length)
    strength_old = tuple_(old.best_rank, old.best_confidence, old.best_length)
    beats = or_(
        strength_new > strength_old,
        and_(
            strength_new == strength_old,
            tuple_(new.best_document, new.best_start, new.best_id)
            < tuple_(old.best_document, old.best_start, old.best_id),
        ),
    )
    rev_new = tuple_(new.rev_rank, new.rev_confidence, new.rev_length)
    rev_old = tuple_(old.rev_rank, old.rev_confidence, old.rev_length)
    rev_beats = or_(
        old.rev_id.is_(None),
        and_(
            new.rev_id.is_not(None),
            or_(
                rev_new > rev_old,
                and_(
                    rev_new == rev_old,
                    tuple_(new.rev_document, new.rev_start, new.rev_id)
                    < tuple_(old.rev_document, old.rev_start, old.rev_id),
                ),
            ),
        ),
    )
    values: dict[str, Any] = {
        "n": old.n + new.n,
        "rev_n": old.rev_n + new.rev_n,
        "nobody": old.nobody + new.nobody,
    }
    values.update({c: case((beats, new[c]), else_=old[c]) for c in _BEST})
    values.update({c: case((rev_beats, new[c]), else_=old[c]) for c in _REV})
    stmt = ins.on_conflict_do_update(index_elements=_PK, set_=values)
    for part in chunks(records, 1000):
        conn.execute(stmt, list(part))
    cells = [(r["by_kind"], r["col_key"], r["row_key"], r["day"]) for r in records]
    rewalk(conn, {c[:3] for c in cells}, _first_days(cells))
    bump(conn)


def _first_days(cells: Iterable[tuple[str, str, str, date]]) -> dict[tuple[str, str, str], date]:
    """Per cell, the first dated day a write changed: its walk's checkpoints before it stay."""
    out: dict[tuple[str, str, str], date] = {}
    for by, col, row, day in cells:
        if day != UNDATED_DAY and ((by, col, row) not in out or day < out[(by, col, row)]):
            out[(by, col, row)] = day
    return out


def _statement_rows(conn: Connection, where: Sequence[Any], join_issue: bool = False) -> Iterator[Any]:
    q = select(*_COLUMNS, statement.c.rejected, statement.c.duplicate)
    if join_issue:
        q = q.select_from(statement.join(statement_issue, statement_issue.c.statement_id == statement.c.id))
    yield from conn.execute(q.where(*_COUNTABLE, *where))


def keys_of(
    conn: Connection, statement_ids: Collection[str], party_of: Mapping[str, str], reversal: ReversalTest
) -> set[Key]:
    """The tally keys these statements count under now (call before and after changing them)."""
    keys: set[Key] = set()
    for part in chunks(sorted(statement_ids)):
        keys |= set(_tallies(_statement_rows(conn, [statement.c.id.in_(part)]), party_of, reversal))
    return keys


def _delete_keys(conn: Connection, keys: Sequence[Key]) -> None:
    t = position_tally
    cols = tuple_(t.c.by_kind, t.c.col_key, t.c.day, t.c.row_key, t.c.stance)
    for part in chunks(list(keys), 200):
        conn.execute(delete(t).where(cols.in_(list(part))))


def recompute(
    conn: Connection, keys: Collection[Key], reversal: ReversalTest, party_of: Mapping[str, str] | None = None
) -> None:
    """Recount these tally keys from the statements (after statements left or changed them)."""
    if not keys:
        return
    party_of = parties(conn) if party_of is None else party_of
    by_cell: dict[tuple[str, date], set[Key]] = {}
    for k in keys:
        by_cell.setdefault((k[1], k[2]), set()).add(k)
    fresh: dict[Key, _Agg] = {}
    for (col, day), wanted in by_cell.items():
        dated = statement.c.date.is_(None) if day == UNDATED_DAY else statement.c.date == day
        if col == ANY_COLUMN:
            rows = _statement_rows(conn, [dated])
        else:
            rows = _statement_rows(conn, [dated, statement_issue.c.issue == col], join_issue=True)
        fresh.update((k, a) for k, a in _tallies(rows, party_of, reversal).items() if k in wanted)
    _delete_keys(conn, list(keys))
    insert_rows(conn, position_tally, _records(fresh))
    rewalk(conn, {(k[0], k[1], k[3]) for k in keys}, _first_days((k[0], k[1], k[3], k[2]) for k in keys))
    bump(conn)


def refresh_parties(conn: Connection, before: Mapping[str, str], reversal: ReversalTest) -> dict[str, str]:
    """Recount the party rows of statements whose speaker's party changed since ``before``
    (an actor loaded or first seen with a party); return the parties as they are now."""
    after = parties(conn)
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    if not changed:
        return after
    ids: set[str] = set()
    for part in chunks(changed):
        q = select(statement.c.id).where(
            *_COUNTABLE, or_(statement.c.actor_id.in_(part), statement.c.speaker.in_(part))
        )
        ids |= {r[0] for r in conn.execute(q)}
    recompute(
        conn, keys_of(conn, ids, before, reversal) | keys_of(conn, ids, after, reversal), reversal, after
    )
    by_point.recount(conn, ids, reversal)  # their rows by plan point move too
    return after


def rebuild(conn: Connection, reversal: ReversalTest) -> None:
    """Recount every tally from the statements (the migration that adds them, and repairs);
    the tables the walk is kept in are made here if missing, since a migration before theirs
    may rebuild the tallies."""
    for kept in (position_checkpoint, position_turn):
        kept.create(conn, checkfirst=True)
        conn.execute(delete(kept))
    conn.execute(delete(position_tally))
    party_of = parties(conn)
    q = select(*stored_columns(conn), statement.c.rejected, statement.c.duplicate).where(*_COUNTABLE)
    rows = conn.execute(q.execution_options(yield_per=5000))
    records = _records(_tallies(rows, party_of, reversal))
    for part in chunks(records, 5000):
        insert_rows(conn, position_tally, list(part))
    conn.execute(delete(position_shift))
    conn.execute(delete(position_cell))
    rewalk(conn, {(r["by_kind"], r["col_key"], r["row_key"]) for r in records})
    bump(conn)


def _read_query(
    by: str, issue: str | None, at: date | None, shifts: bool, lean: bool = False, rows: Rows = None
) -> Select[Any]:
    """The tallies ``read`` and ``as_of`` read: by column, then day (the key's order: no sort);
    ``lean``: without the reversal's quote, which few rows have (``_reversals`` reads them);
    ``rows``: only those rows' tallies."""
    t = position_tally
    day = type_coerce(t.c.day, String)  # no per-row date parsing: ``_day`` parses each day once
    cols = [t.c.row_key, t.c.col_key, day, t.c.stance, t.c.n, t.c.best_rank, t.c.best_confidence]
    cols += [t.c.best_length, t.c.best_id, t.c.rev_n, *(() if lean else (t.c[c] for c in _REV)), t.c.nobody]
    q = select(*cols).where(*ISSUES.of(t, by, rows))
    if issue is not None:
        q = q.where(t.c.col_key == issue)
    if at is not None:
        q = q.where(or_(t.c.day <= at, t.c.day == UNDATED_DAY))
    if shifts:
        q = q.where(t.c.day != UNDATED_DAY, t.c.col_key != ANY_COLUMN, t.c.stance != NEUTRAL)
        if by == "party":
            q = q.where(t.c.row_key.not_in(sorted(NO_SHIFT_ROWS)))
    return q.order_by(t.c.col_key, t.c.day, t.c.row_key, t.c.stance)


def read(
    conn: Connection, by: str, *, issue: str | None = None, at: date | None = None, shifts: bool = False
) -> list[TallyRow]:
    """The tallies of ``by`` rows (of one column, up to a day, if given); undated ones always.

    Rows of column ``ANY_COLUMN`` count each undated statement of the result once; rows come
    by column, then day. A matrix reads tens of thousands of them, so the day is read as the
    driver gives it. ``shifts``: only what a shift can be made of (dated, not neutral, not
    a row that is nobody's position)."""
    days: dict[Any, date | None] = {}
    out = [
        TallyRow(
            r[0], r[1], _day(r[2], days), r[3], r[4], r[5], r[6], r[7], r[8], r[9],
            r[10] or 0, r[11] or 0.0, r[12] or 0, (r[13] or "", r[14] or 0, r[15] or ""), r[15] or "", r[16],
        )
        for r in conn.execute(_read_query(by, issue, at, shifts)).fetchall()
    ]  # fmt: skip
    if issue is not None and not shifts:  # one column: its undated statements are the distinct ones
        out += [r._replace(column=ANY_COLUMN) for r in out if r.day is None]
    return out


def _reversals(
    conn: Connection, by: str, issue: str | None, at: date
) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """The reversal quotes (``_REV``) of the tallies up to ``at`` that have one, by (column,
    day as read, row, stance): read apart, since most rows have none."""
    t = position_tally
    key = (t.c.col_key, type_coerce(t.c.day, String), t.c.row_key, t.c.stance)
    # the partial index of the tallies with a reversal (migration ``0016``), not every tally up
    # to the day; ``0`` as written, since a generic plan (PostgreSQL) of a bound 0 cannot use it
    has_one = t.c.rev_n > literal_column("0")
    q = select(*key, *(t.c[c] for c in _REV)).where(t.c.by_kind == by, has_one, t.c.day <= at)
    if issue is not None:
        q = q.where(t.c.col_key == issue)
    result = conn.execute(q)
    try:  # as ``as_of`` reads its rows (the driver's tuples), so that the days match
        return {tuple(r[:4]): tuple(r[4:]) for r in result.cursor.fetchall()}
    finally:
        result.close()


def as_of(
    conn: Connection, by: str, at: date, *, issue: str | None = None, rows: Rows = None
) -> tuple[CellTotals, dict[tuple[str, str], ShiftDays[str]] | None]:
    """A matrix's cells as of ``at`` and its shift walk's input, from one read of the tallies.

    The same as ``balances.cells`` and ``shift_days`` of ``read`` (tested so), without making a
    ``TallyRow`` of each of the ~77,000 rows at 1M statements, which was a third of the first
    call after a write: rows come in day order, so a stance's latest day in a cell is its last
    row, and a day's strength holds its day, so the strongest has no tie. Neutral rows are
    not walked for shifts: they change no cell's value and the rule weighs only the stances a
    cell moves between (but a mixed one still sends the shifts to the statements)."""
    parsed: dict[Any, date | None] = {}
    # per cell: per stance [count, latest day's row, its day, strongest (strength, quote)], and
    # the cell's shift days (one lookup a row: this loop runs once per tally up to the day)
    stances: dict[tuple[str, str], tuple[dict[str, list[Any]], ShiftDays[str]]] = {}
    undated: dict[tuple[str, str], int] = {}
    n_distinct = 0
    walked = True  # False: a row the rule cannot split, and the caller finds shifts in the statements
    revs = _reversals(conn, by, issue, at)
    result = conn.execute(_read_query(by, issue, at, False, lean=True, rows=rows))
    try:  # the driver's own tuples: a Row for each of them was a fifth of the call
        fetched = result.cursor.fetchall()
    finally:
        result.close()
    new = tuple.__new__  # the named tuples made directly: their generated ``__new__`` costs twice
    for r in fetched:
        row, column, stored_day, stance, n, rank, conf, length, best_id, rev_n, nobody = r
        if column == ANY_COLUMN:
            n_distinct += n
            continue
        key = (row, column)
        d = parsed[stored_day] if stored_day in parsed else _day(stored_day, parsed)
        if d is None:
            undated[key] = undated.get(key, 0) + n
            if issue is not None:  # one column: its undated statements are the distinct ones
                n_distinct += n
            continue
        strength = (rank, conf, d, length)
        cell = stances.get(key)
        if cell is None:
            cell = stances[key] = ({}, [])
        totals = cell[0].get(stance)
        if totals is None:
            cell[0][stance] = [n, r, d, (strength, best_id)]
        else:
            totals[0] += n
            totals[1] = r
            totals[2] = d
            if strength > totals[3][0]:
                totals[3] = (strength, best_id)
        if not walked or nobody == n or row in NO_SHIFT_ROWS:
            continue
        if nobody:
            walked = False
            continue
        if stance == NEUTRAL:
            continue
        reversal = None
        if rev_n:
            rev = revs[(column, stored_day, row, stance)]
            rev_strength = (rev[0] or 0, rev[1] or 0.0, d, rev[2] or 0)
            reversal = Reversal(rev_n, rev_strength, (rev[3] or "", rev[4] or 0, rev[5] or ""), rev[5] or "")
        group = new(ShiftGroup, (new(DayGroup, (stance, n, strength, best_id)), reversal))
        days = cell[1]
        if days and days[-1][0] == d:
            days[-1][1].append(group)
        else:
            days.append((d, [group]))
    cells: dict[tuple[str, str], CellDraft[str]] = {}
    walk: dict[tuple[str, str], ShiftDays[str]] | None = {} if walked else None
    for key, (per_stance, days) in stances.items():
        tally: Tally[str] = Tally()
        last_day: date | None = None
        for stance, (n, latest, d, strongest) in per_stance.items():
            # the latest row's day, count and strength (rows come in day order), unpacked as the
            # read loop does; once per cell and stance, so no tuple is made per row
            _, _, _, _, day_n, rank, conf, length, best_id, _, _ = latest
            tally.set_stance(stance, n, ((d, day_n, (rank, conf, d, length)), best_id), strongest)
            last_day = d if last_day is None or d > last_day else last_day
        assert last_day is not None
        cells[key] = cell_of(key[0], key[1], tally, last_day, undated.get(key, 0))
        if walk is not None and days:
            walk[key] = days
    if rows is not None:  # the page's undated statements are not the matrix's: counted over all rows
        n_distinct = undated_counts(conn, by, issue)[1]
    return CellTotals(cells, undated, n_distinct), walk


def past(
    conn: Connection, by: str, at: date, *, issue: str | None = None, rows: Rows = None
) -> tuple[CellTotals, list[ShiftDraft[str]] | None]:
    """A matrix's cells and shift drafts as of ``at``, from the walk's kept checkpoints and
    turns (``balances.from_checkpoints``), or from the ~75,000 tallies up to the day
    (``as_of``) when a cell's turns cannot be used. Shift drafts None: find them in the
    statements. ``rows``: only those rows' cells and shifts (one page of the matrix)."""
    turns = turns_upto(conn, by, at, issue, rows=rows)
    if turns is None:
        totals, walk = as_of(conn, by, at, issue=issue, rows=rows)
        return totals, None if walk is None else [sh for k in sorted(walk) for sh in cell_shifts(*k, walk[k])]
    return from_checkpoints(conn, by, at, turns, issue=issue, rows=rows)


def point_tallies(
    conn: Connection,
    plan: str,
    label: str,
    by: str,
    reversal: ReversalTest,
    *,
    issue: str | None = None,
    at: date | None = None,
) -> list[TallyRow]:
    """Tallies with the linked points of a plan version as columns, counted from the stored links
    (only linked statements are read: a fraction of the corpus)."""
    numbers: dict[str, list[str]] = {}
    rows: dict[str, Any] = {}
    where: list[Any] = []
    if issue is not None:  # the issue's statements in SQL: a fraction of the version's links
        si = statement_issue
        where.append(statement.c.id.in_(select(si.c.statement_id).where(si.c.issue == issue)))
    if at is not None:
        where.append(or_(statement.c.date.is_(None), statement.c.date <= at))
    for r in linked_rows(conn, plan, label, [*_COLUMNS, statement.c.rejected, statement.c.duplicate], where):
        if at is not None and r.date is not None and r.date > at:
            continue
        if issue is not None and issue not in json.loads(r.issues):
            continue
        numbers.setdefault(r.id, []).append(r.number)
        rows[r.id] = r
    aggs = _tallies(rows.values(), parties(conn), reversal, lambda m, _says: numbers[m["id"]])
    return [
        TallyRow(
            k[3],
            k[1],
            None if k[2] == UNDATED_DAY else k[2],
            k[4],
            a.n,
            a.best[0],
            a.best[1],
            a.best[2],
            a.best[5],
            a.rev_n,
            *((a.rev[0], a.rev[1], a.rev[2], a.rev[3:], a.rev[5]) if a.rev else (0, 0.0, 0, ("", 0, ""), "")),
            a.nobody,
        )
        for k, a in sorted(aggs.items(), key=lambda item: item[0][1:])  # by column, then day
        if k[0] == by
    ]
