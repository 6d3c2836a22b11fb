"""``redline dashboard``: kept as an alias of ``redline serve``, which serves the dashboard too."""

from __future__ import annotations

import typer

from redline.cli.serve import serve


def register(app: typer.Typer) -> None:
    app.command(
        "dashboard",
        help="Alias of `redline serve` (the dashboard is at /, the API at /api/v1, docs at /docs).",
    )(serve)
