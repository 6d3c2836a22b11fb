"""A process told to die with another ends when that one is gone (local Dask workers use it)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from redline import cluster
from redline.config import Settings

SRC = Path(__file__).resolve().parents[1] / "src"
WATCHER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from redline.runners import die_with
die_with(int(sys.argv[2]))
print("watching", flush=True)
time.sleep(60)
"""


def test_a_watcher_ends_when_its_owner_is_killed() -> None:
    owner = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    watcher = subprocess.Popen(
        [sys.executable, "-c", WATCHER, str(SRC), str(owner.pid)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert watcher.stdout is not None and watcher.stdout.readline().strip() == "watching"
        time.sleep(1)
        assert watcher.poll() is None  # the owner lives: the watcher waits
        owner.kill()
        owner.wait()
        assert watcher.wait(timeout=20) == 1  # gone within a few checks of the owner's end
    finally:
        for p in (owner, watcher):
            if p.poll() is None:
                p.kill()
                p.wait()
        if watcher.stdout is not None:
            watcher.stdout.close()


def test_local_cluster_workers_watch_the_redline_process(monkeypatch: pytest.MonkeyPatch) -> None:
    watched: list[int] = []
    monkeypatch.setattr(cluster, "die_with", watched.append)
    made: list[Any] = []
    plugin = cluster.ExtractorPlugin(lambda s: made.append(s) or object(), Settings(), owner=4242)  # type: ignore[arg-type,func-returns-value]
    plugin.setup(worker=None)
    assert watched == [4242] and len(made) == 1
    remote = cluster.ExtractorPlugin(lambda s: object(), Settings())  # type: ignore[arg-type,return-value]
    remote.setup(worker=None)
    assert watched == [4242]  # a worker on another machine watches nothing
