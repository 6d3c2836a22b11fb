"""Analyst corrections: stored apart from machine records, re-applied after every re-run.

An override is keyed by the stable statement id and also remembers the document and the
character span it was made on. After re-extraction, an override whose statement id is gone
re-attaches to the new statement in the same document whose content overlaps its span most
(or whose text is nearly the same); one that finds none stays recorded as an orphan and is
tried again at the next re-run, so no correction is ever dropped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection

from redline.balance import ReversalTest
from redline.errors import ConfigError, NotFoundError
from redline.knowledge.actors import name_key
from redline.model import STANCES, issue_stance
from redline.store import actors as actor_rules
from redline.store import point_links, point_tallies, tallies
from redline.store._sql import chunks, insert_ignore
from redline.store.extractions import parties
from redline.store.schema import (
    actor,
    actor_alias,
    claim_statement,
    statement,
    statement_issue,
    statement_override,
)

MIN_OVERLAP = 0.5
MIN_TEXT_SIMILARITY = 90.0


@dataclass(frozen=True, slots=True)
class Correction:
    """What an analyst changes on one statement; ``None`` leaves a field as the machine said."""

    speaker: str | None = None
    issues: tuple[str, ...] | None = None
    stance: str | None = None
    reject: bool = False
    who: str = "analyst"
    note: str | None = None
    date: date | None = None  # the day it was said, when the document's (or none) is wrong
    undated: bool = False  # no day is known: the date the machine gave is wrong and none replaces it
    # the issue ``stance`` is toward: None sets ``stance``, the first issue's (the stances of
    # the statement's further issues stay as read); an issue sets that issue's alone
    issue: str | None = None


def _speaker_actor(conn: Connection, value: str) -> tuple[str, str]:
    """An actor id and display name for ``--speaker`` (an actor id, a known name or alias, or new)."""
    row = conn.execute(select(actor.c.id, actor.c.name).where(actor.c.id == value)).first()
    if row:
        return row.id, row.name
    ids = actor_rules.find_actor_ids(conn, value)
    if ids:
        row = conn.execute(select(actor.c.id, actor.c.name).where(actor.c.id == ids[0])).one()
        return row.id, row.name
    actor_id = actor_rules.name_actor_id(value)
    insert_ignore(conn, actor, [{"id": actor_id, "name": value, "type": None, "kind": "name"}], ["id"])
    key = name_key(value)
    insert_ignore(
        conn,
        actor_alias,
        [{"alias": key, "actor_id": actor_id, "source": "correction", "document_id": None, "text": value}],
        ["alias", "actor_id"],
    )
    return actor_id, value


def record(conn: Connection, statement_id: str, change: Correction, reversal: ReversalTest) -> int:
    """Store a correction and apply it; return the override's id."""
    if change.stance is not None and change.stance not in STANCES:
        raise ConfigError(f"unknown stance {change.stance!r}", hint=f"use one of {', '.join(STANCES)}")
    if change.issue is not None and change.stance is None:
        raise ConfigError("an issue without a stance", hint="give --stance with --issue")
    if change.date is not None and change.undated:
        raise ConfigError("a date and undated at once", hint="give a day, or undated for no day")
    unchanged = change.speaker is None and change.issues is None and change.stance is None
    if unchanged and not (change.reject or change.date or change.undated):
        raise ConfigError("nothing to correct", hint="give --speaker, --issues, --stance, --date or --reject")
    st = conn.execute(
        select(
            statement.c.document_id,
            statement.c.content_start,
            statement.c.content_end,
            statement.c.content,
            statement.c.issues,
        ).where(statement.c.id == statement_id)
    ).first()
    if st is None:
        raise NotFoundError(
            f"no statement {statement_id!r}", hint="list ids with `redline statements --format csv`"
        )
    issues_after = change.issues if change.issues is not None else json.loads(st.issues)
    if change.issue is not None and change.issue not in issues_after:
        raise ConfigError(
            f"statement {statement_id!r} is not on issue {change.issue!r}",
            hint=f"its issues: {', '.join(issues_after) or 'none'}; correct them with --issues first",
        )
    actor_id, name = _speaker_actor(conn, change.speaker) if change.speaker else (None, None)
    result = conn.execute(
        statement_override.insert().values(
            statement_id=statement_id,
            document_id=st.document_id,
            content_start=st.content_start,
            content_end=st.content_end,
            content=st.content,
            speaker=name,
            actor_id=actor_id,
            issues=json.dumps(list(dict.fromkeys(change.issues))) if change.issues is not None else None,
            stance=change.stance,
            issue=change.issue,
            reject=change.reject,
            date=change.date,
            undated=change.undated,
            who=change.who,
            at=datetime.now(UTC),
            note=change.note,
            attached="id",
        )
    )
    party_of = parties(conn)
    counted_before = tallies.keys_of(conn, [statement_id], party_of, reversal)
    linked_before = point_tallies.groups_of(conn, [statement_id])  # by day, which a date moves
    apply(conn, [statement_id])
    # a corrected stance, issue, speaker, date or rejection moves the statement between tallies
    after = tallies.keys_of(conn, [statement_id], party_of, reversal)
    tallies.recompute(conn, counted_before | after, reversal, party_of)
    point_links.invalidate(
        conn, [statement_id], reversal, linked_before
    )  # its issues count in its links' scores
    if change.date is not None or change.undated:
        # claims group a speaker's statements within days of each other: out of its claim, the
        # statement marks its speaker's claims for regrouping (``Store.stale_claim_actors``)
        conn.execute(delete(claim_statement).where(claim_statement.c.statement_id == statement_id))
    tallies.bump(conn)
    pk = result.inserted_primary_key
    return int(pk[0]) if pk else 0


