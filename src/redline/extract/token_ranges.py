"""Token ranges for attribution rules: the candidate record and the helpers that shape ranges.

Ranges are half-open token index pairs over a spaCy Doc; ``attribution.py`` turns them into
character offsets. Both the verb rules (``reported.py``) and the other cue rules
(``cue_phrases.py``) build their candidates with these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from redline.extract.english import CLAUSE_OPENERS, TIME_ENTS
from redline.knowledge.cues import CueLexicon

TokenRange = tuple[int, int]


@dataclass(slots=True)
class Candidate:
    """One attribution found by a rule, in token ranges; ``kind`` names the rule's cue kind."""

    content: TokenRange
    cue: TokenRange | None
    source: TokenRange | None
    kind: str
    cue_token: int = -1


def cue_sites(doc: Doc, cues: CueLexicon) -> list[Token]:
    """The tokens a cue rule can start from: lemma or lower-case form in the cue lexicon.

    One vectorised pass over the parse's own arrays, so that the rules (which look at a
    token's parse neighbourhood) run only where a cue can be, not over every token.
    """
    if len(doc) == 0:
        return []
    arr = doc.to_array([LEMMA, LOWER])
    wanted = _trigger_hashes(cues.trigger_words)
    if not len(wanted):
        return []
    # a binary search of the sorted hashes per value: ``numpy.isin`` sorted the Doc's values
    # with the lexicon's on every call (a tenth of a millisecond per article)
    at = numpy.minimum(numpy.searchsorted(wanted, arr), len(wanted) - 1)
    hits = numpy.flatnonzero((wanted[at] == arr).any(axis=1))
    return [doc[i] for i in hits.tolist() if not _editorial_label(doc, i, cues)]


def _editorial_label(doc: Doc, i: int, cues: CueLexicon) -> bool:
    """ "Related: Port strike ends", "Watch: ...": a page's editorial label opening a line is
    furniture, not a verb of saying, whatever the tagger made of it."""
    return (
        i + 1 < len(doc)
        and doc[i + 1].text == ":"
        and (i == 0 or "\n" in doc[i - 1].text_with_ws)
        and doc[i].lower_ in cues.label_exclusions
    )


@lru_cache(maxsize=8)
def _trigger_hashes(words: tuple[str, ...]) -> numpy.ndarray:
    """The trigger words' string ids, sorted (worked out once per lexicon, where every Doc
    hashed the ~330 words afresh). A str key gives its id without adding it to a store."""
    strings = StringStore()
    return numpy.unique(numpy.array([strings[w] for w in words], dtype=numpy.uint64))


