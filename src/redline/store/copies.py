"""Who else carried a stored document: its outlets' verbatim copies and near-duplicate reprints.

A copy (the same text or URL under another id) is not stored twice: ``document_copy`` keeps its
id, outlet, URL and date, never its text. A reprint with small edits is a stored document
linked to its original (``document.duplicate_of``), its statements not counted twice. Both are
one story carried by several outlets, so:

- a claim counts the outlets (and documents) that carried its statements, copies and reprints
  included ("reported by N outlets"), while its statements are counted once;
- an original that gives no date takes the earliest date a copy or reprint gives: the story
  was out by then, so what it quotes was said by that day at the latest. A date of the
  statement's own, its document's, or an analyst's correction is never overridden.

Recording a copy or a reprint marks the claims of the original's statements for regrouping
(``Store.stale_claim_actors``), as a corrected date does.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.engine import Connection

from redline.balance import ReversalTest
from redline.store import overrides, point_links, point_tallies, tallies
from redline.store._sql import chunks, insert_ignore
from redline.store.extractions import parties
from redline.store.schema import claim_statement, document, document_copy, statement, statement_issue

__all__ = ["Carried", "Carrier", "carried_dates", "carriers", "dated_by", "record", "reprinted"]


@dataclass(frozen=True, slots=True)
class Carrier:
    """A document that carried a stored original: a verbatim copy or a stored reprint."""

    document_id: str
    outlet: str | None
    published: date | None
    reprint: bool = False  # a stored reprint (it may have cut a passage), not a verbatim copy


def _roots(conn: Connection, document_ids: Collection[str]) -> dict[str, str]:
    """Each stored document's original: itself, or the document it reprints."""
    out: dict[str, str] = {}
    for part in chunks(sorted(document_ids)):
        q = select(document.c.id, document.c.duplicate_of).where(document.c.id.in_(part))
        out.update({r.id: r.duplicate_of or r.id for r in conn.execute(q)})
    return out


def record(conn: Connection, copies: Sequence[tuple[Any, str]], reversal: ReversalTest) -> None:
    """Keep each ``(copy, stored document id)``: the copy (a ``Document``) repeats the stored one.
    Idempotent: a copy ingested again adds nothing."""
    rows = [
        {
            "document_id": stored,
            "copy_id": doc.id,
            "url": doc.url,
            "outlet": doc.outlet,
            "published": doc.published,
        }
        for doc, stored in copies
        if doc.id != stored
    ]
    if not rows:
        return
    keys = {(r["document_id"], r["copy_id"]) for r in rows}
    have: set[tuple[str, str]] = set()
    for part in chunks(sorted({r["document_id"] for r in rows})):
        q = select(document_copy.c.document_id, document_copy.c.copy_id).where(
            document_copy.c.document_id.in_(part)
        )
        have |= {(r[0], r[1]) for r in conn.execute(q)}
    new = [r for r in rows if (r["document_id"], r["copy_id"]) in keys - have]
    if not new:
        return
    insert_ignore(conn, document_copy, new, ["document_id", "copy_id"])
    reprinted(conn, {r["document_id"] for r in new}, reversal)


def reprinted(conn: Connection, document_ids: Iterable[str], reversal: ReversalTest) -> None:
    """Another outlet carried these stored documents (a copy recorded, a reprint stored): their
    originals' undated statements take the carriers' earliest date, and their claims regroup."""
    originals = set(_roots(conn, set(document_ids)).values())
    if not originals:
        return
    _date_undated(conn, originals, reversal)
    for part in chunks(sorted(originals)):
        ids = select(statement.c.id).where(statement.c.document_id.in_(part))
        conn.execute(delete(claim_statement).where(claim_statement.c.statement_id.in_(ids)))


