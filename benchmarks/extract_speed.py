"""Speed of `redline extract`: articles/s on one and two processes, ratio to a bare spaCy parse, peak memory.

Usage: python benchmarks/extract_speed.py [--docs N] [--rounds R] [--no-rules] [--pipes]
Texts: PolNeAR dev (read from ../shared at run time) when present, else the project's example corpus.
Each configuration runs in a fresh subprocess so that peak RSS (ru_maxrss) is its own; a last
run times redline's component alone on already parsed Docs (what the rules add to the parse).
``--pipes`` also prints the seconds each pipe takes, in the bare parse and in redline's pipeline
(where ``rule_pipes`` stands in for the model's attribute ruler and lemmatizer).
The bare parse is the model as shipped (``load_nlp``: every default pipe, on the whole text).
On one process the ratio is also printed in CPU time (``process_time``), which other jobs on a
shared machine disturb far less than the wall clock.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def load_texts(n: int) -> list[str]:
    from _shared import SHARED, polnear_documents

    if (SHARED / "data" / "polnear").is_dir():
        texts = [str(d["text"]) for d in polnear_documents("dev")]
    else:
        from redline.examples import corpus_path

        texts = [
            json.loads(line)["text"]
            for line in corpus_path().read_text(encoding="utf-8").splitlines()
            if line
        ]
    while len(texts) < n:
        texts = texts + texts
    return texts[:n]


def pipe_costs(mode: str, n: int) -> None:
    """Seconds per pipe, each run over all texts in turn (batched as ``nlp.pipe`` would)."""
    from redline.extract.nlp import load_nlp
    from redline.extract.pipeline import Extractor

    nlp = load_nlp() if mode == "bare" else Extractor.load().nlp
    t = time.perf_counter()
    docs = [nlp.make_doc(x) for x in load_texts(n)]
    costs = {"tokenizer": time.perf_counter() - t}
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        costs[name] = time.perf_counter() - t
    print(json.dumps(costs))


def child(mode: str, n: int, n_process: int) -> None:
    if mode.startswith("pipes-"):
        pipe_costs(mode.removeprefix("pipes-"), n)
        return
    texts = load_texts(n)
    if mode == "bare":
        from redline.extract.nlp import load_nlp

        nlp = load_nlp()
        t, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=16, n_process=n_process):
            pass
    elif mode == "rules":
        # redline's own component alone, on Docs the pipeline parsed with it switched off: what
        # the rules cost on top of the parse (the figure to shrink towards a 1.0x ratio)
        from redline.extract.pipeline import Extractor
        from redline.model import Document

        ex = Extractor.load()
        component = ex.nlp.get_pipe("redline_extract")
        with ex.nlp.select_pipes(disable=["redline_extract"]):
            prepared = [ex._prepare(Document(id=str(i), text=x)) for i, x in enumerate(texts)]
            parsed = list(ex.nlp.pipe(prepared, batch_size=16))
        t, cpu = time.perf_counter(), time.process_time()
        for doc in parsed:
            component(doc)
    else:
        from redline.extract.pipeline import Extractor
        from redline.model import Document

        ex = Extractor.load()
        docs = [Document(id=str(i), text=x) for i, x in enumerate(texts)]
        t, cpu = time.perf_counter(), time.process_time()
        for _ in ex.extract(docs, n_process=n_process):
            pass
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu  # cpu: this process only
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "mode": mode,
                "n_process": n_process,
                "docs": n,
                "chars": sum(map(len, texts)),
                "seconds": elapsed,
                "cpu_seconds": cpu,
                "peak_mb": max(peak_mb, children_mb),
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=84)
    ap.add_argument("--child", nargs=2, metavar=("MODE", "NPROC"))
    ap.add_argument("--no-rules", action="store_true", help="skip timing redline's component alone")
    ap.add_argument("--pipes", action="store_true", help="also time each pipe, bare and in redline")
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="time the one-process pair this many times, bare and extract taking turns, and also "
        "print the ratio of their least CPU times (as timeit takes the best of its repeats: the "
        "least disturbed run of each, on a machine where other jobs add to any one run)",
    )
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.docs, int(args.child[1]))
        return

    def timed(mode: str, nproc: int) -> dict[str, float]:
        out = subprocess.run(
            [sys.executable, __file__, "--docs", str(args.docs), "--child", mode, str(nproc)],
            capture_output=True,
            text=True,
            check=True,
        )
        return dict(json.loads(out.stdout.strip().splitlines()[-1]))

    results = {}
    for mode, nproc in [("bare", 1), ("extract", 1), ("bare", 2), ("extract", 2)]:
        r = timed(mode, nproc)
        results[(mode, nproc)] = r
        print(
            f"{mode:8s} n_process={nproc}: {r['docs'] / r['seconds']:.2f} articles/s "
            f"({r['chars'] / r['seconds'] / 1000:.0f}k chars/s), peak {r['peak_mb']:.0f} MB"
        )
    for nproc in (1, 2):
        ratio = results[("extract", nproc)]["seconds"] / results[("bare", nproc)]["seconds"]
        print(f"extract / bare parse, n_process={nproc}: {ratio:.2f}x")
    cpu_ratio = results[("extract", 1)]["cpu_seconds"] / results[("bare", 1)]["cpu_seconds"]
    print(
        f"extract / bare parse in CPU time, n_process=1: {cpu_ratio:.2f}x "
        f"({results[('extract', 1)]['cpu_seconds']:.2f} s / {results[('bare', 1)]['cpu_seconds']:.2f} s)"
    )
    if args.rounds > 1:
        cpu = {m: [results[(m, 1)]["cpu_seconds"]] for m in ("bare", "extract")}
        for _ in range(args.rounds - 1):
            for m in ("bare", "extract"):
                cpu[m].append(timed(m, 1)["cpu_seconds"])
        each = ", ".join(f"{e / b:.2f}x" for b, e in zip(cpu["bare"], cpu["extract"], strict=True))
        print(f"extract / bare parse in CPU time, n_process=1, each of {args.rounds} rounds: {each}")
        print(
            f"extract / bare parse in CPU time, n_process=1, least of {args.rounds} rounds each: "
            f"{min(cpu['extract']) / min(cpu['bare']):.2f}x "
            f"({min(cpu['extract']):.2f} s / {min(cpu['bare']):.2f} s)"
        )
    if not args.no_rules:
        out = subprocess.run(
            [sys.executable, __file__, "--docs", str(args.docs), "--child", "rules", "1"],
            capture_output=True,
            text=True,
            check=True,
        )
        rules = json.loads(out.stdout.strip().splitlines()[-1])
        share = rules["seconds"] / results[("bare", 1)]["seconds"]
        print(
            f"redline rules alone (parse excluded): {rules['seconds']:.2f} s "
            f"({rules['cpu_seconds']:.2f} s CPU), {share:.2f} of bare parse"
        )
    if args.pipes:
        for mode in ("bare", "extract"):
            out = subprocess.run(
                [sys.executable, __file__, "--docs", str(args.docs), "--child", f"pipes-{mode}", "1"],
                capture_output=True,
                text=True,
                check=True,
            )
            costs = json.loads(out.stdout.strip().splitlines()[-1])
            total = sum(costs.values())
            parts = ", ".join(f"{name} {sec:.2f}" for name, sec in costs.items())
            print(f"pipes, {mode}: {total:.2f} s = {parts}")
    speedup = results[("extract", 1)]["seconds"] / results[("extract", 2)]["seconds"]
    print(f"extract speed-up with 2 processes: {speedup:.2f}x")


if __name__ == "__main__":
    main()