def is_verb(tok: Token) -> bool:
    """Tagged as a verb, and a word: the tagger sometimes makes a dash a verb ("” ― Jane Doe"
    read as "― [verb] Jane Doe [object]"), and punctuation never reports or governs anything."""
    return (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")) and any(map(str.isalpha, tok.text))


def asks_someone(verb: Token) -> bool:
    """Whether a question verb names the one asked ("asked her what ...", "asked the ministry
    whether ..."), not only the question ("asked whether ...")."""
    return any(c.dep_ in ("dobj", "dative") and c.pos_ in ("PRON", "PROPN", "NOUN") for c in verb.children)


def subtree_range(tok: Token) -> TokenRange:
    return tok.left_edge.i, tok.right_edge.i + 1


def misread_noun(tok: Token) -> bool:
    """ "according to show insiders": a preposition takes a noun phrase, not a bare verb; a base
    form the parser hung on one is a noun used as a modifier ("show", "campaign", "study")."""
    return (
        tok.dep_ == "pcomp"
        and tok.tag_ == "VB"
        and tok.head.pos_ == "ADP"
        and not any(c.dep_ in ("aux", "neg", "mark") for c in tok.children)
    )


def noun_phrase(tok: Token) -> TokenRange:
    """The mention as written: the noun's subtree, cut before a comma-led relative clause or a
    time the parser hung on the noun ("Trump on Tuesday said": the speaker is "Trump")."""
    start, end = subtree_range(tok)
    doc = tok.doc
    for child in tok.rights:
        if child.i > tok.i and _is_time(child):
            end = min(end, child.left_edge.i)
            break
        if child.dep_ in ("relcl", "acl") and child.i > tok.i:
            cut = child.left_edge.i
            while cut > tok.i + 1 and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
                cut -= 1
            end = min(end, cut)
            break
    # "a spokeswoman for the aid agency, who added that ...": a comma-led relative clause of a
    # noun further in (the parser's choice of antecedent) ends the mention too
    for t in doc[tok.i + 1 : end]:
        if t.dep_ == "relcl" and t.left_edge.i > tok.i + 1 and doc[t.left_edge.i - 1].text == ",":
            end = t.left_edge.i - 1
            break
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _is_time(child: Token) -> bool:
    """A phrase that only says when: "on Tuesday", "earlier this week", "Monday"."""
    if child.dep_ == "prep":
        objects = [c for c in child.children if c.dep_ == "pobj"]
        return bool(objects) and all(o.ent_type_ in TIME_ENTS for o in objects)
    return child.dep_ in ("npadvmod", "advmod") and child.ent_type_ in TIME_ENTS


def clip_to_paragraph(doc: Doc, rng: TokenRange, anchor: int) -> TokenRange:
    """Content never crosses a paragraph break, even where the parser runs a heading into
    the next sentence: keep the side of the break the cue is on."""
    start, end = rng
    # a token's trailing whitespace is one space at most (spaCy makes any other its own token),
    # so a break lies in a stretch's words when it lies in its text, which spaCy joins in C
    between = doc[anchor + 1 : start] if anchor < start else doc[end:anchor]
    if "\n" in between.text_with_ws:
        return start, start  # wholly past a break from the cue: nothing on the cue's side
    if "\n" not in doc[start:end].text_with_ws:
        return start, end
    for i in range(start, end):
        if "\n" in doc[i].text:
            if i < anchor:
                start = i + 1
            else:
                return start, i
    return start, end


def trim(doc: Doc, start: int, end: int, words: bool = True) -> TokenRange | None:
    """Strip punctuation, spaces, clause-introducing words and a dateline from the edges of a
    content range."""
    cut = dateline_end(doc, start, end) if start < end else None
    start = cut if cut is not None else start
    while start < end and (
        doc[start].is_space
        or (words and doc[start].lower_ in CLAUSE_OPENERS)
        or (doc[start].is_punct and not doc[start].is_quote)
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space
        or (doc[end - 1].is_punct and not doc[end - 1].is_quote and doc[end - 1].text not in ("?", "!"))
        or doc[end - 1].lower_ in ("and", "but")
    ):
        end -= 1
    if end - start < 1 or not any(doc[i].is_alpha or doc[i].like_num for i in range(start, end)):
        return None
    return start, end


# what may open a clause before its subject: "If ...,", "On Friday,", "However,"
_OPENING_DEPS = frozenset({"advcl", "prep", "advmod", "npadvmod", "punct"})


def fronted_subject(host: Token, end: int) -> TokenRange | None:
    """The subject of ``host`` when it is all the words of the clause before token ``end`` (an
    insert: "The new tariff, the ministry said, will ...", "The sale, according to officials,
    is ..."), else None. Quoted words do not count: a quotation split by its cue ("The plan," he
    said, "is dead.") is read by the quotation rules."""
    doc = host.doc
    if end <= host.left_edge.i or host.i < end:
        return None
    for child in host.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i < end:
            lo, hi = subtree_range(child)
            if any(t.is_quote for t in doc[lo:end]) or not all(t.is_punct or t.is_space for t in doc[hi:end]):
                return None
            # "If the loan holds, the sale, according to officials, is ...": an adverbial set off
            # by a comma may open the clause before the subject
            opening = [c for c in host.children if c.i < lo]
            if opening and (doc[lo - 1].text != "," or any(c.dep_ not in _OPENING_DEPS for c in opening)):
                return None
            return lo, hi
    return None


def fronted_statement(host: Token, end: int, cand: Candidate) -> Candidate | None:
    """The fronted subject before an insert as a statement of its own, with the insert's cue and
    source: the guide counts a sentence split by its cue as two statements, as it does a split
    quotation ("Ukraine's membership, according to officials, is a guarantee" gives "Ukraine's
    membership" and "is a guarantee"). A pronoun or a lone name ("This, he said, was ...",
    "Rubio, he said, had promised ...") only points at what the rest is about and gives none."""
    doc = host.doc
    subject = fronted_subject(host, end)
    if subject is None:
        return None
    words = [t for t in doc[subject[0] : subject[1]] if not (t.is_punct or t.is_space)]
    if len(words) < 2 or all(t.pos_ == "PRON" for t in words):
        return None
    rng = trim(doc, *subject)
    return Candidate(rng, cand.cue, cand.source, cand.kind, subject[1] - 1) if rng else None


def dangling_preposition(tok: Token, start: int, end: int) -> bool:
    """ "... must include European input, with": a preposition whose object was cut away (it is
    the next statement's speaker) ends no content; "what they talked about" keeps its object."""
    return tok.dep_ == "prep" and not any(start <= c.i < end for c in tok.children)


_DATELINE_MARKS = frozenset({"-", "–", "—", ":"})


_DATELINE_BACK = 6  # tokens a range may start after its line's dateline begins ("KYIV , Nov 28")


def dateline_end(doc: Doc, start: int, end: int) -> int | None:
    """Where a dateline opening a paragraph ends ("MOSCOW, Oct 10 (Agency) - "): the token after
    its dash or colon, else None. A dateline is an upper-case place, then only names, dates,
    numbers, brackets and commas before the mark; it is where the story was filed, never a
    speaker or a part of what was said. The range may start inside it ("Nov 28 - Ukrainian
    President ...": the parser left the place out of the subject), so the line is read from its
    start."""
    line = start
    while line > 0 and start - line < _DATELINE_BACK and doc[line - 1].text_with_ws[-1] != "\n":
        line -= 1
    first = doc[line]
    if not (first.is_alpha and first.is_upper and len(first) >= 3):
        return None
    if line > 0 and doc[line - 1].text_with_ws[-1] != "\n":  # the character before it
        return None
    for t in doc[line + 1 : min(end, line + 12)]:
        if t.text in _DATELINE_MARKS:
            return t.i + 1 if start < t.i + 1 < end else None
        named = t.pos_ == "PROPN" or t.is_upper or t.ent_type_ in ("DATE", "GPE")
        if not (t.is_punct or t.like_num or named):
            return None
    return None


def without(rng: TokenRange, holes: Sequence[TokenRange], prefer_after: int) -> TokenRange:
    """Cut ``holes`` (cue, source) out of a range and keep the piece a reader takes as content.

    The piece after the cue wins when the cue precedes it ("which he said should focus on"),
    otherwise the longest piece.
    """
    pieces = [rng]
    for h0, h1 in holes:
        nxt = []
        for p0, p1 in pieces:
            if h1 <= p0 or h0 >= p1:
                nxt.append((p0, p1))
                continue
            if p0 < h0:
                nxt.append((p0, h0))
            if h1 < p1:
                nxt.append((h1, p1))
        pieces = nxt
    if not pieces:
        return rng[0], rng[0]
    after = [p for p in pieces if p[0] >= prefer_after]
    if after and after[0][1] - after[0][0] >= 2:
        return after[0]
    return max(pieces, key=lambda p: p[1] - p[0])


def conjuncts(head: Token, start: int, end: int) -> list[Token]:
    """The words joined to ``head`` by "and"/"or" (conj, at any depth) inside tokens
    [start, end), in text order: "Russia, Ukraine and the United States" from "Russia"."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ == "conj" and start <= c.i < end:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


_TITLE_CAPITALS = 0.6
_TITLE_MINOR_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with"}
)


def title_cased(doc: Doc, first: int, last: int) -> bool:
    """Words in Title Case: title case leaves the short function words low ("State of the
    Union", "Face the Nation")."""
    words = [t for t in doc[first:last] if t.is_alpha]
    if len(words) < 2 or not words[0].is_title:
        return False
    major = [t for t in words if t.lower_ not in _TITLE_MINOR_WORDS] or words
    return sum(t.text[0].isupper() for t in major) >= _TITLE_CAPITALS * len(major)


def names_a_work(doc: Doc, first: int, last: int) -> bool:
    """ "the anthem “Rivers of Home”", "In her memoir, “Roads Less Paved,” she ...": quoted words
    (tokens ``first`` to ``last``, inside the marks) in Title Case right after a common noun, or
    set off by a comma after one, are the name of what the noun is (a book, a song, a show),
    however the parser reads them."""
    i = first - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return (
        i >= 0
        and doc[i].tag_ in ("NN", "NNS")
        and doc[i].sent == doc[first].sent
        and title_cased(doc, first, last)
    )
