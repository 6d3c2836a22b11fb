"""Pages over the corpus itself: overview, statements, one statement, documents, actors.

Every row shown links to the statement page, and the statement page shows the stored
document text with the statement's characters marked, so a reader can check any fact
against the sentence it came from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from redline.analysis.positions_report import PartyNames
from redline.api.deps import PartiesDep, RevisionCacheDep, StoreDep, TaxonomyDep
from redline.errors import NotFoundError
from redline.export.documents import DOCUMENT_COLUMNS
from redline.export.statements import STATEMENT_COLUMNS, statement_rows
from redline.knowledge.issues import Taxonomy
from redline.store import StatementFilter, Store, actor_days, corpus_counts, lookup, streams
from redline.store.outlets import same_outlet
from redline.store.records import ActorRecord
from redline.web.charts import Bar, bar_chart
from redline.web.downloads import Format, download
from redline.web.facets import Facet, FacetCounts, count_records, facets_of, party_of_record
from redline.web.forms import form_token
from redline.web.highlight import Mark, highlight
from redline.web.params import PageNo, Size, Text, paginate, parse_day, shown
from redline.web.render import STANCES, Renderer
from redline.web.trends import daily

__all__ = ["add_corpus_pages"]

# A narrowed view's facets count at most this many of its statements (the page then says the
# counts are of a sample): a bound on the first request for a view of a very large corpus, a
# read of a few thousand rows along an index. The whole corpus's come from counters, in full.
FACET_SCAN = 2_000
ACTOR_COLUMNS = ("id", "name", "kind", "party", "statements")
LATEST = 10  # statements listed per issue on an actor's page
MAX_DAYS = 60  # days of stance counts shown per issue (the most recent)


def stance_days(
    rows: list[tuple[str, Any, str, int]], totals: Mapping[str, int] | None = None
) -> list[tuple[str, list[tuple[date | None, dict[str, int]]]]]:
    """``(issue, date, stance, n)`` rows as issues (most statements first, by ``totals`` when
    the rows are only some of the days) with stance counts by day."""
    by_issue: dict[str, dict[date | None, dict[str, int]]] = {}
    for issue, day, stance, n in rows:
        counts = by_issue.setdefault(issue, {}).setdefault(day, {})
        counts[stance] = counts.get(stance, 0) + n
    if totals is None:
        totals = {i: sum(sum(c.values()) for c in days.values()) for i, days in by_issue.items()}
    return [
        (issue, sorted(by_issue[issue].items(), key=lambda kv: (kv[0] is None, kv[0] or date.min)))
        for issue in sorted(by_issue, key=lambda i: (i == "", -totals[i], i))
    ]


def corpus_summary(store: Store) -> dict[str, Any]:
    """What the overview shows about the whole corpus: counters and index probes, no scan."""
    first, last = store.read(lookup.date_range)
    return {
        "summary": store.summary(),
        "first": first,
        "last": last,
        "actors": store.actors(limit=10),
        "issues": store.read(lookup.issue_counts, limit=10),
    }


def corpus_facets(store: Store) -> FacetCounts:
    """The facets of every countable statement, from the counters the database keeps."""

    def read(conn: Any) -> FacetCounts:
        days = corpus_counts.by_key(conn, "day")
        month: Counter[str] = Counter()
        for day, n in days.items():
            month[day[:7]] += n
        parties = corpus_counts.party_counts(conn)
        return FacetCounts(
            party=Counter({party_of_record({"party": p}): n for p, n in parties.items()}),
            issue=Counter(corpus_counts.by_key(conn, "issue")),
            stance=Counter(corpus_counts.by_key(conn, "stance")),
            outlet=Counter(corpus_counts.by_key(conn, "outlet")),
            month=month,
            n=corpus_counts.count(conn, "statements"),
        )

    return store.read(read)


def view_facets(
    store: Store, f: StatementFilter, taxonomy: Taxonomy, parties: PartyNames
) -> tuple[list[Facet], int]:
    """The facets of a view of the statements page and how many statements they count: every
    statement's from the counters when nothing narrows the view, else the first ``FACET_SCAN``
    of the view's (read with only the columns counted)."""
    names = {i.id: i.label for i in taxonomy.issues}
    if f == StatementFilter(limit=f.limit):
        counts = corpus_facets(store)
    else:
        counts = count_records(store.read(streams.facet_records, replace(f, limit=None), FACET_SCAN))
    return facets_of(counts, parties, names), counts.n


def add_corpus_pages(router: APIRouter, renderer: Renderer) -> None:
    """Register the corpus pages on ``router``, in groups (one function each keeps every
    registration small); the order is the routes' matching order."""
    _add_statement_pages(router, renderer)
    _add_document_pages(router, renderer)
    _add_actor_pages(router, renderer)


