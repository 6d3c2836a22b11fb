"""Issue F1 and stance accuracy of the lexicon tagger/classifier on gold attributions.

The rules alone, on gold spans: a lexicon check. What users get (rules plus the learned models,
through the whole extractor, cross-validated on the talks set) is ``benchmarks/talks_eval.py``.

Runs IssueTagger and StanceClassifier on each gold attribution's content (with its sentence as
context, its cue and its speaker's party) and scores them as ../shared/eval/score.py does:
micro P/R/F1 over issue sets of required (non-optional) items, stance accuracy over items whose
gold stance is not neutral and that have issues.

    PYTHONPATH=src python benchmarks/issues_eval.py [GOLD.json ...] [-v]

GOLD is a seed-style file (attributions + article.txt beside it) or a corpus annotation file
with a "documents" list whose texts sit in articles.jsonl beside it (the examples corpus).
Default gold: ../shared/seed/gold.json. Speaker parties come from PARTIES below (a stand-in
until the actor knowledge base is wired in).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from redline.extract.issues import IssueTagger
from redline.extract.stance import StanceClassifier
from redline.knowledge.actors import load_actors
from redline.knowledge.issues import load_issues

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(
    (p for p in (ROOT / ".." / "shared", ROOT / ".." / ".." / "shared") if p.is_dir()), ROOT / ".." / "shared"
)
_PARTY_MEMBERS = {
    "russia": "vladimir putin|dmitry peskov|yuri ushakov|kirill dmitriev|sergei lavrov|sergei ryabkov|"
    "maria zakharova|kremlin|russia",
    "ukraine": "volodymyr zelensky|volodymyr zelenskyy|sergiy kyslytsya|andriy yermak|rustem umerov|"
    "andrii sybiha|ukraine",
    "united_states": "donald trump|steve witkoff|marco rubio|jd vance|dan driscoll|jared kushner|"
    "white house|united states",
    "europe": "friedrich merz|emmanuel macron|keir starmer|kaja kallas|ursula von der leyen",
}
PARTIES = {name: party for party, names in _PARTY_MEMBERS.items() for name in names.split("|")}
_SENT_END = re.compile(r"(?<=[.!?])[”\"’]?\s+|\n+")


def sentence_context(text: str, start: int, end: int) -> str:
    """The sentence(s) around [start, end): stands in for the pipeline's spaCy sentence."""
    bounds = [0] + [m.end() for m in _SENT_END.finditer(text)] + [len(text)]
    s = max(b for b in bounds if b <= start)
    e = min((b for b in bounds if b >= end), default=len(text))
    return text[s:e].strip()


def load_gold(gold_path: Path) -> list[tuple[str, list[dict[str, Any]]]]:
    """(text, attributions) per document, for either gold layout."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if "documents" in gold:
        lines = (gold_path.parent / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        texts = {o["id"]: o["text"] for o in map(json.loads, filter(None, lines))}
        return [(texts[d["id"]], d["attributions"]) for d in gold["documents"]]
    text = gold.get("text") or (gold_path.parent / "article.txt").read_text(encoding="utf-8")
    return [(text, gold["attributions"])]


def evaluate(gold_path: Path, verbose: bool) -> tuple[int, int, int, int, int]:
    return _evaluate(load_gold(gold_path), verbose)


def _evaluate(docs: list[tuple[str, list[dict[str, Any]]]], verbose: bool) -> tuple[int, int, int, int, int]:
    taxonomy = load_issues()
    tagger, classifier = IssueTagger(taxonomy), StanceClassifier(taxonomy, load_actors().state_names())
    tp = fp = fn = n = ok = 0
    items = [(text, a) for text, atts in docs for a in atts if not a.get("optional")]
    for text, a in items:
        start = a.get("start", text.find(a["content"]))
        context = sentence_context(text, start, start + len(a["content"]))
        party = PARTIES.get((a.get("speaker") or "").lower())
        issues = tagger.tag(a["content"], context)
        result = classifier.explain(a["content"], issues, a.get("cue"), party, a.get("type", "indirect"))
        g, p = set(a.get("issues") or []), set(issues)
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
        if a.get("stance") and a["stance"] != "neutral" and a.get("issues"):
            n += 1
            ok += int(result.stance == a["stance"])
        if verbose:
            mark = "" if (g == p and result.stance == a.get("stance")) else "  <-- "
            print(
                f"{mark}{a['content'][:70]!r}\n    gold {a.get('issues')} {a.get('stance')}"
                f" | got {issues} {result.stance} ({result.reason})"
            )
    return tp, fp, fn, n, ok


def speed(gold_path: Path, rounds: int = 200) -> float:
    """Statements per second for tagging plus stance (lexicons compiled once, outside the loop)."""
    taxonomy = load_issues()
    tagger, classifier = IssueTagger(taxonomy), StanceClassifier(taxonomy, load_actors().state_names())
    items = [(a["content"], a.get("cue")) for _, atts in load_gold(gold_path) for a in atts]
    begin = time.perf_counter()
    for _ in range(rounds):
        for content, cue in items:
            classifier.classify(content, tagger.tag(content), cue, None, "indirect")
    return rounds * len(items) / (time.perf_counter() - begin)


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if a != "-v"] or [SHARED / "seed" / "gold.json"]
    tp = fp = fn = n = ok = 0
    for path in paths:
        a, b, c, d, e = evaluate(path, verbose)
        tp, fp, fn, n, ok = tp + a, fp + b, fn + c, n + d, ok + e
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(
        json.dumps(
            {
                "issues": {
                    "p": round(p, 3),
                    "r": round(r, 3),
                    "f1": round(f, 3),
                    "tp": tp,
                    "fp": fp,
                    "fn": fn,
                },
                "stance_accuracy": round(ok / n, 3) if n else None,
                "stance_n": n,
                "statements_per_second": round(speed(paths[0])),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
