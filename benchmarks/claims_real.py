"""Claims on real news: is the same statement carried by several outlets one claim?

    PYTHONPATH=src python benchmarks/claims_real.py [--shared PATH] [--candidates] [-v]
                                                    [--sweep NAME=V1,V2,...]

The talks set (149 real articles, 118 outlets; read from ``../shared/data/talks`` at run time)
is ingested by redline into a SQLite store, and its claims are grouped as the store groups them
(``analysis.claims.group_claims``). The gold grouping is pairs of gold attributions labelled by
hand, ``benchmarks/data/claim_pairs_annotation.json`` (ids and labels only, no article text):

- a pair is *the same claim* when both records report one statement of one speaker: the same
  speech act (a remark, an interview answer, a post, a briefing) retold by two articles, quoted
  with other trimming or paraphrased. The same position restated on another occasion, a topic
  named without the statement ("territorial concessions"), or two parts of one speech that say
  different things are different claims;
- candidates (everything labelled) are pairs of gold attributions with the same gold speaker in
  two different articles, dates at most ``WINDOW`` days apart when both are dated, that share at
  least two content words and ``CANDIDATE_OVERLAP`` of the shorter one's content words, plus
  every pair that either grouping below puts together. Pairs outside are counted as different
  (a sample of them was read while labelling, see the annotation file's ``unlabelled_check``).

Printed: pairwise precision and recall of the grouping (1) on the gold statements (gold speaker
as the actor, gold content, the article's date: the grouping rule alone) and (2) end to end on
redline's extraction (pairs of statements matched to gold attributions by the scorer's rule;
recall over the same-claim pairs whose two records were both extracted, and over all of them),
and how many stories carried by several outlets (connected same-claim pairs across at least two
outlets) end up in one claim. ``--candidates`` lists the pairs still to label (to stdout only).
``--sweep UNDATED_RUN=2,3,4`` (repeatable) regroups with each value of one of the named constants
of ``analysis/claims.py`` (``SIMILAR``, ``UNDATED_RUN``, ``UNDATED_CONTENT``, ``SAME_MEANING``,
``MIN_SHARED``, ``QUOTE_WORDS``, ``HEADLINE_CAPITALS``, ...) and prints the figures for each; pairs
no labelled run made count as wrong until labelled (``--candidates`` lists them only for the
constants as shipped).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import load_scorer, require_shared
from _talks_store import gold_attributions, load_talks, match_gold, talks_store

from redline.analysis import claims as claims_module
from redline.analysis.claims import group_claims
from redline.analysis.textsim import tokens
from redline.store import ClaimInput

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "claim_pairs_annotation.json"
WINDOW = 3
CANDIDATE_OVERLAP = 0.5

Pair = frozenset[str]


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def candidate_pairs(talks: list[dict[str, Any]]) -> set[Pair]:
    """Pairs of gold attributions that might be one claim (see the module doc)."""
    atts = [(str(ref), a, t, set(tokens(a["content"]))) for ref, a, t in gold_attributions(talks)]
    out: set[Pair] = set()
    for (ra, a, ta, wa), (rb, b, tb, wb) in itertools.combinations(atts, 2):
        if ta["id"] == tb["id"] or a.get("speaker") != b.get("speaker") or not a.get("speaker"):
            continue
        da, db = _date(ta.get("published")), _date(tb.get("published"))
        if da and db and abs((da - db).days) > WINDOW:
            continue
        shared = len(wa & wb)
        if shared >= 2 and shared / min(len(wa), len(wb)) >= CANDIDATE_OVERLAP:
            out.add(frozenset((ra, rb)))
    return out


def grouped_pairs(groups: Iterable[Iterable[str]]) -> set[Pair]:
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(set(g)), 2)}


def gold_inputs(talks: list[dict[str, Any]]) -> list[ClaimInput]:
    """The gold attributions as claim inputs: the grouping rule alone, without extraction errors."""
    rows = [
        ClaimInput(
            str(ref),
            a["speaker"],
            a["speaker"],
            _date(t["published"]),
            a["content"],
            t["id"],
            t["outlet"],
        )
        for ref, a, t in gold_attributions(talks)
        if a.get("speaker")
    ]
    return sorted(rows, key=lambda r: (r.actor_id, r.date or date.min, r.statement_id))


def components(pairs: Iterable[Pair]) -> list[set[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for p in pairs:
        a, b = sorted(p)
        parent[find(a)] = find(b)
    out: dict[str, set[str]] = {}
    for x in parent:
        out.setdefault(find(x), set()).add(x)
    return list(out.values())


def pr(found: set[Pair], same: set[Pair], labels: Mapping[Pair, bool]) -> tuple[float, float, int, int]:
    judged = [p for p in found if p in labels or p not in same]
    tp = sum(1 for p in judged if labels.get(p, False))
    precision = tp / len(judged) if judged else 1.0
    recall = len(found & same) / len(same) if same else 1.0
    return precision, recall, tp, len(judged)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="path of the shared data (default ../shared)")
    parser.add_argument("--candidates", action="store_true", help="print the pairs still to label")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the errors")
    parser.add_argument(
        "--sweep", action="append", default=[], metavar="NAME=V1,V2", help="regroup per value"
    )
    args = parser.parse_args()
    shared = require_shared(args.shared)
    talks = load_talks(shared)
    scorer = load_scorer(shared)
    store = talks_store(talks)

    statements = store.countable_statements()
    to_gold = match_gold(
        talks, [(s.id, s.document_id, s.content.start, s.content.end) for s in statements], scorer
    )
    system_claims = list(group_claims(store.claim_inputs()))
    system_pairs = grouped_pairs(
        [str(to_gold[i]) for i in c.statement_ids if i in to_gold] for c in system_claims
    )
    gold_claims = list(group_claims(gold_inputs(talks)))
    gold_rule_pairs = grouped_pairs(c.statement_ids for c in gold_claims)

    data = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else {"pairs": []}
    labels: dict[Pair, bool] = {frozenset((p["a"], p["b"])): bool(p["same"]) for p in data["pairs"]}
    todo = (candidate_pairs(talks) | system_pairs | gold_rule_pairs) - set(labels)
    if args.candidates:
        atts = {str(ref): (a, t) for ref, a, t in gold_attributions(talks)}
        for p in sorted(todo, key=lambda p: sorted(p)):
            a, b = sorted(p)
            dates = f"{atts[a][1].get('published')} {atts[b][1].get('published')}"
            print(f"{a} {b} | {atts[a][0]['speaker']} | {dates}")
            print(f"   A: {atts[a][0]['content']}\n   B: {atts[b][0]['content']}")
        print(f"{len(todo)} pairs to label", file=sys.stderr)
        return

    same = {p for p, v in labels.items() if v}
    extracted = set(map(str, to_gold.values()))
    both = {p for p in same if p <= extracted}
    outlets = {str(ref): t.get("outlet") for ref, _, t in gold_attributions(talks)}
    stories = [c for c in components(same) if len({outlets[r] for r in c}) >= 2]
    print(
        f"talks set: {len(talks)} articles, {len(statements)} countable statements,"
        f" {len(to_gold)} matched to gold;"
        f" {len(labels)} labelled pairs, {len(same)} the same claim, {len(todo)} unlabelled candidates;"
        f" {len(stories)} stories carried by several outlets"
    )
    p, r, tp, n = pr(gold_rule_pairs, same, labels)
    print(
        f"grouping on gold statements:   pairwise precision {p:.2f} ({tp}/{n})"
        f"  recall {r:.2f} ({len(gold_rule_pairs & same)}/{len(same)})"
    )
    p, r_both, tp, n = pr(system_pairs, both, labels)
    r_all = len(system_pairs & same) / len(same) if same else 1.0
    print(
        f"end to end (redline extraction): pairwise precision {p:.2f} ({tp}/{n})  recall {r_both:.2f} "
        f"({len(system_pairs & both)}/{len(both)} pairs both extracted), {r_all:.2f} of all same-claim pairs"
    )

    def whole(found: set[Pair], story: set[str]) -> bool:
        members = sorted(story)
        return all(frozenset(q) in found for q in itertools.combinations(members, 2))

    def joined(found: set[Pair], story: set[str]) -> bool:
        return len(components(q for q in found if q <= story)) == 1 and any(q <= story for q in found)

    gold_whole = sum(whole(gold_rule_pairs, s) for s in stories)
    live = [s & extracted for s in stories if len(s & extracted) >= 2]
    sys_whole = sum(whole(system_pairs, s) for s in live)
    sys_some = sum(any(q <= s for q in system_pairs) for s in live)
    print(
        f"stories carried by several outlets: {gold_whole}/{len(stories)} one claim from gold statements;"
        f" end to end {sys_whole}/{len(live)} one claim, {sys_some}/{len(live)} partly grouped"
        f" (stories with at least two records extracted)"
    )
    for spec in args.sweep:
        name, _, values = spec.partition("=")
        shipped = getattr(claims_module, name)
        for value in values.split(","):
            setattr(claims_module, name, type(shipped)(value))
            similar = float(claims_module.SIMILAR)
            try:
                gold_claims_ = group_claims(gold_inputs(talks), similar=similar)
                gold_found = grouped_pairs(c.statement_ids for c in gold_claims_)
                sys_found = grouped_pairs(
                    [str(to_gold[i]) for i in c.statement_ids if i in to_gold]
                    for c in group_claims(store.claim_inputs(), similar=similar)
                )
            finally:
                setattr(claims_module, name, shipped)
            gp, gr, gtp, gn = pr(gold_found, same, labels)
            sp, sr, stp, sn = pr(sys_found, both, labels)
            print(
                f"sweep {name}={value}: gold statements P {gp:.3f} ({gtp}/{gn}) R {gr:.3f};"
                f" end to end P {sp:.3f} ({stp}/{sn}) R {sr:.3f};"
                f" stories one claim {sum(whole(gold_found, s) for s in stories)}/{len(stories)},"
                f" end to end {sum(whole(sys_found, s) for s in live)}/{len(live)}"
            )
    if args.verbose:
        atts = {str(ref): a for ref, a, _ in gold_attributions(talks)}
        for name, found in (("gold-statement grouping", gold_rule_pairs), ("end to end", system_pairs)):
            for p_ in sorted(found - same, key=sorted):
                a, b = sorted(p_)
                print(f"  {name} wrong pair: {a} {b} ({atts[a]['speaker']})")
            for p_ in sorted(same - found, key=sorted):
                a, b = sorted(p_)
                if name == "end to end" and p_ not in both:
                    continue
                print(f"  {name} missed: {a} {b} ({atts[a]['speaker']})")


if __name__ == "__main__":
    main()
