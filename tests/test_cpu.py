from __future__ import annotations

from collections.abc import Iterator

import numpy  # noqa: F401  (loads OpenBLAS, the library the cap is for)
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from redline.config import Settings
from redline.cpu import available_cpus, limit_native_threads, threads_per_process
from redline.runners import _WORKER, _init_worker


@pytest.mark.parametrize(
    ("processes", "cpus", "threads"),
    [(1, 2, 2), (2, 2, 1), (3, 2, 1), (2, 8, 4), (3, 8, 2), (0, 4, 4)],
)
def test_processes_share_the_cores(processes: int, cpus: int, threads: int) -> None:
    assert threads_per_process(processes, cpus) == threads


def test_available_cpus_is_positive() -> None:
    assert available_cpus() >= 1


@pytest.fixture
def restore_threads() -> Iterator[None]:
    before = {i["filepath"]: i["num_threads"] for i in threadpool_info()}
    yield
    threadpool_limits(limits=before)


def _blas_threads() -> set[int]:
    return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}


@pytest.mark.usefixtures("restore_threads")
def test_limit_caps_loaded_blas_to_one_thread_per_process_when_cores_are_shared() -> None:
    if not _blas_threads():
        pytest.skip("no BLAS library under threadpoolctl's control in this numpy build")
    limit_native_threads(available_cpus() + 1)
    assert _blas_threads() == {1}


@pytest.mark.usefixtures("restore_threads")
def test_ingest_worker_caps_threads_when_it_starts() -> None:
    if not _blas_threads():
        pytest.skip("no BLAS library under threadpoolctl's control in this numpy build")
    threadpool_limits(limits=available_cpus())
    try:
        _init_worker(lambda s: object(), Settings(), available_cpus() * 2)  # type: ignore[arg-type,return-value]
        assert _blas_threads() == {1}
    finally:
        _WORKER.clear()
