"""A matrix as of a past day read from the walk's kept checkpoints and turns equals the one
walked over every tally up to the day, and the corpus positions, after every kind of write."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select

from redline.analysis import negotiation
from redline.analysis.db_repository import SqlStatementSource
from redline.analysis.positions_report import positions_report
from redline.analysis.stored_positions import stored_positions
from redline.balance import cell_shifts
from redline.model import Actor, Document, Extraction, Span, Speaker, Statement
from redline.store import Correction, Prepared, Store, fingerprint
from redline.store.migrations import MIGRATIONS
from redline.store.schema import migrations_table, position_checkpoint, position_turn
from redline.store.walk_checkpoints import week_start

FIRST = date(2025, 9, 1)
SPEAKERS = [
    ("lavrov", "Sergei Lavrov", "russia"),
    ("shoigu", "Sergei Shoigu", "russia"),
    ("sybiha", "Andrii Sybiha", "ukraine"),
    ("witkoff", "Steve Witkoff", "united_states"),
    ("desk", "News Desk", "media"),
    (None, "An Unnamed Diplomat", None),
]
ISSUES = ["territory", "ceasefire", "sanctions"]
STANCES = ["support", "oppose", "conditional", "neutral"]
WORDS = ["the proposal", "a truce", "the border line", "the penalties", "any settlement"]


def _document(rnd: random.Random, n: int, *, dated: bool = True) -> Extraction:
    """Document ``n``: statements of a few speakers, each dated the day it is published or,
    now and then, an earlier day; a few say outright that their position changed."""
    day = FIRST + timedelta(days=rnd.randrange(70))
    sentences: list[str] = []
    statements: list[Statement] = []
    offset = 0
    for j in range(rnd.randint(2, 6)):
        actor, name, party = rnd.choice(SPEAKERS)
        stance = rnd.choice(STANCES)
        verb = "no longer rejects" if rnd.random() < 0.1 else rnd.choice(["backs", "doubts", "weighs"])
        words = f"he {verb} {rnd.choice(WORDS)} number {n} {j}"
        sentence = f"{name} said {words}."
        start = offset + len(name) + len(" said ")
        said = day - timedelta(days=rnd.choice([0, 0, 0, 3, 9])) if dated else None
        statements.append(
            Statement(
                id=f"w{n}-{j}",
                document_id=f"w{n}",
                content=Span(words, start, start + len(words)),
                kind=rnd.choice(["direct", "indirect", "mixed"]),  # type: ignore[arg-type]
                speaker=Speaker(name, actor, Span(name, offset, offset + len(name)), party),
                issues=sorted(set(rnd.sample(ISSUES, rnd.randint(1, 2)))),
                stance=stance,  # type: ignore[arg-type]
                date=said,
                confidence=rnd.choice([0.6, 0.8, 0.9]),
                extractor="test/1",
            )
        )
        sentences.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(sentences)
    doc = Document(f"w{n}", text, f"https://example.org/w{n}", None, day if dated else None, "Wire")
    return Extraction(doc, statements, [], extractor="test/1")


def _prepared(ex: Extraction) -> Prepared:
    d = ex.document
    return Prepared(ex, fingerprint(d.text, d.url, d.content_hash))


@pytest.fixture
def store(db_url: str) -> Any:
    s = Store.open(db_url)
    s.add_actors([Actor(a, name, "person", party=p) for a, name, p in SPEAKERS if a is not None])
    yield s
    s.close()


def _days() -> list[date]:
    """Days to read as of: each side of several week boundaries, before the first day, after the last."""
    out = [FIRST - timedelta(days=1), FIRST + timedelta(days=100)]
    for k in range(0, 70, 9):
        d = FIRST + timedelta(days=k)
        out += [d, week_start(d) - timedelta(days=1), week_start(d), week_start(d) + timedelta(days=6)]
    return sorted(set(out))


def _walked(store: Store, by: str, at: date, issue: str | None) -> tuple[Any, Any]:
    """The matrix as of ``at`` walked over every tally up to it (``tallies.as_of``)."""
    totals, walk = store.position_as_of(by, at, issue=issue)
    return totals, None if walk is None else [sh for k in sorted(walk) for sh in cell_shifts(*k, walk[k])]


def _assert_past_is_walked(store: Store) -> int:
    shifts = 0
    for by in ("party", "actor"):
        for issue in (None, "ceasefire"):
            for at in _days():
                past = store.position_past(by, at, issue=issue)
                assert past == _walked(store, by, at, issue), (by, issue, at)
                shifts += len(past[1] or [])
    return shifts


def _report(store: Store, stored: bool, **kw: Any) -> dict[str, Any]:
    if stored:
        found = stored_positions(store, **kw)
        result, documents = found.result, found.documents
    else:
        corpus = negotiation.read_corpus(SqlStatementSource(store), store.knowledge)
        result, documents = negotiation.positions(corpus, **kw), corpus.documents
    return positions_report(result, by=kw["by"], documents=documents, issue=kw.get("issue")).to_dict()


def _kept(store: Store) -> list[Any]:
    def read(conn: Any) -> list[Any]:
        tables = (position_checkpoint, position_turn)
        return [sorted(tuple(r) for r in conn.execute(select(t))) for t in tables]

    return store.read(read)


def test_past_positions_equal_the_walk_and_the_corpus_after_every_kind_of_write(store: Store) -> None:
    rnd = random.Random(12)
    docs = [_document(rnd, n) for n in range(60)]
    for k in range(0, 60, 15):  # writes whose days reach back before days already written
        store.write([_prepared(ex) for ex in docs[k : k + 15]])
    store.write([_prepared(_document(rnd, n, dated=False)) for n in range(60, 64)])
    shifts = _assert_past_is_walked(store)
    assert shifts > 20  # shifts as of past days were compared, not only cells
    # corrections (a stance, a speaker, a rejection) and a document extracted again with fewer
    store.correct("w3-0", Correction(stance="oppose"))
    store.correct("w5-1", Correction(speaker="Sergei Lavrov"))
    store.correct("w7-0", Correction(reject=True))
    fewer = docs[10]
    store.replace([Extraction(fewer.document, fewer.statements[:1], [], extractor="test/1")])
    _assert_past_is_walked(store)
    for kw in ({"by": "party"}, {"by": "actor", "issue": "territory"}):
        for at in (FIRST + timedelta(days=20), FIRST + timedelta(days=41)):
            assert _report(store, True, **kw, at=at) == _report(store, False, **kw, at=at), (kw, at)
    kept = _kept(store)
    assert kept[0] and kept[1]
    store.rebuild_tallies()
    assert _kept(store) == kept  # what every write kept is what walking everything again keeps


def test_a_cell_mixing_nobodys_speakers_is_walked_from_the_day_it_does(store: Store) -> None:
    """A speaker name shared by the media desk and a party's speaker: as of a day before the
    desk's first statement the turns are used, from it on the tallies are walked."""
    rnd = random.Random(5)
    store.write([_prepared(_document(rnd, n)) for n in range(30)])
    store.add_actors([Actor("desk2", "Sergei Lavrov", "organization", party="media")])
    late = FIRST + timedelta(days=60)
    said = "no comment on the truce today"
    st = Statement(
        id="late-0",
        document_id="late",
        content=Span(said, 20, 20 + len(said)),
        kind="direct",
        speaker=Speaker("Sergei Lavrov", "desk2", Span("Sergei Lavrov", 0, 13), "media"),
        issues=["ceasefire"],
        stance="oppose",
        date=late,
        confidence=0.9,
        extractor="test/1",
    )
    text = f"Sergei Lavrov said {said}."
    doc = Document("late", text, "https://example.org/late", None, late, "Wire")
    store.write([_prepared(Extraction(doc, [st], [], extractor="test/1"))])
    turns = store.read(lambda conn: list(conn.execute(select(position_turn))))
    assert any(t.shift_before == "" and t.day == late for t in turns)
    _assert_past_is_walked(store)


