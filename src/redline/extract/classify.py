"""Issues and stance of a statement: the rules where they are sure, the learned model elsewhere.

The lexicon tagger and the rule-based stance classifier run first; their outputs are features
of the learned models (``linear.py``), which decide what the rules leave open. Every decision
says who made it, in ``Decision.explain()``:

* issues: the model's tags with their probabilities ("model: territory p=0.91"), plus any issue
  the lexicon names outright that the model missed ("model+rule"); the rules' tags when the
  model finds no issue, or when no weights fit the taxonomy. The two generic frames (the plan
  as a whole, the process) compete: the second is kept only when it is likely by itself
  (``generic_pair``), since annotators seldom give both and the model often finds both likely;
* stance: the rule when its reason is one the training data showed to be precise
  (``ClassifierWeights.rule_sure``; none is, on the talks set) or when it reads a non-neutral
  stance the model does not all but rule out (``rule_floor``: the rules carry explicit wording,
  "never", "only if", that a thousand training statements cannot teach); the model otherwise,
  with "neutral" discounted (``neutral_factor``); once the four-way model finds a position,
  the side (support/oppose/conditional) is read by a three-way model trained on positions
  only, when the weights ship one (``polarity``). A statement with no recognised issue still gets
  the model's reading, since many positions are voiced before their topic is named.

Without weights (or with a user's taxonomy the weights were not trained for) everything is
rule-based, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redline.extract.features import StatementInput, issue_features, stance_features
from redline.extract.issues import IssueTagger
from redline.extract.stance import StanceClassifier, StanceResult
from redline.knowledge.classifiers import ClassifierWeights
from redline.knowledge.issues import Taxonomy

RULE_SURE_TERMS = 2.0  # term evidence from which the lexicon's issue is kept beside the model's


@dataclass(frozen=True, slots=True)
class Decision:
    """A statement's issues (primary first) and stance, with which component decided each and why."""

    issues: list[str]
    stance: str
    issues_by: str  # "rule" | "model" | "model+rule" (the model's issues plus ones the lexicon is sure of)
    issues_reason: str
    stance_by: str  # "rule" | "model"
    stance_reason: str

    def explain(self) -> dict[str, Any]:
        """The explanation users see (``redline extract --explain``)."""
        return {
            "issues": {"decided_by": self.issues_by, "why": f"{self.issues_by}: {self.issues_reason}"},
            "stance": {"decided_by": self.stance_by, "why": f"{self.stance_by}: {self.stance_reason}"},
        }


