"""Single records by id, with what a reader needs to check them against the source.

Listings (``queries``) return compact rows; these return one statement, document or actor in
full (the one read model of each, shared by the API, the dashboard and the CLI): the
statement with its machine and effective values, its spans and the overrides applied to it,
and the passage of the document around it, so that anyone can see what the extractor read
without opening the article.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, TypedDict

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from redline.model import issue_stance
from redline.store import copies, corpus_counts
from redline.store.extractions import stance_confidence
from redline.store.schema import (
    actor,
    actor_alias,
    document,
    plan_version,
    statement,
    statement_override,
)

CONTEXT_CHARS = 300  # at most this many characters of the passage on each side of a statement


class SpanRecord(TypedDict):
    text: str
    start: int
    end: int


class SpeakerRecord(TypedDict):
    name: str
    actor_id: str | None
    party: str | None
    mention: SpanRecord | None


class MachineValues(TypedDict):
    """What the extractor said, before any correction."""

    speaker: str | None
    actor_id: str | None
    issues: list[str]
    stance: str
    date: str | None  # the date its document gives (ISO), None when it gives none
    # where that date comes from: document, statement (its own words), copy (its article gives
    # none: the earliest copy or reprint by another outlet), None when undated
    dated_by: str | None


class OverrideRecord(TypedDict):
    id: int
    speaker: str | None
    actor_id: str | None
    issues: list[str] | None
    stance: str | None
    issue: str | None  # the issue a stance correction is toward (None: the first issue's)
    reject: bool
    date: str | None  # the day it was said (ISO), as corrected
    undated: bool  # corrected to no known day
    who: str
    at: str | None
    note: str | None
    attached: Any


class StatementRecord(TypedDict):
    """One statement in full: effective and machine values, spans, overrides, its passage."""

    id: str
    document_id: str
    document_title: str | None
    document_url: str | None
    date: str | None
    outlet: str | None
    kind: str
    content: SpanRecord
    cue: SpanRecord | None
    speaker: SpeakerRecord | None
    issues: list[str]
    stance: str
    issue_stances: dict[str, str]  # each issue's stance (``model.issue_stance``)
    stance_confidence: float
    rejected: bool
    duplicate: bool
    confidence: float
    extractor: str
    machine: MachineValues
    context: SpanRecord
    overrides: list[OverrideRecord]


class DocumentRecord(TypedDict):
    """One document with its text, metadata and de-duplication bookkeeping."""

    id: str
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    source: str | None
    language: str | None
    text: str
    metadata: dict[str, Any]
    duplicate_of: str | None
    similarity: float | None
    extractor: str | None
    n_statements: int
    ingested_at: str | None
    reprints: list[str]


class AliasRecord(TypedDict):
    alias: str
    text: str | None
    source: str
    document_id: str | None


class ActorRecord(TypedDict):
    """One actor with its aliases and its countable statements by issue and by stance."""

    id: str
    name: str
    type: str | None
    kind: str | None
    party: str | None
    country: str | None
    wikidata: str | None
    aliases: list[AliasRecord]
    statements: int
    by_stance: dict[str, int]
    by_issue: dict[str, int]


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def passage(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[int, int]:
    """Offsets of the paragraph around ``text[start:end]``, cut at ``width`` characters per side.

    The paragraph (text between blank-or-single line breaks) is where a quote's speaker and
    cue almost always are; the cut keeps a statement in a long unbroken text readable.
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    lo = text.rfind("\n", max(0, start - width), start)
    lo = lo + 1 if lo >= 0 else max(0, start - width)
    hi = text.find("\n", end, end + width)
    hi = hi if hi >= 0 else min(len(text), end + width)
    return lo, hi


def _span(text: str | None, start: int | None, end: int | None) -> SpanRecord | None:
    if text is None or start is None or end is None:
        return None
    return {"text": text, "start": start, "end": end}


