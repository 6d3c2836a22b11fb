"""``redline serve``: the one web app over the corpus database: dashboard, REST API and its docs."""

from __future__ import annotations

from typing import Annotated

import typer

from redline.cli._common import settings_from_flags, user_errors
from redline.cli.options import DbOpt
from redline.errors import ConfigError


def _bind_problem(host: str, port: int) -> str:
    """Why ``host:port`` cannot be listened on now ("address already in use"), or "" if it can."""
    import socket

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.create_server((host, port), family=family):
            return ""
    except OSError as exc:
        return (exc.strerror or str(exc)).split(" (while ")[0].lower()  # create_server adds the address


def serve(
    db: DbOpt = None,
    host: Annotated[
        str, typer.Option(metavar="HOST", help="Interface to listen on (0.0.0.0 for every one).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            metavar="SECRET",
            help="Bearer token that allows corrections (default: REDLINE_API_TOKEN); without one the API "
            "is read-only.",
        ),
    ] = None,
) -> None:
    """Serve the dashboard at http://HOST:PORT/, the REST API at /api/v1 and its reference at /docs.

    With a token, the API takes corrections and the dashboard's statement pages offer a
    correction form (signed in with the same token). Ctrl-C stops it.
    """
    with user_errors():
        import uvicorn

        from redline.api import create_app
        from redline.cli.options import check_database
        from redline.store import Store

        settings = settings_from_flags(db=db, api_token=token)
        check_database(settings.db)  # serving never creates an empty database from a typo'd URL
        # a bad URL or an unreadable file fails here, as one line
        Store.open(settings.db, actors=settings.actors).close()
        app = create_app(
            settings.db, token=settings.api_token, issues=settings.issues, actors=settings.actors
        )
        mode = "read-write (token set)" if settings.api_token else "read-only (no token)"
        typer.echo(
            f"redline on http://{host}:{port}/ (dashboard), /api/v1 ({mode}), /docs; over {settings.db}",
            err=True,
        )
        try:
            uvicorn.run(app, host=host, port=port, log_level="info")
        except SystemExit as stop:
            # uvicorn exits 3 when it cannot start (a port in use): that is redline's "no spaCy
            # model", so the failure is said as every other error is, with a usage exit code
            if stop.code in (0, None):
                raise
            why = _bind_problem(host, port) or "the server did not start"
            raise ConfigError(
                f"cannot listen on {host}:{port}: {why}",
                hint="choose another port with --port, or stop the program using it",
            ) from None


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(serve)