def test_the_migration_walks_the_stored_tallies(db_url: str) -> None:
    rnd = random.Random(3)
    with Store.open(db_url) as store:
        store.add_actors([Actor(a, name, "person", party=p) for a, name, p in SPEAKERS if a is not None])
        store.write([_prepared(_document(rnd, n)) for n in range(40)])
        kept = _kept(store)
        assert kept[0] and kept[1]

        name = next(n for n, step in MIGRATIONS if step.__name__ == "_walk_checkpoints")

        def forget(conn: Any) -> None:  # a database from before the migration
            for t in (position_checkpoint, position_turn):
                conn.execute(delete(t))
            conn.execute(delete(migrations_table).where(migrations_table.c.name == name))

        with store.engine.begin() as conn:
            forget(conn)
    with Store.open(db_url) as store:
        assert _kept(store) == kept
        _assert_past_is_walked(store)


def test_a_checkpoint_loaded_twice_gives_two_tallies() -> None:
    """Parsed checkpoints are kept by their text (``walk_checkpoints``' memos); each load is a
    tally of its own, since a matrix as of a day adds that week's days to it."""
    from redline.balance import DayGroup, Tally
    from redline.store.walk_checkpoints import _dump, load

    kept: Tally[str] = Tally()
    kept.add_day(date(2025, 3, 3), [DayGroup("support", 2, (1, 0.9, date(2025, 3, 3), 40), "s1")])
    state = _dump(kept)
    first = load(state)
    first.add_day(date(2025, 3, 4), [DayGroup("oppose", 5, (1, 0.9, date(2025, 3, 4), 40), "s2")])
    again = load(state)
    said = {st: n for st, n in again.counts.items() if n}
    assert said == {"support": 2} and {st: n for st, n in first.counts.items() if n} == {
        "support": 2,
        "oppose": 5,
    }


