"""Changes to a draft known only from reporting, and the version they reconstruct.

Revised drafts are often described before (or instead of) being published: "the plan has
since been altered ..., nixing a 600,000-member cap on Ukraine's army and a general war
crimes amnesty". Such a sentence names a change (a verb from the change lexicon) and its
objects, each of which names a point of the known version. Attaching each object to its
point lets redline rebuild the revised version point by point, every change carrying the
statement that reported it, and keep it marked "reported, unconfirmed" until a text of that
version is imported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from redline.analysis.align import PlanDiff
from redline.analysis.linking import PointMatcher
from redline.analysis.plan_dicts import version_to_dict
from redline.analysis.point_tags import tagging_text
from redline.analysis.textsim import tokens
from redline.knowledge.plan_changes import ChangeLexicon
from redline.model import PlanVersion, Point, Statement

UNCONFIRMED = "reported, unconfirmed"
_NUMBER = re.compile(r"\d")

_ADVERB = r"(?:\w+ly\s+|since\s+|now\s+|also\s+|not\s+|reportedly\s+)?"
_PASSIVE = re.compile(
    r"(?:\b(?:has|have|had|will|would|could|might|may|must)\s+" + _ADVERB + r")?"
    r"\b(?:is|are|was|were|be|been|being)\s+" + _ADVERB + "$",
    re.I,
)

__all__ = [
    "UNCONFIRMED",
    "ChangeFinder",
    "ReconstructedPoint",
    "ReconstructedVersion",
    "ReportCheck",
    "ReportedChange",
    "check_reports",
    "find_reported_changes",
    "reconstruct_version",
    "version_detail",
]
_CLAUSE_START = re.compile(
    r"[.;:!?]\s+|,\s+(?:(?:which|while|but|although|though|whereas|after|as|and)\s+)?|"
    r"\b(?:said|says|say|told\s+\w+|reported|stated|confirmed|noted)\s+(?:that\s+)?",
    re.I,
)
_CLAUSE_END = re.compile(
    r"[.;:!?](?:\s|$)|,\s+(?:which|while|but|although|though|whereas|after|as|said|"
    r"according|he|she|they|officials?)\b|\s+(?:but|while|whereas)\s",
    re.I,
)
# A trailing attribution left in a target ("new sanctions, the proposal's backers said"): its
# words are no item, and "proposal" in them would pass for the name of a text.
_SAID_TAIL = re.compile(
    r",\s+[^,]{0,80}?\b(?:said|says|say|told\s+\w+|added|reported|stated)\s*[.!?]?\s*$", re.I
)
# After an active change verb, a preposition starts no object: "proposals raised in Europe"
# and "troops removed from the line" describe a noun; "raising the cap to 800,000" names one.
_NOT_AN_OBJECT = re.compile(r"^(?:in|at|on|by|during|over|across|within|from|among|since|about)\b", re.I)
# A change verb as a noun after a preposition is an attitude to a change, not a change made:
# "does not object to adding", "calls for scrapping", "talk of removing".
_PROSPECT = re.compile(r"\b(?:to|for|of|about|against)\s+$", re.I)
# where a sentence ends, to find the sentence before a statement and the one it opens
_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019)]*\s+|\n+")
# the words of a noun phrase before its head ("a controversial point", "the amnesty clause")
_MODIFIERS = re.compile(r"\b(?:a|an|the|its|their|one)\s+((?:[^\s,;:]+\s+){0,4})$", re.I)
_ITEM_SPLIT = re.compile(
    r",\s+(?:and\s+|or\s+)?|\s+(?:and|or|as well as|along with)\s+(?=(?:a|an|the|its|their|"
    r"his|her|any|all|some)\b)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ReportedChange:
    """One change to one point, as a statement reports it."""

    change: str  # removed | added | modified
    verb: str
    target: str  # the words naming what changed
    point: str | None  # number of the point in the base version; None for an addition or no match
    score: float
    statement_id: str
    document_id: str
    quote: str
    speaker: str | None
    date: date | None
    # when ``target`` only points back ("this clause"): the words before the statement that
    # named the part it points to, by which the point was found (kept as evidence with the quote)
    antecedent: str | None = None


@dataclass(slots=True)
class ReconstructedPoint:
    number: str
    text: str
    status: str  # unchanged | removed | modified | added
    evidence: list[ReportedChange] = field(default_factory=list)


@dataclass(slots=True)
class ReconstructedVersion:
    """A version rebuilt from reporting: the points it keeps plus every point's reported status."""

    version: PlanVersion
    base_label: str
    entries: list[ReconstructedPoint]
    status: str = UNCONFIRMED

    def status_of(self, number: str) -> str | None:
        return next((e.status for e in self.entries if e.number == number), None)


