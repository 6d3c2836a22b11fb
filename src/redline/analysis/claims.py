"""One claim per thing said: the same statement carried by many outlets, grouped with its sources.

Statements group when they have the same speaker (actor id), fall within ``window_days`` of
each other, and say the same thing: the same quote, or the same reported claim in other words.
Two measures, the higher counts:

- rapidfuzz's token-set ratio: word overlap regardless of order and of extra words around a
  quote (the same quote, trimmed differently);
- a comparison of meaning without a model: the concepts each content has (stemmed content
  words, with the words outlets swap for each other merged into one concept,
  ``knowledge/claim_synonyms.yaml``), how much of the shorter one the longer one covers, and
  their figures and names: two reports with different figures are different claims, whatever
  their wording ("a 600,000 cap" is not "an 800,000 cap").

A statement joins the best-matching open claim of its speaker, else starts a new one.
Near-duplicate reprints are excluded upstream, so a wire story counts once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from rapidfuzz import fuzz, utils

from redline.analysis.textsim import tokens
from redline.knowledge.claim_synonyms import load_claim_synonyms
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
    _meaning: Meaning | None = None

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


_NUMBER = re.compile(r"\d[\d,.]*")
_NEGATION = re.compile(r"\b(?:not|no|never|nor|without|cannot)\b|n't\b")
SAME_MEANING = 0.65  # concept overlap at which two rewordings say the same thing (scored as 100)
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-zA-Z-]+")  # capitalised inside a sentence: a name


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a content says, for comparing rewordings: concepts, figures, names."""

    concepts: frozenset[str]
    figures: frozenset[str]
    names: frozenset[str]
    negated: bool = False


class Concepts:
    """Maps words to concepts: a synonym group's first word, else the word's stem."""

    def __init__(self, groups: Iterable[Iterable[str]] = ()) -> None:
        self._canon: dict[str, str] = {}
        self._phrases: list[tuple[str, str]] = []
        for group in groups:
            words = list(group)
            head = " ".join(tokens(words[0], keep_stop_words=True)) or words[0]
            for w in words:
                toks = tokens(w, keep_stop_words=True)
                if len(toks) == 1:
                    self._canon[toks[0]] = head
                elif toks:
                    self._phrases.append((w, head))

    def meaning(self, text: str) -> Meaning:
        low = text.lower()
        extra = {head for phrase, head in self._phrases if phrase in low}
        concepts = {self._canon.get(t, t) for t in tokens(text) if not t[:1].isdigit()} | extra
        figures = {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}
        names = {n.lower() for n in _NAME.findall(text)}
        return Meaning(frozenset(concepts), frozenset(figures), frozenset(names), bool(_NEGATION.search(low)))


def _meaning_score(a: Meaning, b: Meaning) -> float:
    """0-100: how much of the shorter content's concepts the other has, if figures agree."""
    if a.figures and b.figures and a.figures != b.figures:
        return 0.0  # different figures: a different claim
    if a.negated != b.negated:
        return 0.0  # "we agree" and "we do not agree" share every concept
    small = min(len(a.concepts), len(b.concepts))
    if small < MIN_WORDS:
        return 0.0
    shared = len(a.concepts & b.concepts)
    cover = shared / small
    union = shared / len(a.concepts | b.concepts)
    score = 100.0 * min(1.0, (0.7 * cover + 0.3 * union) / SAME_MEANING)
    if a.names and b.names and not a.names & b.names:
        score *= 0.85  # they name different people or places
    return score


def _same(a: str, b: str, ma: Meaning | None = None, mb: Meaning | None = None) -> float:
    score = fuzz.token_set_ratio(a, b)
    if min(len(a.split()), len(b.split())) < MIN_WORDS:
        score = min(score, fuzz.ratio(a, b))
    if ma is not None and mb is not None:
        if (ma.figures and mb.figures and ma.figures != mb.figures) or ma.negated != mb.negated:
            return 0.0  # other figures, or one denies what the other says: never one claim
        score = max(score, _meaning_score(ma, mb))
    return float(score)


def _close(a: date | None, b: date | None, window: int) -> bool:
    if a is None or b is None:
        return a is b
    return abs((a - b).days) <= window


def group_claims(
    statements: Iterable[ClaimInput],
    *,
    similar: float = SIMILAR,
    window_days: int = WINDOW_DAYS,
    concepts: Concepts | None = None,
) -> Iterator[Claim]:
    """Group statements sorted by (actor_id, date) into claims; yields each claim once closed.

    ``concepts`` (by default from the packaged synonym groups) makes rewordings meet.
    """
    concepts = concepts or Concepts(load_claim_synonyms())
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
        meaning = concepts.meaning(st.content)
        best, best_score = None, similar
        for c in open_claims:
            if not _close(c.last_date, st.date, window_days):
                continue
            score = _same(c._key, key, c._meaning, meaning)
            if score >= best_score:
                best, best_score = c, score
        if best is None:
            best = Claim(st.actor_id, st.speaker, st.content, st.date, st.date, _key=key, _meaning=meaning)
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
