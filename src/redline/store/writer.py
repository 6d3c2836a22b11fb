"""Writing extractions: each document with its statements in the writer's transaction.

The caller hands a batch of prepared documents (extraction + fingerprint, computed in the
workers); this module decides, inside the transaction, whether each one is new, an exact
duplicate (skipped) or a near-duplicate reprint (stored, linked to its original, its
statements flagged so they are not counted twice).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import Connection

from redline.model import Extraction, Statement, stable_id
from redline.store import actors as actor_rules
from redline.store import overrides
from redline.store._sql import insert_ignore
from redline.store.dedup import NEAR_DUPLICATE, Fingerprint, similarity
from redline.store.schema import document, document_band, statement, statement_issue

Status = Literal["stored", "exists", "near_duplicate", "replaced"]


@dataclass(slots=True)
class Prepared:
    """A document ready for the writer: what was extracted and how to recognise it again."""

    extraction: Extraction
    fingerprint: Fingerprint


@dataclass(frozen=True, slots=True)
class Outcome:
    document_id: str
    status: Status
    statements: int = 0
    duplicate_of: str | None = None


def statement_key(document_id: str, st: Statement) -> str:
    """The stored id: the extractor's when it gives one, else derived from document and offsets."""
    return st.id or stable_id(document_id, st.content.start, st.content.end)


def find_existing(conn: Connection, doc_id: str, fp: Fingerprint) -> str | None:
    conds = [document.c.id == doc_id, document.c.content_hash == fp.content_hash]
    if fp.canonical_url:
        conds.append(document.c.canonical_url == fp.canonical_url)
    return conn.execute(select(document.c.id).where(or_(*conds)).limit(1)).scalar()


def _find_original(conn: Connection, fp: Fingerprint) -> tuple[str, float] | None:
    if not fp.bands:
        return None
    hits = func.count().label("hits")
    candidates = conn.execute(
        select(document_band.c.document_id, hits)
        .where(document_band.c.band_hash.in_(fp.bands))
        .group_by(document_band.c.document_id)
        .order_by(hits.desc(), document_band.c.document_id)
        .limit(8)
    ).all()
    best: tuple[str, float] | None = None
    for cand_id, _ in candidates:
        row = conn.execute(
            select(document.c.minhash, document.c.duplicate_of).where(document.c.id == cand_id)
        ).one()
        sim = similarity(fp.signature, row.minhash or b"")
        if sim >= NEAR_DUPLICATE and (best is None or sim > best[1]):
            best = (row.duplicate_of or cand_id, sim)
    return best


def _statement_rows(ex: Extraction, resolved: list[actor_rules.Resolved | None], duplicate: bool) -> tuple[
    list[dict[str, Any]], list[dict[str, Any]]
]:
    doc = ex.document
    rows: list[dict[str, Any]] = []
    issue_rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for st, who in zip(ex.statements, resolved, strict=True):
        sid = statement_key(doc.id, st)
        if sid in seen:
            continue
        seen.add(sid)
        issues = sorted(set(st.issues))
        day = st.date or doc.published
        sp = st.speaker
        rows.append(
            {
                "id": sid, "document_id": doc.id, "content": st.content.text,
                "content_start": st.content.start, "content_end": st.content.end, "kind": st.kind,
                "cue": st.cue.text if st.cue else None, "cue_start": st.cue.start if st.cue else None,
                "cue_end": st.cue.end if st.cue else None,
                "speaker_mention": sp.mention.text if sp else None,
                "speaker_start": sp.mention.start if sp else None, "speaker_end": sp.mention.end if sp else None,
                "m_speaker": sp.name if sp else None, "m_actor_id": who.actor_id if who else None,
                "m_issues": json.dumps(issues), "m_stance": st.stance,
                "speaker": sp.name if sp else None, "actor_id": who.actor_id if who else None,
                "stance": st.stance, "issues": json.dumps(issues), "rejected": False, "date": day,
                "outlet": doc.outlet, "duplicate": duplicate, "confidence": float(st.confidence),
                "extractor": st.extractor or ex.extractor,
            }
        )
        issue_rows.extend({"issue": i, "statement_id": sid, "date": day} for i in issues)
    return rows, issue_rows


def _insert_statements(conn: Connection, ex: Extraction, duplicate: bool) -> list[str]:
    speakers = [s.speaker for s in ex.statements if s.speaker]
    resolved_iter = iter(actor_rules.resolve(conn, speakers, ex.document.id))
    resolved = [next(resolved_iter) if s.speaker else None for s in ex.statements]
    rows, issue_rows = _statement_rows(ex, resolved, duplicate)
    if rows:
        conn.execute(statement.insert(), rows)
    insert_ignore(conn, statement_issue, issue_rows, ["issue", "statement_id"])
    return [r["id"] for r in rows]


def write(conn: Connection, item: Prepared) -> Outcome:
    """Store one new document with its statements, unless it is already known."""
    ex, fp = item.extraction, item.fingerprint
    doc = ex.document
    if find_existing(conn, doc.id, fp) is not None:
        return Outcome(doc.id, "exists")
    original = _find_original(conn, fp)
    conn.execute(
        document.insert().values(
            id=doc.id, url=doc.url, canonical_url=fp.canonical_url, content_hash=fp.content_hash,
            title=doc.title, published=doc.published, outlet=doc.outlet, source=doc.source,
            language=doc.language, text=doc.text,
            metadata=json.dumps(doc.metadata, default=str, sort_keys=True) if doc.metadata else None,
            duplicate_of=original[0] if original else None, similarity=original[1] if original else None,
            minhash=fp.signature, extractor=ex.extractor, n_statements=0, ingested_at=datetime.now(UTC),
        )
    )
    insert_ignore(conn, document_band, [{"band_hash": b, "document_id": doc.id} for b in set(fp.bands)],
                  ["band_hash", "document_id"])
    ids = _insert_statements(conn, ex, duplicate=original is not None)
    conn.execute(update(document).where(document.c.id == doc.id).values(n_statements=len(ids)))
    return Outcome(doc.id, "near_duplicate" if original else "stored", len(ids), original[0] if original else None)


def replace(conn: Connection, ex: Extraction) -> Outcome:
    """Replace a stored document's machine records by a new extraction; keep analyst overrides."""
    doc_id = ex.document.id
    dup = conn.execute(select(document.c.duplicate_of).where(document.c.id == doc_id)).scalar()
    old = [r[0] for r in conn.execute(select(statement.c.id).where(statement.c.document_id == doc_id))]
    for part in [old[i : i + 500] for i in range(0, len(old), 500)]:
        conn.execute(delete(statement_issue).where(statement_issue.c.statement_id.in_(part)))
    conn.execute(delete(statement).where(statement.c.document_id == doc_id))
    ids = _insert_statements(conn, ex, duplicate=dup is not None)
    conn.execute(
        update(document).where(document.c.id == doc_id).values(n_statements=len(ids), extractor=ex.extractor)
    )
    overrides.reattach(conn, doc_id)
    overrides.apply(conn, ids)
    return Outcome(doc_id, "replaced", len(ids), dup)


def write_batch(conn: Connection, items: Sequence[Prepared]) -> list[Outcome]:
    return [write(conn, item) for item in items]
