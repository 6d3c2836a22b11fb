"""Reported-speech rules over the dependency parse: cue, source and content as token ranges.

Each rule looks only at a cue token and its parse neighbourhood (children, head, a few
ancestors), so the whole pass is linear in the number of tokens. Ranges are half-open token
index pairs; ``attribution.py`` turns them into character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from redline.knowledge.cues import CueLexicon

TokenRange = tuple[int, int]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLAUSE = ("ccomp",)
_INHERIT = ("conj", "advcl", "xcomp", "acl", "pcomp", "dep", "prep")
_RELATIVIZERS = frozenset({"who", "that", "which", "whom"})
_LEAD_STRIP = frozenset({"that", "and", "but", "or", "whether", "if", ":", ",", ";", "-", "—", "–"})
_DIRECTIVE_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "oprd"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "oprd", "attr"})
_OBJECT_PREPS = frozenset({"of", "for", "as", "over", "on", "about", "to"})
_MAX_ANCESTORS = 4
_MAX_HOSTED_CUE = 10  # tokens in a ", he said on Friday," insert
# named entities that, as objects of a reporting verb, are hearers: "told Smith", "urged Democrats"
_HEARER_ENTS = frozenset({"PERSON", "NORP"})


@dataclass(slots=True)
class Candidate:
    """One attribution found by a rule, in token ranges; ``kind`` names the rule's cue kind."""

    content: TokenRange
    cue: TokenRange | None
    source: TokenRange | None
    kind: str
    cue_token: int = -1


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def subtree_range(tok: Token) -> TokenRange:
    return tok.left_edge.i, tok.right_edge.i + 1


def noun_phrase(tok: Token) -> TokenRange:
    """The mention as written: the noun's subtree, cut before a comma-led relative clause."""
    start, end = subtree_range(tok)
    doc = tok.doc
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl") and child.i > tok.i:
            cut = child.left_edge.i
            while cut > tok.i + 1 and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
                cut -= 1
            end = min(end, cut)
            break
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
_IN_NAME = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART"})


def adjacent_source(doc: Doc, cue: int, quoted: Sequence[bool]) -> TokenRange | None:
    """Fallback when the parse gives the cue no subject: the name written right next to it
    (", Tulsa police Chief Chuck Jordan said" / "said Jordan,")."""
    for step in (-1, 1):
        i = cue + step
        while (
            0 <= i < len(doc)
            and (doc[i].pos_ == "ADV" or (doc[i].is_space and "\n" not in doc[i].text))
            and abs(i - cue) <= 2
        ):
            i += step
        j = i
        while 0 <= j < len(doc) and not quoted[j] and doc[j].pos_ in _IN_NAME and abs(j - cue) <= 8:
            j += step
        lo, hi = (j + 1, i + 1) if step < 0 else (i, j)
        if hi > lo and any(doc[k].pos_ in _NOMINAL for k in range(lo, hi)):
            return lo, hi
    return None


def find_source(verb: Token, cues: CueLexicon, quoted: Sequence[bool] = ()) -> TokenRange | None:
    """The speaker mention of a cue verb, never reaching over a paragraph break.

    A subject the parser found in the previous paragraph (a dateline, a time stamp, a section
    heading run into the sentence) is replaced by the name written next to the cue.
    """
    rng = _find_source(verb, cues, quoted)
    if rng is None:
        return None
    doc = verb.doc
    gap = range(rng[1], verb.i) if rng[1] <= verb.i else range(verb.i + 1, rng[0])
    if any("\n" in doc[i].text for i in gap):
        return adjacent_source(doc, verb.i, quoted or [False] * len(doc))
    rng = clip_to_paragraph(doc, rng, verb.i)
    return rng if rng[1] > rng[0] else None


