"""``redline discover``: search a public news index and list (or ingest) what it finds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from redline.cli._common import emit, ingest_summary, settings_from_flags, user_errors
from redline.cli.options import DbOpt, check_choice, format_option, open_store

if TYPE_CHECKING:
    from redline.config import Settings
    from redline.ingest import IngestReport
    from redline.sources.discovery import DiscoveredArticle

_TABLE_COLUMNS = ("seendate", "domain", "language", "title", "url")
_FORMATS = ("table", "json", "csv")


def _print(articles: list[DiscoveredArticle], fmt: str) -> None:
    """Tables show what a person scans; csv and json keep every field of an article."""
    rows = [a.to_dict() for a in articles]
    columns = _TABLE_COLUMNS if fmt == "table" else None
    emit(rows, fmt, columns, title=f"{len(rows)} article(s)", empty="no articles", wide="title")


def _ingest(urls: list[str], db: str | None) -> IngestReport:
    """Store what was found; claims and the rest are kept current as after `redline ingest`."""
    from redline.analysis.claims import refresh_claims
    from redline.ingest import ingest, read_sources

    with open_store(db, must_exist=False) as (store, settings):
        report = ingest(read_sources(urls, settings), store, settings)
        refresh_claims(store, only_changed=True, actor_files=settings.actors)
    return report


def _settings(db: str | None) -> Settings:
    return settings_from_flags(db=db)


def discover_command(
    query: Annotated[
        str, typer.Argument(metavar="QUERY", help='What to search for, e.g. "Ukraine peace plan".')
    ],
    since: Annotated[
        str,
        typer.Option(
            metavar="DATE",
            help="How far back: a span (7d, 12h, 30min, 2w) or a date (2025-11-20, '20 Nov 2025').",
        ),
    ] = "7d",
    max_records: Annotated[
        int | None,
        typer.Option("--max", metavar="N", help="Most articles to list (default: the API's ceiling, 250)."),
    ] = None,
    output: Annotated[str, format_option("table, json or csv")] = "table",
    ingest: Annotated[bool, typer.Option("--ingest", help="Fetch and store the articles found.")] = False,
    db: DbOpt = None,
    api_url: Annotated[
        str | None,
        typer.Option(metavar="URL", help="GDELT DOC API endpoint, for mirrors (default: GDELT's)."),
    ] = None,
) -> None:
    """List news articles matching QUERY from GDELT's DOC API, or ingest them."""
    with user_errors():
        from redline.sources.discovery import GDELT_DOC_API, MAX_RECORDS, discover, parse_since
        from redline.sources.http import Fetcher

        check_choice(output, _FORMATS, "--format")
        settings = _settings(db)
        window = parse_since(since)
        with Fetcher(settings) as fetcher:
            articles = discover(
                query,
                window,
                max_records=MAX_RECORDS if max_records is None else max_records,
                fetcher=fetcher,
                base_url=api_url or GDELT_DOC_API,
            )
        if ingest and not articles:
            typer.echo("no articles found; nothing to ingest", err=True)
        elif ingest:
            report = _ingest([article.url for article in articles], db)
            typer.echo(f"ingested {len(articles)} URL(s) into {settings.db}", err=True)
            ingest_summary(report, "stored")
            if report.problem_count:  # as `redline ingest`: some inputs were skipped or failed
                raise typer.Exit(1)
        else:
            _print(articles, output)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("discover")(discover_command)
