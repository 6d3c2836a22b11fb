"""Extraction cost against document length: time per 1,000 characters should be flat.

Usage: python benchmarks/long_documents.py [--sizes 5000,50000,200000,1000000]

Texts are generated here from project-written paragraphs (quotes, reported speech, events,
plain narrative) with varying names and numbers, so every size has the same mix. Each size runs
in a fresh subprocess, so the peak memory printed is its own (model included). Texts longer
than ``redline.extract.sections.SECTION_CHARS`` are extracted in sections (issue 14).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

SPEAKERS = ["Volodymyr Zelensky", "Vladimir Putin", "Marco Rubio", "Dmitry Peskov", "Kaja Kallas"]
PARAGRAPHS = [
    '"We will not give up territory that is ours," {who} said on day {n} of the talks in Geneva.',
    "{who} said the draft could become a basis for a settlement if sanctions were eased, "
    "according to officials who briefed reporters after a {n}-hour session.",
    "Delegations are due to meet again in Abu Dhabi next week; item {n} of the plan, on security "
    "guarantees, remains open.",
    'Asked about a ceasefire, {who} told reporters: "There can be no ceasefire without guarantees '
    'that hold." The remark was the {n}th on the subject this month.',
    "The talks took place in a hotel by the lake. Reporters waited outside for {n} minutes, "
    "and no statement followed the first round.",
]


def generated_text(chars: int) -> str:
    parts: list[str] = []
    size, n = 0, 0
    while size < chars:
        paragraph = PARAGRAPHS[n % len(PARAGRAPHS)].format(who=SPEAKERS[(n // 5) % len(SPEAKERS)], n=n + 2)
        parts.append(paragraph)
        size += len(paragraph) + 2
        n += 1
    return "\n\n".join(parts)[:chars]


def child(chars: int, section_chars: int | None) -> None:
    from redline.extract import sections
    from redline.extract.pipeline import Extractor
    from redline.model import Document

    if section_chars:
        sections.SECTION_CHARS = section_chars

    extractor = Extractor.load()
    extractor.extract_one(Document(id="warm-up", text=generated_text(2000)))
    text = generated_text(chars)
    started = time.perf_counter()
    result = extractor.extract_one(Document(id="long", text=text))
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {"chars": len(text), "seconds": elapsed, "statements": len(result.statements), "peak_mb": peak_mb}
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="5000,50000,200000,1000000")
    parser.add_argument("--section-chars", type=int, help="override SECTION_CHARS (to compare bounds)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.section_chars)
        return
    extra = ["--section-chars", str(args.section_chars)] if args.section_chars else []
    print(f"{'characters':>11} {'seconds':>8} {'ms/1k chars':>12} {'statements':>11} {'peak MB':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size), *extra],
            check=True,
            capture_output=True,
            text=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        per_k = 1000 * row["seconds"] / (row["chars"] / 1000)
        print(
            f"{row['chars']:>11,} {row['seconds']:>8.1f} {per_k:>12.1f} {row['statements']:>11,} "
            f"{row['peak_mb']:>8.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