class ChangeFinder:
    """Recognises reported changes to the points of one base version."""

    def __init__(self, lexicon: ChangeLexicon, base: PlanVersion, threshold: float = 0.45) -> None:
        self.lexicon = lexicon
        self.base = base
        self.threshold = threshold
        self._meta = {t for word in lexicon.meta_words for t in tokens(word)}
        self._unnamed = self._meta | {t for word in lexicon.qualifiers for t in tokens(word)}
        self._point_tokens = [set(tokens(tagging_text(p))) for p in base.points]
        forms = sorted((f for fs in lexicon.verbs.values() for f in fs), key=len, reverse=True)
        self._verbs = re.compile(
            r"\b(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")\b", re.I
        )
        parts = "|".join(re.escape(w) for w in lexicon.parts)
        anaphors = "|".join(
            re.escape(a).replace(r"\ ", r"\s+") for a in sorted(lexicon.anaphors, key=len, reverse=True)
        )
        # "this clause": an item that only points back; "28-point" names no part
        self._anaphor = re.compile(rf"^(?:{anaphors})\s+(?:{parts})s?$", re.I) if parts and anaphors else None
        self._part = re.compile(rf"(?<![\w-])(?:{parts})s?(?![\w-])", re.I) if parts else None
        idioms = sorted(lexicon.not_changes, key=len, reverse=True)
        self._idioms = (
            re.compile(
                r"\b(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in idioms) + r")\b", re.I
            )
            if idioms
            else None
        )

    def _content(self, phrase: str) -> list[str]:
        """The phrase's tokens without words that name a part of a text ("the clause on ...") or
        say which text ("the updated plan")."""
        return [t for t in tokens(phrase) if t not in self._unnamed]

    def _targets(self, text: str) -> list[tuple[str, str]]:
        """(verb, target phrase) for each change verb in ``text``."""
        out: list[tuple[str, str]] = []
        if self._idioms is not None:  # "striking a deal": same length, so offsets still hold
            text = self._idioms.sub(lambda m: "_" * len(m.group(0)), text)
        matches = list(self._verbs.finditer(text))
        for k, m in enumerate(matches):
            before = text[: m.start()]
            if m.group(0).lower().endswith("ing") and _PROSPECT.search(before):
                continue
            if _PASSIVE.search(before):
                starts = [c.end() for c in _CLAUSE_START.finditer(before)]
                subject = before[starts[-1] if starts else 0 :]
                target = _PASSIVE.sub("", subject)
            else:
                stop = matches[k + 1].start() if k + 1 < len(matches) else len(text)
                rest = text[m.end() : stop]
                end = _CLAUSE_END.search(rest)
                target = rest[: end.start()] if end else rest
                if _NOT_AN_OBJECT.match(target.strip()):
                    continue
            target = _SAID_TAIL.sub("", target).strip(" ,")
            if target:
                out.append((m.group(0), target))
        return out

    def _antecedent(self, before: str) -> str | None:
        """The words naming the part of a text that "this clause" points back to: the last part
        named in the sentence before the statement or in its own sentence up to it, with the
        words of its noun phrase ("a controversial point") and what follows it in its clause
        ("implying an amnesty"). None when neither sentence names a part: then the item names
        nothing, as before."""
        if self._part is None:
            return None
        for sentence in reversed(_SENTENCE_BREAK.split(before)[-2:]):  # its own sentence first
            named = list(self._part.finditer(sentence))
            if named:
                m = named[-1]
                modifiers = _MODIFIERS.search(sentence[: m.start()])
                tail = sentence[m.end() :]
                end = _CLAUSE_END.search(tail)
                head = modifiers.group(1) if modifiers else ""
                return " ".join((head + m.group(0) + (tail[: end.start()] if end else tail)).split())
        return None

    def _items(self, target: str, before: str) -> list[tuple[str, list[str]]]:
        """The items a target names, each with the words that may name its point: its own
        words, or for an item that only points back ("this clause") the pieces of the phrase
        that named the part just before it, one of which names it (the words that describe a
        clause run over asides: "a point implying, in vague terms, an amnesty")."""
        out: list[tuple[str, list[str]]] = []
        for item in (i.strip() for i in _ITEM_SPLIT.split(target)):
            if self._content(item):
                out.append((item, [item]))
            elif before and self._anaphor is not None and self._anaphor.match(item):
                named = self._antecedent(before) or ""
                pieces = [p.strip() for p in _ITEM_SPLIT.split(named) if self._content(p)]
                if pieces:
                    out.append((item, pieces))
        return out

    def _figure_point(self, content: Sequence[str]) -> int | None:
        """The index of the one base point that has a figure of ``content``, if exactly one has."""
        figures = {t for t in content if t[:1].isdigit()}
        having = [k for k, toks in enumerate(self._point_tokens) if figures & toks]
        return having[0] if len(having) == 1 else None

    def find(self, statement: Statement, before: str = "") -> list[ReportedChange]:
        """Every change ``statement`` reports, one per named item, attached to a point when one fits.

        Only statements about a text count: tagged with the plan as a whole, or naming a text
        or part of one ("the draft", "the clause on ..."), so that "troops were removed from
        Kherson" is not read as a change to the Kherson point. ``before``: the text of the
        document up to the statement, where "this clause" finds the part it points back to.
        """
        found: list[ReportedChange] = []
        about_text = "plan_overall" in statement.issues or bool(
            self._meta & set(tokens(statement.content.text))
        )
        has_number = bool(_NUMBER.search(statement.content.text))
        for verb, target in self._targets(statement.content.text):
            change = self.lexicon.change_of(verb) or "modified"
            items = self._items(target, before)
            matcher = PointMatcher(self.base.points, [w for _, pieces in items for w in pieces])
            for item, pieces in items:
                # of the pieces that may name the point, the one that names one point most
                # clearly (an aside such as "in broad terms" is as close to several)
                scored = [(matcher.containment(" ".join(self._content(w))), w) for w in pieces]
                scores, words = max(scored, key=lambda sw: _lead(sw[0]))
                content = self._content(words)
                if change == "added" and len(content) == len(tokens(words)):
                    continue  # an addition names a text ("a clause on ..."): "introduced sanctions" is none
                best = max(range(len(scores)), key=scores.__getitem__, default=None)
                number = None
                score = 0.0
                named = self._figure_point(content)
                if named is not None:  # "the 600,000 cap": the one point with that figure
                    best, number, score = named, self.base.points[named].number, 1.0
                elif best is not None and scores[best] >= self.threshold:
                    number, score = self.base.points[best].number, scores[best]
                # "the cap was raised to 800,000" is about a clause with a figure even when it
                # names no text; anything else must be about a text ("troops were removed from ...")
                figure = (
                    change == "modified"
                    and has_number
                    and best is not None
                    and number is not None
                    and bool(_NUMBER.search(self.base.points[best].text))
                )
                if not (about_text or figure):
                    continue
                if number is None and change != "added":
                    continue  # "the plan was altered": no point named
                found.append(
                    ReportedChange(
                        change,
                        verb,
                        item,
                        number,
                        round(score, 3),
                        statement.id,
                        statement.document_id,
                        statement.content.text,
                        statement.speaker.name if statement.speaker else None,
                        statement.date,
                        None if pieces == [item] else words,
                    )
                )
        return found


