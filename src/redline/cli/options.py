"""The options commands share, declared once: database, format, output, dates, the statement filter.

A flag that means the same thing in two commands is the same object here, so it has the same
name, metavar, help and parsing everywhere (``--since "27 Nov 2025"`` works wherever ``--since``
does). Library modules are imported inside the functions that need them: building the command
line must not load the store, spaCy or the web stack (``redline --help`` stays instant).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from redline.config import check_choice as check_choice  # the commands' one check of a choice
from redline.config import unknown_issue
from redline.dates import DATE_FORMS, parse_day
from redline.errors import ConfigError, StoreError
from redline.model import STANCES
from redline.search_syntax import SEARCH_HELP

if TYPE_CHECKING:
    from redline.config import Settings
    from redline.store import StatementFilter, Store

DB_HELP = "Database URL (default: REDLINE_DB or sqlite:///redline.db)."
# where an `--actor` that names no actor sends the user (``Store.require_actor``)
ACTORS_LISTING = "`redline actors --all`"
DATE_HELP = "a date (2025-11-27, '27 Nov 2025') or a span back from today (7d, 2w)"

DbOpt = Annotated[str | None, typer.Option("--db", metavar="URL", help=DB_HELP)]
OutputOpt = Annotated[
    str,
    typer.Option(
        "--output", "-o", metavar="FILE", help="File to write ('-': stdout); written whole or not at all."
    ),
]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", metavar="N", help="At most this many rows (0: all).")]


def format_option(choices: str) -> Any:
    """``--format/-f``, its ``choices`` in words; the command checks the value (one message for all)."""
    return typer.Option("--format", "-f", metavar="FORMAT", help=f"Output format: {choices}.")


# the statement filter: `redline statements` and every `redline export` subcommand
ActorOpt = Annotated[str | None, typer.Option("--actor", metavar="ACTOR", help="Actor id, name or alias.")]
PartyOpt = Annotated[
    str | None,
    typer.Option(
        "--party", metavar="PARTY", help="The speaker's party id, e.g. russia ('unaffiliated': of none)."
    ),
]
IssueOpt = Annotated[str | None, typer.Option("--issue", metavar="ISSUE", help="Issue id, e.g. territory.")]
StanceOpt = Annotated[str | None, typer.Option("--stance", metavar="STANCE", help=f"{', '.join(STANCES)}.")]
SinceOpt = Annotated[str | None, typer.Option("--since", metavar="DATE", help=f"From {DATE_HELP}.")]
UntilOpt = Annotated[str | None, typer.Option("--until", metavar="DATE", help=f"Up to {DATE_HELP}.")]
AtOpt = Annotated[str | None, typer.Option("--at", metavar="DATE", help=f"As of {DATE_HELP}.")]
PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published",
        metavar="DATE",
        help=f"Publication date for documents that carry none of their own: {DATE_HELP}.",
    ),
]
ActorsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        metavar="FILE",
        exists=True,
        dir_okay=False,
        help="Extra actor file (YAML); repeat for several.",
    ),
]
FieldsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        metavar="MAPPING",
        help="NAME=FIELD: what your JSON Lines, JSON or CSV records call one of redline's fields (text, id, "
        "url, title, published, outlet): --field text=body --field published=pub_date; repeat for "
        "each (default: REDLINE_RECORD_FIELDS).",
    ),
]


def record_fields(given: list[str] | None) -> str | None:
    """The ``--field`` flags as the ``record_fields`` setting (None: not given, the variable's)."""
    return ",".join(given) if given else None


EveryoneOpt = Annotated[bool, typer.Option("--all", help="Also list the known actors no statement quotes.")]
OutletOpt = Annotated[
    str | None,
    typer.Option("--outlet", metavar="OUTLET", help='Outlet name, in any case ("reuters" is Reuters).'),
]
SearchOpt = Annotated[str | None, typer.Option("--search", metavar="QUERY", help=SEARCH_HELP)]
RejectedOpt = Annotated[bool, typer.Option("--include-rejected", help="Keep statements an analyst rejected.")]
DuplicatesOpt = Annotated[
    bool, typer.Option("--include-duplicates", help="Keep the statements of near-duplicate reprints.")
]


# A command that lists statements takes one parameter ``where: Where``; ``filter_flags`` puts
# the filter's flags in its place on the command line and hands it the filter they make.
Where = Annotated["StatementFilter", "the statement filter, from the flags declared below"]

_FILTER_FLAGS = tuple(
    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=flag)
    for name, flag, default in (
        ("actor", ActorOpt, None),
        ("party", PartyOpt, None),
        ("issue", IssueOpt, None),
        ("stance", StanceOpt, None),
        ("since", SinceOpt, None),
        ("until", UntilOpt, None),
        ("outlet", OutletOpt, None),
        ("search", SearchOpt, None),
        ("include_rejected", RejectedOpt, False),
        ("include_duplicates", DuplicatesOpt, False),
    )
)


