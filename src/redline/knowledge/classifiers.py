"""Load the shipped weights of the learned issue and stance classifiers (``classifiers.json``).

The weights are data like the lexicons: rebuilt by ``scripts/train_classifiers.py``, read here
(the only I/O) and handed to the extractor as typed objects. They were trained for one issue
taxonomy; ``ClassifierWeights.fits`` tells the extractor whether they apply to the taxonomy in
use, so a user's own taxonomy falls back to the rules instead of getting foreign labels.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.extract.linear import LinearModel, bucket_memo
from redline.knowledge import packaged
from redline.knowledge.issues import Taxonomy
from redline.memo import Memo

WEIGHTS_FILE = "classifiers.json"
FORMAT = 1


@dataclass(frozen=True, slots=True)
class ClassifierWeights:
    """Both learned models plus how they combine with the rules."""

    issues: LinearModel  # one-vs-rest over the taxonomy's issue ids
    stance: LinearModel  # softmax over the four stances
    issue_threshold: float  # an issue is tagged from this probability on
    issue_floor: float  # with nothing above the threshold, the best issue is kept from this on
    max_issues: int
    neutral_factor: float  # "neutral" must win by this factor: a report is not a position
    rule_floor: float  # a non-neutral rule stance stands when the model gives it this probability
    rule_sure: frozenset[str]  # rule reasons precise enough that the rule decides stance
    trained_on: str = ""
    # support/oppose/conditional learned from positions only: reads the side once the softmax
    # over all four stances has found that a position is voiced
    polarity: LinearModel | None = None
    generic_pair: float = 1.0  # a second generic frame (plan and process) is kept from this on
    frames: bool = False  # the stance model reads the generic issues as one "frame" (features.py)
    # position or report, judged without the issue (features.position_features); when shipped it
    # replaces the four-way model's neutral decision, and the polarity model reads the side
    gate: LinearModel | None = None
    gate_threshold: float = 0.5  # a position is read from this probability on
    # softmax over the first-listed issue (or "none"): one primary issue per statement
    primary: LinearModel | None = None
    # per-stance exceptions to ``rule_floor``: a rule "oppose" from negative words is often aimed
    # at the other side's counter-position ("not acceptable to Moscow" of Europe's amendments)
    rule_floors: Mapping[str, float] = field(default_factory=dict)
    # how strongly a side is weighed with the same party's other positions in the document
    # (0: not at all), and how much a position on another first issue counts there
    context: float = 0.0
    context_other: float = 0.5
    # how far a statement's issue probabilities move toward its neighbours' (0: not at all),
    # and how much a neighbour by another party counts
    issue_context: float = 0.0
    issue_context_other: float = 0.5
    # the taxonomy the weights were trained for, by name (``redline train`` records it)
    taxonomy: str = ""
    # issues from the issue model (else from the lexicon, the stance models still deciding
    # stance): ``redline train`` keeps the lexicon's when the sample's cross-validation says the
    # model trained on it tags issues worse
    model_issues: bool = True

    def floor(self, stance: str) -> float:
        """The model probability from which the rule's ``stance`` stands."""
        return self.rule_floors.get(stance, self.rule_floor)

    def fits(self, issue_ids: tuple[str, ...]) -> bool:
        """The issue model was trained for exactly these issues."""
        return set(self.issues.classes) == set(issue_ids)


