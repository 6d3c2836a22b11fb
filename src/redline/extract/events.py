"""Find events (visits, meetings, proposals, attacks ...) in a parsed document.

Triggers come from the event lexicon; everything else is read off the dependency parse of the
trigger's own phrase, widening to the clause it sits in only when the phrase says nothing:

* actors: the subject of a verb trigger (with conjuncts and "with"/"between" partners); for
  a noun trigger its possessor or passive agent ("attack claimed by X"), or, for types that
  inherit it, the subject of the clause around it ("Putin, on a state visit to ...");
* place: a GPE/LOC/FAC entity introduced by a locative word ("to Moscow", "in Kyiv", "city of");
* date: ``dates.find_date`` on the phrase, then the clause, then the sentence; a date inside
  another event's phrase belongs to that event ("a verdict in the 2022 attack"); planned
  events with no date of their own stay undated rather than taking the publication date;
* planned: a future auxiliary (will, would), a governing verb (expected to, plans to), a
  modifier (upcoming, soon) or a date after publication.

Phrases are the trigger's *local* subtree: clausal dependents (relative clauses, complements)
are left out so that "revealed a plan that was viewed as too favourable to Russia" does not
put the proposal in Russia.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import compress

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from redline.extract.dates import DateMention, find_date
from redline.extract.english import CLAUSE_LINKS, DETERMINERS, POSSESSIVE_DETERMINERS
from redline.extract.token_columns import StringColumn
from redline.extract.token_ranges import dateline_end
from redline.knowledge.events import EventLexicon, EventType
from redline.model import Event, Mention, Span, stable_id

_ARGUMENT = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})
_LOCATIVE = frozenset(
    {"in", "to", "at", "into", "near", "inside", "outside", "toward", "towards", "across", "on", "over"}
)
_PLACE_NOUNS = frozenset(
    {"city", "town", "village", "region", "province", "capital", "port", "resort", "oblast"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_LEADING_DETERMINERS = DETERMINERS | POSSESSIVE_DETERMINERS
_MAX_WALK = 4
_REMEMBERED = 200_000  # forms and lemmas whose starting phrases are kept before starting afresh


@dataclass(slots=True)
class _Match:
    type: EventType
    tokens: list[Token]

    @property
    def anchor(self) -> Token:
        verbs = [t for t in self.tokens if t.pos_ in ("VERB", "AUX")]
        if verbs:
            return verbs[0]
        heads = [t for t in self.tokens if t.head not in self.tokens or t.head == t]
        return heads[0] if heads else self.tokens[-1]

    @property
    def nominal(self) -> bool:
        return self.anchor.pos_ not in ("VERB", "AUX")


class EventFinder:
    """Holds the compiled trigger lexicon; reuse one finder for a whole corpus."""

    def __init__(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon
        self._phrases: list[tuple[EventType, tuple[str, ...], str]] = []
        for etype in lexicon.types:
            for verb in etype.verbs:
                self._phrases.append((etype, _split(verb), "VERB"))
            for verb in etype.object_verbs:
                self._phrases.append((etype, _split(verb), "OBJECT_VERB"))
            for noun in etype.nouns:
                self._phrases.append((etype, _split(noun), "NOUN"))
            for phrase in etype.phrases:
                self._phrases.append((etype, tuple(w for p in phrase for w in _split(p)), ""))
        self._phrases.sort(key=lambda p: -len(p[1]))
        # phrases by first word: a sentence is scanned once, not once per phrase
        self._by_first: dict[str, list[int]] = {}
        for rank, (_etype, words, _pos) in enumerate(self._phrases):
            if words:
                self._by_first.setdefault(words[0], []).append(rank)
        # the phrases each form (as it is) and lemma (lower-cased) starts, None for most words
        self._form_starts = StringColumn(self._by_first.get, _REMEMBERED)
        self._lemma_starts = StringColumn(lambda lemma: self._by_first.get(lemma.lower()), _REMEMBERED)

    def find(
        self, doc: Doc, published: date | None, mentions: Sequence[Mention] = (), document_id: str = ""
    ) -> list[Event]:
        """Events in document order; one per trigger phrase."""
        events: list[Event] = []
        ents = doc.ents  # built afresh on every access: read once for the whole Doc
        starting = self._starting_phrases(doc)
        for sent in doc.sents:
            matches = self._matches(sent, starting)
            for match in matches:
                nested = [o.anchor for o in matches if o is not match]
                event = self._build(match, sent, published, mentions, document_id, nested, ents)
                if event is not None:
                    events.append(event)
        return events

    def _starting_phrases(self, doc: Doc) -> dict[int, set[int]]:
        """Token index -> the phrases (by rank) whose first word is the token's lower-case form
        or its lemma, for the tokens that start any: read from the Doc's arrays (no Token is
        built), each form and lemma looked up the first time any document uses it."""
        found: dict[int, set[int]] = {}
        if len(doc) == 0:
            return found
        for column in (self._form_starts.column(doc, LOWER), self._lemma_starts.column(doc, LEMMA)):
            # only the tokens that start a phrase, picked out at C level: most start none (so
            # ``ranks`` is never None here; the ``or`` is for the type checker)
            for i, ranks in compress(enumerate(column), column):
                found.setdefault(i, set()).update(ranks or ())
        return found

    def _matches(self, sent: SpacySpan, starting: Mapping[int, set[int]]) -> list[_Match]:
        # candidate (phrase rank, position) pairs, tried longest phrase first as before
        candidates = {
            (rank, i - sent.start)
            for i in range(sent.start, sent.end)
            if i in starting
            for rank in starting[i]
        }
        taken: set[int] = set()
        found: list[_Match] = []
        for rank, i in sorted(candidates):
            etype, words, pos = self._phrases[rank]
            n = len(words)
            if i + n > len(sent):
                continue
            window = list(sent[i : i + n])
            if any(t.i in taken for t in window):
                continue
            if not all(_is(t, w) for t, w in zip(window, words, strict=True)):
                continue
            if pos in ("VERB", "OBJECT_VERB") and window[0].pos_ != "VERB":
                continue
            if pos == "NOUN" and window[0].pos_ not in ("NOUN", "PROPN"):
                continue
            match = _Match(etype, window)
            if pos == "OBJECT_VERB" and not _has_object(match, etype.objects):
                continue
            found.append(match)
            taken.update(t.i for t in window)
        return _absorb_objects(_merge(sorted(found, key=lambda m: m.tokens[0].i)))

    def _build(
        self,
        match: _Match,
        sent: SpacySpan,
        published: date | None,
        mentions: Sequence[Mention],
        document_id: str,
        others: Sequence[Token] = (),
        ents: Sequence[SpacySpan] = (),
    ) -> Event | None:
        anchor = match.anchor
        own = _local(anchor)
        inner = {t.i for o in others if o in own and o is not anchor for t in _local(o)}
        own = [t for t in own if t.i not in inner]
        clause = _governor(anchor) if match.nominal else anchor
        around = [t for t in _local(clause) if t.i not in inner] if clause is not None else []
        role = match.type.object_role
        objects = [c for c in anchor.children if c.dep_ == "dobj"] if not match.nominal else []
        actors = _own_actors(anchor, match.nominal)
        if role == "actor":
            actors += [t for o in objects if o.pos_ in ("PROPN", "NOUN") for t in _with_conjuncts(o)]
        planned = self._planned(anchor, clause)
        own_date = find_date(_text(own), published, ahead=planned)
        if match.nominal and not self._keep_nominal(match, own, around, own_date, planned, published, ents):
            return None
        if not actors and match.type.inherit_subject and match.nominal and clause is not None:
            actors = _subjects(clause)
        place = _place(own, ents) or (_place(around, ents) if clause is not anchor else None)
        if place is None and role == "place":
            place = next((e.text for o in objects for e in [_entity(o, ents)] if e is not None), None)
        if place is None and not match.nominal and anchor.dep_ == "advcl":
            place = _place(_local(anchor.head), ents)
        when = own_date
        if when is None and clause is not None and clause is not anchor:
            when = find_date(_text(around), published, ahead=planned)
        if when is None and not planned:
            when = find_date(sent.text, published)
        if when is not None:
            value, precision = when.date, when.precision
        elif planned or published is None:
            value, precision = None, None
        else:
            value, precision = published, "day"
        if value is not None and published is not None and value > published:
            planned = True
        start, end = match.tokens[0].idx, match.tokens[-1].idx + len(match.tokens[-1].text)
        names = [_actor_name(t, mentions, ents) for t in actors if self._agentive(t, mentions)]
        return Event(
            id=stable_id(document_id, match.type.name, start, end),
            document_id=document_id,
            type=match.type.name,
            trigger=Span(sent.text[start - sent.start_char : end - sent.start_char], start, end),
            actors=[n for n, _ in names],
            actor_ids=[i for _, i in names],
            place=place,
            date=value,
            date_precision=precision if value else None,
            planned=planned,
        )

    def _keep_nominal(
        self,
        match: _Match,
        own: list[Token],
        around: list[Token],
        own_date: DateMention | None,
        planned: bool,
        published: date | None,
        ents: Sequence[SpacySpan],
    ) -> bool:
        """A noun trigger is an event when its phrase, or the clause it is an argument of, names
        someone, a place or a time; passing mentions ("in negotiations") and purposes ("travel
        for talks") are not."""
        anchor = match.anchor
        if _is_purpose(anchor):
            return False
        if _own_actors(anchor, True) or _place(own, ents) or own_date is not None or planned:
            return True
        if anchor.dep_ in _ARGUMENT and around:
            return _place(around, ents) is not None or find_date(_text(around), published) is not None
        return False

    def _agentive(self, token: Token, mentions: Sequence[Mention]) -> bool:
        """Names, known actors and nouns for people or bodies ("delegation") can act; "the text",
        "some demands" or an unresolved "he" cannot stand as an event's actor."""
        if any(m.span.start <= token.idx < m.span.end for m in mentions):
            return True
        if token.pos_ == "PROPN" or token.ent_type_ in _ACTOR_LABELS:
            return True
        return token.pos_ == "NOUN" and token.lemma_.lower() in self.lexicon.agents

    def _planned(self, anchor: Token, clause: Token | None) -> bool:
        lex = self.lexicon
        for tok in {anchor, clause} - {None}:
            assert tok is not None
            if any(
                c.dep_ in ("aux", "advmod", "amod") and c.lower_ in (*lex.planned_aux, *lex.planned_modifiers)
                for c in tok.children
            ):
                return True
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.planned_governors:
                return True
            if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in lex.planned_governors:
                return True
        return False


def _split(word: str) -> tuple[str, ...]:
    parts: list[str] = []
    for w in word.split():
        pieces = w.split("-")
        for j, piece in enumerate(pieces):
            if j:
                parts.append("-")
            if piece:
                parts.append(piece)
    return tuple(parts)


def _is(token: Token, word: str) -> bool:
    return token.lemma_.lower() == word or token.lower_ == word


def _has_object(match: _Match, objects: tuple[str, ...]) -> bool:
    scope = _local(match.anchor)
    return any(t.lemma_.lower() in objects or t.lower_ in objects for t in scope if t not in match.tokens)


def _merge(matches: list[_Match]) -> list[_Match]:
    """Join triggers of one type that sit in one phrase ("truck bomb" + "attack")."""
    merged: list[_Match] = []
    for m in matches:
        prev = merged[-1] if merged else None
        if (
            prev
            and prev.type is m.type
            and (any(t.head in m.tokens for t in prev.tokens) or any(t.head in prev.tokens for t in m.tokens))
            and m.tokens[0].i - prev.tokens[-1].i <= 2
        ):
            prev.tokens = sorted({*prev.tokens, *m.tokens}, key=lambda t: t.i)
            continue
        merged.append(m)
    return merged


def _absorb_objects(matches: list[_Match]) -> list[_Match]:
    """One event where a verb trigger's object is itself an event ("Cairo would host talks",
    "hosted a summit"): the named event is the thing, the verb only says who holds it, and the
    noun's event takes the verb's subject as its actor already."""
    inside = {t.i: m for m in matches for t in m.tokens}
    return [
        m
        for m in matches
        if not any(
            c.dep_ == "dobj" and c.i in inside and inside[c.i] is not m for t in m.tokens for c in t.children
        )
    ]


def _local(token: Token | None) -> list[Token]:
    """The token's subtree without clausal dependents, in text order."""
    if token is None:
        return []
    out: list[Token] = []
    stack = [token]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_LINKS)
    return sorted(out, key=lambda t: t.i)


