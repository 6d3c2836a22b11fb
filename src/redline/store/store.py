"""The store interface: one object over SQLite or PostgreSQL that the rest of redline uses.

Every write goes through ``_writer()``: one connection, one transaction (``BEGIN IMMEDIATE``
on SQLite), committed before the caller is told anything is done. Reads use ordinary
transactions and never block the writer.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Engine, and_, delete, func, not_, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from redline.balance import ShiftDays, ShiftDraft
from redline.errors import NotFoundError, StoreError
from redline.knowledge.shift_cues import ShiftKnowledge, shift_knowledge
from redline.model import Actor, Document, Extraction, PlanVersion, Statement
from redline.store import actors as actor_rules
from redline.store import (
    balances,
    copies,
    corpus_counts,
    migrations,
    overrides,
    point_cells,
    point_links,
    point_tallies,
    queries,
    records,
    row_totals,
    streams,
    tallies,
    timeline_rows,
    writer,
)
from redline.store import extractions as stored_extractions
from redline.store import plans as stored_plans
from redline.store._sql import chunks, insert_rows, oldest_first
from redline.store.countable import countable
from redline.store.engine import WRITE, make_engine
from redline.store.overrides import Correction
from redline.store.queries import StatementFilter
from redline.store.quote_cache import QuoteCache
from redline.store.schema import claim, claim_statement, document, statement
from redline.store.timeline_rows import TimelineTotals
from redline.store.walk_checkpoints import ISSUES, Rows, of_version
from redline.store.writer import Outcome, Prepared

WRITE_ATTEMPTS = 3  # a batch that lost a race to a concurrent ingest is tried again


P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class DocumentKey:
    """The three ways a document can already be known: its id, its text, its canonical URL."""

    id: str
    content_hash: str
    canonical_url: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimInput:
    statement_id: str
    actor_id: str
    speaker: str | None
    date: date | None
    content: str
    document_id: str
    outlet: str | None
    # the copies and reprints by other outlets that carried it: (document id, outlet) each
    carried_by: tuple[tuple[str, str | None], ...] = ()


class Store:
    """The corpus database. Open with ``Store.open(url)``; close (or use as a context manager).

    ``knowledge`` is what its tallies tell a reversal by (the reversal cues, and the places of
    the actor files extraction read: ``Store.open(url, actors=settings.actors)``), and what
    analyses of it tell a collective speaker by: the store counts a statement at write time, so
    it must count with the knowledge the statement was extracted with."""

    def __init__(self, engine: Engine, url: str, knowledge: ShiftKnowledge) -> None:
        self.engine = engine
        self.url = url
        self.knowledge = knowledge
        self.reversal = tallies.reversal_of(self.knowledge)  # made once: the writer tests every statement
        self._quotes = QuoteCache()  # quotes by id, kept while no stored statement changes

    @classmethod
    def open(
        cls, url: str, *, migrate: bool = True, upto: str | None = None, actors: Sequence[Path] = ()
    ) -> Store:
        """Open (and by default upgrade) the database; ``upto`` stops the upgrade after the
        named migration, which builds a database as an older release left it. ``actors``: the
        user's actor files (``REDLINE_ACTORS``) layered on the packaged one, as extraction reads
        them (``knowledge``)."""
        knowledge = shift_knowledge(actors)  # a bad actor file fails before any connection
        engine = make_engine(url)
        store = cls(engine, url, knowledge)
        if migrate:
            try:
                with engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
                    migrations.migrate(conn, store.reversal, upto=upto)
            except SQLAlchemyError as exc:
                engine.dispose()
                raise StoreError(
                    f"cannot open or upgrade the database: {exc.__class__.__name__}: {exc}",
                    where=url,
                    hint="check the URL, permissions and free disk space",
                ) from exc
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def _writer(self) -> Iterator[Connection]:
        try:
            with self.engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(
                f"write failed: {exc.__class__.__name__}: {exc}",
                where=self.url,
                hint="nothing from this batch was stored; run the command again",
            ) from exc

    @contextmanager
    def _reader(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"read failed: {exc.__class__.__name__}: {exc}", where=self.url) from exc

    # -- schema -----------------------------------------------------------------------------
    def migrations(self) -> list[str]:
        with self._reader() as conn:
            return migrations.applied(conn)

    # -- writing ----------------------------------------------------------------------------
    def record_copies(self, found: Sequence[tuple[Document, str]]) -> None:
        """Keep each ``(copy, stored document id)`` found before extraction (``known``): who else
        carried the stored document, for its claims and its date (``store.copies``)."""
        if found:
            with self._writer() as conn:
                copies.record(conn, found, self.reversal)

    def write(self, items: Sequence[Prepared]) -> list[Outcome]:
        """Store a batch of new documents atomically; known ones are reported as ``exists``.

        Two ingests of overlapping inputs can both find a document new and both insert it: the
        second insert then breaks a unique key and its whole batch rolls back. The batch is tried
        again, when the first writer's rows are visible and come back as ``exists``."""
        if not items:
            return []
        attempt = 1
        while True:
            try:
                with self._writer() as conn:
                    return writer.write_batch(conn, items, self.reversal)
            except StoreError as exc:
                if attempt == WRITE_ATTEMPTS or not isinstance(exc.__cause__, IntegrityError):
                    raise
                attempt += 1

    def replace(self, extractions: Sequence[Extraction]) -> list[Outcome]:
        """Swap in re-extracted machine records for stored documents, keeping overrides."""
        with self._writer() as conn:
            return [writer.replace(conn, ex, self.reversal) for ex in extractions]

    def add_actors(self, kb: Iterable[Actor]) -> int:
        with self._writer() as conn:
            before = stored_extractions.parties(conn)
            n = actor_rules.add_kb_actors(conn, kb)
            tallies.refresh_parties(conn, before, self.reversal)  # an actor's party moves its statements' row
            return n

    def correct(self, statement_id: str, change: Correction) -> int:
        """Record an override; the speakers it touches are marked for claim regrouping, which
        ``redline.correct`` (the library entry point) also does."""
        with self._writer() as conn:
            return overrides.record(conn, statement_id, change, self.reversal)

    def replace_claims(
        self, claims: Iterable[tuple[dict[str, Any], Sequence[str]]], actors: Collection[str] | None = None
    ) -> int:
        """Replace the claims (of ``actors`` only, if given) by freshly grouped ones and their links."""
        n = 0
        with self._writer() as conn:
            if self.dialect == "postgresql":
                # two runs finishing together regroup the same speakers: the second waits for
                # the first and replaces its claims, instead of colliding on their ids
                conn.execute(text("select pg_advisory_xact_lock(hashtext('redline.claims'))"))
            if actors is None:
                conn.execute(delete(claim_statement))
                conn.execute(delete(claim))
            else:
                for part in chunks(sorted(actors)):
                    ids = select(claim.c.id).where(claim.c.actor_id.in_(part))
                    conn.execute(delete(claim_statement).where(claim_statement.c.claim_id.in_(ids)))
                    conn.execute(delete(claim).where(claim.c.actor_id.in_(part)))
            it = iter(claims)
            # in batches: one executemany per table per thousand claims, not two statements each
            while batch := list(islice(it, 1000)):
                insert_rows(conn, claim, [row for row, _ in batch])
                links = [{"claim_id": row["id"], "statement_id": s} for row, ids in batch for s in ids]
                insert_rows(conn, claim_statement, links)
                n += len(batch)
        return n

    # -- reading ----------------------------------------------------------------------------
    def read(self, query: Callable[Concatenate[Connection, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
        """``query(conn, ...)`` in one read transaction: store modules' readers (``lookup``) run
        through here, so no module but this one opens a transaction."""
        with self._reader() as conn:
            return query(conn, *args, **kwargs)

    def known(self, keys: Sequence[DocumentKey]) -> dict[str, str]:
        """Documents already stored under any of their keys: each id (as given in ``keys``) with
        the stored document's id, another one when the key is a copy's text or URL."""
        found: dict[str, str] = {}
        with self._reader() as conn:
            for part in chunks(list(keys), 300):
                ids = [k.id for k in part]
                hashes = [k.content_hash for k in part]
                urls = [k.canonical_url for k in part if k.canonical_url]
                conds = [document.c.id.in_(ids), document.c.content_hash.in_(hashes)]
                if urls:
                    conds.append(document.c.canonical_url.in_(urls))
                rows = conn.execute(
                    select(document.c.id, document.c.content_hash, document.c.canonical_url).where(
                        or_(*conds)
                    )
                ).all()
                hit_ids = {r.id for r in rows}
                hit_hashes = {r.content_hash: r.id for r in rows}
                hit_urls = {r.canonical_url: r.id for r in rows if r.canonical_url}
                for k in part:
                    stored = (
                        k.id
                        if k.id in hit_ids
                        else hit_hashes.get(k.content_hash)
                        or (hit_urls.get(k.canonical_url) if k.canonical_url else None)
                    )
                    if stored is not None:
                        found[k.id] = stored
        return found

    def iter_documents(self, *, not_extractor: str | None = None, page: int = 200) -> Iterator[Document]:
        """Stored documents in id order, page by page (flat memory; safe to write meanwhile)."""
        last = ""
        while True:
            with self._reader() as conn:
                q = select(document).where(document.c.id > last).order_by(document.c.id).limit(page)
                if not_extractor is not None:
                    q = q.where(or_(document.c.extractor.is_(None), document.c.extractor != not_extractor))
                rows = conn.execute(q).all()
            if not rows:
                return
            for r in rows:
                yield stored_extractions.document_from_row(r)
            last = rows[-1].id

    def statements(self, f: StatementFilter | None = None) -> list[dict[str, Any]]:
        with self._reader() as conn:
            return queries.list_statements(conn, f or StatementFilter())

    def count_statements(self, f: StatementFilter | None = None) -> int:
        """How many statements the filter matches in all (limit and offset ignored)."""
        with self._reader() as conn:
            return queries.count_statements(conn, f or StatementFilter())

    def count_search(self, f: StatementFilter) -> tuple[int, bool]:
        """``count_statements``, estimated beyond ``queries.SEARCH_COUNTED`` hits of a full-text
        search; and whether the total is exact."""
        with self._reader() as conn:
            return queries.count_search(conn, f)

    def count_actors(self, *, everyone: bool = False) -> int:
        with self._reader() as conn:
            return queries.count_actors(conn, everyone)

    def count_documents(self, outlet: str | None = None) -> int:
        with self._reader() as conn:
            return queries.count_documents(conn, outlet)

    def count_claims(self, actor: str | None = None, min_outlets: int = 1) -> int:
        with self._reader() as conn:
            return queries.count_claims(conn, actor, min_outlets)

    def iter_statement_records(self, f: StatementFilter | None = None) -> Iterator[dict[str, Any]]:
        """Every statement matching ``f`` with full provenance, streamed in a stable order (exports)."""
        with self._reader() as conn:
            yield from streams.statement_records(conn, f or StatementFilter())

    def iter_document_records(
        self, outlet: str | None = None, *, text: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Every document's metadata and counted statements (``text``: and its stored text),
        streamed in a stable order (exports)."""
        with self._reader() as conn:
            yield from streams.document_records(conn, outlet, text=text)

    def actor_records(self) -> dict[str, dict[str, Any]]:
        with self._reader() as conn:
            return streams.actor_records(conn)

    def actors(
        self, limit: int | None = None, *, offset: int = 0, everyone: bool = False
    ) -> list[dict[str, Any]]:
        with self._reader() as conn:
            return queries.list_actors(conn, limit, offset, everyone)

    def documents(
        self, limit: int | None = None, outlet: str | None = None, *, offset: int = 0
    ) -> list[dict[str, Any]]:
        with self._reader() as conn:
            return queries.list_documents(conn, limit, outlet, offset)

    def claims(
        self, limit: int | None = None, actor: str | None = None, *, offset: int = 0, min_outlets: int = 1
    ) -> list[dict[str, Any]]:
        with self._reader() as conn:
            return queries.list_claims(conn, limit, actor, offset, min_outlets)

    def statement(self, statement_id: str) -> records.StatementRecord | None:
        """One statement in full: spans, machine and effective values, overrides, its passage."""
        with self._reader() as conn:
            return records.get_statement(conn, statement_id)

    def document(self, document_id: str) -> records.DocumentRecord | None:
        with self._reader() as conn:
            return records.get_document(conn, document_id)

    def actor(self, actor_id: str) -> records.ActorRecord | None:
        """One actor with aliases and countable statements by issue and stance."""
        with self._reader() as conn:
            return records.get_actor(conn, actor_id)

    def require_actor(self, query: str | None, listing: str) -> None:
        """Refuse an actor filter that names no actor of the corpus (id, name or alias), with
        where to find the names (``listing``): `--actor nobody` answered an empty list, as if
        the actor had said nothing, where a typo'd issue filter is refused."""
        if not query:
            return
        with self._reader() as conn:
            if actor_rules.find_actor_ids(conn, query):
                return
        raise NotFoundError(f"no actor {query!r}", hint=f"the actors' ids and names are listed by {listing}")

    def extractor_versions(self) -> dict[str, int]:
        with self._reader() as conn:
            return records.extractor_versions(conn)

    def correction_summary(self) -> dict[str, Any]:
        with self._reader() as conn:
            return records.correction_summary(conn)

    def data_version(self) -> tuple[object, ...]:
        """Changes whenever stored records or corrections change: a key for caching analyses."""
        with self._reader() as conn:
            return records.data_version(conn)

    def claim_inputs(self, actors: Collection[str] | None = None) -> Iterator[ClaimInput]:
        """Countable statements with a speaker (of ``actors`` only, if given), by actor then date:
        what claims are grouped from."""
        s = statement
        parts: list[Sequence[str] | None] = [None] if actors is None else list(chunks(sorted(actors)))
        for part in parts:
            with self._reader() as conn:
                carried = copies.Carried(conn, part)
            q = select(s.c.id, s.c.actor_id, s.c.speaker, s.c.date, s.c.content, s.c.document_id, s.c.outlet)
            q = q.where(s.c.actor_id.is_not(None), *countable())
            if part is not None:
                q = q.where(s.c.actor_id.in_(part))
            q = q.order_by(s.c.actor_id, oldest_first(s.c.date), s.c.id)
            with self._reader() as conn:
                rows = conn.execution_options(yield_per=2000).execute(q)
                for r in rows:
                    yield ClaimInput(
                        r.id,
                        r.actor_id,
                        r.speaker,
                        r.date,
                        r.content,
                        r.document_id,
                        r.outlet,
                        carried.of(r.document_id, r.actor_id, r.content),
                    )

    def stale_claim_actors(self) -> set[str]:
        """Actors whose claims no longer match their statements: a countable statement in no claim
        (new, re-extracted or re-attributed), or a claim holding a statement that is gone, no longer
        countable or now someone else's (both that actor and the new one are returned)."""
        s, c, cs = statement, claim, claim_statement
        counted = (s.c.actor_id.is_not(None), *countable())
        unlinked = (
            select(s.c.actor_id)
            .where(*counted, ~select(cs.c.claim_id).where(cs.c.statement_id == s.c.id).exists())
            .distinct()
        )
        broken = (
            select(c.c.actor_id, s.c.actor_id.label("now"))
            .select_from(c.join(cs, cs.c.claim_id == c.c.id).outerjoin(s, s.c.id == cs.c.statement_id))
            .where(
                or_(
                    s.c.id.is_(None),
                    not_(and_(*countable())),
                    s.c.actor_id.is_(None),
                    s.c.actor_id != c.c.actor_id,
                )
            )
            .distinct()
        )
        with self._reader() as conn:
            found = {r[0] for r in conn.execute(unlinked)}
            for was, now in conn.execute(broken):
                found |= {a for a in (was, now) if a}
        return found

    def save_plan_version(self, version: PlanVersion, reconstruction: dict[str, Any] | None = None) -> None:
        """Insert or replace a plan version; ``reconstruction`` is the analysis's JSON, if any."""
        with self._writer() as conn:
            stored_plans.save(conn, version, reconstruction)
            point_links.forget_version(conn, version.plan, version.label)

    def plan_version(self, plan: str, label: str) -> tuple[PlanVersion, dict[str, Any] | None] | None:
        with self._reader() as conn:
            return stored_plans.load(conn, plan, label)

    def plan_versions(self, plan: str) -> list[PlanVersion]:
        with self._reader() as conn:
            return stored_plans.versions(conn, plan)

    def plan_names(self) -> list[str]:
        with self._reader() as conn:
            return stored_plans.names(conn)

    # -- positions, from the tallies every write keeps current -------------------------------
    def position_tallies(
        self, by: str, *, issue: str | None = None, at: date | None = None, shifts: bool = False
    ) -> list[tallies.TallyRow]:
        """Per (row, issue, day, stance) counts and strongest quotes: what a positions matrix needs
        (``shifts``: only the rows a shift can be made of)."""
        with self._reader() as conn:
            return tallies.read(conn, by, issue=issue, at=at, shifts=shifts)

    def position_as_of(
        self, by: str, at: date, *, issue: str | None = None
    ) -> tuple[balances.CellTotals, dict[tuple[str, str], ShiftDays[str]] | None]:
        """A matrix's cells as of a past day and its shift walk's input, read in one pass."""
        with self._reader() as conn:
            return tallies.as_of(conn, by, at, issue=issue)

    def position_past(
        self, by: str, at: date, *, issue: str | None = None, rows: Rows = None
    ) -> tuple[balances.CellTotals, list[ShiftDraft[str]] | None]:
        """A matrix's cells and shifts as of a past day, from the walk's kept checkpoints
        (``rows``: only those rows', one page of the matrix)."""
        with self._reader() as conn:
            return tallies.past(conn, by, at, issue=issue, rows=rows)

    def position_cells(
        self, by: str, *, issue: str | None = None, at: date | None = None, rows: Rows = None
    ) -> balances.CellTotals:
        """The cells of a matrix: kept (of ``rows``, if given), or counted in SQL over the
        tallies for a past day."""
        with self._reader() as conn:
            return balances.cells(conn, by, issue=issue, at=at, rows=rows)

    def position_shifts(
        self, by: str, *, issue: str | None = None, rows: Rows = None
    ) -> list[ShiftDraft[str]] | None:
        """The shifts as of today the store keeps with the cells (None: read the statements)."""
        with self._reader() as conn:
            return balances.kept_shifts(conn, by, issue=issue, rows=rows)

    def row_totals(
        self, by: str, *, issue: str | None = None, version: tuple[str, str] | None = None
    ) -> dict[str, int]:
        """Per row of a matrix (by issue, of one ``issue`` column if given; or by the points of a
        plan ``version``: plan, label, of the statements that have ``issue`` if given), its
        statements as of today: the order a matrix's rows are paged in (``row_totals``)."""
        if version is not None:
            with self._reader() as conn:
                return row_totals.row_totals(conn, by, scope=of_version(*version, issue))
        with self._reader() as conn:
            return row_totals.row_totals(conn, by, issue=issue, scope=ISSUES)

    def point_tallies(
        self,
        plan: str,
        label: str,
        by: str,
        *,
        issue: str | None = None,
        at: date | None = None,
        rows: Rows = None,
    ) -> list[tallies.TallyRow]:
        """The same with a version's points as columns (of the statements that have ``issue``,
        if given), kept (``point_tallies``); ``rows``: only those."""
        with self._reader() as conn:
            return point_tallies.read(conn, plan, label, by, issue=issue, at=at, rows=rows)

    def point_past(
        self, plan: str, label: str, by: str, at: date, *, rows: Rows = None, issue: str | None = None
    ) -> tuple[balances.CellTotals, list[ShiftDraft[str]]] | None:
        """A matrix by the points of a version (of the statements that have ``issue``, if
        given) and its shifts as of a past day, from the walk kept by week
        (``point_cells.past``); None: walk its point tallies up to the day."""
        with self._reader() as conn:
            return point_cells.past(conn, plan, label, by, at, rows, issue)

    def point_cells(
        self, plan: str, label: str, by: str, *, rows: Rows = None, issue: str | None = None
    ) -> balances.CellTotals:
        """The cells of a matrix by the points of a version (of the statements that have
        ``issue``, if given) as of today, kept (``point_cells``)."""
        with self._reader() as conn:
            return point_cells.cells(conn, plan, label, by, rows, issue)

    def point_shifts(
        self, plan: str, label: str, by: str, *, rows: Rows = None, issue: str | None = None
    ) -> list[ShiftDraft[str]] | None:
        """The shifts by the points of a version (of the statements that have ``issue``, if
        given) as of today (None: read the statements)."""
        with self._reader() as conn:
            return point_cells.kept_shifts(conn, plan, label, by, rows, issue)

    def point_link_numbers(self, plan: str, label: str) -> dict[str, list[str]]:
        """The points each countable statement is linked to in a version (made by ``link_version``)."""
        out: dict[str, list[str]] = {}
        with self._reader() as conn:
            for r in point_links.linked_rows(conn, plan, label, [statement.c.id]):
                out.setdefault(r.id, []).append(r.number)
        return out

    def tally_revision(self) -> int:
        """A number every write of statements, events, corrections, tallies or point links moves:
        a key to cache positions and timeline pages by."""
        with self._reader() as conn:
            return tallies.revision(conn)

    def rebuild_tallies(self) -> None:
        """Recount every tally from the statements (a repair; writes keep them current), and the
        tallies by plan point from the links."""
        with self._writer() as conn:
            tallies.rebuild(conn, self.reversal)
            point_tallies.rebuild(conn, self.reversal)

    def recount_corpus(self) -> None:
        """Count the corpus counters again from the tables (a repair; triggers keep them current)."""
        with self._writer() as conn:
            corpus_counts.recount(conn)

    def statements_by_id(self, ids: Collection[str]) -> dict[str, Statement]:
        """Statements (effective values) by id: the quotes a positions matrix shows, kept across
        writes that change no stored statement (``quote_cache``; do not change them)."""
        with self._reader() as conn:
            return self._quotes.statements(conn, ids)

    def documents_by_id(self, ids: Collection[str]) -> dict[str, Document]:
        """Documents by id without their text (``text`` is empty): what a quote cites (a page of
        positions by actor cites 3,000), kept as ``statements_by_id`` keeps statements."""
        with self._reader() as conn:
            return self._quotes.documents(conn, ids)

    def countable_statements(self) -> list[Statement]:
        """Every countable statement (effective values, no article text): what shifts are read from."""
        with self._reader() as conn:
            rows = conn.execute(select(statement).where(*countable()))
            return [stored_extractions.statement_from_row(r) for r in rows]

    def point_link_pending(self, plan: str, label: str) -> tuple[point_links.Pending, list[Statement]]:
        """What the stored links of a version lack, and those countable statements to link."""
        with self._reader() as conn:
            todo = point_links.pending(conn, plan, label)
            rows = point_links.countable_after(conn, todo.upto, todo.last, todo.changed)
        return todo, [stored_extractions.statement_from_row(r) for r in rows]

    def linked_versions(self) -> list[tuple[str, str]]:
        """The (plan, label) of every version whose links were made (and are kept current)."""
        with self._reader() as conn:
            return point_links.versions(conn)

    def point_link_reference(self, plan: str, label: str) -> tuple[dict[str, int], int] | None:
        """The word weights a version's links are made with (see ``point_links.reference``)."""
        with self._reader() as conn:
            return point_links.reference(conn, plan, label)

    def countable_contents(self) -> Iterator[str]:
        """The text of every countable statement, streamed."""
        with self._reader() as conn:
            yield from point_links.countable_contents(conn)

    def save_point_links(
        self,
        plan: str,
        label: str,
        links: Sequence[point_links.LinkRow],
        pending: point_links.Pending,
        weights: tuple[dict[str, int], int] | None = None,
    ) -> None:
        with self._writer() as conn:
            point_links.save(
                conn,
                plan,
                label,
                links,
                last=pending.last,
                changed=pending.changed,
                weights=weights,
                reversal=self.reversal,
            )

    def timeline_rows(
        self,
        *,
        issue: str | None = None,
        mentioning: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Any]:
        """Timeline items (countable statements, events of originals) in timeline order, a page."""
        with self._reader() as conn:
            return timeline_rows.rows(conn, issue=issue, mentioning=mentioning, limit=limit, offset=offset)

    def statement_spans(self, document_ids: Collection[str]) -> list[Any]:
        """Where the countable statements of some documents sit: (document_id, id, start, end)."""
        out: list[Any] = []
        with self._reader() as conn:
            for part in chunks(sorted(document_ids)):
                out += timeline_rows.spans(conn, part)
        return out

    def timeline_totals(self, *, issue: str | None = None) -> TimelineTotals:
        with self._reader() as conn:
            return timeline_rows.totals(conn, issue=issue)

    def iter_extractions(self, *, page: int = 200) -> Iterator[Extraction]:
        """Stored documents with their countable statements (corrections applied) and events."""
        last = ""
        while True:
            with self._reader() as conn:
                batch = next(stored_extractions.iter_extractions(conn, after=last, page=page), [])
            if not batch:
                return
            yield from batch
            last = batch[-1].document.id

    def parties(self) -> dict[str, str]:
        """Actor id (and name) -> negotiating party, from the actor table."""
        with self._reader() as conn:
            return stored_extractions.parties(conn)

    def summary(self) -> dict[str, int]:
        """What a person wants to know first: documents, reprints, countable statements, actors,
        events (from the counters the database keeps current: no scan)."""
        with self._reader() as conn:
            return corpus_counts.totals(conn)

    def counts(self) -> dict[str, int]:
        with self._reader() as conn:
            return {
                "documents": conn.execute(select(func.count()).select_from(document)).scalar_one(),
                "statements": conn.execute(select(func.count()).select_from(statement)).scalar_one(),
            }
