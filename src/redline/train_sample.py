"""A user's own issue and stance weights from a sample they annotated (``redline train``).

Another negotiation brings its own taxonomy, for which the shipped weights do not fit, so stance
and issues fall back to the rules. A few dozen statements annotated for that taxonomy are enough
to learn from: this module reads such a sample, checks it against the taxonomy in use, fits the
models with ``redline.training`` (the code that builds the shipped weights) and tells, by
cross-validation over the sample's documents, what the user gets compared with the rules alone.
Needs ``redline[train]`` (scikit-learn).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from redline.config import unknown_issue
from redline.errors import InputError
from redline.evaluation import documents, folds
from redline.extract.pipeline import Extractor
from redline.knowledge.classifiers import parse_weights
from redline.model import STANCES
from redline.training import build_examples, component, match, statements_of, train

# Below these the sample is too small to learn from; the command warns, and still writes the
# weights. Measured on the river-treaty sample (examples/selva, 16 documents, 52 statements that
# take a side): models trained on n random documents (6 draws each), scored on the rest, stance
# accuracy 0.53 / 0.49 / 0.48 / 0.58 / 0.63 from 2 / 4 / 6 / 8 / 10 documents (about 7 / 12 / 18 /
# 29 / 34 positions), against 0.52 for always answering the sample's commonest side and about
# 0.2 for the rules; 5-fold (about 13 documents) 0.62-0.67. Under 8 documents or 30 positions
# the model has learned how often each side is taken, not how it is worded.
MIN_DOCUMENTS = 8
MIN_POSITIONS = 30
DEFAULT_FOLDS = 5


def read_sample(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """The annotated documents of ``paths``: a ``.json`` file holding one document or a list of
    them, a ``.jsonl`` file with one document a line, or a folder of such files (sorted)."""
    out: list[dict[str, Any]] = []
    for path in paths:
        for where, raw in _records(path):
            out.append(_document(raw, where, f"{path.stem}-{len(out) + 1}"))
    if not out:
        raise InputError("the sample holds no documents", where=", ".join(map(str, paths)))
    twice = [i for i, n in Counter(d["id"] for d in out).items() if n > 1]
    if twice:  # folds are drawn by document id: two documents under one id would leak across
        raise InputError(f"document id {twice[0]!r} is used twice", hint="give each document its own id")
    return out


def _records(path: Path) -> Iterator[tuple[str, Any]]:
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.suffix in {".json", ".jsonl"} and not child.name.startswith("."):
                yield from _records(child)
        return
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the sample: {exc}", where=str(path)) from exc
    try:
        if path.suffix == ".jsonl":
            for n, line in enumerate(text.splitlines(), start=1):
                if line.strip():
                    yield f"{path}:{n}", json.loads(line)
            return
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc}", where=str(path)) from exc
    for n, item in enumerate(data if isinstance(data, list) else [data], start=1):
        yield (f"{path}#{n}" if isinstance(data, list) else str(path)), item


def _document(raw: Any, where: str, default_id: str) -> dict[str, Any]:
    """One annotated document, checked: each attribution's content lies in the text (at its
    ``start`` when given), its stance is one of redline's four."""
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise InputError('a document is an object with a "text" and its "attributions"', where=where)
    text = raw["text"]
    attributions = raw.get("attributions")
    if not isinstance(attributions, list):
        raise InputError('the document has no "attributions" list', where=where)
    checked = []
    for n, a in enumerate(attributions, start=1):
        at = f"{where}, attribution {n}"
        content = a.get("content") if isinstance(a, dict) else None
        if not isinstance(content, str) or not content.strip():
            raise InputError('an attribution needs its "content" (the words said, as in the text)', where=at)
        start = a.get("start")
        if start is None:
            start = text.find(content)
        if not isinstance(start, int) or start < 0 or text[start : start + len(content)] != content:
            raise InputError(f"the content {content[:40]!r} is not in the text (at its start)", where=at)
        stance = a.get("stance") or "neutral"
        if stance not in STANCES:
            raise InputError(f"stance {stance!r} is not one of {', '.join(STANCES)}", where=at)
        issues = a.get("issues") or []
        if not isinstance(issues, list) or not all(isinstance(i, str) for i in issues):
            raise InputError('"issues" is a list of issue ids', where=at)
        checked.append({**a, "start": start, "stance": stance, "issues": issues})
    published = raw.get("published")
    return {**raw, "id": str(raw.get("id") or default_id), "published": published, "attributions": checked}


def check_issues(sample: Sequence[dict[str, Any]], known: Sequence[str]) -> None:
    """An InputError naming the first issue id that the taxonomy in use does not have."""
    for doc in sample:
        for a in doc["attributions"]:
            bad = unknown_issue(a["issues"], known)
            if bad is not None:
                raise InputError(
                    bad[1], where=f"document {doc['id']}", hint="set REDLINE_ISSUES to the sample's taxonomy"
                )


@dataclass(frozen=True, slots=True)
class SampleSize:
    """What the sample holds, and whether that is enough to learn from."""

    documents: int
    statements: int
    stances: dict[str, int]

    @property
    def positions(self) -> int:
        return self.statements - self.stances.get("neutral", 0)

    def warning(self) -> str | None:
        """What is too small about the sample, or None."""
        if self.documents >= MIN_DOCUMENTS and self.positions >= MIN_POSITIONS:
            return None
        return (
            f"the sample is small ({self.documents} documents, {self.positions} statements that take"
            f" a side): below {MIN_DOCUMENTS} documents and {MIN_POSITIONS} such statements the"
            " model learns how often each side is taken rather than how it is worded; annotate more"
        )