def _find_source(verb: Token, cues: CueLexicon, quoted: Sequence[bool] = ()) -> TokenRange | None:
    """The speaker mention of a cue verb: its subject, a passive agent, or the subject it shares.

    "saying", "adding", "but said" and "to warn" have no subject of their own and take the one
    of the verb they hang on; "officials who said" points back to the noun the clause modifies.
    """
    tok: Token | None = verb
    for _ in range(_MAX_ANCESTORS):
        if tok is None or (quoted and quoted[tok.i]):
            return None  # a speaker is never inside someone else's quotation
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        for child in tok.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return noun_phrase(objs[0])
        for child in tok.children:
            if quoted and quoted[child.i]:
                continue
            if child.dep_ in _SUBJECTS and not (passive and child.dep_ == "nsubjpass" and tok is verb):
                if child.lower_ in _RELATIVIZERS and tok.dep_ == "relcl":
                    # "Mr. Obama, who said": the antecedent through the relative pronoun
                    return _head_noun(tok.head)[0], child.i + 1
                if child.dep_ == "csubj":
                    return None
                return noun_phrase(child)
        if passive:
            return None
        if tok.dep_ == "relcl" and tok is verb:
            return None
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return _head_noun(tok.head)
        if tok.dep_ in _INHERIT and tok.head is not tok:
            tok = tok.head
            if tok.dep_ == "ccomp" and cues.verb_kind(tok.head.lemma_) is not None:
                tok = tok.head  # "said X, adding Y": the parser often hangs "adding" on X
            continue
        return None
    return None


def _head_noun(noun: Token) -> TokenRange:
    start = noun.left_edge.i
    return start, noun.i + 1


def clip_to_paragraph(doc: Doc, rng: TokenRange, anchor: int) -> TokenRange:
    """Content never crosses a paragraph break, even where the parser runs a heading into
    the next sentence: keep the side of the break the cue is on."""
    start, end = rng
    for i in range(start, end):
        if "\n" in doc[i].text:
            if i < anchor:
                start = i + 1
            else:
                return start, i
    return start, end


