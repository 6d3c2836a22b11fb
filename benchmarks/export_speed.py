"""Speed and memory of ``redline export statements --format csv`` on a generated corpus (SQLite).

Builds a database of synthetic statements once (the generator of ``query_latency.py``;
reused if present), then exports a tenth of it (``--until``) and all of it, each in a fresh
process, and prints rows/s and the process's peak memory above its baseline (Python and
SQLAlchemy loaded, database open). Flat memory means the two peaks stay close although the
second export writes ten times the rows.
Usage: PYTHONPATH=src python benchmarks/export_speed.py [--statements 200000]
       [--db /tmp/redline-export-200k.db] [--format csv]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from query_latency import built

from redline.export import export_statements, open_output
from redline.store import StatementFilter, Store


def _status_mb(key: str) -> float | None:
    """VmRSS (now) or VmHWM (peak) of this process from /proc, None off Linux."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _baseline_mb() -> float:
    """Memory now, with the peak reset to it (so imports' transient peaks do not hide the export's)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    return _status_mb("VmRSS") or _peak_mb()


def _peak_mb() -> float:
    peak = _status_mb("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(db: str, until: str | None, fmt: str) -> None:
    """One export in this process; prints rows, seconds, bytes and peak memory as JSON."""
    f = StatementFilter(until=date.fromisoformat(until) if until else None, limit=None)
    with Store.open(f"sqlite:///{db}") as store, tempfile.TemporaryDirectory() as tmp:
        store.counts()
        base = _baseline_mb()
        target = Path(tmp) / f"statements.{fmt}"
        t0 = time.perf_counter()
        with open_output(target) as out:
            n = export_statements(store, out, fmt, f)
        seconds = time.perf_counter() - t0
        print(
            json.dumps(
                {
                    "rows": n,
                    "seconds": seconds,
                    "bytes": target.stat().st_size,
                    "base_mb": base,
                    "peak_mb": _peak_mb(),
                }
            )
        )


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--statements", type=int, default=200_000)
    p.add_argument("--db", default="/tmp/redline-export-200k.db")
    p.add_argument("--format", default="csv", choices=("csv", "json", "jsonl"))
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--until", default=None, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.child:
        child(a.db, a.until, a.format)
        return
    path = Path(a.db)
    built(path, a.statements)
    with Store.open(f"sqlite:///{path}") as store:
        print(f"{store.counts()['statements']} statements in {path}")
    # the generator spreads dates over 2025: up to 6 February is about a tenth
    for label, until in (("a tenth (--until 2025-02-06)", "2025-02-06"), ("everything", None)):
        cmd = [sys.executable, __file__, "--child", "--db", str(path), "--format", a.format]
        if until:
            cmd += ["--until", until]
        r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        print(
            f"{label:<30} {r['rows']:>8} rows in {r['seconds']:6.1f} s "
            f"= {r['rows'] / r['seconds']:8.0f} rows/s; "
            f"{r['bytes'] / 1e6:6.1f} MB written; peak memory {r['peak_mb']:.0f} MB "
            f"({r['peak_mb'] - r['base_mb']:+.0f} MB over the {r['base_mb']:.0f} MB baseline)"
        )


if __name__ == "__main__":
    main()
