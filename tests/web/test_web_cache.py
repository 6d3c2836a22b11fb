"""The per-revision cache: computes once, evicts the least recently used, renews on store changes."""

from __future__ import annotations

from pathlib import Path

from web_corpus import build_store

from redline.store import Correction, StatementFilter, Store
from redline.web.cache import RevisionCache, Snapshot


def test_values_are_computed_once_and_the_least_recently_used_goes_first() -> None:
    calls: list[str] = []
    snap = Snapshot(keep=2)

    def make(key: str) -> str:
        calls.append(key)
        return key.upper()

    assert snap.get("a", lambda: make("a")) == "A"
    assert snap.get("a", lambda: make("a")) == "A"
    snap.get("b", lambda: make("b"))
    snap.get("a", lambda: make("a"))  # a is now the most recently used
    snap.get("c", lambda: make("c"))  # evicts b
    snap.get("a", lambda: make("a"))
    snap.get("b", lambda: make("b"))
    assert calls == ["a", "b", "c", "b"]


def test_a_new_snapshot_after_each_change_to_the_store(tmp_path: Path) -> None:
    url = build_store(tmp_path / "c.db")
    cache = RevisionCache()
    with Store.open(url) as store:
        first = cache.snapshot(store)
        assert cache.snapshot(store) is first
        sid = store.statements(StatementFilter(limit=1))[0]["id"]
        store.correct(sid, Correction(stance="neutral"))
        second = cache.snapshot(store)
        assert second is not first
        assert cache.snapshot(store) is second
