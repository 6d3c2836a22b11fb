"""Long texts are extracted in sections with offsets into the whole text (issue 14).

Texts over spaCy's ``max_length`` (1,000,000 characters) used to crash the run; here the
limits are made small, so the same paths run on a few thousand characters.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from redline.extract import sections as sections_module
from redline.extract.sections import sections
from redline.model import Document

PARAGRAPHS = [
    '"We will not give up Donbas," Volodymyr Zelensky said on day {i} of the talks in Geneva.',
    "Vladimir Putin said the draft could be a basis for a settlement, the Kremlin noted on day {i}.",
    "Delegates met again for {i} hours; nobody else commented on the schedule.",
]


def long_text(paragraphs: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % 3].format(i=i) for i in range(paragraphs))


def test_sections_cover_the_text_and_cut_at_paragraphs() -> None:
    text = long_text(200)
    bounds = sections(text, 1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))
    assert all(500 <= end - start <= 1000 for start, end in bounds[:-1])
    assert all(text[end - 2 : end] == "\n\n" for _, end in bounds[:-1])
    no_breaks = "word " * 1000
    assert all(end - start <= 700 for start, end in sections(no_breaks, 700))
    assert sections("x" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]
    assert sections("", 1000) == [(0, 0)]


@pytest.mark.model
def test_a_text_over_max_length_is_extracted_in_sections(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = long_text(60)  # about 5,000 characters
    whole = extractor.extract_one(Document(id="whole", text=text))
    monkeypatch.setattr(extractor.nlp, "max_length", 3000)  # as spaCy's 1,000,000 for a 3 MB text
    monkeypatch.setattr(sections_module, "SECTION_CHARS", 1000)
    short = Document(id="short", text=PARAGRAPHS[0].format(i=0))
    out = list(extractor.extract([short, Document(id="whole", text=text), short], n_process=1))
    assert [e.document.id for e in out] == ["short", "whole", "short"]
    cut = out[1]
    for statement in cut.statements:
        assert text[statement.content.start : statement.content.end] == statement.content.text
        assert statement.speaker is not None
        mention = statement.speaker.mention
        assert text[mention.start : mention.end] == mention.text
    for mention in cut.mentions:
        assert text[mention.span.start : mention.span.end] == mention.span.text
    for event in cut.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text

    def key(e: Any) -> list[tuple[Any, ...]]:
        return [
            (s.id, s.content.start, s.speaker.name if s.speaker else None, s.stance) for s in e.statements
        ]

    assert key(cut) == key(whole) and len(cut.statements) >= 40
    assert [m.span for m in cut.mentions] == [m.span for m in whole.mentions]
    assert [(e.type, e.trigger) for e in cut.events] == [(e.type, e.trigger) for e in whole.events]
