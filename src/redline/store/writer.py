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
from datetime import UTC, date, datetime
from typing import Any, Literal

from sqlalchemy import delete, inspect, or_, select, update
from sqlalchemy.engine import Connection

from redline.balance import ReversalTest
from redline.model import Extraction, Statement, stable_id
from redline.store import actors as actor_rules
from redline.store import copies, overrides, point_links, point_tallies, tallies
from redline.store._sql import chunks, insert_ignore, insert_rows
from redline.store.dedup import NEAR_DUPLICATE, Fingerprint, similarity
from redline.store.extractions import parties
from redline.store.schema import document, document_band, event, statement, statement_issue

MIN_SHARED_BANDS = 2
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


def _existing(conn: Connection, items: Sequence[Prepared]) -> tuple[set[str], dict[str, str], dict[str, str]]:
    """Ids of the batch that the database already holds, and the stored ids of its hashes and
    canonical URLs (a copy under another id says which document it copies)."""
    ids = [i.extraction.document.id for i in items]
    hashes = [i.fingerprint.content_hash for i in items]
    urls = [i.fingerprint.canonical_url for i in items if i.fingerprint.canonical_url]
    conds = [document.c.id.in_(ids), document.c.content_hash.in_(hashes)]
    if urls:
        conds.append(document.c.canonical_url.in_(urls))
    rows = conn.execute(
        select(document.c.id, document.c.content_hash, document.c.canonical_url).where(or_(*conds))
    )
    have_ids: set[str] = set()
    have_hashes: dict[str, str] = {}
    have_urls: dict[str, str] = {}
    for r in rows:
        have_ids.add(r.id)
        have_hashes[r.content_hash] = r.id
        if r.canonical_url:
            have_urls[r.canonical_url] = r.id
    return have_ids, have_hashes, have_urls


class _NearIndex:
    """Near-duplicate candidates for one batch: stored documents sharing a band, plus earlier batch items."""

    def __init__(self, conn: Connection, items: Sequence[Prepared]) -> None:
        self.conn = conn
        bands = sorted({b for i in items for b in i.fingerprint.bands})
        self.by_band: dict[int, list[str]] = {}
        for part in chunks(bands, 900):
            for band, doc_id in conn.execute(
                select(document_band.c.band_hash, document_band.c.document_id).where(
                    document_band.c.band_hash.in_(part)
                )
            ):
                self.by_band.setdefault(band, []).append(doc_id)
        self.signatures: dict[str, tuple[bytes, str | None]] = {}

    def _load(self, doc_ids: Sequence[str]) -> None:
        missing = [d for d in doc_ids if d not in self.signatures]
        for part in chunks(missing, 500):
            for row in self.conn.execute(
                select(document.c.id, document.c.minhash, document.c.duplicate_of).where(
                    document.c.id.in_(part)
                )
            ):
                self.signatures[row.id] = (row.minhash or b"", row.duplicate_of)

    def original(self, fp: Fingerprint) -> tuple[str, float] | None:
        hits: dict[str, int] = {}
        for b in fp.bands:
            for doc_id in self.by_band.get(b, ()):
                hits[doc_id] = hits.get(doc_id, 0) + 1
        # a reprint (Jaccard >= 0.6) shares ~4 of 32 bands on average; unrelated texts rarely 2
        candidates = sorted(
            (d for d, n in hits.items() if n >= MIN_SHARED_BANDS), key=lambda d: (-hits[d], d)
        )[:8]
        self._load(candidates)
        best: tuple[str, float] | None = None
        for doc_id in candidates:
            sig, dup_of = self.signatures[doc_id]
            sim = similarity(fp.signature, sig)
            if sim >= NEAR_DUPLICATE and (best is None or sim > best[1]):
                best = (dup_of or doc_id, sim)
        return best

    def add(self, doc_id: str, fp: Fingerprint, duplicate_of: str | None) -> None:
        for b in set(fp.bands):
            self.by_band.setdefault(b, []).append(doc_id)
        self.signatures[doc_id] = (fp.signature, duplicate_of)


