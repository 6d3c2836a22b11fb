"""Corpus commands: ingest, reprocess, correct, and queries over the store.

Each command parses its options, calls one library function and renders rows; errors the
library raises on purpose become one-line messages with their exit code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from redline.cli._common import emit, ingest_summary, settings_from_flags, user_errors
from redline.cli.options import (
    ACTORS_LISTING,
    ActorOpt,
    ActorsOpt,
    DbOpt,
    EveryoneOpt,
    FieldsOpt,
    LimitOpt,
    OutletOpt,
    PublishedOpt,
    StanceOpt,
    Where,
    check_choice,
    day,
    filter_flags,
    format_option,
    open_store,
    record_fields,
)
from redline.errors import ConfigError

if TYPE_CHECKING:
    from rich.progress import Progress

    from redline.config import Settings
    from redline.ingest import IngestReport
    from redline.store import Store

LIST_FORMATS = ("table", "csv", "json", "jsonl")
FormatOpt = Annotated[str, format_option("table, csv, json or jsonl")]
WorkersOpt = Annotated[
    int | None, typer.Option("--workers", "-w", metavar="N", min=1, help="Extraction worker processes.")
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Extract on a Dask cluster: its scheduler address (tcp://HOST:8786), or 'local' for a "
        "cluster of --workers processes here (default: REDLINE_SCHEDULER; none: this machine's processes).",
    ),
]


def _listing(
    fmt: str,
    db: str | None,
    limit: int | None,
    what: str,
    columns: tuple[str, ...],
    rows_of: Callable[[Store], list[dict[str, Any]]],
    count: Callable[[Store], int],
    actor: str | None = None,
) -> None:
    """Print one page of a listing; tables say how much of the whole they show ("50 of 466
    statements"). Only a full page can be part of more, so only then is the whole counted.
    An ``actor`` filter that names no actor is refused (exit 5), not answered with no rows."""
    with user_errors():
        check_choice(fmt, LIST_FORMATS, "--format")
        with open_store(db, must_exist=True) as (store, _):
            store.require_actor(actor, ACTORS_LISTING)
            rows = rows_of(store)
            total = count(store) if limit and len(rows) == limit else len(rows)
        title = None
        if fmt == "table":
            noun = what if total != 1 else what.removesuffix("s")
            title = f"{len(rows)} of {total} {noun}" if len(rows) < total else f"{total} {noun}"
        # the free text gets the room the others leave (a document's title too: without one,
        # an 80-column table folded every id and date across lines)
        wide = next((c for c in ("content", "title") if c in columns), None)
        emit(rows, fmt, columns, title=title, empty=f"no {what}", wide=wide)


def _progress_bar() -> tuple[Progress, Callable[[IngestReport], None]]:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

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


def _extract_run(
    run: Callable[[Store, Settings, Callable[[IngestReport], None]], IngestReport],
    verb: str,
    *,
    db: str | None,
    must_exist: bool,
    workers: int | None,
    scheduler: str | None,
    **flags: Any,
) -> NoReturn:
    """Ingest and reprocess must show progress, summarise and set the exit code the same way."""
    with (
        user_errors(),
        open_store(db, must_exist=must_exist, workers=workers, scheduler=scheduler, **flags) as (
            store,
            settings,
        ),
    ):
        progress, update = _progress_bar()
        with progress:
            report = run(store, settings, update)
        ingest_summary(report, verb)
    # exit 1: the run finished, but some inputs were skipped or failed (the rest is stored)
    raise typer.Exit(1 if report.problem_count else 0)


def ingest(
    sources: Annotated[list[str], typer.Argument(metavar="SOURCE...", help="Files, folders, URLs or feeds.")],
    db: DbOpt = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    published: PublishedOpt = None,
    actors: ActorsOpt = None,
    fields: FieldsOpt = None,
) -> None:
    """Extract statements from SOURCES and store them; re-running skips what is stored."""
    with user_errors():
        published_date = day(published, "--published")

    def run(store: Store, settings: Settings, update: Callable[[IngestReport], None]) -> IngestReport:
        from redline.ingest import ingest as ingest_sources
        from redline.ingest import read_sources

        documents = read_sources(sources, settings, published=published_date)
        return ingest_sources(documents, store, settings, on_progress=update)

    _extract_run(
        run,
        "stored",
        db=db,
        must_exist=False,
        workers=workers,
        scheduler=scheduler,
        actors=tuple(actors) if actors else None,
        record_fields=record_fields(fields),
    )


def reprocess(
    db: DbOpt = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    force: Annotated[
        bool, typer.Option(help="Re-extract even documents made by the current extractor.")
    ] = False,
) -> None:
    """Re-extract stored documents with the current extractor; analyst corrections are kept."""

    def run(store: Store, settings: Settings, update: Callable[[IngestReport], None]) -> IngestReport:
        from redline.ingest import reprocess as reprocess_store

        return reprocess_store(store, settings, force=force, on_progress=update)

    _extract_run(run, "re-extracted", db=db, must_exist=True, workers=workers, scheduler=scheduler)


def correct(
    statement_id: Annotated[
        str, typer.Argument(metavar="STATEMENT_ID", help="Statement id (see `redline statements`).")
    ],
    speaker: Annotated[
        str | None, typer.Option(metavar="ACTOR", help="Actor id or name of the real speaker.")
    ] = None,
    issues: Annotated[
        str | None, typer.Option(metavar="ISSUES", help="Comma-separated issue ids ('' for none).")
    ] = None,
    stance: StanceOpt = None,
    issue: Annotated[
        str | None,
        typer.Option(
            metavar="ISSUE",
            help="With --stance: the one issue whose stance it sets. Without it --stance sets the first "
            "issue's (the statement's `stance`) and the further issues keep the stance read for each.",
        ),
    ] = None,
    reject: Annotated[bool, typer.Option("--reject", help="Mark the statement as not a statement.")] = False,
    who: Annotated[str, typer.Option(metavar="NAME", help="Who makes the correction.")] = "analyst",
    note: Annotated[str | None, typer.Option(metavar="TEXT", help="Why.")] = None,
    said_on: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DAY",
            help="The day it was said, when its document's date is wrong for it; 'undated': no day known.",
        ),
    ] = None,
    db: DbOpt = None,
) -> None:
    """Store an analyst correction; it survives every re-run and re-extraction."""
    with user_errors(), open_store(db, must_exist=True) as (store, settings):
        from redline.config import unknown_issue
        from redline.corrections import correct as correct_statement
        from redline.corrections import superseded
        from redline.knowledge.issues import load_issues
        from redline.store import Correction

        parsed = tuple(i.strip() for i in issues.split(",") if i.strip()) if issues is not None else None
        if parsed and (bad := unknown_issue(parsed, load_issues(settings.issues).ids)) is not None:
            raise ConfigError(f"--issues: {bad[1]}", hint="give issue ids separated by commas")
        undated = (said_on or "").strip().lower() == "undated"
        said = None if undated else day(said_on, "--date")
        change = Correction(
            speaker, parsed, stance, reject, who, note, date=said, undated=undated, issue=issue
        )
        oid = correct_statement(store, statement_id, change, actor_files=settings.actors)
        typer.echo(f"correction {oid} recorded for statement {statement_id}", err=True)
        record = store.statement(statement_id)
        for name, earlier in superseded(record["overrides"] if record else [], oid):
            value = earlier[name]
            shown = ", ".join(value) if isinstance(value, list) else value
            typer.echo(
                f"  note: replaces {earlier['who']}'s {name} {shown!r} (correction {earlier['id']}, "
                f"{str(earlier['at'])[:16].replace('T', ' ')}); both stay in the statement's history",
                err=True,
            )


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


@filter_flags
def statements(
    where: Where,
    limit: LimitOpt = 50,
    fmt: FormatOpt = "table",
    db: DbOpt = None,
) -> None:
    """List statements, newest first, filtered by speaker, issue, stance, date, outlet, text."""
    f = replace(where, limit=limit or None)
    # the rows asked for beside the counted ones say which they are, as the JSON does
    flags = (("rejected", f.include_rejected), ("duplicate", f.include_duplicates))
    # with --issue, the stance toward that issue beside ``stance`` (the first issue's)
    columns = STATEMENT_COLUMNS[:4] + ("issue_stance",) * bool(f.issue) + STATEMENT_COLUMNS[4:]
    _listing(
        fmt,
        db,
        f.limit,
        "statements",
        columns + tuple(name for name, asked in flags if asked),
        lambda s: s.statements(f),
        lambda s: s.count_statements(f),
        f.actor,
    )


def actors(
    limit: LimitOpt = 0, everyone: EveryoneOpt = False, fmt: FormatOpt = "table", db: DbOpt = None
) -> None:
    """List the actors the corpus quotes, most statements first."""
    columns = ("id", "name", "kind", "party", "statements")
    _listing(
        fmt,
        db,
        limit,
        "actors",
        columns,
        lambda s: _kind_names(s.actors(limit or None, everyone=everyone), fmt),
        lambda s: s.count_actors(everyone=everyone),
    )


def _kind_names(rows: list[dict[str, Any]], fmt: str) -> list[dict[str, Any]]:
    """A table says what the pages say ("knowledge base"); JSON and CSV keep the stored code."""
    if fmt != "table":
        return rows
    from redline.store.actors import actor_kind_name

    return [{**r, "kind": actor_kind_name(r.get("kind"))} for r in rows]


def documents(
    outlet: OutletOpt = None,
    limit: LimitOpt = 50,
    fmt: FormatOpt = "table",
    db: DbOpt = None,
) -> None:
    """List stored documents, newest first; reprints show the original they duplicate."""
    columns = ("id", "published", "outlet", "title", "n_statements", "duplicate_of", "similarity")
    _listing(
        fmt,
        db,
        limit,
        "documents",
        columns,
        lambda s: s.documents(limit or None, outlet),
        lambda s: s.count_documents(outlet),
    )


def claims(
    actor: ActorOpt = None,
    limit: LimitOpt = 50,
    fmt: FormatOpt = "table",
    db: DbOpt = None,
    rebuild: Annotated[
        bool,
        typer.Option("--rebuild", help="Regroup every speaker, not only those whose statements changed."),
    ] = False,
    min_outlets: Annotated[
        int,
        typer.Option(
            "--min-outlets",
            min=1,
            metavar="N",
            help="Only claims at least N outlets carried (2: what several outlets reported).",
        ),
    ] = 1,
) -> None:
    """List claims (one statement as every outlet carried it), most widely carried first."""

    def page(store: Store) -> list[dict[str, Any]]:
        from redline.analysis.claims import refresh_claims

        # the claims are current before they are read, grouped with the user's places
        refresh_claims(store, only_changed=not rebuild, actor_files=settings_from_flags(db=db).actors)
        return store.claims(limit or None, actor, min_outlets=min_outlets)

    columns = ("id", "first_date", "speaker", "content", "n_statements", "n_outlets", "outlets")
    _listing(fmt, db, limit, "claims", columns, page, lambda s: s.count_claims(actor, min_outlets), actor)


def datasette_metadata(
    write: Annotated[
        bool, typer.Option("--write", help="Write metadata.json next to the SQLite file.")
    ] = False,
    db: DbOpt = None,
) -> None:
    """Print (or write) the Datasette metadata for the database: `datasette redline.db -m metadata.json`."""
    with user_errors():
        from redline.store.datasette import metadata, sqlite_path

        settings = settings_from_flags(db=db)
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
        app.command(fn.__name__)(fn)
    app.command("datasette-metadata")(datasette_metadata)