def filter_flags(command: Callable[..., None]) -> Callable[..., None]:
    """``command`` with the statement filter's flags in place of its ``where`` parameter.

    Typer reads options from a command's signature, so without this every command that lists
    statements would declare the same nine flags (and they would drift). A bad flag value is
    reported as the command's own errors are (``redline: error: ...``, exit 2).
    """
    from redline.cli._common import user_errors

    hints = inspect.get_annotations(command, eval_str=True)
    params = [
        p.replace(annotation=hints.get(p.name, p.annotation), kind=inspect.Parameter.KEYWORD_ONLY)
        for p in inspect.signature(command).parameters.values()
    ]
    at = next(i for i, p in enumerate(params) if p.name == "where")
    flags = [p.name for p in _FILTER_FLAGS]

    @functools.wraps(command)
    def with_filter(**kwargs: Any) -> None:
        given = {name: kwargs.pop(name) for name in flags}
        with user_errors():
            where = statement_filter(**given)
        command(where=where, **kwargs)

    with_filter.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [*params[:at], *_FILTER_FLAGS, *params[at + 1 :]], return_annotation=None
    )
    with_filter.__annotations__ = {}  # the signature above is the one to read
    return with_filter


def day(value: str | None, flag: str) -> date | None:
    """A date flag in any form people write; a usage error (exit 2) naming the flag otherwise."""
    if value is None or not value.strip():
        return None
    try:
        return parse_day(value)
    except ValueError:
        raise ConfigError(f"{flag} {value!r} is not a date", hint=f"use {DATE_FORMS}") from None


def check_issue(issue: str | None, known: Collection[str] | None = None) -> None:
    """A usage error (exit 2) naming the taxonomy's ids when ``issue`` is not one of them
    (``known``, else those of the taxonomy the settings name): `--issue territories` answered
    "0 statements" as if nobody had spoken of it."""
    if issue is None:
        return
    if known is None:
        from redline.cli._common import settings_from_flags
        from redline.knowledge.issues import load_issues

        known = load_issues(settings_from_flags().issues).ids
    if (bad := unknown_issue([issue], known)) is not None:
        raise ConfigError(
            f"--issue: {bad[1]}",
            # a corpus read with the user's own taxonomy is filtered by it only when every
            # command is given it: "give one of the ids listed" sent them to the packaged ids
            hint="give one of the ids listed; a corpus read with your own taxonomy needs "
            "REDLINE_ISSUES set to its file for this command too",
        )


def statement_filter(
    *,
    actor: str | None = None,
    party: str | None = None,
    issue: str | None = None,
    stance: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    search: str | None = None,
    include_rejected: bool = False,
    include_duplicates: bool = False,
    limit: int | None = None,
) -> StatementFilter:
    """The one place the filter flags become a ``StatementFilter`` (dates and stance checked)."""
    from redline.store.queries import StatementFilter

    if stance is not None:
        check_choice(stance, STANCES, "--stance")
    check_issue(issue)
    return StatementFilter(
        actor=actor,
        party=party or None,
        issue=issue,
        stance=stance,
        since=day(since, "--since"),
        until=day(until, "--until"),
        outlet=outlet,
        search=search,
        limit=limit or None,
        include_rejected=include_rejected,
        include_duplicates=include_duplicates,
    )


def check_database(url: str) -> None:
    """Refuse a SQLite file that is not there: a reading command must not create an empty database."""
    from redline.store.datasette import sqlite_path

    path = sqlite_path(url)
    if path is not None and not Path(path).expanduser().is_file():
        raise StoreError(
            f"no database at {path}",
            hint="check --db / REDLINE_DB, or build one with `redline ingest FILES` (or `redline demo`)",
        )


@contextmanager
def open_store(db: str | None, *, must_exist: bool, **flags: Any) -> Iterator[tuple[Store, Settings]]:
    """The store and settings for a command; ``must_exist`` for every command that only reads.

    Writing commands (ingest, demo, plan import) may create the database; the others get a
    StoreError (exit 4) naming the missing file instead of a new, empty one.
    """
    from redline.cli._common import settings_from_flags
    from redline.store import Store

    settings = settings_from_flags(db=db, **flags)
    if must_exist:
        check_database(settings.db)
    store = Store.open(settings.db, actors=settings.actors)  # counted as extraction reads them
    try:
        yield store, settings
    finally:
        store.close()
