"""How far issue F1 can go on the talks set: a blind second annotation against the gold.

    PYTHONPATH=src python benchmarks/issue_agreement.py sheet [--out /tmp/agree/sheet.jsonl]
    PYTHONPATH=src python benchmarks/issue_agreement.py score [--lines FILE] [--seed 0]

``sheet`` draws a fixed sample (seed 31, about 300 statements, stratified by article) of the gold
statements and writes a blind annotation sheet: article id, span, speaker label, the statement
with its sentence, the sentence before it and the headline, but never the gold issues or stance.
The sheet holds third-party text and stays outside the repository.

``score`` reads the second annotator's labels (``data/issue_agreement.json``: article id, span,
issues, first-listed = main; no text) and prints, against the gold: issue F1 computed as
../shared/eval/score.py computes it on matched statements (micro over issue sets), per issue and
for plan_overall/process alone; Cohen's kappa on the main issue; the gold-vs-annotator confusion
between plan_overall and process. Then the same figures for redline's cross-validated output
(``talks_eval.py``'s held-out extraction, seed 0) on the sampled statements it matches, and
redline's issue F1 on the statements where annotator and gold agree: if the model is near human
level where the call is clear, the rest of the gap is the gold's own variance.

``--lines FILE`` caches the held-out extraction (JSONL, third-party offsets only in memory; keep
the file under /tmp): it is computed when the file is missing (about 5 minutes) and read after.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _shared import load_scorer, require_shared  # noqa: E402

SEED = 31
SIZE = 300
LABELS = HERE / "data" / "issue_agreement.json"
PAIR = ("plan_overall", "process")
Span = tuple[str, int, int]


def statements(gold: dict[str, Any], locate: Any) -> dict[Span, dict[str, Any]]:
    """Every gold statement by (article, start, end): layered sources sharing one content are
    one statement (their issues are the same in the whole set)."""
    out: dict[Span, dict[str, Any]] = {}
    for doc_id, g in sorted(gold.items()):
        for a in g["attributions"]:
            if a.get("optional"):
                continue
            s, e = locate(g["text"], a)
            out.setdefault((doc_id, s, e), a)
    return out


def sample(spans: Iterable[Span], size: int = SIZE, seed: int = SEED) -> list[Span]:
    """``size`` statements drawn at random within each article, each article's share in
    proportion to its statements (largest remainders round the shares to ``size``)."""
    by_doc: dict[str, list[Span]] = {}
    for sp in sorted(spans):
        by_doc.setdefault(sp[0], []).append(sp)
    total = sum(len(v) for v in by_doc.values())
    quota = {d: len(v) * size / total for d, v in by_doc.items()}
    take = {d: int(q) for d, q in quota.items()}
    rest = sorted(by_doc, key=lambda d: (-(quota[d] - take[d]), d))
    for d in rest[: size - sum(take.values())]:
        take[d] += 1
    rng = random.Random(seed)
    out: list[Span] = []
    for d in sorted(by_doc):
        out += rng.sample(by_doc[d], take[d])
    return sorted(out)


SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])|\n+")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int, int]:
    """(start of the previous sentence, start, end) of the sentence(s) around a span."""
    cuts = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    s = max(c for c in cuts if c <= start)
    e = min((c for c in cuts if c >= end), default=len(text))
    prev = max((c for c in cuts if c < s), default=s)
    return prev, s, e


def sheet(
    gold: dict[str, Any], spans: Sequence[Span], stmts: dict[Span, dict[str, Any]]
) -> list[dict[str, Any]]:
    rows = []
    for doc_id, s, e in spans:
        g, a = gold[doc_id], stmts[(doc_id, s, e)]
        text = g["text"]
        prev, ss, se = sentence_bounds(text, s, e)
        rows.append(
            {
                "id": doc_id,
                "start": s,
                "end": e,
                "speaker": a.get("speaker"),
                "title": g.get("title"),
                "before": " ".join(text[prev:ss].split()),
                "sentence": " ".join(text[ss:se].split()),
                "content": " ".join(text[s:e].split()),
            }
        )
    return rows


def f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def issue_counts(
    pairs: Sequence[tuple[list[str], list[str]]], only: set[str] | None = None
) -> tuple[int, int, int]:
    """The scorer's micro issue counts over (gold, other) issue lists, restricted to ``only``."""
    tp = fp = fn = 0
    for g, o in pairs:
        gs, os_ = set(g), set(o)
        if only is not None:
            gs, os_ = gs & only, os_ & only
        tp += len(gs & os_)
        fp += len(os_ - gs)
        fn += len(gs - os_)
    return tp, fp, fn


