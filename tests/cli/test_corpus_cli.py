"""The corpus commands: exit codes and exact output over a small store built with the fake extractor."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import redline.ingest
from fakes import doc, make_fake
from redline.cli import app
from redline.config import Settings
from redline.ingest import ingest
from redline.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    with Store.open(url) as s:
        ingest(
            [
                doc(1, "Vladimir Putin said the plan could be a basis. It rained.", outlet="Wire", day=27),
                doc(2, "Volodymyr Zelensky said territory would never be ceded.", outlet="Post", day=28),
                doc(3, "Putin said the plan could be a basis, officials recalled.", outlet="Globe", day=27),
            ],
            s,
            Settings(),
            extractor_factory=make_fake,
        )
    return url


def test_statements_csv(db: str) -> None:
    result = runner.invoke(app, ["statements", "--db", db, "--format", "csv", "--stance", "oppose"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "id,date,speaker,stance,issues,content,outlet,document_id,content_start,content_end\n"
        "31c3e592cd78f42f,2025-11-28,Volodymyr Zelensky,oppose,territory,territory would never be ceded,Post,d2,24,54\n"  # noqa: E501
    )


def test_statements_json_filters_and_env_db(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDLINE_DB", db)
    result = runner.invoke(
        app,
        [
            "statements",
            "--actor",
            "Vladimir Putin",
            "--issue",
            "plan_overall",
            "--since",
            "2025-11-27",
            "--until",
            "2025-11-27",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert sorted(r["outlet"] for r in rows) == ["Globe", "Wire"]
    result = runner.invoke(app, ["statements", "--search", "ceded", "-f", "json"])
    assert [r["document_id"] for r in json.loads(result.stdout)] == ["d2"]


def test_an_outlet_is_matched_in_any_case(db: str) -> None:
    def ids(outlet: str) -> list[str]:
        out = runner.invoke(app, ["statements", "--db", db, "--outlet", outlet, "-f", "json"])
        return [r["id"] for r in json.loads(out.stdout)]

    assert ids("post") == ids("POST") == ids("Post") != []
    assert ids("pos") == []
    docs = runner.invoke(app, ["documents", "--db", db, "--outlet", "globe", "-f", "json"])
    assert [d["outlet"] for d in json.loads(docs.stdout)] == ["Globe"]


def test_bad_date_is_a_user_error(db: str) -> None:
    result = runner.invoke(app, ["statements", "--db", db, "--since", "yesterday"])
    assert result.exit_code == 2
    assert result.stderr.startswith("redline: error: --since 'yesterday' is not a date (use a date such as")


def test_correct_then_list(db: str) -> None:
    sid = json.loads(runner.invoke(app, ["statements", "--db", db, "--outlet", "Post", "-f", "json"]).stdout)[
        0
    ]["id"]
    result = runner.invoke(
        app,
        [
            "correct",
            sid,
            "--db",
            db,
            "--stance",
            "conditional",
            "--issues",
            "territory,recognition",
            "--who",
            "ana",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(runner.invoke(app, ["statements", "--db", db, "--outlet", "Post", "-f", "json"]).stdout)
    assert (rows[0]["stance"], rows[0]["issues"]) == ("conditional", ["territory", "recognition"])
    dated = runner.invoke(app, ["correct", sid, "--db", db, "--date", "2025-11-17"])
    assert dated.exit_code == 0, dated.output
    rows = json.loads(runner.invoke(app, ["statements", "--db", db, "--outlet", "Post", "-f", "json"]).stdout)
    assert rows[0]["date"] == "2025-11-17"
    assert runner.invoke(app, ["correct", sid, "--db", db, "--date", "undated"]).exit_code == 0
    rows = json.loads(runner.invoke(app, ["statements", "--db", db, "--outlet", "Post", "-f", "json"]).stdout)
    assert rows[0]["date"] is None
    bad = runner.invoke(app, ["correct", sid, "--db", db, "--date", "soon"])
    assert bad.exit_code == 2 and "--date 'soon' is not a date" in bad.stderr
    assert runner.invoke(app, ["correct", sid, "--db", db, "--reject"]).exit_code == 0
    assert (
        json.loads(runner.invoke(app, ["statements", "--db", db, "--outlet", "Post", "-f", "json"]).stdout)
        == []
    )
    missing = runner.invoke(app, ["correct", "nope", "--db", db, "--reject"])
    assert missing.exit_code == 5 and "no statement 'nope'" in missing.stderr


def test_actors_documents_claims(db: str) -> None:
    actors = runner.invoke(app, ["actors", "--db", db, "-f", "csv"])
    # the knowledge base is loaded at ingest (parties included); speakers come first
    assert actors.stdout.splitlines()[:3] == [
        "id,name,kind,party,statements",
        "vladimir-putin,Vladimir Putin,kb,russia,2",
        "volodymyr-zelensky,Volodymyr Zelensky,kb,ukraine,1",
    ]
    docs = json.loads(runner.invoke(app, ["documents", "--db", db, "-f", "json"]).stdout)
    assert [d["id"] for d in docs] == ["d2", "d1", "d3"]
    claims = json.loads(runner.invoke(app, ["claims", "--db", db, "-f", "json"]).stdout)
    assert [(c["speaker"], c["n_outlets"], c["outlets"]) for c in claims] == [
        ("Vladimir Putin", 2, ["Globe", "Wire"]),
        ("Volodymyr Zelensky", 1, ["Post"]),
    ]
    table = runner.invoke(app, ["claims", "--db", db])
    assert table.exit_code == 0 and "Vladimir Putin" in table.stdout
    several = runner.invoke(app, ["claims", "--db", db, "--min-outlets", "2", "-f", "json"])
    assert [c["speaker"] for c in json.loads(several.stdout)] == ["Vladimir Putin"]
    assert runner.invoke(app, ["claims", "--db", db, "--min-outlets", "0"]).exit_code == 2
    beyond = runner.invoke(app, ["claims", "--db", db, "--min-outlets", "99999999999", "-f", "json"])
    assert beyond.exit_code == 0 and json.loads(beyond.stdout) == []


def test_a_second_analyst_hears_what_their_correction_replaces(db: str) -> None:
    """Two analysts on one statement: the last write wins, as before, but it no longer wins in
    silence; the analyst's own earlier choice, or a field nobody set, gives no note."""
    sid = json.loads(runner.invoke(app, ["statements", "--db", db, "-f", "json"]).stdout)[0]["id"]
    first = runner.invoke(app, ["correct", sid, "--db", db, "--stance", "oppose", "--who", "ana"])
    assert first.exit_code == 0 and "note:" not in first.stderr
    mine = runner.invoke(app, ["correct", sid, "--db", db, "--stance", "support", "--who", "ana"])
    assert "note:" not in mine.stderr  # ana changing her own mind
    second = runner.invoke(
        app, ["correct", sid, "--db", db, "--stance", "conditional", "--issues", "nato", "--who", "ben"]
    )
    assert second.exit_code == 0, second.output
    notes = [line for line in second.stderr.splitlines() if "note:" in line]
    assert len(notes) == 1 and notes[0].startswith("  note: replaces ana's stance 'support' (correction 2, ")
    assert notes[0].endswith("both stay in the statement's history")
    with Store.open(db) as store:
        record = store.statement(sid)
        assert record is not None and [o["who"] for o in record["overrides"]] == ["ana", "ana", "ben"]


