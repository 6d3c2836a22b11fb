"""Issue F1 and stance accuracy on the talks set, cross-validated by article, through the full extractor.

    PYTHONPATH=src python benchmarks/talks_eval.py [--folds 5] [--rules-only] [--errors FILE] [--curve]

For each of 5 folds (articles shuffled with a fixed seed) the issue and stance classifiers are
trained on the other folds' articles with ``redline.training`` (what the training script calls),
then the whole extractor runs on the held-out articles with that fold's weights; each fold is scored and
printed, then all held-out output is scored once by ../shared/eval/score.py. Also printed: the
shipped weights in-sample on the same set (an upper bound, not a quality figure), the rules
alone, and the seed article. Prints figures; asserts nothing. Stance accuracy is the scorer's
(statements whose gold stance is not neutral); the all-statements 4-way stance accuracy is
printed beside it so that a classifier which never says "neutral" could not hide behind it.

The project-written statements (``scripts/written_statements.yaml``) join every fold's training
data at ``--written-weight`` (default the trainer's ``WRITTEN_WEIGHT``, 1) and never a test fold;
``--seed`` shuffles the articles into other folds, for gains too small to trust on one split.
``--batch-weight`` adds the project's annotated news batches (``--batches``, the trainer's list by
default) to every fold's training the same way, for the models in ``--batch-models``, their rows
rescaled to the talks rows' label shares with ``--batch-balance 1``.

``--errors FILE`` writes every held-out statement the scorer's rule matches to gold as a TSV
(gold and predicted first issue and stance, the content) and prints the commonest confusions:
the list to read before changing anything. ``--curve`` prints the cross-validated figures when
each fold trains on a quarter, half, three quarters and all of its training articles (scored on
matched statements without re-parsing, so a little off the scorer's figures): how much more
annotated news would buy, i.e. where the ceiling of this training set lies.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _issue_causes import report as issue_report  # noqa: E402
from _shared import load_module, load_scorer, require_shared  # noqa: E402

from redline.evaluation import documents  # noqa: E402
from redline.evaluation import folds as deal_folds  # noqa: E402
from redline.extract.pipeline import COMPONENT, Extractor  # noqa: E402
from redline.knowledge.classifiers import load_weights, parse_weights  # noqa: E402
from redline.model import Document  # noqa: E402

SEED = 0


def folds(ids: Sequence[str], k: int, seed: int = SEED) -> list[list[str]]:
    """The articles dealt into folds by ``redline train``'s rule, from their sorted ids."""
    return deal_folds(sorted(ids), k, seed)


def run(extractor: Extractor, docs: list[Document]) -> list[str]:
    return [json.dumps(e.to_dict()) for e in extractor.extract(docs, n_process=1)]


@dataclass
class HeldOut:
    """Each article extracted by models trained without its fold (the trainer's examples plus the
    written set): the cross-validated output every held-out figure reads."""

    trainer: Any
    extractor: Extractor
    examples: list[Any]
    written: list[Any]
    docs: dict[str, Document]

    def lines(
        self, k: int, seed: int, each: Callable[[int, list[str], list[str]], None] | None = None
    ) -> list[str]:
        """The extraction lines of every article, fold by fold (``each``: told every fold's)."""
        pipe = self.extractor.nlp.get_pipe(COMPONENT)
        out: list[str] = []
        for n, held in enumerate(folds(list(self.docs), k, seed)):
            held_set = set(held)
            train_ex = [e for e in self.examples if e.doc_id not in held_set] + self.written
            pipe.use_weights(parse_weights(self.trainer.train(train_ex, pipe.classifier), f"fold {n}"))
            fold_lines = run(self.extractor, [self.docs[i] for i in held])
            if each is not None:
                each(n, held, fold_lines)
            out += fold_lines
        return out


def held_out_lines(shared: Path, seed: int = SEED, k: int = 5) -> list[str]:
    """The talks set extracted fold by fold with the shipped training recipe (written set at its
    shipped weight): for benchmarks that read held-out output rather than the shipped weights'."""
    script = load_module("train_classifiers", HERE.parent / "scripts" / "train_classifiers.py")
    import redline.training as trainer  # the fitting the script calls (needs scikit-learn)

    articles = trainer.load_articles(shared / "data" / "talks")
    extractor = Extractor.load(rules_only=True)
    examples = trainer.build_examples(extractor, articles)
    written = trainer.build_examples(
        extractor, trainer.load_written(script.WRITTEN), script.WRITTEN_WEIGHT, True
    )
    if script.BATCH_WEIGHT > 0:
        batches = script.load_batches(script.BATCHES)
        written += trainer.build_examples(extractor, batches, script.BATCH_WEIGHT, batch=True)
    docs = {d.id: d for d in documents(articles)}
    return HeldOut(trainer, extractor, examples, written, docs).lines(k, seed)


