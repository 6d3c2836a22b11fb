"""Search stems words alike on SQLite and PostgreSQL (migration ``0027_stemmed_search``): an
inflected form finds the same statements on both, and a database made before the migration
upgrades in place and finds by stem afterwards."""

from __future__ import annotations

import pytest

from fakes import SaidExtractor, doc
from redline.store import Prepared, StatementFilter, Store, fingerprint

BEFORE = "0026_document_copies"

TEXT = (
    "Anna Berg said the negotiation over the border had stalled. "
    "Karl Weiss said two negotiations were planned for spring. "
    "Lena Fox said the envoys were negotiating a ceasefire line. "
    "Omar Haddad said the negotiators met in Geneva. "
    "Ivo Petrov said the talks on grain exports ended early. "
    "Mira Sol said a team would negotiate through the night."
)


def _write(store: Store) -> None:
    d = doc(1, TEXT)
    ex = next(SaidExtractor().extract([d]))
    store.write([Prepared(ex, fingerprint(d.text, d.url, d.content_hash))])


def _found(store: Store, search: str) -> list[str]:
    return sorted(r["content"] for r in store.statements(StatementFilter(search=search, limit=None)))


# what every form of "negotiate" finds, "negotiators" too (Porter gives them one stem)
NEGOTIATE = [
    "a team would negotiate through the night",
    "the envoys were negotiating a ceasefire line",
    "the negotiation over the border had stalled",
    "the negotiators met in Geneva",
    "two negotiations were planned for spring",
]


@pytest.mark.parametrize("word", ["negotiation", "negotiations", "negotiating", "negotiate", "Negotiated"])
def test_inflected_forms_find_the_same_statements(db_url: str, word: str) -> None:
    with Store.open(db_url) as store:
        _write(store)
        assert _found(store, word) == NEGOTIATE


def test_words_match_whole_not_as_prefixes(db_url: str) -> None:
    """A word's start finds nothing on either database (SQLite once matched it as a prefix), a
    common word is searched like any other (PostgreSQL once dropped it), and a phrase keeps its
    words in order, stemmed."""
    with Store.open(db_url) as store:
        _write(store)
        assert _found(store, "negot") == []
        assert _found(store, "talk") == ["the talks on grain exports ended early"]
        assert _found(store, "over") == ["the negotiation over the border had stalled"]
        stalled = ["the negotiation over the border had stalled"]
        assert _found(store, '"negotiations over the border"') == stalled
        assert _found(store, "negotiating -ceasefire") == [s for s in NEGOTIATE if "ceasefire" not in s]
        assert _found(store, "talk OR exported") == ["the talks on grain exports ended early"]
        talks = "the talks on grain exports ended early"
        assert _found(store, "talks OR negotiated") == sorted([*NEGOTIATE, talks])


def test_a_lone_or_is_a_word(db_url: str) -> None:
    """``or`` joins two terms; with none before or after it, it is a word, as PostgreSQL's
    web-search syntax reads it."""
    with Store.open(db_url) as store:
        d = doc(2, "Anna Berg said the deal would hold, more or less. Karl Weiss said the deal would fail.")
        ex = next(SaidExtractor().extract([d]))
        store.write([Prepared(ex, fingerprint(d.text, d.url, d.content_hash))])
        assert _found(store, "or") == ["the deal would hold, more or less"]
        assert _found(store, "deal or") == ["the deal would hold, more or less"]
        assert _found(store, "hold or fail") == ["the deal would fail", "the deal would hold, more or less"]


def test_a_database_made_before_the_migration_finds_by_stem_after_it(db_url: str) -> None:
    """Rows written under the old index (prefix matching on SQLite, stop words dropped on
    PostgreSQL) are kept and indexed anew by stem; rows written afterwards are indexed too."""
    with Store.open(db_url, upto=BEFORE) as old:
        assert old.migrations()[-1] == BEFORE
        _write(old)
    with Store.open(db_url) as store:
        assert "0027_stemmed_search" in store.migrations()
        assert len(store.statements(StatementFilter(limit=None))) == 6
        assert _found(store, "negotiating") == NEGOTIATE
        assert _found(store, "negot") == []
        d = doc(3, "Nora Lind said the negotiators would return on Monday.", day=2)
        ex = next(SaidExtractor().extract([d]))
        store.write([Prepared(ex, fingerprint(d.text, d.url, d.content_hash))])
        assert _found(store, "negotiator") == sorted([*NEGOTIATE, "the negotiators would return on Monday"])
