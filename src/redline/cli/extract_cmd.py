"""``redline extract``: statements from files, folders, stdin or URLs, printed without storing.

The command reads inputs lazily, so documents flow into the extractor as they are read and
output appears as each document is done; problems are reported on stderr as they occur.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from redline.cli._common import (
    EXIT_CODES_HELP,
    OutputFormat,
    dumps,
    emit,
    problem_dict,
    quiet_library_logs,
    report_problem,
    settings_from_flags,
    stderr_console,
    truncate,
    undated_note,
    user_errors,
    yearless_note,
)
from redline.cli.options import ActorsOpt, FieldsOpt, PublishedOpt, day, record_fields
from redline.model import Document, Extraction, Problem

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from redline.extract.pipeline import Extractor

PROGRESS_AFTER = 3  # show progress only once a run has more than a few documents
CONTENT_WIDTH = 70
TABLE_COLUMNS = ["#", "speaker", "kind", "stance", "issues", "content", "offsets"]

EPILOG = "\n\n".join(
    [
        "INPUT is a file (.txt, .html, .jsonl, .json, .csv), a folder (read recursively, hidden "
        "files skipped), - for standard input (text, or JSON Lines), or an http(s) URL.",
        "Formats: jsonl prints one JSON object per document (the extraction contract); json prints "
        'one object {"documents": [...], "problems": [...]}; table is for reading.',
        "Skipped inputs are reported on stderr as 'redline: skipped SOURCE: reason (hint)'. "
        "Settings also come from REDLINE_* environment variables (e.g. REDLINE_MAX_BYTES, "
        "REDLINE_WORKERS, REDLINE_CHECK_LANGUAGE=0).",
        EXIT_CODES_HELP,
    ]
)


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class _Run:
    """Splits the source stream: Documents go on to the extractor, Problems are reported."""

    def __init__(self, console: Console, *, quiet: bool, keep: bool) -> None:
        self.console = console
        self.quiet = quiet
        self.keep = keep
        self.problems: list[Problem] = []
        self.skipped = 0
        self.extracted = 0
        self.undated = 0  # documents with no publication date: their statements stay undated
        self.yearless: list[tuple[str, str]] = []  # of those, a dateline's day without a year
        self.progress: Progress | None = None
        self.task: Any = None

    def documents_from(self, items: Iterable[Document | Problem]) -> Iterator[Document]:
        for item in items:
            if isinstance(item, Problem):
                self.problem(item)
            else:
                yield item

    def problem(self, problem: Problem) -> None:
        from redline.sources.guards import is_warning

        warning = is_warning(problem)
        if not warning:
            self.skipped += 1
        if self.keep:
            self.problems.append(problem)
        if not (warning and self.quiet):
            report_problem(problem, self.console)

    def tick(self) -> None:
        """Count one extracted document; progress appears once there are more than a few."""
        self.extracted += 1
        if self.quiet or not self.console.is_terminal:
            return
        if self.progress is None and self.extracted > PROGRESS_AFTER:
            from rich.progress import Progress, SpinnerColumn, TextColumn

            self.progress = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), console=self.console, transient=True
            )
            self.progress.start()
            self.task = self.progress.add_task("")
        if self.progress is not None:
            self.progress.update(self.task, description=f"extracting: {self.extracted} documents done")

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def statement_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """One table row per statement, for people reading a terminal."""
    rows = []
    for number, statement in enumerate(extraction.statements, start=1):
        data = statement.to_dict()
        speaker = data["speaker"]
        content = data["content"]
        rows.append(
            {
                "#": number,
                "speaker": speaker["name"] if speaker else "?",
                "kind": data["kind"],
                "stance": data["stance"],
                "issues": data["issues"],
                "content": truncate(content["text"], CONTENT_WIDTH),
                "offsets": f"{content['start']}-{content['end']}",
            }
        )
    return rows


def _table_title(extraction: Extraction) -> str:
    doc = extraction.document
    parts = [doc.title] if doc.title else []
    parts.append(doc.source or doc.id)  # which file or record, among many inputs
    if doc.published:
        parts.append(doc.published.isoformat())
    parts.append(_count(len(extraction.statements), "statement"))
    return " | ".join(parts)


def extract(
    inputs: Annotated[
        list[str], typer.Argument(metavar="INPUT", help="Files, folders, - for stdin, or http(s) URLs.")
    ],
    fmt: Annotated[
        ExtractFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="Output format: jsonl, json or table."),
    ] = ExtractFormat.jsonl,
    published: PublishedOpt = None,
    actors: ActorsOpt = None,
    fields: FieldsOpt = None,
    workers: Annotated[
        int | None, typer.Option(min=1, metavar="N", help="Worker processes for the NLP pipeline.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, warnings or summary.")] = False,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Add an 'explain' object to each statement (json/jsonl): whether the rules or the "
            "learned model decided its issues and stance, what dated it, and why.",
        ),
    ] = False,
) -> None:
    """Extract who said what, about which issue, with what stance, and print it."""
    with user_errors():
        published_date = day(published, "--published")
    quiet_library_logs()
    console = stderr_console()
    run = _Run(console, quiet=quiet, keep=fmt is ExtractFormat.json)
    collected: list[dict[str, Any]] = []
    with user_errors():
        from redline.extract.pipeline import Extractor
        from redline.sources import read_sources
        from redline.sources.dateline import yearless_dateline

        settings = settings_from_flags(
            workers=workers, actors=tuple(actors) if actors else None, record_fields=record_fields(fields)
        )
        extractor = Extractor.load(settings)
        documents = run.documents_from(
            read_sources(inputs, settings, published=published_date, stdin=sys.stdin)
        )
        try:
            for extraction, explained in _extractions(extractor, documents, explain):
                run.tick()
                if extraction.document.published is None:
                    run.undated += 1
                    named = yearless_dateline(extraction.document.text)
                    if named is not None:
                        run.yearless.append((extraction.document.source or extraction.document.id, named))
                if fmt is ExtractFormat.jsonl:
                    typer.echo(dumps(_with_explain(extraction, explained)))
                elif fmt is ExtractFormat.json:
                    collected.append(_with_explain(extraction, explained))
                else:
                    emit(
                        statement_rows(extraction),
                        OutputFormat.table,
                        TABLE_COLUMNS,
                        title=_table_title(extraction),
                        empty="no statements found",
                        wide="content",
                    )
        finally:
            run.close()
    if fmt is ExtractFormat.json:
        body = {"documents": collected, "problems": [problem_dict(p) for p in run.problems]}
        typer.echo(dumps(body, indent=2))
    if not quiet and run.skipped:
        console.print(
            f"redline: {_count(run.extracted, 'document')} extracted, {_count(run.skipped, 'input')} skipped",
            markup=False,
            highlight=False,
        )
    if not quiet and run.undated:
        console.print(f"redline: {undated_note(run.undated)}", markup=False, highlight=False)
        for source, named in run.yearless:
            console.print(f"redline: {yearless_note(source, named)}", markup=False, highlight=False)
    raise typer.Exit(1 if run.skipped else 0)


def _extractions(
    extractor: Extractor, documents: Iterable[Document], explain: bool
) -> Iterator[tuple[Extraction, dict[str, dict[str, Any]] | None]]:
    if explain:
        yield from extractor.extract_explained(documents)
    else:
        for extraction in extractor.extract(documents):
            yield extraction, None


def _with_explain(extraction: Extraction, explained: dict[str, dict[str, Any]] | None) -> dict[str, Any]:
    """The extraction contract, plus each statement's explanation when asked for."""
    data = extraction.to_dict()
    if explained is not None:
        for statement in data["statements"]:
            statement["explain"] = explained.get(statement["id"], {})
    return data


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("extract", epilog=EPILOG)(extract)
