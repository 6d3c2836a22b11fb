"""One claim per thing said: the same statement carried by many outlets, grouped with its sources.

Statements group when they have the same speaker (actor id), fall within ``window_days`` of
each other, and say the same thing: the same quote or the same reported claim in other words,
judged by rapidfuzz's token-set ratio (word overlap regardless of order and of extra words
around a quote). A statement joins the best-matching open claim of its speaker, else starts
a new one. Near-duplicate reprints are excluded upstream, so a wire story counts once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from rapidfuzz import fuzz, utils

from redline.model import stable_id
from redline.store import ClaimInput, Store

SIMILAR = 80.0  # token-set ratio at or above which two contents say the same thing
WINDOW_DAYS = 1
MIN_WORDS = 3  # shorter contents must match almost exactly (token-set ratio is lenient on subsets)


@dataclass(slots=True)
class Claim:
    """Statements by one speaker saying one thing, with every document and outlet that carried it."""

    actor_id: str
    speaker: str | None
    content: str
    first_date: date | None
    last_date: date | None
    statement_ids: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    _key: str = ""

    @property
    def id(self) -> str:
        return stable_id("claim", self.statement_ids[0])

    def row(self) -> dict[str, object]:
        outlets = sorted(set(self.outlets))
        return {
            "id": self.id,
            "actor_id": self.actor_id,
            "speaker": self.speaker,
            "content": self.content,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "n_statements": len(self.statement_ids),
            "n_documents": len(set(self.document_ids)),
            "n_outlets": len(outlets),
            "outlets": json.dumps(outlets),
        }


def _same(a: str, b: str) -> float:
    score = fuzz.token_set_ratio(a, b)
    if min(len(a.split()), len(b.split())) < MIN_WORDS:
        score = min(score, fuzz.ratio(a, b))
    return float(score)


def _close(a: date | None, b: date | None, window: int) -> bool:
    if a is None or b is None:
        return a is b
    return abs((a - b).days) <= window


def group_claims(
    statements: Iterable[ClaimInput], *, similar: float = SIMILAR, window_days: int = WINDOW_DAYS
) -> Iterator[Claim]:
    """Group statements sorted by (actor_id, date) into claims; yields each claim once closed."""
    current_actor: str | None = None
    open_claims: list[Claim] = []
    for st in statements:
        if st.actor_id != current_actor:
            yield from open_claims
            open_claims, current_actor = [], st.actor_id
        still_open = []
        for c in open_claims:
            if (
                st.date is not None
                and c.last_date is not None
                and st.date - c.last_date > timedelta(days=window_days)
            ):
                yield c
            else:
                still_open.append(c)
        open_claims = still_open
        key = utils.default_process(st.content)
        best, best_score = None, similar
        for c in open_claims:
            if not _close(c.last_date, st.date, window_days):
                continue
            score = _same(c._key, key)
            if score >= best_score:
                best, best_score = c, score
        if best is None:
            best = Claim(st.actor_id, st.speaker, st.content, st.date, st.date, _key=key)
            open_claims.append(best)
        best.statement_ids.append(st.statement_id)
        best.document_ids.append(st.document_id)
        if st.outlet:
            best.outlets.append(st.outlet)
        best.last_date = st.date or best.last_date
    yield from open_claims


def refresh_claims(
    store: Store, *, similar: float = SIMILAR, window_days: int = WINDOW_DAYS, only_changed: bool = False
) -> int:
    """Regroup countable statements into claims; return how many claims were written.

    ``only_changed`` regroups only the speakers whose statements changed since the last
    grouping (claims never span speakers, so the others' claims stay as they are): cheap enough
    to run after every ingest, correction or re-extraction.
    """
    actors = store.stale_claim_actors() if only_changed else None
    if actors is not None and not actors:
        return 0
    claims = group_claims(store.claim_inputs(actors), similar=similar, window_days=window_days)
    return store.replace_claims(((c.row(), c.statement_ids) for c in claims), actors)
