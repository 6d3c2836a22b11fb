"""Load and validate an issue taxonomy (``issues.yaml``).

The taxonomy is data so that another negotiation can bring its own issues, propositions and
lexicon. Validation is strict and names the file and entry at fault, because a silently
ignored typo in a lexicon only shows up later as worse tagging.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml
from redline.model import STANCES

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_PAX = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
STANCE_LISTS = (  # the stance lexicon's word lists (``StanceLexicon``)
    "negation",
    "conditional",
    "condition",
    "unresolved",
    "requirement",
    "prerequisite",
    "negative_subject",
    "imposed",
    "restriction",
    "litotes",
    "abandonment",
    "trade_verbs",
    "relinquishing",
    "concession",
    "partial",
    "order",
    "figure",
    "not_condition",
    "terms_clause",
    "trade",
    "clause_terms",
    "paired_condition",
    "copula",
    "reporting",
    "aside",
    "obligation",
    "positive",
    "negative",
    "removal",
    "threat",
    "trigger",
    "appraisal",
    "attitude",
    "rejection",
    "request",
    "verdict",
    "proposal",
    "counter_proposal",
    "scheduling",
)
_CUE_KINDS = ("support", "oppose", "emphatic")
# the word classes of ``appraisal.yaml``: verdicts (``positive``, ``negative``, ``hedge``) and
# logistics (``time``, ``movement``, ``handling``, ``silence``)
APPRAISAL_CLASSES = ("positive", "negative", "hedge", "time", "movement", "handling", "silence")
APPRAISAL_FILE = "appraisal.yaml"
_ISSUE_KEYS = {
    "label",
    "description",
    "proposition",
    "proposition_label",
    "pax",
    "generic",
    "evaluative",
    "priors",
    "terms",
    "pro",
    "anti",
    "counter",
    "implied_by",
    "held_until",
    "evaluated_as",
}
_TOP_KEYS = {"name", "description", "settings", "stance", "issues"}
_SETTINGS = {"min_score": 1.0, "generic_secondary": 2.0, "context_weight": 1.0}


@dataclass(frozen=True, slots=True)
class Term:
    """A lexicon pattern and the evidence it gives for its issue."""

    pattern: str
    weight: float


@dataclass(frozen=True, slots=True)
class Issue:
    """One negotiation issue and the proposition on the table that stance is measured against."""

    id: str
    label: str
    description: str
    proposition: str
    pax: tuple[str, ...]
    terms: tuple[Term, ...]
    pro: tuple[str, ...] = ()
    anti: tuple[str, ...] = ()
    counter: tuple[str, ...] = ()  # things that contradict the proposition ("Western troops")
    # wording that puts the issue in play whatever else the statement is about ("European troops
    # in Ukraine" is the NATO point, if also the guarantees): added beside the issue model's
    # reading, never one of its features (``IssueTagger.implied``)
    implied_by: tuple[str, ...] = ()
    # steps outside the point that a refusal of it may be held until ("no ceasefire until Kyiv
    # leaves Donetsk"): the point is refused as the plan offers it, not accepted on its own terms
    # (``StanceClassifier``: oppose, where other terms laid on a refusal make it conditional)
    held_until: tuple[str, ...] = ()
    priors: Mapping[str, str] = field(default_factory=dict)
    generic: bool = False  # a frame (the plan, the talks) rather than a substantive point
    evaluative: bool = True  # do "good"/"unacceptable" bear on it? not for process: "productive talks"
    # the proposition in a few words, for a matrix column ("Ukraine withdraws from Donbas");
    # the loader falls back to the whole proposition
    proposition_label: str = ""
    # an evaluation of this issue is a position on another one: "the talks were productive" is
    # support for the negotiations (plan_overall), not a process fact
    evaluated_as: str | None = None


@dataclass(frozen=True, slots=True)
class StanceLexicon:
    """Issue-independent stance wording (negation, modality, evaluation, cue verbs)."""

    negation: tuple[str, ...] = ()
    conditional: tuple[str, ...] = ()
    condition: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()
    requirement: tuple[str, ...] = ()  # terms laid on the deal as a whole ("any settlement must")
    prerequisite: tuple[str, ...] = ()  # "no peace without X": X is demanded
    negative_subject: tuple[str, ...] = ()  # "nobody", "no one": negates its whole clause
    imposed: tuple[str, ...] = ()  # "be asked to", "be forced to": a negator reaches past them
    restriction: tuple[str, ...] = ()  # terms laid on a refusal ("would not ... unless", "any ... that")
    litotes: tuple[str, ...] = ()  # a negation of a negation ("no reason not to")
    abandonment: tuple[str, ...] = ()  # letting go of a point ("drop", "abandon"): negated, holding on
    trade_verbs: tuple[str, ...] = ()  # "trade X for Y": refused, X is kept ("would not trade the court for")
    relinquishing: tuple[str, ...] = ()  # giving up what is named next ("give up its bid to join")
    concession: tuple[str, ...] = ()  # a concession bounded in time ("for now"): "..., but never ..."
    partial: tuple[str, ...] = ()  # acceptance of a part ("most of it is acceptable"): "..., but not ..."
    order: tuple[str, ...] = ()  # the point put after another step ("only after", "not before")
    figure: tuple[str, ...] = ()  # a verdict by figure ("a second Yalta", "a back door"): negative
    not_condition: tuple[str, ...] = ()  # idioms that only look like a condition ("if necessary")
    terms_clause: tuple[str, ...] = ()  # openers of a clause that states terms ("as long as ...")
    paired_condition: tuple[str, ...] = ()  # "left / right" clause pairs ("no X, no Y"): a condition
    copula: tuple[str, ...] = ()  # "is", "are": "elections under shelling are not elections"
    reporting: tuple[str, ...] = ()  # verbs that open a statement of its own ("..., but added that")
    aside: tuple[str, ...] = ()  # openers of an aside set off by commas (", in public or in private,")
    obligation: tuple[str, ...] = ()
    positive: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    removal: tuple[str, ...] = ()
    threat: tuple[str, ...] = ()
    trigger: tuple[str, ...] = ()
    appraisal: tuple[str, ...] = ()  # how talks are going ("productive", "progress"): see evaluated_as
    attitude: tuple[str, ...] = ()  # evaluations that take what they evaluate as object ("accept")
    trade: tuple[str, ...] = ()  # openers of a trade ("in return for"): refused after a negation
    clause_terms: tuple[str, ...] = ()  # terms only as a clause's first word (", provided the ...")
    rejection: tuple[str, ...] = ()  # verbs that turn a proposal down ("rejected", "ruled out")
    request: tuple[str, ...] = ()  # cues that ask someone to act ("asked Kyiv to reject ...")
    verdict: tuple[str, ...] = ()  # predicates that turn down what they are said of ("is unacceptable")
    proposal: tuple[str, ...] = ()  # nouns naming something put on the table ("proposal", "plan")
    counter_proposal: tuple[str, ...] = ()  # the other side's alternative to the plan
    scheduling: tuple[str, ...] = ()  # arrangements of talks ("on Monday", "arrived"): frame_signals
    cue_verbs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AppraisalLexicon:
    """General English word classes of judging (praise, failure, a verdict held back) and of
    logistics (the calendar, travel, handling a text, no comment), from ``appraisal.yaml``:
    the language's, not the negotiation's, so every taxonomy shares them."""

    classes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """A validated issue taxonomy: issues in file order plus the stance lexicon."""

    name: str
    issues: tuple[Issue, ...]
    stance: StanceLexicon
    description: str = ""
    min_score: float = 1.0
    generic_secondary: float = 2.0
    context_weight: float = 1.0
    source: str = ""
    appraisal: AppraisalLexicon = field(default_factory=AppraisalLexicon)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.issues)

    def get(self, issue_id: str) -> Issue:
        for issue in self.issues:
            if issue.id == issue_id:
                return issue
        raise KeyError(issue_id)

    def pax_codes(self, issue_ids: list[str]) -> list[str]:
        """PA-X provision codes of the given issues, deduplicated in order (for exports)."""
        seen: dict[str, None] = {}
        for issue_id in issue_ids:
            for code in self.get(issue_id).pax:
                seen.setdefault(code, None)
        return list(seen)


def load_issues(path: Path | None = None) -> Taxonomy:
    """Read a taxonomy file (default: the packaged one) and validate every entry."""
    ours = packaged("issues.yaml")
    path = path or ours
    where = str(path)
    raw = read_yaml(
        path, "issue taxonomy file", missing_hint="check the path given to --issues or REDLINE_ISSUES"
    )
    taxonomy = parse_issues(raw, where)
    if path != ours and isinstance(raw, dict) and "stance" not in raw:
        # The stance wording (negation, conditions, demands, refusals) is the language's, not
        # the negotiation's: a taxonomy written for other talks that leaves it out keeps ours,
        # or every statement it tags would read as neutral (read without the appraisal classes,
        # which every taxonomy gets below).
        stance = parse_issues(read_yaml(ours, "issue taxonomy file"), str(ours)).stance
        taxonomy = replace(taxonomy, stance=stance)
    return replace(taxonomy, appraisal=load_appraisal())


def load_appraisal(path: Path | None = None) -> AppraisalLexicon:
    """The appraisal and logistics word classes (default: the packaged ``appraisal.yaml``),
    which every taxonomy reads: English wording, like the stance lexicon's."""
    path = path or packaged(APPRAISAL_FILE)
    where = str(path)
    data = _mapping(read_yaml(path, "appraisal lexicon"), where, "the file")
    _no_unknown(data, set(APPRAISAL_CLASSES), where, "the top level")
    return AppraisalLexicon(
        {
            k: tuple(_pattern(p, where, k) for p in _strings(data.get(k, []), where, k))
            for k in APPRAISAL_CLASSES
        }
    )


