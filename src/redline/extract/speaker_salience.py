"""Salience: how much attention a mention holds when a later word takes it up.

A pronoun, and a description that several people fit ("the minister"), picks the most salient
earlier mention. The weights are one named table (``SalienceWeights``) so that
``benchmarks/speaker_eval.py --sweep`` can vary each, and a change of weights is a reviewed change
of data rather than figures scattered through the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from redline.extract.english import (
    OBJECTS,
    SUBJECTS_OR_EXPLETIVE,
)
from redline.extract.speaker_index import WINDOW, Candidate, DocumentIndex
from redline.knowledge.actors import ActorBase
from redline.model import Speaker

if TYPE_CHECKING:
    from redline.extract.speakers import SpeakerResolver


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


def salience(
    resolver: SpeakerResolver, index: DocumentIndex, c: Candidate, here: int, recent: Sequence[Speaker]
) -> float:
    doc = index.doc
    distance = here - index.sent_of[c.start]
    head = c.head_token(doc)
    verb = subject_after_fronted_place(head)
    if head.dep_ == "appos" and head.head.i < head.i:
        head = head.head  # "The envoy, Steve Witkoff, said": the name plays its noun's part
    w = resolver.weights
    score = -w.per_sentence * distance
    if verb is not None:
        # "In Lviv, the head of the team, Ostap Hrytsak, said": the parser hangs the speaker on
        # the place, but a fronted "In X," only sets the scene; the name is the verb's subject
        score += w.same_sentence if distance == 0 else 0.0
        score += w.main_subject if verb.dep_ == "ROOT" else w.subject
    elif head.dep_ in OBJECTS and any(p.mention.start <= head.idx < p.mention.end for p in recent):
        # "According to Reyes, the talks nearly failed. ... she said": the source of a
        # statement is the one who speaks, whatever its syntax; no object then
        score += w.subject
    elif passive_agent(head):
        # "Russia's side was led by Ivan Orlov, a Rosatom director. He said": the agent of a
        # passive is who acts, the subject of the active clause, though parsed as an object
        score += (w.same_sentence if distance == 0 else 0.0) + w.subject
    elif head.dep_ in OBJECTS or head.dep_ in {"compound", "amod"}:
        # "Campaigning against Romney, he ...": an object before the pronoun is rarely it
        score -= w.object_penalty - (w.object_same_sentence_relief if distance == 0 else 0.0)
    else:
        score += w.same_sentence if distance == 0 else 0.0
        if head.dep_ in SUBJECTS_OR_EXPLETIVE:
            score += w.main_subject if is_main_subject(head) else w.subject
        elif head.dep_ == "poss":
            score += w.possessor
    if index.in_quote[c.start]:
        score -= w.quoted_penalty
    for n, p in enumerate(reversed(recent)):
        if _same(p, c, resolver.kb):
            score += w.last_speaker if n == 0 else w.earlier_speaker
            break
    return score + 0.001 * c.start


def most_salient(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan, eligible: Callable[[Candidate], bool]
) -> tuple[str | None, str] | None:
    here = index.sent_of[span.start]
    best: tuple[float, Candidate] | None = None
    for c in index.candidates:
        if c.end > span.start or here - index.sent_of[c.start] > 2 * WINDOW or not eligible(c):
            continue
        score = salience(resolver, index, c, here, ())
        if best is None or score >= best[0]:
            best = (score, c)
    return (best[1].actor_id, best[1].name) if best else None


def subject_after_fronted_place(head: Token) -> Token | None:
    """The verb a name in apposition to a fronted place is the subject of ("In Lviv, the head
    of the team, Ostap Hrytsak, said ..."): the place's preposition opens the clause, the name
    stands before the verb and the verb has no subject of its own. None otherwise."""
    if head.dep_ != "appos":
        return None
    place = head.head
    while place.dep_ == "appos" and place.head.i < place.i:
        place = place.head  # "In Lviv, the head ..., Ostap Hrytsak,": the head noun is the place's too
    prep = place.head
    named = place.ent_type_ in {"GPE", "LOC", "FAC"} or (place.pos_ == "PROPN" and not place.ent_type_)
    if place.dep_ != "pobj" or prep.dep_ != "prep" or not named:  # a place the tagger may not label
        return None
    verb = prep.head
    if verb.pos_ not in {"VERB", "AUX"} or not prep.i < head.i < verb.i or prep.i != prep.sent.start:
        return None
    if any(t.dep_ in SUBJECTS_OR_EXPLETIVE for t in verb.children):
        return None
    return verb


def passive_agent(head: Token) -> bool:
    """Whether a word is the agent of a passive verb ("was led by Ivan Orlov")."""
    return head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.pos_ in {"VERB", "AUX"}


def is_main_subject(head: Token) -> bool:
    if head.dep_ not in SUBJECTS_OR_EXPLETIVE:
        return False
    verb = head.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _same(p: Speaker, c: Candidate, kb: ActorBase) -> bool:
    if p.actor_id or c.actor_id:
        return p.actor_id == c.actor_id
    return kb.fold_name(p.name) == kb.fold_name(c.name)