def _text(tokens: Iterable[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens)


def _governor(token: Token) -> Token | None:
    """The nearest verb above a noun trigger (the clause it sits in)."""
    tok = token
    for _ in range(_MAX_WALK):
        if tok.head == tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _subjects(verb: Token, passive: bool = True) -> list[Token]:
    """Subject of the clause, walking up through adverbial and complement clauses; a passive
    subject is the one acted upon ("the plan was drafted by ..."), so callers may refuse it."""
    tok: Token | None = verb
    for _ in range(_MAX_WALK):
        if tok is None:
            break
        subj = [c for c in tok.children if c.dep_ == "nsubj" or (passive and c.dep_ == "nsubjpass")]
        if subj:
            subj = _past_dateline(subj, tok)
            return (
                [s for s in _with_conjuncts(subj[0]) if s.pos_ != "PRON" or s.lower_ not in ("which", "that")]
                if subj
                else []
            )
        tok = tok.head if tok.dep_ in ("advcl", "xcomp", "conj", "ccomp") and tok.head != tok else None
    return []


def _past_dateline(subjects: list[Token], verb: Token) -> list[Token]:
    """The subjects a dateline hides: "LENZ — The trade office on Monday handed ..." is parsed
    with the filing place as a subject and the office as a second one or its apposition; the
    place is where the story was filed, never who acted (``token_ranges.dateline_end``)."""
    first = subjects[0]
    end = dateline_end(first.doc, first.i, verb.i)
    if end is None:
        return subjects
    return [s for s in subjects if s.i >= end] or [
        c for c in first.children if c.dep_ == "appos" and c.i >= end
    ]


def _own_actors(anchor: Token, nominal: bool) -> list[Token]:
    actors: list[Token] = []
    if nominal:
        for c in anchor.children:
            if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                actors.extend(_with_conjuncts(c))
            if c.dep_ == "acl":
                for agent in (a for a in c.children if a.dep_ == "agent"):
                    actors.extend(p for p in agent.children if p.dep_ == "pobj")
    else:
        actors = _subjects(anchor, passive=False)
        for agent in (a for a in anchor.children if a.dep_ == "agent"):
            actors.extend(p for p in agent.children if p.dep_ == "pobj")
    for prep in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("with", "between")):
        for p in prep.children:
            if p.dep_ == "pobj" and p.pos_ in ("PROPN", "NOUN"):
                actors.extend(_with_conjuncts(p))
    return actors


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *(t for t in token.conjuncts if t.pos_ in ("PROPN", "NOUN"))]


