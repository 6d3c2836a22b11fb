"""A deterministic stand-in for the NLP extractor, so store and ingest tests do not depend on it.

Every sentence containing " said" becomes a statement; the speaker is the capitalised words
right before " said"; issues and stance come from keywords. Importable by spawned workers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from redline.config import Settings
from redline.model import Document, Extraction, Span, Speaker, Statement, stable_id

_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_SAID = re.compile(r"((?:[A-Z][\w’'-]+ )*[A-Z][\w’'-]+) said,? (?:that )?")
_ISSUES = {
    "territory": "territory",
    "NATO": "nato",
    "ceasefire": "ceasefire",
    "sanctions": "sanctions_economy",
    "plan": "plan_overall",
    "guarantees": "security_guarantees",
}
_KB = {"vladimir putin": "vladimir-putin", "volodymyr zelensky": "volodymyr-zelensky"}


class SaidExtractor:
    """Fake extractor; ``version`` can be changed to simulate an upgrade."""

    def __init__(self, settings: Settings | None = None, version: str = "fake/1", shift: int = 0) -> None:
        self.version = version
        self.shift = shift  # trims this many chars off each content start, to simulate changed offsets

    def extract(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        for doc in docs:
            if "EXPLODE" in doc.text:
                raise ValueError("boom")
            yield Extraction(doc, self._statements(doc), extractor=self.version)

    def _statements(self, doc: Document) -> list[Statement]:
        out = []
        for m in _SENTENCE.finditer(doc.text):
            said = _SAID.search(m.group())
            if not said:
                continue
            start = m.start() + said.end() + self.shift
            end = m.end() - 1
            if end <= start:
                continue
            name = said.group(1)
            full = next((k for k in _KB if k.endswith(name.lower().split()[-1])), None)
            mention = Span(name, m.start() + said.start(1), m.start() + said.end(1))
            speaker = Speaker(full.title() if full else name, _KB[full] if full else None, mention)
            content = doc.text[start:end]
            issues = sorted({v for k, v in _ISSUES.items() if k in content})
            stance = "oppose" if " not " in content or "never" in content else "support"
            out.append(
                Statement(
                    id=stable_id(doc.id, start, end),
                    document_id=doc.id,
                    content=Span(content, start, end),
                    kind="indirect",
                    speaker=speaker,
                    issues=issues,
                    stance=stance,
                    date=doc.published,
                    extractor=self.version,
                )
            )
        return out


def make_fake(settings: Settings) -> SaidExtractor:
    return SaidExtractor(settings)


def make_fake_v2(settings: Settings) -> SaidExtractor:
    return SaidExtractor(settings, version="fake/2", shift=2)


def doc(n: int, text: str, *, outlet: str = "Daily", url: str | None = None, day: int = 1) -> Document:
    return Document(
        id=f"d{n}", text=text, url=url, outlet=outlet, published=date(2025, 11, day), title=f"Article {n}"
    )
