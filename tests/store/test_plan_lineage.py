"""Plan versions keep their author, kind and lineage, and points their status, on every backend."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from redline.model import PlanVersion, Point
from redline.store import Store

MARKUP = PlanVersion(
    plan="peace",
    label="counter",
    date=date(2025, 11, 23),
    points=[
        Point("1", "The border follows the line agreed in the annex."),
        Point("2", "", text_status="unknown"),
        Point(
            "3",
            "Elections are held within a year.",
            text_status="summary",
            agreement="disputed",
            disputed_by=["North"],
        ),
        Point("4", "Die Wahlen finden statt.", lang="de", gloss="The elections take place."),
    ],
    author="Mediators",
    kind="counter-proposal",
    based_on="draft-1",
    source_urls=["https://example.org/counter"],
)


def test_author_lineage_and_point_status_survive_the_store(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.save_plan_version(MARKUP)
        hit = store.plan_version("peace", "counter")
    assert hit is not None and hit[0] == MARKUP


def test_a_database_from_before_lineage_is_upgraded(db_url: str) -> None:
    from redline.store.engine import make_engine

    Store.open(db_url, upto="0005_actor_counts").close()
    engine = make_engine(db_url)
    with engine.begin() as conn:  # the plan tables as 0004 created them (frozen): no lineage yet
        empty = conn.exec_driver_sql("SELECT * FROM plan_version LIMIT 0")
        columns = {r[0] for r in empty.cursor.description}
        assert "meta" not in columns
        conn.execute(text("INSERT INTO plan (name) VALUES ('peace')"))
        conn.execute(
            text(
                "INSERT INTO plan_version (plan, label, reported, saved_at) "
                "VALUES ('peace', 'old', false, CURRENT_TIMESTAMP)"
            )
        )
    engine.dispose()
    with Store.open(db_url) as store:
        assert "0008_plan_lineage" in store.migrations()
        old = store.plan_version("peace", "old")
        assert old is not None and old[0].author is None and old[0].kind == "draft"
        store.save_plan_version(MARKUP)
        hit = store.plan_version("peace", "counter")
        assert hit is not None and hit[0].based_on == "draft-1"
