"""Feature names for the learned issue and stance classifiers.

The learned models are linear over *named* features (``w=withdraw``, ``cue=insist``,
``party=russia``, ``rule=oppose``), hashed into a fixed number of buckets so the shipped weights
stay small and unseen words cost nothing. The same functions build the features for training
(``scripts/train_classifiers.py``) and at run time, so the two can never drift apart. No I/O,
no spaCy: a statement's words come from the lexicon normaliser, the rule outputs from the
rule-based tagger and stance classifier.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from redline.extract.lexicon import BOUNDARY, NEGATORS, words

# modal and polarity words kept as separate flags: they carry stance more than topic
_MODALS = frozenset({"must", "should", "will", "would", "can", "could", "may", "might", "shall", "need"})
_DEMAND_MODALS = frozenset({"must", "should", "need"})
_CONDITIONALS = frozenset({"if", "unless", "only", "provid", "condition", "until", "once"})
_STOP = frozenset(
    {"the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "by", "at", "from", "as", "that"}
    | {"this", "is", "are", "was", "be", "been", "were", "it", "its", "their", "his", "her", "they", "he"}
    | {"she", "we", "i", "you", "our", "has", "have", "had", "which", "who", "or", "but"}
)
_CONTEXT_WORDS = 30


@dataclass(frozen=True, slots=True)
class StatementInput:
    """What the classifiers see of one statement: its words, where it was said, by whom.

    ``context`` is the sentence around the content and ``previous`` the sentence before it (for
    anaphora); ``party`` is the speaker's party as the actor base gives it, or None.
    ``document`` is the whole text the statement was found in: a short reply ("it is theft")
    is about what the article is about, which its own words do not say.
    """

    content: str
    context: str = ""
    previous: str = ""
    cue: str | None = None
    party: str | None = None
    kind: str = "indirect"
    document: str = ""


@lru_cache(maxsize=1 << 16)
def bucket(feature: str, dims: int) -> int:
    """Stable hash of a feature name (crc32: the same on every run and platform, unlike hash());
    cached, as every model hashes the same words again for each statement."""
    return zlib.crc32(feature.encode("utf-8")) % dims


def _ngrams(tokens: Sequence[str], prefix: str) -> list[str]:
    out: list[str] = []
    prev = BOUNDARY
    for tok in tokens:
        if tok != BOUNDARY and not tok.isdigit():
            if tok not in _STOP:
                out.append(f"{prefix}{tok}")
            if prev != BOUNDARY:
                out.append(f"{prefix}{prev}_{tok}")
        prev = tok if not tok.isdigit() else BOUNDARY
    return out


def _cue_words(cue: str | None) -> list[str]:
    return [t for t in words(cue or "") if t != BOUNDARY]


def base_features(item: StatementInput) -> list[str]:
    """Features shared by both models: words, cue, party, kind, polarity and modality flags."""
    return list(_base_features(item))


@lru_cache(maxsize=256)
def _base_features(item: StatementInput) -> tuple[str, ...]:
    tokens = words(item.content)
    feats = _ngrams(tokens, "w=")
    context = item.context.replace(item.content, " ") if item.content in item.context else item.context
    feats += [f"c={t}" for t in words(context)[:_CONTEXT_WORDS] if t != BOUNDARY and t not in _STOP]
    cue = _cue_words(item.cue)
    feats.append(f"cue={cue[0]}" if cue else "cue=none")
    feats.append(f"party={item.party or 'none'}")
    feats.append(f"kind={item.kind}")
    present = set(tokens)
    feats += [f"neg={t}" for t in sorted(present & NEGATORS)]
    feats += [f"modal={t}" for t in sorted(present & _MODALS)]
    feats += [f"cond={t}" for t in sorted(present & _CONDITIONALS)]
    if "?" in item.content:
        feats.append("question")
    length = sum(1 for t in tokens if t != BOUNDARY)
    feats.append(f"len={min(length // 5, 6)}")
    return tuple(feats)


_VERDICTS = frozenset({"positive", "negative", "hedge"})
_LOGISTICS = frozenset({"time", "movement", "handling", "silence"})


def class_features(
    classes: Sequence[str], cue_classes: Sequence[str] = (), frames: Sequence[str] = ()
) -> list[str]:
    """The appraisal word classes of the content (``IssueTagger.word_classes``) and of the
    cue, whether the content judges (a verdict), reports logistics or both, and that crossed
    with the generic frames the content names ("talks" with praise is the plan as a whole,
    "talks" with a weekday the process). A class generalises from little data where single
    words do not."""
    verdict = bool(_VERDICTS.intersection(classes))
    logistic = bool(_LOGISTICS.intersection(classes))
    kind = {(True, False): "eval", (False, True): "log", (True, True): "both"}.get(
        (verdict, logistic), "none"
    )
    feats = [f"wc={c}" for c in classes] + [f"cwc={c}" for c in cue_classes] + [f"wck={kind}"]
    feats += [f"wck={kind}&{frame}" for frame in frames]
    return feats


def topic_features(topic: Sequence[str]) -> list[str]:
    """The document's main specific issues (``StatementClassifier.topic``), likeliest first."""
    return [f"doc={i}" for i in topic] + [f"doc1={topic[0] if topic else 'none'}"]