def _trim(doc: Doc, start: int, end: int, words: bool = True) -> TokenRange | None:
    """Strip punctuation, spaces and clause-introducing words from the edges of a content range."""
    while start < end and (
        doc[start].is_space
        or (words and doc[start].lower_ in _LEAD_STRIP)
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


def _without(rng: TokenRange, holes: Sequence[TokenRange], prefer_after: int) -> TokenRange:
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


def _cue_range(verb: Token) -> TokenRange:
    """The cue as written: the verb plus its auxiliaries, negation and particle."""
    start = verb.i
    end = verb.i + 1
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg") and verb.i - 3 <= child.i < verb.i:
            start = min(start, child.i)
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
    return start, end


def _clause_candidate(
    verb: Token, comp: Token, kind: str, cues: CueLexicon, quoted: Sequence[bool]
) -> Candidate | None:
    doc = verb.doc
    source = find_source(verb, cues, quoted)
    cue = _cue_range(verb)
    holes = [cue] + ([source] if source else [])
    rng = _without(subtree_range(comp), holes, prefer_after=cue[1] if comp.i > verb.i else 0)
    rng = clip_to_paragraph(doc, rng, verb.i)
    trimmed = _trim(doc, *rng)
    if trimmed is None:
        return None
    return Candidate(trimmed, cue, source, kind, verb.i)


def _host_content(verb: Token, cues: CueLexicon) -> TokenRange | None:
    """ "..., he said." or "The plan, he said, is dead": the parser hangs the cue on the content,
    so the content is the host clause minus the cue's own subtree (the longer side)."""
    head = verb.head
    if head is verb or not is_verb(head):
        return None
    hole = subtree_range(verb)
    whole = subtree_range(head)
    rng = _without(whole, [hole], prefer_after=len(verb.doc) + 1)
    doc = verb.doc
    if whole[0] + 3 <= hole[0] and _joined_after(doc, hole[1], whole[1], cues):
        rng = (whole[0], hole[0])  # "X, he said, and Y": X here, Y by _continued
    elif hole[1] + 3 <= whole[1] and _adverbial_opening(doc[whole[0]], head):
        rng = whole  # "If they asked, he said, Moscow was ready": one clause around the insert
    if rng[1] - rng[0] < 3:
        return None
    return rng


def _joined_after(doc: Doc, start: int, end: int, cues: CueLexicon) -> bool:
    """Whether the words after an inserted cue open with "and"/"but"/"while" (after any comma)."""
    for t in doc[start:end]:
        if t.is_punct or t.is_space:
            continue
        return t.dep_ == "cc" or (t.dep_ == "mark" and t.lower_ in cues.continuing_marks)
    return False


def _adverbial_opening(first: Token, host: Token) -> bool:
    """Whether the host clause opens with an adverbial clause of its own ("If they wanted ...")."""
    return first.dep_ == "mark" and first.head.dep_ == "advcl" and first.head.head == host


def _temporal(prep: Token) -> bool:
    """ "on Tuesday", "for weeks": a time phrase, not part of what was said."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _right_complement(verb: Token, deps: frozenset[str], preps: frozenset[str]) -> TokenRange | None:
    parts = [
        c
        for c in verb.rights
        if c.dep_ in deps or (c.dep_ == "prep" and c.lower_ in preps and not _temporal(c))
    ]
    if not parts:
        return None
    start = parts[0].left_edge.i
    if parts[0].dep_ == "prep":
        start = parts[0].i + 1
    return start, parts[-1].right_edge.i + 1


def _make(
    doc: Doc,
    verb: Token,
    rng: TokenRange | None,
    kind: str,
    cues: CueLexicon,
    quoted: Sequence[bool],
    source: bool = True,
) -> Candidate | None:
    if rng is None:
        return None
    trimmed = _trim(doc, *clip_to_paragraph(doc, rng, verb.i))
    if trimmed is None:
        return None
    src = find_source(verb, cues, quoted) if source else None
    return Candidate(trimmed, _cue_range(verb), src, kind, verb.i)


def _clausal(tok: Token, kind: str | None, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    if kind is None:
        return None
    comps = [c for c in tok.children if c.dep_ in _CLAUSE]
    if not comps and kind in ("speech", "writing"):
        comps = [
            c for c in tok.children if c.dep_ == "parataxis" and not quoted[c.i] and not _insert(c, cues)
        ]
    if not comps:
        comps = _misattached_clauses(tok)
    if not comps:
        return None
    comp = max(comps, key=lambda c: c.right_edge.i - c.left_edge.i)
    cand = _clause_candidate(tok, comp, kind, cues, quoted)
    if cand is None or not _has_verb(tok.doc, cand.content):
        return None  # "alleged Crimea bridge attackers": a headline noun phrase, not a clause
    return cand


def _misattached_clauses(tok: Token) -> list[Token]:
    """Content clauses the parser hung elsewhere: "said after the talks he would sign" (advcl)
    or "told a meeting of leaders that few people understood" (relative clause of the object)."""
    out = []
    for child in tok.rights:
        if child.dep_ == "advcl" and is_verb(child) and _own_subject(child):
            marks = [m.lower_ for m in child.children if m.dep_ == "mark"]
            if not marks or marks == ["that"]:
                out.append(child)
        elif child.dep_ in ("dobj", "dative"):
            for sub in child.subtree:
                if (
                    sub.dep_ in ("relcl", "acl")
                    and _own_subject(sub)
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in sub.children)
                ):
                    out.append(sub)
                    break
    return out


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS and c.lower_ not in _RELATIVIZERS for c in verb.children)


def _hosted(tok: Token, kind: str | None, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    as_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    if kind is None or (kind not in ("speech", "writing") and not as_clause):
        return None  # "as we saw in 2009, ..." carries any cue kind
    if tok.dep_ not in ("parataxis", "ccomp", "conj", "advcl"):
        return None
    if any(c.dep_ == "mark" and c.lower_ != "as" for c in tok.children):
        return None  # "and that the talks will continue" is a clause, not a ", he continued" insert
    start, end = subtree_range(tok)
    if end - start > _MAX_HOSTED_CUE:
        return None  # a long clause is not a ", he said" insert
    if cues.verb_kind(tok.head.lemma_) is not None and not _between_subject_and_verb(tok):
        return None  # a cue's clause is its content, unless "Trump, he said, had promised ..."
    if any(c.dep_ in ("dobj", "xcomp") for c in tok.children):
        return None
    return _make(tok.doc, tok, _host_content(tok, cues), kind, cues, quoted)


def _insert(tok: Token, cues: CueLexicon) -> bool:
    """A short ", he said," hung on another verb: an insert, not that verb's content."""
    start, end = subtree_range(tok)
    return cues.verb_kind(tok.lemma_) in ("speech", "writing") and end - start <= _MAX_HOSTED_CUE


def _between_subject_and_verb(tok: Token) -> bool:
    """Whether an insert splits its host's subject from its verb: "Trump, he said, had promised"."""
    head = tok.head
    subjects = [c for c in head.children if c.dep_ in _SUBJECTS and c.i < tok.i]
    return (
        bool(subjects)
        and tok.i < head.i
        and any(t.is_punct for t in tok.doc[subjects[-1].right_edge.i + 1 : tok.left_edge.i + 1])
    )


def _directive(tok: Token, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    lemma = tok.lemma_.lower()
    if lemma not in cues.directive_verbs or _is_passive(tok):
        return None
    particles = cues.directive_particles
    if not any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in particles) for c in tok.rights
    ):
        return None
    rng = _right_complement(tok, _DIRECTIVE_DEPS, particles)
    return _make(tok.doc, tok, rng, "directive", cues, quoted)


