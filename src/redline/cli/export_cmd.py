"""``redline export ...``: the corpus in formats analysts' tools read.

Each subcommand checks its format, opens the database (an existing one: exporting from a
database that is not there is an error, not an empty file), opens the output (stdout, or a
file written whole or not at all) and calls one library function in ``redline.export``.
A count goes to stderr so stdout holds only the export.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated

import typer

from redline.analysis.positions import RowKind
from redline.cli._common import parse_date_option, settings_from_flags, user_errors
from redline.config import Settings
from redline.errors import StoreError
from redline.export import (
    NETWORK_FORMATS,
    NETWORK_KINDS,
    NORMALISATIONS,
    TABLE_FORMATS,
    check_choice,
    check_format,
    export_dna,
    export_documents,
    export_network,
    export_positions,
    export_statements,
    open_output,
)
from redline.export.positions import POSITION_FORMATS
from redline.knowledge.issues import Taxonomy, load_issues
from redline.store import StatementFilter, Store
from redline.store.datasette import sqlite_path
from redline.store.queries import SEARCH_HELP

export_app = typer.Typer(
    help="Write the corpus for analysts' tools: CSV/JSON tables, DNA statements, GraphML/GEXF networks. "
    "Output is stable (re-running writes identical bytes); analyst corrections are applied; "
    "rejected statements and reprints' statements are left out unless asked for.",
    no_args_is_help=True,
)

DbOpt = Annotated[
    str | None, typer.Option("--db", help="Database URL (default: REDLINE_DB or sqlite:///redline.db).")
]
OutOpt = Annotated[
    str, typer.Option("--output", "-o", help="File to write ('-': stdout); written whole or not at all.")
]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Actor id, name or alias.")]
IssueOpt = Annotated[str | None, typer.Option("--issue", help="Issue id, e.g. territory.")]
StanceOpt = Annotated[str | None, typer.Option("--stance", help="support, oppose, conditional or neutral.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet name.")]
SearchOpt = Annotated[str | None, typer.Option("--search", help=SEARCH_HELP)]
RejectedOpt = Annotated[bool, typer.Option("--include-rejected", help="Keep statements an analyst rejected.")]
DuplicatesOpt = Annotated[
    bool, typer.Option("--include-duplicates", help="Keep the statements of near-duplicate reprints.")
]


@contextmanager
def _store(db: str | None) -> Iterator[tuple[Store, Settings]]:
    """An existing database; a missing SQLite file is a StoreError (exit 4), not a new empty file."""
    settings = settings_from_flags(db=db)
    path = sqlite_path(settings.db)
    if path is not None and not path.expanduser().is_file():
        raise StoreError(
            "no database here",
            where=str(path),
            hint="build one with `redline ingest` (or `redline demo`), or give --db / REDLINE_DB",
        )
    store = Store.open(settings.db)
    try:
        yield store, settings
    finally:
        store.close()


def _taxonomy(settings: Settings) -> Taxonomy:
    return load_issues(settings.issues)


def _filter(
    actor: str | None,
    issue: str | None,
    stance: str | None,
    since: str | None,
    until: str | None,
    outlet: str | None,
    search: str | None,
    include_rejected: bool,
    include_duplicates: bool,
) -> StatementFilter:
    return StatementFilter(
        actor=actor,
        issue=issue,
        stance=stance,
        since=parse_date_option(since, "--since"),
        until=parse_date_option(until, "--until"),
        outlet=outlet,
        search=search,
        limit=None,
        include_rejected=include_rejected,
        include_duplicates=include_duplicates,
    )


def _done(n: int, what: str, output: str) -> None:
    typer.echo(f"exported {n} {what}" + ("" if output == "-" else f" to {output}"), err=True)


@export_app.command(
    "statements",
    help=(
        "Statements with full provenance, one row each.\n\n"
        "Columns: document, url, outlet, title, dates, speaker, actor, party, cue, kind, content "
        "and its character offsets into the document text, issues (with PA-X codes), stance, "
        "extractor, and whether an analyst corrected it. Filters as in `redline statements`; no row "
        "limit; streams, so any corpus size exports in flat memory."
    ),
)
def statements_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, json or jsonl.")] = "csv",
    output: OutOpt = "-",
    actor: ActorOpt = None,
    issue: IssueOpt = None,
    stance: StanceOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletOpt = None,
    search: SearchOpt = None,
    include_rejected: RejectedOpt = False,
    include_duplicates: DuplicatesOpt = False,
    db: DbOpt = None,
) -> None:
    """Statements with full provenance, one row each."""
    with user_errors():
        check_format(fmt, TABLE_FORMATS, "statements")
        f = _filter(actor, issue, stance, since, until, outlet, search, include_rejected, include_duplicates)
        with _store(db) as (store, settings), open_output(output) as out:
            n = export_statements(store, out, fmt, f, _taxonomy(settings))
        _done(n, "statements", output)


@export_app.command(
    "dna",
    help=(
        "Discourse Network Analyzer-style statements, one row per statement and issue.\n\n"
        "person = speaker, organization = party, concept = issue label, agreement = 1 for support, "
        "0 for oppose, 1 with qualifier 'conditional' for conditional; neutral statements are left "
        "out unless --include-neutral. CSV is semicolon-separated in DNA's event-list layout. No "
        "XML: DNA documents no XML import format."
    ),
)
def dna_cmd(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv (semicolon-separated, DNA's layout), json or jsonl.")
    ] = "csv",
    output: OutOpt = "-",
    include_neutral: Annotated[
        bool, typer.Option("--include-neutral", help="Keep neutral statements (empty agreement).")
    ] = False,
    actor: ActorOpt = None,
    issue: IssueOpt = None,
    stance: StanceOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletOpt = None,
    search: SearchOpt = None,
    include_rejected: RejectedOpt = False,
    include_duplicates: DuplicatesOpt = False,
    db: DbOpt = None,
) -> None:
    """Discourse Network Analyzer-style statements, one row per statement and issue."""
    with user_errors():
        if fmt != "xml":
            check_format(fmt, TABLE_FORMATS, "DNA statements")
        f = _filter(actor, issue, stance, since, until, outlet, search, include_rejected, include_duplicates)
        with _store(db) as (store, settings), open_output(output) as out:
            n = export_dna(store, out, fmt, f, _taxonomy(settings), include_neutral=include_neutral)
        _done(n, "DNA statements", output)


@export_app.command(
    "network",
    help=(
        "Actor-issue and actor-actor networks for Gephi (GraphML, GEXF) or as a CSV edge list.\n\n"
        "actor-issue: two-mode; edges count support, oppose, conditional and neutral statements, "
        "weight = support + conditional - oppose. actor-actor: DNA congruence, weight = issues on "
        "which both actors take the same side; actor-actor-conflict: opposite sides. Nodes carry "
        "name, party, kind and statement count."
    ),
)
def network_cmd(
    kind: Annotated[
        str,
        typer.Option("--kind", "-k", help="actor-issue, actor-actor (congruence) or actor-actor-conflict."),
    ] = "actor-issue",
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="graphml, gexf, csv (edge list) or json (node-link).")
    ] = "graphml",
    output: OutOpt = "-",
    normalise: Annotated[
        str,
        typer.Option(
            "--normalise",
            help="actor-actor weights: none, average, jaccard or cosine (of the two actors' sides).",
        ),
    ] = "none",
    issue: IssueOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    db: DbOpt = None,
) -> None:
    """Actor-issue and actor-actor networks for Gephi (GraphML, GEXF) or as a CSV edge list."""
    with user_errors():
        check_choice(kind, NETWORK_KINDS, "--kind")
        check_format(fmt, NETWORK_FORMATS, "a network")
        check_choice(normalise, NORMALISATIONS, "--normalise")
        f = StatementFilter(
            issue=issue,
            since=parse_date_option(since, "--since"),
            until=parse_date_option(until, "--until"),
            limit=None,
        )
        with _store(db) as (store, settings), open_output(output) as out:
            g = export_network(store, out, kind, fmt, f, _taxonomy(settings), normalise=normalise)
        _done(g.number_of_nodes(), f"nodes and {g.number_of_edges()} edges", output)


@export_app.command(
    "positions",
    help=(
        "The position matrix: one row per party (or actor) and issue.\n\n"
        "CSV: each row gives the position (the balance of the dated statements, as `redline positions` "
        "computes it), the latest and most frequent stance, the count of each stance, the undated "
        "statements counted apart, and the strongest quote with its statement, document and offsets. "
        "JSON: the same report as `redline positions -f json` and /api/v1/positions."
    ),
)
def positions_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or json.")] = "csv",
    output: OutOpt = "-",
    by: Annotated[str, typer.Option("--by", help="Rows: party or actor.")] = "party",
    at: Annotated[str | None, typer.Option("--at", help="As of this date (YYYY-MM-DD).")] = None,
    issue: IssueOpt = None,
    db: DbOpt = None,
) -> None:
    """The position matrix: one row per party (or actor) and issue."""
    with user_errors():
        check_format(fmt, POSITION_FORMATS, "positions")
        row_kind: RowKind = "actor" if check_choice(by, ("party", "actor"), "--by") == "actor" else "party"
        when: date | None = parse_date_option(at, "--at")
        with _store(db) as (store, settings), open_output(output) as out:
            n = export_positions(
                store, out, fmt, by=row_kind, at=when, issue=issue, taxonomy=_taxonomy(settings)
            )
        _done(n, "positions", output)


@export_app.command(
    "documents",
    help=(
        "Document metadata, one row each (no text).\n\n"
        "id, url, outlet, title, published, language, the original a reprint duplicates, and the "
        "statements that count."
    ),
)
def documents_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, json or jsonl.")] = "csv",
    output: OutOpt = "-",
    outlet: OutletOpt = None,
    db: DbOpt = None,
) -> None:
    """Document metadata, one row each (no text)."""
    with user_errors():
        check_format(fmt, TABLE_FORMATS, "documents")
        with _store(db) as (store, _), open_output(output) as out:
            n = export_documents(store, out, fmt, outlet=outlet)
        _done(n, "documents", output)


def register(app: typer.Typer) -> None:
    """Add ``redline export`` and its subcommands to the app."""
    app.add_typer(export_app, name="export")