def get_statement(conn: Connection, statement_id: str) -> StatementRecord | None:
    """The statement ``statement_id`` in full, or None."""
    s = statement
    row = conn.execute(
        select(s, document.c.text.label("doc_text"), document.c.title, document.c.url, document.c.published)
        .add_columns(actor.c.name, actor.c.party)
        .select_from(
            s.join(document, document.c.id == s.c.document_id).outerjoin(actor, actor.c.id == s.c.actor_id)
        )
        .where(s.c.id == statement_id)
    ).first()
    if row is None:
        return None
    text: str = row.doc_text
    lo, hi = passage(text, row.content_start, row.content_end)
    for a, b in ((row.cue_start, row.cue_end), (row.speaker_start, row.speaker_end)):
        if a is not None and b is not None and b > a:
            lo, hi = min(lo, a), max(hi, b)  # the passage always shows the cue and the speaker
    ovs = conn.execute(
        select(statement_override)
        .where(statement_override.c.statement_id == statement_id)
        .order_by(statement_override.c.id)
    ).all()
    return {
        "id": row.id,
        "document_id": row.document_id,
        "document_title": row.title,
        "document_url": row.url,
        "date": _iso(row.date),
        "outlet": row.outlet,
        "kind": row.kind,
        "content": {"text": row.content, "start": row.content_start, "end": row.content_end},
        "cue": _span(row.cue, row.cue_start, row.cue_end),
        "speaker": {
            "name": row.name or row.speaker,
            "actor_id": row.actor_id,
            "party": row.party,
            "mention": _span(row.speaker_mention, row.speaker_start, row.speaker_end),
        }
        if row.speaker or row.actor_id
        else None,
        "issues": list(json.loads(row.issues)),
        "stance": row.stance,
        "issue_stances": {i: issue_stance(row.stance, row.issue_stances, i) for i in json.loads(row.issues)},
        "stance_confidence": stance_confidence(row.stance, row.m_stance, row.stance_confidence),
        "rejected": bool(row.rejected),
        "duplicate": bool(row.duplicate),
        "confidence": float(row.confidence),
        "extractor": row.extractor,
        "machine": {
            "speaker": row.m_speaker,
            "actor_id": row.m_actor_id,
            "issues": list(json.loads(row.m_issues)),
            "stance": row.m_stance,
            "date": _iso(row.m_date),
            "dated_by": copies.dated_by(conn, row.document_id, row.published, row.m_date),
        },
        "context": {"text": text[lo:hi], "start": lo, "end": hi},
        "overrides": [
            {
                "id": int(ov.id),
                "speaker": ov.speaker,
                "actor_id": ov.actor_id,
                "issues": list(json.loads(ov.issues)) if ov.issues is not None else None,
                "stance": ov.stance,
                "issue": ov.issue,
                "reject": bool(ov.reject),
                "date": _iso(ov.date),
                "undated": bool(ov.undated),
                "who": ov.who,
                "at": _iso(ov.at),
                "note": ov.note,
                "attached": ov.attached,
            }
            for ov in ovs
        ],
    }


def get_document(conn: Connection, document_id: str) -> DocumentRecord | None:
    """Document ``document_id`` with its metadata and text, or None."""
    d = document
    row = conn.execute(
        select(
            d.c.id,
            d.c.url,
            d.c.title,
            d.c.published,
            d.c.outlet,
            d.c.source,
            d.c.language,
            d.c.text,
            d.c.metadata,
            d.c.duplicate_of,
            d.c.similarity,
            d.c.extractor,
            d.c.n_statements,
            d.c.ingested_at,
        ).where(d.c.id == document_id)
    ).first()
    if row is None:
        return None
    reprints = conn.execute(select(d.c.id).where(d.c.duplicate_of == document_id).order_by(d.c.id))
    return {
        "id": row.id,
        "url": row.url,
        "title": row.title,
        "published": _iso(row.published),
        "outlet": row.outlet,
        "source": row.source,
        "language": row.language,
        "text": row.text,
        "metadata": json.loads(row.metadata) if row.metadata else {},
        "duplicate_of": row.duplicate_of,
        "similarity": row.similarity,
        "extractor": row.extractor,
        "n_statements": row.n_statements,
        "ingested_at": _iso(row.ingested_at),
        "reprints": list(reprints.scalars()),
    }


