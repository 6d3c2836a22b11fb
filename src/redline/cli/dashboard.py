"""``redline dashboard``: serve the web dashboard over a corpus database with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from redline.cli._common import settings_from_flags, user_errors

DbOpt = Annotated[
    str | None, typer.Option("--db", help="Database URL (default: REDLINE_DB or sqlite:///redline.db).")
]
HostOpt = Annotated[str, typer.Option("--host", help="Interface to listen on (0.0.0.0: every interface).")]
PortOpt = Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")]


def register(app: typer.Typer) -> None:
    @app.command("dashboard")
    def dashboard(db: DbOpt = None, host: HostOpt = "127.0.0.1", port: PortOpt = 8080) -> None:
        """Serve the dashboard: statements with their evidence, positions, plans (Ctrl-C stops it)."""
        import uvicorn  # imported here: the web stack is only loaded when serving

        from redline.store import Store
        from redline.web.app import create_dashboard_app

        with user_errors():
            url = settings_from_flags(db=db).db
            Store.open(url).close()  # fail here, with one line and exit code 4, not in the server's startup
            typer.echo(f"redline dashboard on http://{host}:{port}/ over {url}", err=True)
            uvicorn.run(create_dashboard_app(url), host=host, port=port, log_level="warning")
