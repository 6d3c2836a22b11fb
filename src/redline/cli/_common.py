"""What every command shares: settings from flags, error to exit-code mapping, output formats.

Commands stay thin: they parse flags, build ``Settings`` with ``settings_from_flags``, call
one library function inside ``user_errors()`` and hand plain dicts to ``emit``. Results go
to stdout, everything for the person (problems, warnings, progress) to stderr, so output
can be piped without noise.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import typer
import typer.core

# typer carries its own copy of click: its exceptions are the ones commands raise
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from redline.ingest import IngestReport

from redline.config import Settings, load_settings
from redline.errors import RedlineError, exit_codes_text
from redline.model import Problem

PROG = "redline"
WIDE_COLUMN_MIN = 30  # characters the free-text column keeps however narrow the terminal

EXIT_CODES_HELP = exit_codes_text()


class OutputFormat(StrEnum):
    """Formats ``emit`` can write; commands offer the subset that suits them."""

    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


def stderr_console() -> Console:
    """Rich console for people: stderr, no markup or highlighting surprises in messages."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def settings_from_flags(*, env: Mapping[str, str] | None = None, **flags: Any) -> Settings:
    """Settings from defaults, ``REDLINE_*`` variables, then the flags given (None = not given).

    Raises ConfigError (exit code 2) for invalid values; call it inside ``user_errors()``.
    """
    return load_settings({k: v for k, v in flags.items() if v is not None}, env=env)


def error_line(message: str) -> str:
    """The one shape of every error the command prints: ``redline: error: what (what to do)``."""
    return f"{PROG}: error: {message}"


def fail(err: RedlineError) -> NoReturn:
    """Report an expected failure as one line on stderr and exit with its code."""
    typer.echo(error_line(err.render()), err=True)
    raise typer.Exit(err.exit_code)


# the optional parts of redline: a module that is missing names the extra that brings it
EXTRA_OF_MODULE = {
    "fastapi": "web",
    "uvicorn": "web",
    "jinja2": "web",
    "swagger_ui_bundle": "web",
    "distributed": "cluster",
    "dask": "cluster",
    "psycopg": "postgres",
    "sklearn": "train",
    "scipy": "train",
}


class RedlineGroup(typer.core.TyperGroup):
    """The root command: usage errors (unknown flag, missing argument) in the same one-line shape
    as the library's errors, instead of click's usage box, with the help to read as the hint."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
        except NoArgsIsHelpError as exc:
            exc.show()  # no arguments: the help itself, as before
            code = exc.exit_code
        except UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else PROG
            typer.echo(error_line(f"{exc.format_message()} (see `{where} --help`)"), err=True)
            code = exc.exit_code
        except ClickException as exc:
            typer.echo(error_line(exc.format_message()), err=True)
            code = exc.exit_code
        except typer.Abort:
            typer.echo(f"{PROG}: interrupted", err=True)
            code = 130
        except ModuleNotFoundError as exc:
            needed = EXTRA_OF_MODULE.get((exc.name or "").partition(".")[0])
            if needed is None:
                raise
            hint = f"this command needs redline's {needed} extra: pip install 'redline[{needed}]'"
            typer.echo(error_line(f"{exc.name} is not installed ({hint})"), err=True)
            code = 2
        if standalone_mode:
            sys.exit(code)
        return code

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Each command with its whole first sentence, wrapped, not cut at 45 characters."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=300)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """Commands as found, their arguments described in words: typer would add the Python type
        (``INPUT <list[str]>``) after the metavar the command chose (``INPUT...``)."""
        command = super().get_command(ctx, cmd_name)
        for param in getattr(command, "params", ()):
            if isinstance(param, typer.core.TyperArgument):
                setattr(param, "display_type_rich", _no_type)  # noqa: B010 (an instance's override)
        return command


def _no_type(ctx: typer.Context) -> None:  # noqa: ARG001 (rich help calls it with the context)
    return None


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn RedlineErrors raised inside the block into a message and exit code, not a traceback."""
    try:
        yield
    except RedlineError as err:
        fail(err)
    except KeyboardInterrupt:
        typer.echo(f"{PROG}: interrupted", err=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:
        # The reader went away (`redline ... | head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        _silence_stdout()
        raise typer.Exit(0) from None


def quiet_library_logs() -> None:
    """Libraries that log warnings for ordinary bad pages; redline reports Problems itself."""
    for name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.ERROR)


