"""No-crash check: the whole extractor over every PolNeAR article (train and dev) and the seed.

Usage: python benchmarks/robustness.py [--split train|dev|all]
Prints how many documents went through, how many raised or ran past --seconds (with the first
tracebacks, which for a document that ran too long show where it was), the slowest documents
and the statements found; texts are read from ../shared at run time.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, as_date, seed_documents

from redline.extract.pipeline import Extractor
from redline.model import Document


def polnear(split: str) -> list[dict[str, object]]:
    path = SHARED / "data" / "polnear" / "derived" / f"polnear_{split}.jsonl"
    seen: dict[str, dict[str, object]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            seen.setdefault(d["article"], {"id": d["article"], "text": d["text"], "published": None})
    return list(seen.values())


class TooLong(Exception):
    """A document that took more than --seconds: a hang is a failure, not a slow run."""


def _too_long(_signum: int, _frame: object) -> None:
    raise TooLong("ran past the time limit")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", default="all", choices=["train", "dev", "all"])
    ap.add_argument("--seconds", type=int, default=120, help="a document taking longer counts as failed")
    args = ap.parse_args()
    records = seed_documents()
    for split in ("train", "dev") if args.split == "all" else (args.split,):
        records += polnear(split)
    extractor = Extractor.load()
    failures: list[tuple[str, str]] = []
    statements = 0
    started = time.perf_counter()
    took: list[tuple[float, str]] = []
    signal.signal(signal.SIGALRM, _too_long)
    for r in records:
        doc = Document(id=str(r["id"]), text=str(r["text"]), published=as_date(r["published"]))
        t0 = time.perf_counter()
        signal.alarm(args.seconds)
        try:
            statements += len(extractor.extract_one(doc).statements)
        except Exception:  # the point of this script is to count them
            failures.append((doc.id, traceback.format_exc()))
        finally:
            signal.alarm(0)
        took.append((time.perf_counter() - t0, doc.id))
    elapsed = time.perf_counter() - started
    print(f"documents {len(records)}, crashed {len(failures)}, statements {statements}, {elapsed:.0f} s")
    print("slowest: " + ", ".join(f"{d} {s:.1f} s" for s, d in sorted(took, reverse=True)[:3]))
    for doc_id, tb in failures[:3]:
        print(f"--- {doc_id}\n{tb}")


if __name__ == "__main__":
    main()