def issue_features(
    item: StatementInput,
    rule_issues: Sequence[str],
    evidence: dict[str, float],
    topic: Sequence[str] = (),
    order: Sequence[str] = (),
    near: Sequence[str] = (),
    signals: Sequence[str] = (),
) -> list[str]:
    """Base features plus what the lexicon tagger found: its tags (and which came first), the
    amount of term evidence per issue, binned, the document's topic, the issues the content
    itself names in the order it names them (``IssueTagger.order``), and the specific issues
    the text around the statement names (``StatementClassifier.near``)."""
    feats = base_features(item) + topic_features(topic)
    feats += [f"p={t}" for t in words(item.previous)[-_CONTEXT_WORDS:] if t != BOUNDARY and t not in _STOP]
    feats += [f"rule={i}" for i in rule_issues]
    feats.append(f"rule1={rule_issues[0]}" if rule_issues else "rule1=none")
    feats += [f"ev={issue}:{min(int(score), 4)}" for issue, score in sorted(evidence.items()) if score > 0]
    feats.append(f"firstterm={order[0] if order else 'none'}")
    feats += [f"order{i}={issue}" for i, issue in enumerate(order[:3])]
    feats += [f"near={issue}" for issue in near]
    feats += [f"sig={s}" for s in signals]
    return feats


def stance_features(
    item: StatementInput,
    issue: str | None,
    rule_stance: str,
    rule_score: float,
    rule_tags: Iterable[str],
    frames: frozenset[str] = frozenset(),
    topic: Sequence[str] = (),
) -> list[str]:
    """Base features plus the primary issue, the rule stance and its evidence, the
    party-by-issue pairs that carry a party's known positions, and the document's topic.

    Issues in ``frames`` (the generic ones: the plan as a whole, the process) are one value
    here: which of the two a statement is about is the issue tagger's least sure call, and a
    stance model that learned "process means neutral" turns every such slip into a lost position.
    """
    feats = base_features(item) + topic_features(topic)
    party = item.party or "none"
    issue = "frame" if issue in frames else issue or "none"
    sign = "pos" if rule_score > 0 else "neg" if rule_score < 0 else "zero"
    feats += [
        f"issue={issue}",
        f"party_issue={party}:{issue}",
        f"rule={rule_stance}",
        f"rule_issue={rule_stance}:{issue}",
        f"rule_party={rule_stance}:{party}",
        f"rule_sign={sign}:{issue}",
    ]
    cue = _cue_words(item.cue)
    if cue:
        feats.append(f"cue_issue={cue[0]}:{issue}")
    feats += [f"tag={t}" for t in sorted(set(rule_tags))]
    feats += [f"iw={issue}:{f[2:]}" for f in _ngrams(words(item.content), "w=") if "_" not in f]
    return feats


def side_features(item: StatementInput, issue: str | None, rule_tags: Iterable[str]) -> list[str]:
    """Extra features of the side model (support / oppose / conditional, once a position is
    found): the side as the guide frames it: whether *this party* refuses, demands or welcomes
    something about *this issue*. A refusal on territory is oppose from Kyiv and support from
    Moscow; the same words carry opposite sides, so polarity is crossed with party and issue.
    Talks CV, side model on positions (gold issue): 0.779 without, 0.794 with; end to end
    (predicted issue, gate) stance 0.670 -> 0.671, since the issue guess and the gate dominate.
    Also given to the four-way model or the gate: no gain (0.666), so the side model only.
    """
    party = item.party or "none"
    issue = issue or "none"
    tokens = set(words(item.content))
    tags = set(rule_tags)
    negated = bool(tokens & NEGATORS) or any(t.endswith("_neg") for t in tags)
    demand = bool(tokens & _DEMAND_MODALS) or bool(tags & {"obligation", "demand"})
    welcome = bool(tags & {"pro", "positive"})
    flags = (("neg", negated), ("dem", demand), ("pos", welcome))
    polarity = "".join(name for name, on in flags if on) or "flat"
    return [
        f"ppi={party}:{issue}:{polarity}",
        f"pp={party}:{polarity}",
        f"ip={issue}:{polarity}",
        f"pneg={party}:{issue}:{negated}",
        f"pdem={party}:{issue}:{demand}",
        f"ppos={party}:{issue}:{welcome}",
        f"pn={party}:{negated}",
    ]


def position_features(
    item: StatementInput, rule_stance: str, rule_tags: Iterable[str], classes: Sequence[str] = ()
) -> list[str]:
    """Features of whether a statement voices a position at all, with nothing about its issue.

    The gate that separates positions from reports must not learn "process means neutral" or
    "no issue means neutral": at run time the issue is the tagger's guess, and a wrong guess
    would silence a position the words plainly carry. ``classes``: whether the words judge or
    report logistics (``StatementClassifier.word_classes``), read from the words alone.
    """
    feats = base_features(item)
    party = item.party or "none"
    feats += [f"rule={rule_stance}", f"rule_party={rule_stance}:{party}"]
    cue = _cue_words(item.cue)
    if cue:
        feats.append(f"cue_party={cue[0]}:{party}")
    feats += [f"tag={t}" for t in sorted(set(rule_tags))]
    feats += classes
    return feats


__all__ = [
    "StatementInput",
    "base_features",
    "bucket",
    "class_features",
    "issue_features",
    "position_features",
    "side_features",
    "stance_features",
    "topic_features",
    "words",
]
