"""Store behaviour on every backend: idempotence, duplicates, actors, filters, overrides, claims."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from fakes import SaidExtractor, doc
from redline.analysis.claims import refresh_claims
from redline.errors import ConfigError, NotFoundError
from redline.model import Document, Extraction, Span, Speaker, Statement
from redline.store import Correction, Prepared, StatementFilter, Store, fingerprint
from redline.store import migrations as migs

WIRE = (
    "Vladimir Putin said the draft plan could become the basis for a final settlement of the war. "
    "Officials in Kyiv said they had not yet seen the latest version of the document. "
    "Talks are expected to continue in Abu Dhabi next week, according to people familiar with them. "
    "European leaders said any deal must include firm security guarantees for Ukraine."
)


def prepared(d: Document, extractor: SaidExtractor | None = None) -> Prepared:
    ex = next((extractor or SaidExtractor()).extract([d]))
    return Prepared(ex, fingerprint(d.text, d.url, d.content_hash))


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store.open(db_url)
    yield s
    s.close()


def test_migrations_are_named_and_recorded(store: Store) -> None:
    assert store.migrations() == [name for name, _ in migs.MIGRATIONS]


def test_opening_an_old_database_upgrades_it(db_url: str) -> None:
    """A database made by migration 0001 alone (its frozen tables, rows written as that release
    wrote them) upgrades to the current schema: every table and column of ``schema``, its
    statements searchable and counted in the position tallies."""
    from sqlalchemy import inspect

    from redline.store.engine import make_engine
    from redline.store.schema import metadata

    with Store.open(db_url, upto="0001_core_tables") as old:
        assert old.migrations() == ["0001_core_tables"]
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO document (id, content_hash, published, outlet, text, n_statements, ingested_at) "
                "VALUES ('d1', 'h1', '2025-11-20', 'Wire', :t, 1, '2025-11-20 10:00:00')"
            ),
            {"t": WIRE},
        )
        conn.execute(
            text(
                "INSERT INTO statement (id, document_id, content, content_start, content_end, kind, "
                "m_issues, m_stance, speaker, stance, issues, date, outlet, confidence, extractor) "
                "VALUES ('s1', 'd1', 'the draft plan could become the basis for a final settlement', "
                "23, 84, 'indirect', '[\"plan_overall\"]', 'support', 'Vladimir Putin', 'support', "
                "'[\"plan_overall\"]', '2025-11-20', 'Wire', 0.9, 'old/1')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO statement_issue (issue, statement_id, date) "
                "VALUES ('plan_overall', 's1', '2025-11-20')"
            )
        )
    engine.dispose()
    with Store.open(db_url, migrate=False) as old:
        assert old.migrations() == ["0001_core_tables"]
    with Store.open(db_url) as new:
        assert new.migrations() == [name for name, _ in migs.MIGRATIONS]
        # data written before the upgrade is searchable and counted after it
        assert [r["document_id"] for r in new.statements(StatementFilter(search="settlement"))] == ["d1"]
        assert [(t.row, t.column, t.n) for t in new.position_tallies("actor")] == [
            ("Vladimir Putin", "plan_overall", 1)
        ]
        # the machine's date is the one stored before (no correction could change it then)
        assert new.statement("s1")["machine"]["date"] == "2025-11-20"
        found = inspect(new.engine)
        for table in metadata.sorted_tables:
            have = {c["name"] for c in found.get_columns(table.name)}
            assert {c.name for c in table.columns} <= have, table.name


def test_same_document_twice_changes_nothing(store: Store) -> None:
    first = store.write([prepared(doc(1, WIRE, url="https://www.example.org/a?utm_source=x"))])
    assert [o.status for o in first] == ["stored"]
    before = store.counts()
    again = store.write(
        [
            prepared(doc(1, WIRE)),  # same id
            prepared(doc(2, WIRE)),  # same text, other id
            prepared(doc(3, "Different text entirely. Nobody said anything.", url="http://example.org/a/")),
        ]
    )
    assert [o.status for o in again] == ["exists", "exists", "exists"]
    assert store.counts() == before


def test_near_duplicate_is_kept_linked_and_not_counted_twice(store: Store) -> None:
    reprint = WIRE.replace("next week", "in the coming days") + " Reporting by staff."
    out = store.write([prepared(doc(1, WIRE, outlet="Wire")), prepared(doc(2, reprint, outlet="Daily"))])
    assert [o.status for o in out] == ["stored", "near_duplicate"]
    assert out[1].duplicate_of == "d1"
    docs = {d["id"]: d for d in store.documents()}
    assert docs["d2"]["duplicate_of"] == "d1" and docs["d2"]["n_statements"] == 2
    counted = store.statements()
    assert {r["document_id"] for r in counted} == {"d1"}
    assert len(store.statements(StatementFilter(include_duplicates=True))) == 4
    refresh_claims(store)
    assert all(c["n_statements"] == 1 for c in store.claims())


def _statement(
    doc_id: str, text: str, content: str, name: str, mention: str, actor_id: str | None
) -> Statement:
    start = text.index(content)
    m0 = text.index(mention)
    return Statement(
        id=f"{doc_id}-{start}",
        document_id=doc_id,
        content=Span(content, start, start + len(content)),
        kind="indirect",
        speaker=Speaker(name, actor_id, Span(mention, m0, m0 + len(mention))),
        issues=["sanctions_economy"],
        stance="oppose",
        date=date(2025, 11, 27),
        extractor="test/1",
    )


def test_actor_identity_and_aliases_learned_from_appositions(store: Store) -> None:
    t1 = "Kremlin spokesman Dmitry Peskov said sanctions relief was not on the table."
    t2 = "The Kremlin spokesman told reporters that sanctions would stay."
    t3 = "Peskov, speaking later, said talks on sanctions had stalled."
    d1, d2, d3 = (
        Document(id=f"x{i}", text=t, published=date(2025, 11, 27)) for i, t in enumerate((t1, t2, t3))
    )
    exs = [
        Extraction(
            d1,
            [
                _statement(
                    "x0",
                    t1,
                    "sanctions relief was not on the table",
                    "Dmitry Peskov",
                    "Kremlin spokesman Dmitry Peskov",
                    None,
                )
            ],
            extractor="test/1",
        ),
        Extraction(
            d2,
            [
                _statement(
                    "x1", t2, "sanctions would stay", "Kremlin spokesman", "The Kremlin spokesman", None
                )
            ],
            extractor="test/1",
        ),
        Extraction(
            d3,
            [_statement("x2", t3, "talks on sanctions had stalled", "Dmitry Peskov", "Peskov", None)],
            extractor="test/1",
        ),
    ]
    store.write([Prepared(e, fingerprint(e.document.text, None, e.document.content_hash)) for e in exs])
    rows = store.statements(StatementFilter(actor="Kremlin spokesman"))
    assert {r["document_id"] for r in rows} == {"x0", "x1", "x2"}
    assert {r["actor_id"] for r in rows} == {"name:dmitry-peskov"}
    assert [a["id"] for a in store.actors()] == ["name:dmitry-peskov"]


def test_two_romanisations_of_one_name_are_one_actor(store: Store) -> None:
    """The store keys names as the extractor does: one person under both spellings, found by either."""
    t1 = "Ambassador Serhiy Kyslytsya said the draft needed changes."
    t2 = "Sergiy Kyslytsia said the talks would resume next week."
    t3 = "Олександр Коваль said the plan was unacceptable."
    exs = [
        Extraction(
            Document(id=f"k{i}", text=t, published=date(2025, 11, 27)),
            [_statement(f"k{i}", t, content, name, name, None)],
            extractor="test/1",
        )
        for i, (t, content, name) in enumerate(
            (
                (t1, "the draft needed changes", "Serhiy Kyslytsya"),
                (t2, "the talks would resume next week", "Sergiy Kyslytsia"),
                (t3, "the plan was unacceptable", "Олександр Коваль"),
            )
        )
    ]
    store.write([Prepared(e, fingerprint(e.document.text, None, e.document.content_hash)) for e in exs])
    rows = store.statements(StatementFilter(limit=None))
    by_doc = {r["document_id"]: r["actor_id"] for r in rows}
    assert by_doc["k0"] == by_doc["k1"] == "name:serhiy-kyslytsya"  # the first spelling names it
    assert by_doc["k2"] not in {by_doc["k0"], None}  # another script is not folded away
    for spelling in ("Sergiy Kyslytsia", "serhiy kyslytsya"):
        assert {r["document_id"] for r in store.statements(StatementFilter(actor=spelling))} == {"k0", "k1"}


def test_statement_filters(store: Store) -> None:
    store.write(
        [
            prepared(
                doc(
                    1,
                    "Vladimir Putin said the plan was a basis. Volodymyr Zelensky said NATO was not negotiable.",  # noqa: E501
                    outlet="Wire",
                    day=20,
                )
            ),
            prepared(
                doc(2, "Volodymyr Zelensky said territory would never be ceded.", outlet="Post", day=25)
            ),
        ]
    )
    ids = lambda **kw: sorted(r["content"] for r in store.statements(StatementFilter(**kw)))  # noqa: E731
    assert ids(actor="volodymyr-zelensky") == ["NATO was not negotiable", "territory would never be ceded"]
    assert ids(actor="Vladimir Putin") == ["the plan was a basis"]
    assert ids(issue="nato") == ["NATO was not negotiable"]
    assert ids(stance="oppose", outlet="Post") == ["territory would never be ceded"]
    assert ids(since=date(2025, 11, 21)) == ["territory would never be ceded"]
    assert ids(until=date(2025, 11, 21)) == ["NATO was not negotiable", "the plan was a basis"]
    assert ids(search="cede") == ["territory would never be ceded"]
    assert ids(search="negotiable NATO") == ["NATO was not negotiable"]
    assert ids(actor="nobody at all") == []
    assert [r["date"] for r in store.statements()] == ["2025-11-25", "2025-11-20", "2025-11-20"]


def test_corrections_survive_reprocessing_with_changed_offsets(store: Store) -> None:
    text_ = "Volodymyr Zelensky said territory would never be ceded. Someone said the weather was fine today."
    d = doc(1, text_)
    store.write([prepared(d)])
    rows = {r["content"]: r for r in store.statements()}
    terr, weather = rows["territory would never be ceded"], rows["the weather was fine today"]
    store.correct(
        terr["id"], Correction(stance="conditional", issues=("territory", "recognition"), who="ana")
    )
    store.correct(weather["id"], Correction(reject=True, who="ana"))
    store.correct(terr["id"], Correction(speaker="Andriy Yermak", who="bob"))

    v2 = SaidExtractor(version="fake/2", shift=2)  # new offsets, new statement ids
    store.replace([next(v2.extract([d]))])
    rows = store.statements(StatementFilter(include_rejected=True))
    by_content = {r["content"]: r for r in rows}
    terr2 = by_content["rritory would never be ceded"]
    assert terr2["id"] != terr["id"]
    assert terr2["stance"] == "conditional"
    assert terr2["issues"] == ["territory", "recognition"]  # in the order the analyst gave
    assert terr2["speaker"] == "Andriy Yermak" and terr2["actor_id"] == "name:andriy-yermak"
    assert by_content["e weather was fine today"]["rejected"] is True
    assert [r["content"] for r in store.statements()] == ["rritory would never be ceded"]
    assert [r["content"] for r in store.statements(StatementFilter(issue="recognition"))] == [
        terr2["content"]
    ]
    with store.engine.connect() as conn:
        attached = conn.execute(text("select attached from statement_override order by id")).scalars().all()
    assert attached == ["overlap", "overlap", "overlap"]


def test_correct_rejects_bad_input(store: Store) -> None:
    store.write([prepared(doc(1, "Volodymyr Zelensky said peace was near."))])
    sid = store.statements()[0]["id"]
    with pytest.raises(NotFoundError):
        store.correct("nope", Correction(stance="support"))
    with pytest.raises(ConfigError):
        store.correct(sid, Correction(stance="happy"))
    with pytest.raises(ConfigError):
        store.correct(sid, Correction())


def test_same_claim_in_many_outlets_is_one_claim(store: Store) -> None:
    store.write(
        [
            prepared(
                doc(
                    1,
                    "Vladimir Putin said the plan could be the basis for future agreements.",
                    outlet="A",
                    day=27,
                )
            ),
            prepared(
                doc(
                    2,
                    "Speaking in Bishkek, Putin said the plan could be a basis for future agreements.",
                    outlet="B",
                    day=27,
                )
            ),
            prepared(
                doc(
                    3,
                    "On Friday Vladimir Putin said that the plan could serve as basis for future agreements.",
                    outlet="C",
                    day=28,
                )
            ),
            prepared(doc(4, "Vladimir Putin said troops would keep advancing.", outlet="A", day=28)),
            prepared(
                doc(
                    5,
                    "Two weeks earlier, in a long interview broadcast on state television from his residence "
                    "outside Moscow, Vladimir Putin said the plan could be the basis for future agreements.",
                    outlet="D",
                    day=12,
                )
            ),  # same words, outside the date window: another claim
        ]
    )
    assert refresh_claims(store) == 3
    top = store.claims()[0]
    assert top["n_outlets"] == 3 and top["outlets"] == ["A", "B", "C"] and top["speaker"] == "Vladimir Putin"
    assert sorted(c["n_statements"] for c in store.claims()) == [1, 1, 3]


def test_views_are_readable(store: Store) -> None:
    store.write([prepared(doc(1, "Vladimir Putin said the plan on territory was a basis."))])
    with store.engine.connect() as conn:
        row = conn.execute(text("select speaker, issues, document_title from statements_view")).one()
        assert tuple(row) == ("Vladimir Putin", "plan_overall, territory", "Article 1")
        assert conn.execute(text("select n_statements from actors_view")).scalar() == 1
        assert conn.execute(text("select count(*) from documents_view")).scalar() == 1


def test_actor_counts_are_answered_from_an_index(store: Store) -> None:
    from sqlalchemy import inspect

    assert "0005_actor_counts" in store.migrations()
    with store.engine.connect() as conn:
        indexes = {ix["name"]: ix["column_names"] for ix in inspect(conn).get_indexes("statement")}
    assert indexes["ix_statement_actor_counted"] == ["actor_id", "rejected", "duplicate"]
    store.write([prepared(doc(1, WIRE))])
    assert [a for a in store.actors() if a["statements"]]  # the counts still come out


def test_a_batch_that_lost_a_race_to_another_writer_is_tried_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two ingests of the same input: both looked before either wrote, so the second one's
    insert breaks a unique key. Its batch must come back as already stored, not kill the run."""
    from redline.store import writer

    batch = [prepared(doc(n, f"Vladimir Putin said point {n} was acceptable.")) for n in (1, 2)]
    assert [o.status for o in store.write(batch)] == ["stored", "stored"]  # the other writer
    real, looks = writer._existing, []

    def looked_too_early(conn: object, items: object) -> object:
        looks.append(1)
        return (set(), {}, {}) if len(looks) == 1 else real(conn, items)  # type: ignore[arg-type]

    monkeypatch.setattr(writer, "_existing", looked_too_early)
    again = store.write(batch)
    assert len(looks) == 2
    assert [o.status for o in again] == ["exists", "exists"]
    assert store.summary()["documents"] == 2


