"""Where the stance rules and the learned model disagree, and who was right (issue 9).

    PYTHONPATH=src python benchmarks/arbitration_table.py [--talks-seeds 0,1,2] [--out FILE]

Records, for every statement matched to gold, what the rules read (stance, score, tags), what
the models read (position probability, the side model's probabilities after the party's other
positions are weighed in, how many of the content's words carry weight in the side model) and
what was decided, on three kinds of text: the talks set held out (cross-validated by article,
each fold's weights trained as ``talks_eval.py`` trains them), the project's own batches
(``benchmarks/data/unseen*`` with stance gold) and the bundled examples, each with the shipped
weights. Prints the disagreement table (counts) and writes the rows as JSONL (``--out``), which
``--replay FILE`` reads to score the arbitration (``knowledge/arbitration.yaml``) without
extracting again. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _examples_score import align, judged_item  # noqa: E402
from _shared import load_module, load_scorer, require_shared  # noqa: E402
from examples_eval import system_output  # noqa: E402
from unseen_eval import DATA, WITH_ISSUES  # noqa: E402

from redline.examples import corpus_path, gold_documents  # noqa: E402
from redline.extract import classify  # noqa: E402
from redline.extract.classify import StatementClassifier, _Reading  # noqa: E402
from redline.extract.pipeline import Extractor  # noqa: E402
from redline.knowledge.arbitration import Arbitration, load_arbitration  # noqa: E402
from redline.knowledge.classifiers import load_weights  # noqa: E402

Row = dict[str, Any]
_RECORDS: dict[tuple[int, str], Row] = {}


def _record(r: _Reading, side: dict[str, float] | None, decided: tuple[str, str, str]) -> None:
    rule = r.rule
    row: Row = {
        "rule": rule.stance,
        "rule_score": round(rule.score, 3),
        "rule_tags": sorted(rule.tags),
        "final": decided[0],
        "by": decided[1],
        "why": decided[2],
        "fixed": r.fixed is not None,
    }
    if r.fixed is None and side is not None:
        row.update(
            voiced=r.voiced,
            gated=r.gated,
            side=side,
            terms=r.terms is not None,
            seen=classify.seen_share(r.model, r.feats) if r.model is not None else None,
            margins=_margins(r),
        )
    _RECORDS[hash(r.item.document), r.item.content] = row


def _margins(r: _Reading) -> dict[str, float] | None:
    """How far the side model's own reading (before context) prefers its side over the rule's:
    in all, from the content's words (``w=``, ``iw=``) and from everything else."""
    if r.model is None or r.side is None or r.rule.stance not in r.side:
        return None
    model = r.model
    best = max(r.side, key=lambda c: (r.side[c], c))  # type: ignore[index]
    a, b = model.classes.index(best), model.classes.index(r.rule.stance)
    logits = model.scores(r.feats)
    words = 0.0
    seen: set[int] = set()
    for f in r.feats:
        if not f.startswith(("w=", "iw=")):
            continue
        k = model._buckets[f]
        if k in seen:
            continue
        seen.add(k)
        entries = dict(model.weights.get(k, ()))
        words += entries.get(a, 0.0) - entries.get(b, 0.0)
    return {"total": logits[a] - logits[b], "words": words}


def _install() -> None:
    """Wrap the two places a stance is decided so that each reading is recorded."""
    original_reading = StatementClassifier._stance_reading
    original_finish = StatementClassifier._finish

    def reading(self: StatementClassifier, item: Any, decided: Any) -> _Reading:
        r = original_reading(self, item, decided)
        if r.fixed is not None:
            _record(r, None, r.fixed)
        return r

    def finish(self: StatementClassifier, r: _Reading, side: Any, note: str = "") -> Any:
        out = original_finish(self, r, side, note)
        _record(r, side, out[0])
        return out

    StatementClassifier._stance_reading = reading  # type: ignore[method-assign]
    StatementClassifier._finish = finish  # type: ignore[method-assign]


