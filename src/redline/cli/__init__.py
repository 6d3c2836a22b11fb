"""The ``redline`` command: thin commands over the library, one module per area."""

from __future__ import annotations

from typing import Annotated

import typer

from redline.cli import corpus, dashboard, demo, discover, export_cmd, extract_cmd, negotiation, serve

app = typer.Typer(
    name="redline",
    help="Turn news coverage of a negotiation into a sourced record of who wants what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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


extract_cmd.register(app)
corpus.register(app)
negotiation.register(app)
discover.register(app)
demo.register(app)
serve.register(app)
dashboard.register(app)
export_cmd.register(app)


def main() -> None:
    app()