def kappa(a: Sequence[str], b: Sequence[str]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main_issue(issues: Sequence[str]) -> str:
    return issues[0] if issues else "-"


def pair_class(issues: Sequence[str]) -> str:
    m = main_issue(issues)
    return m if m in PAIR else "other"


def report(label: str, pairs: Sequence[tuple[list[str], list[str]]], other: str) -> list[str]:
    tp, fp, fn = issue_counts(pairs)
    lines = [f"{label}: {len(pairs)} statements, issue F1 {f1(tp, fp, fn):.3f} (tp {tp} fp {fp} fn {fn})"]
    tp2, fp2, fn2 = issue_counts(pairs, set(PAIR))
    rest = {i for g, o in pairs for i in g + o} - set(PAIR)
    tp3, fp3, fn3 = issue_counts(pairs, rest)
    lines.append(
        f"  plan_overall+process only: F1 {f1(tp2, fp2, fn2):.3f} (tp {tp2} fp {fp2} fn {fn2});"
        f" all other issues: F1 {f1(tp3, fp3, fn3):.3f} (tp {tp3} fp {fp3} fn {fn3})"
    )
    mains = [(main_issue(g), main_issue(o)) for g, o in pairs]
    lines.append(
        f"  main issue: agreement {sum(x == y for x, y in mains) / len(mains):.3f},"
        f" Cohen's kappa {kappa([x for x, _ in mains], [y for _, y in mains]):.3f};"
        f" identical issue sets {sum(set(g) == set(o) for g, o in pairs) / len(pairs):.3f}"
    )
    lines.append("  per issue (gold n, F1, tp/fp/fn):")
    issues = Counter(i for g, _ in pairs for i in g) + Counter(i for _, o in pairs for i in o)
    for issue, _ in issues.most_common():
        t, p_, n_ = issue_counts(pairs, {issue})
        lines.append(f"    {issue:<20} {t + n_:>4}  {f1(t, p_, n_):.3f}  {t}/{p_}/{n_}")
    classes = ["plan_overall", "process", "other"]
    table = Counter((pair_class(g), pair_class(o)) for g, o in pairs)
    lines.append(f"  main-issue confusion, rows gold, columns {other} ({', '.join(classes)}):")
    for g in classes:
        lines.append(f"    {g:<13}" + "".join(f"{table[(g, o)]:>8}" for o in classes))
    return lines


GENERIC = frozenset(PAIR)
Pairs = dict[Span, tuple[list[str], list[str]]]


def interval(a: Pairs, b: Pairs | None = None, rounds: int = 2000) -> tuple[float, float]:
    """95% interval of the issue F1 of ``a`` (minus that of ``b`` on the same statements, when
    given), the articles drawn with replacement: statements of one article are not independent."""
    by_doc: dict[str, list[Span]] = {}
    for sp in a:
        by_doc.setdefault(sp[0], []).append(sp)
    docs = sorted(by_doc)
    rng = random.Random(SEED)
    values = []
    for _ in range(rounds):
        spans = [sp for d in rng.choices(docs, k=len(docs)) for sp in by_doc[d]]
        value = f1(*issue_counts([a[sp] for sp in spans]))
        if b is not None:
            value -= f1(*issue_counts([b[sp] for sp in spans]))
        values.append(value)
    values.sort()
    return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]


