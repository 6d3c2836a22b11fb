"""Share the machine's cores between extraction processes instead of oversubscribing them.

numpy's OpenBLAS (used by spaCy's models) starts one thread per core in every process. With N
extraction processes on C cores that is N x C spinning threads, and measured on two cores it
cost about a fifth of the workers' CPU time. Each process therefore gets C // N native threads.
"""

from __future__ import annotations

import os

from threadpoolctl import threadpool_limits


def threads_per_process(processes: int, cpus: int | None = None) -> int:
    """Native threads each of ``processes`` processes may use so that together they fit the cores."""
    cpus = cpus or available_cpus()
    return max(1, cpus // max(1, processes))


def available_cpus() -> int:
    """Cores this process may run on (the affinity mask, which containers narrow), not the host's."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def limit_native_threads(processes: int) -> threadpool_limits:
    """Cap native thread pools already loaded in this process to its share of the cores when
    ``processes`` processes share them; child processes forked from it inherit the cap."""
    return cap_native_threads(threads_per_process(processes))


def cap_native_threads(threads: int) -> threadpool_limits:
    """Cap native thread pools already loaded in this process at ``threads`` threads.
    Returns the limiter, whose ``restore_original_limits()`` undoes it."""
    return threadpool_limits(limits=max(1, threads))
