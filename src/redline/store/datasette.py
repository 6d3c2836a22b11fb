"""Datasette metadata for a redline database: titles, descriptions, full-text search, facets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

_TABLES: dict[str, dict[str, Any]] = {
    "statements_view": {
        "description": "Who said what: one row per attributed statement, with speaker name, issues, stance "
        "and the document it came from. content_start/content_end are character offsets into document.text.",
        "fts_table": "statement_fts",
        "fts_pk": "pk",
        "facets": ["stance", "speaker", "outlet"],
        "sort_desc": "date",
    },
    "statement": {
        "description": "Statements with machine values (m_*) and effective values after analyst corrections.",
        "fts_table": "statement_fts",
        "fts_pk": "pk",
        "facets": ["stance", "kind", "outlet"],
    },
    "statement_issue": {
        "description": "Issue membership of statements (one row per statement and issue).",
        "facets": ["issue"],
    },
    "statement_override": {
        "description": "Analyst corrections (who, when, what), re-applied after re-extraction."
    },
    "documents_view": {
        "description": "Articles, with near-duplicate reprints linked to their original.",
        "facets": ["outlet"],
        "sort_desc": "published",
    },
    "document": {"description": "Articles as ingested, full text included."},
    "actors_view": {
        "description": "One identity per speaker across documents, with statement counts.",
        "facets": ["kind", "party"],
        "sort_desc": "n_statements",
    },
    "actor_alias": {
        "description": "Names, spellings and titles that resolve to an actor.",
        "facets": ["source"],
    },
    "claims_view": {
        "description": "The same statement carried by several outlets, grouped as one claim.",
        "sort_desc": "n_outlets",
    },
    "_migrations": {"description": "Schema migrations applied to this database.", "hidden": True},
    "document_band": {"hidden": True},
}


def metadata(db_name: str = "redline") -> dict[str, Any]:
    """The metadata.json Datasette reads (``datasette redline.db -m metadata.json``)."""
    return {
        "title": "redline corpus",
        "description": "Sourced statements about a negotiation: who said what, on which issue, with what stance.",  # noqa: E501
        "databases": {db_name: {"tables": _TABLES}},
    }


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL, or None for other databases and in-memory ones."""
    if "://" not in url:
        return Path(url)
    if not url.startswith("sqlite:///") or url.endswith(":memory:"):
        return None
    return Path(url[len("sqlite:///") :])
