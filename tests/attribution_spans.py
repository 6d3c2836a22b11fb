"""Attributions of a text as the words they span: what tests about boundaries compare."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from spacy.language import Language

from redline.extract.attribution import find_attributions
from redline.knowledge.cues import CueLexicon, load_cues
from redline.model import Document


class Spanned(NamedTuple):
    """One attribution as text."""

    content: str
    cue: str | None
    source: str | None
    start: int  # the content's first character


Attributed = Callable[[str], list[Spanned]]


def spanned(nlp: Language, text: str, cues: CueLexicon) -> list[Spanned]:
    """``find_attributions`` over a parse of the text under ``cues`` (a policy of its own, say),
    each attribution as its words."""
    doc = nlp(text)

    def words(span: tuple[int, int] | None) -> str | None:
        return None if span is None else doc.text[span[0] : span[1]]

    return [
        Spanned(doc.text[a.content[0] : a.content[1]], words(a.cue), words(a.source), a.content[0])
        for a in find_attributions(doc, cues)
    ]


def triples(nlp: Language, text: str, cues: CueLexicon) -> list[tuple[str, str | None, str | None]]:
    """``spanned`` as (content, cue, source): what tests that list whole attributions compare."""
    return [(s.content, s.cue, s.source) for s in spanned(nlp, text, cues)]


def attributed_by(nlp: Language) -> Attributed:
    """``spanned`` under the packaged cue lexicon, as a function of the text alone."""
    cues = load_cues()
    return lambda text: spanned(nlp, text, cues)


def said_by(extractor: Any, text: str) -> list[tuple[str | None, str]]:
    """The full extractor's statements of a text as (speaker name, content) pairs: what tests
    about who speaks compare."""
    found = extractor.extract_one(Document(id="d", text=text)).statements
    return [(s.speaker.name if s.speaker else None, s.content.text) for s in found]