def _add_statement_pages(router: APIRouter, renderer: Renderer) -> None:
    """The overview, the statement list and one statement's page."""

    @router.get("/", response_class=HTMLResponse, name="dashboard.overview")
    def overview(request: Request, store: StoreDep) -> HTMLResponse:
        per_day, undated = store.read(corpus_counts.day_counts)  # kept current by every write
        days = daily(per_day)
        bars = [
            Bar(d.isoformat(), n, renderer.url(request, "statements", {"since": d, "until": d}))
            for d, n in days
        ]
        return renderer.page(
            request,
            "overview.html",
            title="Overview",
            activity_chart=bar_chart(bars, "Statements per day") if bars else None,
            activity_undated=undated,
            latest=store.statements(StatementFilter(limit=10)),
            plans=store.plan_names(),
            **corpus_summary(store),
        )

    @router.get("/statements", response_class=HTMLResponse, name="dashboard.statements")
    def statements(
        request: Request,
        store: StoreDep,
        cache: RevisionCacheDep,
        taxonomy: TaxonomyDep,
        parties: PartiesDep,
        actor: Text = None,
        party: Text = None,
        issue: Text = None,
        stance: Text = None,
        outlet: Text = None,
        since: Text = None,
        until: Text = None,
        q: Text = None,
        page: PageNo = 1,
        size: Size = 50,
        fmt: Format = None,
    ) -> Response:
        form = {
            "actor": actor or "",
            "party": party or "",
            "issue": issue or "",
            "stance": stance or "",
            "outlet": outlet or "",
            "since": since or "",
            "until": until or "",
            "q": q or "",
        }
        outlets = store.read(lookup.outlets)
        # the menu shows the outlet chosen however it was typed ("reuters" selects Reuters)
        form["outlet"] = next((o for o in outlets if outlet and same_outlet(o, outlet)), form["outlet"])
        context: dict[str, Any] = {
            "title": "Statements",
            "form": form,
            "issues": store.read(lookup.issues),
            "outlets": outlets,
            "parties": {p: parties(p) for p in store.read(lookup.parties)},
            "size": size,
            "page": page,
        }
        error = None
        try:
            start, end = parse_day(since, "since"), parse_day(until, "until")
        except ValueError as exc:
            error = str(exc)
        if stance and stance not in STANCES:
            error = f"stance: {stance!r} is not one of {', '.join(STANCES)}"
        status = 400
        if not error:
            try:  # the command's and the API's refusal, in their words
                store.require_actor(actor, "the Actors page")
            except NotFoundError as exc:
                error, status = f"actor: {exc}", 404
        if error:
            return renderer.page(
                request,
                "statements.html",
                status,
                error=error,
                rows=[],
                more=False,
                shown="",
                facets=[],
                facets_capped=False,
                facet_scan=FACET_SCAN,
                **context,
            )
        f = StatementFilter(
            actor=actor or None,
            issue=issue or None,
            stance=stance or None,
            outlet=outlet or None,
            since=start,
            until=end,
            search=q or None,
            party=party or None,
            limit=page * size + 1,
        )

        def matching() -> Iterator[dict[str, Any]]:
            """Every statement of the view, in full (what a download holds)."""
            return statement_rows(store, replace(f, limit=None), taxonomy)

        if fmt:
            return download(matching(), STATEMENT_COLUMNS, fmt, "statements")
        key = ("dashboard.facets", store.url, *sorted(form.items()))
        facets, scanned = cache.latest(
            key, store.tally_revision(), lambda: view_facets(store, f, taxonomy, parties)
        )
        # newest first, as the heading says, whatever the filter (a party's page once listed
        # the export's order, which is by document: the command and the API list newest first)
        rows, more = paginate(store.statements(f), page, size)

        def count() -> tuple[int, bool]:
            # the API's total, under the API's key: one count per revision for pages and clients
            params = ("statements.total", store.url, replace(f, limit=None, offset=0))
            return cache.latest(
                params,
                store.tally_revision(),
                lambda: store.count_search(f) if f.search else (store.count_statements(f), True),
            )

        return renderer.page(
            request,
            "statements.html",
            error=None,
            rows=rows,
            more=more,
            shown=shown(len(rows), page, size, more, count, "statements"),
            facets=facets,
            facets_capped=scanned >= FACET_SCAN and any(form.values()),
            facet_scan=FACET_SCAN,
            **context,
        )

    @router.get("/statements/{statement_id}", response_class=HTMLResponse, name="dashboard.statement")
    def statement(
        request: Request, statement_id: str, store: StoreDep, corrected: Annotated[int | None, Query()] = None
    ) -> HTMLResponse:
        st = store.statement(statement_id)
        doc = st and store.document(st["document_id"])
        if st is None or not doc:
            return renderer.not_found(request, f"No statement with id {statement_id!r}.")
        content, speaker = st["content"], st["speaker"]
        start, end = content["start"], content["end"]
        marks = [Mark(start, end, "evidence", id="evidence")]
        mention = speaker and speaker["mention"]
        if mention:
            marks.append(Mark(mention["start"], mention["end"], "speaker", title="speaker"))
        if st["cue"]:
            marks.append(Mark(st["cue"]["start"], st["cue"]["end"], "cue", title="cue"))
        claim = store.read(lookup.claim_of, statement_id)
        others = [m for m in claim[1] if m["id"] != statement_id] if claim else []
        return renderer.page(
            request,
            "statement.html",
            title=f"Statement by {speaker['name'] if speaker else 'unknown speaker'}",
            st=st,
            doc=doc,
            text=highlight(doc["text"], marks),
            offsets_ok=doc["text"][start:end] == content["text"],
            claim=claim[0] if claim else None,
            others=others,
            overrides=st.get("overrides", []),
            corrected=corrected,
            can_correct=bool(request.app.state.token),
            csrf=form_token(request.app.state.form_secret, statement_id),
            issue_ids=sorted(request.app.state.taxonomy.ids),
        )