def apply(conn: Connection, statement_ids: Sequence[str]) -> None:
    """Recompute effective values of these statements from machine values plus overrides."""
    for part in chunks(list(statement_ids)):
        ovs = conn.execute(
            select(statement_override)
            .where(statement_override.c.statement_id.in_(part), statement_override.c.attached != "orphan")
            .order_by(statement_override.c.id)
        ).all()
        if not ovs:
            continue
        by_statement: dict[str, list[Any]] = {}
        for ov in ovs:
            by_statement.setdefault(ov.statement_id, []).append(ov)
        rows = conn.execute(
            select(
                statement.c.id,
                statement.c.m_speaker,
                statement.c.m_actor_id,
                statement.c.m_issues,
                statement.c.m_stance,
                statement.c.m_date,
                statement.c.m_issue_stances,
            ).where(statement.c.id.in_(list(by_statement)))
        ).all()
        for row in rows:
            speaker, actor_id, issues, stance, rejected, day = (
                row.m_speaker,
                row.m_actor_id,
                json.loads(row.m_issues),
                row.m_stance,
                False,
                row.m_date,
            )
            # None: stored before stances were kept per issue, every issue has ``stance``
            by_issue: dict[str, str] | None = json.loads(row.m_issue_stances) if row.m_issue_stances else None
            for ov in by_statement[row.id]:
                if ov.actor_id is not None:
                    speaker, actor_id = ov.speaker, ov.actor_id
                if ov.issues is not None:
                    issues = json.loads(ov.issues)
                if ov.stance is not None:
                    stance, by_issue = _corrected_stance(ov.stance, ov.issue, stance, by_issue)
                rejected = rejected or bool(ov.reject)
                if ov.date is not None or ov.undated:
                    day = None if ov.undated else ov.date
            if by_issue is not None:  # the issues kept, in salience order, then any an analyst added
                by_issue = {i: by_issue.get(i, stance) for i in [*by_issue, *issues] if i in issues}
                issues = list(by_issue)  # the list in the same order: its first is the stance's
            conn.execute(
                update(statement)
                .where(statement.c.id == row.id)
                .values(
                    speaker=speaker,
                    actor_id=actor_id,
                    stance=stance,
                    issues=json.dumps(issues),
                    rejected=rejected,
                    date=day,
                    issue_stances=None if by_issue is None else json.dumps(by_issue),
                )
            )
            conn.execute(delete(statement_issue).where(statement_issue.c.statement_id == row.id))
            insert_ignore(
                conn,
                statement_issue,
                [
                    {
                        "issue": i,
                        "statement_id": row.id,
                        "date": day,
                        "stance": issue_stance(stance, by_issue, i),
                    }
                    for i in issues
                ],
                ["issue", "statement_id"],
            )


def _corrected_stance(
    corrected: str, issue: str | None, stance: str, by_issue: dict[str, str] | None
) -> tuple[str, dict[str, str] | None]:
    """``stance`` and the stances by issue after an analyst's stance correction: without an
    issue it is the first issue's (``stance``, the first key); with one, that issue's alone
    (and ``stance`` too when it is the first). Where no stances by issue were kept, one for a
    further issue starts them: every other issue keeps ``stance``."""
    first = next(iter(by_issue), None) if by_issue else None
    if issue is None or issue == first:
        if by_issue is not None and first is not None:
            by_issue = {**by_issue, first: corrected}
        return corrected, by_issue
    return stance, {**(by_issue or {}), issue: corrected}


def _overlap(a0: int, a1: int, b0: int, b1: int) -> float:
    inter = max(0, min(a1, b1) - max(a0, b0))
    union = max(a1, b1) - min(a0, b0)
    return inter / union if union > 0 else 0.0


def reattach(conn: Connection, document_id: str) -> None:
    """Point this document's overrides at its current statements after a re-extraction."""
    current = conn.execute(
        select(statement.c.id, statement.c.content_start, statement.c.content_end, statement.c.content).where(
            statement.c.document_id == document_id
        )
    ).all()
    ids = {r.id for r in current}
    ovs = conn.execute(
        select(statement_override).where(statement_override.c.document_id == document_id)
    ).all()
    for ov in ovs:
        if ov.statement_id in ids:
            if ov.attached == "orphan":
                conn.execute(
                    update(statement_override).where(statement_override.c.id == ov.id).values(attached="id")
                )
            continue
        best, score = None, 0.0
        for r in current:
            s = _overlap(ov.content_start, ov.content_end, r.content_start, r.content_end)
            if s < MIN_OVERLAP and fuzz.ratio(ov.content, r.content) >= MIN_TEXT_SIMILARITY:
                s = MIN_OVERLAP
            if s > score:
                best, score = r, s
        if best is not None and score >= MIN_OVERLAP:
            conn.execute(
                update(statement_override)
                .where(statement_override.c.id == ov.id)
                .values(
                    statement_id=best.id,
                    content_start=best.content_start,
                    content_end=best.content_end,
                    content=best.content,
                    attached="overlap",
                )
            )
        else:
            conn.execute(
                update(statement_override).where(statement_override.c.id == ov.id).values(attached="orphan")
            )
