"""Point alignment quality on version pairs with known edits.

Start from synthetic plans written for this benchmark (benchmarks/_synthetic_plans.py), apply
random edit operations with a fixed seed (reword, merge, split, drop, add, move; every point
after an insertion or removal is renumbered), align the two versions with
``redline.analysis.align.align_versions`` and score the aligned pairs against the known ones.
A removed point counts as the pair (old, None) and an added one as (None, new), so that
precision and recall cover the whole alignment. Figures are printed per operation: the pairs
whose gold operation is that one, against the predicted pairs touching the same points.

Run: PYTHONPATH=src python benchmarks/alignment_quality.py [--seeds N]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _synthetic_plans import ADDED_POINTS, CEASEFIRE, POWER_SHARING, SYNONYMS, TRADE, WATER

from redline.analysis.align import align_versions
from redline.model import PlanVersion, Point

PLANS = {"ceasefire": CEASEFIRE, "trade": TRADE, "water": WATER, "power_sharing": POWER_SHARING}
OPERATIONS = ("reword", "merge", "split", "drop", "add", "move")
FILLERS = (" without delay", " as a matter of priority", " in good faith", " under agreed rules")

Item = tuple[str, list[int], str]  # new text, old indices, operation
Pair = tuple[str | None, str | None]


def reword(text: str, rng: random.Random, strength: float = 1.0) -> str:
    words = text.rstrip(".").split()
    out: list[str] = []
    changed = False
    for k, w in enumerate(words):
        key = w.lower().strip(",")
        if key in SYNONYMS and rng.random() < min(1.0, 0.6 * strength):
            out.append(SYNONYMS[key] + ("," if w.endswith(",") else ""))
            changed = True
        elif k > 0 and len(w) > 3 and rng.random() < 0.08 * strength:
            changed = True  # a dropped word
        else:
            out.append(w)
    if not changed or rng.random() < 0.4:
        out.append(rng.choice(FILLERS).strip())
    return " ".join(out) + "."


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def split_text(text: str) -> tuple[str, str] | None:
    body = text.rstrip(".")
    cuts = [i for i in range(len(body)) if body.startswith((", ", " and ", " with ", " but "), i)]
    cuts = [i for i in cuts if 0.25 * len(body) < i < 0.8 * len(body)]
    if not cuts:
        return None
    i = min(cuts, key=lambda c: abs(c - len(body) / 2))
    rest = body[i:].lstrip(", ").split(" ", 1)
    tail = rest[1] if rest[0] in {"and", "with", "but"} and len(rest) > 1 else " ".join(rest)
    return body[:i] + ".", "This also covers " + tail + "."


def edit(
    points: list[str], rng: random.Random, n_edits: int, strength: float = 1.0
) -> tuple[list[Item], list[Pair], dict[Pair, str]]:
    items: list[Item] = [(t, [i], "kept") for i, t in enumerate(points)]
    dropped: list[int] = []
    for _ in range(n_edits):
        op = rng.choice(OPERATIONS)
        plain = [k for k, it in enumerate(items) if it[2] == "kept"]
        if not plain:
            break
        k = rng.choice(plain)
        text, olds, _ = items[k]
        if op == "reword":
            items[k] = (reword(text, rng, strength), olds, "reword")
        elif op == "merge":
            if k + 1 >= len(items) or items[k + 1][2] != "kept" or items[k + 1][1][0] != olds[-1] + 1:
                continue
            merged = text.rstrip(".") + "; " + lower_first(items[k + 1][0])
            if rng.random() < 0.5:
                merged = reword(merged, rng, strength)
            items[k : k + 2] = [(merged, olds + items[k + 1][1], "merge")]
        elif op == "split":
            parts = split_text(text)
            if parts is None:
                continue
            items[k : k + 1] = [(parts[0], olds, "split"), (parts[1], olds, "split")]
        elif op == "drop":
            dropped += olds
            del items[k]
        elif op == "add":
            items.insert(rng.randrange(len(items) + 1), (rng.choice(ADDED_POINTS), [], "add"))
        elif op == "move":
            item = items.pop(k)
            far = [p for p in range(len(items) + 1) if abs(p - k) >= 3]
            items.insert(rng.choice(far), (item[0], item[1], "move"))
    gold: dict[Pair, str] = {}
    for j, (_, olds, op) in enumerate(items):
        if op == "kept" and olds[0] != j:
            op = "renumber"
        for i in olds or [None]:
            gold[(None if i is None else str(i + 1), str(j + 1))] = op
    for i in dropped:
        gold[(str(i + 1), None)] = "drop"
    return items, dropped, gold


def score(gold: set[Pair], predicted: set[Pair]) -> tuple[int, int, int]:
    tp = len(gold & predicted)
    return tp, len(predicted), len(gold)


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=12)
    parser.add_argument("--edits", type=float, default=0.35, help="edit operations per point")
    parser.add_argument("--strength", type=float, default=1.0, help="how hard rewording is (1 = default)")
    args = parser.parse_args()
    per_op: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    total = [0, 0, 0]
    pairs_run = 0
    for name, points in PLANS.items():
        for seed in range(args.seeds):
            rng = random.Random(f"{name}-{seed}")
            items, _, gold = edit(points, rng, max(1, round(args.edits * len(points))), args.strength)
            old = PlanVersion(
                plan=name, label="a", points=[Point(str(i + 1), t) for i, t in enumerate(points)]
            )
            new = PlanVersion(
                plan=name, label="b", points=[Point(str(j + 1), t) for j, (t, _, _) in enumerate(items)]
            )
            predicted = align_versions(old, new).pairs()
            pairs_run += 1
            for k, v in zip(range(3), score(set(gold), predicted), strict=True):
                total[k] += v
            for op in set(gold.values()):
                g = {p for p, o in gold.items() if o == op}
                olds = {p[0] for p in g if p[0] is not None}
                news = {p[1] for p in g if p[1] is not None}
                touching = {p for p in predicted if p[0] in olds or p[1] in news}
                for k, v in zip(range(3), score(g, touching), strict=True):
                    per_op[op][k] += v
    print(
        f"alignment quality on {pairs_run} synthetic version pairs ({len(PLANS)} plans x {args.seeds} seeds, "
        f"{args.edits} edit operations per point, reword strength {args.strength})"
    )
    print(f"{'operation':<10} {'gold pairs':>10} {'precision':>10} {'recall':>8} {'F1':>6}")
    for op in ("kept", "renumber", "reword", "merge", "split", "drop", "add", "move"):
        if op in per_op:
            tp, n_pred, n_gold = per_op[op]
            p, r, f = f1(tp, n_pred, n_gold)
            print(f"{op:<10} {n_gold:>10} {p:>10.3f} {r:>8.3f} {f:>6.3f}")
    p, r, f = f1(*total)
    print(f"{'all':<10} {total[2]:>10} {p:>10.3f} {r:>8.3f} {f:>6.3f}")


if __name__ == "__main__":
    main()