def size(sample: Sequence[dict[str, Any]]) -> SampleSize:
    stances = Counter(a["stance"] for doc in sample for a in doc["attributions"])
    return SampleSize(len(sample), sum(stances.values()), dict(sorted(stances.items())))


def _learnable(sample: Sequence[dict[str, Any]]) -> None:
    """The models need both reports and positions, and positions of two sides at least."""
    stances = size(sample).stances
    sides = [s for s in stances if s != "neutral"]
    if not stances.get("neutral") or len(sides) < 2:
        has = ", ".join(f"{k} {v}" for k, v in stances.items())
        raise InputError(
            "the sample cannot teach stance: it needs neutral statements and statements of at least"
            f" two of support, oppose, conditional (it has {has})"
        )


def fit(
    extractor: Extractor, sample: Sequence[dict[str, Any]], source: str = "", *, model_issues: bool = True
) -> dict[str, Any]:
    """The weights document for ``sample``, recording the taxonomy it was trained for.
    ``extractor`` is rules-only and carries the user's settings (taxonomy, actors);
    ``model_issues`` False leaves issues to the lexicon and only stance to the models."""
    _learnable(sample)
    taxonomy = component(extractor).knowledge.taxonomy
    weights = train(build_examples(extractor, sample), component(extractor).classifier)
    weights["combine"]["model_issues"] = model_issues
    weights["about"] = "redline issue and stance classifiers trained by `redline train`" + (
        f" on {source}" if source else ""
    )
    weights["taxonomy"] = {"name": taxonomy.name, "issues": list(taxonomy.ids)}
    return weights


@dataclass
class _Tally:
    issue_tp: int = 0
    issue_fp: int = 0
    issue_fn: int = 0
    positions: int = 0  # matched statements whose gold takes a side on an issue
    positions_right: int = 0
    matched: int = 0
    stance_right: int = 0  # over every matched statement, neutral included

    def add(self, gold: dict[str, Any], predicted: dict[str, Any]) -> None:
        g, p = set(gold["issues"]), set(predicted["issues"])
        self.issue_tp += len(g & p)
        self.issue_fp += len(p - g)
        self.issue_fn += len(g - p)
        self.matched += 1
        self.stance_right += int(predicted["stance"] == gold["stance"])
        if gold["stance"] != "neutral" and gold["issues"]:
            self.positions += 1
            self.positions_right += int(predicted["stance"] == gold["stance"])

    def figures(self) -> dict[str, Any]:
        p = self.issue_tp / (self.issue_tp + self.issue_fp) if self.issue_tp + self.issue_fp else 0.0
        r = self.issue_tp / (self.issue_tp + self.issue_fn) if self.issue_tp + self.issue_fn else 0.0
        return {
            "issue_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "stance_accuracy": round(self.positions_right / self.positions, 3) if self.positions else None,
            "stance_right": self.positions_right,
            "positions": self.positions,
            "stance_4way": round(self.stance_right / self.matched, 3) if self.matched else None,
            "matched": self.matched,
        }


def cross_validate(
    extractor: Extractor, sample: Sequence[dict[str, Any]], k: int = DEFAULT_FOLDS, seed: int = 0
) -> dict[str, Any]:
    """Issue F1 and stance accuracy on each held-out document, by k-fold over the sample's
    documents: with the rules alone and with the rules plus the model trained on the other folds.
    Statements are scored where the extractor found them (the scorer's overlap rule); stance
    accuracy counts statements whose annotation takes a side on an issue, ``stance_4way`` all."""
    pipe = component(extractor)
    articles = {doc["id"]: doc for doc in sample}
    docs = {d.id: d for d in documents(sample)}
    examples = build_examples(extractor, sample)
    rules, model, stance_only = _Tally(), _Tally(), _Tally()
    parts = folds(list(articles), k, seed)
    try:
        for held in parts:
            held_set = set(held)
            held_docs = [articles[i] for i in held]
            pipe.use_weights(None)
            _score(extractor, held_docs, docs, rules)
            try:
                _learnable([articles[i] for i in articles if i not in held_set])
            except InputError:  # nothing to learn from without this fold: the rules stand
                _score(extractor, held_docs, docs, model)
                _score(extractor, held_docs, docs, stance_only)
                continue
            trained = parse_weights(
                train([e for e in examples if e.doc_id not in held_set], pipe.classifier), "cross-validation"
            )
            pipe.use_weights(trained)
            _score(extractor, held_docs, docs, model)
            pipe.use_weights(replace(trained, model_issues=False))
            _score(extractor, held_docs, docs, stance_only)
    finally:
        pipe.use_weights(None)
    return {
        "folds": len(parts),
        "seed": seed,
        "rules": rules.figures(),
        "model": model.figures(),
        "rules_issues": stance_only.figures(),
    }


def model_issues_help(figures: dict[str, Any] | None) -> bool:
    """Whether the issue model trained on the sample should tag issues: when it did better than
    the lexicon held out (without a cross-validation, it does)."""
    if figures is None:
        return True
    return bool(figures["model"]["issue_f1"] > figures["rules"]["issue_f1"])


def _score(extractor: Extractor, held: Sequence[dict[str, Any]], docs: dict[str, Any], tally: _Tally) -> None:
    for article in held:
        document = docs[article["id"]]
        raws = statements_of(extractor, document)
        gold = article["attributions"]
        matched = match(document.text, gold, [(r["content"][0], r["content"][1]) for r in raws])
        for raw, index in zip(raws, matched, strict=True):
            if index is not None:
                tally.add(gold[index], raw)


__all__ = [
    "MIN_DOCUMENTS",
    "MIN_POSITIONS",
    "SampleSize",
    "check_issues",
    "cross_validate",
    "fit",
    "folds",
    "model_issues_help",
    "read_sample",
    "size",
]