def kind(gold: Sequence[str], other: Sequence[str]) -> str:
    """How two issue lists for one statement differ, by the structure of the difference."""
    g, o = set(gold), set(other)
    if g == o:
        return "same set" if main_issue(gold) == main_issue(other) else "same set, other main issue"
    if not g or not o:
        return "one side tags no issue"
    if g & o:
        extra, missing = o - g, g - o
        if extra <= GENERIC and missing <= GENERIC:
            what = "plan_overall/process"
        elif not (extra | missing) & GENERIC:
            what = "a specific issue"
        else:
            what = "a mix of issues"
        return f"share an issue, differ on {what} beside it"
    if g <= GENERIC and o <= GENERIC:
        return "plan_overall vs process, nothing shared"
    if g.isdisjoint(GENERIC) and o.isdisjoint(GENERIC):
        return "different specific issues, nothing shared"
    return "generic vs specific issue, nothing shared"


def kinds(label: str, pairs: Sequence[tuple[list[str], list[str]]]) -> list[str]:
    """Count of each kind of difference and the issue F1 points each costs (fp + fn)."""
    count: Counter[str] = Counter()
    cost: Counter[str] = Counter()
    for g, o in pairs:
        k = kind(g, o)
        count[k] += 1
        cost[k] += len(set(g) ^ set(o))
    lines = [f"{label}: kinds of difference (statements, fp+fn)"]
    lines += [f"  {n:>4}  {cost[k]:>4}  {k}" for k, n in count.most_common()]
    return lines


def held_out(shared: Path, path: Path | None, seed: int) -> list[str]:
    if path is not None and path.exists():
        return path.read_text(encoding="utf-8").splitlines()
    from talks_eval import held_out_lines

    lines = held_out_lines(shared, seed)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def predicted(gold: dict[str, Any], lines: Sequence[str], locate: Any) -> dict[Span, list[str]]:
    """redline's issues for every gold statement its output matches (the scorer's rule)."""
    import redline.training as trainer

    out: dict[Span, list[str]] = {}
    for line in lines:
        o = json.loads(line)
        doc_id = o["document"]["id"]
        g = gold[doc_id]
        spans = [(s["content"]["start"], s["content"]["end"]) for s in o["statements"]]
        for s, index in zip(o["statements"], trainer.match(g["text"], g["attributions"], spans), strict=True):
            if index is not None:
                a = g["attributions"][index]
                start, end = locate(g["text"], a)
                out.setdefault((doc_id, start, end), list(s.get("issues") or []))
    return out


