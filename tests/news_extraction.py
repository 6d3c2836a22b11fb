"""The whole extractor on sentences written for a test, as the speaker and regression tests run
it: one home, so that every such test reads its text the same way (one document, dated as news
is) and fails the same way when the statement it is about is not there."""

from __future__ import annotations

from datetime import date
from typing import Any

from redline.model import Document, Extraction, Statement

PUBLISHED = date(2025, 12, 1)  # dated, so that statements are placed in time as in real news


def extract(extractor: Any, text: str) -> Extraction:
    """The extraction of ``text`` as one document published on ``PUBLISHED``."""
    result: Extraction = extractor.extract_one(Document(id="n", text=text, published=PUBLISHED))
    return result


def only(extraction: Extraction, start: str) -> Statement:
    """The one statement whose content starts with ``start``; none or several fail the test,
    listing every statement's content."""
    found = [s for s in extraction.statements if s.content.text.startswith(start)]
    assert len(found) == 1, [s.content.text for s in extraction.statements]
    return found[0]
