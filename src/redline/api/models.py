"""The API's response and request bodies: every field typed and described, so /openapi.json is the reference.

Field names follow the store's rows and the extraction contract (``content``, ``cue``,
``speaker`` with ``start``/``end`` character offsets into the document text).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from redline.api.deps import Page
from redline.model import Stance

MAX_NOTE = 2000  # characters of a correction's note
MAX_NAME = 200  # characters of a speaker, an author (who) or an issue id
MAX_ISSUES = 50  # issue ids in one correction


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Span(_Model):
    """A stretch of the document text; ``text == document.text[start:end]``."""

    text: str
    start: int = Field(description="Character offset of the first character in the document text.")
    end: int = Field(description="Character offset just past the last character.")


# -- statements --------------------------------------------------------------------------------
class StatementRow(_Model):
    id: str = Field(description="Stable statement id (from document id and content offsets).")
    date: str | None = Field(description="Date of the statement (ISO), else of its document.")
    speaker: str | None = Field(description="Display name of the speaker (the actor's name when known).")
    actor_id: str | None = Field(description="Canonical actor id of the speaker.")
    stance: Stance = Field(description="Stance toward the issues as the plan on the table frames them.")
    issues: list[str] = Field(description="Issue ids of the taxonomy.")
    kind: str = Field(description="direct, indirect or mixed speech.")
    content: str = Field(description="What was said (the quote or reported content).")
    outlet: str | None
    title: str | None = Field(description="Title of the document.")
    document_id: str
    content_start: int
    content_end: int
    extractor: str = Field(description="Extractor version that made the machine record.")
    rejected: bool = Field(description="An analyst marked it as not a statement.")
    duplicate: bool = Field(description="It comes from a near-duplicate reprint of another document.")


class SpeakerOut(_Model):
    name: str | None
    actor_id: str | None
    mention: Span | None = Field(description="Where the speaker is named in the text (may be a pronoun).")


class MachineValues(_Model):
    """What the extractor said, before analyst corrections."""

    speaker: str | None
    actor_id: str | None
    issues: list[str]
    stance: str
    date: str | None = Field(description="The date its document gives (ISO); null when it gives none.")
    dated_by: str | None = Field(
        None,
        description="Where that date comes from: document (its article's date), statement (a date in "
        "its own words), copy (its article gives none: the earliest copy or reprint by another "
        "outlet, so it was said by that day at the latest); null when undated.",
    )


class OverrideOut(_Model):
    """One analyst correction; null fields leave the machine value in place."""

    id: int
    speaker: str | None
    actor_id: str | None
    issues: list[str] | None
    stance: str | None
    issue: str | None = Field(default=None, description="The issue the stance was set for (null: the first).")
    reject: bool
    date: str | None = Field(description="The day it was said, as corrected (ISO).")
    undated: bool = Field(description="Corrected to no known day: counted as undated.")
    who: str
    at: str | None = Field(description="When it was recorded (ISO timestamp).")
    note: str | None
    attached: str = Field(
        description="id: on its statement; overlap: re-attached after re-extraction; orphan: waiting."
    )


class StatementDetail(_Model):
    id: str
    document_id: str
    document_title: str | None
    document_url: str | None
    date: str | None
    outlet: str | None
    kind: str
    content: Span
    cue: Span | None = Field(description="The reporting verb or phrase (said, told, according to).")
    speaker: SpeakerOut | None
    issues: list[str]
    stance: Stance
    issue_stances: dict[str, Stance] = Field(
        default_factory=dict,
        description="The stance toward each issue (`stance` is the first issue's): what the positions "
        "matrix counts the statement by under each.",
    )
    stance_confidence: float = Field(
        description="How likely the models found the stance (1.0 where an analyst set it); "
        "ranks the quotes a cell shows."
    )
    rejected: bool
    duplicate: bool
    confidence: float
    extractor: str
    machine: MachineValues
    context: Span = Field(description="The passage of the document around the statement, with offsets.")
    overrides: list[OverrideOut] = Field(description="Corrections applied, oldest first.")


class CorrectionIn(_Model):
    """The same changes as ``redline correct``; give at least one."""

    model_config = ConfigDict(extra="forbid")

    # Lengths are bounded so that one request cannot store megabytes; the issue ids are checked
    # against the served taxonomy by the route (the app knows it, the model does not).
    speaker: str | None = Field(
        default=None,
        max_length=MAX_NAME,
        description="Actor id, known name or alias, or a new name.",
    )
    issues: list[Annotated[str, Field(max_length=MAX_NAME)]] | None = Field(
        default=None,
        max_length=MAX_ISSUES,
        description="Replacement issue ids of the taxonomy ([] for none).",
    )
    stance: Stance | None = Field(
        default=None,
        description="The first issue's stance (`stance`), unless `issue` names the one issue it is for; "
        "the further issues keep the stance read for each.",
    )
    issue: str | None = Field(
        default=None, max_length=MAX_NAME, description="With `stance`: the one issue whose stance it sets."
    )
    reject: bool = Field(default=False, description="Mark the statement as not a statement.")
    date: datetime.date | None = Field(
        default=None, description="The day it was said (ISO), when the document's date is wrong for it."
    )
    undated: bool = Field(
        default=False, description="No day is known: the statement is counted as undated from now on."
    )
    who: str = Field(
        default="api", min_length=1, max_length=MAX_NAME, description="Who makes the correction."
    )
    note: str | None = Field(default=None, max_length=MAX_NOTE, description="Why.")


class CorrectionOut(_Model):
    override_id: int
    statement: StatementDetail


# -- documents ---------------------------------------------------------------------------------
class DocumentRow(_Model):
    id: str
    published: str | None
    outlet: str | None
    title: str | None
    url: str | None
    n_statements: int
    duplicate_of: str | None = Field(description="Id of the original when this is a near-duplicate reprint.")
    similarity: float | None = Field(description="Similarity to that original.")
    extractor: str | None


class DocumentDetail(_Model):
    id: str
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    source: str | None
    language: str | None
    text: str = Field(description="The text all offsets point into.")
    metadata: dict[str, Any]
    duplicate_of: str | None
    similarity: float | None
    extractor: str | None
    n_statements: int
    ingested_at: str | None
    statements: list[StatementRow] = Field(
        description="Its statements in text order, rejected ones included."
    )


# -- actors and claims -------------------------------------------------------------------------
class ActorRow(_Model):
    id: str
    name: str
    kind: str = Field(description="kb: from the knowledge base; name: keyed by a normalised name.")
    party: str | None = Field(description="The negotiating party the actor belongs to.")
    statements: int = Field(description="Countable statements (not rejected, not from reprints).")


class AliasOut(_Model):
    alias: str = Field(description="Normalised form used for matching.")
    text: str | None = Field(description="As first seen.")
    source: str = Field(description="kb, name, apposition or correction.")


class ActorDetail(_Model):
    id: str
    name: str
    type: str | None
    kind: str
    party: str | None
    country: str | None
    wikidata: str | None
    aliases: list[AliasOut]
    statements: int
    by_stance: dict[str, int]
    by_issue: dict[str, int]


class ClaimRow(_Model):
    id: str
    first_date: str | None
    last_date: str | None
    speaker: str | None
    actor_id: str | None
    content: str = Field(description="A representative wording of the claim.")
    n_statements: int = Field(description="Statements grouped into the claim.")
    n_documents: int
    n_outlets: int
    outlets: list[str]


# -- pages with a total --------------------------------------------------------------------------
TOTAL_HELP = "Items matching the query over all pages (this page shows `limit` of them from `offset`)."


class StatementPage(Page[StatementRow]):
    total: int = Field(description=TOTAL_HELP)
    total_exact: bool = Field(
        default=True,
        description="False when `total` is estimated: a full-text search (`q`) matching more than "
        "10,000 statements is counted by the search index (about that many; alone, on SQLite) "
        "or given as the lower bound 10,001 (with other filters).",
    )


class DocumentPage(Page[DocumentRow]):
    total: int = Field(description=TOTAL_HELP)


class ActorPage(Page[ActorRow]):
    total: int = Field(description=TOTAL_HELP)


class ClaimPage(Page[ClaimRow]):
    total: int = Field(description=TOTAL_HELP)


CountedPage = TypeVar("CountedPage", StatementPage, DocumentPage, ActorPage, ClaimPage)


def counted(model: type[CountedPage], page: Page[Any], count: Callable[[], int]) -> CountedPage:
    """``page`` with the total of its listing ("50 of 466"); counted only when the page does not
    already show where the listing ends (a last page's total is its offset plus its items)."""
    last = page.next is None and (page.items or page.offset == 0)
    total = page.offset + len(page.items) if last else count()
    return model(items=page.items, limit=page.limit, offset=page.offset, next=page.next, total=total)


# -- plans -------------------------------------------------------------------------------------
class VersionSummary(_Model):
    plan: str
    label: str
    date: str | None
    source: str | None
    reported: bool = Field(description="Reconstructed from reports only (unconfirmed), no text imported.")
    points: int
    author: str | None = Field(default=None, description="The party that wrote it (US, E3, Russia, ...).")
    kind: str = Field(default="draft", description="draft, counter-proposal, framework or reported.")
    based_on: str | None = Field(default=None, description="Label of the version it marks up.")


class PlanOut(_Model):
    name: str
    versions: list[VersionSummary]


class PointOut(_Model):
    number: str
    text: str | None = Field(description="The wording; null when it is not known.")
    heading: str | None
    issues: list[str]
    pax_codes: list[str] = Field(description="Peace Agreements Database (PA-X) provision codes.")
    text_status: str = Field(default="known", description="known, partial, summary or unknown.")
    agreement: str | None = Field(default=None, description="agreed, disputed or open.")
    disputed_by: list[str] = Field(default_factory=list, description="Parties that dispute the point.")
    lang: str | None = Field(default=None, description="The wording's language when it is not English.")
    gloss: str | None = Field(default=None, description="An English gloss of a point not in English.")


class EvidenceOut(_Model):
    change: str
    verb: str
    target: str
    statement_id: str
    document_id: str
    quote: str
    speaker: str | None
    date: str | None


class ReconstructedPointOut(_Model):
    number: str
    text: str
    status: str = Field(description="unchanged, removed, modified or added.")
    evidence: list[EvidenceOut]


class VersionDetail(_Model):
    plan: str
    label: str
    date: str | None
    source: str | None
    reported: bool = Field(description="Reconstructed from reports only (unconfirmed), no text imported.")
    author: str | None = Field(default=None, description="The party that wrote it (US, E3, Russia, ...).")
    kind: str = Field(default="draft", description="draft, counter-proposal, framework or reported.")
    based_on: str | None = Field(default=None, description="Label of the version it marks up.")
    source_urls: list[str] = Field(default_factory=list, description="Where the text was published.")
    points: list[PointOut] = Field(description="The points in order.")
    status: str | None = Field(description="For a reconstruction: how sure it is.")
    base_label: str | None = Field(description="For a reconstruction: the version the reports change.")
    reconstruction: list[ReconstructedPointOut] | None


class DiffVersion(_Model):
    label: str
    date: str | None
    source: str | None
    points: int
    reported: bool
    author: str | None = Field(default=None, description="The party that wrote it (US, E3, Russia, ...).")
    kind: str = Field(default="draft", description="draft, counter-proposal, framework or reported.")
    based_on: str | None = Field(default=None, description="Label of the version it marks up.")


class DiffPoint(_Model):
    number: str
    text: str | None = Field(description="The wording; null when it is not known.")
    text_status: str = Field(default="known", description="known, partial, summary or unknown.")
    agreement: str | None = Field(default=None, description="agreed, disputed or open.")
    disputed_by: list[str] = Field(default_factory=list)


class DiffWord(_Model):
    op: Literal["equal", "insert", "delete"]
    text: str


class DiffChange(_Model):
    kind: str = Field(
        description="kept, modified, added, removed, merged, split or unknown (text not known)."
    )
    moved: bool
    renumbered: bool
    similarity: float
    old: list[DiffPoint]
    new: list[DiffPoint]
    words: list[DiffWord] = Field(description="Word-level edit script for a modified point.")


class PlanDiffOut(_Model):
    plan: str
    old: DiffVersion
    new: DiffVersion
    counts: dict[str, int]
    changes: list[DiffChange]


# -- analyses ----------------------------------------------------------------------------------
# The positions models mirror ``redline.analysis.positions_report`` field for field (a test
# checks it): the route validates that dataclass into them, so the API, ``redline positions
# -f json`` and ``redline export positions -f json`` give one shape.
class QuoteOut(_Model):
    statement_id: str
    text: str
    speaker: str | None
    stance: Stance
    date: str | None
    document_id: str
    start: int = Field(description="Character offset of the quote in the document text.")
    end: int
    url: str | None
    outlet: str | None


class RowOut(_Model):
    id: str = Field(description="Party id or actor name, as the cell queries take it.")
    name: str = Field(description="What a reader is shown: 'United States' for united_states.")


class ColumnOut(_Model):
    id: str = Field(description="Issue id, or point number when positions are by plan point.")
    label: str = Field(description="The issue's label, or 'point N'.")
    proposition: str = Field(description="What is on the table, briefly: 'Ukraine withdraws from Donbas'.")
    text: str = Field(description="The whole proposition, or the point's text.")


class _Where(_Model):
    row: str = Field(description="Party id or actor name.")
    row_name: str
    column: str = Field(description="Issue id, or point number when positions are by plan point.")
    column_label: str
    proposition: str = Field(description="The proposition the stance is toward, in a few words.")


class CellOut(_Where):
    stance: Stance = Field(
        description="The balance: the most frequent non-neutral stance of the dated statements up to the "
        "date, the most recent on a tie; neutral only when there is nothing else."
    )
    latest: Stance = Field(description="The latest non-neutral stance.")
    most_frequent: Stance = Field(description="The most frequent stance, neutral included.")
    counts: dict[str, int] = Field(description="Dated statements per stance.")
    supporting: int = Field(description="Dated statements with the cell's stance.")
    statements: int = Field(description="Dated statements in the balance, neutral ones included.")
    undated: int = Field(description="Statements with no date: counted, in no balance.")
    last_date: str
    quote: QuoteOut | None = Field(
        description="The strongest statement backing the stance (null unless the cells come with quotes)."
    )
    latest_quote: QuoteOut | None = Field(
        description="The statement that gave the latest stance (null unless the cells come with quotes)."
    )


class UnplacedOut(_Where):
    undated: int = Field(description="Statements here, none of them dated: no position can be placed.")


class ShiftOut(_Where):
    before: Stance
    after: Stance
    kind: Literal["reversal", "nuance"] = Field(
        description="`reversal`: a change of side, to or from oppose; `nuance`: a move between "
        "support and conditional support (conditions dropped or added)."
    )
    date: str = Field(description="The day the balance turned.")
    quote_before: QuoteOut
    quote_after: QuoteOut


class PositionsOut(_Model):
    by: Literal["party", "actor"]
    at: str | None
    issue: str | None
    plan: str | None
    version: str | None
    rows: list[RowOut]
    columns: list[ColumnOut]
    cells: list[CellOut]
    unplaced: list[UnplacedOut] = Field(description="Row and column pairs with only undated statements.")
    shifts: list[ShiftOut]
    undated: int = Field(description="Undated statements not placed in time (each once).")
    rows_total: int = Field(
        description="Rows of the whole matrix; `rows` is one page of them, the most quoted first "
        "(by their statements as of today, so a page holds the same rows at every date)."
    )
    offset: int = Field(description="Rows of the ranked order skipped before this page.")
    limit: int | None = Field(
        description="Rows per page (the next page: `offset` + `limit`, while under `rows_total`)."
    )


class TimelineEntryOut(_Model):
    date: str | None
    kind: Literal["statement", "event"]
    detail: str = Field(description="Stance of a statement, type of an event.")
    actors: list[str]
    text: str
    issues: list[str]
    document_id: str
    planned: bool = Field(description="An announced event that had not happened yet.")
    dated_by_document: bool = Field(description="No date of its own: dated by its article.")
    place: str | None = Field(None, description="Where an event happened, when its article says.")
    statement_id: str | None = Field(None, description="The statement itself, for a statement entry.")
    around: list[str] = Field(
        default_factory=list, description="For an event: the statements its article reports next to it."
    )


class TimelinePage(Page[TimelineEntryOut]):
    """One page of the timeline; the counts are over all its pages."""

    total: int = Field(description="Items in the whole timeline.")
    dated_by_document: int = Field(description="Items with no date of their own, placed at their article's.")
    undated: int = Field(description="Items with no date at all, listed last.")


# -- health ------------------------------------------------------------------------------------
class HealthOut(_Model):
    status: Literal["ok"]
    version: str = Field(description="redline version serving the API.")
    database: str = Field(description="sqlite or postgresql.")
    read_only: bool = Field(description="True when no write token is configured.")
    extractors: dict[str, int] = Field(description="Documents per extractor version in the store.")
    counts: dict[str, int] = Field(description="Documents, near-duplicates, statements, actors, events.")
    migrations: list[str] = Field(description="Migrations applied to the database.")
    pending_migrations: list[str]
