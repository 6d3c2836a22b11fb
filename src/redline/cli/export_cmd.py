"""``redline export ...``: the corpus in formats analysts' tools read.

Each subcommand checks its format, opens the database (an existing one: exporting from a
database that is not there is an error, not an empty file), opens the output (stdout, or a
file written whole or not at all) and calls one library function in ``redline.export``.
A count goes to stderr so stdout holds only the export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from redline.cli._common import RedlineGroup, user_errors
from redline.cli.options import (
    ACTORS_LISTING,
    AtOpt,
    DbOpt,
    IssueOpt,
    OutletOpt,
    OutputOpt,
    SinceOpt,
    UntilOpt,
    Where,
    check_choice,
    day,
    filter_flags,
    format_option,
    open_store,
    statement_filter,
)

if TYPE_CHECKING:
    from redline.analysis.positions import RowKind
    from redline.config import Settings
    from redline.knowledge.issues import Taxonomy

export_app = typer.Typer(
    cls=RedlineGroup,
    help="Write the corpus for analysts' tools: CSV/JSON tables, DNA statements, GraphML/GEXF networks. "
    "Output is stable (re-running writes identical bytes); analyst corrections are applied; "
    "rejected statements and reprints' statements are left out unless asked for.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _taxonomy(settings: Settings) -> Taxonomy:
    from redline.knowledge.issues import load_issues

    return load_issues(settings.issues)


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
@filter_flags
def statements_cmd(
    *,
    fmt: Annotated[str, format_option("csv, json or jsonl")] = "csv",
    output: OutputOpt = "-",
    where: Where,
    db: DbOpt = None,
) -> None:
    """Statements with full provenance, one row each."""
    with user_errors():
        from redline.export import TABLE_FORMATS, check_format, export_statements, open_output

        check_format(fmt, TABLE_FORMATS, "statements")
        with open_store(db, must_exist=True) as (store, settings):
            store.require_actor(where.actor, ACTORS_LISTING)  # before the output file is made
            with open_output(output) as out:
                n = export_statements(store, out, fmt, where, _taxonomy(settings))
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
@filter_flags
def dna_cmd(
    *,
    fmt: Annotated[str, format_option("csv (semicolon-separated, DNA's layout), json or jsonl")] = "csv",
    output: OutputOpt = "-",
    include_neutral: Annotated[
        bool, typer.Option("--include-neutral", help="Keep neutral statements (empty agreement).")
    ] = False,
    where: Where,
    db: DbOpt = None,
) -> None:
    """Discourse Network Analyzer-style statements, one row per statement and issue."""
    with user_errors():
        from redline.analysis.positions_report import party_names
        from redline.export import TABLE_FORMATS, check_format, export_dna, open_output

        if fmt != "xml":  # export_dna says why there is no XML
            check_format(fmt, TABLE_FORMATS, "DNA statements")
        with open_store(db, must_exist=True) as (store, settings):
            store.require_actor(where.actor, ACTORS_LISTING)
            with open_output(output) as out:
                n = export_dna(
                    store,
                    out,
                    fmt,
                    where,
                    _taxonomy(settings),
                    include_neutral=include_neutral,
                    parties=party_names(settings.actors),
                )
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
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="actor-issue, actor-actor (congruence) or actor-actor-conflict.",
        ),
    ] = "actor-issue",
    fmt: Annotated[str, format_option("graphml, gexf, csv (edge list) or json (node-link)")] = "graphml",
    output: OutputOpt = "-",
    normalise: Annotated[
        str,
        typer.Option(
            "--normalise",
            metavar="METHOD",
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
        from redline.export import (
            NETWORK_FORMATS,
            NETWORK_KINDS,
            NORMALISATIONS,
            check_format,
            export_network,
            open_output,
        )

        check_choice(kind, NETWORK_KINDS, "--kind")
        check_format(fmt, NETWORK_FORMATS, "a network")
        check_choice(normalise, NORMALISATIONS, "--normalise")
        f = statement_filter(issue=issue, since=since, until=until)
        with open_store(db, must_exist=True) as (store, settings), open_output(output) as out:
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
    fmt: Annotated[str, format_option("csv or json")] = "csv",
    output: OutputOpt = "-",
    by: Annotated[str, typer.Option("--by", metavar="ROWS", help="Rows: party or actor.")] = "party",
    at: AtOpt = None,
    issue: IssueOpt = None,
    db: DbOpt = None,
) -> None:
    """The position matrix: one row per party (or actor) and issue."""
    with user_errors():
        from redline.analysis.positions_report import party_names
        from redline.export import check_format, export_positions, open_output
        from redline.export.positions import POSITION_FORMATS

        check_format(fmt, POSITION_FORMATS, "positions")
        row_kind: RowKind = "actor" if check_choice(by, ("party", "actor"), "--by") == "actor" else "party"
        when = day(at, "--at")
        with open_store(db, must_exist=True) as (store, settings), open_output(output) as out:
            n = export_positions(
                store,
                out,
                fmt,
                by=row_kind,
                at=when,
                issue=issue,
                taxonomy=_taxonomy(settings),
                parties=party_names(settings.actors),
            )
        _done(n, "positions", output)


@export_app.command(
    "documents",
    help=(
        "Document metadata, one row each (the text with --text).\n\n"
        "id, url, outlet, title, published, language, the original a reprint duplicates, and the "
        "statements that count; --text adds the stored text the statements' offsets point into."
    ),
)
def documents_cmd(
    fmt: Annotated[str, format_option("csv, json or jsonl")] = "csv",
    output: OutputOpt = "-",
    outlet: OutletOpt = None,
    text: Annotated[
        bool,
        typer.Option("--text", help="Add each document's stored text (statements' offsets count in it)."),
    ] = False,
    db: DbOpt = None,
) -> None:
    """Document metadata, one row each (the text with --text)."""
    with user_errors():
        from redline.export import TABLE_FORMATS, check_format, export_documents, open_output

        check_format(fmt, TABLE_FORMATS, "documents")
        with open_store(db, must_exist=True) as (store, _), open_output(output) as out:
            n = export_documents(store, out, fmt, outlet=outlet, text=text)
        _done(n, "documents", output)


def register(app: typer.Typer) -> None:
    """Add ``redline export`` and its subcommands to the app."""
    app.add_typer(export_app, name="export")
