"""Positions answered from the store's tallies instead of the whole corpus.

``negotiation.positions`` reads every countable statement; this gives the same result (the
same ``Positions``, the same report) from what the store keeps current on every write: the
per (row, column, day, stance) tallies, the strongest quote of each, and the statement ->
point links of a plan version. A call reads a few thousand tally rows and the handful of
statements it quotes, so the matrix costs the same during an ingest as on a quiet store.

Shifts come from the same tallies: besides the per-day counts, each keeps how many of its
statements say outright that the position changed (and the strongest of them) and how many
are nobody's position, which is all the evidence rule (``balance.cell_shifts``) needs. The
store walks it on every write and keeps the shifts as of today; as of a past day, or by plan
point, they are walked per call; as of a past day, cells and shifts come from the walk's
state the store keeps by week (``store.walk_checkpoints``).
Only an actor row mixing both kinds of speaker in one tally (a name shared by a media actor
and another speaker, say) cannot be split from the tallies: then the shifts are found in the
statements, as ``negotiation.positions`` finds them.

Links of a version are made by ``analysis.linking`` the first time the version is asked for
(every countable statement, as ``negotiation.positions`` links them, with the word weights of
that corpus, which are kept with the links) and then only for the statements stored or changed
since: ingest links them after each batch (``link_new``), and a request links what is still
missing. Later statements are weighed by the kept weights, so a statement's links do not
depend on its batch and relinking it changes nothing; as the corpus grows, they can differ
slightly from linking everything anew, which saving the version again does. By plan point as
of today, cells and shifts are those the store keeps per version (``point_cells``); as of a
past day, from the walk it keeps by week per version (``point_cells.past``); narrowed to an
issue, from the same kept per version and issue of the statements.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from redline.analysis.linking import LinkOptions, link_statements, matcher_of, reference
from redline.analysis.negotiation import Positions, positions_version
from redline.analysis.positions import (
    BalanceSettings,
    CellDays,
    DayGroup,
    RowKind,
    assemble,
    by_points,
    summarised_matrix,
)
from redline.analysis.repository import PlanRepository
from redline.analysis.row_pages import RowPage, ranked, restricted
from redline.analysis.shifts import Shift, ShiftDraft, cell_shifts, find_shifts, shown
from redline.analysis.textsim import TfIdf
from redline.balance import ShiftDays
from redline.knowledge.link_terms import generic_link_terms
from redline.knowledge.shift_cues import ShiftKnowledge
from redline.model import Document, PlanVersion, Statement
from redline.store import Store
from redline.store.balances import TallyRow, shift_days
from redline.store.gc_pause import paused_gc
from redline.store.point_links import LinkRow
from redline.store.schema import ANY_COLUMN

__all__ = ["StoredPositions", "link_new", "link_version", "stored_positions", "tally_days"]

Loader = Callable[[list[str]], Callable[[str], Statement]]  # statement ids -> lookup of them


def tally_days(rows: Sequence[TallyRow]) -> CellDays[str]:
    """The matrix input (quotes as statement ids) of tally rows, which come in day order."""
    days = CellDays[str]()
    last: dict[tuple[str, str], tuple[date, list[DayGroup[str]]]] = {}
    for r in rows:
        key = (r.row, r.column)
        if r.column == ANY_COLUMN:
            days.undated_statements += r.n
        elif r.day is None:
            days.undated[key] = days.undated.get(key, 0) + r.n
        else:
            group = DayGroup(r.stance, r.n, (r.rank, r.confidence, r.day, r.length), r.best_id)
            seen = last.get(key)
            if seen is not None and seen[0] == r.day:
                seen[1].append(group)
            else:
                last[key] = (r.day, [group])
                days.dated.setdefault(key, []).append(last[key])
    return days


def _walked(rows: Sequence[TallyRow]) -> list[ShiftDraft[str]] | None:
    return _walk(shift_days(rows))


def _walk(cells: dict[tuple[str, str], ShiftDays[str]] | None) -> list[ShiftDraft[str]] | None:
    if cells is None:
        return None
    return [sh for key in sorted(cells) for sh in cell_shifts(*key, cells[key])]


def _shifts(
    drafts: list[ShiftDraft[str]] | None, load: Loader, knowledge: ShiftKnowledge
) -> list[Shift] | None:
    if drafts is None:
        return None
    quote = load([q for d in drafts for q in (d.quote_before, d.quote_after)])
    return shown(drafts, quote, knowledge)


def link_options(actor_files: Sequence[Path] = ()) -> LinkOptions:
    """The options every path links with, its generic words those of ``actor_files`` (the
    settings' ``actors``) too: a command or an app passes its own, so another negotiation's
    parties named in a point are no evidence of a link to it (``generic_link_terms``)."""
    return LinkOptions(generic=generic_link_terms(actor_files))


def link_version(store: Store, version: PlanVersion, options: LinkOptions | None = None) -> int:
    """Link the statements the stored links of ``version`` lack; return how many were linked."""
    pending, statements = store.point_link_pending(version.plan, version.label)
    if pending.upto is not None and not statements:
        return 0
    # the options ``negotiation.positions`` links with, so both paths link alike
    opt = options or link_options()
    kept = store.point_link_reference(version.plan, version.label)
    weights = None
    if kept is not None:
        space = TfIdf.of_counts(*kept)
    else:  # the first link: words weighed as linking the whole corpus at once weighs them
        if pending.upto is None:  # ``statements`` is the whole corpus
            space = reference(version.points, (s.content.text for s in statements))
        else:  # linked before weights were kept: fitted on the corpus once
            space = reference(version.points, store.countable_contents())
        weights = (space.df, space.size)
    found = link_statements(statements, matcher_of(version.points, (), opt, space), opt)
    rows = [
        LinkRow(lk.statement_id, lk.number, lk.score, lk.lexical, lk.issue_overlap)
        for links in found.values()
        for lk in links
    ]
    store.save_point_links(version.plan, version.label, rows, pending, weights)
    return len(statements)


def link_new(store: Store, options: LinkOptions | None = None) -> int:
    """Link what every version already linked lacks (the statements written or changed since);
    return how many statements were linked. Ingest calls it after each batch it writes, so the
    links, point tallies and cells are current before any request asks for them, and a
    request links nothing. A version never linked is linked whole on its first request."""
    n = 0
    for plan, label in store.linked_versions():
        found = store.plan_version(plan, label)
        if found is not None:
            n += link_version(store, found[0], options)
    return n


def _quotes(store: Store, into: dict[str, Statement]) -> Loader:
    """Quotes by id, read once: the cells' and the shifts' ids load into one ``into``."""

    def load(ids: list[str]) -> Callable[[str], Statement]:
        into.update(store.statements_by_id(set(ids) - into.keys()))
        return into.__getitem__

    return load


@dataclass(slots=True)
class StoredPositions:
    """A positions result and the documents its quotes cite (without their text)."""

    result: Positions
    documents: dict[str, Document]
    # by plan point: the store revision once the links were made (the result is at least as
    # new), since making links moves the revision that results are cached by
    revision: int | None = None


def stored_positions(
    store: Store,
    *,
    repo: PlanRepository | None = None,
    plan: str | None = None,
    by: RowKind = "party",
    at: date | None = None,
    issue: str | None = None,
    label: str | None = None,
    linking: AbstractContextManager[object] | None = None,
    lineage: str | None = None,
    rows: RowPage | None = None,
    quotes: bool = True,
    link_options: LinkOptions | None = None,
) -> StoredPositions:
    """``negotiation.positions`` of the store, from its tallies (and links, by plan point).

    ``linking`` (a lock) is held while links are made, so that concurrent first requests for
    a version link it once, not once each. ``rows``: one page of the matrix's rows
    (``row_pages``), and only those rows' cells, shifts and quotes are read; ``quotes``
    False: cells without their quotes (shifts keep theirs), none read. ``link_options``: what
    statements not linked yet are linked with (``link_options``, the caller's actor files)."""
    version = None
    revision = None
    quoted: dict[str, Statement] = {}
    load = _quotes(store, quoted)
    cell_quotes = load if quotes else None
    ranks: dict[str, int] | None = None
    page: list[str] | None = None
    if plan is not None:
        version = positions_version(repo, plan, label, lineage)
        with linking or nullcontext():
            link_version(store, version, link_options)
            revision = store.tally_revision()
        if rows is not None:
            ranks = store.row_totals(by, issue=issue, version=(plan, version.label))
            page = ranked(ranks)[rows.offset : rows.offset + rows.limit]
        kept = None
        if at is not None:  # as of a past day: the walk kept by week
            kept = store.point_past(plan, version.label, by, at, rows=page, issue=issue)
        if at is None:  # as of today: the cells and shifts kept per version (and issue)
            totals = store.point_cells(plan, version.label, by, rows=page, issue=issue)
            matrix = assemble(totals.cells, totals.undated, totals.undated_statements, cell_quotes, at)
            kept_shifts = store.point_shifts(plan, version.label, by, rows=page, issue=issue)
            shifts = _shifts(kept_shifts, load, store.knowledge)
        elif kept is not None:
            matrix = assemble(kept[0].cells, kept[0].undated, kept[0].undated_statements, cell_quotes, at)
            shifts = _shifts(kept[1], load, store.knowledge)
        else:
            tallied = store.point_tallies(plan, version.label, by, issue=issue, at=at, rows=page)
            matrix = summarised_matrix(tally_days(tallied), cell_quotes, at)
            shifts = _shifts(_walked(tallied), load, store.knowledge)
    else:
        if rows is not None:
            ranks = store.row_totals(by, issue=issue)
            page = ranked(ranks)[rows.offset : rows.offset + rows.limit]
        # as of a past day: its tuples and the quotes made with the collector paused, when
        # the walk's state cannot be used and every tally up to the day is read (``gc_pause``)
        with nullcontext() if at is None else paused_gc():
            if at is None:  # as of today: the cells and shifts every write keeps
                totals = store.position_cells(by, issue=issue, rows=page)
                drafts = store.position_shifts(by, issue=issue, rows=page)
            else:  # as of a past day: the walk's checkpoints before it and the tallies since
                totals, drafts = store.position_past(by, at, issue=issue, rows=page)
            matrix = assemble(totals.cells, totals.undated, totals.undated_statements, cell_quotes, at)
            shifts = _shifts(drafts, load, store.knowledge)
    if shifts is None:  # a tally row the rule cannot split: the statements themselves
        columns = by_points(store.point_link_numbers(plan, version.label)) if plan and version else None
        settings = BalanceSettings(
            by=by, party_of=store.parties(), columns=columns, at=at, issue=issue, knowledge=store.knowledge
        )
        shifts = find_shifts(store.countable_statements(), settings)
        if page is not None:
            shifts = [sh for sh in shifts if sh.row in set(page)]
    if page is not None and ranks is not None:
        matrix = restricted(matrix, page, len(ranks))
    for sh in shifts:
        quoted.setdefault(sh.quote_before.id, sh.quote_before)
        quoted.setdefault(sh.quote_after.id, sh.quote_after)
    documents = store.documents_by_id({s.document_id for s in quoted.values()})
    return StoredPositions(Positions(matrix, shifts, version, {}), documents, revision)