def matched(
    gold: dict[str, Any], lines: list[str], match: Any
) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(document id, system statement, gold attribution) for every statement the scorer's rule
    matches to gold: what the 4-way figure and the error list both read."""
    for line in lines:
        o = json.loads(line)
        g = gold[o["document"]["id"]]
        statements = o["statements"]
        spans = [(s["content"]["start"], s["content"]["end"]) for s in statements]
        for s, index in zip(statements, match(g["text"], g["attributions"], spans), strict=True):
            if index is not None:
                yield o["document"]["id"], s, g["attributions"][index]


def stance_all(gold: dict[str, Any], lines: list[str], match: Any) -> tuple[int, int]:
    """4-way stance accuracy over every matched statement, neutral gold included."""
    n = ok = 0
    for _, s, a in matched(gold, lines, match):
        n += 1
        ok += int(s["stance"] == (a.get("stance") or "neutral"))
    return ok, n


def errors(gold: dict[str, Any], lines: list[str], match: Any, out: Path, frames: frozenset[str]) -> None:
    """Write the matched held-out statements as TSV and print the commonest confusions, then
    where the issue F1 is lost (``_issue_causes.py``; ``frames``: the taxonomy's generic issues)."""
    rows = ["doc\tparty\tgold_issues\tissues\tgold_stance\tstance\tcontent"]
    issue_pairs: Counter[tuple[str, str]] = Counter()
    stance_pairs: Counter[tuple[str, str, str, str]] = Counter()
    pairs: list[tuple[list[str], list[str]]] = []
    for doc_id, s, a in matched(gold, lines, match):
        gi, pi = list(a.get("issues") or []), list(s.get("issues") or [])
        pairs.append((gi, pi))
        gs, ps = a.get("stance") or "neutral", s["stance"]
        first = (gi[0] if gi else "-", pi[0] if pi else "-")
        if first[0] != first[1]:
            issue_pairs[first] += 1
        if gs != "neutral" and gi and gs != ps:
            stance_pairs[(first[0], first[1], gs, ps)] += 1
        party = (s.get("speaker") or {}).get("party")
        content = " ".join(str(a["content"]).split())
        rows.append(f"{doc_id}\t{party}\t{','.join(gi)}\t{','.join(pi)}\t{gs}\t{ps}\t{content}")
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} matched held-out statements to {out}")
    print(f"first issue wrong: {sum(issue_pairs.values())}; commonest (gold, predicted):")
    for (gold_issue, issue), n in issue_pairs.most_common(8):
        print(f"  {n:>4}  {gold_issue} -> {issue}")
    print(f"stance wrong (non-neutral gold): {sum(stance_pairs.values())}; commonest", end=" ")
    print("(gold issue, issue, gold stance, stance):")
    for key, n in stance_pairs.most_common(8):
        print(f"  {n:>4}  {' / '.join(key)}")
    print("\n".join(issue_report(pairs, frames)))


def curve(trainer: Any, pipe: Any, examples: list[Any], ids: list[str], k: int, written: list[Any]) -> None:
    """Cross-validated figures with a growing share of each fold's training articles."""
    from redline.extract.classify import StatementClassifier

    for share in (0.25, 0.5, 0.75, 1.0):
        tp = fp = fn = n = ok = 0
        sizes = []
        for f, held in enumerate(folds(ids, k)):
            held_set = set(held)
            pool = sorted(set(ids) - held_set)
            random.Random(f).shuffle(pool)
            keep = set(pool[: round(len(pool) * share)])
            sizes.append(len(keep))
            train = [e for e in examples if e.doc_id in keep] + written
            weights = parse_weights(trainer.train(train, pipe.classifier), f"curve {share}")
            classifier = StatementClassifier(
                pipe.classifier.taxonomy, weights, pipe.knowledge.actors.state_names()
            )
            for e in examples:
                if e.doc_id not in held_set or not e.extracted:
                    continue
                decision = classifier.decide(e.item)
                gi, pi = set(e.issues), set(decision.issues)
                tp, fp, fn = tp + len(gi & pi), fp + len(pi - gi), fn + len(gi - pi)
                if e.stance != "neutral" and e.issues:
                    n, ok = n + 1, ok + int(decision.stance == e.stance)
        print(
            f"  trained on ~{sum(sizes) / len(sizes):.0f} articles: stance_acc={ok / n:.3f}"
            f" issue_f1={2 * tp / (2 * tp + fp + fn):.3f}"
        )