def report_problem(problem: Problem, console: Console | None = None) -> None:
    """One line per problem: ``redline: skipped FILE: reason (hint)`` or a warning."""
    from redline.sources.guards import is_warning  # the readers, loaded only once there are problems

    label = "warning:" if is_warning(problem) else "skipped"
    line = f"{PROG}: {label} {problem.render()}"
    if console is None:
        typer.echo(line, err=True)
    else:
        console.print(line, markup=False, highlight=False, soft_wrap=True)


def counted(n: int, noun: str) -> str:
    """ "1 document", "2 documents": a summary read by a person says one thing in the singular."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def undated_note(documents: int, *, new: bool = False) -> str:
    """What ``ingest`` and ``extract`` say of documents with no publication date: one wording,
    since both leave the same statements undated and the fix is the same."""
    one = documents == 1
    what = ("new " if new else "") + ("document has" if one else "documents have")
    return (
        f"note: {documents} {what} no publication date (none in the record, the page, a dateline, "
        f"the URL or the file's name): {'its' if one else 'their'} statements are undated and counted "
        "apart from positions over time; give one with --published DATE, a 'published' field "
        "(--field published=FIELD) or a day in the file's name (2025-11-27_talks.txt)"
    )


def yearless_note(source: str, day: str) -> str:
    """What ``ingest`` and ``extract`` say of an undated document whose dateline names a day
    without a year: the fix gives it the year."""
    return f"undated: {source}: its dateline names {day} without a year (--published DATE gives the year)"


def ingest_summary(r: IngestReport, verb: str) -> None:
    """What a run that stores documents says on stderr (``ingest``, ``reprocess``, ``discover
    --ingest``): one wording, every problem and every copy on its own line."""
    typer.echo(
        f"{verb} {counted(r.stored, 'document')} ({counted(r.statements, 'statement')}); "
        f"{r.skipped} already stored, {counted(r.near_duplicates, 'near-duplicate')} linked, "
        f"{counted(r.problem_count, 'problem')}",
        err=True,
    )
    if r.undated:
        typer.echo(f"  {undated_note(r.undated, new=True)}", err=True)
    for source, day in r.yearless:
        typer.echo(f"  {yearless_note(source, day)}", err=True)
    if r.copy_count:
        # an outlet's verbatim copy has another id, so "already stored" alone hid it
        typer.echo(
            f"  note: {r.copy_count} of those already stored "
            f"{'is an exact copy' if r.copy_count == 1 else 'are exact copies'} (same text or URL) "
            "of a stored document under another id: its text is not stored again; its outlet "
            "counts in the claims of the document it repeats",
            err=True,
        )
        for source, stored in r.copies:
            typer.echo(f"  copy: {source} is stored document {stored}", err=True)
        if r.copy_count > len(r.copies):
            typer.echo(f"  ... and {r.copy_count - len(r.copies)} more copies", err=True)
    # every problem kept gets its line (a bad-input run must name each input, as extract does)
    for p in r.problems:
        typer.echo(f"  problem: {p.render()}", err=True)
    if r.problem_count > len(r.problems):
        typer.echo(f"  ... and {r.problem_count - len(r.problems)} more problems", err=True)


def problem_dict(problem: Problem) -> dict[str, Any]:
    """Machine-readable form of a Problem (``skipped`` false for warnings)."""
    from redline.sources.guards import is_warning

    return {
        "source": problem.source,
        "kind": problem.kind,
        "reason": problem.reason,
        "hint": problem.hint,
        "skipped": not is_warning(problem),
    }


def dumps(value: Any, *, indent: int | None = None) -> str:
    """JSON text with dates, paths and sets made plain; non-ASCII kept readable."""
    return json.dumps(value, ensure_ascii=False, indent=indent, default=_plain)


def emit(
    rows: Sequence[Mapping[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    *,
    title: str | None = None,
    empty: str = "no rows",
    file: TextIO | None = None,
    wide: str | None = None,
) -> None:
    """Write rows of plain values to stdout as table, csv, json or jsonl.

    ``columns`` picks and orders the fields (default: the keys of the first row); json and
    jsonl keep whole rows, so nested values survive. ``title``, ``empty`` and ``wide`` apply to
    tables: the title is one unwrapped line (a long path stays greppable), and the ``wide``
    column gets the width the others leave, so text stays readable in an 80-column terminal.
    """
    out = file or sys.stdout
    fmt = OutputFormat(fmt)
    cols = list(columns) if columns is not None else (list(rows[0]) if rows else [])
    if fmt is OutputFormat.json:
        out.write(dumps([dict(r) for r in rows], indent=2) + "\n")
    elif fmt is OutputFormat.jsonl:
        for row in rows:
            out.write(dumps(dict(row)) + "\n")
    elif fmt is OutputFormat.csv:
        writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: cell_text(row.get(c)) for c in cols})
    else:
        from rich.console import Console
        from rich.table import Table

        console = Console(file=out, highlight=False)
        if title:
            console.print(title, markup=False, soft_wrap=True)
        if not rows:
            console.print(f"({empty})", markup=False)
            return
        cells = [[cell_text(row.get(c)) for c in cols] for row in rows]
        room = console.width - (3 * len(cols) + 1)  # borders, and a space each side of a cell
        if wide in cols and _narrow_width(cols, cells, wide) + WIDE_COLUMN_MIN > room:
            _print_stacked(console, cols, cells, wide)
        else:
            table = Table(show_lines=False)
            for col in cols:
                table.add_column(col, overflow="fold", min_width=WIDE_COLUMN_MIN if col == wide else None)
            for line in cells:
                table.add_row(*line)
            console.print(table)
    out.flush()


def _narrow_width(cols: Sequence[str], cells: Sequence[Sequence[str]], wide: str) -> int:
    """The width the columns but ``wide`` need to show their longest cells on one line."""
    return sum(max([len(c), *(len(line[i]) for line in cells)]) for i, c in enumerate(cols) if c != wide)


def _print_stacked(console: Console, cols: Sequence[str], cells: Sequence[Sequence[str]], wide: str) -> None:
    """Rows as blocks, for a terminal too narrow for a table: the short fields on one line, the
    ``wide`` field indented below with the whole width (a table would fold it to a few letters)."""
    from rich.padding import Padding
    from rich.text import Text

    at = list(cols).index(wide)
    # the header and each row's fields on one line however narrow: a row cut in two at 80
    # columns put its id and its document on different lines for `| grep` (the terminal wraps)
    console.print(" | ".join(c for c in cols if c != wide), markup=False, style="bold", soft_wrap=True)
    for line in cells:
        console.print(" | ".join(v for i, v in enumerate(line) if i != at), markup=False, soft_wrap=True)
        console.print(Padding(Text(line[at]), (0, 0, 0, 4), expand=False))


def cell_text(value: Any) -> str:
    """A value as one table or CSV cell: lists joined with commas, mappings as JSON, flags as
    JSON and the exports write them (``true``/``false``, not Python's ``True``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(cell_text(v) for v in value)
    if isinstance(value, Mapping):
        return dumps(dict(value))
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def truncate(text: str, width: int) -> str:
    """Shorten to ``width`` characters with an ellipsis, on one line, at a word boundary
    ("conclude a co…" reads as a typo; a word is cut only when it alone overflows)."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: max(width - 1, 0)]
    space = len(cut) if flat[len(cut)] == " " else cut.rfind(" ")
    return (cut[:space].rstrip(",;:") if space > width // 2 else cut) + "…"


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (e.g. under a test runner)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
