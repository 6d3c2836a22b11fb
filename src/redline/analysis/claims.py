"""One claim per thing said: the same statement carried by many outlets, grouped with its sources.

Statements group when they have the same speaker (actor id), fall within ``window_days`` of
each other, and say the same thing: the same quote, or the same reported claim in other words.
Two measures, the higher counts:

- rapidfuzz's token-set ratio, for contents of ``QUOTE_WORDS`` words or more: word overlap
  regardless of order and of extra words around a quote (the same quote, trimmed differently).
  Shorter contents must match as strings: a short phrase is contained in many long ones;
- a comparison of meaning without a model: the concepts each content has (stemmed content
  words, with the words outlets swap for each other merged into one concept,
  ``knowledge/claim_synonyms.yaml``), how much of the shorter one the longer one covers, each
  concept weighed by how rarely this speaker uses it (what a speaker says every day proves
  nothing), at least ``MIN_SHARED`` concepts in common, and their figures and names: two
  reports with different figures are different claims, whatever their wording ("a 600,000 cap"
  is not "an 800,000 cap"), and so are two that deny what the other says (polarity is compared
  clause by clause, so a negated aside does not split a claim).

A statement joins the best-matching claim of its speaker (compared with the claim's first
statement), else starts a new one. Then one article that carries a statement twice in words
that match fully (a headline and the body) joins the claims its two wordings went to: the
outlets that carried either wording carried one statement. A statement without a date (an
article that gives none) may join a claim of any date, but one of another article only when
the two also share a phrase word for word (``UNDATED_RUN``: a quoted fragment, a phrase the
speaker coined): it meets every claim of its speaker, and a speaker restates a position in
much the same concepts on many days, so likeness of meaning alone does not place it; dated
ones only within the window. A headline in title case names no people or places by its
capitals.
Measured on real news by ``benchmarks/claims_real.py``. Near-duplicate reprints are excluded
upstream, so a wire story counts once.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from itertools import groupby
from pathlib import Path

from rapidfuzz import fuzz, utils

from redline.analysis.textsim import STOP_WORDS, TfIdf, stem, tokens
from redline.knowledge.actors import load_actors
from redline.knowledge.claim_synonyms import load_claim_synonyms
from redline.knowledge.dates import calendar_words
from redline.model import stable_id
from redline.store import ClaimInput, Store

SIMILAR = 80.0  # token-set ratio at or above which two contents say the same thing
# outlets carry a statement up to two days after it was made (a weekend, a time zone, a weekly
# round-up): on the talks set a one-day window split 3 same-claim pairs and joined no wrong one
WINDOW_DAYS = 2
# an undated statement may join a claim of any date, so it meets far more claims than a dated
# one (on the talks set, 50 times as many pairs): it joins one of another article only when the
# two also share a phrase, this many words in a row with this many content words among them.
# On the talks set, of the labelled undated pairs scoring SIMILAR or more, a higher score alone
# did not tell a retelling from a restatement (precision 0.42 at 80, 0.55 at 100)
UNDATED_RUN = 3
UNDATED_CONTENT = 2


@dataclass(slots=True)
class Claim:
    """Statements by one speaker saying one thing, with every document and outlet that carried it:
    a statement counts once, while the outlets of its copies and reprints (``store.copies``,
    ``ClaimInput.carried_by``) count among the claim's outlets and documents."""

    actor_id: str
    speaker: str | None
    content: str
    first_date: date | None
    last_date: date | None
    statement_ids: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    _said: _Said | None = None  # the first statement: what later ones are compared with

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
_NEGATION = re.compile(r"\b(?:not|no|never|nor|without|cannot)\b|n[’']t\b")
# clause breaks: a negation in one clause ("there was no draft - but we agree") says nothing of the next
# (a full stop ends a clause unless it ends an initial or an abbreviation such as "U.S.")
_CLAUSE = re.compile(
    r"(?<!\b[A-Z])[.!?](?=\s|$)|[;:\u2014\u2013]|\s-\s|,?\s+(?:but|while|although|whereas)\b"
)
SAME_MEANING = 0.65  # concept overlap at which two rewordings say the same thing (scored as 100)
MIN_SHARED = 2  # concepts two rewordings must share (weighed, so that common words prove little)
EVERYDAY_SHARE = 0.2  # a concept in more of a speaker's statements than this (and than
EVERYDAY_MIN = 50  # this many) names no claim: it only slows the search for an undated one
SAME_IN_DOCUMENT = 100.0  # one article's two wordings of one statement: only a full match
QUOTE_WORDS = 6  # a content this long contained in another is the same quote, trimmed differently
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-zA-Z-]+")  # capitalised inside a sentence: a name
# a headline capitalises (nearly) every word ("Zelensky Has Not Read the Proposal"): its capitals
# name nobody, and taking them for names made it "name other people" than its own body
HEADLINE_CAPITALS = 0.8  # share of a text's words of 4 letters or more capitalised in title case
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a content says, for comparing rewordings: concepts, figures, names, and which
    concepts it denies (said only in negated clauses)."""

    concepts: frozenset[str]
    figures: frozenset[str]
    names: frozenset[str]
    denied: frozenset[str] = frozenset()

    @property
    def negated(self) -> bool:
        return bool(self.denied)


class Concepts:
    """Maps words to concepts: a synonym group's first word, else the word's stem."""

    def __init__(self, groups: Iterable[Iterable[str]] = (), places: Iterable[Iterable[str]] = ()) -> None:
        self._canon: dict[str, str] = {}
        self._phrases: list[tuple[str, re.Pattern[str], str]] = []
        # dates ("on Dec. 29", "29 December 2025", "in 2025") are no figures of a claim
        month = calendar_words().month_pattern()
        self._dates = re.compile(
            rf"\b(?:(?:{month})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
            rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{month})\b\.?(?:,?\s+\d{{4}})?|(?:19|20)\d\d)\b",
            re.I,
        )
        for group in groups:
            self._group(list(group))
        for place in places:  # a state's names: its capital, its adjective ("Kyiv", "Ukrainian")
            self._group(list(place))

    def _group(self, words: list[str]) -> str:
        head = " ".join(tokens(words[0], keep_stop_words=True)) or words[0]
        for w in words:
            toks = tokens(w, keep_stop_words=True)
            if len(toks) == 1:
                self._canon.setdefault(toks[0], head)
            elif toks:
                low = w.lower()
                self._phrases.append((low, re.compile(rf"(?<!\w){re.escape(low)}(?!\w)"), head))
        return head

    def _concepts(self, text: str) -> set[str]:
        low = text.lower()
        extra = set()
        for phrase, pattern, head in self._phrases:
            if phrase in low and pattern.search(low):
                extra.add(head)
                # its words are that one concept, not more: "the United States" is "Washington",
                # not also "united" and "states" that the other wording lacks
                low = pattern.sub(" ", low)
        return {self._canon.get(t, t) for t in tokens(low) if not t[:1].isdigit()} | extra

    def meaning(self, text: str) -> Meaning:
        said: set[str] = set()
        denied: set[str] = set()
        for clause in _CLAUSE.split(text):
            (denied if _NEGATION.search(clause.lower()) else said).update(self._concepts(clause))
        concepts = self._concepts(text)
        figures = {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(self._dates.sub(" ", text))}
        found = [] if _title_case(text) else _NAME.findall(text)
        names = {self._canon.get(stem(n.lower()), n.lower()) for n in found}
        return Meaning(frozenset(concepts), frozenset(figures), frozenset(names), frozenset(denied - said))


def _title_case(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALS * len(words)


def _contradict(a: Meaning, b: Meaning) -> bool:
    """Other figures, or one denies what the other says: never one claim. Polarity counts on the
    concepts both say, so that a negated aside ("there was no draft") does not split a claim."""
    if a.figures and b.figures and a.figures != b.figures:
        return True
    shared = a.concepts & b.concepts
    flipped = shared & (a.denied ^ b.denied)
    return bool(flipped) and 3 * len(flipped) >= len(shared)


def _meaning_score(a: Meaning, b: Meaning, space: TfIdf | None = None) -> float:
    """0-100: how much of the shorter content the other says, weighing each concept by how
    rarely the speaker uses it (a speaker's everyday words, "Ukraine", "peace", prove little)."""
    if _contradict(a, b):
        return 0.0
    shared = a.concepts & b.concepts
    if len(shared) < MIN_SHARED:
        return 0.0
    small, large = sorted((a.concepts, b.concepts), key=len)
    space = space or TfIdf(())
    cover = space.containment(sorted(small), sorted(large))
    union = sum(space.idf(t) for t in shared) / sum(space.idf(t) for t in a.concepts | b.concepts)
    score = 100.0 * min(1.0, (0.7 * cover + 0.3 * union) / SAME_MEANING)
    if a.names and b.names and not a.names & b.names:
        score *= 0.85  # they name different people or places
    return score


def _same(
    a: str, b: str, ma: Meaning | None = None, mb: Meaning | None = None, space: TfIdf | None = None
) -> float:
    words = min(len(a.split()), len(b.split()))
    score = fuzz.token_set_ratio(a, b) if words >= QUOTE_WORDS else fuzz.ratio(a, b)
    if ma is not None and mb is not None:
        if _contradict(ma, mb):
            return 0.0
        score = max(score, _meaning_score(ma, mb, space))
    return float(score)


def shares_phrase(a: str, b: str) -> bool:
    """Whether two normalised texts (``utils.default_process``) share ``UNDATED_RUN`` words or
    more in a row, ``UNDATED_CONTENT`` of them content words ("talks in Geneva were", not "with
    the")."""
    wa, wb = a.split(), b.split()
    for block in SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks():
        run = wa[block.a : block.a + block.size]
        if len(run) >= UNDATED_RUN and sum(w not in STOP_WORDS for w in run) >= UNDATED_CONTENT:
            return True
    return False


def _close(a: date | None, b: date | None, window: int) -> bool:
    if a is None or b is None:
        return a is b
    return abs((a - b).days) <= window


@dataclass(slots=True)
class _Said:
    content: str
    key: str
    meaning: Meaning


def _join(claim: Claim, st: ClaimInput, said: _Said) -> None:
    claim.statement_ids.append(st.statement_id)
    claim.document_ids.append(st.document_id)
    if st.outlet:
        claim.outlets.append(st.outlet)
    for document_id, outlet in st.carried_by:  # copies and reprints by other outlets carried it too
        claim.document_ids.append(document_id)
        if outlet:
            claim.outlets.append(outlet)
    if st.date is not None:
        claim.first_date = min(claim.first_date or st.date, st.date)
        claim.last_date = max(claim.last_date or st.date, st.date)
    if claim._said is None:
        claim._said = said


def _speaker_claims(
    statements: list[ClaimInput], concepts: Concepts, similar: float, window_days: int
) -> list[Claim]:
    """One speaker's claims. Dated statements meet within ``window_days``; an undated one (an
    article without a date) joins the best matching claim of any date, as no date argues against.

    Dated statements come in date order, so a claim whose last date falls out of the window is
    closed for good; an undated one is compared only with the claims that share a concept the
    speaker does not use every day (a rewording shares one), not with every claim of the speaker."""
    said = [
        _Said(st.content, utils.default_process(st.content), concepts.meaning(st.content))
        for st in statements
    ]
    space = TfIdf(sorted(s.meaning.concepts) for s in said)
    df = Counter(k for s in said for k in s.meaning.concepts)
    everyday = max(EVERYDAY_MIN, EVERYDAY_SHARE * len(said))  # concepts in more statements index nothing
    order = sorted(
        range(len(statements)),
        key=lambda i: (statements[i].date is None, statements[i].date or date.min),
    )
    claims: list[Claim] = []
    open_claims: list[Claim] = []
    by_concept: dict[str, list[int]] = {}  # concept -> the claims (indices) whose first statement has it
    for i in order:
        st, s = statements[i], said[i]
        if st.date is not None:
            open_claims = [c for c in open_claims if _close(c.last_date, st.date, window_days)]
            candidates: Iterable[Claim] = open_claims
        else:
            telling = [k for k in s.meaning.concepts if df[k] <= everyday]
            shared = Counter(n for k in telling for n in by_concept.get(k, ()))
            need = min(MIN_SHARED, len(telling))
            candidates = [claims[n] for n, got in sorted(shared.items()) if got >= need]
        best, best_rank = None, (0.0, 0.0)
        for c in candidates:
            if c._said is None:
                continue
            score = _same(c._said.key, s.key, c._said.meaning, s.meaning, space)
            if score < similar:
                continue
            # an undated statement meets claims of every date: it joins one of another
            # article only when they share words in a row too
            placed = (st.date is not None and c.first_date is not None) or st.document_id in c.document_ids
            if not placed and not shares_phrase(c._said.key, s.key):
                continue
            # equal scores (a contained quote scores 100 against every longer text around it):
            # the claim worded most like this statement, word for word, then the later one
            rank = (score, fuzz.token_sort_ratio(c._said.key, s.key))
            if rank >= best_rank:
                best, best_rank = c, rank
        if best is None:
            best = Claim(st.actor_id, st.speaker, st.content, st.date, st.date)
            claims.append(best)
            if st.date is not None:
                open_claims.append(best)
            for k in s.meaning.concepts:
                if df[k] <= everyday:
                    by_concept.setdefault(k, []).append(len(claims) - 1)
        _join(best, st, s)
    return _one_report_one_claim(claims, statements, said, space)


def _one_report_one_claim(
    claims: list[Claim], statements: list[ClaimInput], said: list[_Said], space: TfIdf
) -> list[Claim]:
    """Claims merged where one article carries the same statement twice (a headline and the
    body, a paraphrase and the quote) in words that match fully: the article reports one
    statement, so the outlets that carried either wording carried one claim. Each statement
    joined the single claim worded most like it, which splits such a pair when an earlier
    claim matched one of its wordings better."""
    claim_of = {sid: n for n, c in enumerate(claims) for sid in c.statement_ids}
    parent = list(range(len(claims)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    by_document: dict[str, list[int]] = {}
    for i, st in enumerate(statements):
        by_document.setdefault(st.document_id, []).append(i)
    for rows in by_document.values():
        for k, i in enumerate(rows):
            for j in rows[k + 1 :]:
                a, b = root(claim_of[statements[i].statement_id]), root(claim_of[statements[j].statement_id])
                if a == b:
                    continue
                si, sj = said[i], said[j]
                if _same(si.key, sj.key, si.meaning, sj.meaning, space) >= SAME_IN_DOCUMENT:
                    parent[max(a, b)] = min(a, b)  # the earlier claim keeps its id
    if all(root(n) == n for n in range(len(claims))):
        return claims
    out: list[Claim] = []
    for n, c in enumerate(claims):
        head = root(n)
        if head == n:
            out.append(c)
            continue
        into = claims[head]
        into.statement_ids += c.statement_ids
        into.document_ids += c.document_ids
        into.outlets += c.outlets
        dates = [d for d in (into.first_date, into.last_date, c.first_date, c.last_date) if d is not None]
        into.first_date, into.last_date = (min(dates), max(dates)) if dates else (None, None)
    return out


def default_concepts(actor_files: Sequence[Path] = ()) -> Concepts:
    """The packaged synonym groups, and each state's names as one concept ("Kyiv", "Ukraine",
    "Ukrainian": the ``places`` of ``actors.yaml`` and of the user's ``actor_files``, the
    settings' ``actors`` that extraction reads too), which outlets swap when they retell one
    statement; names compared as the same concept do not count as naming different places."""
    return Concepts(load_claim_synonyms(), load_actors(actor_files).places.values())


def group_claims(
    statements: Iterable[ClaimInput],
    *,
    similar: float = SIMILAR,
    window_days: int = WINDOW_DAYS,
    concepts: Concepts | None = None,
) -> Iterator[Claim]:
    """Group statements sorted by actor_id into claims; yields each speaker's claims in turn.

    ``concepts`` (by default from the packaged synonym groups) makes rewordings meet.
    """
    concepts = concepts or default_concepts()
    for _, rows in groupby(statements, key=lambda st: st.actor_id):
        yield from _speaker_claims(list(rows), concepts, similar, window_days)


def refresh_claims(
    store: Store,
    *,
    similar: float = SIMILAR,
    window_days: int = WINDOW_DAYS,
    only_changed: bool = False,
    actor_files: Sequence[Path] = (),
) -> int:
    """Regroup countable statements into claims; return how many claims were written.

    ``actor_files`` are the user's (the settings' ``actors``): their places are one concept
    each, as the packaged ones are, so another negotiation's capitals and states meet too.

    ``only_changed`` regroups only the speakers whose statements changed since the last
    grouping (claims never span speakers, so the others' claims stay as they are): cheap enough
    to run after every ingest, correction or re-extraction.
    """
    actors = store.stale_claim_actors() if only_changed else None
    if actors is not None and not actors:
        return 0
    claims = group_claims(
        store.claim_inputs(actors),
        similar=similar,
        window_days=window_days,
        concepts=default_concepts(actor_files),
    )
    return store.replace_claims(((c.row(), c.statement_ids) for c in claims), actors)
