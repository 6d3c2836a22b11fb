"""Document metadata: what was read, from where, and which reprint copies which original.

``statements`` counts the statements that count (not rejected; a reprint's are counted on its
original, so a reprint shows 0); ``extracted`` is what the extractor found in the document.
"""

from __future__ import annotations

from typing import TextIO

from redline.export.output import check_format
from redline.export.tables import TABLE_FORMATS, write_rows
from redline.store import Store

DOCUMENT_COLUMNS = (
    "id",
    "url",
    "outlet",
    "title",
    "published",
    "language",
    "duplicate_of",
    "similarity",
    "statements",
    "extracted",
    "extractor",
)


def export_documents(
    store: Store, out: TextIO, fmt: str = "csv", *, outlet: str | None = None, text: bool = False
) -> int:
    """Write every document's metadata as csv, json or jsonl; return the row count. ``text``
    adds the stored text, the one the statements' offsets point into: a replication package
    ships it so every span can be checked without the database."""
    check_format(fmt, TABLE_FORMATS, "documents")
    columns = (*DOCUMENT_COLUMNS, "text") if text else DOCUMENT_COLUMNS
    return write_rows(store.iter_document_records(outlet, text=text), columns, fmt, out)
