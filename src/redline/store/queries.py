"""Reading the corpus: statement filters, actors, documents and claims as plain dicts.

Filters are written so each can use an index: speaker, stance, outlet and date are columns
of ``statement``; issue membership is the ``statement_issue`` join table; text search goes
through FTS5 on SQLite and a GIN-indexed tsvector on PostgreSQL.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, false, func, literal_column, or_, select, text, true
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from redline.model import issue_stance
from redline.search_syntax import SEARCH_HELP as SEARCH_HELP  # one text for every interface
from redline.store import corpus_counts
from redline.store._sql import newest_first
from redline.store.actors import find_actor_ids
from redline.store.countable import countable
from redline.store.outlets import outlet_condition
from redline.store.schema import PG_SEARCH_CONFIG, actor, claim, document, statement, statement_issue
from redline.store.tallies import UNAFFILIATED

_TOKEN = re.compile(r"\w+", re.UNICODE)
SPARSE_MATCHES = 2000  # up to this many full-text hits are fetched and looked up by key


@dataclass(frozen=True, slots=True)
class StatementFilter:
    """What ``redline statements`` can ask for; every field narrows the result."""

    actor: str | None = None
    issue: str | None = None
    stance: str | None = None
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    search: str | None = None
    document: str | None = None
    limit: int | None = 50
    offset: int = 0  # rows to skip (the API's pages); the order is fixed: newest first, then id
    include_rejected: bool = False
    include_duplicates: bool = False
    party: str | None = None  # the speaker's actor's party; ``UNAFFILIATED`` for none


_SEARCH_ITEM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """One word or quoted phrase of a search; ``negated`` for a leading minus."""

    words: tuple[str, ...]
    negated: bool = False
    phrase: bool = False


SelectT = TypeVar("SelectT", bound=Select[Any])


def _page(q: SelectT, limit: int | None, offset: int | None) -> SelectT:
    """0 and None both mean "no limit" / "from the start", so every listing treats them alike."""
    if limit:
        q = q.limit(limit)
    if offset:
        q = q.offset(offset)
    return q


def parse_search(search: str) -> list[list[SearchTerm]]:
    """The one search syntax of every interface, web-search style (PostgreSQL's
    ``websearch_to_tsquery`` reads the same): words must all appear, ``"a phrase"`` must appear
    as written, ``or`` between two terms accepts either, ``-word`` excludes. Returns the terms
    as a conjunction of alternatives. An ``or`` with no term before or after it is a word, as
    PostgreSQL reads it."""
    groups: list[list[SearchTerm]] = []
    join_next = False
    items = list(_SEARCH_ITEM.finditer(search))
    for k, m in enumerate(items):
        minus, quoted, bare = m.group(1), m.group(2), m.group(3)
        if bare is not None and bare.lower() == "or" and groups and not join_next and k + 1 < len(items):
            join_next = True
            continue
        if bare is not None and bare.startswith("-"):
            minus, bare = "-", bare[1:]
        words = tuple(_TOKEN.findall(quoted if quoted is not None else bare or ""))
        if not words:
            continue
        term = SearchTerm(words, negated=bool(minus), phrase=quoted is not None)
        if join_next and not term.negated and not any(t.negated for t in groups[-1]):
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return groups


def fts5_query(search: str) -> tuple[str | None, str | None]:
    """The search as FTS5 queries: what a statement must match, and what it must not (FTS5
    cannot say "everything but"). Words match whole, by their stem as the index keeps them
    (migration ``0027_stemmed_search``), as PostgreSQL's do: "talk" finds "talks" and "talking",
    and "negot" finds nothing."""

    def fts(term: SearchTerm) -> str:
        return '"' + " ".join(term.words) + '"'

    must, must_not = [], []
    for group in parse_search(search):
        if group[0].negated:
            must_not.append(fts(group[0]))
        elif len(group) == 1:
            must.append(fts(group[0]))
        else:
            must.append("(" + " OR ".join(fts(t) for t in group) + ")")
    return (" AND ".join(must) or None), (" OR ".join(must_not) or None)


def _search_condition(conn: Connection, search: str) -> ColumnElement[bool]:
    """Full-text condition. On SQLite the plan depends on how many statements match.

    Few hits: fetch them and look the statements up by key. Many hits: keep the key out of
    the planner's reach (``+pk``) so it walks the date (or filter) index newest first and
    tests membership, which fills a page long before the hits run out.
    """
    if conn.dialect.name == "sqlite":
        must, must_not = fts5_query(search)
        if must is None and must_not is None:
            return false()  # nothing searchable (punctuation only): nothing matches
        conds: list[ColumnElement[bool]] = []
        if must is not None:
            hits = (
                conn.execute(
                    text("SELECT rowid FROM statement_fts WHERE statement_fts MATCH :q LIMIT :n"),
                    {"q": must, "n": SPARSE_MATCHES + 1},
                )
                .scalars()
                .all()
            )
            if len(hits) <= SPARSE_MATCHES:
                conds.append(statement.c.pk.in_(list(hits)))
            else:
                conds.append(
                    text(  # type: ignore[arg-type]
                        "+statement.pk IN "
                        "(SELECT rowid FROM statement_fts WHERE statement_fts MATCH :fts_query)"
                    ).bindparams(fts_query=must)
                )
        if must_not is not None:
            conds.append(
                text(  # type: ignore[arg-type]
                    "statement.pk NOT IN (SELECT rowid FROM statement_fts WHERE statement_fts MATCH :fts_not)"
                ).bindparams(fts_not=must_not)
            )
        return and_(*conds)
    # a generated column added by the 0002_fulltext migration, stemmed alike by 0027_stemmed_search
    tsv: ColumnElement[Any] = literal_column("statement.tsv")
    config: ColumnElement[Any] = literal_column(f"'{PG_SEARCH_CONFIG}'::regconfig")
    return tsv.bool_op("@@")(func.websearch_to_tsquery(config, search))


def statement_conditions(
    conn: Connection, f: StatementFilter, *, issue: bool = True
) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a filter on ``statement`` (limit and order are the caller's).

    ``issue=False`` leaves the issue out, for a caller that joins ``statement_issue`` itself
    (on that issue): a stance is then the link's, the statement's stance toward the issue.
    """
    s = statement
    conds: list[ColumnElement[bool]] = []
    if f.actor:
        ids = find_actor_ids(conn, f.actor)
        conds.append(s.c.actor_id.in_(ids) if ids else false())
    if f.issue and issue:
        si = statement_issue
        conds.append(select(si.c.issue).where(si.c.statement_id == s.c.id, si.c.issue == f.issue).exists())
    if f.stance and f.issue and not issue:  # the caller joined the issue's link: its stance
        conds.append(statement_issue.c.stance == f.stance)
    elif f.stance and f.issue:  # the stance toward that issue (``statement_issue.stance``)
        si = statement_issue
        on_issue = (si.c.statement_id == s.c.id, si.c.issue == f.issue, si.c.stance == f.stance)
        conds.append(select(si.c.issue).where(*on_issue).exists())
    elif f.stance:
        conds.append(s.c.stance == f.stance)
    if f.since:
        conds.append(s.c.date >= f.since)
    if f.until:
        conds.append(s.c.date <= f.until)
    if f.outlet:
        conds.append(outlet_condition(conn, s.c.outlet, f.outlet))
    if f.document:
        conds.append(s.c.document_id == f.document)
    if f.search:
        conds.append(_search_condition(conn, f.search))
    if f.party:
        conds.append(_party_condition(f.party))
    not_rejected, not_reprinted = countable(s)
    if not f.include_rejected:
        conds.append(not_rejected)
    if not f.include_duplicates:
        conds.append(not_reprinted)
    return conds


