"""Statement -> plan point links, kept per plan version so positions by point need not relink.

Linking every statement to every point of a version takes seconds at tens of thousands of
statements; the links change only when statements arrive or change, or the version does. So
the analysis links once, the store keeps the result (``point_link``) and how far it goes
(``point_link_state.upto``: every statement key up to it was linked), and the analysis links
only what came after, plus the statements a re-extraction or a correction changed since
(``point_link_todo``, filled here in the writer's transaction). Saving a version drops its
links. The store does not link: the linking is the analysis's (``analysis.linking``); it keeps
the word weights the first links were made with (``point_link_reference``), by which later
statements are linked. Every change of links is counted into the version's point tallies and
cells in the same transaction (``point_tallies``, ``point_cells``).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, func, select
from sqlalchemy.engine import Connection

from redline.balance import ReversalTest
from redline.store._sql import chunks, insert_ignore
from redline.store.countable import countable
from redline.store.schema import (
    point_link,
    point_link_reference,
    point_link_state,
    point_link_todo,
    statement,
    store_revision,
)

if TYPE_CHECKING:
    from redline.store.point_tallies import Group

__all__ = [
    "LinkRow",
    "Pending",
    "countable_after",
    "countable_contents",
    "forget_version",
    "invalidate",
    "linked_rows",
    "pending",
    "reference",
    "save",
    "versions",
]


@dataclass(frozen=True, slots=True)
class LinkRow:
    statement_id: str
    number: str
    score: float
    lexical: float
    issue_overlap: float


@dataclass(frozen=True, slots=True)
class Pending:
    """What a version's links lack: statements after ``upto`` (all when None) and changed ones."""

    upto: int | None
    changed: list[str]
    last: int  # the largest statement key now: links made from this read go up to it


def _bump(conn: Connection) -> None:
    """Links changed: move the revision readers of tallies and links cache by."""
    r = store_revision
    conn.execute(r.update().where(r.c.name == "tallies").values(n=r.c.n + 1))


def _version(plan: str, label: str, table: Any) -> Any:
    return and_(table.c.plan == plan, table.c.label == label)


def _point_tallies() -> Any:
    # imported when links change, not with this module: the point tallies aggregate with
    # ``tallies``, which reads the links of this module
    from redline.store import point_tallies

    return point_tallies


def invalidate(
    conn: Connection, statement_ids: Sequence[str], reversal: ReversalTest, stale: Collection[Group] = ()
) -> None:
    """These statements changed (re-extracted, corrected): unlink them in every linked version,
    and recount the point tallies they counted in (``stale``: groups they counted in before a
    change of their day, which the statements as they are now no longer tell)."""
    versions = conn.execute(select(point_link_state.c.plan, point_link_state.c.label)).all()
    if not versions or not statement_ids:
        return
    counted = _point_tallies().groups_of(conn, statement_ids) | set(stale)
    for part in chunks(list(statement_ids)):
        conn.execute(delete(point_link).where(point_link.c.statement_id.in_(part)))
    _point_tallies().recompute(conn, counted, reversal)
    todo = [{"plan": p, "label": lb, "statement_id": s} for p, lb in versions for s in statement_ids]
    insert_ignore(conn, point_link_todo, todo, ["plan", "label", "statement_id"])
    _bump(conn)


def versions(conn: Connection) -> list[tuple[str, str]]:
    """The versions whose links were made, in order."""
    v = point_link_state
    return [(p, lb) for p, lb in conn.execute(select(v.c.plan, v.c.label).order_by(v.c.plan, v.c.label))]


def forget_version(conn: Connection, plan: str, label: str) -> None:
    """A version was saved anew: its links are linked again from scratch."""
    for table in (point_link, point_link_todo, point_link_state, point_link_reference):
        conn.execute(delete(table).where(_version(plan, label, table)))
    _point_tallies().forget(conn, plan, label)
    _bump(conn)


def pending(conn: Connection, plan: str, label: str) -> Pending:
    state = select(point_link_state.c.upto).where(_version(plan, label, point_link_state))
    upto = conn.execute(state).scalar()
    changed = conn.execute(
        select(point_link_todo.c.statement_id)
        .where(_version(plan, label, point_link_todo))
        .order_by(point_link_todo.c.statement_id)
    ).scalars()
    last = conn.execute(select(func.coalesce(func.max(statement.c.pk), 0))).scalar_one()
    return Pending(None if upto is None else int(upto), list(changed), int(last))


