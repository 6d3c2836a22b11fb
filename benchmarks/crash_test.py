"""Crash test: SIGKILL ingest at random moments, resume, and compare with a clean run.

A child process ingests generated articles with 2 workers and prints how many documents are
done after each commit. The parent kills the child's whole process group (parent and workers,
as a power cut would) at random points, checks that every document reported done is in the
database, resumes, and finally compares the database with one from an uninterrupted run.
Usage: PYTHONPATH=src python benchmarks/crash_test.py [--docs 1500] [--kills 6] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))


def child(url: str, docs: int) -> None:
    from _corpus import articles, make_busy

    from redline.config import Settings
    from redline.ingest import IngestReport, ingest
    from redline.store import Store

    def report(r: IngestReport) -> None:
        print(f"done {r.done}", flush=True)

    with Store.open(url) as store:
        ingest(
            articles(docs),
            store,
            Settings(batch_size=8),
            workers=2,
            extractor_factory=make_busy,
            on_progress=report,
        )
    print("finished", flush=True)


def spawn(url: str, docs: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, "--child", url, str(docs)],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env=os.environ.copy(),
    )


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--docs", type=int, default=1500)
    p.add_argument("--kills", type=int, default=6)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.child:
        child(a.child[0], int(a.child[1]))
        return
    from redline.store import Store
    from test_ingest import dump

    rnd = random.Random(a.seed)
    tmp = Path(tempfile.mkdtemp(prefix="redline-crash-"))
    clean, crashed = f"sqlite:///{tmp / 'clean.db'}", f"sqlite:///{tmp / 'crashed.db'}"
    t0 = time.perf_counter()
    spawn(clean, a.docs).wait()
    clean_time = time.perf_counter() - t0
    print(f"clean run: {a.docs} documents in {clean_time:.1f} s")
    lost = 0
    for k in range(a.kills):
        proc = spawn(crashed, a.docs)
        delay = rnd.uniform(0.35 * clean_time, 0.7 * clean_time)  # start-up is a large part of a run
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        reported = [int(line.split()[1]) for line in out.splitlines() if line.startswith("done ")]
        with Store.open(crashed) as s:
            stored = s.counts()["documents"]
        # done counts are per run (skipped + stored), and the store holds at least everything reported
        ok = not reported or stored >= reported[-1]
        lost += 0 if ok else 1
        print(
            f"kill {k + 1}: after {delay:.1f} s; this run reported {reported[-1] if reported else 0} done; "
            f"database holds {stored} documents; {'ok' if ok else 'LOST DOCUMENTS'}"
        )
    final = spawn(crashed, a.docs)
    final.wait()
    same = dump(clean) == dump(crashed)
    print(
        f"resumed to the end; final database equals the clean run's: {same}; runs that lost documents: {lost}"
    )
    sys.exit(0 if same and not lost else 1)


if __name__ == "__main__":
    main()
