"""Quality of `redline extract` on the seed article and PolNeAR dev, scored by ../shared/eval/score.py.

Usage: python benchmarks/extract_eval.py [--set seed|polnear-dev|all] [--out DIR]
Prints the scorer's one-line summary for each set (and the full JSON with --verbose).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, as_date, polnear_documents, seed_documents

from redline.extract.pipeline import Extractor
from redline.model import Document


def run(
    name: str, records: list[dict[str, object]], gold: Path, extractor: Extractor, out: Path, verbose: bool
) -> None:
    docs = [
        Document(
            id=str(r["id"]), text=str(r["text"]), published=as_date(r["published"]), outlet=r.get("outlet")
        )  # type: ignore[arg-type]
        for r in records
    ]
    path = out / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for extraction in extractor.extract(docs):
            fh.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
    res = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(path), str(gold)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = res.stdout.strip().splitlines()
    if verbose:
        print(res.stdout)
    print(f"{name:12s} {lines[-1]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--set", default="all", choices=["seed", "polnear-dev", "all"])
    ap.add_argument("--out", type=Path, default=None, help="keep the system output here")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="redline-eval-"))
    out.mkdir(parents=True, exist_ok=True)
    extractor = Extractor.load()
    if args.set in ("seed", "all"):
        run("seed", seed_documents(), SHARED / "seed" / "gold.json", extractor, out, args.verbose)
    if args.set in ("polnear-dev", "all"):
        gold = SHARED / "data" / "polnear" / "derived" / "score_gold" / "dev"
        run("polnear-dev", polnear_documents("dev"), gold, extractor, out, args.verbose)
    print(f"system output in {out}")


if __name__ == "__main__":
    main()