def test_ingest_command_reads_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(redline.ingest, "default_extractor_factory", make_fake)
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(
            {
                "id": "a1",
                "text": "Vladimir Putin said the plan was fine.",
                "outlet": "Wire",
                "published": "2025-11-27",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'x.db'}"
    first = runner.invoke(app, ["ingest", str(src), "--db", db])
    assert first.exit_code == 0, first.output
    assert "stored 1 document (1 statement); 0 already stored" in first.stderr
    second = runner.invoke(app, ["ingest", str(src), "--db", db])
    assert "stored 0 documents (0 statements); 1 already stored" in second.stderr
    assert "copy:" not in second.stderr  # a re-run is no copy
    # another outlet's verbatim copy: named, with the stored document it repeats
    copy = tmp_path / "globe.jsonl"
    record = json.loads(src.read_text(encoding="utf-8"))
    copy.write_text(json.dumps({**record, "id": "g7", "outlet": "Globe"}) + "\n", encoding="utf-8")
    third = runner.invoke(app, ["ingest", str(copy), "--db", db])
    assert third.exit_code == 0, third.output
    assert "1 of those already stored is an exact copy (same text or URL)" in third.stderr
    assert f"  copy: {copy}:1 is stored document a1" in third.stderr
    assert "its outlet counts in the claims of the document it repeats" in third.stderr
    claims = json.loads(runner.invoke(app, ["claims", "--db", db, "-f", "json"]).stdout)
    assert [c["outlets"] for c in claims] == [["Globe", "Wire"]]


def test_ingest_exits_1_when_an_input_fails_and_stores_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(redline.ingest, "default_extractor_factory", make_fake)
    (tmp_path / "good.txt").write_text("Vladimir Putin said the plan was fine.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"), "--db", db]
    )
    assert result.exit_code == 1, result.output
    assert "empty.txt" in result.stderr and "1 problem" in result.stderr
    with Store.open(db) as s:
        assert s.summary()["documents"] == 1