def _party_condition(party: str) -> ColumnElement[bool]:
    """Statements whose actor has ``party``; for ``UNAFFILIATED``, those of no actor or of an
    actor without a party (as ``party_of_record`` reads an export row)."""
    a, s = actor, statement
    if party != UNAFFILIATED:
        # not on the actor index: a party has many speakers and a large share of the corpus, so
        # its newest (or oldest) page is found faster along the date index, testing each row
        return func.coalesce(s.c.actor_id, "").in_(select(a.c.id).where(a.c.party == party))
    with_party = select(a.c.id).where(a.c.party.is_not(None), a.c.party.not_in(["", UNAFFILIATED]))
    return or_(s.c.actor_id.is_(None), s.c.actor_id.not_in(with_party))


def list_statements(conn: Connection, f: StatementFilter) -> list[dict[str, Any]]:
    s = statement
    source = s.join(document, document.c.id == s.c.document_id).outerjoin(actor, actor.c.id == s.c.actor_id)
    order = s.c.date
    si = statement_issue
    # an issue without an actor is a join, not EXISTS: the (issue, date) index then yields the
    # rows already newest first; with an actor, the (actor, date) index drives and issue
    # membership is a primary-key probe
    join_issue = bool(f.issue and not f.actor)
    conds = statement_conditions(conn, f, issue=not join_issue)
    if join_issue:
        source = source.join(si, (si.c.statement_id == s.c.id) & (si.c.issue == f.issue))
        order = si.c.date
        if f.since:
            conds.append(si.c.date >= f.since)
        if f.until:
            conds.append(si.c.date <= f.until)
    q = (
        select(
            s.c.id,
            s.c.date,
            func.coalesce(actor.c.name, s.c.speaker).label("speaker"),
            s.c.actor_id,
            s.c.stance,
            s.c.issues,
            s.c.issue_stances,
            s.c.kind,
            s.c.content,
            s.c.outlet,
            document.c.title,
            s.c.document_id,
            s.c.content_start,
            s.c.content_end,
            s.c.extractor,
            s.c.rejected,
            s.c.duplicate,
        )
        .select_from(source)
        .where(*conds or [true()])
        .order_by(newest_first(order), s.c.id)
    )
    q = _page(q, f.limit, f.offset)
    out = []
    for row in conn.execute(q):
        d = row._asdict()
        d["issues"] = json.loads(d["issues"])
        by_issue = d.pop("issue_stances")
        if f.issue:  # the stance toward the issue listed, beside the first issue's (``stance``)
            d["issue_stance"] = issue_stance(d["stance"], by_issue, f.issue)
        d["date"] = d["date"].isoformat() if d["date"] else None
        d["rejected"], d["duplicate"] = bool(d["rejected"]), bool(d["duplicate"])
        out.append(d)
    return out


