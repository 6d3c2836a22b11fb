"""Extraction for a Python user: text or documents in, the extraction contract out, no store.

The pipeline (and spaCy with it) is loaded on the first call, not on ``import redline``.
"""

from __future__ import annotations

from collections.abc import Iterable

from redline.config import Settings
from redline.model import Document, Extraction, stable_id


def as_document(item: str | Document) -> Document:
    """A text becomes a document whose id is derived from the text, so re-runs give the same ids."""
    if isinstance(item, Document):
        return item
    return Document(id=stable_id("text", item), text=item)


def extract(
    items: str | Document | Iterable[str | Document], settings: Settings | None = None
) -> list[Extraction]:
    """Statements, speakers, issues and stances of each text or document, in input order."""
    from redline.extract.pipeline import Extractor

    docs = [as_document(items)] if isinstance(items, str | Document) else [as_document(i) for i in items]
    return list(Extractor.load(settings).extract(docs))
