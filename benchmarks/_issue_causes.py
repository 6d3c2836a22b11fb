"""Where held-out issue F1 is lost, for ``talks_eval.py --errors``.

The scorer counts issues per statement as sets (a right issue anywhere in the list is a true
positive), so a wrong guess costs in one of a few places: the first issue (what a statement is
mainly about, and what its stance is read toward), an issue added after it, a gold issue after
the first left out, or a statement given issues when it has none (or none when it has some).
Two of those places are told apart here because sessions kept mending one while the other
held the loss: which of the two generic frames (the plan as a whole, the process) a statement
is about, and the rest. Each oracle mends one cause and leaves the rest as predicted; the F1 it
reaches is how much that cause can be worth, which is where work on the issue model should go.

Pure functions over (gold ids, predicted ids) pairs, primary first; no I/O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence

Pair = tuple[Sequence[str], Sequence[str]]  # (gold issue ids, predicted issue ids), primary first


def f1(pairs: Sequence[Pair]) -> float:
    """Issue F1 as the scorer counts it: per statement, the gold and predicted ids as sets."""
    tp = fp = fn = 0
    for gold, predicted in pairs:
        g, p = set(gold), set(predicted)
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def per_issue(pairs: Sequence[Pair]) -> dict[str, tuple[int, int, int]]:
    """Each issue id's (true positives, false positives, false negatives)."""
    counts: dict[str, Counter[str]] = {}
    for gold, predicted in pairs:
        g, p = set(gold), set(predicted)
        for issue in g | p:
            c = counts.setdefault(issue, Counter())
            c["tp"] += issue in g and issue in p
            c["fp"] += issue in p and issue not in g
            c["fn"] += issue in g and issue not in p
    return {i: (c["tp"], c["fp"], c["fn"]) for i, c in counts.items()}


def causes(pairs: Sequence[Pair], frames: Collection[str]) -> Counter[str]:
    """How many statements, false positives and false negatives each cause accounts for.

    ``frames``: the taxonomy's generic issues; a first issue that is one frame where the gold's
    is the other counts also as a frame swap.
    """
    out: Counter[str] = Counter()
    for gold, predicted in pairs:
        if not gold and predicted:
            out["no gold issue, some predicted: fp"] += len(predicted)
            continue
        if gold and not predicted:
            out["gold issues, none predicted: fn"] += len(gold)
            continue
        if not gold:
            continue
        if gold[0] != predicted[0]:
            out["first issue wrong: statements"] += 1
            out["first issue wrong: its fp"] += predicted[0] not in gold
            out["first issue wrong: gold first missed (fn)"] += gold[0] not in predicted
            if {gold[0], predicted[0]} <= set(frames):
                out["first issue wrong: one frame for the other"] += 1
        for issue in predicted[1:]:
            if issue not in gold:
                out["an issue after the first: fp"] += 1
                out[f"  after the first: {issue}"] += 1
        for issue in gold[1:]:
            if issue not in predicted:
                out["a gold issue after the first missed: fn"] += 1
                out[f"  missed after the first: {issue}"] += 1
    return out


def _mend(pairs: Sequence[Pair], fix: Callable[[list[str], list[str]], list[str]]) -> float:
    return f1([(gold, fix(list(gold), list(predicted))) for gold, predicted in pairs])


def ceilings(pairs: Sequence[Pair], frames: Collection[str]) -> dict[str, float]:
    """The F1 with one cause mended by an oracle, everything else as predicted."""
    fr = set(frames)

    def first_right(g: list[str], p: list[str]) -> list[str]:
        return g[:1] + [i for i in p if i not in g[:1]] if g else p

    def swapped(g: list[str], p: list[str]) -> list[str]:
        other = {i: (fr - {i}).pop() for i in fr} if len(fr) == 2 else {}
        return [other[i] if i in other and i not in g and other[i] in g else i for i in p]

    def frames_right(g: list[str], p: list[str]) -> list[str]:
        return [i for i in p if i not in fr or i in g] + [i for i in g if i in fr and i not in p]

    return {
        "as predicted": f1(pairs),
        "first issue only": _mend(pairs, lambda _g, p: p[:1]),
        "no more issues than the gold": _mend(pairs, lambda g, p: p[: len(g)] if g else []),
        "first issue right": _mend(pairs, first_right),
        "one frame for the other mended": _mend(pairs, swapped),
        "frames right (added, dropped, swapped)": _mend(pairs, frames_right),
        "no wrong issue after the first": _mend(pairs, lambda g, p: p[:1] + [i for i in p[1:] if i in g]),
        "no gold issue after the first missed": _mend(
            pairs, lambda g, p: p + [i for i in g[1:] if i not in p]
        ),
        "nothing for statements with no issue": _mend(pairs, lambda g, p: p if g else []),
    }


def report(pairs: Sequence[Pair], frames: Collection[str]) -> list[str]:
    """The causes, the oracles' F1 and the per-issue counts, as printed lines."""
    lines = ["issue F1 lost, by cause (statements, fp, fn):"]
    found = causes(pairs, frames)
    main = sorted(k for k in found if not k.startswith(" "))
    main.sort(key=lambda k: not k.startswith("first"))  # the commonest cause first
    lines += [f"  {found[key]:>5}  {key}" for key in main + sorted(k for k in found if k.startswith(" "))]
    lines.append("issue F1 with one cause mended by an oracle:")
    lines += [f"  {value:.3f}  {name}" for name, value in ceilings(pairs, frames).items()]
    lines.append("per issue: tp fp fn F1")
    counts = sorted(per_issue(pairs).items(), key=lambda kv: -(kv[1][1] + kv[1][2]))
    for issue, (tp, fp, fn) in counts:
        lines.append(f"  {issue:<22} {tp:>5} {fp:>5} {fn:>5} {2 * tp / (2 * tp + fp + fn):.3f}")
    return lines