def _row(dataset: str, text: str, pred: Row, gold: Row) -> Row | None:
    content = pred["content"]
    said = text[int(content["start"]) : int(content["end"])]
    rec = _RECORDS.get((hash(text), said))
    if rec is None:
        return None
    return {
        "set": dataset,
        "gold": gold.get("stance") or "neutral",
        "gold_issues": list(gold.get("issues") or []),
        "issues": list(pred.get("issues") or []),
        "stance": pred.get("stance"),
        "content": " ".join(said.split())[:160],
        **rec,
    }


def _aligned(dataset: str, gold: list[Row], system: dict[str, list[Row]]) -> Iterator[Row]:
    for doc in gold:
        pairs, _ = align(doc, system.get(doc["id"], []))
        for pred, members in pairs:
            if not members or all(m.get("optional") for m in members):
                continue
            row = _row(dataset, doc["text"], pred, judged_item(members, pred))
            if row is not None:
                yield row


def batches(extractor: Extractor) -> Iterator[Row]:
    for name in sorted(WITH_ISSUES, key=lambda n: int(n[6:] or 1)):
        corpus = DATA / name / "articles.jsonl"
        gold = gold_documents(corpus, DATA / name / "gold.json")
        yield from _aligned(name, gold, system_output(extractor, gold, corpus))
    gold = gold_documents()
    yield from _aligned("examples", gold, system_output(extractor, gold, corpus_path()))


def talks(seed: int) -> Iterator[Row]:
    shared = require_shared()
    talks_eval = load_module("talks_eval", HERE / "talks_eval.py")
    trainer = load_module("train_classifiers", HERE.parent / "scripts" / "train_classifiers.py")
    score = load_scorer(shared)
    gold = score.load_gold([shared / "data" / "talks"])
    lines = talks_eval.held_out_lines(shared, seed)
    for doc_id, s, a in talks_eval.matched(gold, lines, trainer.match):
        row = _row(f"talks{seed}", gold[doc_id]["text"], s, a)
        if row is not None:
            yield row


def replay(row: Row, arbitration: Arbitration, gate_threshold: float, floors: dict[str, float]) -> str:
    """The stance the recorded reading gets under ``arbitration`` (what ``_finish`` decides)."""
    if row["fixed"] or row.get("side") is None:
        return str(row["final"])
    if row["gated"] and row["voiced"] < gate_threshold:
        return "neutral"
    side: dict[str, float] = row["side"]
    best = max(side, key=lambda c: (side[c], c))
    rule = row["rule"]
    decided = best
    if rule not in ("neutral", best):
        floor = floors.get(rule, floors["default"])
        if side.get(rule, 0.0) >= floor or arbitration.rule_stands(
            rule, row["rule_tags"], side[best], row["seen"]
        ):
            decided = rule
    return "conditional" if row["terms"] and decided == "support" else decided


def band(p: float) -> str:
    return "<0.6" if p < 0.6 else "0.6-0.8" if p < 0.8 else "0.8-0.9" if p < 0.9 else ">=0.9"


def seen_band(s: float | None) -> str:
    if s is None:
        return "-"
    return "<0.5" if s < 0.5 else "0.5-0.7" if s < 0.7 else "0.7-0.9" if s < 0.9 else ">=0.9"


