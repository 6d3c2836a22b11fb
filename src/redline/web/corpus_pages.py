"""Pages over the corpus itself: overview, statements, one statement, documents, actors.

Every row shown links to the statement page, and the statement page shows the stored
document text with the statement's characters marked, so a reader can check any fact
against the sentence it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from redline.store import StatementFilter, Store, lookup
from redline.store.records import ActorRecord
from redline.web.cache import RevisionCache
from redline.web.highlight import Mark, highlight
from redline.web.params import PageNo, Size, Text, paginate, parse_day
from redline.web.render import STANCES, Renderer

__all__ = ["add_corpus_pages"]

LATEST = 10  # statements listed per issue on an actor's page
MAX_DAYS = 60  # days of stance counts shown per issue (the most recent)


def stance_days(
    rows: list[tuple[str, Any, str, int]],
) -> list[tuple[str, list[tuple[date | None, dict[str, int]]]]]:
    """``(issue, date, stance, n)`` rows as issues (most statements first) with stance counts by day."""
    by_issue: dict[str, dict[date | None, dict[str, int]]] = {}
    for issue, day, stance, n in rows:
        counts = by_issue.setdefault(issue, {}).setdefault(day, {})
        counts[stance] = counts.get(stance, 0) + n
    totals = {i: sum(sum(c.values()) for c in days.values()) for i, days in by_issue.items()}
    return [
        (issue, sorted(by_issue[issue].items(), key=lambda kv: (kv[0] is None, kv[0] or date.min)))
        for issue in sorted(by_issue, key=lambda i: (i == "", -totals[i], i))
    ]


def corpus_summary(store: Store) -> dict[str, Any]:
    """What the overview shows about the whole corpus (kept per store revision: it scans everything)."""
    first, last = store.read(lookup.date_range)
    return {
        "summary": store.summary(),
        "first": first,
        "last": last,
        "actors": [a for a in store.actors(limit=10) if a["statements"]],
        "issues": store.read(lookup.issue_counts, limit=10),
    }


def add_corpus_pages(
    router: APIRouter, get_store: Callable[[], Store], renderer: Renderer, cache: RevisionCache
) -> None:
    @router.get("/", response_class=HTMLResponse, name="dashboard.overview")
    def overview(request: Request) -> HTMLResponse:
        store = get_store()
        return renderer.page(
            request,
            "overview.html",
            title="Overview",
            latest=store.statements(StatementFilter(limit=10)),
            plans=store.plan_names(),
            **cache.snapshot(store).get("overview", lambda: corpus_summary(store)),
        )

    @router.get("/statements", response_class=HTMLResponse, name="dashboard.statements")
    def statements(
        request: Request,
        actor: Text = None,
        issue: Text = None,
        stance: Text = None,
        outlet: Text = None,
        since: Text = None,
        until: Text = None,
        q: Text = None,
        page: PageNo = 1,
        size: Size = 50,
    ) -> HTMLResponse:
        store = get_store()
        form = {
            "actor": actor or "",
            "issue": issue or "",
            "stance": stance or "",
            "outlet": outlet or "",
            "since": since or "",
            "until": until or "",
            "q": q or "",
        }
        context: dict[str, Any] = {
            "title": "Statements",
            "form": form,
            "issues": store.read(lookup.issues),
            "outlets": store.read(lookup.outlets),
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
        if error:
            return renderer.page(request, "statements.html", 400, error=error, rows=[], more=False, **context)
        f = StatementFilter(
            actor=actor or None,
            issue=issue or None,
            stance=stance or None,
            outlet=outlet or None,
            since=start,
            until=end,
            search=q or None,
            limit=page * size + 1,
        )
        rows, more = paginate(store.statements(f), page, size)
        return renderer.page(request, "statements.html", error=None, rows=rows, more=more, **context)

    @router.get("/statements/{statement_id}", response_class=HTMLResponse, name="dashboard.statement")
    def statement(request: Request, statement_id: str) -> HTMLResponse:
        store = get_store()
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
        )

    @router.get("/documents", response_class=HTMLResponse, name="dashboard.documents")
    def documents(request: Request, outlet: Text = None, page: PageNo = 1, size: Size = 50) -> HTMLResponse:
        store = get_store()
        rows, more = paginate(store.documents(limit=page * size + 1, outlet=outlet or None), page, size)
        return renderer.page(
            request,
            "documents.html",
            title="Documents",
            rows=rows,
            more=more,
            page=page,
            size=size,
            outlet=outlet or "",
        )

    @router.get("/documents/{document_id:path}", response_class=HTMLResponse, name="dashboard.document")
    def document(request: Request, document_id: str) -> HTMLResponse:
        store = get_store()
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

    @router.get("/actors/{actor_id:path}", response_class=HTMLResponse, name="dashboard.actor")
    def actor(request: Request, actor_id: str) -> HTMLResponse:
        store = get_store()

        def read() -> tuple[ActorRecord | None, list[tuple[str, Any, str, int]]]:
            found = store.actor(actor_id)
            return found, store.read(lookup.actor_stances, actor_id) if found else []

        info, stances = cache.snapshot(store).get(("actor", actor_id), read)
        if info is None:
            return renderer.not_found(request, f"No actor with id {actor_id!r}.")
        groups = []
        for issue, days in stance_days(stances):
            latest = []
            if issue:
                found = store.statements(StatementFilter(actor=actor_id, issue=issue, limit=2 * LATEST))
                latest = [r for r in found if r["actor_id"] == actor_id][:LATEST]
            total = sum(sum(c.values()) for _, c in days)
            groups.append({"issue": issue, "total": total, "days": days[-MAX_DAYS:], "latest": latest})
        return renderer.page(
            request,
            "actor.html",
            title=info["name"],
            actor=info,
            groups=groups,
            total=info["statements"],
            max_days=MAX_DAYS,
        )