def _statement_rows(
    ex: Extraction, resolved: list[actor_rules.Resolved | None], duplicate: bool, carried: date | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    doc = ex.document
    rows: list[dict[str, Any]] = []
    issue_rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for st, who in zip(ex.statements, resolved, strict=True):
        sid = statement_key(doc.id, st)
        if sid in seen:
            continue
        seen.add(sid)
        issues = list(dict.fromkeys(st.issues))  # in salience order: the first is the stance's
        by_issue = st.stances_by_issue()
        day = st.date or doc.published or carried  # carried: the earliest date a copy gives
        sp = st.speaker
        rows.append(
            {
                "id": sid,
                "document_id": doc.id,
                "content": st.content.text,
                "content_start": st.content.start,
                "content_end": st.content.end,
                "kind": st.kind,
                "cue": st.cue.text if st.cue else None,
                "cue_start": st.cue.start if st.cue else None,
                "cue_end": st.cue.end if st.cue else None,
                "speaker_mention": sp.mention.text if sp else None,
                "speaker_start": sp.mention.start if sp else None,
                "speaker_end": sp.mention.end if sp else None,
                "m_speaker": sp.name if sp else None,
                "m_actor_id": who.actor_id if who else None,
                "m_issues": json.dumps(issues),
                "m_stance": st.stance,
                "speaker": sp.name if sp else None,
                "actor_id": who.actor_id if who else None,
                "stance": st.stance,
                "issues": json.dumps(issues),
                "rejected": False,
                "date": day,
                "m_date": day,
                "outlet": doc.outlet,
                "duplicate": duplicate,
                "confidence": float(st.confidence),
                "stance_confidence": float(st.stance_confidence),
                "extractor": st.extractor or ex.extractor,
                "m_issue_stances": json.dumps(by_issue),
                "issue_stances": json.dumps(by_issue),
            }
        )
        issue_rows.extend(
            {"issue": i, "statement_id": sid, "date": day, "stance": by_issue.get(i, st.stance)}
            for i in issues
        )
    return rows, issue_rows


def event_rows(ex: Extraction) -> list[dict[str, Any]]:
    """Rows of the ``event`` table for one extraction (first of any repeated id kept)."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for ev in ex.events:
        eid = ev.id or stable_id(ex.document.id, ev.trigger.start, ev.trigger.end, ev.type)
        if eid in seen:
            continue
        seen.add(eid)
        rows.append(
            {
                "document_id": ex.document.id,
                "id": eid,
                "type": ev.type,
                "trigger": ev.trigger.text,
                "trigger_start": ev.trigger.start,
                "trigger_end": ev.trigger.end,
                "actors": json.dumps(list(ev.actors)),
                "actor_ids": json.dumps(list(ev.actor_ids)),
                "place": ev.place,
                "date": ev.date,
                "date_precision": ev.date_precision,
                "planned": bool(ev.planned),
                "extractor": ev.extractor or ex.extractor,
            }
        )
    return rows


def _statements_of(
    conn: Connection, exs: Sequence[tuple[Extraction, bool]], carried: date | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[list[str]]]:
    """Statement and issue rows of several extractions (speakers resolved), and each one's ids."""
    speakers = [s.speaker for ex, _ in exs for s in ex.statements if s.speaker]
    resolved_iter = iter(
        actor_rules.resolve_many(
            conn, speakers, [ex.document.id for ex, _ in exs for s in ex.statements if s.speaker]
        )
    )
    rows: list[dict[str, Any]] = []
    issue_rows: list[dict[str, Any]] = []
    ids: list[list[str]] = []
    for ex, duplicate in exs:
        resolved = [next(resolved_iter) if s.speaker else None for s in ex.statements]
        r, i = _statement_rows(ex, resolved, duplicate, carried)
        rows.extend(r)
        issue_rows.extend(i)
        ids.append([x["id"] for x in r])
    return rows, issue_rows, ids


def _insert_statements(
    conn: Connection, rows: list[dict[str, Any]], issue_rows: list[dict[str, Any]]
) -> None:
    insert_rows(conn, statement, rows)
    if issue_rows and not _links_keep_stance(conn):  # a database opened short of migration 0028
        issue_rows = [{k: v for k, v in r.items() if k != "stance"} for r in issue_rows]
    insert_ignore(conn, statement_issue, issue_rows, ["issue", "statement_id"])


def _links_keep_stance(conn: Connection) -> bool:
    """Whether ``statement_issue`` has its ``stance`` (migration 0028): only a database opened
    with ``upto`` an earlier migration lacks it. Asked once per write (a catalog read)."""
    return "stance" in {c["name"] for c in inspect(conn).get_columns(statement_issue.name)}


def write_batch(conn: Connection, items: Sequence[Prepared], reversal: ReversalTest) -> list[Outcome]:
    """Store new documents of a batch with their statements; known ones come back as ``exists``."""
    have_ids, have_hashes, have_urls = _existing(conn, items)
    near = _NearIndex(conn, items)
    now = datetime.now(UTC)
    outcomes: list[Outcome] = []
    new: list[tuple[Prepared, tuple[str, float] | None]] = []
    copied_here: list[tuple[Any, str]] = []
    for item in items:
        doc, fp = item.extraction.document, item.fingerprint
        if doc.id in have_ids:
            outcomes.append(Outcome(doc.id, "exists"))
            continue
        copied = have_hashes.get(fp.content_hash) or (
            have_urls.get(fp.canonical_url) if fp.canonical_url else None
        )
        if copied is not None:  # the same text or URL under another id: not stored twice
            outcomes.append(Outcome(doc.id, "exists", duplicate_of=copied))
            copied_here.append((doc, copied))
            continue
        have_ids.add(doc.id)
        have_hashes[fp.content_hash] = doc.id
        if fp.canonical_url:
            have_urls[fp.canonical_url] = doc.id
        original = near.original(fp)
        near.add(doc.id, fp, original[0] if original else None)
        new.append((item, original))
        outcomes.append(
            Outcome(doc.id, "near_duplicate" if original else "stored", 0, original[0] if original else None)
        )
    if not new:
        copies.record(conn, copied_here, reversal)
        return outcomes
    party_before = parties(conn)
    st_rows, issue_rows, ids = _statements_of(
        conn, [(item.extraction, original is not None) for item, original in new]
    )
    doc_rows = []
    band_rows: list[dict[str, Any]] = []
    for (item, original), sids in zip(new, ids, strict=True):
        ex, fp = item.extraction, item.fingerprint
        doc = ex.document
        doc_rows.append(
            {
                "id": doc.id,
                "url": doc.url,
                "canonical_url": fp.canonical_url,
                "content_hash": fp.content_hash,
                "title": doc.title,
                "published": doc.published,
                "outlet": doc.outlet,
                "source": doc.source,
                "language": doc.language,
                "text": doc.text,
                "metadata": json.dumps(doc.metadata, default=str, sort_keys=True) if doc.metadata else None,
                "duplicate_of": original[0] if original else None,
                "similarity": original[1] if original else None,
                "minhash": fp.signature,
                "extractor": ex.extractor,
                "n_statements": len(sids),
                "ingested_at": now,
            }
        )
        band_rows.extend({"band_hash": b, "document_id": doc.id} for b in sorted(set(fp.bands)))
    insert_rows(conn, document, doc_rows)
    insert_ignore(conn, document_band, band_rows, ["band_hash", "document_id"])
    # speakers first seen with a party can move stored statements to that party's row
    party_of = tallies.refresh_parties(conn, party_before, reversal)
    _insert_statements(conn, st_rows, issue_rows)
    tallies.add(conn, st_rows, party_of, reversal)
    insert_rows(conn, event, [r for item, _ in new for r in event_rows(item.extraction)])
    tallies.bump(conn)  # new documents: the timeline moves even when no tally does
    copies.record(conn, copied_here, reversal)  # after the documents: a copy may repeat one of this batch
    copies.reprinted(conn, {original[0] for _, original in new if original}, reversal)
    counts = {item.extraction.document.id: len(sids) for (item, _), sids in zip(new, ids, strict=True)}
    return [
        Outcome(o.document_id, o.status, counts[o.document_id], o.duplicate_of) if o.status != "exists" else o
        for o in outcomes
    ]


def replace(conn: Connection, ex: Extraction, reversal: ReversalTest) -> Outcome:
    """Replace a stored document's machine records by a new extraction; keep analyst overrides."""
    doc_id = ex.document.id
    dup = conn.execute(select(document.c.duplicate_of).where(document.c.id == doc_id)).scalar()
    old = [r[0] for r in conn.execute(select(statement.c.id).where(statement.c.document_id == doc_id))]
    party_before = parties(conn)
    counted_before = tallies.keys_of(conn, old, party_before, reversal)
    linked_before = point_tallies.groups_of(conn, old)  # a new extraction may date them otherwise
    for part in [old[i : i + 500] for i in range(0, len(old), 500)]:
        conn.execute(delete(statement_issue).where(statement_issue.c.statement_id.in_(part)))
    conn.execute(delete(statement).where(statement.c.document_id == doc_id))
    conn.execute(delete(event).where(event.c.document_id == doc_id))
    insert_rows(conn, event, event_rows(ex))
    published = conn.execute(select(document.c.published).where(document.c.id == doc_id)).scalar()
    carried = None if ex.document.published or published else copies.carried_dates(conn, [doc_id]).get(doc_id)
    st_rows, issue_rows, all_ids = _statements_of(conn, [(ex, dup is not None)], carried)
    _insert_statements(conn, st_rows, issue_rows)
    ids = all_ids[0]
    dated = {"published": ex.document.published} if ex.document.published else {}  # never erase a date
    conn.execute(
        update(document)
        .where(document.c.id == doc_id)
        .values(n_statements=len(ids), extractor=ex.extractor, **dated)
    )
    overrides.reattach(conn, doc_id)
    overrides.apply(conn, ids)
    party_of = tallies.refresh_parties(conn, party_before, reversal)
    tallies.recompute(
        conn, counted_before | tallies.keys_of(conn, ids, party_of, reversal), reversal, party_of
    )
    point_links.invalidate(conn, sorted(set(old) | set(ids)), reversal, linked_before)
    tallies.bump(conn)
    return Outcome(doc_id, "replaced", len(ids), dup)
