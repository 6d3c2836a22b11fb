"""Quality of `redline extract` on the seed, PolNeAR dev and the talks set, scored by ../shared/eval/score.py.

Usage: python benchmarks/extract_eval.py [--set seed|polnear-dev|talks|all] [--out DIR] [--errors DIR]
Prints the scorer's one-line summary for each set (and the full JSON with --verbose); with
``--errors DIR`` also each set's misses and unmatched predictions as ``DIR/<set>_errors.tsv``
(the listing of ``attribution_eval.py --errors``, here for the talks set too). The talks
set (real coverage of the 2025-26 talks, annotated by ../shared/data/talks/GUIDE.md) is also
scored fold by fold (5 folds by article, the shuffle of ``talks_eval.py``): the attribution
rules were revised after reading errors on this set, so the spread over folds is printed
beside the whole-set figure; PolNeAR dev and the seed are the untouched checks. PolNeAR is read
under its own annotation policy (attitudes, sourceless words and split quotes counted its way).
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
from attribution_eval import write_errors

from redline.config import Settings
from redline.evaluation import folds
from redline.extract.pipeline import Extractor
from redline.knowledge import read_yaml
from redline.knowledge.cues import DEFAULT_CUES, POLNEAR_POLICY
from redline.model import Document


def run(
    name: str,
    records: list[dict[str, object]],
    gold: Path,
    extractor: Extractor,
    out: Path,
    verbose: bool,
    errors: Path | None = None,
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
    if errors is not None:
        errors.mkdir(parents=True, exist_ok=True)
        gold_files = [gold] if gold.is_file() else sorted(gold.glob("*.json"))
        write_errors(path, gold_files, errors / f"{name}_errors.tsv")
    if name == "talks":
        by_id = {
            json.loads(line)["document"]["id"]: line for line in path.read_text(encoding="utf-8").splitlines()
        }
        for n, fold in enumerate(talks_folds(sorted(by_id))):
            sub = out / f"talks_fold{n}"
            sub.mkdir(exist_ok=True)
            for doc_id in fold:
                link = sub / f"{doc_id}.json"
                if not link.exists():
                    link.symlink_to(gold / f"{doc_id}.json")
            system = out / f"talks_fold{n}.jsonl"
            system.write_text("\n".join(by_id[i] for i in fold) + "\n", encoding="utf-8")
            res = subprocess.run(
                [sys.executable, str(SHARED / "eval" / "score.py"), str(system), str(sub)],
                capture_output=True,
                text=True,
                check=True,
            )
            print(f"  fold {n} ({len(fold):3d} articles) {res.stdout.strip().splitlines()[-1]}")


def talks_folds(ids: list[str], k: int = 5, seed: int = 0) -> list[list[str]]:
    """``talks_eval.py``'s deal of the articles, so the two print the same folds."""
    return folds(sorted(ids), k, seed)


def polnear_extractor(out: Path) -> Extractor:
    """The extractor under PolNeAR's annotation policy (``cues.yaml`` flags, the
    ``POLNEAR_POLICY`` of ``redline.knowledge.cues``)."""
    lexicon = dict(read_yaml(DEFAULT_CUES, "cue lexicon"))
    lexicon.update(POLNEAR_POLICY)
    cues = out / "polnear_cues.yaml"
    cues.write_text(json.dumps(lexicon), encoding="utf-8")  # JSON is YAML
    return Extractor.load(Settings(cues=cues))


def talks_documents() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for f in sorted((SHARED / "data" / "talks").glob("t*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        out.append(
            {"id": d["id"], "text": d["text"], "published": d.get("published"), "outlet": d.get("outlet")}
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--set", default="all", choices=["seed", "polnear-dev", "talks", "all"])
    ap.add_argument("--out", type=Path, default=None, help="keep the system output here")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument(
        "--errors", type=Path, default=None, help="write each set's misses and unmatched predictions here"
    )
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="redline-eval-"))
    out.mkdir(parents=True, exist_ok=True)
    extractor = Extractor.load()
    if args.set in ("seed", "all"):
        run(
            "seed", seed_documents(), SHARED / "seed" / "gold.json", extractor, out, args.verbose, args.errors
        )
    if args.set in ("polnear-dev", "all"):
        gold = SHARED / "data" / "polnear" / "derived" / "score_gold" / "dev"
        run(
            "polnear-dev",
            polnear_documents("dev"),
            gold,
            polnear_extractor(out),
            out,
            args.verbose,
            args.errors,
        )
    if args.set in ("talks", "all"):
        run("talks", talks_documents(), SHARED / "data" / "talks", extractor, out, args.verbose, args.errors)
    print(f"system output in {out}")


if __name__ == "__main__":
    main()
