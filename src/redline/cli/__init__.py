"""The ``redline`` command: thin commands over the library, one module per area."""

from __future__ import annotations

import typer

from redline.cli import corpus, dashboard, demo, discover, extract_cmd, negotiation

app = typer.Typer(
    name="redline",
    help="Turn news coverage of a negotiation into a sourced record of who wants what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Turn news coverage of a negotiation into a sourced record of who wants what."""


extract_cmd.register(app)
corpus.register(app)
negotiation.register(app)
discover.register(app)
demo.register(app)
dashboard.register(app)


def main() -> None:
    app()
