"""Builds the spaCy pipeline and turns Documents into Extractions.

PLACEHOLDER: the interface is fixed (``Extractor.load``, ``extract``, ``extract_one``,
``version``); the body is filled in as the extraction steps land.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from redline.config import Settings
from redline.model import Document, Extraction

EXTRACTOR_VERSION = "0.1.0"


class Extractor:
    """Loads the model and knowledge once, then extracts from any number of documents."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.version = f"redline-extract/{EXTRACTOR_VERSION}"

    @classmethod
    def load(cls, settings: Settings | None = None) -> Extractor:
        return cls(settings)

    def extract(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        for doc in docs:
            yield self.extract_one(doc)

    def extract_one(self, doc: Document) -> Extraction:
        return Extraction(document=doc, extractor=self.version)
