"""Resolving the source mention of a statement ("he", "the Russian leader", "Kyslytsya") to an actor.

The source span comes from attribution; this module decides who it names. In order:

1. A name or title inside the span, taken at the span's syntactic head, so that in
   "Zelensky's chief of staff Andriy Yermak" the speaker is Yermak and never the possessor.
2. A pronoun: the most salient earlier mention that agrees in gender, number and animacy. Salience
   favours the same sentence, subjects (main-clause subjects most), the previous statement's
   speaker, the last main-clause subject and recency; it penalises objects and quoted mentions,
   and excludes names the pronoun's own clause governs ("He said Witkoff ...").
3. A name in apposition beside the span ("the Kremlin spokesman, Dmitry Peskov").
4. A definite description ("the Kremlin spokesman", "the president"): whom the document gave that
   role, else the one knowledge-base actor with that exact title, else the most salient holder.
5. A definite noun phrase repeating an earlier one ("a senior official ... the official").
6. Anything else is an unknown speaker named by the span itself ("defendants", "a senior official"),
   except a bare pronoun, which names no one: its statement keeps no speaker.

Documents (GUIDE.md, NOTES.md: a document reported with a say-type verb is a source): a statement,
readout or communique speaks for the maker the text names for it (in its own phrase, "a Kremlin
readout", "a statement from the ministry"; as the one who issued it, "Norway issued a statement";
or as the speaker who spoke in it just before, "X said in a statement ... the statement said");
with no maker named it is the document itself, under its label without an article ("statement",
"joint statement"), the way the guide's gold labels such documents. A nearby speaker is never
guessed as its maker beyond the sentence before (``_issued``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from redline.extract.actors import FORMER, DocActors, MentionFinder
from redline.extract.actors import span_head as _head
from redline.extract.english import (
    CLOSING_QUOTES,
    INDEFINITE_QUANTIFIERS,
    MEMBER_PRONOUNS,
    NOMINAL_SUBJECTS,
    OBJECTS,
    OPENING_QUOTES,
    PARTITIVE_PRONOUNS,
    RANK_WORDS,
    RELATIVE_PRONOUNS,
    SUBJECTS_OR_EXPLETIVE,
)
from redline.extract.headlines import bylines, headline_end
from redline.extract.token_ranges import asks_someone, conjuncts, dateline_end
from redline.knowledge.actors import SKIPPED, ActorBase, split_words
from redline.knowledge.cues import CueLexicon
from redline.model import Actor, Mention, Span, Speaker

__all__ = ["PRONOUNS", "SpeakerResolver"]

# pronoun -> (what it can refer to, gender)
PRONOUNS: dict[str, tuple[str, str | None]] = {
    "he": ("person", "m"),
    "him": ("person", "m"),
    "his": ("person", "m"),
    "she": ("person", "f"),
    "her": ("person", "f"),
    "it": ("org", None),
    "its": ("org", None),
    "they": ("plural", None),
    "them": ("plural", None),
    "their": ("plural", None),
    "i": ("self", None),
    "we": ("self", None),
    "me": ("self", None),
    "us": ("self", None),
}
_OWNING_PRONOUNS = frozenset({"his", "her", "their"})  # "its" bodies: SpeakerResolver._owned_body
_WRITER_PRONOUNS = frozenset({"i", "me"})  # the writer's own voice, never "we" (a body's)
_MAKER_ENTITIES = frozenset({"NORP", "GPE", "ORG"})  # "a Chinese statement", "a Kremlin readout"
_PLACE_ENTITIES = frozenset({"NORP", "GPE"})  # "a member of the Ukrainian delegation"
_RESPELT = 0.75  # share of letters in order that makes two surnames one name respelt
_WINDOW = 4  # sentences searched back for a pronoun's antecedent
_PROFILE_LEAD = 3  # times more often than any other of the gender a story's subject is named
_PROFILE_WINDOW = 12  # sentences back in which a story's one person of a gender is still its subject
_REPORT_WINDOW = 2  # sentences back in which "the report" finds the body that put it out
# sentences back in which "the report" finds the outlet named for it: a story built on "a report
# by the Financial Times" keeps it in view a sentence longer (a crosshead may come between)
_OUTLET_WINDOW = 3
# "ended the day with a joint statement saying": prepositions that put out a statement
_ARTICLES = frozenset({"a", "an", "the"})
_ISSUING_PREPOSITIONS = frozenset({"with", "in", "through", "via"})


@dataclass(slots=True)
class _Candidate:
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
class _Index:
    """Per-document facts computed once and shared by every statement of the document."""

    doc: Doc
    text: str
    found: DocActors
    sent_of: list[int]
    in_quote: list[bool]
    candidates: list[_Candidate]
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

    def writer(self, c: _Candidate) -> bool:
        """Whether ``c`` is named in a byline ("By Mirela Ostrander"): the story's writer, whom
        no later "he", "she" or "the reporter" in it stands for."""
        at = self.doc[c.start].idx
        return any(s <= at < e for s, e in self.bylines)

    def covering(self, i: int, kinds: Collection[str] | None = None) -> _Candidate | None:
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


@dataclass(frozen=True, slots=True)
class SalienceWeights:
    """How much each cue of attention counts when a pronoun picks its antecedent.

    One named table, so that ``benchmarks/speaker_eval.py --sweep`` can vary each weight and a
    change of weights is a reviewed change of data, not an edit scattered through the code.
    Distances are in sentences; every figure is added to (or, for penalties, taken from) the
    candidate's score, and the best score wins (the later mention on ties).
    """

    per_sentence: float = 1.5  # lost for every sentence between mention and pronoun
    same_sentence: float = 2.5  # a non-object mention in the pronoun's own sentence
    main_subject: float = 3.0  # subject of a main clause
    subject: float = 2.0  # subject of a subordinate clause
    possessor: float = 0.5  # "Putin's aide ... he"
    object_penalty: float = 1.0  # objects, compounds and modifiers are rarely the antecedent
    object_same_sentence_relief: float = 0.5  # ... less so in the same sentence
    quoted_penalty: float = 2.0  # a name inside someone else's quotation
    last_speaker: float = 2.0  # the previous statement's speaker
    earlier_speaker: float = 1.0  # an earlier statement's speaker
    fronted: float = 2.5  # "Asked about X, he said": the subject of a fronted clause
    relative_owner: float = 2.0  # the noun a relative clause hangs on
    centre: float = 1.5  # the last main-clause subject before the pronoun's sentence


class SpeakerResolver:
    """Resolves source spans to speakers; build once per knowledge base."""

    def __init__(
        self,
        kb: ActorBase,
        weights: SalienceWeights | None = None,
        *,
        cues: CueLexicon | None = None,
    ) -> None:
        self.kb = kb
        self.weights = weights or SalienceWeights()
        # "One reporter asked whether ... 'Not yet,' she replied": the press asks, the official
        # answers; a reporter who asks is never the one a later pronoun's answer is given by
        # (``CueLexicon.press_asks``; without cues no one is taken for the press)
        self._cues = cues
        self.finder = MentionFinder(kb)
        # head words of roles, so that "Russian Leader" in a title-case headline is still a role
        self._role_words = frozenset(key[-1] for key in kb.titles) | frozenset(
            kb.fold(w) for w in kb.person_nouns
        )
        self._title_words = frozenset(w for key in kb.titles for w in key) | self._role_words
        # the names an unnamed source gets when its words name no side ("anonymous official")
        self._unplaced = frozenset(g.unplaced for g in kb.collectives.groups if g.unplaced)
        self._last: tuple[Doc, list[Mention], _Index] | None = None

    def resolve(
        self,
        doc: Doc,
        source: tuple[int, int] | None,
        mentions: list[Mention],
        *,
        content: tuple[int, int] | None = None,
        previous: Sequence[Speaker] = (),
    ) -> Speaker | None:
        """The speaker named by the character span ``source`` of ``doc``.

        ``mentions`` are the document's mentions (``MentionFinder.find``); ``content`` is the
        statement's content span, whose own mentions cannot be its speaker; ``previous`` are the
        speakers of the statements before this one, in text order (salience for pronouns).
        Returns None when there is no source span (or it lies outside the text), and for a
        bare pronoun no one is found for (``unresolved``): its speaker is unknown.
        """
        if source is None:
            return None
        index = self._index(doc, mentions)
        s, e = source
        if not 0 <= s < e <= len(index.text):
            return None
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        cut = dateline_end(doc, span.start, span.end)
        if cut is not None:  # "ERBIL (Agency) – Spokesperson Maria Zakharova": not the place
            span = doc[cut : span.end]
            s = span.start_char
        given = Span(index.text[s:e], s, e)
        span = self._maker_of_document(index, span)
        resolved = (
            self._joint(index, span)
            or self._counted_group(index, span)
            or self._named(index, span)
            or self._relative(index, span)
            or self._pronoun(index, span, content, previous)
            or self._pronoun_owner(index, span, previous)
            or self._apposed(index, span)
            or self._described(index, span)
            or self._spoken_for(index, span)
            or self._one_member(span)
            or self._media(index, span)
            or self._report(index, span)
            or self._owned_document(index, span)
            or self._collective(span, placed=True)
            or self._issued_with(index, span)
            or self._document(index, span, previous)
            or self._issued(index, span, previous)
            or self._source_again(index, span, previous)
            or self._repeated(index, span, previous)
            or self._partitive(index, span, previous)
            or self._placed_quantifier(span)
            or self._definite_person(index, span, content, previous)
            or self._body_again(index, span)
            or self._unplaced_side(index, span)
            or self._collective(span, placed=False)
        )
        if resolved is None and _bare_pronoun(span):
            # "she added" with no one she can be: a pronoun names no actor an analyst can count;
            # the statement is kept with no speaker, as the store keeps an unknown one
            return None
        if resolved is None:
            if not self._speaker_like(index, span):
                # "gestures", "the use", "Moscow's turn": no one speaks; the possessor may
                resolved = self._possessor(index, span)
                if resolved is None:
                    return None
            else:
                resolved = (None, _clean_name(span))
        actor_id, name = resolved
        if actor_id is None:
            name = self._owned_body(index, span, self.kb.short_name(name))
        party, kind = self._side(index, actor_id, name)
        if actor_id is not None:
            name = self.kb.speaker_labels.get(actor_id, name)
        return Speaker(name=name, actor_id=actor_id, mention=given, party=party, kind=kind)

    def unresolved(self, doc: Doc, source: tuple[int, int] | None) -> bool:
        """Whether a source that ``resolve`` named no one for is a bare pronoun ("she said"):
        a statement whose speaker is unknown, unlike a source that names no one ("gestures")."""
        if source is None:
            return False
        span = doc.char_span(source[0], source[1], alignment_mode="expand")
        return span is not None and _bare_pronoun(span)

    def _spoken_for(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "A spokesperson for the Millbrook Library Friends", "a Halden Freight spokesman": an
        unnamed spokesperson of an organisation speaks as the organisation, named in a for- or
        of-phrase or before the noun. A place there gives a side instead ("a Russian spokesman",
        the collective step), and a named spokesperson is the person (an earlier step)."""
        head = index.head(span)
        if head.lemma_.lower() not in self.kb.speaks_for:
            return None
        bodies = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i >= span.start]
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "at"} and prep.i < span.end:
                bodies += [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
                for o in prep.children:  # "a spokesperson for the Swiss foreign ministry"
                    if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.right_edge.i < span.end:
                        placed = self._placed_body(span.doc[o.left_edge.i : o.i + 1])
                        if placed is not None:
                            return None, placed
        for body in bodies:
            found = index.covering(body.i, ("org",))
            if found is not None and found.actor_id is None and body.ent_type_ not in {"GPE", "NORP", "LOC"}:
                return None, found.name
            # "a spokesperson for the European Commission": a body the actor list knows (not a
            # state, whose spokesperson is an official of its side: the collective step)
            actor = self.kb.get(found.actor_id) if found is not None else None
            if actor is not None and actor.type == "organization":
                return actor.id, actor.name
            named = [c for c in index.candidates if c.kind == "org" and c.name.split()[0] == body.text]
            if body.ent_type_ == "" and named and named[0].actor_id is None:
                return None, named[0].name  # "Brisk Mobile ... a Brisk spokesperson"
        return None

    def _body_again(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "Brenlo Air grounded its fleet. The airline said ...": a definite body noun of the
        knowledge base's ``bodies`` ("the airline", "the group", "the union") takes up the last
        organisation named in its sentence or the few before (the reach of a pronoun), never a
        state or an outlet."""
        head = index.head(span)
        words = [t for t in span if not (t.is_punct or t.is_space)]
        if len(words) != 2 or words[0].lower_ not in {"the", "this"} or head.i != words[1].i:
            return None
        if head.tag_ != "NN" or head.lower_ not in self.kb.collectives.bodies:
            return None
        here = index.sent_of[span.start]
        doc = index.doc
        for c in reversed(index.candidates):
            if c.end > span.start:
                continue
            if here - index.sent_of[c.start] > _WINDOW:
                return None
            if c.kind != "org" or index.in_quote[c.start]:
                continue
            if c.name.lower() == head.lower_:
                continue  # "Bank" alone names no body
            last = c.name.split()[-1].lower()
            bodies = self.kb.collectives
            if last in bodies.bodies and last != head.lower_ and head.lower_ not in bodies.any_body:
                continue  # "the airline" after "the Pilots' Association": another kind of body
            actor = self.kb.get(c.actor_id)
            if actor is not None:
                if actor.type not in {"organization", "group"}:
                    continue  # a state, an outlet: "the company" is neither
                return actor.id, actor.name
            if doc[c.head if c.head >= 0 else c.start].ent_type_ in {"GPE", "LOC", "NORP"}:
                continue
            return None, c.name
        return None

    def _one_member(self, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "A member of the Ukrainian delegation", "a union member": one member of a body is a
        person, not the body. One of a side's delegation or government is an unnamed official of
        that side; one of a body that names no side (a union, a board, "the guild's team") is an
        unnamed source, as the guide names people who are no officials."""
        head = _head(span)
        if head.lemma_.lower() != "member" or head.tag_ != "NN":
            return None
        words: list[Token] = [t for t in head.lefts if t.dep_ in {"compound", "nmod"} and t.i >= span.start]
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.right_edge.i < span.end:
                words += [t for t in prep.subtree if t.i != prep.i]
        if not words:
            return None
        placed = [
            t for t in words if t.ent_type_ in _PLACE_ENTITIES or (t.pos_ == "PROPN" and t.text[:1].isupper())
        ]
        if placed:
            found = self.kb.collective([*(t.text for t in placed), "official"])
            if found is not None and found.kind == "person":
                return None, found.name
        found = self.kb.collective(["source"])
        return (None, found.name) if found is not None else None

    def _placed_body(self, phrase: SpacySpan) -> str | None:
        """The name of a body a phrase gives with its state or maker ("the Swiss foreign
        ministry", "the Dunmoor parliament"): a collective of the kind named by its own words
        (no label), with a proper name or nationality among them; else None ("the ministry")."""
        found = self.kb.collective([t.text for t in phrase], phrase.text)
        if found is None or found.kind != "group" or found.actor_id is not None:
            return None
        if not any(t.pos_ == "PROPN" or t.ent_type_ in _MAKER_ENTITIES for t in phrase):
            return None
        return _clean_name(phrase)

    def _maker_of_document(self, index: _Index, span: SpacySpan) -> SpacySpan:
        """ "The Kremlin readout of a call between Putin and Orban said ...", "a White House
        statement after the meeting with Merz": a document speaks for its maker, named before its
        head noun or in a by-phrase ("the communique issued by France and Germany"), never for
        the people a phrase after the head mentions. The phrase is cut to the part that names
        the maker; a source that is no document, or names no maker before its head, is left
        whole."""
        head = index.head(span)
        if head.pos_ != "NOUN":
            return span
        found = self.kb.collective([head.text])
        if found is None or found.kind != "document":
            return span
        doc = span.doc
        issuing = self.kb.issuing_verbs([head.text])
        # the mention may stop at the head noun while its by-phrase runs on ("a joint statement
        # released minutes later by Washington said"): the head's own phrase is read to its end
        for t in doc[head.i + 1 : max(span.end, head.right_edge.i + 1)]:
            # "issued by X" (an agent under a participle of the head) or "the statement by X";
            # not an agent deeper down, in the words the statement reports ("a statement saying
            # it would not be rushed by the clock")
            # "a statement from the ministry": "from" names the maker as "by" does
            if (t.dep_ == "agent" and t.head.head.i == head.i) or (
                t.lower_ in ("by", "from") and t.dep_ == "prep" and t.head.i == head.i
            ):
                objects = [c for c in t.children if c.dep_ == "pobj"]
                if objects:
                    return doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
            # "a statement the group posted on its website": the subject of an issuing verb in a
            # relative clause on the head
            if t.dep_ == "relcl" and t.head.i == head.i and t.lemma_.lower() in issuing:
                subjects = [c for c in t.children if c.dep_ == "nsubj"]
                if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS:
                    return doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1]
        if head.i + 1 >= span.end:
            return span
        before = doc[span.start : head.i]
        if any(t.pos_ == "PROPN" or t.ent_type_ in _MAKER_ENTITIES or t.dep_ == "poss" for t in before):
            return doc[span.start : head.i + 1]
        return span  # "a document on the campaign's website": the maker may be named after it

    def _side(self, index: _Index, actor_id: str | None, name: str) -> tuple[str | None, str | None]:
        """Party and kind of a resolved speaker: the actor's; else the side an unnamed or
        collective source names ("anonymous US official", "European leaders", media); else, for
        a person the knowledge base does not know, the state an office of theirs in this document
        names ("Slovak Prime Minister Jan Novak") but not a nationality alone ("a Russian analyst")."""
        found = index.sides.get((actor_id, name))
        if found is None:
            found = index.sides[actor_id, name] = self._read_side(index, actor_id, name)
        return found

    def _read_side(self, index: _Index, actor_id: str | None, name: str) -> tuple[str | None, str | None]:
        actor = self.kb.get(actor_id)
        if actor is not None:
            return self.kb.party_of(actor), actor.type
        found = self.kb.affiliation(name)
        if found is not None:
            return found.party, found.kind
        # an office named by its state alone ("the Slovak premier said"): the holder speaks for it
        if (party := self.kb.role_party(split_words(name))) is not None:
            return party, "person"
        roles = [d.key for d in index.found.descriptions if d.actor_id is None and d.name == name]
        parties = {p for key in roles if (p := self.kb.role_party_keys(key))}
        if len(parties) == 1:
            return parties.pop(), "person"
        return None, None

    def _owned_body(self, index: _Index, span: SpacySpan, name: str) -> str:
        """ "The UAE welcomed the swap, with its Foreign Ministry saying ...": a body that "its"
        gives to a state or organisation is named for it ("UAE Foreign Ministry")."""
        first = span[0]
        if first.lower_ != "its" or not name.lower().startswith("its "):
            return name
        owner = self._pronoun(index, span.doc[first.i : first.i + 1], None, ())
        if owner is None or owner[0] is None:
            return name
        return f"{self.kb.adjective(owner[0]) or owner[1]} {name[4:]}"

    def _speaker_like(self, index: _Index, span: SpacySpan) -> bool:
        """Whether a source span can name a speaker: anything but a noun the knowledge base
        lists as naming no one ("Moscow's turn", "a vote", "the use of force"; issue 10). The
        list is short on purpose: a poll, a campaign or the police can be sources."""
        head = index.head(span)
        words = [t for t in span if not t.is_punct]
        if len(words) == 1 and words[0].lower_ in RELATIVE_PRONOUNS:
            return False  # "confusion over who wrote the plan": a question, not a relative clause
        return not (head.pos_ == "NOUN" and head.lemma_.lower() in self.kb.non_speakers)

    def _possessor(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "Putin's refusal", "China's intention": the possessor of a non-speaker noun speaks."""
        head = index.head(span)
        owners = [c for c in head.children if c.dep_ == "poss"]
        for prep in head.children:  # "the information from the Financial Times"
            if prep.dep_ == "prep" and prep.lower_ in {"from", "by", "of"}:
                owners += [c for c in prep.children if c.dep_ == "pobj"]
        for child in owners:
            if span.start <= child.i < span.end and (c := index.covering(child.i, _SPEAKING)) is not None:
                return c.actor_id, c.name
        return None

    def _relative(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "..., who said": a relative pronoun speaks for the noun its clause hangs on."""
        words = [t for t in span if not t.is_punct]
        if len(words) != 1 or words[0].lower_ not in RELATIVE_PRONOUNS or not words[0].dep_:
            return None
        clause = words[0]
        while clause.dep_ != "relcl" and clause.head.i != clause.i:
            clause = clause.head
            if clause.i >= span.end + 12:
                return None
        if clause.dep_ != "relcl":
            return None
        antecedent = clause.head
        for c in index.candidates:
            if c.start <= antecedent.i < c.end and c.kind != "norp":
                return c.actor_id, c.name
        return self._phrase_up_to(antecedent, placed=False)

    def _media(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "Reuters reported ... The agency said": a definite media noun takes up the outlet
        named last; "the coalition", "the group" take up the group named last whose name holds
        that noun (or, for "group" and "bloc", any group)."""
        head = index.head(span)
        lemma = head.lemma_.lower()
        if span[0].lower_ not in {"the", "this"} or head.tag_ != "NN":
            return None
        if lemma not in self.kb.media_nouns and lemma not in self.kb.group_nouns:
            return None
        word = self.kb.fold(lemma)
        # "the AFP news agency", "the US outlet Axios": an outlet named in the phrase itself takes
        # up no earlier one
        inside = [c for c in index.candidates if span.start <= c.start and c.end <= span.end]
        for c in inside:
            actor = self.kb.get(c.actor_id)
            if actor is not None and actor.type == "media":
                return actor.id, actor.name
            if actor is None and c.kind == "org":
                return None, c.name  # an outlet the actor list does not know, by its own name
        if any(t.pos_ == "PROPN" for t in span) and not inside:
            return None, _clean_name(span)  # the same, where no mention was found

        def wanted(a: Actor) -> bool:
            if lemma in self.kb.media_nouns:
                return a.type == "media"
            return a.type == "group" and (
                lemma in self.kb.generic_group_nouns or word in self.kb.key(a.name.split())
            )

        before = [c for c in index.candidates if c.end <= span.start]
        after = [c for c in index.candidates if c.start >= span.end]  # a standfirst's "the agency"
        for c in [*reversed(before), *after]:
            actor = self.kb.get(c.actor_id)
            if actor is not None and wanted(actor):
                return actor.id, actor.name
        return self._named_with(index, span, lemma)

    def _named_with(self, index: _Index, span: SpacySpan, lemma: str) -> tuple[str | None, str] | None:
        """ "the Dresnian news agency DNA reported ... the agency said": an outlet the actor list
        does not know takes up the name the same noun was given just before ("news agency DNA",
        "the Harlow Post newspaper")."""
        doc = index.doc
        for t in index.back(span.start, _REPORT_WINDOW):
            if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or index.in_quote[t.i]:
                continue
            end = t.i + 1  # the name after the noun ("news agency DNA"), whatever the parse
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
            if end > t.i + 1:
                return None, doc[t.i + 1 : end].text
            start = t.i  # else the name before it ("the Harlow Post newspaper")
            while start > 0 and doc[start - 1].pos_ == "PROPN":
                start -= 1
            if start < t.i:
                return None, doc[start : t.i].text
        return None

    def _report(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "Reuters reported ... According to that report": a definite report takes up the outlet
        named in the sentences just before; with none there it stays an unnamed media report."""
        head = index.head(span)
        if span[0].lower_ not in {"the", "that", "this"} or head.tag_ != "NN":
            return None
        if head.lemma_.lower() != "report":
            return None
        if any(t.pos_ == "PROPN" for t in span) or any(c.dep_ in ("poss", "prep") for c in head.children):
            return None  # "the Pentagon report", "the report by the inspectors": its own maker
        here = index.sent_of[span.start]
        for c in reversed([c for c in index.candidates if c.end <= span.start]):
            if here - index.sent_of[c.start] > _OUTLET_WINDOW:
                break
            actor = self.kb.get(c.actor_id)
            if actor is not None and actor.type == "media":
                return actor.id, actor.name
        return self._report_maker(index, span)

    def _report_maker(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "The agency said in a report on Monday ... The report says": a report someone just
        said something in, or put out ("the watchdog published a report"), is that body's own,
        not an unnamed media report."""
        for t in index.back(span.start, _REPORT_WINDOW):
            if t.lemma_.lower() != "report" or t.pos_ != "NOUN":
                continue
            if t.dep_ == "pobj" and t.head.lower_ in _ISSUING_PREPOSITIONS:
                verb = t.head.head
            elif t.dep_ == "dobj":
                verb = t.head
            else:
                continue
            for subject in verb.children:
                if subject.dep_ == "nsubj" and (c := index.covering(subject.i, _SPEAKING)) is not None:
                    return c.actor_id, c.name
        return None

    def _owned_document(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "Ushakov's readout made clear ...": a document a named person owns speaks for them."""
        head = index.head(span)
        found = self.kb.collective([t.text for t in span], span.text)
        if found is None or found.kind != "document":
            return None
        for child in head.children:
            poss = child.dep_ == "poss" and span.start <= child.i < span.end
            if poss and (c := index.covering(child.i, (_PERSON,))) is not None:
                return c.actor_id, c.name
        return None

    def _document(
        self, index: _Index, span: SpacySpan, previous: Sequence[Speaker] = ()
    ) -> tuple[str | None, str] | None:
        """ "The declaration said": a definite document noun with no owner takes up the last
        earlier phrase with that noun that names one ("the Paris declaration", "a US readout")."""
        head = index.head(span)
        if span[0].lower_ not in {"the", "this"} or head.pos_ != "NOUN":
            return None
        found = self.kb.collective([t.text for t in span], span.text)
        if found is None or found.kind != "document" or found.party is not None:
            return None
        doc = index.doc
        for t in reversed(doc[: span.start]):
            if t.lemma_.lower() != head.lemma_.lower() or t.pos_ not in {"NOUN", "PROPN"}:
                continue
            phrase = doc[t.left_edge.i : t.i + 1]
            earlier = self.kb.collective([w.text for w in phrase], phrase.text)
            if earlier is not None and earlier.party is not None:
                return None, _clean_name(phrase)
            # "Bessent said in a statement ... according to the statement": the statement's maker
            verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "in" else None
            for subject in verb.children if verb is not None else ():
                if subject.dep_ in SUBJECTS_OR_EXPLETIVE:
                    if (c := index.covering(subject.i, _SPEAKING)) is not None:
                        return c.actor_id, c.name
                    whole = doc[subject.left_edge.i : subject.right_edge.i + 1]
                    named = any(
                        whole.start <= c.start < whole.end and c.kind == "person" for c in index.candidates
                    )
                    if subject.pos_ == "PRON":
                        # "In a statement, it said ...": the pronoun was read as someone there
                        for p in previous:
                            if p.mention.start <= subject.idx < p.mention.end and p.kind != "document":
                                return p.actor_id, p.name
                    if subject.pos_ in ("NOUN", "PROPN") and not named:
                        for p in previous:  # the makers spoke there: the speaker they were read as
                            if p.mention.start <= subject.idx < p.mention.end:
                                return p.actor_id, p.name
                        # "Saudi and American mediators said in a joint statement ... The
                        # statement said": makers among whom no person of the knowledge base is
                        # named as written
                        return self._phrase_up_to(subject, placed=False)
        return None

    def _issued_with(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "The negotiators ended the day with a joint statement saying ...": a statement the
        clause's subject put out by a preposition ("with", "in", "through") is that subject's
        words, as when it issued the statement outright ("The trust issued a statement urging
        ...": the statement whose words follow is the object of the issuing verb)."""
        head = index.head(span)
        verbs = self.kb.issuing_verbs([t.text for t in span])
        if not verbs:
            return None
        prep = head.head
        if head.dep_ == "dobj" and prep.lemma_.lower() in verbs and prep.i < span.start:
            if any(t.lower_ == "joint" for t in span):
                return None  # "Kyiv and Washington issued a joint statement": the two as one source
            verb = prep
        elif head.dep_ != "pobj" or prep.lower_ not in _ISSUING_PREPOSITIONS or prep.i >= span.start:
            return None
        else:
            verb = prep.head
            for _ in range(4):  # the parser may hang the preposition on the object ("the day of talks")
                if verb.pos_ in {"VERB", "AUX"} or verb.dep_ not in {"pobj", "prep", "dobj"}:
                    break
                verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        # a body or a group that can speak ("the negotiators"), never "the talks ended with"
        return self._issuer(index, verb, (*_SPEAKING, "group"))

    def _issuer(
        self, index: _Index, verb: Token, kinds: Collection[str] | None = None
    ) -> tuple[str | None, str] | None:
        """Who a verb that put out a statement names as its subject: the mention there (of one
        of ``kinds`` when given), else the subject's collective label; None without a subject."""
        for subject in verb.children:
            if subject.dep_ == "nsubj":
                if (c := index.covering(subject.i, kinds)) is not None:
                    return c.actor_id, c.name
                return self._collective(index.doc[subject.left_edge.i : subject.i + 1], placed=False)
        return None

    def _issued(
        self, index: _Index, span: SpacySpan, previous: Sequence[Speaker]
    ) -> tuple[str | None, str] | None:
        """ "The statement said": a statement, readout or communique with no maker named is the
        words of whoever issued it: the subject of an issuing verb that had it as object shortly
        before ("The ministry issued a statement on Friday"), else, when the text has not spoken
        of such a document just before, the speaker of the statement just before it, in the same
        sentence or the one before ("The ministry said ... The statement said ..."). A label such
        as "statement" names no one an analyst can count."""
        head = index.head(span)
        if span[0].lower_ not in {"the", "this"} or head.pos_ != "NOUN" or head.i - span.start > 2:
            return None
        verbs = self.kb.issuing_verbs([t.text for t in span])
        if not verbs:
            return None
        doc = index.doc
        lemma = head.lemma_.lower()
        here = index.sent_of[span.start]
        for t in index.back(span.start, 1):
            if t.lemma_.lower() != lemma or t.pos_ != "NOUN":
                continue
            if t.dep_ != "dobj" or t.head.lemma_.lower() not in verbs:
                return None  # "Kyiv rejected the statement": someone's, but not said whose
            return self._issuer(index, t.head)
        before = [p for p in previous if p.mention.end <= span.start_char and p.kind != "document"]
        if not before:
            return None
        last = max(before, key=lambda p: p.mention.start)
        there = doc.char_span(last.mention.start, last.mention.end, alignment_mode="expand")
        if there is None or here - index.sent_of[there.start] > 1:
            return None
        return last.actor_id, last.name

    def _phrase_up_to(self, noun: Token, placed: bool) -> tuple[str | None, str]:
        """The source an earlier phrase names, cut after its head ``noun`` ("Saudi and American
        mediators", not the clause after them): its collective label, else the words as written."""
        phrase = noun.doc[noun.left_edge.i : noun.i + 1]
        found = self._collective(phrase, placed=placed)
        if found is not None:
            return found
        while len(phrase) > 1 and phrase[0].lower_ in _ARTICLES:  # "A joint statement ... the
            phrase = phrase[1:]  # statement added": "joint statement", as the first was named
        return None, _clean_name(phrase)

    def _collective(self, span: SpacySpan, placed: bool) -> tuple[str | None, str] | None:
        """An unnamed or collective source ("two senior US officials", "sources in Kyiv", "local
        media") named by its canonical label. With ``placed``, only when the phrase names a side
        or is media, so that a definite "the official" can still take up an earlier speaker."""
        if placed and span[0].lower_ in {"the", "this", "that"} and _head(span).tag_ == "NN":
            return None  # "the Dutch leader" takes up someone named before: steps 5 and 6 first
        found = self.kb.collective([t.text for t in span], span.text)
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if found is None and after is not None and _modifies(after, _head(span)):
            # "three people briefed on the talks", "two people who attended": the mention stops
            # before the participle or relative clause that makes "people" a source
            found = self.kb.collective([t.text for t in span] + [after.text], span.text)
        if found is None or (placed and found.party is None and found.kind != "media"):
            return None
        if found.kind == "media" and (outlet := self._outlet_named(span)) is not None:
            return None, outlet
        if found.kind == "media":  # "state news agency TASS": the outlet is named after all
            names = [t for t in span if t.pos_ == "PROPN" and t.i > span.start and not t.is_lower]
            last = max((t for t in span if not (t.is_punct or t.is_space)), key=lambda t: t.i)
            if names and names[-1] == last:
                first = names[-1]
                while first.i - 1 > span.start and span.doc[first.i - 1] in names:
                    first = span.doc[first.i - 1]
                return None, span.doc[first.i : names[-1].i + 1].text
        return None, found.name

    def _outlet_named(self, span: SpacySpan) -> str | None:
        """The outlet a media phrase names in a phrase of its own ("an earlier report from Axios
        that said") or right after it, where the source span stopped short ("American media
        outlet | Axios reported"): its name, else None."""
        index = self._last[2] if self._last is not None and self._last[0] is span.doc else None
        if index is None:
            return None
        head = _head(span)
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"from", "by", "in", "of"} and prep.i < span.end:
                for c in index.candidates:
                    if c.kind == "org" and span.start <= c.start and c.end <= span.end and c.start > prep.i:
                        actor = self.kb.get(c.actor_id)
                        if prep.lower_ != "of" or (actor is not None and actor.type == "media"):
                            return c.name  # "the organ of the Central Committee" is not the committee
        for c in index.candidates:
            actor = self.kb.get(c.actor_id)
            if c.start == span.end and actor is not None and actor.type == "media":
                return c.name
        return None

    def resolve_many(
        self,
        doc: Doc,
        statements: Sequence[tuple[tuple[int, int] | None, tuple[int, int] | None]],
        mentions: list[Mention],
        text: str | None = None,
    ) -> list[Speaker | None]:
        """Speakers for (source, content) pairs, resolved in text order so that each statement
        sees the speakers before it; the result is in the order given. ``text`` is ``doc.text``
        when the caller has it already (spaCy rebuilds it from every token on each access)."""
        if text is not None and any(source is not None for source, _ in statements):
            self._index(doc, mentions, text)  # read once here, for every statement with a source
        order = sorted(range(len(statements)), key=lambda i: _position(statements[i]))
        out: list[Speaker | None] = [None] * len(statements)
        previous: list[Speaker] = []
        for i in order:
            source, content = statements[i]
            found = self.resolve(doc, source, mentions, content=content, previous=previous)
            if found is None and content is not None:
                # no source, or one that names no one ("Details:", "the use"): the statement
                # goes on from the last speaker, if that one was named close before
                found = self._continued(doc, content, previous, _WINDOW if source is None else 0)
            if found is not None:
                previous.append(found)
            out[i] = found
        if any(out):
            zone = headline_end(self._index(doc, mentions).text)  # the text the index read once
            self._headline_people(out, zone)
            self._headline_roles(doc, out, zone)
            self._headline_claims(doc, statements, out, zone)
        for i in order:  # a bare quote before anyone is named (a headline): the speaker named next
            source, content = statements[i]
            if out[i] is None and source is None and content is not None:
                later = [p for p in previous if p.mention.start >= content[1]]
                if later:
                    first = min(later, key=lambda p: p.mention.start)
                    if self._sentences_between(doc, content[0], first.mention.start) <= 1:
                        out[i] = first
        return out

    def _headline_people(self, speakers: list[Speaker | None], zone: int) -> None:
        """ "Russia says no compromise" over a story quoting one Russian official: the headline
        gives the state's or the institution's name to what that person said, so its speaker is
        the person (the annotation guide's rule), when the body quotes one person of that side,
        or one more often than any other; the same for an unnamed headline person ("Ukrainian
        official denies ...", "Slovak Premier applauds ..."). Unnamed sources in the body
        ("anonymous Russian official") are no one to name. Headlines are the opening lines
        without a final full stop."""
        if zone == 0:
            return
        body: dict[str, Counter[str]] = {}
        for sp in speakers:
            if sp is None or sp.mention.start < zone or sp.kind != "person" or not sp.party:
                continue
            if sp.actor_id is not None or not self.kb.affiliation(sp.name):  # not "anonymous ..."
                body.setdefault(sp.party, Counter())[sp.actor_id or sp.name] += 1
        for n, sp in enumerate(speakers):
            if sp is None or sp.mention.start >= zone:
                continue
            unnamed = sp.kind == "person" and sp.actor_id is None  # "Ukrainian official", "Slovak Premier"
            if sp.kind not in {"state", "organization"} and not unnamed:
                continue
            who = _main_voice(body.get(sp.party or "", Counter()))
            if who is None:
                continue
            person = next(p for p in speakers if p is not None and (p.actor_id or p.name) == who)
            speakers[n] = replace(person, mention=sp.mention)

    def _headline_roles(self, doc: Doc, speakers: list[Speaker | None], zone: int) -> None:
        """ "Trade Minister Says Draft Needs Work" over "Trade Minister Aino Lehtola said ...": a
        headline names by role alone the person the story's opening names in full, so the
        headline's speaker is the first person among the body's opening speakers whose mention,
        or the words just before it, hold the headline's role noun. A role no opening speaker
        holds stays as it is."""
        if zone == 0:
            return
        opening = sorted(
            (sp for sp in speakers if sp is not None and sp.mention.start >= zone),
            key=lambda sp: sp.mention.start,
        )[:_OPENING_SPEAKERS]
        for n, sp in enumerate(speakers):
            if sp is None or sp.mention.start >= zone or sp.actor_id is not None:
                continue
            span = doc.char_span(sp.mention.start, sp.mention.end, alignment_mode="expand")
            if span is None or len(span) == 0 or not self.kb.is_person_noun(span[-1].lemma_):
                continue
            role = span[-1].lower_
            for p in opening:
                there = doc.char_span(p.mention.start, p.mention.end, alignment_mode="expand")
                if there is None or p.name == p.mention.text or len(p.name.split()) < 2:
                    continue  # a role again ("the mayor"), not a person the story names
                before = doc[max(there.sent.start, there.start - _ROLE_WORDS) : there.end]
                if any(t.lower_ == role for t in before):
                    speakers[n] = replace(p, mention=sp.mention)
                    break

    def _headline_claims(
        self,
        doc: Doc,
        statements: Sequence[tuple[tuple[int, int] | None, tuple[int, int] | None]],
        speakers: list[Speaker | None],
        zone: int,
    ) -> None:
        """ "Former army chief says front line will not hold" over "Viktor Halan, who led the army
        until 2024, said the front line would not hold": a headline gives by role alone the person
        whose claim the lead reports, in other words than the role ``_headline_roles`` finds. A
        headline speaker named by no name of its own takes the lead's named person when the two
        contents share most of the headline's words; a side named for both must be one."""
        if zone == 0:
            return
        body = [
            (sp.mention.start, n, sp)
            for n, sp in enumerate(speakers)
            if sp is not None and sp.mention.start >= zone
        ]
        if not body:
            return
        _, first, person = min(body, key=lambda x: x[0])
        lead_content = statements[first][1]
        if lead_content is None:
            return
        names = person.name.split()
        if (
            person.kind not in (_PERSON, None)
            or len(names) < 2
            or not all(w[:1].isupper() for w in names)
            or self.kb.is_person_noun(names[-1])
        ):
            return  # the lead names no one in full ("a senior official said", "Deputy Mayor")
        there = doc.char_span(person.mention.start, person.mention.end, alignment_mode="expand")
        if there is None or len(there) == 0:
            return
        head = _head(there)
        near = [*doc[max(there.sent.start, there.start - _ROLE_WORDS) : there.end], *head.children]
        # roles the lead gives its person ("Farmers' leader Aino Lehtola", "X, a Kremlin aide")
        own = {t.lower_ for t in near if t.pos_ == "NOUN" and self.kb.is_person_noun(t.lemma_)}
        lead_words = _claim_words(doc, lead_content)
        for n, sp in enumerate(speakers):
            content = statements[n][1]
            if sp is None or content is None or sp.mention.start >= zone or sp.kind not in (_PERSON, None):
                continue
            role = sp.mention.text.split()
            if not role or not self.kb.is_person_noun(role[-1].removesuffix("'s").removesuffix("’s")):
                continue  # a role ("Kremlin aide", "Former army chief"), not a name ("Halan says")
            if own and role[-1].lower() not in own:
                continue  # the lead gives its person another role: someone else than the headline's
            if (sp.actor_id or sp.name) == (person.actor_id or person.name):
                continue
            if sp.party and person.party and sp.party != person.party:
                continue
            words = _claim_words(doc, content)
            shared = words & lead_words
            if len(shared) >= 2 and 2 * len(shared) >= len(words):
                speakers[n] = replace(person, mention=sp.mention)

    def _sentences_between(self, doc: Doc, a: int, b: int) -> int:
        """How many sentence breaks lie between character offsets a <= b (0 without a parse)."""
        if not doc.has_annotation("SENT_START"):
            return 0
        x = doc.char_span(a, a + 1, alignment_mode="expand")
        y = doc.char_span(b, b + 1, alignment_mode="expand")
        if x is None or y is None or len(x) == 0 or len(y) == 0:
            return 0
        return sum(1 for t in doc[x[0].i + 1 : y[0].i + 1] if t.is_sent_start)

    def _continued(
        self, doc: Doc, content: tuple[int, int], previous: Sequence[Speaker], window: int
    ) -> Speaker | None:
        """A statement with no source of its own (a bare quote going on from the last one) is the
        last speaker's, when that speaker was named close before it; its mention is that speaker's."""
        before = [p for p in previous if p.mention.end <= content[0]]
        if not before:
            return None
        last = before[-1]
        here = doc.char_span(content[0], content[1], alignment_mode="expand")
        there = doc.char_span(last.mention.start, last.mention.end, alignment_mode="expand")
        if here is None or there is None or len(here) == 0 or len(there) == 0:
            return None
        if self._sentences_between(doc, there.start_char, here.start_char) > window:
            return None
        return last

    # -- document index ---------------------------------------------------------------------
    def _index(self, doc: Doc, mentions: list[Mention], text: str | None = None) -> _Index:
        if self._last and self._last[0] is doc and self._last[1] is mentions:
            return self._last[2]
        analysis = self.finder.analyse(doc)
        found = DocActors(mentions, analysis.descriptions, analysis.labels)
        # the sentence numbers and the quote mask from the token arrays: spaCy builds a Token
        # object on every visit, and a walk over the Doc met every word for a few quote marks
        sent_of = _sentence_numbers(doc)
        in_quote = _quote_mask(doc)
        index = _Index(doc, doc.text if text is None else text, found, sent_of, in_quote, [])
        index.bylines = bylines(index.text)
        index.candidates = _one_kind_per_person(
            [c for m in mentions if (c := self._candidate(index, m)) is not None]
        )
        self._last = (doc, mentions, index)  # references, so that ids cannot be reused while cached
        return index

    def _candidate(self, index: _Index, m: Mention) -> _Candidate | None:
        span = index.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None:
            return None
        actor = self.kb.get(m.actor_id)
        head = index.head(span)
        plural = head.tag_ in {"NNS", "NNPS"}
        if actor is not None:
            kind = "person" if actor.type == "person" else "org"
            plural = plural or actor.type == "group"
        else:
            label = index.found.labels.get(m.span.start) or self.finder.label(span)
            kind = {"PERSON": "person", "ORG": "org", "GPE": "org", "NORP": "norp"}.get(label, "unknown")
            if kind == "org" and self._titled_name(span):
                kind = "person"  # "Opposition deputy Nadiia Sokyrko" tagged ORG is still a person
            # a person's name is one person whatever the tagger makes of a surname ending in -s
            # ("Olena Kravets", "Ann Williams" tagged NNPS), so that "she" can still stand for her
            plural = plural and kind != "person"
        gender = actor.gender if actor else None
        if kind == "person" and gender is None:
            gender = self._gender_from_text(index.doc, span, m.name)
        return _Candidate(span.start, span.end, m.actor_id, m.name, kind, gender, plural, head.i)

    def _gender_from_text(self, doc: Doc, span: SpacySpan, name: str) -> str | None:
        """Gender from a given name ("Olena Marchenko", or "Melanie" alone) or an honorific ("Ms")."""
        if span.start > 0 and (gender := self.kb.word_gender(doc[span.start - 1].text)):
            return gender  # "Mrs. Clinton", whatever the fullest form of the name says
        words = name.split()
        for word in words[:-1] if len(words) > 1 else words:
            # a given name, or a gendered title the entity took in ("Councilwoman Tessa Brightwater")
            gender = self.kb.given_name_gender(word) or (
                self.kb.word_gender(word) if word[:1].isupper() else None
            )
            if gender:
                return gender
        return None

    # -- 1. names and titles inside the span -------------------------------------------------
    def _named(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        head = index.head(span)
        # a capitals span is a dateline ("KYIV (Agency) - ...") unless a colon follows it: then it
        # is a transcript's label ("MINISTER: No. Ms Hallberg knows ..."), whose words are its own
        dateline = all(t.is_punct or t.is_space or not t.is_alpha or t.is_upper for t in span) and not (
            span.end < len(span.doc) and span.doc[span.end].text == ":"
        )
        if not (dateline and span[0].text == "("):  # "(AGENCY) - Putin said": the outlet's own byline
            for c in index.candidates:
                if c.start <= head.i < c.end and c.kind != "norp" and not self._role_only(index.doc, c):
                    holder = self._named_beside_title(index, span, c) or c
                    return holder.actor_id, holder.name
        for c in index.candidates:
            # a title the parser made the head: "European commissioner for Enlargement Marta Kos"
            if (
                c.end == span.end
                and c.start > span.start
                and c.kind == "person"
                and c.actor_id is not None
                and (span.doc[c.start - 1].text[:1].isupper() or span.doc[c.start - 1].is_punct)
            ):
                return c.actor_id, c.name  # or after a comma or dash: "... Council, Rustem Umerov"
        if dateline or (span[0].tag_ in {"VBG", "VBN"} and head.pos_ in {"VERB", "AUX"}):
            # a participle clause or a dateline taken for the source ("Speaking to reporters,
            # Putin said"; "KYIV (Agency) - Putin said"): the speaker is the name that follows,
            # before any other verb
            doc = span.doc
            for c in index.candidates:
                if c.start >= span.end and c.kind in {"person", "org"} and c.start - span.end <= 8:
                    if not any(t.pos_ in {"VERB", "AUX"} for t in doc[span.end : c.start]):
                        return c.actor_id, c.name
                    break
        if (head.pos_ == "PROPN" and head.text[:1].isupper()) or (head.is_upper and len(head) > 1):
            # a surname the model did not tag this time: the person of that surname named last
            # (in capitals, a transcript's label, whatever the tagger makes of it: "RENNICK:")
            key = self.kb.fold(head.text.title() if head.is_upper else head.text)  # not an acronym
            named = [
                c
                for c in index.candidates
                if c.kind == "person"
                and c.start < span.start
                and self.kb.fold(c.name.rsplit(" ", 1)[-1]) == key
            ]
            if named:
                return named[-1].actor_id, named[-1].name
        return None

    def _joint(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """States and institutions joined by "and" speak jointly ("Russia, Ukraine and the United
        States"): one label of their names, whose party is theirs only if they share one. Named
        people joined by "and" are left to step 1 (each is a speaker of their own)."""
        head = index.head(span)
        if not head.dep_:
            return None
        members = [head, *conjuncts(head, span.start, span.end)]
        if len(members) < 2:
            return None
        names: list[str] = []
        for t in sorted(members, key=lambda t: t.i):
            found = index.covering(t.i)
            if found is None or found.kind != "org" or found.actor_id is None:
                return None
            if found.name not in names:
                names.append(found.name)
        if len(names) < 2:
            return None
        return None, ", ".join(names[:-1]) + " and " + names[-1]

    def _named_beside_title(self, index: _Index, span: SpacySpan, title: _Candidate) -> _Candidate | None:
        """The person a role names beside it, when the role alone would name someone else:
        in "Ukraine's chief negotiator, Bohdan Serhiienko," the role is the actor list's holder
        of that office but the name says who holds it now (offices change hands; a list made
        one month is stale the next). Only a full name the actor list gives to no one, in the
        same source phrase after the role, whose surname is not the holder's respelt ("the
        Kremlin spokesman, Dmitri Peskoff" stays the spokesman)."""
        holder = self.kb.get(title.actor_id)
        if holder is None or holder.type != "person":
            return None
        known: set[str] | None = None  # the holder's name words, read only once a name is beside
        for c in index.candidates:
            if not (title.end <= c.start and c.end <= span.end) or c.kind != "person" or c.actor_id:
                continue
            words = [t for t in index.doc[c.start : c.end] if t.pos_ == "PROPN"]
            if len(words) < 2:
                continue
            if known is None:
                known = {self.kb.fold(w) for n in (holder.name, *holder.aliases) for w in n.split()}
            surname = self.kb.fold(words[-1].text)
            if not any(_similar(surname, k) for k in known):
                return c
        return None

    def _role_only(self, doc: Doc, c: _Candidate) -> bool:
        """An entity that is only a role ("Special Envoy"): the person it describes speaks."""
        return c.actor_id is None and all(
            self.kb.fold(t.text) in self._title_words for t in doc[c.start : c.end]
        )

    def _place(self, token: Token) -> str | None:
        """The place actor a nationality word names ("Dutch" -> netherlands), None if none."""
        key = self.kb.key([token.text], places=True)
        return key[0][1:] if len(key) == 1 and key[0].startswith("@") else None

    def _fits(self, place_id: str | None, actor_id: str | None) -> bool:
        """Whether a person belongs to a place: its country, or its side ("European" takes in
        the EU's people too)."""
        place, actor = self.kb.get(place_id), self.kb.get(actor_id)
        if place is None or actor is None:
            return False
        if place.country and place.country == actor.country:
            return True
        sides = {self.kb.party_of(place), self.kb.party_of(actor)}
        return (place.type == "group" and len(sides) == 1 and None not in sides) or sides == {"europe", "eu"}

    # -- 2. pronouns ------------------------------------------------------------------------
    def _pronoun(
        self, index: _Index, span: SpacySpan, content: tuple[int, int] | None, previous: Sequence[Speaker]
    ) -> tuple[str | None, str] | None:
        words = [t for t in span if t.lower_ not in SKIPPED]
        if len(words) != 1 or words[0].lower_ not in PRONOUNS:
            return None
        pron = words[0]
        want = PRONOUNS[pron.lower_][0]
        doc = index.doc
        here = index.sent_of[pron.i]
        recent = [p for p in previous if p.mention.end <= span.start_char][-3:]
        if pron.lower_ in _WRITER_PRONOUNS and not index.in_quote[pron.i]:
            writer = self._byline_writer(index)
            if writer is not None:  # an op-ed's "I argued": its author, named in the byline
                return writer
        if want == "org":
            issuer = self._issuer_of_it(index, pron)
            if issuer is not None:
                return issuer
        candidates = self._pronoun_candidates(index, pron, want, recent)
        bound = _bound_names(index, pron) | _other_gender(pron, previous)
        scored = self._score_pronoun_candidates(index, pron, candidates, bound, content, recent)
        # the last main-clause subject before this sentence is the centre of attention
        centre = [c for _, c in scored if index.sent_of[c.start] < here and _main_subject(c.head_token(doc))]
        focus = max(centre, key=lambda c: c.start, default=None)
        # best first; on ties the one found later
        ranked = sorted(
            (
                (score + (self.weights.centre if c is focus else 0.0), n)
                for n, (score, c) in enumerate(scored)
            ),
            reverse=True,
        )
        gender = PRONOUNS[pron.lower_][1]
        if not ranked:
            if want == "self" and recent:
                return recent[-1].actor_id, recent[-1].name
            earlier = self._earlier_speaker(index, pron, previous)
            if earlier is None and gender is not None:
                # "She has told colleagues ..." paragraphs after a profile last named her
                subject = self._protagonist(index, pron, gender, bound)
                return None if subject is None else self._who_is(index, subject, previous)
            return earlier
        best = scored[ranked[0][1]][1]
        if (
            gender is not None
            and best.kind in {"nominal", "unknown"}
            and best.gender is None
            and "\n" in index.text[doc[best.end - 1].idx : pron.idx]
        ):
            # a profile's "she" in a new paragraph, after an unnamed official quoted in between:
            # the one woman the story has been about, not someone whose gender it never gave
            subject = self._protagonist(index, pron, gender, bound)
            if subject is not None:
                return self._who_is(index, subject, previous)
        for _, n in ranked:
            who = self._who_is(index, scored[n][1], previous)
            # "Russia's envoy, Yegor Lavrentyev, ... He repeated ... sent Olena Kravets. Who, she
            # asked": a role stands for the person named beside it, whom the clause or an earlier
            # pronoun of the other gender may have ruled out; the next best is then meant
            if (who[0], who[1] if who[0] is None else "") not in bound:
                return who
        return self._who_is(index, scored[ranked[0][1]][1], previous)

    def _protagonist(
        self, index: _Index, pron: Token, gender: str, bound: set[tuple[str | None, str]]
    ) -> _Candidate | None:
        """The person of the pronoun's gender the document has named before it (outside quotes
        and bylines) alone, or ``_PROFILE_LEAD`` times as often as any other, last named within
        ``_PROFILE_WINDOW`` sentences: the subject a feature keeps in view over paragraphs of
        other people's words."""
        people = [
            c
            for c in index.candidates
            if c.kind == _PERSON
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

    def _byline_writer(self, index: _Index) -> tuple[str | None, str] | None:
        """The person a byline names ("By Ana Ruiz"): an "I" in the writer's own text (outside
        quotes) is theirs, as in an op-ed or a first-person dispatch; None without a byline."""
        for c in index.candidates:
            if not index.writer(c) or c.kind == "norp":
                continue
            actor = self.kb.get(c.actor_id)
            if actor is not None and actor.type != "person":
                continue  # "By Reuters staff": an outlet writes no "I"
            # the tagger may take a byline's unfamiliar name for an organisation
            if c.kind == "person" or (actor is None and len(c.name.split()) >= 2):
                return c.actor_id, c.name
        return None

    def _who_is(
        self, index: _Index, chosen: _Candidate, previous: Sequence[Speaker]
    ) -> tuple[str | None, str]:
        """The actor a pronoun's chosen antecedent names: a role or a description is the person
        it describes."""
        doc = index.doc
        if self._role_only(doc, chosen):  # "US Special Envoy, Steve Witkoff, said ... He": the name
            return self._apposed(index, doc[chosen.start : chosen.end]) or (chosen.actor_id, chosen.name)
        if chosen.kind == "nominal":  # "the president appeared cowed ... he": who the president is
            nominal = doc[chosen.start : chosen.end]
            return (
                # "The farm minister, Jana Holt, toured the port. She said": the name beside the role
                self._apposed(index, nominal)
                or self._described(index, nominal)
                or self._definite_person(index, nominal, None, previous)
                # "The economist points out ... The economist is not convinced ... she says": the
                # earlier speaker the same description named, out of the window by now
                or self._repeated(index, nominal, previous)
                or (None, chosen.name)
            )
        return chosen.actor_id, chosen.name

    def _issuer_of_it(self, index: _Index, pron: Token) -> tuple[str | None, str] | None:
        """ "The mediator, Judge Caradec, issued a short statement. “...,” it reads.": "it" as a
        source is the statement issued in this sentence or the one before, and a statement's
        words are its issuer's (the rule ``_issued`` applies to "the statement said")."""
        doc = index.doc
        for t in index.back(pron.i, 1):
            if t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN") and not index.in_quote[t.i]:
                return None  # "... issued a statement. The union met. “...,” it said": the union
            if t.pos_ != "NOUN" or t.dep_ != "dobj":
                continue
            verbs = self.kb.issuing_verbs([t.text])
            if not verbs or t.head.lemma_.lower() not in verbs:
                continue
            subjects = [c for c in t.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
            if not subjects:
                return None
            phrase = doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1]
            return self._named(index, phrase) or self._apposed(index, phrase) or (None, _clean_name(phrase))
        return None

    def _pronoun_owner(
        self, index: _Index, span: SpacySpan, previous: Sequence[Speaker]
    ) -> tuple[str | None, str] | None:
        """ "Putin met the envoy. His spokesman said ...", "a member of her team said": a role a
        possessive pronoun gives to an actor is read as if the text had named the actor ("Putin's
        spokesman"): the one holder of that title, else the role named for its owner, which
        gives it the owner's side ("member of Putin's team"). Without this the pronoun left the
        role to no one ("His chief", "anonymous official" without a side)."""
        head = index.head(span)
        if head.pos_ != "NOUN" or any(t.pos_ == "PROPN" for t in span):
            return None  # "his counterpart Donald Trump" is named: the name decides
        if not self.kb.is_person_noun(head.lemma_.lower()):
            return None  # "His comments suggested": words, not a speaker (the possessor may be one)
        end = head.i + 1
        for child in head.rights:  # "chief of staff", "member of his team": the role's of-phrase
            if child.i != end or child.dep_ != "prep" or child.lower_ != "of":
                break
            if child.right_edge.i >= span.end:
                break
            end = child.right_edge.i + 1
        doc = span.doc
        owned = [t for t in doc[span.start : end] if t.dep_ == "poss" and t.lower_ in _OWNING_PRONOUNS]
        if not owned or owned[0].i + 1 >= end:
            return None
        pron = owned[0]
        # the phrase's own words cannot own it ("a member of his team" is not the member's)
        owner = self._pronoun(index, doc[pron.i : pron.i + 1], (span.start_char, span.end_char), previous)
        actor = self.kb.get(owner[0]) if owner is not None else None
        if actor is None:
            return None
        role = doc[pron.i + 1 : end].text
        names = sorted({actor.name, *actor.aliases}, key=len)
        if pron.i == span.start:
            for name in names:
                holder = self.kb.by_title(f"{name}'s {role}")
                if holder is not None:
                    return holder.id, holder.name
        start = span.start + 1 if doc[span.start].lower_ in {"a", "an", "the"} else span.start
        return None, " ".join(x for x in (doc[start : pron.i].text, f"{names[0]}'s {role}") if x)

    def _earlier_speaker(
        self, index: _Index, pron: Token, previous: Sequence[Speaker]
    ) -> tuple[str | None, str] | None:
        """A pronoun with no mention in reach ("As for Russia, he maintains ..." after a long
        quotation): the latest earlier speaker it agrees with, within twice the window, since a
        story keeps its speaker in focus while it quotes them."""
        want, gender = PRONOUNS[pron.lower_]
        here = index.sent_of[pron.i]
        for p in reversed(previous):
            if p.mention.end > pron.idx or p.mention.start == pron.idx:
                continue
            c = self._speaker_candidate(index, p)
            if c is None or here - index.sent_of[c.start] > 2 * _WINDOW:
                continue
            if c.kind in {"person", "org"} and _agrees(c, want, gender) is not None:
                return p.actor_id, p.name
        return None

    def _pronoun_candidates(
        self, index: _Index, pron: Token, want: str, recent: Sequence[Speaker]
    ) -> list[_Candidate]:
        """Who a pronoun may stand for: the mentions, plus recent speakers and nominal subjects the
        mention list does not hold (a separate step so ``_pronoun`` reads as find, score, choose)."""
        doc = index.doc
        candidates = list(index.candidates)
        for p in recent:  # earlier speakers the mention list does not hold ("a senior official", "he")
            c = self._speaker_candidate(index, p)
            if c is None:
                continue
            head = c.head_token(doc).i  # once, not once per mention compared
            if not any(o.start <= head < o.end for o in candidates):
                candidates.append(c)
        if want in {"plural", "org", "person"}:
            candidates += self._nominal_subjects(index, pron.i, want)
        return candidates

    def _score_pronoun_candidates(
        self,
        index: _Index,
        pron: Token,
        candidates: Sequence[_Candidate],
        bound: set[tuple[str | None, str]],
        content: tuple[int, int] | None,
        recent: Sequence[Speaker],
    ) -> list[tuple[float, _Candidate]]:
        """The candidates a pronoun can agree with, each with its score: only earlier ones within
        the window, not bound by the pronoun's clause and not inside the statement's own content."""
        doc = index.doc
        want, gender = PRONOUNS[pron.lower_]
        here = index.sent_of[pron.i]
        owners = _relative_owners(pron)
        scored: list[tuple[float, _Candidate]] = []
        for c in candidates:
            if c.end > pron.i or here - index.sent_of[c.start] > _WINDOW:
                continue
            if (c.actor_id, c.name if c.actor_id is None else "") in bound:
                continue
            if content and doc[c.start].idx >= content[0] and doc[c.end - 1].idx < content[1]:
                continue
            if index.writer(c) or self._asking_reporter(c.head_token(doc)):
                continue
            fit = _agrees(c, want, gender)
            if fit is not None and want == "plural" and c.kind == "person":
                head = c.head_token(doc)  # "Obama and Clinton ... they": the pair, not one of them
                if head.dep_ == "conj" or any(t.dep_ == "conj" for t in head.children):
                    fit = None
            if fit is not None:
                score = fit + self._salience(index, c, here, recent)
                if _fronted(c.head_token(doc), pron):
                    score += self.weights.fronted
                if c.head_token(doc).i in owners:
                    score += self.weights.relative_owner
                scored.append((score, c))
        return scored

    def _asking_reporter(self, head: Token) -> bool:
        return (
            self._cues is not None
            and head.dep_ == "nsubj"
            and self._cues.press_asks(head.head.lemma_, head.lemma_, someone_asked=asks_someone(head.head))
        )

    def _speaker_candidate(self, index: _Index, p: Speaker) -> _Candidate | None:
        span = index.doc.char_span(p.mention.start, p.mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        head = index.head(span)
        plural = head.tag_ in {"NNS", "NNPS"}
        actor = self.kb.get(p.actor_id)
        speaks_for_body = actor is not None and actor.type != "person" and head.pos_ == "NOUN"
        if speaks_for_body and self.kb.is_person_noun(head.lemma_):
            # "A spokeswoman for the Commission said ... she added": a person speaking for a body
            kind, gender = "person", self.kb.word_gender(head.text)
        elif actor is not None:
            kind = "person" if actor.type == "person" else "org"
            gender, plural = actor.gender, actor.type == "group"
        elif head.lower_ in PRONOUNS:  # an unresolved pronoun keeps what the pronoun says
            want, gender = PRONOUNS[head.lower_]
            kind, plural = ("unknown", True) if want == "plural" else (want, False)
        elif head.pos_ == "NOUN":  # "a senior official" can be "he"; "the network" cannot
            kind = "nominal" if self.kb.is_person_noun(head.lemma_) else "thing"
            gender = self.kb.word_gender(head.text)
        elif head.pos_ == "PROPN":
            kind, gender = "unknown", self.kb.word_gender(head.text)
        else:
            kind, gender = "thing", None
        c = _Candidate(span.start, span.end, p.actor_id, p.name, kind, gender, plural)
        c.head = head.i
        return c

    def _nominal_subjects(self, index: _Index, before: int, want: str) -> list[_Candidate]:
        """Subjects no mention covers: plural ones for "they" ("Ukrainian negotiators", "Moscow and
        Washington"), person nouns for "he"/"she" ("the president"), other nouns for "it"."""
        out = []
        doc = index.doc
        first = before
        while first > 0 and index.sent_of[before] - index.sent_of[first - 1] <= _WINDOW:
            first -= 1
        for t in doc[first:before]:
            if t.dep_ not in SUBJECTS_OR_EXPLETIVE or t.pos_ not in {"NOUN", "PROPN"}:
                continue
            coordinated = any(c.dep_ == "conj" for c in t.children)
            span = doc[t.left_edge.i : t.i + 1]
            if want == "plural" and coordinated:
                span = doc[t.left_edge.i : t.right_edge.i + 1]
                c = _Candidate(span.start, span.end, None, span.text, "group", None, True)
            elif want == "plural" and t.tag_ in {"NNS", "NNPS"}:
                c = _Candidate(span.start, span.end, None, _clean_name(span), "unknown", None, True)
            elif want in {"org", "plural"} and not coordinated and self._unlisted_body(index, span):
                # "the Emirati Foreign Ministry ... It": a body the mention list does not hold
                c = _Candidate(span.start, span.end, None, _clean_name(span), "org", None, False)
            elif coordinated or not self._common_or_role(t) or t.ent_type_ or want == "plural":
                continue
            elif want == "person" and self.kb.is_person_noun(t.lemma_):
                gender = self.kb.word_gender(t.text)
                c = _Candidate(span.start, span.end, None, _clean_name(span), "nominal", gender, False)
            elif want == "org" and not self.kb.is_person_noun(t.lemma_):
                c = _Candidate(span.start, span.end, None, _clean_name(span), "thing", None, False)
            else:
                continue
            c.head = t.i
            out.append(c)
        return out

    def _common_or_role(self, t: Token) -> bool:
        """A common singular noun, or a role capitalised as one ("The Prime Minister briefed
        her. He noted"): either may be taken up by a pronoun when no mention covers it."""
        return t.tag_ == "NN" or (t.tag_ == "NNP" and self.kb.fold(t.text) in self._role_words)

    def _unlisted_body(self, index: _Index, span: SpacySpan) -> bool:
        """Whether a proper-noun subject names an organisation that no mention covers ("the
        Coordination Headquarters", "the Emirati Foreign Ministry"): an ORG entity, or a name
        headed by a word of a body ("ministry", "office")."""
        head = index.head(span)
        if head.tag_ != "NNP" or index.covering(head.i) is not None:
            return False
        if head.ent_type_ == "ORG":
            return True
        found = self.kb.collective([t.text for t in span], span.text)
        return found is not None and found.kind == "group" and not head.ent_type_

    def _salience(self, index: _Index, c: _Candidate, here: int, recent: Sequence[Speaker]) -> float:
        doc = index.doc
        distance = here - index.sent_of[c.start]
        head = c.head_token(doc)
        if head.dep_ == "appos" and head.head.i < head.i:
            head = head.head  # "The envoy, Steve Witkoff, said": the name plays its noun's part
        w = self.weights
        score = -w.per_sentence * distance
        if head.dep_ in OBJECTS and any(p.mention.start <= head.idx < p.mention.end for p in recent):
            # "According to Reyes, the talks nearly failed. ... she said": the source of a
            # statement is the one who speaks, whatever its syntax; no object then
            score += w.subject
        elif head.dep_ in OBJECTS or head.dep_ in {"compound", "amod"}:
            # "Campaigning against Romney, he ...": an object before the pronoun is rarely it
            score -= w.object_penalty - (w.object_same_sentence_relief if distance == 0 else 0.0)
        else:
            score += w.same_sentence if distance == 0 else 0.0
            if head.dep_ in SUBJECTS_OR_EXPLETIVE:
                score += w.main_subject if _main_subject(head) else w.subject
            elif head.dep_ == "poss":
                score += w.possessor
        if index.in_quote[c.start]:
            score -= w.quoted_penalty
        for n, p in enumerate(reversed(recent)):
            if _same(p, c, self.kb):
                score += w.last_speaker if n == 0 else w.earlier_speaker
                break
        return score + 0.001 * c.start

    # -- 3. descriptions --------------------------------------------------------------------
    def _apposed(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """Appositions: in "the Kremlin spokesman, Dmitry Peskov," the name beside the span is the speaker."""
        head = index.head(span)
        if not head.dep_:
            return None  # no parse (walking an unparsed tree is unsafe in spaCy)
        near = [t for t in head.children if t.dep_ == "appos"]
        if head.dep_ == "appos":
            near.append(head.head)
        near.extend(self._apposed_past_owner(index, head))
        for t in near:
            if (c := index.covering(t.i, (_PERSON,))) is not None:
                return c.actor_id, c.name
            for c in index.candidates:  # "The mediator, retired judge Helene Caradec,": the name
                if c.kind == "person" and t.left_edge.i < c.start and c.end == t.right_edge.i + 1:
                    return c.actor_id, c.name  # that closes a titled apposition
        return None

    def _titled_name(self, span: SpacySpan) -> bool:
        """Whether an entity the model tagged a body is a person's name right after a role
        ("Opposition deputy Nadiia Sokyrko", "the envoy, Ilse Renard", "Councilwoman Tessa
        Brightwater"): two to four capitalised proper nouns, none a title or a body's word, after a
        person noun or a gendered title, or in apposition to a person noun."""
        head = _head(span)
        before = span.doc[span.start - 1] if span.start > 0 else None
        titled = before is not None and before.pos_ == "NOUN" and self.kb.is_person_noun(before.lemma_)
        apposed = (
            head.dep_ == "appos" and head.head.pos_ == "NOUN" and self.kb.is_person_noun(head.head.lemma_)
        )
        words = span.doc[span.start : span.end]
        if len(words) > 2 and words[0].text[:1].isupper() and self.kb.word_gender(words[0].text):
            titled, words = True, words[1:]  # "Councilwoman Tessa Brightwater", one entity
        if not (titled or apposed):
            return False
        if not 2 <= len(words) <= 4:
            return False
        capitalised = all(t.text[:1].isupper() and not t.is_upper for t in words)  # not "NATO"
        if not capitalised or not all(t.pos_ == "PROPN" and t.is_alpha for t in words):
            return False
        if any(self.kb.fold(t.text) in self._title_words or self.kb.is_person_noun(t.lemma_) for t in words):
            return False
        return self.kb.collective([t.text for t in words]) is None

    def _apposed_past_owner(self, index: _Index, head: Token) -> list[Token]:
        """ "The agent of striker Leon Baptiste, Selma Varga, said": the parser hangs the name on
        the person the role is of, but one person named twice in a row with two full names is
        two people, so the second name belongs to the role noun."""
        if not self.kb.is_person_noun(head.lemma_):
            return []
        out = []
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "to"):
                continue
            for owner in prep.children:
                whose = index.covering(owner.i, (_PERSON,)) if owner.dep_ == "pobj" else None
                if whose is None:
                    continue
                for t in owner.children:
                    named = index.covering(t.i, (_PERSON,)) if t.dep_ == "appos" else None
                    if named is not None and named.name != whose.name and len(named.name.split()) > 1:
                        out.append(t)
        return out

    def _described(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        head = index.head(span)
        if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and self.kb.fold(head.text) in self._role_words):
            return None  # a name is not a description ("Lynch", though "Lynch's chief of staff" is)
        if head.tag_ in {"NNS", "NNPS"}:
            return None
        if not (self.kb.is_person_noun(head.lemma_) or self.kb.fold(head.text) in self._role_words):
            return None  # "the union", "the coalition": a body, not the person whose title names it
        words = list(span.doc[span.start : _name_end(span)])
        if words and words[0].lower_ in INDEFINITE_QUANTIFIERS:
            return None  # "a senior official" introduces someone new
        if any(t.lower_ in FORMER for t in words):
            return None  # "the former Ukrainian president" is not today's holder of the title
        wanted = {u.key for u in self.kb.units([t.text for t in words], places=True)} - {"of"} - SKIPPED
        if not wanted:
            return None
        phrase = " ".join(t.text for t in words)
        # 1. whom the document itself gave this role ("Ivan Fedorov, the regional governor")
        described = {
            (d.actor_id, d.name)
            for d in index.found.descriptions
            if d.start < span.start_char and wanted <= set(d.key)
        }
        if not described and self._before_anyone(index, span) and self.kb.is_person_noun(head.lemma_):
            # the role before the story names anyone ("..., the defence secretary told MPs.
            # Opening the debate, defence secretary Rowena Pike said"): the one person the
            # document gives that very role, named later (a name beside a role is who holds it
            # now); ranks aside, a description with other words is another office
            last = self.kb.units([head.text], places=True)
            ranks = {u.key for u in self.kb.units(sorted(RANK_WORDS))}
            ahead = {
                (d.actor_id, d.name)
                for d in index.found.descriptions
                if last
                and d.key[-1:] == (last[-1].key,)
                and wanted <= set(d.key)
                and set(d.key) - wanted <= ranks
            }
            if len(ahead) == 1:
                return ahead.pop()
            if not ahead and last and wanted == {last[-1].key}:
                # the bare noun ("The prosecutor preparing the cases says", then "Lena Broek, the
                # court's chief prosecutor"): the one person the document gives that head noun
                bare = {
                    (d.actor_id, d.name) for d in index.found.descriptions if d.key[-1:] == (last[-1].key,)
                }
                if len(bare) == 1:
                    return bare.pop()
        latest_start = max(
            (d.start for d in index.found.descriptions if (d.actor_id, d.name) in described), default=0
        )
        if described and _introduced_since(span, head, latest_start):
            described = set()  # "... a NATO official said. The official added": the newer one
        if described:
            best = self._most_salient(index, span, lambda c: (c.actor_id, c.name) in described)
            if best is not None:
                return best
            latest = max(  # the described person is out of the window: take the latest
                (d for d in index.found.descriptions if (d.actor_id, d.name) in described),
                key=lambda d: d.start,
            )
            return latest.actor_id, latest.name
        # 2. a title only one actor holds ("the Russian leader")
        actor = self.kb.by_title(phrase)
        if actor is not None:
            return actor.id, actor.name
        # 3. a shared title ("the president"): the most salient holder in the document
        roles = {a.id for a in self.kb.with_title(phrase)}
        best = self._most_salient(index, span, lambda c: c.actor_id in roles)
        if best is not None:
            return best
        # a standfirst names the role before the story names the person ("Putin's aide says ...",
        # then "Yuri Ushakov, Putin's foreign policy adviser, said"): the holder named next
        later = [c for c in index.candidates if c.start >= span.end and c.actor_id in roles]
        if later:
            return later[0].actor_id, later[0].name
        if len(roles) == 1:
            actor = self.kb.actors[next(iter(roles))]
            return actor.id, actor.name
        if not described and self._before_anyone(index, span):
            return self._named_next(index, span)
        return None

    def _named_next(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "Turkey's deputy foreign minister said on Wednesday ...", then "Speaking at a news
        conference, Kerem Aydinli said ...": a wire lead gives a role, and the story names the
        person in the sentence or two after it, as the next person who speaks, with no role of
        their own (someone new would be introduced by one)."""
        doc = index.doc
        here = index.sent_of[span.start]
        nxt = next((c for c in index.candidates if c.start >= span.end and c.kind == _PERSON), None)
        if nxt is None or index.sent_of[nxt.start] - here > _NAMED_NEXT or index.in_quote[nxt.start]:
            return None
        head = nxt.head_token(doc)
        if head.dep_ != "nsubj" or (
            self._cues is not None and self._cues.verb_kind(head.head.lemma_) is None
        ):
            return None
        sent_start = doc[nxt.start].sent.start
        if any(c.dep_ == "appos" for c in head.children) or any(
            not t.is_stop and (self.kb.is_person_noun(t.lemma_) or self.kb.fold(t.text) in self._title_words)
            for t in doc[max(sent_start, nxt.start - _ROLE_WORDS) : nxt.start]
        ):
            return None  # "Defence lawyer Ana Ruiz said": another person, introduced by her role
        return nxt.actor_id, nxt.name

    def _before_anyone(self, index: _Index, span: SpacySpan) -> bool:
        """Whether no person is named before ``span`` (a headline, a standfirst, a lede that
        names people by role), the writer of a byline aside, and a dateline's credit in brackets
        ("ISTANBUL, May 6 (Bosphorus Wire) -"), which the tagger may take for a person."""
        doc = index.doc
        return not any(
            c.kind == _PERSON
            and c.start < span.start
            and not index.writer(c)
            and not (c.start > 0 and doc[c.start - 1].text == "(")
            for c in index.candidates
        )

    def _most_salient(
        self, index: _Index, span: SpacySpan, eligible: Callable[[_Candidate], bool]
    ) -> tuple[str | None, str] | None:
        here = index.sent_of[span.start]
        best: tuple[float, _Candidate] | None = None
        for c in index.candidates:
            if c.end > span.start or here - index.sent_of[c.start] > 2 * _WINDOW or not eligible(c):
                continue
            score = self._salience(index, c, here, ())
            if best is None or score >= best[0]:
                best = (score, c)
        return (best[1].actor_id, best[1].name) if best else None

    def _counted_group(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "France, Germany and Britain called ... The three governments urged": a plural that
        counts its members ("both sides", "the three governments", "all parties", "both outlets")
        takes up the last states, bodies or outlets named together, with that many members;
        "Trump and Putin spoke ... The two leaders agreed": named people so taken up each speak,
        the first here, the others as co-speakers (``counted_people``)."""
        members = self._counted_members(index, span)
        if members is None:
            return None
        if members[0].kind == _PERSON:
            return members[0].actor_id, members[0].name
        names = list(dict.fromkeys(m.name for m in members))
        return None, ", ".join(names[:-1]) + " and " + names[-1]

    def counted_people(self, doc: Doc, source: tuple[int, int], mentions: list[Mention]) -> list[Speaker]:
        """The named people a counted plural source takes up ("the two leaders" after "Trump and
        Putin"), in text order: each speaks, as people joined by "and" do."""
        index = self._index(doc, mentions)
        span = doc.char_span(*source, alignment_mode="expand")
        if span is None or len(span) == 0:
            return []
        members = self._counted_members(index, span)
        if members is None or members[0].kind != _PERSON:
            return []
        out = []
        for m in members:
            party, kind = self._side(index, m.actor_id, m.name)
            name = self.kb.speaker_labels.get(m.actor_id, m.name) if m.actor_id else m.name
            mention = Span(span.text, span.start_char, span.end_char)
            out.append(Speaker(name, m.actor_id, mention, party, kind))
        return out

    def _counted_members(self, index: _Index, span: SpacySpan) -> list[_Candidate] | None:
        """The candidates of the last coordination before a counted plural with as many members
        (any number for "all"), all of one kind: states, bodies or outlets for a collective
        noun ("sides", "governments"), named people for a person noun ("leaders", "men")."""
        head = index.head(span)
        if head.tag_ not in {"NNS", "NNPS"} or not head.dep_:
            return None
        words = [t.lower_ for t in span if t.i < head.i]
        counts = [_COUNTS[w] for w in words if w in _COUNTS]
        if span[0].lower_ not in {"the", "both", "all", "these", "those"}:
            return None  # "two people familiar with the talks" are someone new
        if not counts or any(t.pos_ == "PROPN" for t in span):
            return None
        found = self.kb.collective([t.text for t in span], span.text)
        people = self.kb.is_person_noun(head.lemma_) or (found is not None and found.kind == "group")
        if (found is None or found.kind not in {"group", "media"}) and not people:
            return None
        want = counts[0]
        for t in index.back(span.start, _WINDOW):
            if t.dep_ == "conj" or not any(c.dep_ == "conj" for c in t.children):
                continue
            members = [t]
            stack = [t]
            while stack:
                for c in stack.pop().children:
                    if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "ADJ"}:
                        members.append(c)
                        stack.append(c)
            named: list[_Candidate] = []
            for member in sorted(members, key=lambda m: m.i):
                cand = self._as_state(index, member)
                if (
                    cand is None
                    or cand.kind not in ("org", _PERSON)
                    or (named and cand.kind != named[0].kind)
                ):
                    named = []
                    break
                if cand.kind == _PERSON and (
                    not people or (cand.actor_id is None and member.pos_ != "PROPN")
                ):
                    named = []
                    break
                if all(n.name != cand.name for n in named):
                    named.append(cand)
            if len(named) >= 2 and (want == 0 or len(named) == want):
                return named
        return None

    def _as_state(self, index: _Index, token: Token) -> _Candidate | None:
        """The candidate a member of a coordination names; a nationality word ("American and
        Ukrainian negotiators") names its state, so that "both sides" can take the two up."""
        cand = index.covering(token.i)
        if cand is None or (cand.kind != "norp" and token.pos_ != "ADJ"):
            return cand
        place = self._place(token)
        actor = self.kb.get(place) if place else None
        if actor is None:
            return None
        return _Candidate(cand.start, cand.end, actor.id, actor.name, "org", None, False)

    def _source_again(
        self, index: _Index, span: SpacySpan, previous: Sequence[Speaker]
    ) -> tuple[str | None, str] | None:
        """ "a senior official told AFP ... the source said", "sources in the EU said ... one of
        the sources said": a definite unnamed source takes up the unnamed source that spoke last,
        within the window, whatever noun first named it."""
        head = index.head(span)
        if head.lower_ == "one":  # "one of the sources"
            head = next((o for p in head.children if p.lower_ == "of" for o in p.children), head)
        if head.lemma_.lower() != "source" or not any(
            t.lower_ in {"the", "this", "that", "these", "those"} for t in span if t.i < head.i
        ):
            return None
        here = index.sent_of[span.start]
        for p in reversed(previous):
            if p.mention.end > span.start_char:
                continue
            there = index.doc.char_span(p.mention.start, p.mention.end, alignment_mode="expand")
            if there is None or here - index.sent_of[there.start] > _WINDOW:
                return None
            if p.actor_id is None and p.kind == "person":
                return None, p.name
        return None

    def _repeated(
        self, index: _Index, span: SpacySpan, previous: Sequence[Speaker]
    ) -> tuple[str | None, str] | None:
        """ "a senior Ukrainian official said ... The official added": a definite noun phrase takes
        up an earlier one with the same head noun, preferably an earlier speaker; so does a bare
        plural ("European Union leaders agreed ... Leaders said"), which news uses the same way."""
        head = index.head(span)
        definite = span[0].lower_ in {"the", "this", "that", "these", "those"}
        bare_plural = len(span) == 1 and _plural(head)
        if not (definite or bare_plural) or head.pos_ != "NOUN":
            return None
        doc = index.doc
        same: list[tuple[Speaker, SpacySpan]] = []
        for p in reversed(previous):
            if p.mention.end > span.start_char:
                continue
            pspan = doc.char_span(p.mention.start, p.mention.end, alignment_mode="expand")
            if pspan is None or not len(pspan):
                continue
            earlier = index.head(pspan)
            # "according to European officials ... the European official said": one is not many
            if earlier.lemma_ == head.lemma_ and _plural(earlier) == _plural(head):
                same.append((p, pspan))
        # "three people familiar with the talks ... two people who attended ... the people familiar
        # with the talks": the earlier phrase that repeats the words after the head, else the last
        after = next((t.lower_ for t in span if t.i > head.i and t.is_alpha), None)
        for p, pspan in same:
            if after is None or any(t.lower_ == after and t.i > index.head(pspan).i for t in pspan):
                return p.actor_id, p.name
        if same:
            return same[0][0].actor_id, same[0][0].name
        if definite and not _plural(head) and (unnamed := self._one_of_unnamed(index, span, previous)):
            return unnamed
        if self.kb.is_person_noun(head.lemma_) and self._definite_person(index, span, None, previous):
            return None  # "the Dutch leader" twice: both are the person in focus, resolved next
        for t in index.back(span.start, _WINDOW):
            if t.lemma_ == head.lemma_ and t.pos_ == "NOUN" and t.dep_ in SUBJECTS_OR_EXPLETIVE:
                if bare_plural and not _plural(t):
                    continue  # "A veteran said ... veterans say": one is not the many
                return self._phrase_up_to(t, placed=True)
        return None

    def _one_of_unnamed(
        self, index: _Index, span: SpacySpan, previous: Sequence[Speaker]
    ) -> tuple[str | None, str] | None:
        """ "Two diplomats who have seen the text said ... One of them called it ... the diplomat
        said": a singular definite noun after unnamed sources with the same plural head is one of
        them, and takes their label ("anonymous official"), which names one as well as many. A
        named group ("European leaders") stays apart: one of them is a person to be found."""
        head = index.head(span)
        doc = index.doc
        before = [p for p in previous if p.mention.end <= span.start_char]
        last = before[-1].name if before else None
        for p in reversed(before):
            # only while they are the ones speaking: a person named since is meant instead
            if p.actor_id is not None or p.name != last:
                return None
            pspan = doc.char_span(p.mention.start, p.mention.end, alignment_mode="expand")
            if pspan is None or not len(pspan):
                continue
            if index.sent_of[span.start] - index.sent_of[pspan.start] > _WINDOW:
                return None
            earlier = index.head(pspan)
            if earlier.lemma_ != head.lemma_ or not _plural(earlier):
                continue
            # read in the singular: a label for people one at a time, not a group's ("leaders")
            one = [t.lemma_ if t.i == earlier.i else t.text for t in pspan]
            found = self.kb.collective(one, " ".join(one))
            if found is not None and found.kind == "person" and found.name == p.name:
                return p.actor_id, p.name
            return None
        return None

    def _partitive(
        self, index: _Index, span: SpacySpan, previous: Sequence[Speaker]
    ) -> tuple[str | None, str] | None:
        """ "Opposition leaders were split. Some said ..., while others ...": a quantifier standing
        for a noun ("some", "others", "many of them", "one of them") is part of the group named
        just before, in this sentence or the one before: the group that spoke last, else the
        plural subject."""
        words = [t.lower_ for t in span]
        member = words[0] in MEMBER_PRONOUNS and words[1:] == ["of", "them"]  # "One of them said"
        if not member and (words[0] not in PARTITIVE_PRONOUNS or words[1:] not in ([], ["of", "them"])):
            return None
        doc = index.doc
        here = index.sent_of[span.start]
        for p in reversed(previous):
            if p.mention.end > span.start_char:
                continue
            there = doc.char_span(p.mention.start, p.mention.end, alignment_mode="expand")
            # a group, or people counted in the plural ("Two diplomats said ... One of them")
            if (
                there is not None
                and here - index.sent_of[there.start] <= 1
                and (p.kind == "group" or index.head(there).tag_ in {"NNS", "NNPS"})
            ):
                return p.actor_id, p.name
            break
        for t in index.back(span.start, 1):
            if t.dep_ in NOMINAL_SUBJECTS and t.tag_ in {"NNS", "NNPS"} and t.pos_ in {"NOUN", "PROPN"}:
                if not self.kb.is_person_noun(t.lemma_.lower()):
                    return None  # "Some" of the "efforts" named before say nothing
                return self._phrase_up_to(t, placed=True)
        return None

    def _placed_quantifier(self, span: SpacySpan) -> tuple[str | None, str] | None:
        """ "Some in Washington argue", "many in Brussels fear": a quantifier placed in a
        capital (a government by metonymy), with no group before it, is unnamed officials there,
        read as "officials in Washington" would be."""
        words = [t for t in span if not t.is_punct]
        if len(words) < 3 or words[0].lower_ not in PARTITIVE_PRONOUNS or words[1].lower_ != "in":
            return None
        if not all(t.pos_ == "PROPN" or t.ent_type_ == "GPE" for t in words[2:]):
            return None
        found = self.kb.collective(["officials", *(t.text for t in words[1:])])
        if found is None or found.party is None:
            return None  # a place the knowledge base gives no side: the words as written
        return None, found.name

    def _unplaced_side(self, index: _Index, span: SpacySpan) -> tuple[str | None, str] | None:
        """An unnamed source whose own words name no side ("officials", "one senior official")
        takes the side the story has just given it: a place fronted on its verb ("In Kyiv,
        officials said", read as "officials in Kyiv"), else the one placed group of the same noun
        named in this sentence or the one before ("Ukrainian officials were less diplomatic. One
        senior official said"). Two groups of that noun with different sides give none."""
        found = self.kb.collective([t.text for t in span], span.text)
        if found is None or found.party is not None or found.name not in self._unplaced:
            return None
        head = index.head(span)
        words = [t.text for t in span]
        if head.dep_ in NOMINAL_SUBJECTS:
            for prep in head.head.children:
                if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i > span.start:
                    continue
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    there = self.kb.collective([*words, "in", *(t.text for t in obj.subtree)])
                    if there is not None and there.party is not None:
                        return None, there.name
        doc = index.doc
        sides: set[tuple[str | None, str]] = set()
        for t in index.back(span.start, 1):
            if t.lemma_ != head.lemma_ or t.tag_ not in {"NNS", "NNPS"}:
                continue
            named = self._collective(doc[t.left_edge.i : t.i + 1], placed=True)
            if named is not None:
                sides.add(named)
        return sides.pop() if len(sides) == 1 else None

    def _definite_person(
        self, index: _Index, span: SpacySpan, content: tuple[int, int] | None, previous: Sequence[Speaker]
    ) -> tuple[str | None, str] | None:
        """ "Sergiy Kyslytsia said ... The diplomat, who took part in the talks, said": a definite
        person noun that no title or earlier description settles takes up the person in focus,
        as "he" would (a definite description refers back; an indefinite one is someone new).

        News varies its words for the person it is quoting ("the political head of the alliance",
        "the press secretary to the Russian president", "the former Dutch prime minister"), so an
        affiliation after the noun and a past role are read too, but only as constraints: the
        person must belong to the side the affiliation names, and must not hold today the role
        the phrase calls former ("the spokesperson for the European Commission" after a Kremlin
        official is someone new)."""
        head = index.head(span)
        if span[0].lower_ not in {"the", "this", "that"} or head.pos_ != "NOUN" or head.tag_ != "NN":
            return None
        if not self.kb.is_person_noun(head.lemma_):
            return None
        modifiers = [
            t
            for t in span.doc[span.start + 1 : head.i]
            if not t.is_punct and t.lower_ not in FORMER and t.head.i == head.i
        ]
        # "the Dutch leader": a nationality narrows the person in focus to that country's people
        countries = {self._place(t) for t in modifiers if t.ent_type_ in {"NORP", "GPE"}}
        if None in countries:
            return None
        for t in modifiers:
            if t.dep_ == "compound" and t.pos_ == "NOUN" and not t.ent_type_:
                continue  # "the press secretary", "the prime minister"
            if t.pos_ != "ADJ" or t.ent_type_ not in {"", "NORP", "GPE"}:
                return None
        if any(c.dep_ in ("poss", "nmod") for c in head.children):
            return None
        former = any(t.lower_ in FORMER for t in span)
        sides = self._affiliation_sides(index, span, head, former)
        if sides is None:
            return None  # an affiliation the phrase names but no side can be read from
        roles: set[str] = set()
        if former:  # the holder of the role today is not its former holder
            words = [t.text for t in span if t.lower_ not in FORMER and t.i != span.start and not t.is_punct]
            roles = {a.id for a in self.kb.with_title(" ".join(words))}
        gender = self.kb.word_gender(head.text)
        here = index.sent_of[span.start]
        recent = [p for p in previous if p.mention.end <= span.start_char][-3:]
        best: tuple[float, _Candidate] | None = None
        for c in index.candidates:
            if c.kind != "person" or c.end > span.start or here - index.sent_of[c.start] > _WINDOW:
                continue
            if content and index.doc[c.start].idx >= content[0] and index.doc[c.end - 1].idx < content[1]:
                continue
            if index.writer(c):
                continue
            if gender and c.gender and c.gender != gender:
                continue
            if countries and not any(self._fits(place, c.actor_id) for place in countries):
                continue
            if c.actor_id in roles:
                continue
            if sides and self.kb.party_of(self.kb.get(c.actor_id)) not in sides:
                continue
            score = self._salience(index, c, here, recent)
            if best is None or score >= best[0]:
                best = (score, c)
        return (best[1].actor_id, best[1].name) if best else None

    def _affiliation_sides(
        self, index: _Index, span: SpacySpan, head: Token, former: bool
    ) -> set[str] | None:
        """The parties an affiliation after a person noun names ("of the alliance", "to the
        Russian president", "for the European Commission"): empty when there is none or it names
        no known side ("the alliance"), None when it names something else, such as a body the
        knowledge base does not know ("the correspondent of a news site" is someone new; only
        a past role there, "the former head of the agency", is read as the person's career)."""
        sides: set[str] = set()
        for prep in head.children:
            if prep.dep_ != "prep" or not span.start <= prep.i < span.end:
                continue
            if prep.lower_ not in {"of", "to", "for", "at"}:
                return None
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                found = [c for c in index.candidates if c.start <= obj.i < c.end]
                if found:
                    party = self.kb.party_of(self.kb.get(found[0].actor_id))
                    if party is None and not (former and found[0].actor_id is None):
                        return None
                    sides.update({party} if party else set())
                elif obj.pos_ == "NOUN" and any(d.lower_ in {"the", "this"} for d in obj.children):
                    continue  # "the alliance", "the ministry": named before
                elif former and obj.pos_ == "PROPN" and obj.ent_type_ == "ORG":
                    continue
                else:
                    placed = (t for t in obj.subtree if t.ent_type_ in {"NORP", "GPE"})
                    place = next((self._place(t) for t in placed), None)
                    party = self.kb.party_of(self.kb.get(place)) if place else None
                    if party is None:
                        return None
                    sides.add(party)
        return sides


# -- helpers -------------------------------------------------------------------------------------
_OPENING_SPEAKERS = 5  # the body's first speakers, among whom a headline's role is named in full
_NAMED_NEXT = 2  # sentences after a lead's role in which the person holding it is named
_ROLE_WORDS = 4  # how far before a name its role may stand ("Trade Minister Aino Lehtola")
# words that count the members of a group named before ("both sides"; 0: any number, "all parties")
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "all": 0}
_PERSON = "person"
_SPEAKING = ("person", "org")  # candidate kinds that name someone who can speak


def _claim_words(doc: Doc, content: tuple[int, int]) -> set[str]:
    """The lemmas of the content words of a statement, which a headline and its lead share
    when they report one claim in other words."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return set()
    return {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop}


def _plural(noun: Token) -> bool:
    """Grammatical number, so that a definite singular never takes up a plural group."""
    return noun.tag_ in {"NNS", "NNPS"}


def _main_voice(people: Counter[str]) -> str | None:
    """The person a story of one side quotes: the only one, or the one quoted most often."""
    ranked = people.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _position(statement: tuple[tuple[int, int] | None, tuple[int, int] | None]) -> int:
    source, content = statement
    return min(x[0] for x in (source, content) if x is not None) if (source or content) else 0


def _agrees(c: _Candidate, want: str, gender: str | None) -> float | None:
    """How well a candidate fits a pronoun: None when it cannot, else a bonus or penalty."""
    if want == "person":
        if c.kind not in {"person", "unknown", "nominal"} or c.plural:
            return None
        if c.gender is not None and c.gender != gender:
            return None
        penalty = {"unknown": 1.0, "nominal": 0.5}.get(c.kind, 0.0)
        return (0.5 if c.gender == gender else 0.0) - penalty
    if want == "org":
        if c.plural:
            return None
        return 0.0 if c.kind == "org" else -0.5 if c.kind == "thing" else None
    if want == "plural":
        if c.plural:
            return 1.0 if c.kind == "group" else 0.0
        if c.kind == "org":
            return -1.0 if c.actor_id and c.name and c.name[:1].isupper() else 0.0
        return -1.0 if c.kind in {"person", "unknown"} and c.gender is None else None
    return 0.0 if c.kind in {"person", "org", "unknown"} else None  # I, we


def _bound_names(index: _Index, pron: Token) -> set[tuple[str | None, str]]:
    """Who a subject pronoun cannot be, as (actor id, name) keys: a name its own clause governs
    ("He said Witkoff would be welcome"), or the subject an inserted "he said" interrupts."""
    # only close arguments: news prose does say "He said there was an issue with Trump's audio"
    bound: set[tuple[str | None, str]] = set()
    if pron.dep_ in SUBJECTS_OR_EXPLETIVE:
        heads = index.candidate_heads()
        verb = pron.head
        for c, (dep, governor, above) in zip(index.candidates, heads, strict=True):
            bound_here = dep != "poss" and verb.i in (governor, above)
            if bound_here and c.start > pron.i and c.kind == "person" and not index.in_quote[c.start]:
                bound.add((c.actor_id, c.name if c.actor_id is None else ""))
        # "Trump, he said, had promised ...": the subject the insert interrupts is someone else
        if verb.dep_ == "parataxis":
            interrupted = verb.head.i
            for c, (dep, governor, _) in zip(index.candidates, heads, strict=True):
                subject = dep in SUBJECTS_OR_EXPLETIVE
                if c.start < pron.i and subject and governor == interrupted:
                    bound.add((c.actor_id, c.name if c.actor_id is None else ""))
    return bound


def _relative_owners(pron: Token) -> set[int]:
    """Possessors of the noun phrase a relative clause hangs on, and the subject of the verb
    that governs it: in "Zelensky's plan to hold a referendum on any arrangement, which he says
    would need a truce", "he" is Zelensky."""
    if pron.dep_ not in SUBJECTS_OR_EXPLETIVE or pron.head.dep_ != "relcl":
        return set()
    owners: set[int] = set()
    tok = pron.head.head
    for _ in range(6):
        owners.update(c.i for c in tok.children if c.dep_ == "poss")
        if tok.dep_ not in ("pobj", "prep", "acl", "dobj", "compound") or tok.head.i == tok.i:
            break
        tok = tok.head
    noun = pron.head.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head.head  # "a list of points, which": the list
    if noun.dep_ == "dobj" and noun.head.pos_ in {"VERB", "AUX"}:
        # "Honcharenko published a list, which he claimed was the plan": the one who acted on it
        # (not the subject of a verb the noun hangs on through a preposition: "come for talks")
        owners.update(c.i for c in noun.head.children if c.dep_ == "nsubj")
    return owners


def _fronted(head: Token, pron: Token) -> bool:
    """ "Despite Putin's openness, he insisted": a possessor in a phrase fronted before the
    pronoun's own verb is the topic that subject picks up (not one in another clause)."""
    if head.dep_ != "poss" or head.i > pron.i or pron.dep_ not in SUBJECTS_OR_EXPLETIVE:
        return False
    t = head
    for _ in range(8):
        if t.head.i == t.i:
            return False
        if t.dep_ not in {"poss", "pobj", "prep", "compound", "amod", "npadvmod", "nmod"}:
            return False
        t = t.head
        if t.i == pron.head.i:
            return True
    return False


def _modifies(after: Token, head: Token) -> bool:
    """Whether the word after a mention opens a participle or relative clause on its head."""
    if after.dep_ == "acl" and after.head == head:
        return True
    return after.lower_ in RELATIVE_PRONOUNS and after.head.dep_ == "relcl" and after.head.head == head


def _other_gender(pron: Token, previous: Sequence[Speaker]) -> set[tuple[str | None, str]]:
    """Speakers an earlier pronoun of the other gender stood for ("The President ... She
    underscored ... The Prime Minister briefed her. He noted"): a name the knowledge base cannot
    sex keeps the gender the document gave it. Keys as ``_bound_names`` gives them."""
    gender = PRONOUNS[pron.lower_][1]
    if gender is None:
        return set()
    out: set[tuple[str | None, str]] = set()
    for p in previous:
        said = PRONOUNS.get(p.mention.text.lower())
        if said is not None and said[1] is not None and said[1] != gender:
            out.add((p.actor_id, p.name if p.actor_id is None else ""))
    return out


def _main_subject(head: Token) -> bool:
    if head.dep_ not in SUBJECTS_OR_EXPLETIVE:
        return False
    verb = head.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _same(p: Speaker, c: _Candidate, kb: ActorBase) -> bool:
    if p.actor_id or c.actor_id:
        return p.actor_id == c.actor_id
    return kb.fold_name(p.name) == kb.fold_name(c.name)


def _name_end(span: SpacySpan) -> int:
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


def _introduced_since(span: SpacySpan, head: Token, since: int) -> bool:
    """Whether an indefinite noun phrase with the same head ("a NATO official") came between the
    character offset ``since`` and ``span``: a definite "the official" after it takes up that
    newcomer, not a person described with the noun before ("Ilze Berzina, a senior official")."""
    return any(
        t.lemma_ == head.lemma_
        and t.pos_ == "NOUN"
        and t.dep_ != "appos"  # "Ilze Berzina, a senior official": the description itself
        and since < t.idx < span.start_char
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children)
        for t in span.doc[: span.start]
    )


def _bare_pronoun(span: SpacySpan) -> bool:
    """ "she", "They": a source that is one pronoun and nothing else."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return len(words) == 1 and words[0].lower_ in PRONOUNS


def _one_kind_per_person(candidates: list[_Candidate]) -> list[_Candidate]:
    """Candidates with a person's surname read as that person: the tagger may take a bare
    surname for a nationality or a body ("Orrin rejected that criticism" after "Felix Orrin"),
    and a "he" after it then found no one. Only a surname one person of the document has."""
    people: dict[str, list[_Candidate]] = {}
    for c in candidates:
        if c.kind == "person" and c.actor_id is None and " " in c.name:
            people.setdefault(c.name.split()[-1], []).append(c)
    out = []
    for c in candidates:
        known = people.get(c.name, [])
        if c.kind in {"norp", "org", "unknown"} and c.actor_id is None and len({k.name for k in known}) == 1:
            c = replace(
                c, name=known[0].name, kind="person", gender=c.gender or known[0].gender, plural=False
            )
        out.append(c)
    return out


def _clean_name(span: SpacySpan) -> str:
    """An unknown speaker's name: the naming part of the span without "the" ("defendants")."""
    end = _name_end(span)
    start = span.start
    while start < end - 1 and (
        span.doc[start].lower_ == "the" or span.doc[start].is_punct or span.doc[start].is_space
    ):
        start += 1
    return span.doc[start:end].text


def _sentence_numbers(doc: Doc) -> list[int]:
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


def _quote_mask(doc: Doc) -> list[bool]:
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


def _similar(a: str, b: str) -> bool:
    """Whether two folded surnames are one name respelt ("peskov", "peskoff"): at least 0.75
    of their letters in common order."""
    return SequenceMatcher(None, a, b).ratio() >= _RESPELT