def countable_after(conn: Connection, upto: int | None, last: int, changed: Sequence[str]) -> list[Any]:
    """Rows of the countable statements to link: keys in (upto, last], and the changed ones."""
    s = statement
    q = select(s).where(*countable(), s.c.pk <= last)
    if upto is not None:
        q = q.where(s.c.pk > upto)
    rows = list(conn.execute(q.order_by(s.c.document_id, s.c.content_start, s.c.id)))
    seen = {r.id for r in rows}
    for part in chunks(list(changed)):
        rows += [r for r in conn.execute(select(s).where(*countable(), s.c.id.in_(part))) if r.id not in seen]
    return rows


def reference(conn: Connection, plan: str, label: str) -> tuple[dict[str, int], int] | None:
    """The word weights (token -> texts having it, and how many texts) the version's links are
    made with, if kept."""
    r = point_link_reference
    row = conn.execute(select(r.c.df, r.c.size).where(_version(plan, label, r))).first()
    return None if row is None else (json.loads(row.df), int(row.size))


def save(
    conn: Connection,
    plan: str,
    label: str,
    links: Sequence[LinkRow],
    *,
    last: int,
    changed: Sequence[str],
    weights: tuple[dict[str, int], int] | None = None,
    reversal: ReversalTest,
) -> None:
    """Store links made for a version from statements up to ``last`` and the ``changed`` ones
    (and the word ``weights`` they were made with, when new), and count them into the
    version's point tallies."""
    if weights is not None:
        r = point_link_reference
        conn.execute(delete(r).where(_version(plan, label, r)))
        df = json.dumps(weights[0], sort_keys=True, separators=(",", ":"))
        row = {"plan": plan, "label": label, "size": weights[1], "df": df}
        insert_ignore(conn, r, [row], ["plan", "label"])
    tallied = _point_tallies()
    relinked = {
        g for g in tallied.groups_of(conn, changed) if g[:2] == (plan, label)
    }  # links a concurrent save made of the changed ones: dropped below, their groups recounted
    for part in chunks(list(changed)):
        conn.execute(
            delete(point_link).where(_version(plan, label, point_link), point_link.c.statement_id.in_(part))
        )
        conn.execute(
            delete(point_link_todo).where(
                _version(plan, label, point_link_todo), point_link_todo.c.statement_id.in_(part)
            )
        )
    tallied.recompute(conn, relinked, reversal)
    incoming = sorted({lk.statement_id for lk in links})
    have: set[str] = set()  # statements a concurrent save linked already: its links and counts stand
    any_link = select(point_link.c.statement_id).where(_version(plan, label, point_link)).limit(1)
    for part in chunks(incoming) if conn.execute(any_link).first() else ():
        q = select(point_link.c.statement_id).where(
            _version(plan, label, point_link), point_link.c.statement_id.in_(part)
        )
        have |= set(conn.execute(q).scalars())
    rows = [
        {
            "plan": plan,
            "label": label,
            "statement_id": lk.statement_id,
            "number": lk.number,
            "score": lk.score,
            "lexical": lk.lexical,
            "issue_overlap": lk.issue_overlap,
        }
        for lk in links
        if lk.statement_id not in have
    ]
    insert_ignore(conn, point_link, rows, ["plan", "label", "statement_id", "number"])
    tallied.add(conn, plan, label, [s for s in incoming if s not in have], reversal)
    conn.execute(delete(point_link_state).where(_version(plan, label, point_link_state)))
    state = [{"plan": plan, "label": label, "upto": last, "linked_at": datetime.now(UTC)}]
    insert_ignore(conn, point_link_state, state, ["plan", "label"])  # a concurrent save: same links
    _bump(conn)


def countable_contents(conn: Connection) -> Iterator[str]:
    """The text of every countable statement, streamed (a version's first word weights)."""
    q = select(statement.c.content).where(*countable())
    for part in conn.execution_options(yield_per=5000).execute(q).partitions():
        yield from (r[0] for r in part)


def linked_rows(
    conn: Connection, plan: str, label: str, columns: Sequence[Any], where: Sequence[Any] = ()
) -> list[Any]:
    """``columns`` of the countable statements linked to the version's points, with ``number``
    (``where``: only those statements)."""
    s, lk = statement, point_link
    q = (
        select(lk.c.number, *columns)
        .select_from(lk.join(s, s.c.id == lk.c.statement_id))
        .where(_version(plan, label, lk), *countable(), *where)
    )
    return list(conn.execute(q))
