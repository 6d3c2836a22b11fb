"""``redline discover``: search a public news index and list (or ingest) what it finds."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from redline.config import load_settings
from redline.errors import RedlineError
from redline.sources.discovery import GDELT_DOC_API, MAX_RECORDS, DiscoveredArticle, discover, parse_since
from redline.sources.http import Fetcher

_COLUMNS = ("seendate", "domain", "language", "title", "url")


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _print(articles: list[DiscoveredArticle], fmt: OutputFormat) -> None:
    rows = [article.to_dict() for article in articles]
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt is OutputFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(DiscoveredArticle.__dataclass_fields__))
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=f"{len(rows)} article(s)")
        for column in _COLUMNS:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(str(row[column] or "") for column in _COLUMNS))
        Console(file=sys.stdout).print(table)


def _ingest(urls: list[str], settings: Any) -> Any:
    """Hand over to the corpus layer, which is optional here so discovery works on its own."""
    from redline.ingest import ingest, read_sources
    from redline.store import Store

    with Store.open(settings.db) as store:
        report = ingest(read_sources(urls, settings), store, settings)
    return (
        f"stored {report.stored} documents ({report.statements} statements); "
        f"{report.skipped} already stored, {report.problem_count} problems"
    )


def discover_command(
    query: Annotated[str, typer.Argument(help='What to search for, e.g. "Ukraine peace plan".')],
    since: Annotated[
        str, typer.Option(help="How far back: 7d, 12h, 30min, 2w, or a date (2025-11-20).")
    ] = "7d",
    max_records: Annotated[
        int, typer.Option("--max", help=f"Most articles to list (1-{MAX_RECORDS}).")
    ] = MAX_RECORDS,
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.table,
    ingest: Annotated[bool, typer.Option("--ingest", help="Fetch and store the articles found.")] = False,
    db: Annotated[str | None, typer.Option(help="Database URL for --ingest (default: REDLINE_DB).")] = None,
    api_url: Annotated[str, typer.Option(help="GDELT DOC API endpoint (for mirrors).")] = GDELT_DOC_API,
) -> None:
    """List news articles matching QUERY from GDELT's DOC API, or ingest them."""
    try:
        settings = load_settings({"db": db})
        window = parse_since(since)
        with Fetcher(settings) as fetcher:
            articles = discover(query, window, max_records=max_records, fetcher=fetcher, base_url=api_url)
        if ingest and not articles:
            typer.echo("no articles found; nothing to ingest", err=True)
        elif ingest:
            result = _ingest([article.url for article in articles], settings)
            typer.echo(f"ingested {len(articles)} URL(s) into {settings.db}", err=True)
            if result is not None:
                typer.echo(str(result), err=True)
        else:
            _print(articles, output)
    except RedlineError as exc:
        typer.echo(f"Error: {exc.render()}", err=True)
        raise typer.Exit(exc.exit_code) from None


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("discover")(discover_command)
