"""Discourse Network Analyzer (DNA) style statements: one row per statement and issue.

DNA codes a statement as person, organization, concept and agreement; a redline statement on
two issues is two DNA statements on the same span. The columns follow the event-list layout
of DNA's network export (``statement_id;time;<variables>;start_position;stop_position;text;
coder;document_*``, semicolon-separated), with the variables person (the speaker),
organization (the name of the speaker's party, as the pages and the positions export show it;
empty when unknown), concept (the issue's label in the
taxonomy), agreement, and qualifier; ``issue`` and ``pax`` (PA-X provision codes) are extra
join keys.

Agreement: support is 1, oppose 0; a conditional statement is 1 with qualifier
``conditional`` (it accepts the proposition on terms). Neutral statements (reports of fact)
take no side and are left out unless asked for; then agreement is empty and the qualifier
``neutral``. Agreement is per concept: each issue's row has the statement's stance toward that
issue (``issue_stances`` of the record). An issue counts only if the statement's stance bears on it (see
``redline.store.tallies.record_columns``, as the matrix counts it). ``coder`` is the extractor, or ``analyst``
when a correction was applied; ``time`` is the statement's date, else the document's.
Statements without a speaker or without an issue cannot be DNA statements and are left out.

There is no XML variant: DNA 3 keeps coded data in its own database and documents no XML
import format that redline could write faithfully.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from redline.analysis.positions_report import PartyNames, party_names
from redline.balance import ReversalTest
from redline.errors import ConfigError
from redline.export.output import check_format
from redline.export.statements import pax_codes
from redline.export.tables import TABLE_FORMATS, write_csv, write_rows
from redline.knowledge.issues import Taxonomy
from redline.store import StatementFilter, Store
from redline.store.tallies import record_columns, record_stance

DNA_COLUMNS = (
    "statement_id",
    "time",
    "person",
    "organization",
    "concept",
    "agreement",
    "qualifier",
    "issue",
    "pax",
    "start_position",
    "stop_position",
    "text",
    "coder",
    "document_id",
    "document_title",
    "document_author",
    "document_source",
    "document_section",
    "document_type",
    "document_url",
    "redline_statement_id",
)
DNA_DELIMITER = ";"
AGREEMENT = {"support": (1, ""), "conditional": (1, "conditional"), "oppose": (0, "")}


def agreement(stance: str) -> tuple[int | None, str]:
    """DNA agreement and qualifier for a redline stance (neutral: no agreement)."""
    return AGREEMENT.get(stance, (None, stance))


def dna_rows(
    records: Iterable[dict[str, Any]],
    taxonomy: Taxonomy | None = None,
    *,
    reversal: ReversalTest,
    include_neutral: bool = False,
    parties: PartyNames | None = None,
) -> Iterator[dict[str, Any]]:
    """DNA statements from statement records (``Store.iter_statement_records``), on the columns
    the store's tallies count them on (``reversal``: the store's test, ``Store.reversal``);
    parties are named by ``parties`` (default: the packaged names)."""
    known = set(taxonomy.ids) if taxonomy is not None else set()
    party_name = parties or party_names()
    for r in records:
        if not r["speaker"]:
            continue
        coder = "analyst" if r["corrected"] else r["extractor"]
        for issue in record_columns(r, reversal):
            stance = record_stance(r, issue)  # agreement is per concept: the issue's own
            if stance == "neutral" and not include_neutral:
                continue
            agree, qualifier = agreement(stance)
            yield {
                "statement_id": f"{r['id']}:{issue}",
                "time": r["date"] or r["published"],
                "person": r["speaker"],
                "organization": party_name(r["party"]) if r["party"] else None,
                "concept": taxonomy.get(issue).label if taxonomy and issue in known else issue,
                "agreement": agree,
                "qualifier": qualifier,
                "issue": issue,
                "pax": pax_codes([issue], taxonomy),
                "start_position": r["content_start"],
                "stop_position": r["content_end"],
                "text": r["content"],
                "coder": coder,
                "document_id": r["document_id"],
                "document_title": r["title"],
                "document_author": None,
                "document_source": r["outlet"],
                "document_section": None,
                "document_type": None,
                "document_url": r["url"],
                "redline_statement_id": r["id"],
            }


def export_dna(
    store: Store,
    out: TextIO,
    fmt: str = "csv",
    f: StatementFilter | None = None,
    taxonomy: Taxonomy | None = None,
    *,
    include_neutral: bool = False,
    parties: PartyNames | None = None,
) -> int:
    """Write DNA-style statements (csv is semicolon-separated, as DNA writes); return the row count."""
    if fmt == "xml":
        raise ConfigError(
            "DNA export has no XML format",
            hint="DNA 3 documents no XML import format; use --format csv, the layout of DNA's event list",
        )
    check_format(fmt, TABLE_FORMATS, "DNA statements")
    records = store.iter_statement_records(f)
    rows = dna_rows(
        records, taxonomy, reversal=store.reversal, include_neutral=include_neutral, parties=parties
    )
    if fmt == "csv":
        return write_csv(rows, DNA_COLUMNS, out, delimiter=DNA_DELIMITER)
    return write_rows(rows, DNA_COLUMNS, fmt, out)
