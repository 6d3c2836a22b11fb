"""The collector pause around a big read leaves the collector as it found it."""

from __future__ import annotations

import gc

import pytest

from redline.store.gc_pause import paused_gc


def test_the_collector_is_paused_in_the_block_and_enabled_again_after() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: the inner end must not enable it under the outer block
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_in_the_block_still_enables_the_collector() -> None:
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("read failed")
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
