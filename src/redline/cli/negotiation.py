"""``redline plan ...``, ``redline positions`` and ``redline timeline``.

Plans and statements come from the corpus database by default (``--db`` / ``REDLINE_DB``,
the one ``redline ingest`` fills); ``--from FILE.jsonl`` reads statements from a file of
Extractions instead and ``--plans-dir`` keeps plans as JSON files. All go through the
repository Protocols of ``redline.analysis.repository``. Commands parse, call one library
function and render; a RedlineError becomes a one-line message and its exit code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from redline.cli._common import RedlineGroup, settings_from_flags, truncate, user_errors
from redline.cli.options import (
    ACTORS_LISTING,
    DATE_HELP,
    AtOpt,
    DbOpt,
    check_choice,
    check_database,
    check_issue,
    day,
)
from redline.errors import ConfigError
from redline.model import STANCES, VERSION_KINDS

if TYPE_CHECKING:
    from rich.console import Console

    from redline.analysis import negotiation as lib
    from redline.analysis.positions_report import CellReport, ColumnRef, UnplacedCell
    from redline.analysis.repository import PlanRepository
    from redline.model import PlanVersion
    from redline.store import Store

PlansDir = Annotated[
    Path | None,
    typer.Option(
        "--plans-dir",
        envvar="REDLINE_PLANS_DIR",
        metavar="DIR",
        help="Keep plan versions as JSON files in this directory instead of the database.",
    ),
]
FromFile = Annotated[
    Path | None,
    typer.Option(
        "--from",
        metavar="FILE",
        help="Read statements from this JSONL file of Extractions instead of the database.",
    ),
]
ActorsFile = Annotated[
    Path | None, typer.Option("--actors", metavar="FILE", help="YAML list of actors with id and party.")
]
Fmt = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="Output format: table or json.")]
PlanOpt = Annotated[
    str | None,
    typer.Option("--plan", metavar="PLAN", help="Plan name (needed when the database holds several)."),
]

plan_app = typer.Typer(
    cls=RedlineGroup,
    help="Plan versions: import, list, show, diff, reconstruct from reports.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class _Backend:
    """Where plans and statements come from; the database is opened only if something needs it."""

    def __init__(self, db: str | None, plans_dir: Path | None, *, must_exist: bool = True) -> None:
        self.db = db
        self.plans_dir = plans_dir
        self.must_exist = must_exist  # only commands that write plans may create a database
        self._store: Store | None = None

    def store(self) -> Store:
        if self._store is None:
            from redline.store import Store

            settings = settings_from_flags(db=self.db)
            if self.must_exist:
                check_database(settings.db)
            # its statements counted with the actor files they were extracted with (REDLINE_ACTORS)
            self._store = Store.open(settings.db, actors=settings.actors)
        return self._store

    def plans(self) -> PlanRepository:
        from redline.analysis.db_repository import SqlPlanRepository
        from redline.analysis.repository import JsonPlanRepository

        if self.plans_dir is not None:
            return JsonPlanRepository(self.plans_dir)
        return SqlPlanRepository(self.store())

    def corpus(self, path: Path | None, actors: Path | None = None) -> lib.Corpus:
        """Statements from ``path`` or the database; parties from ``actors`` over the known ones."""
        from redline.analysis import negotiation as lib
        from redline.analysis.db_repository import SqlStatementSource
        from redline.analysis.repository import JsonlStatementSource, StatementSource, load_parties
        from redline.knowledge import packaged
        from redline.knowledge.shift_cues import shift_knowledge

        # --actors stands for REDLINE_ACTORS: reversals and collectives told by its places
        files = settings_from_flags(db=self.db, actors=(actors,) if actors is not None else None).actors
        source: StatementSource
        if path is not None:
            if actors is None and packaged("actors.yaml").exists():
                actors = packaged("actors.yaml")
            source = JsonlStatementSource(path, actors)
        else:
            source = SqlStatementSource(self.store())
        corpus = lib.read_corpus(source, shift_knowledge(files))
        if path is None and actors is not None:
            corpus.party_of.update(load_parties(actors))
        for problem in corpus.problems:
            typer.echo(f"skipped {problem.render()}", err=True)
        return corpus

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


@contextmanager
def _backend(db: str | None, plans_dir: Path | None = None, *, must_exist: bool = True) -> Iterator[_Backend]:
    """The backend, inside ``user_errors`` so that a RedlineError is one line and an exit code."""
    with user_errors():
        backend = _Backend(db, plans_dir, must_exist=must_exist)
        try:
            yield backend
        finally:
            backend.close()


def _console() -> Console:
    from rich.console import Console

    return Console(soft_wrap=False, width=120)


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _link_imported(store: Store, version: PlanVersion, actor_files: Sequence[Path] = ()) -> None:
    """Link the stored statements to the version's points now, in the import, so that no
    positions request links a whole corpus (minutes at 1M statements); ingest then links each
    later batch. An empty store links nothing: the first statements are weighed as a corpus."""
    from redline.analysis.stored_positions import link_options, link_version

    if not store.counts()["statements"]:
        return
    typer.echo(f"  linking the stored statements to the points of {version.label} ...", err=True)
    linked = link_version(store, version, link_options(actor_files))
    typer.echo(f"  linked {linked} statements", err=True)


@plan_app.command("import")
def plan_import(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="Plan as text, Markdown, JSON, CSV, HTML, XML, RTF, .docx, .eml, reST or Org.",
        ),
    ],
    plan: Annotated[str, typer.Option("--plan", metavar="PLAN", help="Plan name.")],
    version: Annotated[str, typer.Option("--version", metavar="LABEL", help="Version label, e.g. 28-point.")],
    when: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help=f"Date of the version: {DATE_HELP}.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", metavar="URL", help="Where the text comes from (URL).")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text, json, csv, html, xml, rtf, docx, eml, rst or org (default: from the file).",
        ),
    ] = None,
    issues: Annotated[
        Path | None,
        typer.Option(
            "--issues",
            metavar="FILE",
            help="Issue lexicon to tag points with (default: REDLINE_ISSUES, else the packaged one).",
        ),
    ] = None,
    author: Annotated[
        str | None,
        typer.Option(
            "--author", metavar="AUTHOR", help="Party that wrote it, as a short name (US, E3, joint ...)."
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", metavar="KIND", help=f"{', '.join(VERSION_KINDS)} (default: draft)."),
    ] = None,
    based_on: Annotated[
        str | None,
        typer.Option("--based-on", metavar="LABEL", help="Label of the version this one marks up."),
    ] = None,
    source_url: Annotated[
        list[str] | None,
        typer.Option("--source-url", metavar="URL", help="Where the text was published (repeatable)."),
    ] = None,
    db: DbOpt = None,
    plans_dir: PlansDir = None,
) -> None:
    """Read a plan version and save it, its points tagged with issues and PA-X codes.

    Author, kind, based-on and each point's status (known/partial/summary/unknown text;
    agreed/disputed/open, disputed_by) can also come from the file itself: JSON and CSV
    fields, or "Author: ..." lines and "[disputed by ...]" marks in a text plan.
    """
    from redline.analysis import negotiation as lib

    if kind is not None:
        check_choice(kind, VERSION_KINDS, "--kind")
    with _backend(db, plans_dir, must_exist=False) as backend:
        # the taxonomy the corpus was read with (REDLINE_ISSUES), so points and statements meet
        # on the same issue ids: without it a user's draft was tagged with the packaged lexicon
        settings = settings_from_flags(db=db)
        tagger, pax = lib.point_tagging(issues if issues is not None else settings.issues)
        result = lib.import_plan(
            backend.plans(),
            file,
            plan=plan,
            label=version,
            when=day(when, "--date"),
            source=source,
            fmt=fmt,
            tagger=tagger,
            pax=pax,
            author=author,
            kind=kind,
            based_on=based_on,
            source_urls=source_url or (),
        )
        saved = result.version
        kind_said = saved.kind if saved.kind != "draft" or saved.author else None
        who = ", ".join(
            x for x in (saved.author, kind_said, saved.based_on and f"based on {saved.based_on}") if x
        )
        unknown = sum(p.text_status == "unknown" for p in saved.points)
        typer.echo(
            f"imported {saved.plan} {saved.label}{f' ({who})' if who else ''}: {len(saved.points)} points"
            + (f", {unknown} of unknown text" if unknown else "")
        )
        for warning in result.warnings:
            typer.echo(f"  warning: {warning}", err=True)
        if plans_dir is None:
            _link_imported(backend.store(), saved, settings.actors)
        for check in result.checks:
            verdict = "confirmed" if check.confirmed else "not confirmed"
            typer.echo(f"  reported {check.reported} point {check.number}: {verdict} (text: {check.actual})")


@plan_app.command("list")
def plan_list(db: DbOpt = None, plans_dir: PlansDir = None, fmt: Fmt = "table") -> None:
    """List plans and their versions (`-f json`: the API's /api/v1/plans)."""
    from redline.analysis.plan_dicts import version_summary
    from redline.analysis.plan_reports import UNCONFIRMED

    with _backend(db, plans_dir) as backend:
        check_choice(fmt, ("table", "json"), "--format")
        repo = backend.plans()
        if fmt == "json":
            listed = [
                {"name": name, "versions": [version_summary(v) for v in repo.versions(name)]}
                for name in repo.plans()
            ]
            typer.echo(json.dumps(listed, indent=2, ensure_ascii=False))
            return
        for name in repo.plans():
            for v in repo.versions(name):
                status = f"  ({UNCONFIRMED})" if v.reported else ""
                said = [x for x in (v.author, v.kind if v.kind != "draft" or v.author else None) if x]
                lineage = " ".join(said) + (f", based on {v.based_on}" if v.based_on else "")
                tail = f"\t{lineage.strip(', ')}" if lineage else ""
                typer.echo(f"{name}\t{v.label}\t{v.date or '-'}\t{len(v.points)} points{status}{tail}")


def _plan_name(repo: PlanRepository, plan: str | None) -> str:
    """The plan a command means: the one given, or the only one there is (``--plan`` otherwise)."""
    if plan is not None:
        return plan
    names = repo.plans()
    if len(names) != 1:
        raise ConfigError("say which plan with --plan", hint=f"plans: {', '.join(names) or 'none'}")
    return names[0]


@plan_app.command("show")
def plan_show(
    version: Annotated[
        str | None, typer.Argument(metavar="VERSION", help="Version label (default: the latest).")
    ] = None,
    plan: PlanOpt = None,
    fmt: Fmt = "table",
    db: DbOpt = None,
    plans_dir: PlansDir = None,
) -> None:
    """Show the points of a version; a reconstructed one with each point's reported status."""
    from rich.table import Table
    from rich.text import Text

    from redline.analysis import negotiation as lib
    from redline.analysis.diff_render import TEXT_NOT_KNOWN, point_status
    from redline.analysis.plan_reports import UNCONFIRMED, version_detail
    from redline.analysis.point_tags import tagging_text

    with _backend(db, plans_dir) as backend:
        check_choice(fmt, ("table", "json"), "--format")
        repo = backend.plans()
        plan = _plan_name(repo, plan)
        v = (
            repo.get_version(plan, version)
            if version
            else lib.latest_version(repo, plan, imported_only=False)
        )
        rec = repo.get_reconstruction(plan, v.label)
        if fmt == "json":
            data = version_detail(v, rec)
            _print_json(data)
            return
        kind = v.kind if v.author or v.kind != "draft" else None
        lineage = ", ".join(x for x in (v.author, kind, v.based_on and f"based on {v.based_on}") if x)
        title = (
            f"{v.plan} {v.label}"
            + (f" ({v.date})" if v.date else "")
            + (f" - {lineage}" if lineage else "")
            + (f" - {UNCONFIRMED}" if v.reported else "")
        )
        table = Table(title=title)
        for col in ("#", "point", "issues") if rec is None else ("#", "status", "point", "evidence"):
            table.add_column(col)
        if rec is None:
            for p in v.points:
                said = point_status([p])  # a disputed point or a summary must not read as settled text
                text = TEXT_NOT_KNOWN if p.text_status == "unknown" else tagging_text(p)
                cell = Text(f"[{'; '.join(said)}] {text}" if said else text)  # brackets are no markup
                table.add_row(p.number, cell, ", ".join(p.issues))
        else:
            for e in rec.entries:
                evidence = "; ".join(
                    f"{c.speaker or '?'} ({c.date or '?'}): {c.verb} {c.target!r}" for c in e.evidence
                )
                table.add_row(e.number, e.status, e.text, evidence)
        _console().print(table)


@plan_app.command("diff")
def plan_diff(
    old: Annotated[
        str, typer.Argument(metavar="OLD", help="Label of the older version (or, alone, of the newer one).")
    ],
    new: Annotated[
        str | None,
        typer.Argument(metavar="NEW", help="Label of the newer version (default: OLD against its base)."),
    ] = None,
    plan: PlanOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="Output format: table, json or html.")
    ] = "table",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to this file.")
    ] = None,
    db: DbOpt = None,
    plans_dir: PlansDir = None,
) -> None:
    """Align two versions point by point: kept, modified, added, removed, merged, split.

    With one label, the version is compared with the version it marks up (its --based-on).
    Points of unknown text are shown as unknown, never as removed.
    """
    from rich.console import Console

    from redline.analysis import negotiation as lib
    from redline.analysis.diff_render import diff_html, diff_table, diff_to_dict

    with _backend(db, plans_dir) as backend:
        check_choice(fmt, ("table", "json", "html"), "--format")
        repo = backend.plans()
        name = _plan_name(repo, plan)
        diff = lib.diff_plan(repo, name, None, old) if new is None else lib.diff_plan(repo, name, old, new)
        if fmt == "table":
            if output is None:
                console = _console()
                console.print(diff_table(diff, marks=not console.is_terminal or console.no_color))
            else:
                with output.open("w", encoding="utf-8") as fh:
                    Console(file=fh, width=120).print(diff_table(diff, marks=True))
            return
        text = (
            diff_html(diff) if fmt == "html" else json.dumps(diff_to_dict(diff), indent=2, ensure_ascii=False)
        )
        if output is not None:
            output.write_text(text + "\n", encoding="utf-8")
        else:
            typer.echo(text)


