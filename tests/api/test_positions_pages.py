"""Positions come a page of rows at a time, in one order, through the API, the dashboard and
``redline positions``: the pages follow one another to every row once, each page is that part
of the whole matrix, and the three interfaces show the same rows for the same request."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from fakes import doc, make_fake
from redline.api import create_app
from redline.cli import app as cli
from redline.config import Settings
from redline.ingest import ingest
from redline.store import Store


def _all_pages(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    pages = [client.get("/api/v1/positions", params=params).json()]
    while (after := pages[-1]["offset"] + pages[-1]["limit"]) < pages[-1]["rows_total"]:
        assert len(pages) < 20
        pages.append(client.get("/api/v1/positions", params={**params, "offset": after}).json())
    return pages


def test_pages_of_actor_rows_follow_one_another_to_every_row_once(client: TestClient) -> None:
    whole = client.get("/api/v1/positions", params={"by": "actor", "limit": 500, "quotes": True}).json()
    assert whole["rows_total"] == len(whole["rows"]) > 3
    pages = _all_pages(client, by="actor", limit=2, quotes=True)
    assert len(pages) == -(-whole["rows_total"] // 2)
    assert {p["rows_total"] for p in pages} == {whole["rows_total"]}
    assert [p["offset"] for p in pages] == list(range(0, whole["rows_total"], 2))
    # the same rows in the same order, the most quoted first; each page that part of the whole
    assert [r for p in pages for r in p["rows"]] == whole["rows"]
    for p in pages:
        ids = {r["id"] for r in p["rows"]}
        assert p["cells"] == [c for c in whole["cells"] if c["row"] in ids]
        assert p["shifts"] == [s for s in whole["shifts"] if s["row"] in ids]
    said: dict[str, int] = {}
    for c in whole["cells"]:
        said[c["row"]] = said.get(c["row"], 0) + c["statements"] + c["undated"]
    for u in whole["unplaced"]:
        said[u["row"]] = said.get(u["row"], 0) + u["undated"]
    assert [said[r["id"]] for r in whole["rows"]] == sorted(said.values(), reverse=True)


def test_actor_cells_come_without_quotes_unless_asked(client: TestClient) -> None:
    bare = client.get("/api/v1/positions", params={"by": "actor"}).json()
    quoted = client.get("/api/v1/positions", params={"by": "actor", "quotes": True}).json()
    assert bare["cells"] and all(c["quote"] is None and c["latest_quote"] is None for c in bare["cells"])
    assert all(c["quote"]["text"] and c["latest_quote"]["text"] for c in quoted["cells"])
    party = client.get("/api/v1/positions").json()  # a handful of cells: quoted unless asked not to
    assert party["cells"] and all(c["quote"] for c in party["cells"])
    assert all(c["quote"] is None for c in client.get("/api/v1/positions?quotes=false").json()["cells"])
    assert party["limit"] == 50 and party["offset"] == 0 and party["rows_total"] == len(party["rows"])


def test_a_page_beyond_the_rows_is_empty_and_bad_pages_are_refused(client: TestClient) -> None:
    total = client.get("/api/v1/positions", params={"by": "actor"}).json()["rows_total"]
    past = client.get("/api/v1/positions", params={"by": "actor", "offset": total}).json()
    assert past["rows"] == [] and past["cells"] == [] and past["rows_total"] == total
    for bad in ({"limit": 0}, {"limit": 501}, {"offset": -1}):
        assert client.get("/api/v1/positions", params={"by": "actor", **bad}).status_code == 422


def test_the_api_the_dashboard_and_the_cli_show_the_same_page(client: TestClient, db: str) -> None:
    params = {"by": "actor", "limit": 2, "offset": 2, "at": "2025-11-23"}
    api = client.get("/api/v1/positions", params=params).json()
    assert len(api["rows"]) == 2
    page = client.get("/positions", params=params)
    assert page.status_code == 200
    assert re.findall(r'<th scope="row">([^<]+)</th>', page.text) == [r["name"] for r in api["rows"]]
    assert f"Rows 3–4 of {api['rows_total']}" in page.text
    assert 'rel="prev"' in page.text
    args = ["positions", "--db", db, "--by", "actor", "--limit", "2", "--offset", "2", "--at", "2025-11-23"]
    result = CliRunner().invoke(cli, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == api
    table = CliRunner().invoke(cli, args)
    assert f"rows 3–4 of {api['rows_total']}" in table.stdout
    # the page's own download is that page
    download = client.get("/positions", params={**params, "format": "json"}).json()
    assert download["rows"] == api["rows"] and download["cells"] == api["cells"]


def _table_rows(output: str) -> list[str]:
    """The first column of a printed positions table, each row once, in the order printed."""
    names: list[str] = []
    for line in output.splitlines():
        first = line.split("│")[1].strip() if line.startswith("│") else ""
        if first and (not names or names[-1] != first):
            names.append(first)
    return names


def test_the_table_and_the_export_keep_the_pages_order(tmp_path: Path) -> None:
    # the table sorted its rows by id under a footer saying "the most quoted first", and the
    # export's JSON, said to be the same document, listed its rows by id as well
    db = f"sqlite:///{tmp_path / 'order.db'}"
    said = [
        "Volodymyr Zelensky said territory would never be ceded.",
        "Volodymyr Zelensky said the plan was a start.",
        "Volodymyr Zelensky said guarantees must come first.",
        "Vladimir Putin said the plan could be a basis.",
    ]
    with Store.open(db) as s:
        ingest(
            [doc(i, text, day=20 + i) for i, text in enumerate(said)],
            s,
            Settings(),
            extractor_factory=make_fake,
        )
    with TestClient(create_app(db)) as client:
        api = client.get("/api/v1/positions", params={"by": "actor", "limit": 500, "quotes": True}).json()
    names = [r["name"] for r in api["rows"]]
    assert names == ["Volodymyr Zelensky", "Vladimir Putin"]  # the most quoted first, not by id
    runner = CliRunner(env={"COLUMNS": "400"})
    table = runner.invoke(cli, ["positions", "--db", db, "--by", "actor"])
    assert table.exit_code == 0, table.output
    assert _table_rows(table.stdout) == names
    out = tmp_path / "positions.json"
    exported = runner.invoke(
        cli, ["export", "positions", "--db", db, "--by", "actor", "-f", "json", "-o", str(out)]
    )
    assert exported.exit_code == 0, exported.output
    whole = json.loads(out.read_text(encoding="utf-8"))
    assert whole["limit"] is None  # every row, where the API gives a page
    assert {k: v for k, v in whole.items() if k != "limit"} == {k: v for k, v in api.items() if k != "limit"}