def parse_issues(raw: Any, where: str = "<taxonomy>") -> Taxonomy:
    """Validate an already-parsed taxonomy mapping (the YAML document)."""
    doc = _mapping(raw, where, "the file")
    _no_unknown(doc, _TOP_KEYS, where, "the top level")
    name = _text(doc.get("name"), where, "name")
    settings = _mapping(doc.get("settings", {}), where, "settings")
    _no_unknown(settings, set(_SETTINGS), where, "settings")
    values = {k: _number(settings.get(k, d), where, f"settings.{k}") for k, d in _SETTINGS.items()}
    stance = _stance(doc.get("stance", {}), where)
    issues_raw = _mapping(doc.get("issues"), where, "issues")
    if not issues_raw:
        raise ConfigError(
            "the taxonomy defines no issues", where=where, hint="add at least one entry under issues:"
        )
    issues = tuple(_issue(str(k), v, where) for k, v in issues_raw.items())
    ids = {i.id for i in issues}
    for issue in issues:
        if issue.evaluated_as is not None and issue.evaluated_as not in ids:
            raise ConfigError(
                f"issues.{issue.id}.evaluated_as names {issue.evaluated_as!r}, which is not an issue",
                where=where,
            )
    return Taxonomy(
        name=name,
        issues=issues,
        stance=stance,
        description=str(doc.get("description") or ""),
        min_score=values["min_score"],
        generic_secondary=values["generic_secondary"],
        context_weight=values["context_weight"],
        source=where,
    )


