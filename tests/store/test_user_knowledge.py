"""Reversals and collective speakers are told by the actor files the statements were extracted
with (``REDLINE_ACTORS``), not by the packaged ones alone: another negotiation's capital is
its party's own name, and its own collectives are no one voice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from redline.analysis import negotiation
from redline.analysis.db_repository import SqlStatementSource
from redline.analysis.positions import BalanceSettings
from redline.analysis.shifts import find_shifts
from redline.analysis.stored_positions import stored_positions
from redline.config import Settings
from redline.errors import ConfigError
from redline.ingest import ingest
from redline.knowledge.actors import load_actors
from redline.knowledge.shift_cues import shift_knowledge
from redline.model import Document, Extraction, Span, Speaker, Statement
from redline.store import Prepared, Store, fingerprint

SPEAKER = "Ivo Tamm"


@pytest.fixture
def actor_file(tmp_path: Path) -> Path:
    """A second negotiation's side, its capital and a collective source of its own."""
    path = tmp_path / "actors.yaml"
    path.write_text(
        "parties:\n  lowmarsh: Lowmarsh\n"
        "actors:\n"
        "  - {id: lowmarsh, name: Lowmarsh, type: state, party: lowmarsh}\n"
        "  - {id: ivo-tamm, name: Ivo Tamm, type: person, party: lowmarsh}\n"
        "places:\n  lowmarsh: [Lowmarsh, Marshbury, Lowmarshian]\n"
        "collectives:\n  groups:\n    - {label: delta elders, kind: group, heads: [delta elder]}\n",
        encoding="utf-8",
    )
    return path


def _statement(n: int, words: str, stance: str, day: int, who: str = SPEAKER) -> Statement:
    actor_id = "ivo-tamm" if who == SPEAKER else None
    return Statement(
        id=f"u{n}",
        document_id=f"doc{n}",
        content=Span(words, 0, len(words)),
        kind="direct",
        speaker=Speaker(who, actor_id, Span(who, len(words) + 6, len(words) + 6 + len(who)), None),
        issues=["ceasefire"],
        stance=stance,  # type: ignore[arg-type]
        date=date(2026, 3, day),
        confidence=0.9,
        extractor="test/1",
    )


def _prepared(st: Statement) -> Prepared:
    text = f"{st.content.text}, said {st.speaker.name if st.speaker else ''}."
    doc = Document(id=st.document_id, text=text, url=f"https://example.org/{st.id}", published=st.date)
    ex = Extraction(doc, [st], [], extractor="test/1")
    return Prepared(ex, fingerprint(text, doc.url, doc.content_hash))


# the side's speaker turns, saying so with its capital as the subject: its own reversal
TURN = [
    _statement(1, "a truce along the delta is out of the question", "oppose", 2),
    _statement(2, "Marshbury no longer rejects a truce along the delta", "support", 9),
]


def _reversals(store: Store) -> int:
    return sum(r.rev_n for r in store.position_tallies("party"))


def test_the_store_counts_a_reversal_by_the_places_of_its_actor_files(db_url: str, actor_file: Path) -> None:
    with Store.open(db_url, actors=(actor_file,)) as store:
        store.add_actors(load_actors((actor_file,)))
        store.write([_prepared(s) for s in TURN])
        assert _reversals(store) == 1  # "Marshbury" is the speaker's own side
        shifts = stored_positions(store, by="party").result.shifts
        assert [(sh.row, sh.explicit) for sh in shifts] == [("lowmarsh", True)]
        # the corpus path counts it as the tallies do
        corpus = negotiation.read_corpus(SqlStatementSource(store), store.knowledge)
        assert [sh.row for sh in negotiation.positions(corpus, by="party").shifts] == ["lowmarsh"]
        store.rebuild_tallies()  # a recount keeps the store's knowledge
        assert _reversals(store) == 1


def test_without_the_actor_files_the_capital_is_someone_else(db_url: str, actor_file: Path) -> None:
    with Store.open(db_url) as store:  # the packaged knowledge: Marshbury is nobody's own name
        store.add_actors(load_actors((actor_file,)))
        store.write([_prepared(s) for s in TURN])
        assert _reversals(store) == 0


def test_a_users_collective_is_no_one_voice(actor_file: Path) -> None:
    """Two quotes of "a delta elder" may be two people: no shift of one voice, by the user's file."""
    said = [
        _statement(1, "a truce is a trap", "oppose", 2, who="A Delta Elder"),
        _statement(2, "a truce is a trap for the delta", "oppose", 3, who="A Delta Elder"),
        _statement(3, "a truce would be welcome", "support", 12, who="A Delta Elder"),
        _statement(4, "a truce would be welcome now", "support", 13, who="A Delta Elder"),
    ]
    # the packaged collectives do not know the elders
    assert len(find_shifts(said, BalanceSettings(by="actor"))) == 1
    assert find_shifts(said, BalanceSettings(by="actor", knowledge=shift_knowledge((actor_file,)))) == []


def test_ingest_refuses_a_store_opened_with_other_actor_files(db_url: str, actor_file: Path) -> None:
    with Store.open(db_url) as store, pytest.raises(ConfigError, match="actor files"):
        ingest([], store, Settings(actors=(actor_file,)))


def test_ingest_takes_one_file_by_any_spelling(
    db_url: str, actor_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(actor_file.parent)
    with Store.open(db_url, actors=(Path(actor_file.name),)) as store:
        assert ingest([], store, Settings(actors=(actor_file,))).stored == 0