def load_weights(path: Path | None = None) -> ClassifierWeights | None:
    """The weights at ``path`` (default: the packaged file); None when no file is shipped."""
    if path is None:
        path = packaged(WEIGHTS_FILE)
        if not path.exists():
            return None
    where = str(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError("classifier weights not found", where=where) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the classifier weights: {exc}", where=where) from exc
    return parse_weights(raw, where)


def parse_weights(raw: Any, where: str = "<weights>") -> ClassifierWeights:
    """Validate an already-parsed weights document."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ConfigError(
            f"not a redline classifier weights file (format {FORMAT})",
            where=where,
            hint="rebuild it with scripts/train_classifiers.py",
        )
    shared: dict[int, Memo[str, int]] = {}  # one bucket memo per number of buckets

    def _model(raw: dict[str, Any], *, multilabel: bool) -> LinearModel:
        return _read_model(raw, multilabel, shared)

    try:
        combine = raw["combine"]
        return ClassifierWeights(
            issues=_model(raw["issues"], multilabel=True),
            stance=_model(raw["stance"], multilabel=False),
            issue_threshold=float(combine["issue_threshold"]),
            issue_floor=float(combine["issue_floor"]),
            max_issues=int(combine["max_issues"]),
            generic_pair=float(combine.get("generic_pair", 1.0)),
            frames=bool(combine.get("frames", False)),
            neutral_factor=float(combine["neutral_factor"]),
            rule_floor=float(combine["rule_floor"]),
            rule_sure=frozenset(str(t) for t in combine["rule_sure"]),
            trained_on=str(raw.get("trained_on", "")),
            polarity=_model(raw["polarity"], multilabel=False) if raw.get("polarity") else None,
            gate=_model(raw["gate"], multilabel=False) if raw.get("gate") else None,
            gate_threshold=float(combine.get("gate_threshold", 0.5)),
            primary=_model(raw["primary"], multilabel=False) if raw.get("primary") else None,
            rule_floors={str(k): float(v) for k, v in (combine.get("rule_floors") or {}).items()},
            context=float(combine.get("context", 0.0)),
            context_other=float(combine.get("context_other", 0.5)),
            issue_context=float(combine.get("issue_context", 0.0)),
            issue_context_other=float(combine.get("issue_context_other", 0.5)),
            taxonomy=str((raw.get("taxonomy") or {}).get("name", "")),
            model_issues=bool(combine.get("model_issues", True)),
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ConfigError(f"malformed classifier weights: {exc!r}", where=where) from exc


def check_taxonomy(weights: ClassifierWeights, taxonomy: Taxonomy, where: str) -> None:
    """A ConfigError when ``weights`` were trained for other issues than ``taxonomy``'s: weights a
    user chose must not be dropped in silence (the packaged ones fall back to the rules)."""
    if weights.fits(taxonomy.ids):
        return
    trained = ", ".join(weights.issues.classes)
    named = f" ({weights.taxonomy!r})" if weights.taxonomy else ""
    raise ConfigError(
        f"the classifier weights were trained for the issues {trained}{named}; the taxonomy in use"
        f" ({taxonomy.name!r}) has {', '.join(taxonomy.ids)}",
        where=where,
        hint="set REDLINE_ISSUES to the taxonomy they were trained with, retrain them with"
        " `redline train`, or unset REDLINE_CLASSIFIERS",
    )


def _read_model(raw: dict[str, Any], multilabel: bool, shared: dict[int, Memo[str, int]]) -> LinearModel:
    classes = tuple(str(c) for c in raw["classes"])
    bias = tuple(float(b) for b in raw["bias"])
    if len(bias) != len(classes):
        raise ValueError("bias and classes differ in length")
    weights: dict[int, tuple[tuple[int, float], ...]] = {}
    for key, pairs in raw["weights"].items():
        entries = tuple((int(i), float(w)) for i, w in pairs)
        if any(not 0 <= i < len(classes) for i, _ in entries):
            raise ValueError(f"class index out of range in bucket {key}")
        weights[int(key)] = entries
    dims = int(raw["dims"])
    buckets = shared.get(dims)
    if buckets is None:
        buckets = shared[dims] = bucket_memo(dims)
    return LinearModel(
        classes=classes, dims=dims, bias=bias, weights=weights, multilabel=multilabel, buckets=buckets
    )


__all__ = ["WEIGHTS_FILE", "ClassifierWeights", "check_taxonomy", "load_weights", "parse_weights"]
