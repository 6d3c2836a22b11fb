"""Stance and issues on a batch no model was trained on: leave one batch out (issue 9).

    PYTHONPATH=src python benchmarks/batch_transfer.py [--variants 1:0,1:1] [--batches unseen3,...]

Why: the talks set's cross-validated stance (about 0.82) is read on articles from the same
sources, years and annotators as the training folds; every batch the project wrote and scored
once read far lower on first contact (0.42-0.60). A user runs redline on text nobody trained on,
so this prints the figure closest to that which the annotated data allows: for each batch with
stance gold (``unseen_eval.WITH_ISSUES``), the issue and stance models are trained on the talks
set, the written statements and every *other* batch (``training.build_examples(..., batch=True)``,
as ``scripts/train_classifiers.py --batch-weight`` does), and the full extractor scores the held-out
batch with those weights. Beside it, the same batches scored with the models trained on the talks
set and the written statements only (the shipped recipe, trained once; the same bytes as the
shipped weights when the rules have not changed since they were built). Per batch and pooled
(statements summed over batches) stance accuracy and issue F1, by the shared scorer.

Each ``--variants`` entry is ``WEIGHT:BALANCE`` (the batch rows' weight and
``training.BATCH_BALANCE``); ``--batch-models`` limits the model families the batches teach.

What it measures and what it does not: the *models* are held out from each scored batch (its
articles never reach training), so the gap between the two columns is what training on the
project's batches buys on a new batch, and the first column is a fair figure for the shipped
models on new text. The *rules* are not held out: the stance and issue rules (``extract/stance.py``,
``knowledge/*.yaml``) were revised after each batch's first run on that batch's misses, so both
columns overstate what the rules give on text nobody has read; the honest figure for the whole
extractor stays each batch's first run (CHANGELOG). The models read the rules' output as
features, so the rules' tuning reaches both columns alike. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _shared import as_date, load_module, load_scorer, require_shared  # noqa: E402
from unseen_eval import DATA, WITH_ISSUES  # noqa: E402

from redline.examples import gold_documents  # noqa: E402
from redline.extract.pipeline import COMPONENT, Extractor  # noqa: E402
from redline.knowledge.classifiers import parse_weights  # noqa: E402
from redline.model import Document  # noqa: E402

Figures = dict[str, float]


def batch_order(names: set[str]) -> list[str]:
    return sorted(names, key=lambda n: int(n.removeprefix("unseen") or 0))


def _docs(name: str) -> list[Document]:
    docs = []
    with (DATA / name / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                r = json.loads(line)
                docs.append(
                    Document(
                        id=r["id"],
                        text=r["text"],
                        published=as_date(r.get("published")),
                        outlet=r.get("outlet"),
                    )
                )
    return docs


def scored(score: Any, extractor: Extractor, name: str) -> Figures:
    """The batch extracted with the pipe's current weights, by the shared scorer: stance counts
    (right, judged), so that batches pool by statement, and issue F1 (the scorer gives no counts:
    pooled as the mean over batches)."""
    gold = {d["id"]: d for d in gold_documents(DATA / name / "articles.jsonl", DATA / name / "gold.json")}
    docs = [d for d in _docs(name) if d.id in gold]
    lines = [json.dumps(e.to_dict()) for e in extractor.extract(docs, n_process=1)]
    r = score.score(gold, lines)
    n = r["stance_n"]
    return {"n": n, "ok": round((r["stance_accuracy"] or 0) * n), "f1": r["issues"]["f1"]}


def _pooled(rows: list[Figures]) -> Figures:
    n, ok = sum(r["n"] for r in rows), sum(r["ok"] for r in rows)
    return {"n": n, "ok": ok, "f1": round(sum(r["f1"] for r in rows) / len(rows), 3)}


def _cell(r: Figures) -> str:
    acc = r["ok"] / r["n"] if r["n"] else 0.0
    return f"{acc:.3f} ({r['ok']:>3}/{r['n']:<3}) {r['f1']:.3f}"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--batches", help="the batches, e.g. unseen3,unseen5 (default: every one with stance gold)"
    )
    parser.add_argument(
        "--variants",
        help="WEIGHT:BALANCE of the batch rows, comma-separated (default: the shipped recipe, "
        "train_classifiers.BATCH_WEIGHT and training.BATCH_BALANCE)",
    )
    parser.add_argument("--batch-models", help="the model families the batches teach (default: all)")
    args = parser.parse_args(argv)
    shared = require_shared()
    score = load_scorer(shared)
    script = load_module("train_classifiers", HERE.parent / "scripts" / "train_classifiers.py")
    import redline.training as trainer  # the fitting the training script calls (needs scikit-learn)

    if args.batch_models:
        trainer.BATCH_MODELS = frozenset(args.batch_models.split(","))
    names = batch_order(set(args.batches.split(",")) if args.batches else set(WITH_ISSUES))
    begin = time.perf_counter()
    extractor = Extractor.load(rules_only=True)
    pipe = extractor.nlp.get_pipe(COMPONENT)
    base = trainer.build_examples(extractor, trainer.load_articles(shared / "data" / "talks"))
    base += trainer.build_examples(
        extractor, trainer.load_written(script.WRITTEN), script.WRITTEN_WEIGHT, True
    )
    shipped = f"{script.BATCH_WEIGHT or 1.0}:{trainer.BATCH_BALANCE}"
    chosen = args.variants or shipped
    variants = [(float(w), int(b)) for w, b in (v.split(":") for v in chosen.split(","))]
    by_batch = {
        (name, w): trainer.build_examples(extractor, script.load_batches([name]), w, batch=True)
        for name in names
        for w in {w for w, _ in variants}
    }
    print(f"{len(names)} batches: {','.join(names)}; talks and written rows: {len(base)}", flush=True)

    pipe.use_weights(parse_weights(trainer.train(base, pipe.classifier), "talks only"))
    columns: dict[str, dict[str, Figures]] = {"talks only": {}}
    for name in names:
        columns["talks only"][name] = scored(score, extractor, name)
        print(f"  {name:<10} talks only: {_cell(columns['talks only'][name])}", flush=True)
    for w, b in variants:
        trainer.BATCH_BALANCE = b
        label = f"+others w={w:g} bal={b}"
        columns[label] = {}
        for held in names:
            train = base + [e for (n, ww), rows in by_batch.items() if n != held and ww == w for e in rows]
            pipe.use_weights(parse_weights(trainer.train(train, pipe.classifier), f"without {held}"))
            columns[label][held] = scored(score, extractor, held)
            print(f"  {held:<10} {label}: {_cell(columns[label][held])}", flush=True)

    print("stance accuracy (right/judged), issue F1 (pooled: mean); each batch by models that never saw it")
    print(f"{'batch':<10}" + "".join(f"  {label:<28}" for label in columns))
    for name in names:
        print(f"{name:<10}" + "".join(f"  {_cell(col[name]):<28}" for col in columns.values()))
    print(
        f"{'pooled':<10}" + "".join(f"  {_cell(_pooled(list(col.values()))):<28}" for col in columns.values())
    )
    print(f"({time.perf_counter() - begin:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