def get_actor(conn: Connection, actor_id: str) -> ActorRecord | None:
    """Actor ``actor_id`` with its aliases and countable statements by issue and by stance."""
    row = conn.execute(
        select(
            actor.c.id,
            actor.c.name,
            actor.c.type,
            actor.c.kind,
            actor.c.party,
            actor.c.country,
            actor.c.wikidata,
        ).where(actor.c.id == actor_id)
    ).first()
    if row is None:
        return None
    aliases: list[AliasRecord] = [
        {"alias": a.alias, "text": a.text, "source": a.source, "document_id": a.document_id}
        for a in conn.execute(
            select(actor_alias.c.alias, actor_alias.c.text, actor_alias.c.source, actor_alias.c.document_id)
            .where(actor_alias.c.actor_id == actor_id)
            .order_by(actor_alias.c.alias)
        )
    ]
    # kept by the database (``corpus_counts``): an actor can have a large share of the corpus
    by_stance = sorted(corpus_counts.of_actor(conn, "actor_stance", actor_id).items())
    by_issue = sorted(corpus_counts.of_actor(conn, "actor_issue", actor_id).items())
    return {
        "id": row.id,
        "name": row.name,
        "type": row.type,
        "kind": row.kind,
        "party": row.party,
        "country": row.country,
        "wikidata": row.wikidata,
        "aliases": aliases,
        "statements": sum(int(n) for _, n in by_stance),
        "by_stance": {k: int(n) for k, n in sorted(by_stance)},
        "by_issue": {k: int(n) for k, n in sorted(by_issue)},
    }


def extractor_versions(conn: Connection) -> dict[str, int]:
    """How many stored documents each extractor version made (a mixed store needs ``reprocess``)."""
    rows = conn.execute(
        select(document.c.extractor, func.count())
        .group_by(document.c.extractor)
        .order_by(document.c.extractor)
    )
    return {str(name): int(n) for name, n in rows if name is not None}


def correction_summary(conn: Connection) -> dict[str, Any]:
    """What analysts changed by hand, for a methods section: how many corrections, on how many
    statements, of which fields, by whom, and how many found no statement after a re-extraction
    (orphans, kept). Which rows they are: ``corrected`` in ``redline export statements``."""
    o = statement_override.c
    rows = conn.execute(
        select(o.statement_id, o.speaker, o.issues, o.stance, o.reject, o.date, o.undated, o.who, o.attached)
    ).all()
    fields = {"speaker": 0, "issues": 0, "stance": 0, "reject": 0, "date": 0}
    who: dict[str, int] = {}
    for row in rows:
        fields["speaker"] += row.speaker is not None
        fields["issues"] += row.issues is not None
        fields["stance"] += row.stance is not None
        fields["reject"] += bool(row.reject)
        fields["date"] += row.date is not None or bool(row.undated)
        who[row.who] = who.get(row.who, 0) + 1
    return {
        "count": len(rows),
        "statements": len({row.statement_id for row in rows if row.attached != "orphan"}),
        "orphans": sum(row.attached == "orphan" for row in rows),
        "fields": fields,
        "who": dict(sorted(who.items())),
    }


def data_version(conn: Connection) -> tuple[object, ...]:
    """A cheap fingerprint of what analyses read: it changes on every ingest, reprocess,
    correction, actor update or plan save, and costs a few index lookups (no table scan).

    New documents and re-extracted statements get new keys (the largest key and the counts
    move); a correction adds an override row; new actors can change parties; saving a plan
    version stamps it. The API's corpus cache and the dashboard's page cache both key on it.
    """
    row = conn.execute(
        select(
            select(func.coalesce(func.max(statement.c.pk), 0)).scalar_subquery(),
            select(func.count()).select_from(statement).scalar_subquery(),
            select(func.count()).select_from(statement_override).scalar_subquery(),
            select(func.count()).select_from(document).scalar_subquery(),
            select(func.count()).select_from(actor).scalar_subquery(),
            select(func.count()).select_from(plan_version).scalar_subquery(),
            select(func.max(plan_version.c.saved_at)).scalar_subquery(),
        )
    ).one()
    return tuple(row)