def count_statements(conn: Connection, f: StatementFilter) -> int:
    """How many statements ``f`` matches over all pages (its limit and offset ignored): "50 of 466".

    The whole corpus, one issue, one stance or one actor's are read from the counters the
    database keeps (``corpus_counts``): counting them is a scan of up to every statement."""
    kept = _kept_count(conn, f)
    if kept is not None:
        return kept
    return int(conn.execute(select(func.count()).select_from(_matching(conn, f).subquery())).scalar_one())


def _matching(conn: Connection, f: StatementFilter) -> Select[Any]:
    """One row per statement ``f`` matches (limit and offset ignored), for counting."""
    source: Any = statement
    # an issue is a join on the (issue, date) index, as ``list_statements`` reads it: EXISTS per
    # row would probe every statement of a stance or outlet
    conds = statement_conditions(conn, f, issue=not f.issue)
    if f.issue:
        si = statement_issue
        source = statement.join(si, (si.c.statement_id == statement.c.id) & (si.c.issue == f.issue))
    return select(statement.c.pk).select_from(source).where(*conds or [true()])


SEARCH_COUNTED = 10_000  # a full-text search's total is counted up to this; beyond, estimated


def count_search(conn: Connection, f: StatementFilter) -> tuple[int, bool]:
    """``count_statements`` of a full-text search, and whether it is exact.

    Counting 200,000 hits of one word in a million statements is a join of each with its
    statement (0.4-0.6 s); a search engine says "about 200,000" instead. Up to
    ``SEARCH_COUNTED`` hits are counted exactly; beyond, a search alone on SQLite is the
    search index's own count of its hits (which counts reprints and rejected statements too,
    a few in a thousand), and a search with other filters the lower bound ``SEARCH_COUNTED + 1``."""
    if not f.search:
        return count_statements(conn, f), True
    if conn.dialect.name == "sqlite" and replace(f, limit=None, offset=0) == StatementFilter(
        search=f.search, limit=None
    ):
        must, must_not = fts5_query(f.search)
        if must is not None:
            query = must if must_not is None else f"({must}) NOT ({must_not})"
            hits = int(
                conn.execute(
                    text("SELECT count(*) FROM statement_fts WHERE statement_fts MATCH :q"), {"q": query}
                ).scalar_one()
            )
            if hits > SEARCH_COUNTED:
                return hits, False
    first = _matching(conn, f).limit(SEARCH_COUNTED + 1).subquery()
    n = int(conn.execute(select(func.count()).select_from(first)).scalar_one())
    return n, n <= SEARCH_COUNTED


def _kept_count(conn: Connection, f: StatementFilter) -> int | None:
    narrowed = [
        name for name, value in (("issue", f.issue), ("stance", f.stance), ("actor", f.actor)) if value
    ]
    others: tuple[object, ...] = (f.since, f.until, f.outlet, f.search, f.document, f.party)
    others += (f.include_rejected, f.include_duplicates)
    if any(others):
        return None
    if narrowed == ["issue", "stance"]:
        return corpus_counts.count(conn, "issue_stance", f"{f.issue}{corpus_counts.SEPARATOR}{f.stance}")
    if len(narrowed) > 1:
        return None
    if not narrowed:
        return corpus_counts.count(conn, "statements")
    if narrowed == ["actor"]:
        return sum(corpus_counts.count(conn, "actor", i) for i in set(find_actor_ids(conn, f.actor or "")))
    return corpus_counts.count(conn, narrowed[0], str(f.issue or f.stance))


