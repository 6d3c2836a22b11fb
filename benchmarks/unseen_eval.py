"""Attribution and speakers on the unseen set: news no one on the project had read while tuning.

Usage: python benchmarks/unseen_eval.py [--set unseen|unseen2|unseen4] [--verbose] [--json]

Every other quality figure comes from text the rules were revised against (the talks set, the
seed, PolNeAR dev, the bundled examples), so each overstates what a user gets on new coverage.
benchmarks/data/unseen/ holds eight articles in formats the project had little of (live blog,
state-agency report, readout, Q&A interview, op-ed, labour talks...), written by the project and
annotated before redline read them; see its README. Its figures were then tuned against, so
benchmarks/data/unseen2/ adds five more articles in other formats (court plea talks, a sports
contract, coalition talks, a prisoner-swap timeline, a press-conference transcript), scored
separately with --set unseen2; benchmarks/data/unseen4/ adds six more (a regional TV strike story,
a climate summit, merger talks, a newsletter with bulleted quotes, a long-form profile, a council
budget), scored with --set unseen4; the honest figure for each batch is its first run. Issues and
stance are not annotated there, so this prints attribution P/R/F1 and speaker accuracy only.
Scoring and the error listing are examples_eval.py's (../shared/eval/score.py when present);
--verbose lists misses, spurious statements and wrong speakers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from examples_eval import report, system_output

from redline.examples import gold_documents
from redline.extract.pipeline import Extractor

DATA = Path(__file__).resolve().parent / "data"
BATCHES = ("unseen", "unseen2", "unseen4")  # each was written and annotated before redline read it


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=BATCHES, default="unseen", help="which held-out batch to score")
    ap.add_argument("--verbose", action="store_true", help="list every error")
    ap.add_argument("--json", action="store_true", help="print the full figures as JSON")
    args = ap.parse_args()
    batch = DATA / args.set
    corpus = batch / "articles.jsonl"
    gold = gold_documents(corpus, batch / "gold.json")
    system = system_output(Extractor.load(), gold, corpus)
    report(args.set, gold, system, verbose=args.verbose, as_json=args.json, issues=False)


if __name__ == "__main__":
    main()