def _lead(scores: Sequence[float]) -> float:
    """How far the best score is ahead of the next: how clearly words name one point."""
    top = sorted(scores, reverse=True)[:2]
    return top[0] - (top[1] if len(top) > 1 else 0.0) if top else 0.0


def find_reported_changes(
    statements: Sequence[Statement],
    base: PlanVersion,
    lexicon: ChangeLexicon,
    texts: Mapping[str, str] | None = None,
) -> list[ReportedChange]:
    """All reported changes to ``base`` in ``statements``, in statement order.

    ``texts``: document texts by id, so that "this clause had since been removed" finds the
    clause named in the sentence before; a statement whose span is not at its offsets in its
    document's text is read alone."""
    finder = ChangeFinder(lexicon, base)
    return [c for s in statements for c in finder.find(s, _before(s, texts or {}))]


def _before(s: Statement, texts: Mapping[str, str]) -> str:
    """The document text up to the statement, if the statement's span is there."""
    text = texts.get(s.document_id, "")
    span = s.content
    return text[: span.start] if span.text and text[span.start : span.end] == span.text else ""


def reconstruct_version(
    base: PlanVersion, changes: Sequence[ReportedChange], *, label: str, when: date | None = None
) -> ReconstructedVersion:
    """The version that ``changes`` describe: base points removed, modified or kept, additions appended.

    When reports about one point disagree, the latest report wins; every report stays as evidence.
    """
    by_point: dict[str, list[ReportedChange]] = {}
    for c in changes:
        if c.point is not None and c.change != "added":
            by_point.setdefault(c.point, []).append(c)
    entries: list[ReconstructedPoint] = []
    kept: list[Point] = []
    for p in base.points:
        evidence = sorted(by_point.get(p.number, []), key=lambda c: c.date or date.min)
        status = evidence[-1].change if evidence else "unchanged"
        entries.append(ReconstructedPoint(p.number, p.text, status, evidence))
        if status != "removed":
            kept.append(replace(p))
    for k, c in enumerate((c for c in changes if c.change == "added"), start=1):
        entries.append(ReconstructedPoint(f"new-{k}", c.target, "added", [c]))
        kept.append(Point(number=f"new-{k}", text=c.target))
    dates = [c.date for c in changes if c.date]
    version = PlanVersion(
        plan=base.plan,
        label=label,
        date=when or (max(dates) if dates else None),
        source=UNCONFIRMED,
        points=kept,
        reported=True,
    )
    return ReconstructedVersion(version, base.label, entries)


