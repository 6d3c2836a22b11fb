"""The negotiation analysis as the interfaces call it: one function per question asked.

Each function takes a ``PlanRepository`` and/or a ``StatementSource`` and returns plain
results, so the CLI (and later the web app) only parse arguments and render.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from redline.analysis.align import PlanDiff, align_versions
from redline.analysis.linking import LinkOptions, PointLink, link_statements
from redline.analysis.plan_records import with_meta
from redline.analysis.plans import load_plan
from redline.analysis.point_tags import Tagger, point_warnings, tag_points, term_tagger
from redline.analysis.positions import (
    BalanceSettings,
    Columns,
    PositionMatrix,
    RowKind,
    by_points,
    cell_days,
    position_matrix,
)
from redline.analysis.repository import PlanRepository, StatementSource
from redline.analysis.row_pages import RowPage, days_totals, page_of
from redline.analysis.shifts import Shift, find_shifts
from redline.analysis.timeline import TimelineEntry, build_timeline
from redline.errors import ConfigError, NotFoundError
from redline.extract.issues import IssueTagger
from redline.knowledge import packaged
from redline.knowledge.issue_terms import load_issue_terms
from redline.knowledge.issues import load_issues
from redline.knowledge.link_terms import generic_link_terms
from redline.knowledge.shift_cues import ShiftKnowledge
from redline.model import Document, Extraction, PlanVersion, Problem, Statement

if TYPE_CHECKING:  # plan reports and language guessing serve plan import only, not every reader
    from redline.analysis.plan_reports import ReconstructedVersion, ReportCheck
    from redline.knowledge.plan_changes import ChangeLexicon

__all__ = [
    "Corpus",
    "Imported",
    "Positions",
    "diff_plan",
    "foreign_text",
    "import_plan",
    "in_lineage",
    "latest_version",
    "point_tagging",
    "point_texts",
    "positions",
    "positions_version",
    "read_corpus",
    "reconstruct_from_reports",
    "timeline",
]


@dataclass(slots=True)
class Corpus:
    """What a statement source held: extractions, the problems met reading it, actor parties,
    and the knowledge its statements are counted with (the actor files they were extracted
    with: a reversal's own places, the collective speakers)."""

    extractions: list[Extraction]
    problems: list[Problem]
    party_of: dict[str, str]
    knowledge: ShiftKnowledge

    @property
    def statements(self) -> list[Statement]:
        return [s for ex in self.extractions for s in ex.statements]

    @property
    def documents(self) -> dict[str, Document]:
        return {ex.document.id: ex.document for ex in self.extractions}


def read_corpus(source: StatementSource, knowledge: ShiftKnowledge) -> Corpus:
    """The source's statements, to be counted with ``knowledge`` (``shift_knowledge`` of the
    actor files they were extracted with)."""
    extractions: list[Extraction] = []
    problems: list[Problem] = []
    for item in source.extractions():
        if isinstance(item, Problem):
            problems.append(item)
        else:
            extractions.append(item)
    return Corpus(extractions, problems, dict(source.party_of()), knowledge)


@dataclass(slots=True)
class Imported:
    version: PlanVersion
    checks: list[ReportCheck]  # reported changes to this version, checked against its text
    warnings: list[str] = field(default_factory=list)  # points not in English, and the like


def import_plan(
    repo: PlanRepository,
    path: Path,
    *,
    plan: str,
    label: str,
    when: date | None = None,
    source: str | None = None,
    fmt: str | None = None,
    tagger: Tagger | None = None,
    pax: Mapping[str, list[str]] | None = None,
    author: str | None = None,
    kind: str | None = None,
    based_on: str | None = None,
    source_urls: Sequence[str] = (),
) -> Imported:
    """Parse, tag and save a plan version.

    A reconstruction with the same label is replaced by the text; before that, each change it
    reported is checked against what the text did to the point, and the checks are returned.
    """
    from redline.analysis.plan_reports import check_reports

    version = load_plan(path, plan=plan, label=label, when=when, source=source, fmt=fmt)
    version = with_meta(version, author=author, kind=kind, based_on=based_on, source_urls=source_urls)
    if version.based_on is not None:
        repo.get_version(plan, version.based_on)  # a mark-up of a version that is not there is a mistake
    version = tag_points(version, tagger, pax)
    warnings = point_warnings(version, foreign_text())
    checks: list[ReportCheck] = []
    rec = repo.get_reconstruction(plan, label)
    if rec is not None:
        checks = check_reports(rec, align_versions(repo.get_version(plan, rec.base_label), version))
    repo.save_version(version)
    return Imported(version, checks, warnings)


def in_lineage(versions: Sequence[PlanVersion], lineage: str) -> list[PlanVersion]:
    """The versions of one lineage: ``lineage`` names an author (any case) or a version label,
    and a label stands for that version, the versions it marks up and those marking it up."""
    by_label = {v.label: v for v in versions}
    if lineage in by_label:
        family = {lineage}
        grew = True
        while grew:
            grew = False
            for v in versions:
                linked = v.label in family or (v.based_on in family)
                up = by_label.get(v.based_on or "") if v.label in family else None
                for label in (v.label if linked else None, up.label if up else None):
                    if label and label not in family:
                        family.add(label)
                        grew = True
        return [v for v in versions if v.label in family]
    wanted = lineage.strip().lower()
    exact = [v for v in versions if (v.author or "").lower() == wanted]
    if exact or not wanted:
        return exact
    # An author written out ("Europe (E3)") is still found by its short name ("E3", "Europe").
    return [v for v in versions if wanted in _author_words(v.author or "")]


def _author_words(author: str) -> set[str]:
    """The names an author goes by: each word of "Europe (E3)" and the part in brackets."""
    return {w for w in re.split(r"[^\w]+", author.lower()) if w}


def foreign_text() -> Callable[[str], bool]:
    """Whether a point's wording is in another language (a Ukrainian or Greek point, a German
    one): the language check of ``sources.language`` with its thresholds for terse texts."""
    from redline.sources.language import EnglishDetector

    return EnglishDetector.load().looks_foreign


def latest_version(
    repo: PlanRepository, plan: str, *, imported_only: bool = True, lineage: str | None = None
) -> PlanVersion:
    """The latest version of ``plan`` (by date), imported texts before reconstructions.

    Versions by different authors are not one history: with ``lineage`` (an author or a
    version label) the latest of that lineage; without it, a counter-proposal never becomes
    "the plan" just by being dated later, unless there is nothing else.
    """
    versions = [v for v in repo.versions(plan) if not (imported_only and v.reported)]
    if lineage is not None:
        versions = in_lineage(versions, lineage)
        if not versions:
            raise NotFoundError(
                f"plan {plan!r} has no version in lineage {lineage!r}",
                hint="give an author or a version label (see `redline plan list`)",
            )
    else:
        versions = [v for v in versions if v.kind != "counter-proposal"] or versions
    if not versions:
        raise NotFoundError(
            f"plan {plan!r} has no imported version", hint="import one with `redline plan import`"
        )
    return versions[-1]


def diff_plan(repo: PlanRepository, plan: str, old: str | None, new: str) -> PlanDiff:
    """Align ``new`` with ``old``, by default with the version ``new`` marks up (its ``based_on``)."""
    newer = repo.get_version(plan, new)
    if old is None:
        if newer.based_on is None:
            raise NotFoundError(
                f"version {new!r} names no version it is based on",
                hint="give the older version too, or import it with --based-on",
            )
        old = newer.based_on
    return align_versions(repo.get_version(plan, old), newer)


def reconstruct_from_reports(
    repo: PlanRepository,
    corpus: Corpus,
    lexicon: ChangeLexicon,
    *,
    plan: str,
    base: str,
    label: str,
    when: date | None = None,
) -> ReconstructedVersion:
    """Rebuild and save version ``label`` of ``plan`` from the changes to ``base`` that statements report."""
    from redline.analysis.plan_reports import find_reported_changes, reconstruct_version

    base_version = repo.get_version(plan, base)
    texts = {doc_id: doc.text for doc_id, doc in corpus.documents.items()}  # "this clause": the one before
    changes = find_reported_changes(corpus.statements, base_version, lexicon, texts)
    rec = reconstruct_version(base_version, changes, label=label, when=when)
    repo.save_reconstruction(rec)
    return rec


@dataclass(slots=True)
class Positions:
    matrix: PositionMatrix
    shifts: list[Shift]
    version: PlanVersion | None  # the version whose points are the columns, if any
    links: dict[str, list[PointLink]]


def positions_version(
    repo: PlanRepository | None, plan: str, label: str | None, lineage: str | None
) -> PlanVersion:
    """The version whose points are the columns: ``label``, else the latest (of ``lineage``).

    Positions from the corpus and from the store's tallies must pick the same version and
    refuse alike when there are no plans."""
    if repo is None:
        raise NotFoundError("positions by point need the plans", hint="give the plans directory")
    return repo.get_version(plan, label) if label else latest_version(repo, plan, lineage=lineage)


def positions(
    corpus: Corpus,
    *,
    repo: PlanRepository | None = None,
    plan: str | None = None,
    by: RowKind = "party",
    at: date | None = None,
    issue: str | None = None,
    label: str | None = None,
    link_options: LinkOptions | None = None,
    lineage: str | None = None,
    rows: RowPage | None = None,
) -> Positions:
    """Positions by issue, or by the points of a version of ``plan`` (the latest imported by
    default); ``rows``: one page of the matrix's rows, ranked as ``row_pages`` says."""
    statements = corpus.statements
    version = None
    links: dict[str, list[PointLink]] = {}
    columns: Columns | None = None
    if plan is not None:
        version = positions_version(repo, plan, label, lineage)
        links = link_statements(
            statements, version.points, link_options or LinkOptions(generic=generic_link_terms())
        )
        columns = by_points({sid: [lk.number for lk in found] for sid, found in links.items()})
    # one statement's reversal places it, and turns a cell, in both, by the corpus's knowledge
    settings = BalanceSettings(
        by=by, party_of=corpus.party_of, columns=columns, at=at, issue=issue, knowledge=corpus.knowledge
    )
    matrix = position_matrix(statements, settings)
    shifts = find_shifts(statements, settings)
    if rows is not None:  # ranked by the statements as of today, whatever ``at`` is
        today = cell_days(statements, by=by, party_of=corpus.party_of, columns=columns, issue=issue)
        matrix, shifts = page_of(matrix, shifts, days_totals(today), rows)
    return Positions(matrix, shifts, version, links)


def timeline(corpus: Corpus, *, issue: str | None = None, actor: str | None = None) -> list[TimelineEntry]:
    return build_timeline(corpus.extractions, issue=issue, actor=actor)


def point_texts(version: PlanVersion | None) -> dict[str, str]:
    return {p.number: p.text for p in version.points} if version else {}


POINT_TERMS = "point_terms.yaml"


def point_tagging(issues_file: Path | None = None) -> tuple[Tagger | None, Mapping[str, list[str]] | None]:
    """How plan points get their issues and PA-X codes.

    By default points are tagged with the plan-point lexicon (``knowledge/point_terms.yaml``):
    provisions are worded unlike news statements ("fighter jets", "arms control treaties"),
    and the statement tagger's terms mis-tag them. PA-X codes still come from the taxonomy, so
    points and statements meet on the same issue ids. A user's full ``issues.yaml`` tags
    points with the statement tagger; a plain ``{issue: [terms]}`` file with simple term matching.
    """
    if issues_file is None:
        taxonomy = load_issues(None)
        lexicon = load_issue_terms(packaged(POINT_TERMS))
        pax = {i: list(taxonomy.get(i).pax) for i in taxonomy.ids}
        return (term_tagger(lexicon), pax) if lexicon else (IssueTagger(taxonomy).tag, pax)
    try:
        taxonomy = load_issues(issues_file)
    except ConfigError:
        lexicon = load_issue_terms(issues_file)
        return (term_tagger(lexicon), lexicon.pax) if lexicon else (None, None)
    return IssueTagger(taxonomy).tag, {i: list(taxonomy.get(i).pax) for i in taxonomy.ids}
