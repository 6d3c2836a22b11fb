"""``redline discover`` end to end, against a local stand-in for the GDELT API."""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import typer
from typer.testing import CliRunner

from redline.cli import app, discover

REPLY = {
    "articles": [
        {
            "url": "https://ledger.example/geneva",
            "title": "Negotiators in Geneva rework the US peace plan",
            "seendate": "20251123T184500Z",
            "domain": "ledger.example",
            "language": "English",
            "sourcecountry": "Switzerland",
        },
        {
            "url": "https://wire.example/abu-dhabi",
            "title": "US Army secretary meets Russian officials in Abu Dhabi",
            "seendate": "20251125T093000Z",
            "domain": "wire.example",
            "language": "English",
            "sourcecountry": "United Arab Emirates",
        },
    ]
}
ENV = {"REDLINE_RATE_LIMIT": "0", "REDLINE_RETRIES": "0", "REDLINE_TIMEOUT": "5"}


class _Handler(BaseHTTPRequestHandler):
    queries: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if path == "/api":
            type(self).queries.append(query)
            body, kind, status = json.dumps(REPLY).encode(), "application/json", 200
        elif path == "/refuse":
            body, kind, status = b"Your search contained invalid characters.", "text/html", 200
        else:
            body, kind, status = b"", "text/plain", 404
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def api() -> Iterator[str]:
    _Handler.queries = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _group() -> typer.Typer:
    """The command inside a multi-command app, whatever else redline registers on this branch."""
    group = typer.Typer()
    group.callback()(lambda: None)
    discover.register(group)
    return group


def run(*args: str) -> Any:
    return CliRunner().invoke(_group(), ["discover", *args], env=ENV)


def test_registered_on_the_redline_app() -> None:
    names = [command.name for command in app.registered_commands]
    assert "discover" in names


def test_json_output(api: str) -> None:
    result = run(
        "Ukraine peace plan", "--since", "3d", "--max", "10", "--format", "json", "--api-url", api + "/api"
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["url"] for r in rows] == ["https://ledger.example/geneva", "https://wire.example/abu-dhabi"]
    assert rows[0]["seendate"] == "2025-11-23T18:45:00+00:00"
    assert rows[1]["source_country"] == "United Arab Emirates"
    [query] = _Handler.queries
    assert "timespan=3d" in query and "maxrecords=10" in query


def test_csv_output(api: str) -> None:
    result = run("peace plan", "--format", "csv", "--api-url", api + "/api")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["url", "title", "seendate", "domain", "language", "source_country"]
    assert rows[1]["domain"] == "wire.example"


def test_table_output(api: str) -> None:
    result = run("peace plan", "--api-url", api + "/api")
    assert result.exit_code == 0, result.output
    assert "2 article(s)" in result.stdout
    assert "ledger.example" in result.stdout
    assert "wire.example" in result.stdout


def test_bad_since_is_a_user_error(api: str) -> None:
    result = run("peace plan", "--since", "soon", "--api-url", api + "/api")
    assert result.exit_code == 2
    assert "redline: error: --since 'soon' is neither a duration nor a date" in result.stderr
    assert "Traceback" not in result.output
    assert _Handler.queries == []


def test_gdelt_refusal_is_reported_without_traceback(api: str) -> None:
    result = run("peace plan", "--api-url", api + "/refuse")
    assert result.exit_code == 1
    assert "GDELT refused the query: Your search contained invalid characters." in result.stderr
    assert "Traceback" not in result.output


def test_ingest_hands_urls_and_database_over(
    api: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import redline.ingest

    calls: list[tuple[list[str], str]] = []

    def read_sources(urls: list[str], settings: Any) -> list[str]:
        calls.append((list(urls), settings.db))
        return []

    def ingest(sources: Any, store: Any, settings: Any) -> Any:
        return redline.ingest.IngestReport(stored=2, statements=5)

    monkeypatch.setattr(redline.ingest, "read_sources", read_sources)
    monkeypatch.setattr(redline.ingest, "ingest", ingest)
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    result = run("peace plan", "--ingest", "--db", db, "--api-url", api + "/api")
    assert result.exit_code == 0, result.output
    assert calls == [(["https://ledger.example/geneva", "https://wire.example/abu-dhabi"], db)]
    assert "stored 2 documents (5 statements)" in result.stderr


def test_ingest_says_what_redline_ingest_says_and_fails_on_problems(
    api: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`discover --ingest` summed up in its own words: near-duplicates left out, the failed
    URLs never named, and exit 0 when some failed. It now shares `ingest`'s summary and code."""
    import redline.ingest
    from redline.model import Problem

    report = redline.ingest.IngestReport(stored=1, statements=3, near_duplicates=1)
    report.problem(Problem("https://wire.example/abu-dhabi", "fetch failed: 404", "check the URL", "fetch"))
    monkeypatch.setattr(redline.ingest, "read_sources", lambda urls, settings: [])
    monkeypatch.setattr(redline.ingest, "ingest", lambda sources, store, settings: report)
    result = run(
        "peace plan", "--ingest", "--db", f"sqlite:///{tmp_path / 'c.db'}", "--api-url", api + "/api"
    )
    assert result.exit_code == 1
    assert "stored 1 document (3 statements); 0 already stored, 1 near-duplicate linked, 1 problem" in (
        result.stderr
    )
    assert "  problem: https://wire.example/abu-dhabi: fetch failed: 404 (check the URL)" in result.stderr