def table(rows: list[Row], gate: float) -> None:
    """Counts of the statements where the rule read a side and the model another, by who was
    right, cut by rule tag, model probability band and vocabulary share."""
    scored = [r for r in rows if r["gold"] != "neutral" and r["gold_issues"]]
    print(f"matched statements: {len(rows)}; scored (non-neutral gold with issues): {len(scored)}")
    kinds: Counter[tuple[str, str, str]] = Counter()
    for r in rows:
        group = "talks" if r["set"].startswith("talks") else "batches+examples"
        if r["fixed"]:
            path = "fixed (rule sure / answer)"
        elif r.get("side") is None:
            path = "-"
        elif r["gated"] and r["voiced"] < gate and r["final"] == "neutral":
            path = "gate: no position"
        else:
            side = r["side"]
            best = max(side, key=lambda c: (side[c], c))
            if r["rule"] in ("neutral", best):
                path = "rule neutral" if r["rule"] == "neutral" else "agree"
            else:
                path = "disagree: rule won" if r["by"] == "rule" else "disagree: model won"
        ok = "right" if r["final"] == r["gold"] else "wrong"
        kinds[group, path, ok] += 1
    print("\n== decision path x right/wrong (all matched, 4-way) ==")
    for key in sorted(kinds):
        print(f"  {key[0]:<18} {key[1]:<28} {key[2]:<6} {kinds[key]}")
    print("\n== side disagreements (rule non-neutral, model's side another; voiced) ==")
    print("   set / rule tag-kind / model p band / seen band: rule-right model-right neither")
    cuts: dict[str, Counter[tuple[str, str]]] = {
        "tag": Counter(),
        "band": Counter(),
        "seen": Counter(),
        "rule": Counter(),
    }
    for r in rows:
        if r["fixed"] or r.get("side") is None or r["rule"] == "neutral" or r["gold"] == "neutral":
            continue
        if r["gated"] and r["voiced"] < gate:
            continue
        side = r["side"]
        best = max(side, key=lambda c: (side[c], c))
        if best == r["rule"]:
            continue
        who = "rule" if r["rule"] == r["gold"] else "model" if best == r["gold"] else "neither"
        group = "T" if r["set"].startswith("talks") else "B"
        for tag in r["rule_tags"] or ["(none)"]:
            cuts["tag"][f"{group} {tag}", who] += 1
        cuts["band"][f"{group} p(model side) {band(side[best])}", who] += 1
        cuts["seen"][f"{group} seen {seen_band(r['seen'])}", who] += 1
        cuts["rule"][f"{group} rule {r['rule']} / model {best}", who] += 1
    for name, counter in cuts.items():
        print(f" -- by {name}")
        for key in sorted({k for k, _ in counter}):
            print(
                f"   {key:<42} rule {counter[key, 'rule']:>3}  model {counter[key, 'model']:>3}"
                f"  neither {counter[key, 'neither']:>3}"
            )


def accuracy(
    rows: list[Row], arbitration: Arbitration | None, gate: float, floors: dict[str, float]
) -> dict[str, str]:
    """Stance accuracy per set on non-neutral gold with issues (the scorer's), and for the talks
    shuffles also 4-way over every matched statement (``talks_eval.py``'s), as decided or
    replayed under ``arbitration``."""
    out: dict[str, list[int]] = {}
    for r in rows:
        talks = r["set"].startswith("talks")
        key = r["set"] if talks or r["set"] == "examples" else "batches"
        stance = r["final"] if arbitration is None else replay(r, arbitration, gate, floors)
        keys = [key] if r["gold"] != "neutral" and r["gold_issues"] else []
        keys += [f"{key} 4-way"] if talks else []
        for k in keys:
            n_ok = out.setdefault(k, [0, 0])
            n_ok[0] += 1
            n_ok[1] += int(stance == r["gold"])
    return {k: f"{ok / n:.3f} ({ok}/{n})" for k, (n, ok) in sorted(out.items())}


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--talks-seeds", default="0,1,2", help="fold shuffles of the talks set ('' for none)")
    ap.add_argument("--out", type=Path, help="write the rows here (JSONL)")
    ap.add_argument("--replay", type=Path, help="read rows written before instead of extracting")
    args = ap.parse_args(argv)
    if args.replay:
        rows = [json.loads(line) for line in args.replay.read_text(encoding="utf-8").splitlines()]
    else:
        _install()
        rows = list(batches(Extractor.load()))
        for seed in [int(s) for s in args.talks_seeds.split(",") if s]:
            rows += list(talks(seed))
        if args.out:
            args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    weights = load_weights()  # every fold's weights share the shipped combination constants
    assert weights is not None
    gate = weights.gate_threshold
    table(rows, gate)
    floors = {"default": weights.rule_floor, **weights.rule_floors}
    print("\n== stance accuracy (non-neutral gold with issues; matched) ==")
    print("  as decided:", accuracy(rows, None, gate, floors))
    print("  replayed with knowledge/arbitration.yaml:", accuracy(rows, load_arbitration(), gate, floors))
    print("  replayed without it:", accuracy(rows, Arbitration(), gate, floors))


if __name__ == "__main__":
    main(sys.argv[1:])
