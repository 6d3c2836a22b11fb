"""Extraction on a Dask cluster gives the same corpus as this machine's own workers."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from fakes import doc, make_fake, make_fake_v2
from redline.cli import app
from redline.cluster import DaskRunner
from redline.config import Settings
from redline.errors import ConfigError
from redline.ingest import ingest, reprocess
from redline.runners import LocalRunner, PoolRunner, open_runner, ordered
from redline.store import StatementFilter, Store
from test_ingest import corpus, dump


def test_a_local_dask_cluster_gives_the_same_database_as_one_process(tmp_path: Path) -> None:
    one, dask = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    items = [*corpus(40), doc(99, "Putin said EXPLODE now.")]
    with Store.open(one) as s:
        ingest(items, s, Settings(batch_size=4), extractor_factory=make_fake, workers=1)
    with Store.open(dask) as s:
        settings = Settings(batch_size=4, scheduler="local")
        r = ingest(items, s, settings, extractor_factory=make_fake, workers=2)
        assert (r.stored, r.problem_count) == (40, 1)  # the failing document is a problem, not a crash
        assert [p.kind for p in r.problems] == ["extract"]
        re = reprocess(s, settings, extractor_factory=make_fake_v2, workers=2)
        assert re.stored == 40
        assert {row["extractor"] for row in s.statements(StatementFilter(limit=None))} == {"fake/2"}
    with Store.open(one) as s:
        reprocess(s, Settings(batch_size=4), extractor_factory=make_fake_v2)
    assert dump(one) == dump(dask)


def test_an_unreachable_scheduler_is_a_config_error_naming_it() -> None:
    with pytest.raises(ConfigError) as err:
        DaskRunner(make_fake, Settings(timeout=1.0), "tcp://127.0.0.1:9", 1)
    assert "tcp://127.0.0.1:9" in str(err.value)
    assert "dask scheduler" in (err.value.hint or "")


def test_cli_ingest_takes_the_scheduler_flag_and_exits_2_when_it_is_unreachable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Putin said that the plan was a basis.", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            str(tmp_path / "a.txt"),
            "--db",
            f"sqlite:///{tmp_path / 'c.db'}",
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
        env={"REDLINE_TIMEOUT": "1"},
    )
    assert result.exit_code == 2, result.output
    assert "tcp://127.0.0.1:9" in result.output


def test_open_runner_picks_the_runner_the_settings_ask_for() -> None:
    local = open_runner(make_fake, Settings(), 1)
    assert isinstance(local, LocalRunner)
    pool = open_runner(make_fake, Settings(), 2)
    try:
        assert isinstance(pool, PoolRunner)
        assert pool.version() == "fake/1"
    finally:
        pool.close()


class _Done:
    def __init__(self, value: list[int]) -> None:
        self.value = value

    def result(self) -> list[int]:
        return self.value

    def done(self) -> bool:
        return True


def test_ordered_keeps_input_order_and_joins_finished_results() -> None:
    submitted: list[int] = []

    def submit(batch: list[int]) -> _Done:
        submitted.append(batch[0])
        return _Done([x * 10 for x in batch])

    out = list(ordered(submit, ([i, i + 1] for i in range(0, 10, 2)), in_flight=3))  # type: ignore[arg-type]
    assert [x for chunk in out for x in chunk] == [x * 10 for x in range(10)]
    assert len(out) < 5  # finished neighbours were written together