def _raising(tok: Token, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    """ "X seems to ...", "X is expected to ...": a stance of the writer, no source named."""
    lemma = tok.lemma_.lower()
    if lemma not in cues.raising_verbs and not (lemma in cues.passive_raising_verbs and _is_passive(tok)):
        return None
    xcomps = [c for c in tok.rights if c.dep_ == "xcomp"]
    if not xcomps:
        return None
    inner = xcomps[0].lemma_.lower()
    if cues.verb_kind(inner) or inner in cues.object_verbs or inner in cues.directive_verbs:
        return None  # "appeared to suggest that ...": the inner cue carries the statement
    return _make(tok.doc, tok, subtree_range(xcomps[0]), "raising", cues, quoted, source=False)


def _object(tok: Token, kind: str | None, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    """ "X endorsed Y", "X stressed the need for Y": a stance or speech verb and its object.

    Reporting verbs outside ``object_verbs`` qualify too, unless their object is a hearer
    ("told him", "reminded reporters"): then the object is not what was said.
    """
    lemma = tok.lemma_.lower()
    listed = lemma in cues.object_verbs
    if not listed and (kind is None or lemma in cues.not_object_verbs):
        return None
    if _is_passive(tok):
        return _passive_object(tok, cues, quoted) if listed and tok.dep_ != "acl" else None
    objs = [c for c in tok.rights if c.dep_ == "dobj"]
    if not objs or objs[0].lemma_.lower() in cues.audience:
        return None
    if not listed and (objs[0].ent_type_ in _HEARER_ENTS or objs[0].lower_ in cues.audience):
        return None
    rng = _right_complement(tok, _OBJECT_DEPS - {"dative"}, _OBJECT_PREPS)
    return _make(tok.doc, tok, rng, "object" if listed else "report_object", cues, quoted)


def _attributive(tok: Token, cues: CueLexicon) -> bool:
    """ "alleged Crimea bridge attackers": an adjectival participle the parser read as a verb.

    Its bare noun phrase (no determiner, no pronoun) starts right after it, and either that
    phrase is parsed as its object or the line has no final punctuation (a headline or a
    crosshead, where the parser also turns plural nouns into verbs: "alleged railway saboteurs").
    """
    if tok.lower_ not in cues.attributive_participles or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    if nxt.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    if any(c.dep_ == "dobj" and c.left_edge.i == nxt.i for c in tok.rights):
        return True
    return _unpunctuated(tok.sent)


def _unpunctuated(sent: Span) -> bool:
    words = [t for t in sent if not t.is_space]
    return bool(words) and not (words[-1].is_punct or words[-1].is_quote)


def _passive_object(tok: Token, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    """ "X was accused of Y", "X is supported by Y": the complement (or the subject) is the
    content and the agent, if any, the source."""
    subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if not subjects or subjects[0].lower_ in _RELATIVIZERS:
        return None
    rng = _right_complement(tok, frozenset({"xcomp", "oprd"}), _OBJECT_PREPS - {"by"})
    if rng is None:
        if not any(c.dep_ == "agent" for c in tok.children) or subjects[0].pos_ == "PRON":
            return None  # "details have not been disclosed": nobody is said to speak
        rng = subtree_range(subjects[0])
    return _make(tok.doc, tok, rng, "object", cues, quoted)


def _prep_object(tok: Token, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    preps = cues.prep_verbs.get(tok.lemma_.lower())
    if not preps or _is_passive(tok):
        return None
    for child in tok.rights:
        if child.dep_ in ("prep", "prt") and child.lower_ in preps:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                rng = (objs[0].left_edge.i, child.right_edge.i + 1)
                return _make(tok.doc, tok, rng, "prep", cues, quoted)
    return None


def _is_passive(tok: Token) -> bool:
    """Passive voice, including reduced relatives ("eight men accused of ..." ) whose subject
    is the one spoken about, not the speaker."""
    if any(c.dep_ == "auxpass" for c in tok.children):
        return True
    if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD"):
        return not any(c.dep_ in _SUBJECTS for c in tok.children)
    return (
        tok.tag_ == "VBN"
        and tok.dep_ in ("amod", "advcl", "relcl")
        and not any(c.dep_ == "aux" for c in tok.children)
    )  # "who has campaigned" is active


def _has_verb(doc: Doc, rng: TokenRange) -> bool:
    return any(is_verb(t) for t in doc[rng[0] : rng[1]])


def verb_candidates(doc: Doc, cues: CueLexicon, quoted: Sequence[bool]) -> list[Candidate]:
    """Reporting, directive and stance verbs with their content, first matching rule wins."""
    out: list[Candidate] = []
    for tok in doc:
        if quoted[tok.i] or not is_verb(tok) or _attributive(tok, cues):
            continue
        kind = cues.verb_kind(tok.lemma_)
        cand = (
            _clausal(tok, kind, cues, quoted)
            or _hosted(tok, kind, cues, quoted)
            or _directive(tok, cues, quoted)
            or _raising(tok, cues, quoted)
            or _object(tok, kind, cues, quoted)
            or _prep_object(tok, cues, quoted)
        )
        if cand is not None and not _nobody_speaks(tok, cand, cues):
            out.append(cand)
            if kind in ("speech", "writing"):
                out.extend(_continued(tok, cand, cues))
    return out


def _nobody_speaks(tok: Token, cand: Candidate, cues: CueLexicon) -> bool:
    """Verb forms that name an act of saying nobody performs here.

    "Asked whether they would meet, Ushakov said": the reporter's question; "Accepting it would
    mean giving up land": a gerund subject, with no one to do it; "it would be impossible to hold
    anyone accountable": an infinitive extraposed after "it", whose doer is anyone.
    """
    if any(c.dep_ in _SUBJECTS for c in tok.children):
        return False
    if tok.tag_ in ("VBN", "VBD") and tok.dep_ == "advcl" and tok.lemma_.lower() in cues.question_verbs:
        return True
    if tok.tag_ == "VBG" and cand.source is None and _gerund_subject(tok):
        return True
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) or tok.head.pos_ != "ADJ":
        return False
    holders = [*tok.head.children, *tok.head.head.children]
    return any(c.lower_ == "it" and c.dep_ in ("nsubj", "expl") for c in holders)


def _gerund_subject(tok: Token) -> bool:
    """ "Rejecting the plan risks ..." (often parsed as an adjunct): a gerund opening its sentence
    with no comma after its phrase is the subject; "Railing against Trump, Sanders said" is not."""
    if tok.dep_ in ("csubj", "csubjpass"):
        return True
    after = tok.right_edge.i + 1
    return tok.i == tok.sent.start and after < len(tok.doc) and tok.doc[after].text != ","


def _continued(tok: Token, cand: Candidate, cues: CueLexicon) -> list[Candidate]:
    """ "The plan is fair, he said, and it is now up to Moscow": a clause joined by "and"/"but"
    right after an inserted cue goes on with what the speaker said, not with the narrator.

    The parser hangs that clause on the cue ("said ... and was") or on the host clause the cue
    interrupts; either way it becomes a statement of its own with the same cue and source. Its
    cue token is the clause's verb, so that the nesting step keeps it beside the first one.
    """
    if cand.content[1] > tok.i or quoted_clause(tok):
        return []
    host = tok.head if tok.dep_ == "parataxis" else tok
    doc = tok.doc
    source_words = {doc[i].lower_ for i in range(*cand.source)} if cand.source else set()
    out = []
    for clause in host.rights:
        if clause.i < tok.i or not is_verb(clause):
            continue
        marks = [c for c in clause.children if c.dep_ == "mark"]
        if clause.dep_ == "advcl" and marks and marks[0].lower_ in cues.continuing_marks:
            opening = marks[0].i + 1  # "while the Americans were trying": without "while"
        elif clause.dep_ == "conj":
            opening = clause.left_edge.i
        else:
            continue
        own_content = any(c.dep_ in ("ccomp", "xcomp") for c in clause.children)
        if cues.verb_kind(clause.lemma_) is not None and own_content:
            continue  # "..., he said, and warned that ...": a cue of its own
        subjects = [c for c in clause.children if c.dep_ in _SUBJECTS or c.dep_ == "expl"]
        if not subjects or subjects[0].lower_ in source_words:
            continue  # "..., he said, and he left": the narrator goes on about the speaker
        between = doc[(tok.i if host is tok else tok.right_edge.i) + 1 : opening]
        joiners = [t for t in between if not t.is_punct]
        if len(joiners) != 1 or not (joiners[0].dep_ == "cc" or joiners[0].lower_ in cues.continuing_marks):
            continue
        rng = clip_to_paragraph(doc, (opening, clause.right_edge.i + 1), clause.i)
        trimmed = _trim(doc, *rng)
        if trimmed is not None:
            out.append(Candidate(trimmed, cand.cue, cand.source, cand.kind, clause.i))
    return out


def quoted_clause(tok: Token) -> bool:
    """Whether the cue sits right after a closing quotation mark (the quote scanner's business)."""
    return tok.i >= 2 and tok.doc[tok.i - 2].is_quote and tok.doc[tok.i - 2].text in ("”", '"', "»")


def prepositional_candidates(doc: Doc, cues: CueLexicon, quoted: Sequence[bool]) -> list[Candidate]:
    """ "according to X": X is the source, the clause the phrase attaches to is the content."""
    out: list[Candidate] = []
    firsts = {p[0]: p for p in cues.prepositional}
    for tok in doc:
        phrase = firsts.get(tok.lower_)
        if phrase is None or quoted[tok.i]:
            continue
        end = tok.i + len(phrase)
        if end > len(doc) or tuple(t.lower_ for t in doc[tok.i : end]) != phrase:
            continue
        last = doc[end - 1]
        objs = [c for c in last.children if c.dep_ == "pobj"] or [
            t for t in doc[end : end + 1] if t.pos_ in ("PROPN", "NOUN", "PRON")
        ]
        if not objs:
            continue
        source = noun_phrase(objs[0])
        phrase_range = (tok.i, max(source[1], end))
        sent = tok.sent
        rng = _without((sent.start, sent.end), [phrase_range], prefer_after=len(doc) + 1)
        trimmed = _trim(doc, *clip_to_paragraph(doc, rng, tok.i))
        if trimmed:
            out.append(Candidate(trimmed, (tok.i, end), source, "prepositional", tok.i))
    return out


def _noun_source(noun: Token, cues: CueLexicon) -> TokenRange | None:
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        start, _ = noun_phrase(poss[0])
        end = poss[0].i + 1
        return start, end
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in cues.passive_sources:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return noun_phrase(objs[0])
    return None


def noun_object_candidates(doc: Doc, cues: CueLexicon, quoted: Sequence[bool]) -> list[Candidate]:
    """ "Trump's attacks on the judge", "her support for the bill": the object of a stance noun."""
    out: list[Candidate] = []
    for tok in doc:
        if quoted[tok.i] or tok.pos_ != "NOUN":
            continue
        preps = cues.prep_nouns.get(tok.lemma_.lower())
        if not preps:
            continue
        for child in tok.rights:
            if child.dep_ != "prep" or child.lower_ not in preps:
                continue
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if not objs:
                continue
            rng = clip_to_paragraph(doc, (objs[0].left_edge.i, child.right_edge.i + 1), tok.i)
            trimmed = _trim(doc, *rng)
            source = _noun_source(tok, cues)
            if trimmed and source:  # without a holder the noun is the writer's framing
                out.append(Candidate(trimmed, (tok.i, child.i + 1), source, "noun_object", tok.i))
            break
    return out


def predicate_candidates(doc: Doc, cues: CueLexicon, quoted: Sequence[bool]) -> list[Candidate]:
    """ "X is critical of Y", "X was confident that Y", "X is an opponent of Y"."""
    out: list[Candidate] = []
    for tok in doc:
        if quoted[tok.i] or tok.dep_ not in ("acomp", "attr") or tok.head.lemma_.lower() not in cues.copulas:
            continue
        allowed = cues.predicates.get(tok.lemma_.lower()) or cues.predicates.get(tok.lower_)
        if not allowed:
            continue
        rng: TokenRange | None = None
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in allowed:
                objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objs:
                    rng = (objs[0].left_edge.i, child.right_edge.i + 1)
            elif (child.dep_ == "ccomp" and "that" in allowed) or (child.dep_ == "xcomp" and "to" in allowed):
                rng = subtree_range(child)
            if rng:
                break
        copula = tok.head
        source = find_source(copula, cues, quoted)
        if rng is None or source is None:
            continue
        trimmed = _trim(doc, *clip_to_paragraph(doc, rng, tok.i))
        if trimmed:
            cue = (min(copula.i, tok.i), max(copula.i, tok.i) + 1)
            out.append(Candidate(trimmed, cue, source, "predicate", tok.i))
    return out


def noun_candidates(doc: Doc, cues: CueLexicon, quoted: Sequence[bool]) -> list[Candidate]:
    """ "the claim that ...", "Trump's insistence that ...": a speech noun with a content clause."""
    out: list[Candidate] = []
    for tok in doc:
        if quoted[tok.i] or tok.pos_ != "NOUN" or tok.lemma_.lower() not in cues.clause_nouns:
            continue
        clauses = [
            c
            for c in tok.rights
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ]
        if not clauses:
            continue
        poss = [c for c in tok.children if c.dep_ == "poss"]
        source = noun_phrase(poss[0]) if poss else None
        if source is not None and source[1] > tok.i:
            source = (source[0], tok.i)
        trimmed = _trim(doc, *subtree_range(clauses[0]))
        if trimmed:
            out.append(Candidate(trimmed, (tok.i, tok.i + 1), source, "noun", tok.i))
    return out


# a line opening with a short capitalised label and a colon: "Sanders: Clinton must ...",
# "PENCE: Well, look ...", "Q: How did ...". The label holds no digits (times, scores).
_LABEL = re.compile(
    r"^[\"“'‘]?(?P<label>[A-Z][^\W\d_]*\.?(?:[ \-’'][A-Z][^\W\d_]*\.?){0,3}):[ \t\xa0]+"
    r"(?P<content>\S[^\n]*)",
    re.MULTILINE,
)


def label_candidates(doc: Doc, cues: CueLexicon, quoted: Sequence[bool]) -> list[Candidate]:
    """ "Name: statement" lines: the label is the source, the colon the cue, the rest the content."""
    out: list[Candidate] = []
    for m in _LABEL.finditer(doc.text):
        label = m.group("label")
        if label.lower() in cues.label_exclusions:
            continue
        src = doc.char_span(m.start("label"), m.end("label"), alignment_mode="expand")
        body = doc.char_span(m.start("content"), m.end("content"), alignment_mode="expand")
        if src is None or body is None or len(body) < 2:
            continue
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in src):
            continue  # "He said: ..." is a cue verb, handled with the quotes
        colon = src.end
        content = _trim(doc, body.start, body.end, words=False)
        if content is None or doc[colon].text != ":":
            continue
        out.append(Candidate(content, (colon, colon + 1), (src.start, src.end), "colon", colon))
    return out