def test_answers_read_with_kept_quotes_and_parses_equal_the_corpus_after_each_change(store: Store) -> None:
    """The quotes (``quote_cache``), parsed turns and checkpoints (``walk_checkpoints``' memos)
    and quote references (``positions_report``) kept by one store across writes: after an adding
    write, corrections of quoted statements and a reprocess, every answer is still the corpus's."""
    rnd = random.Random(31)
    docs = [_document(rnd, n) for n in range(50)]
    store.write([_prepared(ex) for ex in docs[:35]])
    asks: list[dict[str, Any]] = [
        {"by": by, **({"at": at} if at else {})}
        for by in ("actor", "party")
        for at in (None, FIRST + timedelta(days=30), FIRST + timedelta(days=55))
    ]

    def same() -> int:
        shifts = 0
        for kw in asks:
            stored = _report(store, True, **kw)
            assert stored == _report(store, False, **kw), kw
            shifts += len(stored["shifts"])
        return shifts

    assert same() > 5  # shifts, with their quotes, are compared
    store.write([_prepared(ex) for ex in docs[35:]])
    same()
    quoted = [sh["quote_after"]["statement_id"] for sh in _report(store, True, by="actor")["shifts"]]
    store.correct(quoted[0], Correction(stance="neutral"))
    store.correct(quoted[-1], Correction(speaker="Andrii Sybiha"))
    same()
    # a quote kept in its cell, only its speaker changed (one party's other speaker)
    cells = _report(store, True, by="party")["cells"]
    lavrov = next(c["quote"] for c in cells if c["quote"]["speaker"] == "Sergei Lavrov")
    store.correct(lavrov["statement_id"], Correction(speaker="Sergei Shoigu"))
    cells = _report(store, True, by="party")["cells"]
    assert any(c["quote"]["statement_id"] == lavrov["statement_id"] for c in cells)
    same()
    again = docs[int(quoted[1].split("-")[0][1:])]
    store.replace([Extraction(again.document, again.statements[1:], [], extractor="test/1")])
    same()
