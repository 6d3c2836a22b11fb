"""Readers that turn files, records, URLs and feeds into Documents (or Problems).

``read_sources`` is the one entry point: it takes what a user typed (paths, folders, ``-``
for stdin, ``http(s)://`` URLs), picks the reader, and puts every Document through the
same text checks (empty, language) so that all sources obey the same rules.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

from redline.config import Settings
from redline.model import Document, Problem
from redline.sources.dateline import document_date
from redline.sources.files import FileReader, parse_date
from redline.sources.guards import check_text as _check_text
from redline.sources.guards import clean_document, cleaned_warning, is_warning
from redline.sources.language import EnglishDetector

__all__ = ["is_warning", "parse_date", "read_sources"]


def read_sources(
    specs: Iterable[str],
    settings: Settings,
    *,
    published: date | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Document | Problem]:
    """Documents from every input, in order; inputs that cannot be used come out as Problems.

    ``published`` is the date for documents that carry none of their own (no date field or
    page metadata, no dateline or header date in the text, no date in the URL). ``stdin`` is read
    for the spec ``-`` (default: the process's standard input). Problems whose kind is a
    warning (see ``is_warning``) accompany a Document that is still yielded.
    """
    from redline.sources.web import read_web  # the HTTP stack, loaded by runs that read

    detector = EnglishDetector.load() if settings.check_language else None
    reader = FileReader(settings, published)
    for spec in specs:
        items: Iterable[Document | Problem]
        if spec == "-":
            stream = stdin if stdin is not None else sys.stdin
            items = (
                reader.read_stdin(stream)
                if stream is not None
                else [
                    Problem("<stdin>", "there is no standard input", "pipe text in, or name files", "input")
                ]
            )
        elif spec.lower().startswith(("http://", "https://")):
            items = read_web(spec, settings)
        elif not spec.strip():
            items = [Problem(repr(spec), "is not a path", "name a file, a folder, - or a URL", "input")]
        else:
            items = reader.read_path(Path(spec))
        for item in items:
            if isinstance(item, Document):
                clean_document(item)  # web pages; file readers have cleaned already
                cleaned = cleaned_warning(item)
                if cleaned is not None:
                    yield cleaned
                problem = _check_text(item.text, item.source or item.id, detector)
                if problem is not None:
                    yield problem
                    continue
                if detector is not None and item.language is None:
                    item.language = "en"
                if item.published is None:  # a page without a date in its metadata
                    item.published = document_date(item.text, item.url, published) or published
            yield item