def count_actors(conn: Connection, everyone: bool = False) -> int:
    """Every actor ``list_actors`` can list (with ``everyone``, those no statement quotes too)."""
    if everyone:
        return int(conn.execute(select(func.count()).select_from(actor)).scalar_one())
    counts = corpus_counts.actor_counts()
    q = (
        select(func.count())
        .select_from(actor.join(counts, counts.c.actor_id == actor.c.id))
        .where(counts.c.n > 0)
    )
    return int(conn.execute(q).scalar_one())


def count_documents(conn: Connection, outlet: str | None = None) -> int:
    """Every document ``list_documents`` can list with this outlet filter."""
    q = select(func.count()).select_from(document)
    if outlet:
        q = q.where(outlet_condition(conn, document.c.outlet, outlet, documents=True))
    return int(conn.execute(q).scalar_one())


# the most outlets a claim filter compares with: more than any corpus has, and inside the 32-bit
# integer PostgreSQL compares ``n_outlets`` with (a larger value is an error there, not "none"),
# so a larger filter is read as this one, which finds the same claims: none
MAX_OUTLETS = 100_000


def count_claims(conn: Connection, actor_query: str | None = None, min_outlets: int = 1) -> int:
    """Every claim ``list_claims`` can list for these filters."""
    q = select(func.count()).select_from(claim)
    if actor_query:
        q = q.where(claim.c.actor_id.in_(find_actor_ids(conn, actor_query)))
    if min_outlets > 1:
        q = q.where(claim.c.n_outlets >= min(min_outlets, MAX_OUTLETS))
    return int(conn.execute(q).scalar_one())


def list_actors(
    conn: Connection, limit: int | None = None, offset: int = 0, everyone: bool = False
) -> list[dict[str, Any]]:
    """Actors, most quoted first. An analyst asks who the corpus quotes, so by default the
    knowledge base's actors no statement quotes are left out; ``everyone`` lists them too."""
    counts = corpus_counts.actor_counts()  # kept by the database: no count of every statement
    q = (
        select(
            actor.c.id,
            actor.c.name,
            actor.c.kind,
            actor.c.party,
            func.coalesce(counts.c.n, 0).label("statements"),
        )
        .select_from(actor.outerjoin(counts, counts.c.actor_id == actor.c.id))
        .order_by(func.coalesce(counts.c.n, 0).desc(), actor.c.id)
    )
    if not everyone:
        q = q.where(counts.c.n > 0)
    q = _page(q, limit, offset)
    return [r._asdict() for r in conn.execute(q)]


def list_documents(
    conn: Connection, limit: int | None = None, outlet: str | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    d = document
    q = select(
        d.c.id,
        d.c.published,
        d.c.outlet,
        d.c.title,
        d.c.url,
        d.c.n_statements,
        d.c.duplicate_of,
        d.c.similarity,
        d.c.extractor,
    ).order_by(newest_first(d.c.published), d.c.id)
    if outlet:
        q = q.where(outlet_condition(conn, d.c.outlet, outlet, documents=True))
    q = _page(q, limit, offset)
    out = []
    for row in conn.execute(q):
        r = row._asdict()
        r["published"] = r["published"].isoformat() if r["published"] else None
        r["similarity"] = round(r["similarity"], 3) if r["similarity"] is not None else None
        out.append(r)
    return out


def list_claims(
    conn: Connection,
    limit: int | None = None,
    actor_query: str | None = None,
    offset: int = 0,
    min_outlets: int = 1,
) -> list[dict[str, Any]]:
    """Claims, most widely carried first; ``min_outlets`` keeps those at least that many
    outlets carried (a claim one outlet alone reported is still a claim: its statement)."""
    c = claim
    q = (
        select(
            c.c.id,
            c.c.first_date,
            c.c.last_date,
            func.coalesce(actor.c.name, c.c.speaker).label("speaker"),
            c.c.actor_id,
            c.c.content,
            c.c.n_statements,
            c.c.n_documents,
            c.c.n_outlets,
            c.c.outlets,
        )
        .select_from(c.outerjoin(actor, actor.c.id == c.c.actor_id))
        .order_by(c.c.n_outlets.desc(), c.c.n_statements.desc(), newest_first(c.c.first_date), c.c.id)
    )
    if actor_query:
        q = q.where(c.c.actor_id.in_(find_actor_ids(conn, actor_query)))
    if min_outlets > 1:
        q = q.where(c.c.n_outlets >= min(min_outlets, MAX_OUTLETS))
    q = _page(q, limit, offset)
    out = []
    for row in conn.execute(q):
        r = row._asdict()
        r["outlets"] = json.loads(r["outlets"] or "[]")
        for k in ("first_date", "last_date"):
            r[k] = r[k].isoformat() if r[k] else None
        out.append(r)
    return out
