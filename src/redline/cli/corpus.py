"""Corpus commands: ingest, reprocess, correct, and queries over the store.

Each command parses its options, calls one library function and renders rows; errors the
library raises on purpose become one-line messages with their exit code.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from redline.analysis.claims import refresh_claims
from redline.config import Settings, load_settings
from redline.corrections import correct as correct_statement
from redline.errors import ConfigError, RedlineError
from redline.ingest import IngestReport, read_sources
from redline.ingest import ingest as ingest_sources
from redline.ingest import reprocess as reprocess_store
from redline.store import Correction, StatementFilter, Store
from redline.store.datasette import metadata, sqlite_path
from redline.store.queries import SEARCH_HELP


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


DbOpt = Annotated[
    str | None, typer.Option("--db", help="Database URL (default: REDLINE_DB or sqlite:///redline.db).")
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", help="At most this many rows (0: all).")]
WorkersOpt = Annotated[int | None, typer.Option("--workers", "-w", help="Extraction worker processes.")]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Extract on a Dask cluster: its scheduler address (tcp://HOST:8786), or 'local' for a "
        "cluster of --workers processes here (default: REDLINE_SCHEDULER; none: this machine's processes).",
    ),
]


def _render(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str]) -> None:
    """Print rows; to be replaced by ``redline.cli._common.emit`` once it lands."""
    if fmt is Format.json:
        typer.echo(
            json.dumps(
                [{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=1, default=str
            )
        )
        return
    if fmt is Format.csv:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow(
                [
                    "; ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                    for v in (r.get(c) for c in columns)
                ]
            )
        typer.echo(buf.getvalue(), nl=False)
        return
    table = Table(*columns, show_lines=False)
    for r in rows:
        table.add_row(
            *[
                ", ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else str(v))
                for v in (r.get(c) for c in columns)
            ]
        )
    Console(width=200).print(table)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except RedlineError as exc:
        typer.echo(f"Error: {exc.render()}", err=True)
        raise typer.Exit(exc.exit_code) from None


@contextmanager
def _store(db: str | None, **overrides: Any) -> Iterator[tuple[Store, Settings]]:
    settings = load_settings({"db": db, **overrides})
    store = Store.open(settings.db)
    try:
        yield store, settings
    finally:
        store.close()


def _day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{name} {value!r} is not a date", hint="use YYYY-MM-DD") from None


def _progress_bar() -> tuple[Progress, Callable[[IngestReport], None]]:
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(bar_width=None),
        TextColumn("{task.fields[docs]} documents, {task.fields[stmts]} statements"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    task = progress.add_task("ingesting", total=None, docs=0, stmts=0)

    def update(r: IngestReport) -> None:
        progress.update(task, docs=r.done, stmts=r.statements)

    return progress, update


def _summary(r: IngestReport, verb: str) -> None:
    typer.echo(
        f"{verb} {r.stored} documents ({r.statements} statements); {r.skipped} already stored, "
        f"{r.near_duplicates} near-duplicates linked, {r.problem_count} problems",
        err=True,
    )
    # every problem kept gets its line (a bad-input run must name each input, as extract does)
    for p in r.problems:
        typer.echo(f"  problem: {p.render()}", err=True)
    if r.problem_count > len(r.problems):
        typer.echo(f"  ... and {r.problem_count - len(r.problems)} more problems", err=True)


def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, URLs or feeds.")],
    db: DbOpt = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    """Extract statements from SOURCES and store them; re-running skips what is stored."""
    with _errors(), _store(db, workers=workers, scheduler=scheduler) as (store, settings):
        progress, update = _progress_bar()
        with progress:
            report = ingest_sources(read_sources(sources, settings), store, settings, on_progress=update)
        _summary(report, "stored")
    # exit 1: the run finished, but some inputs were skipped or failed (the rest is stored)
    raise typer.Exit(1 if report.problem_count else 0)


def reprocess(
    db: DbOpt = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    force: Annotated[
        bool, typer.Option(help="Re-extract even documents made by the current extractor.")
    ] = False,
) -> None:
    """Re-extract stored documents with the current extractor; analyst corrections are kept."""
    with _errors(), _store(db, workers=workers, scheduler=scheduler) as (store, settings):
        progress, update = _progress_bar()
        with progress:
            report = reprocess_store(store, settings, force=force, on_progress=update)
        _summary(report, "re-extracted")
    raise typer.Exit(1 if report.problem_count else 0)


def correct(
    statement_id: Annotated[str, typer.Argument(help="Statement id (see `redline statements`).")],
    speaker: Annotated[str | None, typer.Option(help="Actor id or name of the real speaker.")] = None,
    issues: Annotated[str | None, typer.Option(help="Comma-separated issue ids ('' for none).")] = None,
    stance: Annotated[str | None, typer.Option(help="support, oppose, conditional or neutral.")] = None,
    reject: Annotated[bool, typer.Option("--reject", help="Mark the statement as not a statement.")] = False,
    who: Annotated[str, typer.Option(help="Who makes the correction.")] = "analyst",
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    db: DbOpt = None,
) -> None:
    """Store an analyst correction; it survives every re-run and re-extraction."""
    with _errors(), _store(db) as (store, _):
        parsed = tuple(i.strip() for i in issues.split(",") if i.strip()) if issues is not None else None
        oid = correct_statement(store, statement_id, Correction(speaker, parsed, stance, reject, who, note))
        typer.echo(f"correction {oid} recorded for statement {statement_id}", err=True)


STATEMENT_COLUMNS = (
    "id",
    "date",
    "speaker",
    "stance",
    "issues",
    "content",
    "outlet",
    "document_id",
    "content_start",
    "content_end",
)


def statements(
    actor: Annotated[str | None, typer.Option(help="Actor id, name or alias.")] = None,
    issue: Annotated[str | None, typer.Option(help="Issue id, e.g. territory.")] = None,
    stance: Annotated[str | None, typer.Option(help="support, oppose, conditional, neutral.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    search: Annotated[str | None, typer.Option(help=SEARCH_HELP)] = None,
    include_rejected: Annotated[bool, typer.Option(help="Show rejected statements too.")] = False,
    include_duplicates: Annotated[bool, typer.Option(help="Show statements from reprints too.")] = False,
    limit: LimitOpt = 50,
    fmt: FormatOpt = Format.table,
    db: DbOpt = None,
) -> None:
    """List statements, newest first, filtered by speaker, issue, stance, date, outlet, text."""
    with _errors(), _store(db) as (store, _):
        f = StatementFilter(
            actor=actor,
            issue=issue,
            stance=stance,
            since=_day(since, "--since"),
            until=_day(until, "--until"),
            outlet=outlet,
            search=search,
            limit=limit or None,
            include_rejected=include_rejected,
            include_duplicates=include_duplicates,
        )
        _render(store.statements(f), fmt, STATEMENT_COLUMNS)


def actors(limit: LimitOpt = 0, fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
    """List actors with their statement counts."""
    with _errors(), _store(db) as (store, _):
        _render(store.actors(limit or None), fmt, ("id", "name", "kind", "party", "statements"))


def documents(
    outlet: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    limit: LimitOpt = 50,
    fmt: FormatOpt = Format.table,
    db: DbOpt = None,
) -> None:
    """List stored documents, newest first; reprints show the original they duplicate."""
    with _errors(), _store(db) as (store, _):
        _render(
            store.documents(limit or None, outlet),
            fmt,
            ("id", "published", "outlet", "title", "n_statements", "duplicate_of", "similarity"),
        )


def claims(
    actor: Annotated[str | None, typer.Option(help="Actor id, name or alias.")] = None,
    limit: LimitOpt = 50,
    fmt: FormatOpt = Format.table,
    db: DbOpt = None,
    rebuild: Annotated[
        bool,
        typer.Option("--rebuild", help="Regroup every speaker, not only those whose statements changed."),
    ] = False,
) -> None:
    """List claims (statements carried by several outlets), most widely carried first."""
    with _errors(), _store(db) as (store, _):
        refresh_claims(store, only_changed=not rebuild)
        _render(
            store.claims(limit or None, actor),
            fmt,
            ("id", "first_date", "speaker", "content", "n_statements", "n_outlets", "outlets"),
        )


def datasette_metadata(
    write: Annotated[
        bool, typer.Option("--write", help="Write metadata.json next to the SQLite file.")
    ] = False,
    db: DbOpt = None,
) -> None:
    """Print (or write) the Datasette metadata for the database: `datasette redline.db -m metadata.json`."""
    with _errors():
        settings = load_settings({"db": db})
        path = sqlite_path(settings.db)
        text = json.dumps(metadata(path.stem if path else "redline"), indent=2)
        if not write:
            typer.echo(text)
            return
        if path is None:
            raise ConfigError("--write needs a SQLite database", hint="Datasette opens SQLite files only")
        target = path.resolve().parent / "metadata.json"
        target.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"wrote {target}", err=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    for fn in (ingest, reprocess, correct, statements, actors, documents, claims):
        app.command()(fn)
    app.command("datasette-metadata")(datasette_metadata)