def _issue(issue_id: str, raw: Any, where: str) -> Issue:
    entry = f"issues.{issue_id}"
    if not _ID.match(issue_id):
        raise ConfigError(f"issue id {issue_id!r} is not a lower_snake_case identifier", where=where)
    data = _mapping(raw, where, entry)
    _no_unknown(data, _ISSUE_KEYS, where, entry)
    terms = _terms(data.get("terms"), where, f"{entry}.terms")
    pax = _strings(data.get("pax", []), where, f"{entry}.pax")
    for code in pax:
        if not _PAX.match(code):
            raise ConfigError(
                f"{entry}.pax: {code!r} is not a PA-X provision code",
                where=where,
                hint="codes are letters and digits, e.g. StBor, TjAm",
            )
    priors_raw = _mapping(data.get("priors", {}), where, f"{entry}.priors")
    priors = {str(k): str(v) for k, v in priors_raw.items()}
    for party, stance in priors.items():
        if stance not in STANCES:
            raise ConfigError(
                f"{entry}.priors.{party}: {stance!r} is not a stance",
                where=where,
                hint=f"use one of {', '.join(STANCES)}",
            )
    flags = {}
    for flag, default in (("generic", False), ("evaluative", True)):
        value = data.get(flag, default)
        if not isinstance(value, bool):
            raise ConfigError(f"{entry}.{flag} must be true or false", where=where)
        flags[flag] = value
    if flags["generic"] and data.get("implied_by"):
        raise ConfigError(
            f"{entry}.implied_by: a generic frame is never added beside the model's issues",
            where=where,
            hint="list the wording under terms instead",
        )
    return Issue(
        id=issue_id,
        label=_text(data.get("label"), where, f"{entry}.label"),
        description=str(data.get("description") or ""),
        proposition=_text(data.get("proposition"), where, f"{entry}.proposition"),
        pax=pax,
        terms=terms,
        pro=tuple(
            _pattern(p, where, f"{entry}.pro") for p in _strings(data.get("pro", []), where, f"{entry}.pro")
        ),
        anti=tuple(
            _pattern(p, where, f"{entry}.anti")
            for p in _strings(data.get("anti", []), where, f"{entry}.anti")
        ),
        counter=tuple(
            _pattern(p, where, f"{entry}.counter")
            for p in _strings(data.get("counter", []), where, f"{entry}.counter")
        ),
        implied_by=tuple(
            _pattern(p, where, f"{entry}.implied_by")
            for p in _strings(data.get("implied_by", []), where, f"{entry}.implied_by")
        ),
        held_until=tuple(
            _pattern(p, where, f"{entry}.held_until")
            for p in _strings(data.get("held_until", []), where, f"{entry}.held_until")
        ),
        priors=priors,
        generic=flags["generic"],
        evaluative=flags["evaluative"],
        # the whole proposition, less its full stop: a label is a heading, and the pages set
        # it inside sentences of their own ("On the table: ... .")
        proposition_label=str(data.get("proposition_label") or "").strip()
        or _text(data.get("proposition"), where, f"{entry}.proposition").rstrip("."),
        evaluated_as=_evaluated_as(data.get("evaluated_as"), where, entry),
    )


