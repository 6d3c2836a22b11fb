"""Long texts in sections: spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters)
and its cost and memory grow faster than the length of one Doc, while the documented input
limit is 20 MB. A long text is cut at paragraph breaks into sections of at most
``SECTION_CHARS``, each parsed as its own Doc, and the offsets of what the redline component
found are moved back into the whole text; so the cost is linear in length and memory bounded.

Attribution works within sentences and paragraphs, so cutting at a blank line loses nothing
but a pronoun's reach back across the cut (at most once per ``SECTION_CHARS`` characters).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

# The cost per character of one Doc still grows with its length (benchmarks/long_documents.py
# on a 50,000-character text: 55 ms per 1,000 characters in sections of 5,000, 61 in 20,000,
# 99 in 100,000), so a section is about one long article. Memory is bounded by the batch: at
# most ``batch_size`` sections are parsed at once (about 650 MB peak with 16, model included).
SECTION_CHARS = 10_000
# Where to cut, best first: a paragraph break, a line break, a sentence end, a space.
_SEPARATORS = ("\n\n", "\n", ". ", " ")


def sections(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive sections that cover ``text``, each at most ``limit``
    (default ``SECTION_CHARS``) characters and no shorter than half of it (but the last), cut
    after the best separator."""
    limit = limit or SECTION_CHARS
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        cut = start + limit  # no separator at all: cut anyway rather than refuse the text
        for separator in _SEPARATORS:
            found = text.rfind(separator, start + limit // 2, start + limit)
            if found != -1:
                cut = found + len(separator)
                break
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


@dataclass(slots=True)
class Sections:
    """What the redline component found in the sections of one document, offsets moved into
    the whole text; only these plain lists are kept, never the parsed sections."""

    statements: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[list[Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def add(self, doc: Doc, offset: int) -> None:
        for raw in doc._.redline_statements or []:
            for key in ("content", "cue", "sentence"):
                if raw[key] is not None:
                    raw[key] = [raw[key][0] + offset, raw[key][1] + offset]
            if raw["speaker"] is not None:
                raw["speaker"]["start"] += offset
                raw["speaker"]["end"] += offset
            inputs = raw.get("inputs")
            if inputs and inputs.get("previous"):
                inputs["previous"] = [inputs["previous"][0] + offset, inputs["previous"][1] + offset]
            self.statements.append(raw)
        for start, end, *rest in doc._.redline_mentions or []:
            self.mentions.append([start + offset, end + offset, *rest])
        for raw in doc._.redline_events or []:
            raw["start"] += offset
            raw["end"] += offset
            self.events.append(raw)

    def onto(self, doc: Doc) -> Doc:
        """``doc`` (the last section) carrying every section's findings, as if it were whole."""
        doc._.redline_statements = self.statements
        doc._.redline_mentions = self.mentions
        doc._.redline_events = self.events
        return doc