@dataclass(frozen=True, slots=True)
class ReportCheck:
    """A reported change set against the text of the version it described."""

    number: str  # point of the base version
    reported: str  # removed | modified
    actual: str  # the diff's kind for that point: kept | modified | removed | merged | split
    confirmed: bool


def check_reports(rec: ReconstructedVersion, diff: PlanDiff) -> list[ReportCheck]:
    """Compare each reported change with what the imported text did to that point.

    ``diff`` aligns the reconstruction's base version with the imported text. A removal is
    confirmed when the point is gone; a modification when it was modified, merged or split.
    """
    actual = {p.number: c.kind for c in diff.changes for p in c.old}
    checks: list[ReportCheck] = []
    for e in rec.entries:
        if e.status not in ("removed", "modified"):
            continue
        kind = actual.get(e.number, "removed")
        ok = kind == "removed" if e.status == "removed" else kind in ("modified", "merged", "split")
        checks.append(ReportCheck(e.number, e.status, kind, ok))
    return checks


def version_detail(version: PlanVersion, rec: ReconstructedVersion | None) -> dict[str, Any]:
    """One version as `plan show -f json` and ``/api/v1/plans/{plan}/versions/{label}`` give it:
    one shape, so the command and the API cannot drift apart. Every point carries its status
    fields (empty when they say nothing) and a reconstruction each change's full evidence."""
    data = version_to_dict(version)
    unsaid: dict[str, Any] = {"agreement": None, "disputed_by": [], "lang": None, "gloss": None}
    data["points"] = [{**unsaid, **p} for p in data["points"]]
    data["status"] = rec.status if rec else None
    data["base_label"] = rec.base_label if rec else None
    data["reconstruction"] = (
        [
            {
                "number": e.number,
                "text": e.text,
                "status": e.status,
                "evidence": [
                    {
                        "change": c.change,
                        "verb": c.verb,
                        "target": c.target,
                        "statement_id": c.statement_id,
                        "document_id": c.document_id,
                        "quote": c.quote,
                        "speaker": c.speaker,
                        "date": c.date.isoformat() if c.date else None,
                    }
                    for c in e.evidence
                ],
            }
            for e in rec.entries
        ]
        if rec
        else None
    )
    return data
