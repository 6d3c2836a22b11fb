"""A statement counts under each issue with its stance toward that issue (migration 0028): the
tallies, the counters kept by triggers, listings, exports, corrections and reprocessing agree.
On every backend; sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from redline.analysis.stored_positions import stored_positions
from redline.export.dna import dna_rows
from redline.export.statements import STATEMENT_COLUMNS, statement_rows
from redline.model import Actor, Document, Extraction, Span, Speaker, Statement
from redline.store import Correction, Prepared, StatementFilter, Store, fingerprint

TEXT = (
    "Anton Volkov said Moscow would never accept foreign troops in Ukraine as a guarantee. "
    "Anton Volkov said no Western soldier would ever be welcome on Ukrainian soil. "
    "Olena Marchuk said her country had always wanted to join NATO as its real guarantee."
)
GUARANTEES_THEN_NATO = ["security_guarantees", "nato"]


def _said(words: str, who: str, actor_id: str, party: str, stance: str, nato: str) -> Statement:
    start = TEXT.index(words)
    return Statement(
        id=f"s{start}",
        document_id="d1",
        content=Span(words, start, start + len(words)),
        kind="indirect",
        speaker=Speaker(who, actor_id, Span(who, TEXT.index(who), TEXT.index(who) + len(who)), party),
        issues=list(GUARANTEES_THEN_NATO),
        stance=stance,  # type: ignore[arg-type]
        date=date(2025, 12, 2),
        extractor="test/1",
        issue_stances={"security_guarantees": stance, "nato": nato},  # type: ignore[dict-item]
    )


# a refusal of foreign troops: oppose on the guarantee, support on the NATO point, twice; a
# wish to join NATO: support on the guarantee, oppose on the NATO point
REFUSAL = _said(
    "Moscow would never accept foreign troops in Ukraine as a guarantee",
    "Anton Volkov",
    "volkov",
    "russia",
    "oppose",
    "support",
)
REFUSAL2 = _said(
    "no Western soldier would ever be welcome on Ukrainian soil",
    "Anton Volkov",
    "volkov",
    "russia",
    "oppose",
    "support",
)
WISH = _said(
    "her country had always wanted to join NATO as its real guarantee",
    "Olena Marchuk",
    "marchuk",
    "ukraine",
    "support",
    "oppose",
)
ACTORS = [
    Actor("volkov", "Anton Volkov", party="russia"),
    Actor("marchuk", "Olena Marchuk", party="ukraine"),
]
DOC = Document(id="d1", text=TEXT, url="https://example.org/1", outlet="Wire", published=date(2025, 12, 2))


def _write(store: Store, statements: list[Statement]) -> None:
    store.add_actors(ACTORS)
    ex = Extraction(DOC, statements, [], extractor="test/1")
    store.write([Prepared(ex, fingerprint(DOC.text, DOC.url, DOC.content_hash))])


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store.open(db_url)
    _write(s, [REFUSAL, REFUSAL2, WISH])
    yield s
    s.close()


def _cells(store: Store) -> dict[tuple[str, str], tuple[str, dict[str, int]]]:
    matrix = stored_positions(store, by="party").result.matrix
    return {k: (c.stance, {s: n for s, n in c.counts.items() if n}) for k, c in matrix.cells.items()}


def test_each_issue_counts_the_stance_toward_it(store: Store) -> None:
    assert _cells(store) == {
        ("russia", "security_guarantees"): ("oppose", {"oppose": 2}),
        ("russia", "nato"): ("support", {"support": 2}),
        ("ukraine", "security_guarantees"): ("support", {"support": 1}),
        ("ukraine", "nato"): ("oppose", {"oppose": 1}),
    }
    # the counters the triggers keep, and a listing narrowed to an issue and a stance
    on_nato = StatementFilter(issue="nato", stance="support", limit=None)
    assert store.count_statements(on_nato) == 2
    listed = store.statements(on_nato)
    assert sorted(r["id"] for r in listed) == sorted([REFUSAL.id, REFUSAL2.id])
    assert {(r["stance"], r["issue_stance"]) for r in listed} == {("oppose", "support")}
    assert store.actor("volkov")["by_stance"] == {"oppose": 2}  # a statement's stance: the first issue's


def test_records_and_exports_give_each_issue_its_stance(store: Store) -> None:
    assert store.statement(WISH.id)["issue_stances"] == {"nato": "oppose", "security_guarantees": "support"}
    rows = {r["id"]: r for r in statement_rows(store)}
    assert "issue_stances" in STATEMENT_COLUMNS
    assert rows[REFUSAL.id]["issues"] == ["security_guarantees", "nato"]  # in salience order
    assert rows[REFUSAL.id]["issue_stances"] == {"security_guarantees": "oppose", "nato": "support"}
    assert rows[REFUSAL.id]["stance"] == "oppose"
    records = store.iter_statement_records()
    dna = {r["statement_id"]: r["agreement"] for r in dna_rows(records, reversal=store.reversal)}
    assert dna[f"{REFUSAL.id}:nato"] == 1 and dna[f"{REFUSAL.id}:security_guarantees"] == 0
    assert dna[f"{WISH.id}:nato"] == 0 and dna[f"{WISH.id}:security_guarantees"] == 1


def test_a_stance_correction_sets_the_first_issue_or_the_one_named(store: Store) -> None:
    store.correct(WISH.id, Correction(stance="conditional", who="ana"))
    assert store.statement(WISH.id)["issue_stances"] == {
        "nato": "oppose",
        "security_guarantees": "conditional",
    }
    store.correct(WISH.id, Correction(stance="support", issue="nato", who="ana"))
    record = store.statement(WISH.id)
    assert record["stance"] == "conditional"
    assert record["issue_stances"] == {"nato": "support", "security_guarantees": "conditional"}
    assert record["overrides"][-1]["issue"] == "nato"
    assert _cells(store)[("ukraine", "nato")] == ("support", {"support": 1})
    # re-extracted (the machine reads nato as oppose again), the corrections still hold
    store.replace([Extraction(DOC, [REFUSAL, REFUSAL2, WISH], [], extractor="test/2")])
    assert store.statement(WISH.id)["issue_stances"] == {
        "nato": "support",
        "security_guarantees": "conditional",
    }
    assert _cells(store)[("ukraine", "nato")] == ("support", {"support": 1})


def test_a_correction_names_an_issue_of_the_statement(store: Store) -> None:
    from redline.errors import ConfigError

    with pytest.raises(ConfigError, match="not on issue"):
        store.correct(WISH.id, Correction(stance="support", issue="territory", who="ana"))


def test_a_database_made_before_keeps_its_counts_until_reprocessed(db_url: str) -> None:
    """Migration 0028 on a database whose statements have no stance by issue: each link gets
    the statement's stance and every count stays as it was; re-extracted, each issue counts its own."""
    if not db_url.startswith("sqlite"):
        pytest.skip("dropping columns to make an older database is shown on SQLite")
    with Store.open(db_url) as s:
        _write(s, [REFUSAL, REFUSAL2, WISH])
        with s.engine.begin() as conn:
            conn.execute(text("DELETE FROM _migrations WHERE name = '0028_issue_stances'"))
            conn.execute(text("UPDATE statement SET issue_stances = NULL, m_issue_stances = NULL"))
            conn.execute(text("ALTER TABLE statement_issue DROP COLUMN stance"))
            conn.execute(text("ALTER TABLE statement_override DROP COLUMN issue"))
        s.rebuild_tallies()
        s.recount_corpus()
        assert _cells(s)[("russia", "nato")] == ("oppose", {"oppose": 2})  # the first issue's, as before
    with Store.open(db_url) as s:
        assert "0028_issue_stances" in s.migrations()
        assert _cells(s)[("russia", "nato")] == ("oppose", {"oppose": 2})
        # the links have the statement's stance: the two refusals oppose under nato too
        refusals = sorted([REFUSAL.id, REFUSAL2.id])
        assert s.count_statements(StatementFilter(issue="nato", stance="oppose", limit=None)) == 2
        assert (
            sorted(r["id"] for r in s.statements(StatementFilter(issue="nato", stance="oppose"))) == refusals
        )
        s.replace([Extraction(DOC, [REFUSAL, REFUSAL2, WISH], [], extractor="test/2")])
        assert _cells(s)[("russia", "nato")] == ("support", {"support": 2})
        assert s.count_statements(StatementFilter(issue="nato", stance="support", limit=None)) == 2
        assert [r["id"] for r in s.statements(StatementFilter(issue="nato", stance="oppose"))] == [WISH.id]