def summary(label: str, r: dict[str, Any], extra: str = "") -> None:
    print(
        f"{label:<28} stance_acc={r['stance_accuracy']} (n={r['stance_n']}) issue_f1={r['issues']['f1']}"
        f" (p={r['issues']['p']} r={r['issues']['r']}) attribution_f1={r['attribution']['f1']}"
        f" speaker_acc={r['speaker_accuracy_on_matched']}{extra}"
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--rules-only", action="store_true", help="also score the rules without a model")
    parser.add_argument("--errors", type=Path, help="write the held-out matched statements here (TSV)")
    parser.add_argument("--curve", action="store_true", help="also print the learning curve")
    parser.add_argument("--seed", type=int, default=SEED, help="shuffle of the articles into folds")
    parser.add_argument("--written-weight", type=float, help="weight of the written statements (0: none)")
    parser.add_argument("--written-models", help="the models they train, e.g. issues,polarity")
    parser.add_argument(
        "--written-balance", type=int, help="1: rescale written rows to the talks' stance shares"
    )
    parser.add_argument("--batch-weight", type=float, help="weight of the annotated news batches (0: none)")
    parser.add_argument("--batches", help="which batches, e.g. unseen3,unseen5 (default: the trainer's)")
    parser.add_argument("--batch-models", help="the models the batches train, e.g. issues")
    parser.add_argument("--batch-balance", type=int, help="1: rescale batch rows to the talks' label shares")
    args = parser.parse_args(argv)
    shared = require_shared()
    score = load_scorer(shared)
    script = load_module("train_classifiers", HERE.parent / "scripts" / "train_classifiers.py")
    import redline.training as trainer  # the fitting the script calls (needs scikit-learn)

    talks = shared / "data" / "talks"
    articles = trainer.load_articles(talks)
    gold = score.load_gold([talks])
    docs = {d.id: d for d in documents(articles)}

    begin = time.perf_counter()
    extractor = Extractor.load(rules_only=True)
    pipe = extractor.nlp.get_pipe(COMPONENT)
    examples = trainer.build_examples(extractor, articles)
    extracted = sum(e.extracted for e in examples)
    print(
        f"talks set: {len(articles)} articles; training statements: {extracted} extracted and matched"
        f" to gold, {len(examples) - extracted} gold the extractor missed"
    )
    weight = script.WRITTEN_WEIGHT if args.written_weight is None else args.written_weight
    if args.written_balance is not None:
        trainer.WRITTEN_BALANCE = args.written_balance
    if args.written_models is not None:
        trainer.WRITTEN_MODELS = frozenset(args.written_models.split(","))
    written = (
        trainer.build_examples(extractor, trainer.load_written(script.WRITTEN), weight, True)
        if weight > 0
        else []
    )
    print(
        f"written set: {len(written)} statements in every fold's training data, weight {weight},"
        f" models {','.join(sorted(trainer.WRITTEN_MODELS))}, balance {trainer.WRITTEN_BALANCE}"
    )
    batch_weight = script.BATCH_WEIGHT if args.batch_weight is None else args.batch_weight
    if args.batch_models is not None:
        trainer.BATCH_MODELS = frozenset(args.batch_models.split(","))
    if args.batch_balance is not None:
        trainer.BATCH_BALANCE = args.batch_balance
    if batch_weight > 0:
        names = args.batches.split(",") if args.batches else script.BATCHES
        batch = trainer.build_examples(extractor, script.load_batches(names), batch_weight, batch=True)
        written += batch
        print(
            f"news batches: {len(batch)} statements of {len({e.doc_id for e in batch})} articles"
            f" ({','.join(names)}) in every fold's training data, weight {batch_weight},"
            f" models {','.join(sorted(trainer.BATCH_MODELS))}, balance {trainer.BATCH_BALANCE}"
        )

    if args.rules_only:
        r = score.score(gold, run(extractor, list(docs.values())))
        summary("rules only (no model)", r)

    def fold_summary(k: int, held: list[str], fold_lines: list[str]) -> None:
        summary(f"  fold {k} ({len(held)} articles)", score.score({i: gold[i] for i in held}, fold_lines))

    held_out = HeldOut(trainer, extractor, examples, written, docs)
    lines = held_out.lines(args.folds, args.seed, fold_summary)
    cv = score.score(gold, lines)
    ok, n = stance_all(gold, lines, trainer.match)
    summary(f"CV {args.folds}-fold by article", cv, f" stance_acc_all_4way={ok / n:.3f} (n={n})")
    if args.errors:
        frames = frozenset(i.id for i in pipe.classifier.taxonomy.issues if i.generic)
        errors(gold, lines, trainer.match, args.errors, frames)
    if args.curve:
        print("learning curve (CV by article, matched statements):")
        curve(trainer, pipe, examples, list(docs), args.folds, written)

    pipe.use_weights(load_weights())
    in_lines = run(extractor, list(docs.values()))
    ins = score.score(gold, in_lines)
    ok, n = stance_all(gold, in_lines, trainer.match)
    summary("shipped weights, in-sample", ins, f" stance_acc_all_4way={ok / n:.3f}")

    seed_gold = score.load_gold([shared / "seed" / "gold.json"])
    seed_text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    seed_id = next(iter(seed_gold))
    from datetime import date

    seed_doc = Document(id=seed_id, text=seed_text, published=date(2025, 11, 27))
    summary("seed (shipped weights)", score.score(seed_gold, run(extractor, [seed_doc])))
    print(f"({time.perf_counter() - begin:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