def test_progress_summary_and_store_count_reprints_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(redline.ingest, "default_extractor_factory", make_fake)
    text = "Vladimir Putin said the plan could be the basis of a settlement of the long war in Ukraine. " * 3
    for name, outlet in (("a.jsonl", "Wire"), ("b.jsonl", "Globe")):
        row = {"id": name, "text": text + outlet, "outlet": outlet, "published": "2025-11-27"}
        (tmp_path / name).write_text(json.dumps(row) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 near-duplicate linked" in result.stderr
    with Store.open(db) as s:
        countable = s.summary()["statements"]
    assert countable > 0
    assert f"stored 1 document ({countable} statement" in result.stderr


def test_datasette_metadata(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    out = runner.invoke(app, ["datasette-metadata", "--db", f"sqlite:///{db}"])
    meta = json.loads(out.stdout)
    assert meta["databases"]["corpus"]["tables"]["statements_view"]["fts_table"] == "statement_fts"
    assert runner.invoke(app, ["datasette-metadata", "--db", f"sqlite:///{db}", "--write"]).exit_code == 0
    assert json.loads((tmp_path / "metadata.json").read_text()) == meta


def test_unreachable_database_is_a_store_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["actors", "--db", f"sqlite:///{tmp_path}/no/such/dir/x.db"])
    assert result.exit_code == 4
    assert "redline: error: no database at" in result.stderr


def test_claims_follow_ingest_and_corrections_without_running_claims(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import text

    from redline.store import StatementFilter

    monkeypatch.setattr(redline.ingest, "default_extractor_factory", make_fake)

    def claimed() -> set[str]:
        with Store.open(db) as s, s.engine.connect() as conn:
            return {r[0] for r in conn.execute(text("select statement_id from claim_statement"))}

    def countable() -> set[str]:
        with Store.open(db) as s:
            return {r["id"] for r in s.statements(StatementFilter(limit=None))}

    src = tmp_path / "more.txt"
    src.write_text("Sergei Lavrov said that the talks would go on.", encoding="utf-8")
    assert claimed() == countable()  # the fixture ingests through the library, which keeps claims
    result = runner.invoke(app, ["ingest", str(src), "--db", db])
    assert result.exit_code == 0, result.output
    assert len(countable()) == 4 and claimed() == countable()

    victim = sorted(countable())[0]
    result = runner.invoke(app, ["correct", victim, "--db", db, "--reject"])
    assert result.exit_code == 0, result.output
    assert victim not in claimed() and claimed() == countable()


@pytest.mark.parametrize(
    ("argv", "title"),
    [
        (["statements", "-n", "1"], "1 of 3 statements"),
        (["statements", "-n", "50"], "3 statements"),
        (["statements", "--since", "28 Nov 2025"], "1 statement"),
        (["statements", "-n", "1", "--stance", "oppose"], "1 statement"),
        (["documents", "-n", "2"], "2 of 3 documents"),
    ],
)
def test_lists_say_how_much_of_the_whole_they_show(db: str, argv: list[str], title: str) -> None:
    result = runner.invoke(app, [*argv, "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == title


def test_actor_list_counts_the_quoted_actors_or_with_all_every_known_one(db: str) -> None:
    with Store.open(db) as store:
        quoted, known = store.count_actors(), store.count_actors(everyone=True)
    assert 1 < quoted < known
    result = runner.invoke(app, ["actors", "-n", "1", "--db", db])
    assert result.stdout.splitlines()[0] == f"1 of {quoted} actors"
    result = runner.invoke(app, ["actors", "-n", "1", "--all", "--db", db])
    assert result.stdout.splitlines()[0] == f"1 of {known} actors"
    rows = json.loads(runner.invoke(app, ["actors", "-f", "json", "--db", db]).stdout)
    assert len(rows) == quoted and all(r["statements"] > 0 for r in rows)


def test_correct_refuses_an_issue_outside_the_taxonomy(db: str) -> None:
    # a typo'd issue was stored as the statement's only issue: it left every column of the
    # matrix without a word; the API refused it (422), the command must too, in the same words
    sid = json.loads(runner.invoke(app, ["statements", "--db", db, "--outlet", "Post", "-f", "json"]).stdout)[
        0
    ]["id"]
    result = runner.invoke(app, ["correct", sid, "--db", db, "--issues", "territory,territry"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("redline: error: --issues: 'territry' is not an issue of the taxonomy (")
    rows = json.loads(runner.invoke(app, ["statements", "--db", db, "--outlet", "Post", "-f", "json"]).stdout)
    assert rows[0]["issues"] == ["territory"]  # nothing stored
    with Store.open(db) as s:
        assert s.statement(sid)["overrides"] == []  # type: ignore[index]
    assert runner.invoke(app, ["correct", sid, "--db", db, "--issues", "recognition"]).exit_code == 0


@pytest.mark.parametrize(
    "command",
    [["statements"], ["positions"], ["timeline"], ["export", "dna"], ["export", "statements", "-f", "csv"]],
)
def test_an_issue_outside_the_taxonomy_is_a_usage_error(db: str, command: list[str]) -> None:
    # `--issue territry` printed "0 statements" (exit 0), as if nobody had spoken of territory
    result = runner.invoke(app, [*command, "--db", db, "--issue", "territry"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("redline: error: --issue: 'territry' is not an issue of the taxonomy (")
    assert "territory" in result.stderr
    assert runner.invoke(app, [*command, "--db", db, "--issue", "territory"]).exit_code == 0


def test_statements_by_party_as_the_dashboard_filters_them(db: str) -> None:
    result = runner.invoke(app, ["statements", "--db", db, "--party", "ukraine", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert [r["speaker"] for r in json.loads(result.stdout)] == ["Volodymyr Zelensky"]
    russia = json.loads(
        runner.invoke(app, ["statements", "--db", db, "--party", "russia", "-f", "json"]).stdout
    )
    assert {r["speaker"] for r in russia} == {"Vladimir Putin"} and len(russia) == 2


def test_documents_table_keeps_ids_and_dates_whole_at_80_columns(db: str, tmp_path: Path) -> None:
    from dataclasses import replace

    long_title = "A rather long headline about talks that go on and on, as headlines about talks do"
    article = replace(doc(4, "Olaf Berg said the plan was fine.", day=29), title=long_title)
    with Store.open(db) as s:
        ingest([article], s, Settings(), extractor_factory=make_fake)
    result = CliRunner(env={"COLUMNS": "80"}).invoke(app, ["documents", "--db", db])
    assert result.exit_code == 0, result.output
    assert "2025-11-29" in result.stdout and "d4" in result.stdout.split()  # not folded across lines
    assert long_title in " ".join(result.stdout.split())


def test_rows_included_on_request_say_what_they_are(db: str) -> None:
    # with --include-rejected the table and CSV listed a rejected statement like any other;
    # only the JSON said "rejected": true
    sid = json.loads(runner.invoke(app, ["statements", "--db", db, "--outlet", "Post", "-f", "json"]).stdout)[
        0
    ]["id"]
    assert runner.invoke(app, ["correct", sid, "--db", db, "--reject"]).exit_code == 0
    listed = runner.invoke(app, ["statements", "--db", db, "--include-rejected", "-f", "csv"])
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(listed.stdout))}
    assert rows[sid]["rejected"] == "true" and {r["rejected"] for k, r in rows.items() if k != sid} == {
        "false"
    }
    assert "duplicate" not in next(iter(rows.values()))
    both = runner.invoke(
        app, ["statements", "--db", db, "--include-rejected", "--include-duplicates", "-f", "csv"]
    )
    assert both.stdout.splitlines()[0].endswith(",rejected,duplicate")
    plain = runner.invoke(app, ["statements", "--db", db, "-f", "csv"]).stdout
    assert sid not in plain and plain.splitlines()[0].endswith(",content_end")


@pytest.mark.parametrize(
    "command",
    [["statements"], ["claims"], ["timeline"], ["export", "dna"], ["export", "statements", "-f", "csv"]],
)
def test_an_actor_filter_that_names_no_actor_is_refused(db: str, command: list[str]) -> None:
    # `--actor nobody` printed "0 statements" (exit 0), as if the actor had said nothing
    result = runner.invoke(app, [*command, "--db", db, "--actor", "Nobody Atall"])
    assert result.exit_code == 5, result.output
    assert result.stderr.startswith("redline: error: no actor 'Nobody Atall' (")
    assert "redline actors" in result.stderr and not result.stdout
    assert runner.invoke(app, [*command, "--db", db, "--actor", "Vladimir Putin"]).exit_code == 0


def test_actors_table_names_the_kind_as_the_pages_do(db: str) -> None:
    table = runner.invoke(app, ["actors", "--db", db, "-n", "2"], env={"COLUMNS": "200"}).stdout
    assert "knowledge base" in table
    assert " kb " not in table
    csv_rows = runner.invoke(app, ["actors", "--db", db, "-f", "csv", "-n", "1"]).stdout
    assert ",kb," in csv_rows  # the stored code, for a program
