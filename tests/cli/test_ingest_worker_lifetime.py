"""Killing ``redline ingest -w 2`` or ``extract --workers 2`` ends its workers, whatever the signal.

A real process tree: a driver runs the CLI with a slow stand-in extractor (written here, so
the spawned workers can import it), the test kills the parent and watches its workers go.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
SLOW_EXTRACTOR = """
import time
from redline.model import Extraction


class Slow:
    version = "slow/1"

    def extract(self, docs):
        for doc in docs:
            time.sleep(0.2)
            yield Extraction(doc, [], extractor=self.version)


def make_slow(settings):
    return Slow()
"""
DRIVER = """
import sys
sys.path.insert(0, sys.argv[1])
import redline.ingest, slowfake
redline.ingest.default_extractor_factory = slowfake.make_slow
from redline.cli import app
app(["ingest", *sys.argv[2:]], prog_name="redline")
"""

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def _children(pid: int, marker: bytes = b"spawn_main") -> list[int]:
    """Live (non-zombie) workers whose parent is ``pid`` and whose command line holds ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z" and marker in cmdline:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its parent's wait() is missing


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_die_with_their_parent(tmp_path: Path, sig: signal.Signals) -> None:
    (tmp_path / "slowfake.py").write_text(SLOW_EXTRACTOR, encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps(
                {"id": f"d{i}", "text": f"Report {i}: the delegates met again on day {i} of the talks."}
            )
            + "\n"
            for i in range(400)
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(SRC), "REDLINE_CHECK_LANGUAGE": "0", "REDLINE_BATCH_SIZE": "4"}
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            DRIVER,
            str(tmp_path),
            str(corpus),
            "-w",
            "2",
            "--db",
            f"sqlite:///{tmp_path}/x.db",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.1)
            workers = _children(parent.pid)
        assert len(workers) == 2, "the two workers never started"
        time.sleep(2)  # let them load their extractor and take batches
        assert parent.poll() is None, "the run ended before it could be killed"
        parent.send_signal(sig)
        parent.wait(10)
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        survivors = [w for w in workers if _alive(w)]
        for w in survivors:  # leave nothing behind, then fail
            os.kill(w, signal.SIGKILL)
        assert not survivors, f"workers {survivors} outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


@pytest.mark.model
def test_extract_workers_die_with_their_parent(tmp_path: Path) -> None:
    """``extract --workers 2`` runs spaCy's own worker processes (forked, not a redline pool)."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"d{i}", "text": f"Vladimir Putin said on day {i} that the plan was a basis."})
            + "\n"
            for i in range(20_000)
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(SRC), "REDLINE_CHECK_LANGUAGE": "0"}
    parent = subprocess.Popen(
        [sys.executable, "-m", "redline", "extract", str(corpus), "--workers", "2", "--quiet"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.2)
            workers = _children(parent.pid, b"redline")
        assert len(workers) == 2, "the two workers never started"
        time.sleep(1)
        assert parent.poll() is None, "the run ended before it could be killed"
        parent.kill()
        parent.wait(10)
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        survivors = [w for w in workers if _alive(w)]
        for w in survivors:
            os.kill(w, signal.SIGKILL)
        assert not survivors, f"workers {survivors} outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
