"""The per-document facts speaker resolution reads: mentions as candidates, sentences, quotes.

Every rule of ``SpeakerResolver`` asks the same questions of a document (which sentence a token
is in, whether it stands inside a quotation, which mention covers it, what its head is), once
per statement; worked out once per document here, they are answered by a lookup. The few
constants more than one rule module shares live here too, so that those modules import nothing
of each other's at load time.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from redline.extract.actors import DocActors
from redline.extract.actors import span_head as _head
from redline.extract.english import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
)

if TYPE_CHECKING:
    pass


MAKER_ENTITIES = frozenset({"NORP", "GPE", "ORG"})  # "a Chinese statement", "a Kremlin readout"
PLACE_ENTITIES = frozenset({"NORP", "GPE"})  # "a member of the Ukrainian delegation"
WINDOW = 4  # sentences searched back for a pronoun's antecedent
# "ended the day with a joint statement saying": prepositions that put out a statement
ARTICLES = frozenset({"a", "an", "the"})


@dataclass(slots=True)
class Candidate:
    start: int  # token index
    end: int
    actor_id: str | None
    name: str
    # person | org | norp | group (coordinated subjects) | nominal (a person noun: "the official")
    # | thing (another noun: "the network") | unknown
    kind: str
    gender: str | None
    plural: bool
    head: int = -1  # token index of the syntactic head, computed once

    def head_token(self, doc: Doc) -> Token:
        if self.head < 0:
            self.head = _head(doc[self.start : self.end]).i
        return doc[self.head]


@dataclass(slots=True)
class DocumentIndex:
    """Per-document facts computed once and shared by every statement of the document."""

    doc: Doc
    text: str
    found: DocActors
    sent_of: list[int]
    in_quote: list[bool]
    candidates: list[Candidate]
    # (start, end) of a span -> its head's token index: the resolver's rules ask it of one
    # source span one after the other, and ``span_head`` walks the span's words each time
    heads: dict[tuple[int, int], int] = field(default_factory=dict)
    # (actor id, name) -> (party, kind) of a resolved speaker (``SpeakerResolver._side``): one
    # speaker's statements ask it again and again, and it depends on the document's descriptions
    sides: dict[tuple[str | None, str], tuple[str | None, str | None]] = field(default_factory=dict)
    # each candidate's head: (its label, its head's index, that head's head's index), read once
    # per document (``candidate_heads``) where every subject pronoun compared them anew
    _candidate_heads: list[tuple[str, int, int]] | None = None
    # character spans of the lines naming the writer ("By Dana Whitlock"), no one's antecedent
    bylines: list[tuple[int, int]] = field(default_factory=list)

    def candidate_heads(self) -> list[tuple[str, int, int]]:
        """Of each of ``candidates``, in order: its head's dependency label, the index of the
        head's head and of that one's head (the clause a mention is an argument of)."""
        if self._candidate_heads is None:
            found = []
            for c in self.candidates:
                head = c.head_token(self.doc)
                governor = head.head
                found.append((head.dep_, governor.i, governor.head.i))
            self._candidate_heads = found
        return self._candidate_heads

    def writer(self, c: Candidate) -> bool:
        """Whether ``c`` is named in a byline ("By Mirela Ostrander"): the story's writer, whom
        no later "he", "she" or "the reporter" in it stands for."""
        at = self.doc[c.start].idx
        return any(s <= at < e for s, e in self.bylines)

    def covering(self, i: int, kinds: Collection[str] | None = None) -> Candidate | None:
        """The first candidate that covers token ``i`` (of one of ``kinds`` when given)."""
        for c in self.candidates:
            if c.start <= i < c.end and (kinds is None or c.kind in kinds):
                return c
        return None

    def back(self, i: int, sentences: int) -> Iterator[Token]:
        """The tokens before token ``i``, nearest first, in its sentence and the ``sentences``
        before it: the reach of a word that takes up something named just before."""
        here = self.sent_of[i]
        for t in reversed(self.doc[:i]):
            if here - self.sent_of[t.i] > sentences:
                return
            yield t

    def head(self, span: SpacySpan) -> Token:
        """``span_head`` of a span of this document, worked out once per span."""
        key = (span.start, span.end)
        at = self.heads.get(key)
        if at is None:
            at = self.heads[key] = _head(span).i
        return self.doc[at]


ROLE_WORDS = 4  # how far before a name its role may stand ("Trade Minister Aino Lehtola")
PERSON = "person"
# the kind of a collective that is one body speaking ("the Russian delegation"), not a role holder
BODY = "organization"
SPEAKING = ("person", "org")  # candidate kinds that name someone who can speak


def is_plural(noun: Token) -> bool:
    """Grammatical number, so that a definite singular never takes up a plural group."""
    return noun.tag_ in {"NNS", "NNPS"}


def name_end(span: SpacySpan) -> int:
    """End of the naming part of a noun phrase: its head plus phrases naming an affiliation
    ("spokesperson for the European Commission"), without other modifiers ("in the case")."""
    head = _head(span)
    end = head.i + 1
    if not head.dep_:
        return end
    for child in head.rights:
        if child.i != end or child.dep_ != "prep" or child.right_edge.i >= span.end:
            break
        if not any(t.pos_ == "PROPN" or t.ent_type_ for t in child.subtree):
            break
        end = child.right_edge.i + 1
    return end


def clean_name(span: SpacySpan) -> str:
    """An unknown speaker's name: the naming part of the span without "the" ("defendants")."""
    end = name_end(span)
    start = span.start
    while start < end - 1 and (
        span.doc[start].lower_ == "the" or span.doc[start].is_punct or span.doc[start].is_space
    ):
        start += 1
    return span.doc[start:end].text


def sentence_numbers(doc: Doc) -> list[int]:
    """Each token's sentence number, counted from 0 (all 0 in a Doc without sentence bounds)."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    starts = doc.to_array(SENT_START) == 1
    starts[0] = False  # the first token opens sentence 0
    return numpy.cumsum(starts).tolist()  # type: ignore[no-any-return]


_OPENING_IDS = frozenset(hash_string(q) for q in OPENING_QUOTES)
_CLOSING_IDS = frozenset(hash_string(q) for q in CLOSING_QUOTES)
_STRAIGHT_ID = hash_string('"')
_QUOTE_IDS = numpy.array(sorted(_OPENING_IDS | _CLOSING_IDS | {_STRAIGHT_ID}), dtype=numpy.uint64)


def quote_mask(doc: Doc) -> list[bool]:
    """Whether each token is inside a quotation, its marks included: a curly or guillemet mark
    opens or closes one, a straight mark opens one outside a quotation and closes one inside."""
    mask = [False] * len(doc)
    if not len(doc):
        return mask
    orth = doc.to_array(ORTH)
    inside, since = False, 0  # the state from token ``since`` on
    for i in numpy.flatnonzero(numpy.isin(orth, _QUOTE_IDS)).tolist():
        if inside:
            mask[since:i] = [True] * (i - since)
        word = int(orth[i])
        # an opening mark opens; a closing one, or a straight one inside a quotation, closes
        inside = word in _OPENING_IDS or (word == _STRAIGHT_ID and not inside)
        mask[i] = True
        since = i + 1
    if inside:
        mask[since:] = [True] * (len(doc) - since)
    return mask