def _add_document_pages(router: APIRouter, renderer: Renderer) -> None:
    """The document list and one document's text with its statements marked."""

    @router.get("/documents", response_class=HTMLResponse, name="dashboard.documents")
    def documents(
        request: Request,
        store: StoreDep,
        outlet: Text = None,
        page: PageNo = 1,
        size: Size = 50,
        fmt: Format = None,
    ) -> Response:
        if fmt:
            return download(store.iter_document_records(outlet or None), DOCUMENT_COLUMNS, fmt, "documents")
        rows, more = paginate(store.documents(limit=page * size + 1, outlet=outlet or None), page, size)
        return renderer.page(
            request,
            "documents.html",
            title="Documents",
            rows=rows,
            more=more,
            shown=shown(
                len(rows),
                page,
                size,
                more,
                lambda: (store.count_documents(outlet or None), True),
                "documents",
            ),
            page=page,
            size=size,
            outlet=outlet or "",
        )

    @router.get("/documents/{document_id:path}", response_class=HTMLResponse, name="dashboard.document")
    def document(request: Request, document_id: str, store: StoreDep) -> HTMLResponse:
        doc = store.document(document_id)
        if doc is None:
            return renderer.not_found(request, f"No document with id {document_id!r}.")
        rows = store.statements(StatementFilter(document=document_id, limit=None))
        rows.sort(key=lambda r: (r["content_start"], r["content_end"]))
        marks = [
            Mark(
                r["content_start"],
                r["content_end"],
                f"stmt stance-{r['stance']}",
                href=renderer.url(request, "statement", statement_id=r["id"]),
                title=f"{r['speaker'] or 'unknown speaker'}: {r['stance']}",
            )
            for r in rows
        ]
        return renderer.page(
            request,
            "document.html",
            title=doc["title"] or doc["id"],
            doc=doc,
            rows=rows,
            text=highlight(doc["text"], marks),
        )


def _add_actor_pages(router: APIRouter, renderer: Renderer) -> None:
    """The actor list and one actor's stances by issue and day."""

    @router.get("/actors", response_class=HTMLResponse, name="dashboard.actors")
    def actors(
        request: Request,
        store: StoreDep,
        everyone: Annotated[bool, Query(alias="all")] = False,
        page: PageNo = 1,
        size: Size = 100,
        fmt: Format = None,
    ) -> Response:
        if fmt:
            return download(store.actors(everyone=everyone), ACTOR_COLUMNS, fmt, "actors")
        rows, more = paginate(store.actors(limit=page * size + 1, everyone=everyone), page, size)
        return renderer.page(
            request,
            "actors.html",
            title="Actors",
            rows=rows,
            more=more,
            page=page,
            size=size,
            everyone=everyone,
            quoted=store.count_actors(),
            known=store.count_actors(everyone=True),
        )

    @router.get("/actors/{actor_id:path}", response_class=HTMLResponse, name="dashboard.actor")
    def actor(request: Request, actor_id: str, store: StoreDep, cache: RevisionCacheDep) -> HTMLResponse:

        def read() -> tuple[ActorRecord | None, list[dict[str, Any]]]:
            """The actor and its groups by issue (kept per revision: a prolific speaker's take
            a count of all its statements and a query per issue)."""
            found = store.actor(actor_id)
            if found is None:
                return None, []
            groups = []
            totals, recent = store.read(actor_days.recent, actor_id, MAX_DAYS)
            for issue, days in stance_days(recent, totals):
                latest = []
                if issue:
                    listed = store.statements(StatementFilter(actor=actor_id, issue=issue, limit=2 * LATEST))
                    latest = [r for r in listed if r["actor_id"] == actor_id][:LATEST]
                total = totals[issue]
                groups.append({"issue": issue, "total": total, "days": days[-MAX_DAYS:], "latest": latest})
            return found, groups

        info, groups = cache.latest(("dashboard.actor", store.url, actor_id), store.tally_revision(), read)
        if info is None:
            return renderer.not_found(request, f"No actor with id {actor_id!r}.")
        return renderer.page(
            request,
            "actor.html",
            title=info["name"],
            actor=info,
            groups=groups,
            total=info["statements"],
            max_days=MAX_DAYS,
        )