def score(
    args: argparse.Namespace,
    shared: Path,
    gold: dict[str, Any],
    stmts: dict[Span, dict[str, Any]],
    locate: Any,
) -> None:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    mine = {(r["id"], r["start"], r["end"]): list(r["issues"]) for r in labels["statements"]}
    missing = [sp for sp in mine if sp not in stmts]
    if missing:
        sys.exit(f"{len(missing)} labelled spans are not gold statements, e.g. {missing[0]}")
    spans = sorted(mine)
    gold_of = {sp: list(stmts[sp].get("issues") or []) for sp in spans}
    print(f"sample: {len(spans)} statements of {len({sp[0] for sp in spans})} articles (seed {SEED})")
    print("\n".join(report("annotator vs gold", [(gold_of[sp], mine[sp]) for sp in spans], "annotator")))
    print("\n".join(kinds("annotator vs gold", [(gold_of[sp], mine[sp]) for sp in spans])))

    pred = predicted(gold, held_out(shared, args.lines, args.seed), locate)
    if args.diff:
        rows = ["id\tstart\tgold\tannotator\tredline\tkind\tcontent"]
        for sp in spans:
            if set(gold_of[sp]) != set(mine[sp]) or main_issue(gold_of[sp]) != main_issue(mine[sp]):
                text = " ".join(gold[sp[0]]["text"][sp[1] : sp[2]].split())
                red = ",".join(pred[sp]) if sp in pred else "(unmatched)"
                k = kind(gold_of[sp], mine[sp])
                rows.append(
                    f"{sp[0]}\t{sp[1]}\t{','.join(gold_of[sp])}\t{','.join(mine[sp])}\t{red}\t{k}\t{text}"
                )
        args.diff.write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"wrote {len(rows) - 1} differing statements to {args.diff}")
    hit = [sp for sp in spans if sp in pred]
    print(f"\nredline cross-validated (seed {args.seed}) matches {len(hit)} of the {len(spans)} statements")
    print("\n".join(report("redline vs gold", [(gold_of[sp], pred[sp]) for sp in hit], "redline")))
    print(
        "\n".join(
            report("annotator vs gold, same statements", [(gold_of[sp], mine[sp]) for sp in hit], "annotator")
        )
    )
    print("\n".join(report("redline vs annotator", [(mine[sp], pred[sp]) for sp in hit], "redline")))
    print("\n".join(kinds("redline vs gold", [(gold_of[sp], pred[sp]) for sp in hit])))

    human = {sp: (gold_of[sp], mine[sp]) for sp in hit}
    model = {sp: (gold_of[sp], pred[sp]) for sp in hit}
    lo, hi = interval({sp: (gold_of[sp], mine[sp]) for sp in spans})
    print(f"\n95% intervals (articles resampled): annotator vs gold {lo:.3f}-{hi:.3f};", end=" ")
    lo, hi = interval(model)
    print(f"redline vs gold {lo:.3f}-{hi:.3f};", end=" ")
    lo, hi = interval(human, model)
    print(f"annotator minus redline on the same statements {lo:+.3f} to {hi:+.3f}")
    agree = [sp for sp in hit if set(mine[sp]) == set(gold_of[sp])]
    main_agree = [sp for sp in hit if main_issue(mine[sp]) == main_issue(gold_of[sp])]
    differ = [sp for sp in hit if set(mine[sp]) != set(gold_of[sp])]
    print()
    for label, group in (
        ("annotator = gold (same issue set)", agree),
        ("annotator and gold share the main issue", main_agree),
        ("annotator differs from gold", differ),
    ):
        tp, fp, fn = issue_counts([(gold_of[sp], pred[sp]) for sp in group])
        print(
            f"redline on {label}: {len(group)} statements,"
            f" issue F1 {f1(tp, fp, fn):.3f} (tp {tp} fp {fp} fn {fn})"
        )
    print(
        "\n".join(
            report(
                "redline vs gold where annotator = gold", [(gold_of[sp], pred[sp]) for sp in agree], "redline"
            )
        )
    )
    print(
        "\n".join(kinds("redline vs gold where annotator = gold", [(gold_of[sp], pred[sp]) for sp in agree]))
    )
    clear = issue_counts([(gold_of[sp], gold_of[sp]) for sp in agree])
    rest = issue_counts([(gold_of[sp], pred[sp]) for sp in hit if sp not in set(agree)])
    tp, fp, fn = (a + b for a, b in zip(clear, rest, strict=True))
    print(
        "redline right on every statement where annotator = gold, as now elsewhere:"
        f" issue F1 {f1(tp, fp, fn):.3f}"
    )
    if differ:
        mt, mp, mn = issue_counts([(mine[sp], pred[sp]) for sp in differ])
        print(f"  on the differing ones redline vs annotator: issue F1 {f1(mt, mp, mn):.3f}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["sheet", "score"])
    parser.add_argument("--out", type=Path, default=Path("/tmp/agree/sheet.jsonl"))
    parser.add_argument("--lines", type=Path, help="cache of the held-out extraction (JSONL, under /tmp)")
    parser.add_argument(
        "--diff", type=Path, help="write the differing statements with their text here (under /tmp)"
    )
    parser.add_argument("--seed", type=int, default=0, help="shuffle of the articles into folds")
    args = parser.parse_args(argv)
    shared = require_shared()
    scorer = load_scorer(shared)
    gold = scorer.load_gold([shared / "data" / "talks"])
    stmts = statements(gold, scorer.locate)
    if args.what == "sheet":
        rows = sheet(gold, sample(stmts), stmts)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {len(rows)} statements of {len({r['id'] for r in rows})} articles to {args.out}")
    else:
        score(args, shared, gold, stmts, scorer.locate)


if __name__ == "__main__":
    main(sys.argv[1:])
