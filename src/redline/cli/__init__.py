"""The ``redline`` command: thin commands over the library, one module per area.

Every module registers its commands with ``register(app)``; none imports a library module at
the top (spaCy, the store, the web stack are loaded by the command that runs), so the command
line itself starts at once. Errors, whoever raises them, leave as one ``redline: error:`` line.
"""

from __future__ import annotations

from typing import Annotated

import typer

from redline.cli import (
    corpus,
    dashboard,
    demo,
    discover,
    export_cmd,
    extract_cmd,
    info_cmd,
    negotiation,
    serve,
    train_cmd,
)
from redline.cli._common import EXIT_CODES_HELP, RedlineGroup

app = typer.Typer(
    name="redline",
    cls=RedlineGroup,
    help="Turn news coverage of a negotiation into a sourced record of who wants what.",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        from redline import __version__

        typer.echo(f"redline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print redline's version and exit."
        ),
    ] = False,
) -> None:
    """Turn news coverage of a negotiation into a sourced record of who wants what."""


for _module in (
    extract_cmd,
    corpus,
    negotiation,
    discover,
    demo,
    serve,
    dashboard,
    export_cmd,
    train_cmd,
    info_cmd,
):
    _module.register(app)


def main() -> None:
    app()
