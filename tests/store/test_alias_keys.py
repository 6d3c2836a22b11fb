"""Migration 0009: aliases stored under the store's old name key get the extractor's key."""

from __future__ import annotations

from sqlalchemy import text

from redline.knowledge.actors import name_key
from redline.store import Store
from redline.store.engine import make_engine


def test_old_alias_keys_are_recomputed_from_their_text(db_url: str) -> None:
    Store.open(db_url, upto="0008_plan_lineage").close()
    engine = make_engine(db_url)
    with engine.begin() as conn:  # as a database of the last version stored them
        conn.execute(
            text("INSERT INTO actor (id, name, kind) VALUES ('sergiy-kyslytsia', 'Sergiy Kyslytsia', 'name')")
        )
        for alias, said in (("sergiy kyslytsia", "Sergiy Kyslytsia"), ("old:kyslytsia", "Kyslytsia")):
            conn.execute(
                text(
                    "INSERT INTO actor_alias (alias, actor_id, source, text) "
                    "VALUES (:alias, 'sergiy-kyslytsia', 'name', :text)"
                ),
                {"alias": alias, "text": said},
            )
    engine.dispose()
    with Store.open(db_url) as store:
        assert "0009_alias_keys" in store.migrations()
    engine = make_engine(db_url)
    with engine.connect() as conn:
        keys = {r[0] for r in conn.execute(text("SELECT alias FROM actor_alias"))}
    engine.dispose()
    assert keys == {name_key("Sergiy Kyslytsia"), name_key("Kyslytsia")}
    # the other spelling of the same name now meets the stored key
    assert name_key("Serhiy Kyslytsya") == name_key("Sergiy Kyslytsia")
