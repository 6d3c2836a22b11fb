"""``redline demo``: the bundled corpus and plan in a database, and a summary for a person.

The summary goes to stdout (it is the result); the progress bar and problems go to stderr.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from redline.cli._common import report_problem, truncate, user_errors
from redline.cli.options import DbOpt, open_store

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from rich.table import Table

    from redline.demo import DemoResult
    from redline.ingest import IngestReport

STANCE_STYLE = {"support": "green", "oppose": "red", "mixed": "yellow", "neutral": "dim"}
QUOTE_WIDTH = 70


def _counts(result: DemoResult) -> Table:
    from rich.table import Table

    c, r = result.counts, result.ingest
    table = Table(title="the corpus", title_justify="left", show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("documents", str(c["documents"]))
    table.add_row("  of which near-duplicate reprints", str(c["near_duplicates"]))
    table.add_row("statements (reprints counted once)", str(c["statements"]))
    table.add_row("actors quoted", str(c["actors"]))
    table.add_row("events", str(c["events"]))
    table.add_row("this run", f"{r.stored + r.near_duplicates} new documents, {r.skipped} already stored")
    return table


def _positions(result: DemoResult, actors: Sequence[Path]) -> Table:
    from rich.table import Table

    from redline.analysis.positions import UNAFFILIATED
    from redline.analysis.positions_report import party_names, positions_report

    report = positions_report(result.positions, by="party", documents={}, parties=party_names(actors))
    table = Table(
        title="where each party stands (the balance of its dated statements, the strongest quote)",
        title_justify="left",
        show_lines=True,
        caption="speakers without a party (officials, 'people familiar') are left out here; "
        "see `redline positions --by actor`",
    )
    for col in ("party", "issue: proposition", "stance", "s/o/c/n", "date", "quote"):
        table.add_column(col, overflow="fold")
    for cell in report.cells:
        if cell.row == UNAFFILIATED:
            continue
        q = cell.quote
        style = STANCE_STYLE.get(cell.stance, "")
        table.add_row(
            cell.row_name,
            f"{cell.column_label}: {cell.proposition}",
            f"[{style}]{cell.stance}[/]" if style else cell.stance,
            "/".join(str(n) for n in cell.counts.values()),
            cell.last_date,
            f"{q.speaker or '?'}: “{truncate(q.text, QUOTE_WIDTH)}”" if q else "",
        )
    return table


def _diff(result: DemoResult) -> str:
    parts = ", ".join(f"{n} {kind}" for kind, n in result.diff_counts.items() if n)
    return f"plan {result.plan}: {result.old} → {result.new}: {parts}"


def _next_steps(db: str) -> str:
    flag = "" if db == "sqlite:///redline.db" else f" --db {db}"
    return "\n".join(
        [
            f"redline positions{flag} --plan peace --by party      # positions on the points of the plan",
            f"redline positions{flag} --by actor --issue territory",
            f"redline plan diff 28-point 19-point{flag}            # the two versions point by point",
            f"redline timeline{flag} --actor Witkoff",
            f"redline statements{flag} --search amnesty",
            f"redline claims{flag} --min-outlets 2                  # what several outlets carried",
            f"redline export statements{flag} -f csv -o statements.csv   # for spreadsheets and R",
            f"redline serve{flag}          # dashboard at http://127.0.0.1:8000/, API at /api/v1",
        ]
    )


def demo(db: DbOpt = None) -> None:
    """Ingest the bundled example corpus and plan, then show what redline makes of them."""
    from rich.console import Console
    from rich.panel import Panel
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from redline.demo import corpus_size, run_demo

    with user_errors():
        err = Console(stderr=True)
        progress = Progress(
            TextColumn("ingesting the example corpus"),
            BarColumn(bar_width=None),
            MofNCompleteColumn(),
            TextColumn("{task.fields[stmts]} statements"),
            TimeElapsedColumn(),
            console=err,
        )
        task = progress.add_task("ingest", total=corpus_size(), stmts=0)

        def update(r: IngestReport) -> None:
            progress.update(task, completed=r.done, stmts=r.statements)

        with open_store(db, must_exist=False) as (store, settings), progress:
            result = run_demo(store, settings, on_progress=update)
            update(result.ingest)
        for problem in result.ingest.problems:
            report_problem(problem)
        out = Console(width=130, highlight=False)
        out.print(Panel.fit(f"redline demo - database {settings.db}", style="bold"))
        out.print(_counts(result))
        out.print()
        out.print(_positions(result, settings.actors))
        out.print()
        out.print(_diff(result))
        if result.plans_imported:
            out.print(f"imported plan versions: {', '.join(result.plans_imported)}")
        out.print()
        out.print(Panel(_next_steps(settings.db), title="try next", title_align="left"))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("demo")(demo)