def test_statements_without_stances_by_issue_share_the_first_issues() -> None:
    """An extraction read from JSON made before the field: every issue has ``stance``."""
    old = replace(REFUSAL, issue_stances={})
    assert old.stance_on("nato") == "oppose"
    assert REFUSAL.stance_on("nato") == "support"


def test_the_api_record_and_the_export_record_give_one_shape(store: Store) -> None:
    """``issue_stances`` is a mapping by issue in both (the API's documented shape); a CSV
    export still writes the stances alone, in the order of ``issues``, as before."""
    import csv
    import io
    import json

    from redline.export.statements import export_statements

    exported = {r["id"]: r for r in store.iter_statement_records()}
    for st in (REFUSAL, WISH):
        record = store.statement(st.id)
        assert record is not None
        assert exported[st.id]["issue_stances"] == record["issue_stances"]
        assert list(record["issue_stances"]) == record["issues"]
    out = io.StringIO()
    export_statements(store, out, "jsonl")
    lines = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert lines[WISH.id]["issue_stances"] == {"security_guarantees": "support", "nato": "oppose"}
    out = io.StringIO()
    export_statements(store, out, "csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert rows[WISH.id]["issues"] == "security_guarantees;nato"
    assert rows[WISH.id]["issue_stances"] == "support;oppose"
