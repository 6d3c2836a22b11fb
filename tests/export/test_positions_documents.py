"""Positions (party or actor x issue) and document metadata exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from fakes import make_fake
from redline.config import Settings
from redline.export import DOCUMENT_COLUMNS, POSITION_COLUMNS, export_documents, export_positions
from redline.ingest import ingest
from redline.knowledge.issues import load_issues
from redline.model import Actor, Document
from redline.store import Store


def test_positions_by_party(store: Store) -> None:
    out = io.StringIO()
    assert export_positions(store, out, "csv", taxonomy=load_issues()) == 8
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(POSITION_COLUMNS)
    cells = {(r["row"], r["issue"]): r for r in rows}
    assert sorted(cells) == [
        ("europe", "ceasefire"),
        ("europe", "plan_overall"),
        ("russia", "ceasefire"),
        ("russia", "plan_overall"),
        ("russia", "sanctions_economy"),
        ("russia", "territory"),
        ("ukraine", "nato"),
        ("ukraine", "territory"),
    ]
    plan = cells[("russia", "plan_overall")]
    assert (plan["stance"], plan["supporting"], plan["statements"], plan["concept"]) == (
        "conditional",
        "1",
        "1",
        "The plan as a whole",
    )
    assert plan["quote"] == "the plan could be a basis for a settlement"
    assert (plan["quote_document_id"], plan["quote_start"]) == ("d1", "20")
    assert cells[("europe", "plan_overall")]["stance"] == "neutral"


def test_positions_by_actor_json_and_as_of_a_date(store: Store) -> None:
    out = io.StringIO()
    export_positions(store, out, "json", by="actor", at=date(2025, 11, 20))
    report = json.loads(out.getvalue())
    assert report["by"] == "actor" and report["at"] == "2025-11-20"
    assert {(c["row"], c["column"], c["stance"]) for c in report["cells"]} == {
        ("Vladimir Putin", "plan_overall", "conditional"),
        ("Volodymyr Zelensky", "territory", "oppose"),
    }
    cell = next(c for c in report["cells"] if c["column"] == "territory")
    assert cell["proposition"] == "Ukraine withdraws from Donbas"


def test_positions_csv_counts_each_stance_and_the_undated(tmp_path: Path) -> None:
    def doc(n: int, text: str, day: int | None) -> Document:
        return Document(id=f"p{n}", text=text, published=date(2025, 11, day) if day else None)

    with Store.open(f"sqlite:///{tmp_path / 'p.db'}") as s:
        s.add_actors([Actor("volodymyr-zelensky", "Volodymyr Zelensky", party="ukraine")])
        texts = [
            ("Volodymyr Zelensky said territory was not for sale.", 20),
            ("Volodymyr Zelensky said territory would never be traded.", 22),
            ("Volodymyr Zelensky said territory talks could go on.", 24),  # a later, stray "support"
            ("Volodymyr Zelensky said NATO was still the goal.", None),
        ]
        ingest([doc(n, t, d) for n, (t, d) in enumerate(texts)], s, Settings(), extractor_factory=make_fake)
        out = io.StringIO()
        assert export_positions(s, out, "csv") == 2
    rows = {r["issue"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    territory, nato = rows["territory"], rows["nato"]
    assert (territory["row_name"], territory["proposition"]) == ("Ukraine", "Ukraine withdraws from Donbas")
    assert (territory["stance"], territory["latest"], territory["oppose"], territory["support"]) == (
        "oppose",
        "support",
        "2",
        "1",
    )
    assert (nato["stance"], nato["statements"], nato["undated"]) == ("", "0", "1")  # listed, not placed


def test_documents(store: Store) -> None:
    out = io.StringIO()
    assert export_documents(store, out, "csv") == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(DOCUMENT_COLUMNS)
    assert [(r["id"], r["published"], r["statements"], r["extracted"]) for r in rows] == [
        ("d1", "2025-11-20", "2", "3"),  # one rejected
        ("d2", "2025-11-21", "3", "3"),
        ("d3", "2025-11-22", "0", "3"),  # a reprint counts nothing
        ("d4", "2025-11-23", "2", "2"),
    ]
    assert rows[2]["duplicate_of"] == "d1" and rows[2]["url"] == "https://daily.example/a3"
    jl = io.StringIO()
    export_documents(store, jl, "jsonl", outlet="Post")
    assert [json.loads(line)["id"] for line in jl.getvalue().splitlines()] == ["d2"]


def test_documents_with_their_text_let_every_exported_span_be_checked(store: Store) -> None:
    # a replication package: the statements' offsets checked against the documents' text alone
    from redline.export import export_statements

    docs = io.StringIO()
    assert export_documents(store, docs, "jsonl", text=True) == 4
    text = {r["id"]: r["text"] for r in map(json.loads, docs.getvalue().splitlines())}
    statements = io.StringIO()
    export_statements(store, statements, "csv")
    rows = list(csv.DictReader(io.StringIO(statements.getvalue())))
    assert rows
    assert all(
        text[r["document_id"]][int(r["content_start"]) : int(r["content_end"])] == r["content"] for r in rows
    )
    plain = io.StringIO()
    export_documents(store, plain, "jsonl")
    assert "text" not in json.loads(plain.getvalue().splitlines()[0])  # metadata alone by default