@plan_app.command("reconstruct")
def plan_reconstruct(
    plan: Annotated[str, typer.Option("--plan", metavar="PLAN", help="Plan name.")],
    base: Annotated[
        str, typer.Option("--base", metavar="LABEL", help="Label of the version the reports change.")
    ],
    version: Annotated[
        str, typer.Option("--version", metavar="LABEL", help="Label of the reconstructed version.")
    ],
    source: FromFile = None,
    when: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help=f"Date of the reconstructed version: {DATE_HELP}."),
    ] = None,
    db: DbOpt = None,
    plans_dir: PlansDir = None,
) -> None:
    """Rebuild a version from statements that report changes to another ("reported, unconfirmed")."""
    from redline.analysis import negotiation as lib
    from redline.analysis.plan_reports import UNCONFIRMED
    from redline.knowledge.plan_changes import load_change_lexicon

    with _backend(db, plans_dir) as backend:
        rec = lib.reconstruct_from_reports(
            backend.plans(),
            backend.corpus(source),
            load_change_lexicon(),
            plan=plan,
            base=base,
            label=version,
            when=day(when, "--date"),
        )
        changed = [e for e in rec.entries if e.status != "unchanged"]
        typer.echo(
            f"reconstructed {plan} {version} from {base} ({UNCONFIRMED}): {len(changed)} reported changes"
        )
        for e in changed:
            typer.echo(f"  {e.number}\t{e.status}\t{e.text}")


