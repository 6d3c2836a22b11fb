"""Tag a statement with the negotiation issues it is about.

Lexicon-based on purpose: every tag can be traced to the words that produced it
(``IssueTagger.explain``), a user's taxonomy works without training data, and tagging costs
microseconds per statement. Three rules go beyond counting words:

* anaphora: content that opens without a subject ("should focus on Donbas") or with a pronoun
  ("it could serve as ...") borrows the issues of the words just before it in the sentence;
  content whose only topic is "this"/"it" borrows from the whole sentence, and failing that from
  the sentence before it in the same paragraph;
* generic issues (``generic: true``, e.g. the plan as a whole) are the fallback topic: next to
  specific issues they need strong evidence (``generic_secondary``) and are listed last;
* the primary issue is the one with most evidence, counting the stance cues that target it,
  ties going to the issue mentioned first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from redline.extract.lexicon import (
    BOUNDARY,
    Hit,
    Pattern,
    PatternSet,
    find_all,
    looks_english,
    normalise,
    words,
)
from redline.knowledge.issues import Taxonomy
from redline.memo import Memo

_ANAPHORS = frozenset({"it", "this", "that", "these", "those", "they", "which", "such", "other", "them"})
_SUBJECTLESS = frozenset(
    {"should", "would", "will", "could", "can", "may", "might", "must", "shall", "is", "are", "was", "were"}
    | {"be", "has", "have", "had", "remain", "includ", "need", "ought"}
)
_ANTECEDENT_WINDOW = 8
_CUE_BONUS = 0.5
_MAX_ISSUES = 4
_TEXTS_REMEMBERED = 4096  # entries of each per-text memo (word classes, issue order), then it starts again


@dataclass(slots=True)
class IssueScore:
    """Evidence for one issue in one statement."""

    issue: str
    score: float = 0.0  # term evidence plus stance cues aimed at the issue: orders issues
    terms: float = 0.0  # term evidence only: decides whether the issue is kept
    first: int = 10**9
    words: list[str] = field(default_factory=list)


class IssueTagger:
    """Holds a taxonomy's compiled patterns; reuse one tagger for a whole corpus."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._generic = {i.id for i in taxonomy.issues if i.generic}
        self._terms: list[Pattern] = []
        self._cues: list[Pattern] = []
        for issue in taxonomy.issues:
            seen: dict[tuple[tuple[str, bool, bool], ...], Pattern] = {}
            for term in issue.terms:
                p = Pattern.compile(term.pattern, term.weight, issue.id)
                if p.steps not in seen or seen[p.steps].weight < p.weight:
                    seen[p.steps] = p
            self._terms.extend(seen.values())
            self._cues.extend(Pattern.compile(c, _CUE_BONUS, issue.id) for c in (*issue.pro, *issue.anti))
        self._term_set = PatternSet(self._terms)  # documents and their windows: the terms alone
        self._implied = PatternSet(
            Pattern.compile(w, 1.0, issue.id) for issue in taxonomy.issues for w in issue.implied_by
        )
        self._redirect = {i.id: i.evaluated_as for i in taxonomy.issues if i.evaluated_as}
        lex = taxonomy.stance
        # a statement's words (and the words before it) are read for all of these in one pass
        # (``PatternSet.grouped``), where a set each read them five times
        self._words = PatternSet.grouped(
            {
                "terms": self._terms,
                "cues": self._cues,
                "evaluation": [Pattern.compile(w) for w in lex.appraisal],
                "verdict": [Pattern.compile(w) for w in (*lex.appraisal, *lex.positive, *lex.negative)],
                "scheduling": [Pattern.compile(w) for w in lex.scheduling],
            }
        )
        # the last content read: its hits by group, the term hits and stance-cue hits that count,
        # kept for ``order`` and ``frame_signals``, which read the same words again right after
        # ``evidence`` (the very tuple ``words`` returned, so an identity test finds it)
        self._last_read: tuple[Sequence[str], Mapping[str, list[Hit]], list[Hit], list[Hit]] | None = None
        # text -> its classes: the issue model and the position gate both ask for the same
        # content and cue (``StatementClassifier.word_classes``)
        self._word_classes = Memo(self._classes_named, _TEXTS_REMEMBERED)
        # content -> the issues it names in order (``order``): the issue model, the frame signals
        # and the position gate's word classes each ask for it, the gate long after the rest
        self._orders = Memo(self._issues_named, _TEXTS_REMEMBERED)
        praise = (*lex.appraisal, *lex.cue_verbs.get("support", ()))
        self._praise = PatternSet(Pattern.compile(w) for w in praise)
        # every class's patterns in one set, each tagged with its class: a text is matched in
        # one pass (seven, one per class, cost a tenth of the issue rules' time)
        self._class_names = [name for name, patterns in taxonomy.appraisal.classes.items() if patterns]
        self._classes = PatternSet(
            Pattern.compile(w, tag=name)
            for name, patterns in taxonomy.appraisal.classes.items()
            for w in patterns
        )

    def word_classes(self, text: str) -> list[str]:
        """The ``appraisal.yaml`` classes the text's words fall in ("positive", "time", ...), in
        the file's order: praise, a failure, a hedged verdict, a date or a trip, each as one
        feature, so that a word the training data never paired with a meeting still counts."""
        return list(self._word_classes[text])

    def _classes_named(self, text: str) -> tuple[str, ...]:
        named = {hit.pattern.tag for hit in find_all(self._classes, words(text))}
        return tuple(name for name in self._class_names if name in named)

    def frame_signals(
        self, content: str, cue: str | None = None, order: Sequence[str] | None = None
    ) -> list[str]:
        """What marks a statement as a verdict on the negotiations or as a fact about their
        arrangements, whichever issue words it uses, as features of the issue model.

        "Talks", "meeting" or "the draft" name both frames; annotators read a verdict ("the
        talks were difficult but useful", "a sound basis") as the plan as a whole, and the
        calendar, travel or who hands what to whom ("will meet on Thursday", "was taken to
        Moscow") as the process. Signals: a verdict in the content (``appraisal``, ``positive``
        and ``negative`` wording) or in the cue ("hailed"), scheduling wording, which of the two
        dominates (``frame=eval|sched|both|none``), and that crossed with the frame words the
        content uses. Grouped by the lexicon, so a weekday or a verdict the training data never
        paired with a frame still counts. Talks CV issue F1, three fold shuffles: 0.697 ->
        0.704, 0.683 -> 0.693, 0.678 -> 0.693.
        """
        found = self._read(words(content))[1]
        verdict = bool(found["verdict"])
        scheduling = bool(found["scheduling"])
        out = [name for name, on in (("appraisal", verdict), ("scheduling", scheduling)) if on]
        if cue and find_all(self._praise, words(cue)):
            out.append("cue_appraisal")
        kinds = {(True, False): "eval", (False, True): "sched", (True, True): "both"}
        frame = kinds.get((verdict, scheduling), "none")
        out.append(f"frame={frame}")
        # ``order``: the content's ``order`` when already read (the classifier reads it anyway)
        named = [i for i in (self.order(content) if order is None else order) if i in self._generic]
        out += [f"{frame}&{issue}" for issue in sorted(named)]
        return out

    def tag(self, content: str, context: str = "", previous: str = "") -> list[str]:
        """Issue ids for a statement, primary first; [] when nothing in the taxonomy applies.

        ``context`` is the sentence holding the content; ``previous`` the sentence before it in
        the same paragraph, where a pronoun's antecedent often is ("On the nuclear plant, the
        draft sets out two options. The US proposed that it be run jointly").
        """
        return [s.issue for s in self.explain(content, context, previous)]

    def explain(self, content: str, context: str = "", previous: str = "") -> list[IssueScore]:
        """The kept issues with their scores and the words that gave them, primary first."""
        return self._select(self.evidence(content, context, previous))

    def evidence(self, content: str, context: str = "", previous: str = "") -> dict[str, IssueScore]:
        """Every issue with any evidence, kept or not (the learned tagger weighs weak evidence too)."""
        tokens = words(content)
        if not looks_english(tokens):
            return {}
        _, found, term_hits, cue_hits = self._read(tokens)
        scores = self._scored(term_hits, cue_hits, 1.0, 0)
        if context:
            self._add_antecedent(scores, tokens, content, context)
        if previous and not self._tagged(scores) and _ANAPHORS & set(tokens):
            self._merge(scores, self._score(words(previous), self.taxonomy.context_weight, offset=-1))
        if self._redirect and found["evaluation"]:
            self._evaluated(scores)
        return scores

    def _read(
        self, tokens: Sequence[str]
    ) -> tuple[Sequence[str], Mapping[str, list[Hit]], list[Hit], list[Hit]]:
        """A statement's own words: their hits by group, and the term and stance-cue hits that
        count, from the last read when ``tokens`` is the same object (the hits are never
        changed in place)."""
        last = self._last_read
        if last is not None and last[0] is tokens:
            return last
        found = self._words.find_grouped(tokens)
        read = (tokens, found, *self._counted(found))
        self._last_read = read
        return read

    def _evaluated(self, scores: dict[str, IssueScore]) -> None:
        """An evaluation of an ``evaluated_as`` issue counts for its target ("productive talks"
        is a position on the negotiations), unless something specific is also named."""
        if any(s.terms >= self.taxonomy.min_score for i, s in scores.items() if i not in self._generic):
            return
        for source, target in self._redirect.items():
            s = scores.get(source)
            if s is None or s.terms < self.taxonomy.min_score:
                continue
            t = scores.setdefault(target, IssueScore(target))
            t.score, t.terms = max(t.score, s.score) + 1.0, max(t.terms, s.terms) + 1.0
            t.first = min(t.first, s.first)
            t.words.append(f"(evaluated) {', '.join(s.words[:2])}")
            s.score, s.terms = 0.0, 0.0

    def implied(self, content: str) -> list[tuple[str, str]]:
        """(issue, wording) for each issue whose ``implied_by`` wording the content's own words
        use, in the order first used: an issue in play whatever else the statement is about.

        A foreign force in Ukraine is the NATO point (no foreign troops there) under any name
        ("a reassurance force", "European contingents"), though the talks set's annotators
        filed a coalition's force under the guarantees and the issue model learnt from them;
        the wording is no model feature, so the model reads the talks set as before.
        """
        tokens = words(content)
        if not self._implied.patterns or not looks_english(tokens):
            return []
        seen: dict[str, str] = {}
        for hit in sorted(find_all(self._implied, tokens), key=lambda h: h.start):
            seen.setdefault(hit.pattern.tag, hit.pattern.source)
        return list(seen.items())

    def order(self, content: str) -> list[str]:
        """The issues the content's own words name, in the order they are first named.

        The first-named issue is usually what the statement is about ("the sanctions will stay
        until the ceasefire holds" is about sanctions), whatever the sentence around it adds;
        the learned tagger weighs this beside the evidence counts. An evaluation ("productive
        talks") names what it is ``evaluated_as``. Talks CV issue F1 0.679 ->
        0.691, first issue right 0.653 -> 0.658.
        """
        return list(self._orders[content])

    def _issues_named(self, content: str) -> tuple[str, ...]:
        named = (s for s in self.evidence(content).values() if s.terms > 0)
        return tuple(s.issue for s in sorted(named, key=lambda s: s.first))

    def select(self, scores: dict[str, IssueScore]) -> list[IssueScore]:
        """The issues the rules keep from ``evidence``, primary first."""
        return self._select(scores)

    def _tagged(self, scores: dict[str, IssueScore]) -> bool:
        return any(s.terms >= self.taxonomy.min_score for s in scores.values())

    @staticmethod
    def _merge(scores: dict[str, IssueScore], borrowed: dict[str, IssueScore]) -> None:
        for issue, extra in borrowed.items():
            s = scores.setdefault(issue, IssueScore(issue))
            s.score += extra.score
            s.terms += extra.terms
            s.first = min(s.first, extra.first)
            s.words.extend(f"(context) {w}" for w in extra.words)

    def term_hits(self, tokens: Sequence[str]) -> list[Hit]:
        """The issue terms in a token list that count, each word once per issue.

        Hits never cross a clause boundary, so the hits of a text are those of its stretches
        between boundaries (``nearby.NearbyTerms`` relies on this to read a document once).
        """
        return _counting(find_all(self._term_set, tokens))

    def _score(self, tokens: Sequence[str], factor: float, offset: int = 0) -> dict[str, IssueScore]:
        return self._scored(*self._counted(self._words.find_grouped(tokens)), factor, offset)

    @staticmethod
    def _counted(found: Mapping[str, list[Hit]]) -> tuple[list[Hit], list[Hit]]:
        """The issue terms that count (as ``term_hits``) and the stance cues that add to an
        issue they name, of a text read by ``_words``."""
        return _counting(found["terms"]), _per_issue_span(found["cues"])

    @staticmethod
    def _scored(
        term_hits: list[Hit], cue_hits: list[Hit], factor: float, offset: int
    ) -> dict[str, IssueScore]:
        scores: dict[str, IssueScore] = {}
        for hit in term_hits:
            s = scores.get(hit.pattern.tag)
            if s is None:  # (``setdefault`` would build a score for every hit)
                s = scores[hit.pattern.tag] = IssueScore(hit.pattern.tag)
            s.score += hit.pattern.weight * factor
            s.terms += hit.pattern.weight * factor
            s.first = min(s.first, hit.start + offset)
            s.words.append(hit.pattern.source)
        for hit in cue_hits:
            if hit.pattern.tag in scores:
                scores[hit.pattern.tag].score += hit.pattern.weight * factor
        return scores

    def _add_antecedent(
        self, scores: dict[str, IssueScore], tokens: Sequence[str], content: str, context: str
    ) -> None:
        words = [t for t in tokens if t != BOUNDARY]
        if not words:
            return
        before, _, _ = context.partition(content) if content in context else (context, "", "")
        tagged = self._tagged(scores)
        if words[0] in _ANAPHORS or words[0] in _SUBJECTLESS:
            window = [t for t in normalise(before) if t != BOUNDARY][-_ANTECEDENT_WINDOW:]
        elif not tagged and _ANAPHORS & set(words):
            window = [t for t in normalise(context.replace(content, " ")) if t != BOUNDARY]
        else:
            return
        self._merge(scores, self._score(window, self.taxonomy.context_weight, offset=-1))

    def _select(self, scores: dict[str, IssueScore]) -> list[IssueScore]:
        tax = self.taxonomy
        kept = [s for s in scores.values() if s.terms >= tax.min_score]
        specific = [s for s in kept if s.issue not in self._generic]
        generic = [s for s in kept if s.issue in self._generic]
        if specific:
            generic = [s for s in generic if s.terms >= tax.generic_secondary]
        specific.sort(key=lambda s: (-s.score, s.first))
        generic.sort(key=lambda s: (-s.score, s.first))
        return (specific + generic)[:_MAX_ISSUES]


def _counting(term_hits: list[Hit]) -> list[Hit]:
    """The term hits that count, each word once per issue."""
    return [
        hit
        for hit in _per_issue_span(term_hits)
        # a masking phrase ("legitimate target") wins its words, then counts for nothing
        if hit.pattern.weight
    ]


def _per_issue_span(hits: list[Hit]) -> list[Hit]:
    """Within one issue, a word counts once: keep the longest, then heaviest, pattern on it."""
    kept: list[Hit] = []
    by_issue: dict[str, list[Hit]] = {}
    for hit in hits:
        by_issue.setdefault(hit.pattern.tag, []).append(hit)
    for group in by_issue.values():
        taken: set[int] = set()
        for hit in sorted(group, key=lambda h: (-h.length, -h.pattern.weight, h.start)):
            span = set(range(hit.start, hit.end))
            if span & taken:
                continue
            kept.append(hit)
            taken |= span
    return kept


__all__ = ["IssueScore", "IssueTagger"]
