"""Plain records that cross layer boundaries.

Every layer speaks these dataclasses, never spaCy objects or database rows, so that the
NLP core, the store and the interfaces can change independently. Offsets are always
character offsets into ``Document.text`` exactly as redline holds it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal, get_args

StatementKind = Literal["direct", "indirect", "mixed"]
# the one stance vocabulary: the type checker, the store, the API schema and the exports read these
Stance = Literal["support", "oppose", "conditional", "neutral"]
STANCES: tuple[str, ...] = get_args(Stance)
KINDS: tuple[str, ...] = get_args(StatementKind)
# what a plan version is: its own draft, a counter-proposal marking another up, a framework, or
# a version reconstructed from reports
VERSION_KINDS: tuple[str, ...] = ("draft", "counter-proposal", "framework", "reported")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document's text; ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> Span | None:
        if not d:
            return None
        return cls(str(d.get("text", "")), int(d.get("start", 0)), int(d.get("end", 0)))


def _date(raw: object) -> date | None:
    """A contract date ("2025-11-27", or a timestamp whose day is taken)."""
    return date.fromisoformat(str(raw)[:10]) if raw else None


@dataclass(slots=True)
class Document:
    """One article as read from a source, before any NLP."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    source: str | None = None  # where it was read from: a path, "path:line", a URL
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Stable fingerprint of the text, used for exact de-duplication and ids."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def header(self) -> dict[str, Any]:
        """The document part of the extraction contract."""
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
        }


@dataclass(slots=True)
class Actor:
    """A person, organisation or state that can speak or act in a negotiation."""

    id: str
    name: str
    type: str = "person"  # person | organization | state | group
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # roles and descriptions: "Russian leader"
    affiliation: str | None = None  # actor id of the state/organisation it belongs to
    party: str | None = None  # negotiating party: russia, ukraine, united_states, europe, eu, ...
    country: str | None = None  # ISO3
    wikidata: str | None = None
    gender: str | None = None  # "m" | "f" | None; helps pronoun resolution

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement is attributed to: the mention in the text and the actor it resolves to."""

    name: str  # canonical name (knowledge base) or fullest in-document mention
    actor_id: str | None
    mention: Span
    # the side the speaker speaks for (russia, ukraine, united_states, europe, ...); None for media,
    # analysts and unknown sources. Unnamed and collective sources have one too ("a US official").
    party: str | None = None
    # person | organization | state | group | media | document; None when unknown. Media are a
    # kind of their own, so that wire reports are neither a side nor "unknown".
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "actor_id": self.actor_id,
            "mention": self.mention.text,
            "start": self.mention.start,
            "end": self.mention.end,
            "party": self.party,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Speaker:
        name = str(d["name"])
        mention = Span(str(d.get("mention") or name), int(d.get("start", 0)), int(d.get("end", 0)))
        return cls(name, d.get("actor_id"), mention, party=d.get("party"), kind=d.get("kind"))


@dataclass(slots=True)
class Statement:
    """An attributed statement: a speaker, a cue and what was said, with issues and stance."""

    id: str
    document_id: str
    content: Span
    kind: StatementKind
    speaker: Speaker | None = None
    cue: Span | None = None
    issues: list[str] = field(default_factory=list)
    stance: Stance = "neutral"
    date: date | None = None
    confidence: float = 1.0
    extractor: str = ""  # extraction version that produced it
    # how likely the models found ``stance`` (1.0 where a sure rule or an analyst decided): what
    # ranks the quotes a position shows, so that a stray label is not the one on display
    stance_confidence: float = 1.0
    # the issues whose stance differs from ``stance`` (the first issue's), with their own: what
    # the positions matrix counts the statement by under each of its issues (``issue_stance``);
    # kept as ``own_stances`` gives them, so that equal statements compare equal
    issue_stances: dict[str, Stance] = field(default_factory=dict)

    def stance_on(self, issue: str) -> Stance:
        """The statement's stance toward ``issue`` (``issue_stance``): its own, else ``stance``
        (the first issue's; the store keeps the issues in salience order, migration 0029)."""
        return issue_stance(self.stance, self.issue_stances, issue)  # type: ignore[return-value]

    def stances_by_issue(self) -> dict[str, Stance]:
        """Every issue's stance in salience order, the first issue's being ``stance``: what
        the extraction JSON and the store keep."""
        first = {self.issues[0]: self.stance} if self.issues else {}
        return {**first, **{i: self.stance_on(i) for i in self.issues[1:]}}

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "kind": self.kind,
            "issues": list(self.issues),
            "stance": self.stance,
            "date": self.date.isoformat() if self.date else None,
            "confidence": round(self.confidence, 3),
            "stance_confidence": round(self.stance_confidence, 3),
            "extractor": self.extractor,
            "issue_stances": self.stances_by_issue(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], document_id: str) -> Statement:
        content = Span.from_dict(d["content"])
        if content is None:
            raise ValueError(f"statement {d.get('id')!r} has no content")
        return cls(
            id=str(d["id"]),
            document_id=document_id,
            content=content,
            kind=d.get("kind", "indirect"),
            speaker=Speaker.from_dict(d["speaker"]) if d.get("speaker") else None,
            cue=Span.from_dict(d.get("cue")),
            issues=list(d.get("issues", [])),
            stance=d.get("stance", "neutral"),
            date=_date(d.get("date")),
            confidence=float(d.get("confidence", 1.0)),
            extractor=str(d.get("extractor", "")),
            stance_confidence=float(d.get("stance_confidence", 1.0)),
            issue_stances=own_stances(d.get("stance", "neutral"), d.get("issue_stances")),  # type: ignore[arg-type]
        )


