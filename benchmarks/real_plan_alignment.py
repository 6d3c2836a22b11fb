"""Point alignment on real drafts: the US 28-point draft against the European counter-proposal.

Both versions are read from ``../shared/data/plans`` at run time (never copied into the
project) through ``plan import``'s own reader, aligned with ``align_versions`` and scored
against the true alignment kept beside them (``alignment-28-to-e3.json``): every true pair
found, no wrong pair, the removed points removed, and points of unknown text in no pair.
The E3 version is aligned twice: as a free-standing version (numbering evidence must be
inferred) and as a mark-up ``based_on`` the US draft.

Run: PYTHONPATH=src python benchmarks/real_plan_alignment.py [--shared PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _plan_score import score_alignment
from _shared import require_shared

from redline.analysis.align import align_versions
from redline.analysis.plans import load_plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="path of the shared data (default ../shared)")
    parser.add_argument("--verbose", action="store_true", help="print every predicted pair")
    args = parser.parse_args()
    plans = require_shared(args.shared) / "data" / "plans"
    truth = json.loads((plans / "alignment-28-to-e3.json").read_text(encoding="utf-8"))
    us = load_plan(plans / truth["from"], plan="ukraine", label="us-28")
    e3 = load_plan(plans / truth["to"], plan="ukraine", label="e3")
    gold = {(str(a), str(b)) for a, b in truth["pairs"]}
    removed = {str(n) for n in truth["removed"]}
    unknown = {str(n) for n in truth["text_unknown"]}
    print(f"true pairs {len(gold)}, removed {len(removed)}, text unknown {len(unknown)}")
    for name, new in (("free-standing", e3), ("mark-up (based_on us-28)", replace(e3, based_on="us-28"))):
        diff = align_versions(us, new)
        score = score_alignment(diff, gold, removed, unknown=unknown)
        print(f"{name:<26} {score.line(len(gold))}  counts {diff.counts()}")
        for line in score.errors():
            print(f"    {line}")
        if args.verbose:
            for c in diff.changes:
                print("   ", c.kind, [p.number for p in c.old], [p.number for p in c.new], c.similarity)


if __name__ == "__main__":
    main()