def test_a_write_that_keeps_failing_on_a_key_says_so(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from redline.errors import StoreError
    from redline.store import writer

    batch = [prepared(doc(1, "Vladimir Putin said the point was acceptable."))]
    store.write(batch)
    monkeypatch.setattr(writer, "_existing", lambda conn, items: (set(), {}, {}))
    with pytest.raises(StoreError, match="write failed"):
        store.write(batch)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("putin OR trump", ["d1", "d2"]),
        ("Putin or Trump", ["d1", "d2"]),
        ('"peace plan"', ["d1"]),
        ("peace plan", ["d1"]),
        ("plan -putin", ["d3"]),
        ("-putin", ["d2", "d3", "d4"]),
        ("sanctions OR deal -trump", ["d4"]),
        ("!!", []),
    ],
)
def test_one_search_syntax_on_both_backends(store: Store, query: str, expected: list[str]) -> None:
    texts = [  # search runs over what was said: the names searched for are in the quotes
        "Anna Berg said Putin called the peace plan a basis.",
        "Karl Weiss said Trump found the peace deal close.",
        "Lena Fox said the plan would never cede land to Moscow.",
        "Omar Haddad said sanctions must stay.",
    ]
    store.write([prepared(doc(n, t)) for n, t in enumerate(texts, start=1)])
    found = store.statements(StatementFilter(search=query, limit=None))
    assert sorted(r["document_id"] for r in found) == expected
