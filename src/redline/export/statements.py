"""Statements with full provenance: one row per statement, every value traceable to its source.

Rows carry the effective values (analyst corrections applied) plus ``corrected``, so an
analyst can tell machine output from checked output; rejected statements and the statements
of near-duplicate reprints are left out unless asked for, as in every count redline makes.
``content_start``/``content_end`` are character offsets into the stored document text:
``text[content_start:content_end] == content``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from redline.export.output import check_format
from redline.export.tables import TABLE_FORMATS, write_rows
from redline.knowledge.issues import Taxonomy
from redline.store import StatementFilter, Store

STATEMENT_COLUMNS = (
    "id",
    "document_id",
    "url",
    "outlet",
    "title",
    "published",
    "date",
    "speaker",
    "actor_id",
    "party",
    "cue",
    "kind",
    "content",
    "content_start",
    "content_end",
    "issues",
    "pax",
    "stance",
    # each issue's stance, by issue in the order of ``issues`` (``stance``: the first issue's); CSV
    # writes the stances alone, beside ``issues``
    "issue_stances",
    "stance_confidence",
    "confidence",
    "extractor",
    "corrected",
    "rejected",
    "duplicate",
)


def pax_codes(issues: list[str], taxonomy: Taxonomy | None) -> list[str]:
    """PA-X provision codes of the issues the taxonomy knows (others add none)."""
    if taxonomy is None:
        return []
    known = set(taxonomy.ids)
    return taxonomy.pax_codes([i for i in issues if i in known])


def statement_rows(
    store: Store, f: StatementFilter | None = None, taxonomy: Taxonomy | None = None
) -> Iterator[dict[str, Any]]:
    """Export rows for the statements matching ``f`` (its ``limit`` is ignored), streamed."""
    for r in store.iter_statement_records(f):
        r["pax"] = pax_codes(r["issues"], taxonomy)
        yield r


def export_statements(
    store: Store,
    out: TextIO,
    fmt: str = "csv",
    f: StatementFilter | None = None,
    taxonomy: Taxonomy | None = None,
) -> int:
    """Write the statements matching ``f`` to ``out`` as csv, json or jsonl; return the row count."""
    check_format(fmt, TABLE_FORMATS, "statements")
    return write_rows(statement_rows(store, f, taxonomy), STATEMENT_COLUMNS, fmt, out)