_COUNTS_HEAD = "/".join(s[0] for s in STANCES)  # s/o/c/n


def _column_head(col: ColumnRef) -> str:
    """The column a cell is in, with what is on the table there, cut to fit the table."""
    head = f"{col.label}: {col.proposition}" if col.proposition else col.label
    return truncate(head, 60)


def _balance(counts: dict[str, int]) -> str:
    """Dated statements per stance, in ``STANCES`` order (the header says which is which)."""
    return "/".join(str(counts.get(stance, 0)) for stance in STANCES)


def _cell_row(cell: CellReport, column: ColumnRef) -> list[str]:
    q = cell.quote
    return [
        cell.row_name,
        _column_head(column),
        cell.stance,
        _balance(cell.counts),
        cell.latest,
        str(cell.undated or ""),
        cell.last_date,
        f"{q.speaker or '?'}: “{truncate(q.text, 90)}” [{q.document_id}]" if q else "",
    ]


def _unplaced_row(cell: UnplacedCell, column: ColumnRef) -> list[str]:
    return [cell.row_name, _column_head(column), "undated", "", "", str(cell.undated), "", ""]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(plan_app, name="plan")

    @app.command("positions")
    def positions_cmd(
        source: FromFile = None,
        plan: Annotated[
            str | None, typer.Option("--plan", metavar="PLAN", help="Columns are this plan's points.")
        ] = None,
        by: Annotated[str, typer.Option("--by", metavar="ROWS", help="Rows: party or actor.")] = "party",
        at: AtOpt = None,
        issue: Annotated[
            str | None, typer.Option("--issue", metavar="ISSUE", help="Only statements on this issue.")
        ] = None,
        actors: ActorsFile = None,
        version: Annotated[
            str | None, typer.Option("--version", metavar="VERSION", help="Version whose points are columns.")
        ] = None,
        lineage: Annotated[
            str | None,
            typer.Option(
                "--lineage",
                metavar="AUTHOR",
                help="With --plan: the latest version of this author (e.g. US) or of this version's lineage.",
            ),
        ] = None,
        limit: Annotated[
            int,
            typer.Option(
                "--limit", metavar="N", min=1, max=500, help="Rows per page, the most quoted first."
            ),
        ] = 50,
        offset: Annotated[
            int, typer.Option("--offset", metavar="N", min=0, help="Rows skipped (the next page).")
        ] = 0,
        quotes: Annotated[
            bool | None,
            typer.Option(
                "--quotes/--no-quotes", help="Cells with their quotes (default: by party yes, by actor no)."
            ),
        ] = None,
        fmt: Fmt = "table",
        db: DbOpt = None,
        plans_dir: PlansDir = None,
    ) -> None:
        """Where each party (or actor) stands on each issue or point, and the days that turned.

        A position is the balance of the dated statements up to --at (counts per stance, the
        latest stance beside it); undated statements are counted apart, never in a balance.
        Rows come a page at a time (--limit, --offset), the most quoted first, as in the API
        and the dashboard.
        """
        from rich.table import Table

        from redline.analysis import negotiation as lib
        from redline.analysis.positions import RowKind
        from redline.analysis.positions_report import UnplacedCell as Unplaced
        from redline.analysis.positions_report import (
            party_names,
            plan_option_without_plan,
            positions_report,
            undated_line,
        )
        from redline.analysis.row_pages import RowPage, quotes_by_default
        from redline.export.positions import cells_in_order
        from redline.knowledge.issues import load_issues

        with _backend(db, plans_dir) as backend:
            check_choice(fmt, ("table", "json"), "--format")
            rows_by = check_choice(by, ("party", "actor"), "--by")
            row_kind: RowKind = "actor" if rows_by == "actor" else "party"
            page = RowPage(limit, offset)
            with_quotes = quotes_by_default(row_kind) if quotes is None else quotes
            when = day(at, "--at")
            # --actors stands for REDLINE_ACTORS, as it does for ingest and extract: it names the
            # parties as well as placing the actors in them
            settings = settings_from_flags(db=db, actors=(actors,) if actors is not None else None)
            # issues and parties named as the settings' files declare them (REDLINE_ISSUES,
            # REDLINE_ACTORS), as the API and the pages name them
            taxonomy, parties = load_issues(settings.issues), party_names(settings.actors)
            check_issue(issue, taxonomy.ids)
            if (option := plan_option_without_plan(plan, version, lineage)) is not None:
                raise ConfigError(
                    f"--{option} needs --plan: without a plan the columns are issues",
                    hint="name the plan, e.g. --plan peace; `redline plan list` shows them",
                )
            repo = backend.plans() if plan is not None else None
            kw: dict[str, Any] = {
                "plan": plan,
                "by": row_kind,
                "at": when,
                "issue": issue,
                "label": version,
                "lineage": lineage,
                "rows": page,
            }
            from redline.analysis.stored_positions import link_options

            kw["link_options"] = link_options(settings.actors)  # the user's parties link no point
            if source is None and actors is None and plans_dir is None:  # the store's own tallies
                from redline.analysis.stored_positions import stored_positions

                found = stored_positions(backend.store(), repo=repo, quotes=with_quotes, **kw)
                result, documents = found.result, found.documents
            else:
                corpus = backend.corpus(source, actors)
                result, documents = lib.positions(corpus, repo=repo, **kw), corpus.documents
            report = positions_report(
                result,
                by=row_kind,
                documents=documents,
                issue=issue,
                plan=plan,
                taxonomy=taxonomy,
                parties=parties,
                page=page,
                quotes=with_quotes,
            )
            if plan is None and (foreign := sorted(set(result.matrix.columns) - set(taxonomy.ids))):
                # a corpus read with another taxonomy: its columns were named by id, or by the
                # packaged issue of the same id ("process": "US-mediated talks ...")
                typer.echo(
                    f"note: issue{'s' if len(foreign) > 1 else ''} {', '.join(foreign)} of the stored "
                    "statements not in the taxonomy (set REDLINE_ISSUES to the file they were read with)",
                    err=True,
                )
            if fmt == "json":
                _print_json(report.to_dict())
                return
            title = "positions" + (
                f" on {result.version.plan} {result.version.label}" if result.version else ""
            )
            table = Table(
                title=title + (f" as of {at}" if at else ""),
                caption="position: the majority of the dated non-neutral statements, the latest on a tie; "
                f"{_COUNTS_HEAD}: dated statements {'/'.join(STANCES)}",
            )
            for col in (by, "point" if plan else "issue: proposition", "position", _COUNTS_HEAD):
                table.add_column(col)
            for col in ("latest", "undated", "date", "strongest quote"):
                table.add_column(col)
            columns = {c.id: c for c in report.columns}
            for c in cells_in_order(report):  # the rows as the page ranks them, the most quoted first
                head = columns[c.column]
                table.add_row(*(_unplaced_row(c, head) if isinstance(c, Unplaced) else _cell_row(c, head)))
            console = _console()
            console.print(table)
            shown = f"{offset + 1}–{offset + len(report.rows)}" if report.rows else "none"
            more = f"; --offset {offset + limit} for the next" if offset + limit < report.rows_total else ""
            console.print(f"rows {shown} of {report.rows_total}, the most quoted first{more}")
            if note := undated_line(report.undated):
                console.print(note)
            for s in report.shifts:
                console.print(
                    f"shift ({s.kind}): {s.row_name} on {s.column_label} ({s.proposition}): "
                    f"{s.before} → {s.after} "
                    f"on {s.date} ({s.quote_before.date} “{truncate(s.quote_before.text, 80)}” → "
                    f"{s.quote_after.date} “{truncate(s.quote_after.text, 80)}”)"
                )

    @app.command("timeline")
    def timeline_cmd(
        source: FromFile = None,
        issue: Annotated[
            str | None, typer.Option("--issue", metavar="ISSUE", help="Only this issue.")
        ] = None,
        actor: Annotated[
            str | None,
            typer.Option("--actor", metavar="ACTOR", help="Only this actor (id, name or surname)."),
        ] = None,
        fmt: Fmt = "table",
        db: DbOpt = None,
    ) -> None:
        """Statements and events in date order."""
        from rich.table import Table

        from redline.analysis import negotiation as lib
        from redline.analysis.timeline import timeline_counts

        with _backend(db) as backend:
            check_choice(fmt, ("table", "json"), "--format")
            check_issue(issue)
            if source is None:  # one sorted query, no article text read
                from redline.analysis.timeline import stored_timeline

                entries = stored_timeline(backend.store(), issue=issue, actor=actor)[0]
                if not entries:  # the timeline matches surnames and events' actors too
                    backend.store().require_actor(actor, ACTORS_LISTING)
            else:
                entries = lib.timeline(backend.corpus(source), issue=issue, actor=actor)
            if fmt == "json":
                _print_json([e.to_dict() for e in entries])
                return
            counts = timeline_counts(entries)
            table = Table(title="timeline", caption=counts.note())
            for col in ("date", "item", "where", "who", "what", "document"):
                table.add_column(col)
            said = {e.statement_id: e for e in entries if e.statement_id}
            for e in entries:
                when = f"{e.date or '?'}" + ("*" if e.dated_by_document else "")
                item = f"{e.kind}: {e.detail}" + (" (planned)" if e.planned else "")
                what = e.text
                near = [said[i] for i in e.around if i in said]
                if near:  # what was said next to the event, in the same article
                    what += "".join(
                        f"\n  ↳ {', '.join(n.actors) or '?'}: “{truncate(n.text, 70)}”" for n in near
                    )
                table.add_row(when, item, e.place or "", ", ".join(e.actors), what, e.document_id)
            _console().print(table)
