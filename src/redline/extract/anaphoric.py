"""Statements whose content is named by a pointer back: "This was reported by X", "X made this
statement".

The words said stand in the sentence before (or, where the pointer opens a paragraph, the
paragraph before); the cue sentence holds only the source. The guide annotates such a report
when the antecedent is a clear contiguous span, and uses that span as the content.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from redline.extract.english import DEMONSTRATIVES
from redline.extract.token_ranges import Candidate, TokenRange, noun_phrase, trim
from redline.knowledge.cues import CueLexicon

__all__ = ["Pointer", "anaphoric_candidates"]

_SAYING = ("speech", "writing")
_MAX_ANTECEDENT_SENTENCES = 3  # a longer stretch is no "clear contiguous span"


@dataclass(frozen=True, slots=True)
class Pointer:
    """A report that points back: its candidate (content = the antecedent) and the token range
    of the pointing words ("This was reported by X, according to Y": the sentence, which Y
    reports too; "X reported this": the pronoun), which other cues may have taken as content."""

    candidate: Candidate
    sentence: TokenRange


def anaphoric_candidates(
    doc: Doc, cues: CueLexicon, quoted: Sequence[bool], sites: Sequence[Token]
) -> list[Pointer]:
    out: list[Pointer] = []
    for tok in sites:
        if quoted[tok.i]:
            continue
        found = _passive_pointer(tok, cues) or _statement_object(tok, cues) or _pronoun_object(tok, cues)
        if found is None:
            continue
        source, opener, said = found  # opener: the word that must open the pointing sentence
        antecedent = _antecedent(doc, opener)
        if antecedent is not None:
            cand = Candidate(antecedent, (tok.i, tok.i + 1), source, "speech", tok.i)
            out.append(Pointer(cand, said))
    return out


_Found = tuple[TokenRange, Token, TokenRange]  # source, opener, pointing words


def _passive_pointer(verb: Token, cues: CueLexicon) -> _Found | None:
    """ "This was announced by the minister": a saying verb, a demonstrative subject, an agent."""
    if cues.verb_kind(verb.lemma_) not in _SAYING:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ in DEMONSTRATIVES]
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not subjects or not agents:
        return None
    return noun_phrase(agents[0]), subjects[0], (subjects[0].i, subjects[0].sent.end)


def _statement_object(noun: Token, cues: CueLexicon) -> _Found | None:
    """ "The minister made this statement": a statement noun pointed back at, the maker as source."""
    if noun.lemma_.lower() not in cues.nouns or noun.dep_ != "dobj" or noun.head.lemma_ != "make":
        return None
    pointers = [c for c in noun.children if c.dep_ == "det" and c.lower_ in DEMONSTRATIVES]
    subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
    if not pointers or not subjects:
        return None
    return noun_phrase(subjects[0]), subjects[0].left_edge, (noun.i, noun.i + 1)


def _pronoun_object(verb: Token, cues: CueLexicon) -> _Found | None:
    """ "The spokeswoman reported this on Friday": a saying verb whose whole object is a
    demonstrative takes up what the sentence before said."""
    if cues.verb_kind(verb.lemma_) not in _SAYING and verb.lemma_.lower() not in cues.object_verbs:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in DEMONSTRATIVES]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not objects or not subjects or any(True for _ in objects[0].children):
        return None
    if any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children):
        return None  # "called this a mistake", "described this as a mistake": said about it
    if _cut_after(objects[0]):
        return None  # "He stressed that" where a page excerpt stops: the clause was cut, not pointed at
    return noun_phrase(subjects[0]), subjects[0].left_edge, (objects[0].i, objects[0].i + 1)


def _cut_after(word: Token) -> bool:
    """ "that" ending a text that stops mid-sentence is a complementiser whose clause the page
    excerpt lost; a pointer ends its sentence ("He said that.") or goes on ("that on Friday")."""
    doc = word.doc
    rest = doc[word.i + 1 :]
    return word.lower_ == "that" and all(t.is_space for t in rest)


def _antecedent(doc: Doc, pointer: Token) -> TokenRange | None:
    """The sentence before the pointing sentence (which ``pointer`` opens); the whole paragraph
    before when it opens a paragraph and that paragraph is short. None at the start of a text,
    or where the pointing words sit mid-sentence (then "this" points inside its own sentence)."""
    sent = pointer.sent
    if pointer.i != _first_word(sent):
        return None
    sents = list(doc.sents)
    k = next((n for n, s in enumerate(sents) if s.start == sent.start), 0)
    if k == 0:
        return None
    opens_paragraph = _opens_line(doc, pointer.i)
    last = k - 1
    first = last
    if opens_paragraph:
        while first > 0 and not _starts_paragraph(doc, sents[first]):
            first -= 1
        if last - first + 1 > _MAX_ANTECEDENT_SENTENCES:
            first = last
    start, end = sents[first].start, sents[last].end
    while end > start and doc[end - 1].is_space:
        end -= 1
    # the sentence splitter may have run a heading into the sentence: keep the last paragraph
    for i in range(end - 1, start, -1):
        if _breaks_line(doc[i - 1]):
            start = i
            break
    return trim(doc, start, end)


def _breaks_line(tok: Token) -> bool:
    return "\n" in tok.text_with_ws


def _first_word(sent: Span) -> int:
    for t in sent:
        if not (t.is_space or t.is_punct):
            return t.i
    return sent.start


def _starts_paragraph(doc: Doc, sent: Span) -> bool:
    return _opens_line(doc, _first_word(sent))


def _opens_line(doc: Doc, i: int) -> bool:
    return i == 0 or _breaks_line(doc[i - 1])
