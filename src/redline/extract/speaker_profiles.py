"""Whom a pronoun means when a story is about one person or written by one.

A profile names its subject far more often than anyone else of that gender, so a "she" long
after the last mention is still the subject; a first-person "I" in the writer's own text is the
byline's. These are story-level facts, not the nearest-mention rule of ``speaker_pronouns``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Token

from redline.extract.speaker_index import PERSON, Candidate, DocumentIndex

if TYPE_CHECKING:
    from redline.extract.speakers import SpeakerResolver


_PROFILE_LEAD = 3  # times more often than any other of the gender a story's subject is named
_PROFILE_WINDOW = 12  # sentences back in which a story's one person of a gender is still its subject


def protagonist(
    index: DocumentIndex, pron: Token, gender: str, bound: set[tuple[str | None, str]]
) -> Candidate | None:
    """The person of the pronoun's gender the document has named before it (outside quotes
    and bylines) alone, or ``_PROFILE_LEAD`` times as often as any other, last named within
    ``_PROFILE_WINDOW`` sentences: the subject a feature keeps in view over paragraphs of
    other people's words."""
    people = [
        c
        for c in index.candidates
        if c.kind == PERSON
        and c.gender == gender
        and c.end <= pron.i
        and not index.in_quote[c.start]
        and not index.writer(c)
    ]
    counts = Counter((c.actor_id, c.name if c.actor_id is None else "") for c in people)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < _PROFILE_LEAD * ranked[1][1]):
        return None  # two women the story names alike often: no one subject
    who = ranked[0][0]
    if who in bound:
        return None
    last = next(c for c in reversed(people) if (c.actor_id, c.name if c.actor_id is None else "") == who)
    if index.sent_of[pron.i] - index.sent_of[last.start] > _PROFILE_WINDOW:
        return None
    return last


def byline_writer(resolver: SpeakerResolver, index: DocumentIndex) -> tuple[str | None, str] | None:
    """The person a byline names ("By Ana Ruiz"): an "I" in the writer's own text (outside
    quotes) is theirs, as in an op-ed or a first-person dispatch; None without a byline."""
    for c in index.candidates:
        if not index.writer(c) or c.kind == "norp":
            continue
        actor = resolver.kb.get(c.actor_id)
        if actor is not None and actor.type != "person":
            continue  # "By Reuters staff": an outlet writes no "I"
        # the tagger may take a byline's unfamiliar name for an organisation
        if c.kind == "person" or (actor is None and len(c.name.split()) >= 2):
            return c.actor_id, c.name
    return None