class StatementClassifier:
    """Tags issues and stance for statements; build once per corpus (patterns compile once)."""

    def __init__(self, taxonomy: Taxonomy, weights: ClassifierWeights | None = None) -> None:
        self.taxonomy = taxonomy
        self.tagger = IssueTagger(taxonomy)
        self.rules = StanceClassifier(taxonomy)
        self.weights = weights if weights is not None and weights.fits(taxonomy.ids) else None
        self._frames = frozenset(i.id for i in taxonomy.issues if i.generic)

    def decide(self, item: StatementInput) -> Decision:
        issues, issues_by, issues_reason = self.issues(item)
        stance = self.stance(item, issues)
        return Decision(issues, stance[0], issues_by, issues_reason, stance[1], stance[2])

    def issues(self, item: StatementInput) -> tuple[list[str], str, str]:
        """(issue ids, "rule"/"model", reason)."""
        evidence = self.tagger.evidence(item.content, item.context, item.previous)
        kept = self.tagger.select(evidence)
        rule_issues = [s.issue for s in kept]
        rule_reason = "; ".join(f"{s.issue} ({', '.join(s.words[:3])})" for s in kept) or "no issue terms"
        if self.weights is None:
            return rule_issues, "rule", rule_reason
        w = self.weights
        feats = issue_features(item, rule_issues, {k: v.terms for k, v in evidence.items()})
        probs = w.issues.probabilities(feats)
        ranked = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))
        chosen = [(i, p) for i, p in ranked if p >= w.issue_threshold][: w.max_issues]
        if not chosen and ranked[0][1] >= w.issue_floor:
            # a statement with some issue wording is nearly always about something: the best guess
            chosen = ranked[:1]
        if not chosen:
            if rule_issues:
                return rule_issues, "rule", f"{rule_reason} (model found none above {w.issue_floor:g})"
            return [], "model", f"no issue above {w.issue_floor:g} (best {ranked[0][0]} p={ranked[0][1]:.2f})"
        generic = {i.id for i in self.taxonomy.issues if i.generic}
        # the generic frames (the plan as a whole, the process) compete: annotators rarely give
        # both, while the model often finds both likely; the second needs strong evidence
        # (tried: the frame the lexicon names first, the likelier second; examples issue F1
        # 0.763 against 0.770)
        frames = [(i, p) for i, p in chosen if i in generic]
        if len(frames) > 1:
            first = frames[0][0]
            chosen = [(i, p) for i, p in chosen if i not in generic or i == first or p >= w.generic_pair]
        issues = [i for i, _ in chosen]
        reason = ", ".join(f"{i} p={p:.2f}" for i, p in chosen)
        # a frame with no wording of its own gives way to the frame the lexicon names outright
        # ("no final version of the plan" is about the plan, whatever the model leans to)
        named_frames = [s for s in kept if s.issue in generic and s.terms >= RULE_SURE_TERMS]
        unworded = [i for i in issues if i in generic and evidence.get(i) is None]
        decided_by = "model"
        if named_frames and unworded and named_frames[0].issue not in issues:
            frame = named_frames[0]
            issues = [frame.issue if i == unworded[0] else i for i in issues]
            reason += f"; rule: {frame.issue} ({', '.join(frame.words[:2])}) over {unworded[0]}"
            decided_by = "model+rule"
        # an issue the lexicon names outright ("Crimea", "recognise", "the plan") and the model
        # missed; not a second generic frame (the model already weighed the two)
        framed = any(i in generic for i in issues)
        sure = [
            s
            for s in kept
            if s.terms >= RULE_SURE_TERMS and s.issue not in issues and not (framed and s.issue in generic)
        ]
        if sure and len(issues) < w.max_issues:
            extra = sure[: w.max_issues - len(issues)]
            issues += [s.issue for s in extra]
            reason += "; rule: " + ", ".join(f"{s.issue} ({', '.join(s.words[:2])})" for s in extra)
            decided_by = "model+rule"
        # generic frames (the plan, the talks) go after named issues, as in the rules
        issues.sort(key=lambda i: i in generic)
        return issues, decided_by, reason

    def stance(self, item: StatementInput, issues: list[str]) -> tuple[str, str, str]:
        """(stance, "rule"/"model", reason) toward the first issue's proposition."""
        rule = self.rules.explain(item.content, issues, item.cue, item.party, item.kind)
        if self.weights is None:
            return rule.stance, "rule", rule.reason
        if self._rule_sure(rule):
            return rule.stance, "rule", rule.reason
        model = self.weights.stance
        frames = self._frames if self.weights.frames else frozenset()
        feats = stance_features(
            item, issues[0] if issues else None, rule.stance, rule.score, rule.tags, frames
        )
        probs = model.probabilities(feats)
        weighed = {c: p * (self.weights.neutral_factor if c == "neutral" else 1.0) for c, p in probs.items()}
        best = max(model.classes, key=lambda c: (weighed[c], c))
        if best != "neutral" and self.weights.polarity is not None:
            model = self.weights.polarity
            probs = model.probabilities(feats)
            best = max(model.classes, key=lambda c: (probs[c], c))
        if rule.stance not in ("neutral", best) and probs.get(rule.stance, 0.0) >= self.weights.rule_floor:
            # the model finds the rule's reading plausible: the rule's evidence is explicit, keep it
            return rule.stance, "rule", f"{rule.reason} (model p={probs[rule.stance]:.2f}, preferred {best})"
        top = ", ".join(f"{f}" for f, _ in model.contributions(feats, best))
        return best, "model", f"p={probs[best]:.2f} ({top}); rule said {rule.stance}"

    def _rule_sure(self, rule: StanceResult) -> bool:
        assert self.weights is not None
        return rule.stance != "neutral" and bool(self.weights.rule_sure & set(rule.tags))


__all__ = ["Decision", "StatementClassifier"]