def _place(tokens: Sequence[Token], ents: Sequence[SpacySpan]) -> str | None:
    """A place entity the tokens hold, introduced by a locative word (``ents``: the Doc's)."""
    if not tokens:
        return None
    scope = {t.i for t in tokens}
    for ent in ents:
        if ent.label_ not in _PLACE_LABELS or ent.start not in scope:
            continue
        prev = tokens[0].doc[ent.start - 1] if ent.start > 0 else None
        prev2 = tokens[0].doc[ent.start - 2] if ent.start > 1 else None
        if prev is not None and (
            prev.lower_ in _LOCATIVE
            or (prev.lower_ == "of" and prev2 is not None and prev2.lemma_.lower() in _PLACE_NOUNS)
        ):
            return _strip_leading(list(ent))
    return None


def _entity(token: Token, ents: Sequence[SpacySpan]) -> SpacySpan | None:
    for ent in ents:
        if ent.start <= token.i < ent.end and ent.label_ in _PLACE_LABELS:
            return ent
    return None


def _is_purpose(token: Token) -> bool:
    """A noun trigger that is the purpose of another event ("travel to Moscow for talks")."""
    return token.dep_ == "pobj" and token.head.lower_ == "for"


def _chunk_around(token: Token, sent: SpacySpan) -> SpacySpan | None:
    """The first of ``sent.noun_chunks`` that holds the token, read off the sentence alone:
    ``Span.noun_chunks`` builds a Span for every chunk of the whole Doc on each call, then
    keeps the sentence's. A parse tree never crosses a sentence, so the chunker (which reads
    each word's subtree) finds the same chunks in the sentence as in the Doc."""
    chunker = sent.doc.noun_chunks_iterator  # type: ignore[attr-defined]
    if chunker is None:  # a language without a chunker: spaCy's own error
        return next((c for c in sent.noun_chunks if c.start <= token.i < c.end), None)
    i, start, end = token.i, sent.start, sent.end
    for first, last, _ in chunker(sent):
        if start <= first and last <= end and first <= i < last:
            return sent.doc[first:last]
    return None


def _actor_name(
    token: Token, mentions: Sequence[Mention], ents: Sequence[SpacySpan]
) -> tuple[str, str | None]:
    for m in mentions:
        if m.span.start <= token.idx < m.span.end:
            return m.name, m.actor_id
    for ent in ents:
        if ent.start <= token.i < ent.end and ent.label_ in _ACTOR_LABELS:
            return _strip_leading(list(ent)), None
    # a noun chunk never crosses a sentence (it is a subtree): the token's sentence is enough
    chunk = _chunk_around(token, token.sent)
    if chunk is not None:
        words = list(chunk)
        for prep in (c for c in chunk.root.children if c.dep_ == "prep" and c.lower_ == "of"):
            words += list(prep.subtree)  # "the head of the Ukrainian delegation"
        return _strip_leading(words), None
    return token.text, None


def _strip_leading(words: list[Token]) -> str:
    while len(words) > 1 and words[0].lower_ in _LEADING_DETERMINERS:
        words = words[1:]
    return _text(words).strip()


__all__ = ["EventFinder"]
