"""Extraction on a Dask cluster, for corpora that one machine would take days over.

Dask (``distributed``) schedules the batches, retries them when a worker dies and lets
workers join or leave mid-run; redline only ships batches out and takes results back in
order, so the store, the de-duplication and the crash-safety of ``ingest`` are unchanged.
Each Dask worker loads the extractor once, through a worker plugin, when it joins.

``scheduler`` is a scheduler address (``tcp://10.0.0.5:8786``) or ``local`` for a cluster of
``workers`` processes on this machine (a way to try the set-up before pointing at a real one).
Start workers with one thread each (``dask worker ADDRESS --nthreads 1 --nworkers N``): the
models hold the GIL, so threads in one worker process do not add speed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from redline.config import Settings
from redline.errors import ConfigError, RedlineError
from redline.runners import Batch, ExtractorFactory, ExtractorLike, Task, die_with, ordered

PLUGIN_NAME = "redline-extractor"


class ExtractorPlugin(WorkerPlugin):
    """Loads the extractor on every worker that joins the cluster, and keeps it there."""

    name = PLUGIN_NAME

    def __init__(self, factory: ExtractorFactory, settings: Settings, owner: int | None = None) -> None:
        self.factory = factory
        self.settings = settings
        self.owner = owner  # on a local cluster: the redline process whose end ends the worker
        self.extractor: ExtractorLike | None = None

    def setup(self, worker: Any) -> None:  # noqa: ARG002 (Dask calls the hook with worker=)
        if self.owner is not None:
            die_with(self.owner)  # first: loading the models takes seconds
        self.extractor = self.factory(self.settings)


def _plugin_extractor() -> ExtractorLike:
    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, ExtractorPlugin) and plugin.extractor is not None, "setup runs first"
    return plugin.extractor


def _on_worker(task: Task, batch: Batch) -> list[Any]:
    return task(batch, _plugin_extractor())


def _version_on_worker() -> str:
    return _plugin_extractor().version


class DaskRunner:
    """Batches go to a Dask cluster; results come back in input order."""

    def __init__(self, factory: ExtractorFactory, settings: Settings, scheduler: str, workers: int) -> None:
        self._cluster: Any = None
        timeout = f"{settings.timeout}s"  # the network timeout setting (REDLINE_TIMEOUT)
        try:
            if scheduler == "local":
                self._cluster = LocalCluster(
                    n_workers=max(1, workers),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self._client = Client(self._cluster, timeout=timeout)
            else:
                self._client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            self._close_cluster()
            raise ConfigError(
                f"cannot reach the Dask scheduler at {scheduler!r}: {exc}",
                hint="check the address (tcp://HOST:8786) and that `dask scheduler` is running there",
            ) from exc
        # a local cluster's workers end with this process, whatever ends it; remote ones do not
        owner = os.getpid() if scheduler == "local" else None
        self._client.register_plugin(ExtractorPlugin(factory, settings, owner))

    def version(self) -> str:
        return str(self._client.submit(_version_on_worker, pure=False).result())

    def map(self, task: Task, batches: Iterable[Batch]) -> Iterator[list[Any]]:
        try:
            yield from ordered(
                lambda b: self._client.submit(_on_worker, task, b, pure=False), batches, self._in_flight()
            )
        except Exception as exc:
            if type(exc).__module__.startswith("distributed"):
                raise RedlineError(
                    f"the Dask cluster failed the run: {exc}",
                    hint="run the same command again: stored documents are kept and skipped",
                ) from exc
            raise

    def _in_flight(self) -> int:
        threads = sum(self._client.nthreads().values()) or 1
        return 2 * threads + 1

    def close(self) -> None:
        self._client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


__all__ = ["DaskRunner", "ExtractorPlugin"]