def _terms(raw: Any, where: str, entry: str) -> tuple[Term, ...]:
    """Terms map each pattern to its weight; a plain list is read as weight 1 each, because
    that is what a first taxonomy written by hand usually looks like."""
    if isinstance(raw, list):
        raw = {pattern: 1.0 for pattern in _strings(raw, where, entry)}
    if raw is not None and not isinstance(raw, dict):
        raise ConfigError(
            f"{entry} must map each term to its weight, got {type(raw).__name__}",
            where=where,
            hint='write "terms: {hostage*: 2, exchange: 1}" or a plain list of terms (weight 1 each)',
        )
    terms_raw = _mapping(raw, where, entry)
    if not terms_raw:
        raise ConfigError(f"{entry} is empty", where=where, hint="an issue needs words to be found by")
    terms = tuple(
        Term(_pattern(str(k), where, entry), _number(v, where, f"{entry}.{k}", zero=True))
        for k, v in terms_raw.items()
    )
    if not any(t.weight for t in terms):
        raise ConfigError(f"{entry} gives every term weight 0", where=where, hint="0 only masks other terms")
    return terms


def _evaluated_as(value: Any, where: str, entry: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ID.match(value):
        raise ConfigError(f"{entry}.evaluated_as must be an issue id", where=where)
    return value


def _stance(raw: Any, where: str) -> StanceLexicon:
    data = _mapping(raw, where, "stance")
    _no_unknown(data, {*STANCE_LISTS, "cue_verbs"}, where, "stance")
    lists = {
        k: tuple(_pattern(p, where, f"stance.{k}") for p in _strings(data.get(k, []), where, f"stance.{k}"))
        for k in STANCE_LISTS
    }
    cues_raw = _mapping(data.get("cue_verbs", {}), where, "stance.cue_verbs")
    _no_unknown(cues_raw, set(_CUE_KINDS), where, "stance.cue_verbs")
    cues = {k: _strings(cues_raw.get(k, []), where, f"stance.cue_verbs.{k}") for k in _CUE_KINDS}
    return StanceLexicon(cue_verbs=cues, **lists)


def _mapping(value: Any, where: str, entry: str) -> dict[str, Any]:
    if value is None:
        raise ConfigError(f"{entry} is missing", where=where)
    if not isinstance(value, dict):
        raise ConfigError(f"{entry} must be a mapping, got {type(value).__name__}", where=where)
    return value


def _no_unknown(data: Mapping[str, Any], allowed: set[str], where: str, entry: str) -> None:
    unknown = sorted(set(map(str, data)) - allowed)
    if unknown:
        raise ConfigError(
            f"unknown key(s) {', '.join(unknown)} in {entry}",
            where=where,
            hint=f"allowed: {', '.join(sorted(allowed))}",
        )


def _text(value: Any, where: str, entry: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{entry} must be a non-empty string", where=where)
    return value.strip()


def _number(value: Any, where: str, entry: str, zero: bool = False) -> float:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or value < 0 or (value == 0 and not zero):
        what = "a number, 0 or more" if zero else "a positive number"
        raise ConfigError(f"{entry} must be {what}, got {value!r}", where=where)
    return float(value)


def _strings(value: Any, where: str, entry: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{entry} must be a list of non-empty strings", where=where)
    return tuple(v.strip() for v in value)


def _pattern(value: str, where: str, entry: str) -> str:
    words = value.split()
    if (
        not words
        or words[0] == "..."
        or words[-1] == "..."
        or any(a == b == "..." for a, b in itertools.pairwise(words))
    ):
        raise ConfigError(
            f"{entry}: malformed pattern {value!r}", where=where, hint="'...' must stand between two words"
        )
    return value


__all__ = [
    "APPRAISAL_CLASSES",
    "AppraisalLexicon",
    "Issue",
    "StanceLexicon",
    "Taxonomy",
    "Term",
    "load_appraisal",
    "load_issues",
    "parse_issues",
]