@dataclass(slots=True)
class Event:
    """Something that happened or is planned: a visit, a meeting, a proposal, an attack."""

    id: str
    document_id: str
    type: str
    trigger: Span
    actors: list[str] = field(default_factory=list)  # canonical names
    actor_ids: list[str | None] = field(default_factory=list)
    place: str | None = None
    date: date | None = None
    date_precision: str | None = None  # day | week | month | year
    planned: bool = False
    extractor: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "text": self.trigger.text,
            "start": self.trigger.start,
            "end": self.trigger.end,
            "actors": list(self.actors),
            "actor_ids": list(self.actor_ids),
            "place": self.place,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "planned": self.planned,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], document_id: str, extractor: str = "") -> Event:
        return cls(
            id=str(d["id"]),
            document_id=document_id,
            type=str(d["type"]),
            trigger=Span(str(d["text"]), int(d.get("start", 0)), int(d.get("end", 0))),
            actors=list(d.get("actors", [])),
            actor_ids=list(d.get("actor_ids", [])),
            place=d.get("place"),
            date=_date(d.get("date")),
            date_precision=d.get("date_precision"),
            planned=bool(d.get("planned")),
            extractor=extractor,
        )


@dataclass(slots=True)
class Mention:
    """An actor mentioned in a document (speaking or not)."""

    span: Span
    actor_id: str | None
    name: str


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document: the unit the pipeline returns and the store takes."""

    document: Document
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    extractor: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The extraction contract of ARCHITECTURE.md (one JSON object per document)."""
        return {
            "document": self.document.header(),
            "statements": [s.to_dict() for s in self.statements],
            "events": [e.to_dict() for e in self.events],
            "extractor": self.extractor,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Extraction:
        """The inverse of ``to_dict``: the contract carries no document text (it stays empty) and
        no mentions; anything else round-trips. Raises KeyError, TypeError or ValueError on a
        record that is not an extraction."""
        head = d["document"]
        doc = Document(
            id=str(head["id"]),
            text="",
            url=head.get("url"),
            title=head.get("title"),
            published=_date(head.get("published")),
            outlet=head.get("outlet"),
        )
        extractor = str(d.get("extractor", ""))
        return cls(
            doc,
            [Statement.from_dict(s, doc.id) for s in d.get("statements", [])],
            [Event.from_dict(e, doc.id, extractor) for e in d.get("events", [])],
            extractor=extractor,
        )


@dataclass(slots=True)
class Point:
    """One numbered point of a plan version; ``number`` keeps sub-points ("5", "5.a")."""

    number: str
    text: str
    heading: str | None = None
    issues: list[str] = field(default_factory=list)
    pax_codes: list[str] = field(default_factory=list)
    # How much of the wording is known: known, partial (truncated), summary (reported), unknown.
    text_status: str = "known"
    # Whether the parties accept it: agreed, disputed, open, or None when nobody said.
    agreement: str | None = None
    disputed_by: list[str] = field(default_factory=list)
    lang: str | None = None  # language of ``text`` when not English
    gloss: str | None = None  # an English rendering of a non-English ``text``

    @property
    def english(self) -> str:
        """The wording English rules read (tags, alignment, links): the gloss of a point written
        in another language, when it has one, else its text."""
        return self.gloss if self.lang and self.gloss else self.text


@dataclass(slots=True)
class PlanVersion:
    """A plan as it stood at one date: its label, source and ordered points.

    Versions from different authors (a US draft, a European counter-proposal) are not one
    history: ``based_on`` names the version this one marks up, so diffs and positions follow
    a lineage instead of the calendar.
    """

    plan: str
    label: str
    date: date | None = None
    source: str | None = None
    points: list[Point] = field(default_factory=list)
    reported: bool = False  # reconstructed from reporting only, no text imported
    author: str | None = None  # party: US, Europe/E3, Russia, Ukraine, joint ...
    kind: str = "draft"  # draft, counter-proposal, framework, reported
    based_on: str | None = None  # label of the version this one marks up
    source_urls: list[str] = field(default_factory=list)


def stable_id(*parts: object, length: int = 16) -> str:
    """Deterministic id from content, so that re-running anything yields the same ids."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return h[:length]


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not be used, reported instead of raised so the run goes on.

    ``source`` names the file, record ("file.jsonl:12") or URL; ``reason`` says what was
    wrong and ``hint`` what to do about it.
    """

    source: str
    reason: str
    hint: str | None = None
    kind: str = "input"  # empty | binary | encoding | too_large | language | html | json | fetch | input

    def render(self) -> str:
        return f"{self.source}: {self.reason}" + (f" ({self.hint})" if self.hint else "")


GENERIC_ISSUES = frozenset({"plan_overall"})


def stance_issues(issues: Sequence[str], *, reverses: bool = False) -> list[str]:
    """The issues a statement's stance is about, from its issue list.

    The stance is toward the first-listed issue; further specific issues share it (a demand
    on territory and the ceasefire), but a generic issue listed after specific ones does not:
    reporting that the army cap was dropped is no stance on the plan as a whole. A statement
    that says outright that its speaker's position changed (``reverses``: "our negotiating
    position will be revised", ``balance.reversal_test``) is the exception: a change of
    position is about the negotiation as a whole whatever it names first, so a generic issue
    it lists counts too. Here, below analysis and store, because the positions matrix, the
    shifts and the store's tallies must agree on it.
    """
    first, rest = list(issues[:1]), issues[1:]
    return first + [i for i in rest if reverses or i not in GENERIC_ISSUES]


def stances_map(by_issue: Mapping[str, str] | str | None) -> Mapping[str, str]:
    """Stances by issue as a mapping, from a mapping or the store's JSON of one (empty for none):
    a reader that asks several issues of one statement parses its JSON once, here."""
    if not by_issue:
        return {}
    found: Mapping[str, str] | None = json.loads(by_issue) if isinstance(by_issue, str) else by_issue
    return found or {}


def own_stances(stance: str, by_issue: Mapping[str, str] | str | None) -> dict[str, str]:
    """The stances by issue that differ from ``stance`` (a mapping, or the store's JSON of one):
    ``Statement.issue_stances`` as kept, whatever form they came in."""
    return {i: str(v) for i, v in stances_map(by_issue).items() if v != stance}


def issue_stance(stance: str, issue_stances: Mapping[str, str] | str | None, issue: str) -> str:
    """A statement's stance toward one of its issues: that issue's own (``issue_stances``, a
    mapping or the store's JSON of one), else ``stance``, the first issue's (a statement stored
    before stances were kept per issue, until ``redline reprocess`` reads it again). Every
    reader that counts a statement under an issue (matrix, shifts, listings, exports) asks this,
    so they agree."""
    return str(stances_map(issue_stances).get(issue, stance))


def reversal_widens(issues: Sequence[str]) -> bool:
    """Whether saying a change of position would place a statement in one more column
    (``stance_issues``: a generic issue listed after the first): only then is its text worth
    reading for a reversal, a test every reader of the tallies would otherwise run on each row."""
    return any(i in GENERIC_ISSUES for i in issues[1:])
