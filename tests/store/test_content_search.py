"""Search runs over what was said, not over who said it (migration ``0030_content_search``), on
SQLite and PostgreSQL alike; a speaker is filtered by the actor filter. Sentences written for
these tests."""

from __future__ import annotations

from sqlalchemy import update

from fakes import SaidExtractor, doc
from redline.store import Prepared, StatementFilter, Store, fingerprint
from redline.store.schema import statement

BEFORE = "0029_issue_order"

TEXT = (
    "Harbour Guild said the herring quota was far too low. "
    "Port Council said the quota favoured the guild over small boats. "
    "Anna Berg said the harbour fees would rise in spring."
)


def _write(store: Store, text: str = TEXT, n: int = 1) -> None:
    d = doc(n, text, day=n)
    ex = next(SaidExtractor().extract([d]))
    store.write([Prepared(ex, fingerprint(d.text, d.url, d.content_hash))])


def _found(store: Store, search: str, actor: str | None = None) -> list[str]:
    rows = store.statements(StatementFilter(search=search, actor=actor, limit=None))
    return sorted(r["content"] for r in rows)


def test_a_word_excluded_keeps_the_quotes_of_the_speaker_it_names(db_url: str) -> None:
    """``quota -guild`` drops the quote that names the guild, not the guild's own quote; the
    speaker's name alone finds only what was said about it."""
    with Store.open(db_url) as store:
        _write(store)
        assert _found(store, "quota -guild") == ["the herring quota was far too low"]
        assert _found(store, "guild") == ["the quota favoured the guild over small boats"]
        assert _found(store, "harbour") == ["the harbour fees would rise in spring"]
        assert store.count_search(StatementFilter(search="guild")) == (1, True)


def test_the_speaker_is_filtered_by_actor(db_url: str) -> None:
    with Store.open(db_url) as store:
        _write(store)
        assert _found(store, "quota", actor="Harbour Guild") == ["the herring quota was far too low"]
        assert _found(store, "quota", actor="Port Council") == [
            "the quota favoured the guild over small boats"
        ]


def test_a_database_indexed_with_speakers_is_indexed_anew(db_url: str) -> None:
    """Rows written under the index of speakers and content are kept and found by their content
    alone after the upgrade; a row written, corrected or deleted afterwards keeps the index right."""
    with Store.open(db_url, upto=BEFORE) as old:
        assert old.migrations()[-1] == BEFORE
        _write(old)
        assert _found(old, "quota -guild") == []  # the old index: the guild's name is searched
    with Store.open(db_url) as store:
        assert "0030_content_search" in store.migrations()
        assert _found(store, "quota -guild") == ["the herring quota was far too low"]
        _write(store, "Mira Sol said the guild would strike on Monday.", n=2)
        assert _found(store, "guild") == [
            "the guild would strike on Monday",
            "the quota favoured the guild over small boats",
        ]
        with store.engine.begin() as conn:  # the content and the speaker of a row change
            conn.execute(
                update(statement)
                .where(statement.c.content == "the guild would strike on Monday")
                .values(content="the crews would strike on Monday", speaker="Guild Crews")
            )
        assert _found(store, "strike") == ["the crews would strike on Monday"]
        assert _found(store, "guild") == ["the quota favoured the guild over small boats"]
