"""How long the ``redline`` command takes to start: median of N runs, each in a fresh process.

The figures to hold (issue 13): ``--version`` and ``--help`` under 0.2 s; read-only commands
(``statements``, ``positions``, ``export``) under 0.5 s plus their query. Their query is made as
small as it gets by default (an empty database, so what is left is start-up); give ``--db`` to
time them on a real corpus. A fresh interpreter with nothing imported is timed too, as the floor;
the CPU column (median user + system time) is what to compare on a machine others are using.

    PYTHONPATH=src python benchmarks/cli_startup.py [--runs 9] [--db sqlite:///redline.db]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

COMMANDS: list[tuple[str, list[str], float]] = [
    ("python -c pass (the floor)", [], 0.0),
    ("redline --version", ["--version"], 0.2),
    ("redline --help", ["--help"], 0.2),
    ("redline export --help", ["export", "--help"], 0.2),
    ("redline statements", ["statements", "--db", "{db}", "-n", "50"], 0.5),
    ("redline positions", ["positions", "--db", "{db}"], 0.5),
    ("redline export statements", ["export", "statements", "--db", "{db}", "-o", "{out}"], 0.5),
]


def _time(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run. On a busy machine the wall clock
    waits for other processes; the CPU time is what the command itself costs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, check=False)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return took, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="runs per command (the median is shown)")
    parser.add_argument("--db", help="database for the read-only commands (default: a new, empty one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # as an installed package runs: from compiled bytecode (written by the warm-up run into
        # the temporary directory, so the source tree stays clean), not recompiled every start
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""),
            "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"),
        }
        db = args.db
        if db is None:
            db = f"sqlite:///{Path(tmp) / 'empty.db'}"
            from redline.store import Store

            Store.open(db).close()
        out = str(Path(tmp) / "out.csv")
        print(f"median of {args.runs} runs, each in a new process ({sys.executable})")
        print(f"{'command':32} {'median':>8} {'min':>8} {'cpu':>8}  target (wall clock)")
        for label, cli_args, target in COMMANDS:
            if cli_args:
                argv = [sys.executable, "-m", "redline", *(a.format(db=db, out=out) for a in cli_args)]
            else:
                argv = [sys.executable, "-c", "pass"]
            _time(argv, env)  # warm the file cache
            runs = [_time(argv, env) for _ in range(args.runs)]
            times = [wall for wall, _ in runs]
            cpu = statistics.median(c for _, c in runs)
            goal = f"< {target:.1f} s" + (" plus the query" if target == 0.5 else "") if target else ""
            print(f"{label:32} {statistics.median(times):7.3f}s {min(times):7.3f}s {cpu:7.3f}s  {goal}")


if __name__ == "__main__":
    main()