def carriers(conn: Connection, originals: Collection[str] | None = None) -> dict[str, list[Carrier]]:
    """The copies and reprints that carried each original (all originals that have any, or
    those of ``originals``), a copy of a reprint included, in order of date (undated last)."""
    d, c = document, document_copy
    reprints = select(d.c.id, d.c.duplicate_of, d.c.outlet, d.c.published).where(
        d.c.duplicate_of.is_not(None)
    )
    if originals is not None:
        reprints = reprints.where(d.c.duplicate_of.in_(sorted(originals)))
    found: dict[str, list[Carrier]] = {}
    root: dict[str, str] = {}
    for r in conn.execute(reprints):
        found.setdefault(r.duplicate_of, []).append(Carrier(r.id, r.outlet, r.published, reprint=True))
        root[r.id] = r.duplicate_of
    copies = select(c.c.document_id, c.c.copy_id, c.c.outlet, c.c.published, d.c.duplicate_of).select_from(
        c.join(d, d.c.id == c.c.document_id)
    )
    if originals is not None:
        wanted = sorted(set(originals) | set(root))
        copies = copies.where(or_(c.c.document_id.in_(wanted), d.c.duplicate_of.in_(sorted(originals))))
    for k in conn.execute(copies):
        found.setdefault(k.duplicate_of or k.document_id, []).append(
            Carrier(k.copy_id, k.outlet, k.published)
        )
    for listed in found.values():
        listed.sort(key=lambda k: (k.published is None, k.published or date.min, k.document_id))
    return found


class Carried:
    """Who carried each statement, for grouping claims: every verbatim copy of its document, and
    each reprint that still has it (a statement of the reprint by the same speaker in the same
    words): a reprint with small edits may have cut the passage."""

    def __init__(self, conn: Connection, actors: Sequence[str] | None = None) -> None:
        self._by_original = carriers(conn)
        reprints = sorted({k.document_id for ks in self._by_original.values() for k in ks if k.reprint})
        self._said: set[tuple[str, str, str]] = set()
        s = statement
        for part in chunks(reprints):
            q = select(s.c.document_id, s.c.actor_id, s.c.content).where(s.c.document_id.in_(part))
            if actors is not None:
                q = q.where(s.c.actor_id.in_(actors))
            self._said |= {(r.document_id, r.actor_id or "", _words(r.content)) for r in conn.execute(q)}

    def of(self, document_id: str, actor_id: str, content: str) -> tuple[tuple[str, str | None], ...]:
        """The (document id, outlet) of each copy and reprint that carried this statement."""
        said = _words(content)
        return tuple(
            (k.document_id, k.outlet)
            for k in self._by_original.get(document_id, ())
            if not k.reprint or (k.document_id, actor_id, said) in self._said
        )


def _words(content: str) -> str:
    return " ".join(content.split()).casefold()


def carried_dates(conn: Connection, originals: Collection[str]) -> dict[str, date]:
    """The earliest date a copy or reprint of each original gives (originals without one left out)."""
    out: dict[str, date] = {}
    for original, listed in carriers(conn, originals).items():
        days = [k.published for k in listed if k.published is not None]
        if days:
            out[original] = min(days)
    return out


def _date_undated(conn: Connection, originals: Collection[str], reversal: ReversalTest) -> None:
    """Undated originals' statements without a date of their own take the carriers' earliest
    date as the machine's (``m_date``); an analyst's date correction still wins."""
    d = document
    undated = [
        r[0]
        for part in chunks(sorted(originals))
        for r in conn.execute(select(d.c.id).where(d.c.id.in_(part), d.c.published.is_(None)))
    ]
    days = carried_dates(conn, undated) if undated else {}
    s = statement
    for original, day in days.items():
        ids = [
            r[0]
            for r in conn.execute(select(s.c.id).where(s.c.document_id == original, s.c.m_date.is_(None)))
        ]
        if not ids:
            continue
        party_of = parties(conn)
        counted_before = tallies.keys_of(conn, ids, party_of, reversal)
        linked_before = point_tallies.groups_of(conn, ids)
        conn.execute(update(s).where(s.c.id.in_(ids)).values(m_date=day, date=day))
        conn.execute(update(statement_issue).where(statement_issue.c.statement_id.in_(ids)).values(date=day))
        overrides.apply(conn, ids)  # a corrected date (or "undated") stays the analyst's
        tallies.recompute(
            conn, counted_before | tallies.keys_of(conn, ids, party_of, reversal), reversal, party_of
        )
        point_links.invalidate(conn, ids, reversal, linked_before)
    if days:
        tallies.bump(conn)


def dated_by(conn: Connection, document_id: str, published: date | None, m_date: date | None) -> str | None:
    """Where a statement's machine date comes from, for its provenance: ``document`` (the date
    its article gives), ``copy`` (its article gives none: the earliest copy or reprint by
    another outlet, said by that day at the latest), ``statement`` (a date in its own words),
    None when undated."""
    if m_date is None:
        return None
    if published is not None:
        return "document" if m_date == published else "statement"
    return "copy" if carried_dates(conn, [document_id]).get(document_id) == m_date else "statement"
