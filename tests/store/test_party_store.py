"""An unnamed or collective speaker keeps the party the extractor gave it once stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from redline.model import Document, Extraction, Span, Speaker, Statement
from redline.store import Prepared, Store, fingerprint


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url)
    yield s
    s.close()


def test_an_unnamed_speaker_is_stored_with_its_party(store: Store) -> None:
    text = "A senior US official said the envoys would return on Friday."
    mention = "A senior US official"
    content = "the envoys would return on Friday"
    start = text.index(content)
    statement = Statement(
        id="p1-0",
        document_id="p1",
        content=Span(content, start, start + len(content)),
        kind="indirect",
        speaker=Speaker(
            "anonymous US official",
            None,
            Span(mention, 0, len(mention)),
            party="united_states",
            kind="person",
        ),
        issues=["process"],
        date=date(2025, 11, 27),
        extractor="test/1",
    )
    ex = Extraction(
        Document(id="p1", text=text, published=date(2025, 11, 27)), [statement], extractor="test/1"
    )
    store.write([Prepared(ex, fingerprint(text, None, ex.document.content_hash))])
    actors = [a for a in store.actors() if a["name"] == "anonymous US official"]
    assert actors, "the speaker should be stored as an actor"
    assert store.parties().get(actors[0]["id"]) == "united_states"
