"""The reversal quotes of a matrix as of a past day are read through the partial index of the
tallies that have one, not by scanning every tally up to the day (migration 0016)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event

from redline.store import Store, tallies


def test_reversals_as_of_a_day_read_the_partial_index(tmp_path: Path) -> None:
    executed: list[tuple[str, Any]] = []
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store, store.engine.connect() as conn:

        @event.listens_for(conn, "before_cursor_execute")
        def seen(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
            executed.append((statement, parameters))

        assert tallies._reversals(conn, "party", None, date(2025, 6, 30)) == {}
        event.remove(conn, "before_cursor_execute", seen)
        [(sql, params)] = [(s, p) for s, p in executed if "rev_n" in s]
        plan = " ".join(str(r[3]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "ix_position_tally_rev" in plan
