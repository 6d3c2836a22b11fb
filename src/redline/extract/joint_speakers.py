"""Named people joined by "and" each speak: "Rubio and Yermak said the talks went well" is a
statement by Rubio and one by Yermak (the annotation guide's rule, and what an analyst counting
each negotiator's positions needs). States, institutions and groups joined by "and" keep one
joint label instead (``speaker_names.joint``).

The resolver names the first person of the pair; this finds the others, each resolved from
the words of its own conjunct, so titles and spellings work as for any speaker. A counted plural
that takes up named people ("The two leaders agreed", after "Trump and Putin spoke") is theirs
in the same way.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from redline.extract.actors import span_head
from redline.extract.speakers import SpeakerResolver
from redline.extract.token_ranges import conjuncts
from redline.model import Mention, Speaker

__all__ = ["co_speakers"]

_PERSON = "person"


def co_speakers(
    resolver: SpeakerResolver,
    doc: Doc,
    source: tuple[int, int] | None,
    first: Speaker | None,
    mentions: list[Mention],
) -> list[Speaker]:
    """The people after the first in a source that joins named people with "and"."""
    if source is None or first is None or first.kind != _PERSON:
        return []
    span = doc.char_span(*source, alignment_mode="expand")
    if span is None:
        return []
    taken_up = resolver.counted_people(doc, source, mentions)
    if taken_up:  # "the two leaders", after "Trump and Putin": the resolver named the first
        return [sp for sp in taken_up if sp.name != first.name]
    out: list[Speaker] = []
    names = {first.name}
    for tok in conjuncts(span_head(span), span.start, span.end):
        start, end = _own_words(tok)
        found = resolver.resolve(doc, (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])), mentions)
        if found is None or found.kind != _PERSON or found.name in names:
            continue
        # a name, or a role that names one known person ("his American counterpart Donald
        # Trump"); "Rubio and officials" is a person and a group, not two named speakers
        if tok.pos_ == "PROPN" or found.actor_id is not None:
            names.add(found.name)
            out.append(found)
    return out


def _own_words(tok: Token) -> tuple[int, int]:
    """The conjunct's own words, without the conjuncts hung on it ("Yermak and Umerov": Yermak)."""
    skip = {t.i for c in tok.children if c.dep_ in ("conj", "cc", "punct") for t in c.subtree}
    words = [t.i for t in tok.subtree if t.i not in skip]
    return min(words), max(words) + 1
