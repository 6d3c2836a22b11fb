"""Reported-speech rules over the dependency parse: cue, source and content as token ranges.

Each rule looks only at a cue token and its parse neighbourhood (children, head, a few
ancestors), so the whole pass is linear in the number of tokens. Ranges are half-open token
index pairs; ``attribution.py`` turns them into character offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from redline.extract.english import (
    DEMONSTRATIVE_PRONOUNS,
    IN_NAME_POS,
    NOMINAL_POS,
    RELATIVE_PRONOUNS,
    SUBJECTS,
    SUBORDINATORS,
    TIME_ENTS,
)
from redline.extract.token_ranges import (
    Candidate,
    TokenRange,
    clip_to_paragraph,
    dateline_end,
    fronted_statement,
    fronted_subject,
    is_verb,
    misread_noun,
    names_a_work,
    noun_phrase,
    subtree_range,
    trim,
    without,
)
from redline.knowledge.cues import CueLexicon

_CLAUSE = ("ccomp",)
_INHERIT = ("conj", "advcl", "xcomp", "acl", "pcomp", "dep", "prep", "acomp")
_DIRECTIVE_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "oprd"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "oprd", "attr"})
_OBJECT_PREPS = frozenset({"of", "for", "as", "over", "on", "about", "to"})
_MAX_ANCESTORS = 4
_HELPERS = frozenset({"aux", "auxpass", "neg"})
_MAX_HOSTED_CUE = 10  # tokens in a ", he said on Friday," insert
# complements that give a verb content of its own, so that it is no bare ", he said," insert
_OWN_CONTENT = frozenset({"ccomp", "xcomp", "advcl", "conj", "oprd", "acomp"})
# named entities that, as objects of a reporting verb, are hearers: "told Smith", "urged Democrats"
_HEARER_ENTS = frozenset({"PERSON", "NORP", "ORG"})
_SOURCE_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
# named bodies and places: "who" after one of them, inside a person's "for"/"of" phrase, is the person
_BODY_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


def adjacent_source(doc: Doc, cue: int, quoted: Sequence[bool]) -> TokenRange | None:
    """Fallback when the parse gives the cue no subject: the name written right next to it
    (", Tulsa police Chief Chuck Jordan said" / "said Jordan,")."""
    for step in (-1, 1):
        i = cue + step
        if step < 0 and _set_off_name_before(doc, cue):
            i -= 1  # "In Brussels, a spokeswoman, Jane Doe, said": the name set off before the cue
        helpers = 0  # the cue's own auxiliaries ("Trump is once again questioning"), not counted
        while 0 <= i < len(doc):
            if step < 0 and doc[i].dep_ in _HELPERS and doc[i].head.i == cue:
                helpers += 1
            elif not (
                (doc[i].pos_ == "ADV" or (doc[i].is_space and "\n" not in doc[i].text))
                and abs(i - cue) - helpers <= 2
            ):
                break
            i += step
        j = i
        while (
            0 <= j < len(doc)
            and not quoted[j]
            and doc[j].pos_ in IN_NAME_POS
            and doc[j].ent_type_ not in TIME_ENTS  # "said Thursday morning": a time names no one
            and abs(j - cue) <= 8
        ):
            j += step
        lo, hi = (j + 1, i + 1) if step < 0 else (i, j)
        if (
            step > 0
            and is_verb(doc[cue])
            and any(doc[k].dep_ in ("dobj", "dative") and doc[k].head.i == cue for k in range(lo, hi))
        ):
            continue  # "reminds all partners that": whom it was said to, not who said it
        if step > 0 and any(
            doc[k].dep_ in SUBJECTS and doc[k].head.head.i == cue and doc[k].head.dep_ == "ccomp"
            for k in range(lo, hi)
        ):
            continue  # "said the bloc would keep ...": the subject of what was said, not who said it
        if hi > lo and any(doc[k].pos_ in NOMINAL_POS for k in range(lo, hi)):
            return lo, hi
    return None


def _set_off_name_before(doc: Doc, cue: int) -> bool:
    """ "In Brussels, an EU spokeswoman, Jane Doe, said": a name in apposition, closed by a comma
    right before the cue, that the parser hung on the place before it instead of the cue."""
    return (
        cue >= 2
        and doc[cue - 1].text == ","
        and doc[cue - 2].pos_ == "PROPN"
        and doc[cue - 2].dep_ == "appos"
        and doc[cue - 2].head.i < cue - 2
    )


def _name_in_fronted_phrase(verb: Token) -> Token | None:
    """ "On Facebook, Jane Doe, the mayor, asked ...": a name set off by commas after a fronted
    phrase, which the parser joined to that phrase's object as a conjunct (the object hung on
    the preposition, or taken for the subject with the preposition left dangling); the name is
    the subject."""
    doc = verb.doc
    objects = [o for p in verb.children if p.dep_ == "prep" and p.i < verb.i for o in p.children]
    for c in verb.children:
        before = c.left_edge.i - 1
        if c.dep_ in SUBJECTS and before >= 0 and doc[before].dep_ == "prep" and doc[before].head.i == verb.i:
            objects.append(c)  # "On Facebook" with "Facebook" read as the subject
    for obj in objects:
        if obj.i > verb.i or any(c.dep_ == "cc" for c in obj.children):
            continue  # "In Paris, Berlin and Rome, ...": a list of places, not a name set off
        for name in obj.children:
            if (
                name.dep_ == "conj"
                and name.ent_type_ == "PERSON"
                and doc[name.left_edge.i - 1].text == ","
                and name.right_edge.i < verb.i
            ):
                return name
    return None


def _heads_its_paragraph(verb: Token) -> bool:
    """The root of its sentence, or hung by the parser on a word across a paragraph break (a
    headline run into the next line): either way nothing in its own line governs it."""
    return verb.dep_ == "ROOT" or _across_paragraphs(verb, verb.head)


def find_source(verb: Token, cues: CueLexicon, quoted: Sequence[bool] = ()) -> TokenRange | None:
    """The speaker mention of a cue verb, never reaching over a paragraph break.

    A subject the parser found in the previous paragraph (a dateline, a time stamp, a section
    heading run into the sentence) is replaced by the name written next to the cue.
    """
    fronted = _name_in_fronted_phrase(verb)
    if fronted is not None:
        return noun_phrase(fronted)
    rng = _find_source(verb, cues, quoted)
    doc = verb.doc
    if rng is None and _heads_its_paragraph(verb) and not any(c.dep_ in SUBJECTS for c in verb.children):
        # "..., Ambassador to the US Olga Hansen said.": the parser hung the name on the
        # content's last noun; the speaker is the name written right before the verb
        return adjacent_source(doc, verb.i, quoted or [False] * len(doc))
    if rng is None:
        return None
    rng = _verb_in_subject(doc, rng)
    gap = range(rng[1], verb.i) if rng[1] <= verb.i else range(verb.i + 1, rng[0])
    if any("\n" in doc[i].text for i in gap):
        # the parser took a heading for the subject; the name written before the verb that has
        # the subject speaks ("The Latest ...\nDonald Trump is questioning ..., encouraging ...")
        mask = quoted or [False] * len(doc)
        owner = _subject_owner(doc, rng)
        if owner is not None and owner.i != verb.i and not _across_paragraphs(owner, verb):
            found = adjacent_source(doc, owner.i, mask)
            if found is not None:
                return found
        return adjacent_source(doc, verb.i, mask)
    cut = dateline_end(doc, rng[0], max(rng[1], verb.i)) if rng[0] < verb.i else None
    if cut is not None:  # "ERBIL (Agency) – Spokesperson Maria Zakharova has denied": not the place
        if cut >= rng[1]:  # the parser took the place for the subject: the one after it speaks
            rng = next(
                (
                    noun_phrase(c)
                    for t in (verb, verb.head, verb.head.head)
                    for c in t.children
                    if c.dep_ in SUBJECTS and cut <= c.i < verb.i
                ),
                (cut, cut),
            )
        else:
            rng = (cut, rng[1])
    rng = clip_to_paragraph(doc, rng, verb.i)
    return rng if rng[1] > rng[0] else None


def _subject_owner(doc: Doc, rng: TokenRange) -> Token | None:
    """The verb whose subject the mention ``rng`` is (the head of the mention's head word)."""
    head = next((t for t in doc[rng[0] : rng[1]] if not rng[0] <= t.head.i < rng[1]), None)
    if head is None or head.dep_ not in SUBJECTS or head.head.i == head.i:
        return None
    return head.head


def _verb_in_subject(doc: Doc, rng: TokenRange) -> TokenRange:
    """ "Mayor cancels meeting, citing ...": in a headline the parser may take the verb for the
    subject's head noun ("Mayor cancels"); the subject is then the verb's own subject."""
    head = next((t for t in doc[rng[0] : rng[1]] if not rng[0] <= t.head.i < rng[1] or t.head.i == t.i), None)
    if head is None or head.pos_ not in ("VERB", "AUX") or head.is_title or not head.lower_.endswith("s"):
        return rng
    own = [
        c
        for c in head.children
        if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i and c.pos_ in NOMINAL_POS
    ]
    return noun_phrase(own[0]) if own else rng


def _find_source(verb: Token, cues: CueLexicon, quoted: Sequence[bool] = ()) -> TokenRange | None:
    """The speaker mention of a cue verb: its subject, a passive agent, or the subject it shares.

    "saying", "adding", "but said" and "to warn" have no subject of their own and take the one
    of the verb they hang on; "officials who said" points back to the noun the clause modifies.
    """
    aside = _inserted_participle(verb)
    if aside is not None:  # "Peskov, asked about it, said": the aside's subject speaks
        return next(noun_phrase(c) for c in aside.children if c.dep_ in SUBJECTS and c.i < aside.i)
    accompanying = _with_subject(verb, cues) or _cited_participle_subject(verb, cues)
    if accompanying is not None:  # "..., with Foreign Minister Barrot stating that ..."
        return noun_phrase(accompanying)
    tok: Token | None = verb
    for _ in range(_MAX_ANCESTORS):
        if tok is not None and tok.i != verb.i and quoted and quoted[tok.i] and verb.dep_ == "conj":
            # "considers that «X is unacceptable» and reminds partners that ...": the parser
            # joined the verb to the quoted clause; the subject is that of the verb outside it
            tok = _outside_quote(tok, quoted)
        if tok is None or (quoted and quoted[tok.i] and _quoted_clause(tok, quoted)):
            return None  # a speaker is never inside someone else's quotation
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        by = _passive_source(tok, verb, passive, cues)
        if by is not None:
            return by
        for child in _subjects_first(tok):
            if quoted and quoted[child.i] and not _quoted_subject(child):
                continue
            if child.dep_ in SUBJECTS and not (passive and child.dep_ == "nsubjpass" and tok is verb):
                if child.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                    # "Mr. Obama, who said": the antecedent through the relative pronoun
                    return _head_noun(_relative_antecedent(child, tok.head))[0], child.i + 1
                if child.dep_ == "csubj":
                    return _apposed_after_participle(child)
                return noun_phrase(child)
        if passive:
            return None
        if tok.dep_ == "relcl" and tok is verb:
            return None
        if tok.dep_ == "acl" and _occasion(tok, cues):
            tok = tok.head.head  # "took the opportunity to warn": who took it warns
            continue
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return _head_noun(tok.head)
        if tok is verb and _trails_subordinate(tok, cues):
            tok = tok.head.head
            continue
        if tok.dep_ in _INHERIT and tok.head.i != tok.i:
            tok = tok.head
            if tok.dep_ == "prep" and tok.head.dep_ == "advmod" and tok.head.pos_ == "ADV":
                tok = tok.head.head  # "stopped short of calling", "aside from saying": the verb's
            if (
                tok.dep_ == "ccomp"
                and cues.verb_kind(tok.head.lemma_) is not None
                and not _across_paragraphs(tok, tok.head)
            ):
                tok = tok.head  # "said X, adding Y": the parser often hangs "adding" on X
            continue
        return None
    return None


def _apposed_after_participle(clause: Token) -> TokenRange | None:
    """ "Exercising the right of reply, the representative of Chile said ...": the parser may
    take the fronted participle clause for the subject and hang the speaker in it, as an
    apposition after its comma; the clause only says what the speaker was doing. A clause
    subject of any other kind ("Rejecting the plan risks ...") names no speaker."""
    if clause.tag_ not in ("VBG", "VBN") or clause.i != clause.sent.start:
        return None
    for t in clause.subtree:
        if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN") and clause.doc[t.left_edge.i - 1].text == ",":
            return noun_phrase(t)
    return None


def _quoted_clause(tok: Token, quoted: Sequence[bool]) -> bool:
    """A quoted verb whose clause is someone else's words; not one the writer quotes in a clause
    of their own ("she was “whisked off to hospital”"), whose subject stands outside the marks."""
    return not any(c.dep_ in SUBJECTS and not quoted[c.i] and c.i < tok.i for c in tok.children)


def marked_infinitive(verb: Token) -> bool:
    """The verb heads a "to" infinitive ("to warn", "to agree on financing"): a purpose, an
    occasion or a pledge's content, not a finite act of its own."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _occasion(clause: Token, cues: CueLexicon) -> bool:
    """ "missed no chance to remind voters", "took the opportunity to warn": an infinitive on the
    object of a verb, when that object is a thing, not a speaker, is done by the verb's subject."""
    noun = clause.head
    return (
        noun.dep_ == "dobj"
        and noun.pos_ == "NOUN"
        and not names_source(noun, cues)
        and marked_infinitive(clause)
    )


_MAX_QUOTED_SUBJECT = 6  # tokens of a subject set in quote marks ("“People familiar with the matter”")


def _quoted_subject(child: Token) -> bool:
    """ "“People familiar with the matter” told the newspaper that ...": a subject set off in
    quote marks of its own (the writer distancing from the paper's wording) is still the source;
    only a subject inside a longer quotation is someone else's words."""
    doc = child.doc
    lo, hi = child.left_edge.i, child.right_edge.i
    return (
        child.dep_ in ("nsubj", "nsubjpass")
        and hi - lo < _MAX_QUOTED_SUBJECT
        and lo > 0
        and doc[lo - 1].is_quote
        and hi + 1 < len(doc)
        and doc[hi + 1].is_quote
        and hi + 1 < child.head.i
    )


def _passive_source(tok: Token, verb: Token, passive: bool, cues: CueLexicon) -> TokenRange | None:
    """The agent of a passive ("was criticised by the minister"); but in "Lavrov was quoted by
    TASS as saying ..." the one quoted speaks, and the agency only carries the words."""
    if passive and tok.i != verb.i and tok.lemma_.lower() in cues.citing_verbs:
        quoted_one = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if quoted_one:
            return noun_phrase(quoted_one[0])
    for child in tok.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return noun_phrase(objs[0])
    return None


def _outside_quote(tok: Token, quoted: Sequence[bool]) -> Token | None:
    """The nearest ancestor of ``tok`` outside quotation marks, within a few steps; None if none."""
    for _ in range(_MAX_ANCESTORS):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if not quoted[tok.i]:
            return tok
    return None


def _with_subject(verb: Token, cues: CueLexicon) -> Token | None:
    """ "Officials warned ..., with Foreign Minister Jean Barrot stating that ...": in the
    "with X doing" construction the noun right before the participle is its doer, however the
    parser hangs the participle (often on the clause before, whose subject would then speak),
    when that noun names a source."""
    if verb.tag_ != "VBG" or verb.i == 0 or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    noun = verb.doc[verb.i - 1]
    while noun.dep_ in ("compound", "flat", "appos") and noun.head.i > noun.i:
        noun = noun.head
    if noun.i != verb.i - 1 or noun.dep_ != "pobj" or not names_source(noun, cues):
        return None  # "with forecasts predicting that ...": no one speaks
    return noun if noun.head.lower_ == "with" and noun.head.i < noun.i else None


def _trails_subordinate(verb: Token, cues: CueLexicon) -> bool:
    """ "Trump hinted at missiles if Putin does not halt the war, stating ...": a participle set
    off by a comma at the end of a subordinate clause, where the parser hangs it, tells what the
    main clause's subject did, not the subordinate clause's ("Putin ... stating"), when that
    subject can speak ("The announcement came after Trump cancelled, citing ..." is Trump's;
    "Progress was reported as the premier relented, stating ..." the premier's)."""
    host = verb.head
    if not (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and host.dep_ == "advcl"
        and host.i < verb.i
        and host.head.i != host.i
        and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in host.children)
    ):
        return False
    subjects = [c for c in host.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and (subjects[0].pos_ == "PRON" or names_source(subjects[0], cues))


def _across_paragraphs(a: Token, b: Token) -> bool:
    """Whether a paragraph break lies between two tokens: a clause the parser hung on a verb in
    the paragraph before (a headline's "Responds" over "Peskov welcomed X, noting Y") is no
    content of that verb, so its own subject speaks, not the headline's."""
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text for t in a.doc[lo:hi])


def _subjects_first(tok: Token) -> list[Token]:
    """The children, the nearest nominal subject first: where a headline runs into the sentence
    the parser may give the verb two ("Talks resume ... GENEVA - Rubio and Yermak said"), and
    the one next to the verb speaks."""
    children = list(tok.children)
    children += _hung_on_participle(tok)
    nominal = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(nominal) < 2:
        return children
    nearest = min(nominal, key=lambda c: abs(c.i - tok.i))
    stolen = _relative_clause_object(nominal, nearest)
    if stolen is not None:
        nearest = stolen
    return [nearest, *(c for c in children if c is not nearest)]


def _relative_clause_object(nominal: list[Token], nearest: Token) -> Token | None:
    """ "Two envoys who have read the draft said ...": the parser may take the object of a
    relative clause on the subject for a second subject of the verb; the noun the clause hangs
    on speaks (returned), not the draft. Only where the clause's verb is left with no object
    and the nearer noun follows right after it."""
    for other in nominal:
        if other is nearest or other.i > nearest.i:
            continue
        for clause in other.children:
            if (
                clause.dep_ == "relcl"
                and clause.pos_ == "VERB"
                and clause.right_edge.i + 1 == nearest.left_edge.i
                and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in clause.children)
            ):
                return other
    return None


def _hung_on_participle(verb: Token) -> list[Token]:
    """ "Sources cited described the mood as tense": the parser may take the participle that
    follows the source noun ("cited", "quoted") for the verb's auxiliary and hang the noun on
    it; a subject an auxiliary carries belongs to the verb."""
    return [
        s
        for c in verb.children
        if c.dep_ == "aux" and c.i < verb.i
        for s in c.children
        if s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i
    ]


def _cited_participle_subject(verb: Token, cues: CueLexicon) -> Token | None:
    """ "People cited said the vote was close": the parser may make the participle after the
    source noun the main verb and the speech verb its clause; the noun before the participle
    is the one who spoke."""
    head = verb.head
    if (
        verb.dep_ != "ccomp"
        or head.i != verb.i - 1
        or head.tag_ not in ("VBN", "VBD")
        or head.lemma_.lower() not in cues.citing_verbs
    ):
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and c.i == head.i - 1), None)


def _relative_antecedent(pronoun: Token, noun: Token) -> Token:
    """ "said a spokeswoman for the World Food Programme, who added that ...": the parser hangs
    the clause on the nearest noun, but "who" after an organisation or place that is itself the
    object of a person noun's preposition refers to that person, who is the one speaking."""
    if (
        pronoun.lower_ in ("who", "whom")
        and noun.ent_type_ in _BODY_ENTS
        and noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.head.pos_ in ("NOUN", "PROPN")
        and noun.head.head.ent_type_ not in _BODY_ENTS
    ):
        return noun.head.head
    return noun


def _head_noun(noun: Token) -> TokenRange:
    start = noun.left_edge.i
    return start, noun.i + 1


def _cue_range(verb: Token) -> TokenRange:
    """The cue as written: the verb plus its auxiliaries, negation and particle."""
    start = verb.i
    end = verb.i + 1
    for child in verb.children:
        if (
            child.dep_ in ("aux", "auxpass", "neg")
            and verb.i - 3 <= child.i < verb.i
            and not any(c.dep_ in SUBJECTS for c in child.children)
        ):  # "Sources cited described": "cited" is the source's, not the cue's
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
    rng = without(subtree_range(comp), holes, prefer_after=cue[1] if comp.i > verb.i else 0)
    mark = next((m for m in comp.children if m.lower_ == "that" and m.dep_ == "mark"), None)
    if comp.i == verb.head.i and mark is not None and mark.i > verb.i:
        rng = (mark.i + 1, comp.right_edge.i + 1)  # the inverted parse: the words after "that"
    predicate = _split_predicate(verb, comp)
    if predicate is not None and rng[1] <= predicate.left_edge.i:
        rng = (rng[0], predicate.right_edge.i + 1)
    condition = _trailing_condition(verb, comp, cues) if comp.i > verb.i else None
    if condition is not None and rng[1] <= condition.left_edge.i:
        rng = (rng[0], condition.right_edge.i + 1)
    rng = clip_to_paragraph(doc, rng, verb.i)
    trimmed = trim(doc, *rng)
    if trimmed is None:
        return None
    trimmed = _before_carrier(doc, _before_rival_report(doc, _without_medium(doc, trimmed, cues), cues), cues)
    if comp.i < verb.i:
        trimmed = _after_lead_in(doc, trimmed)
    framing = _framing_noun(doc, trimmed[0], verb, cues)
    if framing is not None:  # "repeated his criticism of Moscow's demand that X": Moscow's X
        noun, owner = framing
        said_by = (owner.left_edge.i, noun.i) if owner.i < noun.i else noun_phrase(owner)
        return Candidate(trimmed, (noun.i, noun.i + 1), said_by, kind, noun.i)
    return Candidate(trimmed, cue, source, kind, verb.i)


def _split_predicate(verb: Token, comp: Token) -> Token | None:
    """ "charges that firms that stand to gain from the deal paid millions": the parser ends the
    "that" clause inside the relative clause on its subject and hangs the main predicate ("paid
    millions") on the speech verb as a second clause. A clause with no subject and no "that" of
    its own, right after the first one, is that clause's predicate: the content runs on over it."""
    if comp.i < verb.i or not any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children):
        return None
    after = comp.right_edge.i + 1
    for nxt in verb.rights:
        if nxt.dep_ != "ccomp" or nxt.left_edge.i != after:
            continue
        if any(c.dep_ in SUBJECTS or c.dep_ in ("expl", "mark") for c in nxt.children):
            return None
        return nxt if nxt.tag_ in ("VBD", "VBZ", "VBP", "MD") else None
    return None


def _without_medium(doc: Doc, rng: TokenRange, cues: CueLexicon) -> TokenRange:
    """ "said in a statement it welcomed the talks": without "that" the parser hangs the medium
    on the content's verb, yet where the words were said is not part of them; a content that
    opens with a preposition whose object is a speech noun ("in a statement", "in a post on X",
    "in an interview with the BBC") starts after that phrase."""
    first = doc[rng[0]]
    if _medium(first, cues):
        rng = trim(doc, first.right_edge.i + 1, rng[1]) or rng
    rng = _after_time(doc, rng)
    # "... would not withdraw, in a video address": the same phrase set off at the end
    for i in range(rng[1] - 2, rng[0], -1):
        if doc[i].text == "," and _medium(doc[i + 1], cues) and doc[i + 1].right_edge.i + 1 >= rng[1]:
            return trim(doc, rng[0], i) or rng
    return rng


# prepositions that give where words were said: "in a statement", "on X", "during a briefing"
_MEDIUM_PREPS = frozenset({"in", "on", "during", "at", "via", "through"})


def _after_time(doc: Doc, rng: TokenRange) -> TokenRange:
    """ "said on Sunday she felt that ...", "said Monday he was ready": the day of the speech act
    that the parser hung on the content's verb is when it was said, not part of what was said."""
    first = doc[rng[0]]
    if first.dep_ == "prep" and _temporal(first):
        end = first.right_edge.i + 1
    elif first.ent_type_ in TIME_ENTS and first.dep_ in ("npadvmod", "amod", "compound", "det"):
        end = rng[0]
        while end < rng[1] and doc[end].ent_type_ in TIME_ENTS:
            end += 1
    else:
        return rng
    rest = trim(doc, end, rng[1])
    if rest is None or not any(t.dep_ in SUBJECTS for t in doc[rest[0] : min(rest[1], rest[0] + 6)]):
        return rng  # "said on Monday and Tuesday": nothing clause-like after the time
    return rest


def _medium(prep: Token, cues: CueLexicon) -> bool:
    """Whether ``prep`` is "in"/"during"/... with a speech noun as object ("in a statement"); not
    "despite reports that ...", which is part of what was said."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in _MEDIUM_PREPS
        and any(c.dep_ == "pobj" and c.lemma_.lower() in cues.nouns for c in prep.children)
    )


_RIVAL_REACH = 8  # words from "while" to the rival report's verb ("while the state news agency SPA reported")


def _before_rival_report(doc: Doc, rng: TokenRange, cues: CueLexicon) -> TokenRange:
    """ "The ministry said it welcomed the talks, while the agency reported that ...": a
    ", while"/", whereas" clause with a reporting verb and a subject of its own is someone else's
    report set against this one, however the parser hangs it; the content ends before it."""
    for i in range(rng[0] + 1, rng[1] - 1):
        if doc[i].text != "," or doc[i + 1].lower_ not in cues.continuing_marks:
            continue
        for t in doc[i + 2 : min(rng[1], i + 2 + _RIVAL_REACH)]:
            if t.text == ",":
                break
            if (
                is_verb(t)
                and cues.verb_kind(t.lemma_) is not None
                and any(c.dep_ == "nsubj" for c in t.children)
            ):
                return trim(doc, rng[0], i) or rng
    return rng


def _before_carrier(doc: Doc, rng: TokenRange, cues: CueLexicon) -> TokenRange:
    """ "The minister said that X, according to the broadcaster NOS": the trailing "according to"
    names who carries the minister's statement, not part of what the minister said; the content
    ends before it, so that the two are one layered report of the same words."""
    phrases = [*cues.prepositional, *((w,) for w in cues.set_off_prepositional)]
    for i in range(rng[0] + 1, rng[1] - 1):
        if doc[i].text != ",":
            continue
        for phrase in phrases:
            words = tuple(t.lower_ for t in doc[i + 1 : i + 1 + len(phrase)])
            if words == phrase and i + len(phrase) < rng[1] - 1:
                return trim(doc, rng[0], i) or rng
    return rng


def _framing_noun(doc: Doc, start: int, verb: Token, cues: CueLexicon) -> tuple[Token, Token] | None:
    """ "criticised Moscow's demand that Kyiv withdraw", "asked about the statement by the envoy
    that a summit is possible": a speech noun right before the content clause, owned by a source
    of its own, frames the content; the owner said it, not the one who repeats, criticises or
    is asked about it. A pronoun owner ("repeated his claim that") is the verb's own speaker."""
    i = start - 1
    while i > verb.i and (doc[i].is_punct or doc[i].is_space or doc[i].lower_ == "that"):
        i -= 1
    if i <= verb.i:
        return None
    noun = doc[i]
    for _ in range(4):
        lemma = noun.lemma_.lower()
        if noun.pos_ == "NOUN" and (lemma in cues.nouns or lemma in cues.clause_nouns):
            break
        if noun.dep_ not in ("pobj", "prep", "compound", "flat", "appos") or noun.head.i >= noun.i:
            return None
        noun = noun.head
    else:
        return None
    if noun.i <= verb.i:
        return None
    owner = speech_noun_owner(noun, start)
    if owner is None or owner.pos_ not in ("PROPN", "NOUN", "ADJ") or not (verb.i < owner.i < start):
        return None
    return noun, owner


def speech_noun_owner(noun: Token, before: int) -> Token | None:
    """Who makes the statement a speech noun names: its possessor ("Moscow's demand that"), the
    subject of a verb the tagger read as a plural noun ("But Trump claims that", where "Trump"
    may come out as a compound), or a "by"/"from" phrase before token ``before`` ("warnings
    from the central bank that", "the statement by the envoy that"); None when none is named."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return poss[0]
    for c in noun.lefts:
        verb_like = c.dep_ == "nsubj" or (c.dep_ == "compound" and noun.dep_ == "ROOT" and c.i == noun.i - 1)
        if c.pos_ in ("PROPN", "PRON") and verb_like:
            return c
        if c.dep_ == "nsubj" and c.pos_ == "NOUN" and noun.tag_ == "NN" and noun.lower_.endswith("ing"):
            return c  # "with the mediator warning that": a participle the tagger read as a noun
        # "a Guardian report that", "a New York Times report that": a name right before the noun
        # is its maker
        if c.dep_ == "compound" and c.i == noun.i - 1 and c.ent_type_ in ("ORG", "PERSON", "NORP", "GPE"):
            return c
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from") and prep.i < before:
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
    for c in noun.lefts:
        # "Replying to a Russian demand that a vote be held": a nationality names the maker,
        # the country, not the one who answers the demand
        if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"):
            return c
    return None


def _trailing_condition(verb: Token, comp: Token, cues: CueLexicon) -> Token | None:
    """ "She said Europe was ready to help, but only if the guns fell silent": the parser often
    hangs the condition on the speech verb (a conjunct or adverbial clause of "said"), yet a
    speaker's words are what is conditioned, not the act of saying them; without the clause a
    conditional offer would read as plain support. Returns the condition's verb."""
    for child in verb.rights:
        if child.i <= comp.right_edge.i or child.dep_ not in ("conj", "advcl") or not is_verb(child):
            continue
        if any(_condition_mark(m, cues) for m in child.children):
            return child
    return None


def _condition_mark(mark: Token, cues: CueLexicon) -> bool:
    if mark.dep_ != "mark":
        return False
    if mark.lower_ in cues.condition_marks:
        return True
    before = mark.nbor(-1) if mark.i > 0 else None
    return mark.lower_ in cues.only_condition_marks and before is not None and before.lower_ == "only"


def _host_content(verb: Token, cues: CueLexicon) -> TokenRange | None:
    """ "..., he said." or "The plan, he said, is dead": the parser hangs the cue on the content,
    so the content is the host clause minus the cue's own subtree (the longer side)."""
    head = verb.head
    if head.i == verb.i or not is_verb(head):
        return None
    hole = subtree_range(verb)
    whole = subtree_range(head)
    rng = without(whole, [hole], prefer_after=len(verb.doc) + 1)
    doc = verb.doc
    if whole[0] + 3 <= hole[0] and _joined_after(doc, hole[1], whole[1], cues):
        rng = (whole[0], hole[0])  # "X, he said, and Y": X here, Y by _continued
    elif whole[0] + 3 <= hole[0] and _speakers_act_after(head, hole[1]):
        rng = (whole[0], hole[0])  # "X, he said, speaking to reporters": the speaker's own act
    elif hole[1] + 2 <= whole[1] and fronted_subject(head, hole[0]) is not None:
        # "The new tariff, the ministry said, will take effect": the rest here and the subject by
        # _fronted_part, as the guide splits it; one statement over the insert for PolNeAR
        rng = whole if cues.merge_split_quotes else (hole[1], whole[1])
    elif hole[1] + 3 <= whole[1] and whole[0] < hole[0] and _adverbial_opening(doc[whole[0]], head):
        rng = whole  # "If they asked, he said, Moscow was ready": one clause around the insert
    if rng[1] <= hole[0]:
        rng = _after_lead_in(doc, rng)
    if rng[1] - rng[0] < 3:
        return None
    return rng


def _fronted_part(tok: Token, cand: Candidate, cues: CueLexicon) -> list[Candidate]:
    """ "The new tariff, the ministry said, will take effect in March": the guide counts a
    sentence split by its cue as two statements, as it does a split quotation, so the fronted
    subject is one ("The new tariff") and the rest another (``fronted_statement`` leaves out a
    pronoun or a lone name). Schemes that merge split quotes (PolNeAR) read one statement over
    the insert instead (``_host_content``)."""
    host = tok.head
    if cues.merge_split_quotes or host.i == tok.i or not is_verb(host):
        return []
    hole = subtree_range(tok)
    if cand.content[0] < hole[1]:
        return []
    part = fronted_statement(host, hole[0], cand)
    return [part] if part is not None else []


def _speakers_act_after(head: Token, end: int) -> bool:
    """ "The city will stay neutral, he said, speaking to reporters": a participle with no
    subject right after the insert tells what the speaker did while saying it; the parser hangs it
    on the host clause, yet it is no part of what was said."""
    doc = head.doc
    while end < len(doc) and (doc[end].is_punct or doc[end].is_space):
        end += 1
    if end >= len(doc):
        return False
    act = doc[end]
    return (
        act.tag_ == "VBG"
        and act.dep_ == "advcl"
        and act.head == head
        and not any(c.dep_ in SUBJECTS for c in act.children)
    )


def _after_lead_in(doc: Doc, rng: TokenRange) -> TokenRange:
    """ "Senator Holt scolded him: “The community is against you,” she said.": the parser makes
    the whole sentence the host of the trailing cue, but the words before the colon are the
    writer's lead-in; what was said starts at the quotation the colon opens."""
    for i in range(rng[1] - 2, rng[0], -1):
        if doc[i].text == ":" and doc[i + 1].is_quote:
            return i + 1, rng[1]
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
    return any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTS for c in prep.children)


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
    trimmed = trim(doc, *clip_to_paragraph(doc, rng, verb.i))
    if trimmed is None:
        return None
    src = find_source(verb, cues, quoted) if source else None
    return Candidate(trimmed, _cue_range(verb), src, kind, verb.i)


def _clausal(tok: Token, kind: str | None, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    if kind is None:
        return None
    mark = _inverted_mark(tok, kind)
    if mark is not None:
        return _make(tok.doc, tok, (mark.i + 1, mark.head.right_edge.i + 1), kind, cues, quoted)
    aside = _inserted_participle(tok)
    comps = [
        c
        for c in tok.children
        if c.dep_ in _CLAUSE and c != aside and _inverted_mark(c, cues.verb_kind(c.lemma_)) is None
    ]
    if not comps and kind in ("speech", "writing"):
        comps = [
            c for c in tok.children if c.dep_ == "parataxis" and not quoted[c.i] and not _insert(c, cues)
        ]
    if not comps:
        comps = _misattached_clauses(tok, cues.nested_statements) or _asked_if(tok, cues)
    # a clause whose verb lies across a paragraph break (a subheading the parser ran into the
    # sentence: "“Zelensky Has Not Read the Proposal” / Speaking on the red carpet, Trump said
    # he was ...") is not what this verb reports when one on its own side is
    comps = [c for c in comps if not _across_paragraphs(c, tok)] or comps
    if any(c.i < tok.i for c in comps):
        # "Merrow wants a review, the people said; Tallis wants ...": after an inverted cue a
        # semicolon ends what was said, and the clause after it is the writer's next one
        comps = [c for c in comps if not _semicolon_after(tok, c)]
    after_colon = [c for c in comps if not _colon_before(c, tok)]
    if after_colon and len(after_colon) < len(comps):
        # the lead-in dropped, the clause right after the verb is what was said; the parser
        # tends to hang the next sentence's verb on it as well
        comps = sorted(after_colon, key=lambda c: c.left_edge.i)[:1]
    comps = [c for c in comps if not _hearers_name(tok, c) and not _quoted_work(c, tok, quoted)]
    if not comps:
        return None
    # the widest clause first; where the parser ran the sentence over a paragraph break, the
    # widest may lie across it and keep no verb on the cue's side ("...,\" / Later, Kim said
    # he was ready": "he was ready" is the content, not the tail of the quote before)
    # a "that" clause right after the verb is its content, whatever the parser hung before it
    # ("Writing for the panel that agreed he won, Barabak noted that the way ...")
    for comp in sorted(comps, key=lambda c: (not _that_after(tok, c), c.left_edge.i - c.right_edge.i)):
        cand = _clause_candidate(tok, comp, kind, cues, quoted)
        if cand is not None and (_has_verb(tok.doc, cand.content) or _judged(tok, comp, cues)):
            return cand
    return None  # "alleged Crimea bridge attackers": a headline noun phrase, not a clause


def _quoted_work(comp: Token, verb: Token, quoted: Sequence[bool]) -> bool:
    """ "In his memoir, “Save Your Way Rich,” Ortega suggested keeping a notebook": the parser
    may read a quoted title before the verb as a fronted clause; it names a book, not what the
    verb reports."""
    if comp.i > verb.i or not quoted[comp.i]:
        return False
    first = last = comp.i
    while first > 0 and quoted[first - 1]:
        first -= 1
    while last + 1 < len(quoted) and quoted[last + 1]:
        last += 1
    return names_a_work(comp.doc, first, last + 1)


def _judged(verb: Token, comp: Token, cues: CueLexicon) -> bool:
    """ "I find his answer chilling", "found the levy unfair": a thing and the quality it is
    judged to have, a clause with no verb that the parser hangs on the verb as its complement.
    A judgment is an attitude, so it is read only where attitudes are statements (PolNeAR)."""
    return (
        cues.mental_states
        and comp.i > verb.i
        and comp.pos_ == "ADJ"
        and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in comp.children)
    )


def _semicolon_after(verb: Token, comp: Token) -> bool:
    """Whether a semicolon stands between the verb and a clause after it."""
    return comp.i > verb.i and any(t.text == ";" for t in verb.doc[verb.i + 1 : comp.left_edge.i])


def _colon_before(comp: Token, verb: Token) -> bool:
    """ "The revelation set off another round of fireworks on Friday: Republicans said they were
    convinced ...": a clause that ends on a colon before the speaker is the writer's lead-in,
    not what was said, when the parser hangs it on the verb too."""
    if comp.i > verb.i:
        return False
    doc = verb.doc
    return any(t.text in (":", ";") for t in doc[comp.right_edge.i : verb.i])


def _that_after(verb: Token, comp: Token) -> bool:
    """Whether ``comp`` is a clause opened by "that" right after ``verb`` ("noted that ...")."""
    start = comp.left_edge
    return start.i == verb.i + 1 and start.lower_ == "that" and start.dep_ == "mark"


def _inserted_participle(verb: Token) -> Token | None:
    """ "Peskov, asked about the remarks, said ...": the parser makes the participle a clause
    of "said" with the speaker as its subject, so the aside would be read as the content and the
    speaker lost. A past-tense form with no auxiliary, set off by commas from its "subject" and
    from the cue (a finite verb is not cut from its subject by a comma), is such an aside;
    returns it."""
    doc = verb.doc
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    for child in verb.lefts:
        if (
            child.dep_ in _CLAUSE
            and child.tag_ in ("VBN", "VBD")
            and child.i > 0
            and doc[child.i - 1].text == ","
            and all(t.is_punct for t in doc[child.right_edge.i + 1 : verb.i])
            and (doc[verb.i - 1].text == "," or doc[child.right_edge.i].text == ",")
            and not any(c.dep_ in ("aux", "auxpass") for c in child.children)
            and any(c.dep_ in SUBJECTS and c.i < child.i for c in child.children)
        ):
            return child
    return None


def _inverted_mark(tok: Token, kind: str | None) -> Token | None:
    """ "Reuters reported, citing sources, that the talks will resume": the parser makes the
    cue a clause of the reported verb. The cue is a ccomp left of its head, and the head's
    "that" comes after the cue: the head's clause from "that" on is the cue's content.
    Returns that "that"."""
    if kind not in ("speech", "writing") or tok.dep_ != "ccomp" or tok.head.i <= tok.i:
        return None
    for mark in tok.head.children:
        if mark.dep_ == "mark" and mark.lower_ == "that" and tok.right_edge.i < mark.i < tok.head.i:
            return mark
    return None


def _misattached_clauses(tok: Token, nested: bool) -> list[Token]:
    """Content clauses the parser hung elsewhere: "said after the talks he would sign" (advcl)
    or "told a meeting of leaders that few people understood" (relative clause of the object),
    "said in a statement that the talks were useful" (a clause of the preposition's noun), or
    the clause the verb itself was hung on, when its "that" comes after the verb ("the agency
    reported, citing an official, that Riyadh would host the round")."""
    out = []
    head = tok.head
    if (
        tok.dep_ == "advcl"
        and head.i > tok.i
        and is_verb(head)
        and any(m.dep_ == "mark" and m.lower_ == "that" and m.i > tok.i for m in head.children)
    ):
        out.append(head)  # "SPA reported, citing an official, that Riyadh would host": inverted
    for child in tok.rights:
        if child.dep_ == "advcl" and is_verb(child) and _own_subject(child):
            marks = [m.lower_ for m in child.children if m.dep_ == "mark"]
            # "she said, when a cyclist seemed to fall": a clause led by a wh-adverb tells when
            # or where it was said, not what; with a modal it asks ("has not said when the
            # council would vote"). After an object the guide's nested reading keeps it ("said
            # that Smith described the bridge as a marvel when she was mayor" is one statement,
            # the inner verb reporting no clause of its own); a profile with no nested statements
            # reads the object as what was said and the clause as when
            after_object = any(
                c.dep_ in ("dobj", "dative", "oprd") or (c.dep_ == "prep" and c.lower_ == "as")
                for c in tok.children
                if tok.i < c.i < child.i
            )
            led = (
                any(c.tag_ == "WRB" and c.i < child.i for c in child.children)
                and not any(c.tag_ == "MD" for c in child.children)
                and not (nested and after_object)
            )
            if (not marks or marks == ["that"]) and not led:
                out.append(child)
        elif child.dep_ in ("dobj", "dative", "prep"):
            for sub in child.subtree:
                if (
                    sub.dep_ in ("relcl", "acl")
                    and _own_subject(sub)
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in sub.children)
                ):
                    out.append(sub)
                    break
    return out


def _asked_if(tok: Token, cues: CueLexicon) -> list[Token]:
    """ "asked the mayor if the bridge would reopen": the parser hangs the "if" clause on the
    verb as a condition, but after a verb of asking it is the question put. Only a clause right
    after the verb or its hearer, with no comma before it ("will ask them, if need be, to ...")."""
    if tok.lemma_.lower() not in cues.if_question_verbs:
        return []
    doc = tok.doc
    for child in tok.rights:
        if child.dep_ != "advcl" or not is_verb(child) or not _own_subject(child):
            continue
        marks = [m for m in child.children if m.dep_ == "mark"]
        if not marks or marks[0].lower_ != "if" or marks[0].i != child.left_edge.i:
            return []
        between = doc[tok.i + 1 : child.left_edge.i]
        if any(t.is_punct for t in between) or any(
            t.head == tok and t.dep_ not in ("dobj", "dative", "advmod", "prt") for t in between
        ):
            return []
        return [child]
    return []


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECTS and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)


def _hosted(tok: Token, kind: str | None, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    as_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    said_it = as_clause and kind is None and said_as_it(tok, cues)
    if said_it:
        kind = "speech"  # "as one diplomat put it, ...": the insert reports the words it interrupts
    if kind is None or (kind not in ("speech", "writing") and not as_clause):
        return None  # "as we saw in 2009, ..." carries any cue kind
    if tok.dep_ not in ("parataxis", "ccomp", "conj", "advcl"):
        return None
    if tok.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in tok.children):
        return None  # "would order a review and warned against ...": a second act, not an insert
    if tok.dep_ == "conj" and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].dep_ == "cc":
        return None  # "..., and both are writing for the next round": a clause of its own
    if any(c.dep_ == "mark" and c.lower_ != "as" for c in tok.children):
        return None  # "and that the talks will continue" is a clause, not a ", he continued" insert
    if any(c.dep_ == "advmod" and c.i < tok.i and c.lower_ in SUBORDINATORS for c in tok.children):
        return None  # "When residents ask for help, calls go unanswered": a time, not an insert
    if marked_infinitive(tok):
        return None  # "gathered ... to agree on financing": a purpose, not an insert
    if tok.tag_ == "VBG" and not any(c.dep_ in SUBJECTS for c in tok.children):
        return None  # "..., he said, responding to questions": the speaker's act, not an insert
    start = tok.left_edge.i
    # ", a White House official said, with talks set to resume": adjuncts after the verb do not
    # make the insert a clause of its own
    core = max(
        [tok.i + 1]
        + [c.right_edge.i + 1 for c in tok.rights if c.dep_ not in ("prep", "advcl", "punct", "npadvmod")]
    )
    if core - start > _MAX_HOSTED_CUE:
        return None  # a long clause is not a ", he said" insert
    if cues.verb_kind(tok.head.lemma_) is not None and not _between_subject_and_verb(tok):
        return None  # a cue's clause is its content, unless "Trump, he said, had promised ..."
    if not said_it and any(c.dep_ in ("dobj", "xcomp") for c in tok.children):
        return None
    return _make(tok.doc, tok, _host_content(tok, cues), kind, cues, quoted)


def said_as_it(tok: Token, cues: CueLexicon) -> bool:
    """ "as he put it", "as the memo put it in a statement": a verb of ``as_it_verbs`` marked by
    "as", whose only object is "it" and which ends there or in a phrase naming where or when it
    was said ("as they put it on hold" puts something somewhere)."""
    if tok.lemma_.lower() not in cues.as_it_verbs or not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in tok.children
    ):
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp", "prt", "oprd")]
    if [o.lower_ for o in objects] != ["it"]:
        return False
    for c in tok.children:
        if c.i < objects[0].i or c.dep_ in ("dobj", "punct"):
            continue
        if c.dep_ in ("prep", "npadvmod") and all(
            o.lemma_.lower() in cues.nouns | cues.audience or o.ent_type_ in TIME_ENTS
            for o in [c, *c.children][-1:]
        ):
            continue  # "in a statement", "to reporters", "on Friday"
        return False
    return True


def _insert(tok: Token, cues: CueLexicon) -> bool:
    """A short ", he said," hung on another verb: an insert, not that verb's content."""
    start, end = subtree_range(tok)
    return cues.verb_kind(tok.lemma_) in ("speech", "writing") and end - start <= _MAX_HOSTED_CUE


def _between_subject_and_verb(tok: Token) -> bool:
    """Whether an insert splits its host's subject from its verb: "Trump, he said, had promised"."""
    head = tok.head
    subjects = [c for c in head.children if c.dep_ in SUBJECTS and c.i < tok.i]
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
    clause = _for_infinitive(tok, particles)
    if clause is not None:
        called = (clause.left_edge.i + 1, clause.right_edge.i + 1)  # without the "for"
        return _make(tok.doc, tok, called, "directive", cues, quoted)
    if not any(
        (c.dep_ in ("xcomp", "ccomp") and not _hearers_name(tok, c))
        or (c.dep_ == "prep" and c.lower_ in particles and not _temporal(c))
        for c in tok.rights
    ):
        return None  # "told the paper on Monday": a date, not "called on X to ..."
    rng = _right_complement(tok, _DIRECTIVE_DEPS, particles)
    return _make(tok.doc, tok, rng, "directive", cues, quoted)


def _noun_read_as_verb(tok: Token) -> bool:
    """ "Council hears calls for a truce": a headline's plural noun the tagger read as a verb,
    standing where an object or a subject goes, with no subject of its own and no source found
    for it; no one calls."""
    return tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and not any(
        c.dep_ in SUBJECTS for c in tok.children
    )


def _for_infinitive(verb: Token, particles: frozenset[str]) -> Token | None:
    """ "called for the council to reopen the pool", "pushed for the fees to be cut": the parser
    makes the particle the mark of an infinitive clause hung on the verb as an adjunct, so no
    complement is found; the clause, from its subject on, is what was called for."""
    for clause in verb.rights:
        if clause.dep_ != "advcl" or not marked_infinitive(clause):
            continue
        mark = clause.left_edge
        if mark.dep_ == "mark" and mark.head == clause and mark.lower_ in particles:
            between = verb.doc[verb.i + 1 : mark.i]
            if all(t.pos_ in ("ADV", "PART") for t in between):
                return clause
    return None


def _raising(tok: Token, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    """ "X seems to ...", "X is expected to ...": a stance of the writer, no source named."""
    lemma = tok.lemma_.lower()
    if lemma not in cues.raising_verbs and not (lemma in cues.passive_raising_verbs and _is_passive(tok)):
        return None
    xcomps = [c for c in tok.rights if c.dep_ == "xcomp"]
    if not xcomps:
        return _seeming(tok, cues, quoted) if lemma in cues.raising_verbs else None
    inner = xcomps[0].lemma_.lower()
    if cues.verb_kind(inner) or inner in cues.object_verbs or inner in cues.directive_verbs:
        return None  # "appeared to suggest that ...": the inner cue carries the statement
    return _make(tok.doc, tok, subtree_range(xcomps[0]), "raising", cues, quoted, source=False)


def _seen_as(tok: Token, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    """ "The senator is widely seen as a moderate", "the toll was considered unfair": how a thing
    is seen, the subject with the label it is given; a "by" agent is who sees it so."""
    if tok.lemma_.lower() not in cues.passive_view_verbs or not any(
        c.dep_ == "auxpass" for c in tok.children
    ):
        return None
    subjects = [c for c in tok.lefts if c.dep_ == "nsubjpass"]
    # the label may hang on the agent ("was seen by some as a warning")
    agents = [o for c in tok.rights if c.dep_ == "agent" for o in c.children]
    labels = [
        c
        for c in [*tok.rights, *(g for a in agents for g in a.rights)]
        if (c.dep_ == "prep" and c.lower_ == "as" and list(c.children))
        or c.dep_ == "oprd"
        or (c.dep_ == "acomp" or (c.dep_ == "xcomp" and c.tag_ != "VBG" and not marked_infinitive(c)))
    ]
    # a relative's view is the clause it hangs on ("a deal which is seen as a retreat"), and a
    # thing seen doing something was looked at ("was seen leaving the station"), not judged
    if not subjects or not labels or any(t.tag_ in ("WDT", "WP", "WP$") for t in subjects[0].subtree):
        return None
    # what the label's phrase goes on with ("as the candidate with the best chance")
    tail = [c for c in tok.rights if c.i > labels[0].i and c.dep_ in ("prep", "xcomp", "oprd", "acomp")]
    end = max(c.right_edge.i for c in [*labels, *tail]) + 1
    cand = _make(tok.doc, tok, (subjects[0].left_edge.i, end), "raising", cues, quoted)
    if cand is not None and cand.source is not None and cand.source[0] < labels[0].i < cand.source[1]:
        cand = replace(cand, source=(cand.source[0], labels[0].i))  # "by some", not "some as a ..."
    return cand


def _seeming(tok: Token, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    """ "It appears that the vote was close", "the team seemed paralyzed": how things look, as the
    writer puts it with no one named. With an empty "it" the clause is what seems so; with a
    state ("seemed paralyzed") the whole clause is, its subject and the state together."""
    subjects = [c for c in tok.lefts if c.dep_ == "nsubj"]
    if not subjects or any(c.dep_ == "neg" for c in tok.children):
        return None
    # "it seems like nobody read it", "it would seem as if ...": the parser hangs the clause as
    # an adjunct marked "like" or "as if"
    comps = [
        c
        for c in tok.rights
        if c.dep_ == "ccomp"
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("like", "if") for m in c.children))
    ]
    if subjects[0].lower_ == "it":
        return (
            _make(tok.doc, tok, subtree_range(comps[0]), "raising", cues, quoted, source=False)
            if comps
            else None
        )
    states = [c for c in tok.rights if c.dep_ in ("oprd", "acomp")]
    if not states or comps:
        return None
    rng = (subjects[0].left_edge.i, states[-1].right_edge.i + 1)
    return _make(tok.doc, tok, rng, "raising", cues, quoted, source=False)


def _object(tok: Token, kind: str | None, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    """ "X endorsed Y", "X stressed the need for Y": a stance or speech verb and its object.

    Reporting verbs outside ``object_verbs`` qualify too, unless their object is a hearer
    ("told him", "reminded reporters"): then the object is not what was said.
    """
    lemma = tok.lemma_.lower()
    listed = lemma in cues.object_verbs
    # "called the senator a liar", "described the reporters as biased": an object that is given
    # a label is what the label is said of, not a hearer, even when it names one; and a verb
    # whose plain object is no content says one with a label ("saw the vote as a warning")
    labelled = any(
        c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") or _as_clause(c, kind) for c in tok.rights
    )
    if not listed and (
        kind is None or (lemma in cues.not_object_verbs and not labelled and not _finding(tok, kind, cues))
    ):
        if not _echoes_speech(tok, cues):
            return None
        listed = True
    if _is_passive(tok):
        return _passive_object(tok, cues, quoted) if listed and tok.dep_ != "acl" else None
    objs = [c for c in tok.rights if c.dep_ == "dobj"]
    if not objs and cues.pointer_statements:
        pointer = _relative_object(tok)
        if pointer is not None:
            return _make(
                tok.doc,
                tok,
                (pointer.i, pointer.i + 1),
                "object" if listed else "report_object",
                cues,
                quoted,
            )
    if not objs and listed:  # "ruled out giving up land": a gerund is the object it takes
        objs = [c for c in tok.rights if c.dep_ == "xcomp" and c.tag_ == "VBG"]
    if not objs or (objs[0].lemma_.lower() in cues.audience and not labelled):
        return None
    if runs_race(tok, objs[0], cues):
        return None  # "seeking the nomination": a race run, no position
    if (
        not listed
        and not labelled
        and (objs[0].ent_type_ in _HEARER_ENTS or objs[0].lower_ in cues.audience)
        and not _found_standing(kind, cues)
    ):
        return None
    if lemma in cues.citing_verbs and names_source(objs[0], cues):
        return None  # "..., citing two officials": a layered report's inner source, not content
    subjectless = not any(c.dep_ in SUBJECTS for c in tok.children)
    if kind in ("speech", "writing") and subjectless and names_source(objs[0], cues):
        return None  # "..., reported news agency TASS": the speaker after its verb
    rng = _right_complement(tok, _OBJECT_DEPS - {"dative"}, _OBJECT_PREPS)
    label = next((c for c in tok.rights if _as_clause(c, kind)), None)
    if rng is not None and label is not None and label.i > objs[0].i:
        rng = (rng[0], max(rng[1], label.right_edge.i + 1))  # "sees the senator as captured by ..."
    if rng is not None:
        rng = _before_aside_on_object(tok.doc, rng, objs[0], cues)
    if rng is not None and _found_standing(kind, cues):
        rng = _with_standing(tok, rng, objs[0])
    return _make(tok.doc, tok, rng, "object" if listed else "report_object", cues, quoted)


def _as_clause(tok: Token, kind: str | None) -> bool:
    """ "sees the senator as captured by donors", "viewed her as unable to win": the label a view
    gives the object, which the parser hangs as an adverbial clause led by "as" with no subject
    of its own (with one, "as the vote neared", it tells when). Only after a belief verb: after
    a deed it tells how ("wrote the letter as instructed")."""
    return (
        kind == "belief"
        and tok.dep_ == "advcl"
        and tok.left_edge.lower_ == "as"
        and tok.left_edge.dep_ == "mark"
        and not any(c.dep_ in SUBJECTS for c in tok.children)
    )


_PRO_FORMS = {"advmod": frozenset({"so"}), "intj": frozenset({"yes", "no"})}


def _pro_form(tok: Token, kind: str | None, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    """ "the mayor thinks so", "half the voters said yes": a word standing for a whole answer or
    claim given before; a profile that annotates pointers (``pointer_statements``) takes it as
    the content, as it does "it"."""
    if kind is None or not cues.pointer_statements:
        return None
    for c in tok.children:
        if c.lower_ in _PRO_FORMS.get(c.dep_, ()) and not list(c.children) and not quoted[c.i]:
            return _make(tok.doc, tok, (c.i, c.i + 1), kind, cues, quoted)
    return None


def _relative_object(tok: Token) -> Token | None:
    """ "the plan, which the mayor denounced", "a builder who many residents oppose", "that is what
    the treasurer wrote": the relative pronoun is the object of the clause's verb and points at
    what was denounced or written; a profile that annotates pointers (``pointer_statements``)
    takes it as the content, as it does "it"."""
    if not any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in tok.children):
        return None
    if tok.dep_ == "relcl":
        return next((c for c in tok.lefts if c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS), None)
    # a free relative: "that is what the treasurer wrote", "voters recall what she said"
    return next((c for c in tok.lefts if c.dep_ == "dobj" and c.lower_ == "what" and c.tag_ == "WP"), None)


def _found_standing(kind: str | None, cues: CueLexicon) -> bool:
    """ "the poll shows the senator with a narrow lead", "polls show the mayor ahead": evidence
    speaks to no one, so a person as its object is whom the finding is about, not a hearer. Read
    only where what a survey found is a statement (``survey_statements``)."""
    return kind == "evidence" and cues.survey_statements


def _finding(verb: Token, kind: str | None, cues: CueLexicon) -> bool:
    """ "A survey found broad support for the levy": a study's object is what it found, not a
    thing come upon, where what a survey found is a statement."""
    return _found_standing(kind, cues) and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in cues.finding_nouns for c in verb.children
    )


_STANDING_DEPS = frozenset({"prep", "advmod", "npadvmod", "acomp", "oprd"})


def _with_standing(tok: Token, rng: TokenRange, obj: Token) -> TokenRange:
    """ "shows the senator with a narrow lead", "shows the mayor up by nine": the finding is the
    person with what the evidence shows of them, the phrases after the object."""
    after = [c for c in tok.rights if c.i > obj.i and c.dep_ in _STANDING_DEPS]
    return (rng[0], max([rng[1], *(c.right_edge.i + 1 for c in after)]))


def _before_aside_on_object(doc: Doc, rng: TokenRange, obj: Token, cues: CueLexicon) -> TokenRange:
    """ "The mayor praised the firefighters, who said they were exhausted": a comma-led relative
    clause on the object that reports speech is that relative's own statement (the firefighters
    said it), not part of what the mayor praised; the object ends before its comma."""
    for child in obj.rights:
        if child.dep_ != "relcl" or child.left_edge.i <= obj.i + 1 or doc[child.left_edge.i - 1].text != ",":
            continue
        if child.right_edge.i + 1 >= rng[1] - 1 and cues.verb_kind(child.lemma_) in ("speech", "writing"):
            return rng[0], child.left_edge.i - 1
    return rng


def names_source(noun: Token, cues: CueLexicon) -> bool:
    """Whether a noun names who speaks ("two officials", "Reuters", "sources in Kyiv") rather
    than what is said ("concerns", "the figures")."""
    return noun.ent_type_ in _SOURCE_ENTS or noun.pos_ == "PROPN" or noun.lemma_.lower() in cues.source_nouns


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
    if not subjects or subjects[0].lower_ in RELATIVE_PRONOUNS:
        return None
    rng = _right_complement(tok, frozenset({"xcomp", "oprd"}), _OBJECT_PREPS - {"by"})
    if rng is None:
        if not any(c.dep_ == "agent" for c in tok.children) or subjects[0].pos_ == "PRON":
            return None  # "details have not been disclosed": nobody is said to speak
        rng = subtree_range(subjects[0])
    return _make(tok.doc, tok, rng, "object", cues, quoted)


def _topic_before_cue(tok: Token, cues: CueLexicon) -> bool:
    """ "Commenting on the talks in Rome, the minister said that ...", "Replying to a question
    about X, she said ...": a participle opening the sentence before a cue that has content of
    its own names what the words were about; what was said is the cue's content."""
    head = tok.head
    return (
        tok.tag_ == "VBG"
        and tok.dep_ == "advcl"
        and tok.i < head.i
        and cues.verb_kind(head.lemma_) is not None
        and any(c.dep_ in ("ccomp", "xcomp") for c in head.children)
        and not any(c.dep_ in SUBJECTS for c in tok.children)
    )


def _prep_object(tok: Token, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    preps = cues.prep_verbs.get(tok.lemma_.lower())
    if not preps or _is_passive(tok) or _conversation(tok, cues) or _topic_before_cue(tok, cues):
        return None
    for child in tok.rights:
        if child.dep_ in ("prep", "prt") and child.lower_ in preps:
            if _temporal(child):
                continue  # "weighed in Friday about ...": the particle read as "in" a day
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs and runs_race(tok, objs[0], cues, against=child.lower_ == "against"):
                return None
            if objs and _indirect_question(objs[0], cues) and not cues.topic_statements:
                # "spoke to the paper about what makes a deal hold": a topic, not a claim, except
                # where what was spoken about is content (``topic_statements``)
                return None
            if objs:
                start = objs[0].left_edge.i
                mark = tok.doc[child.i + 1]
                if start == child.i + 2 and mark.is_quote and mark.head == child:
                    start -= 1  # 'spoke of "a new chapter"': the parser hangs the opening mark on "of"
                rng = (start, child.right_edge.i + 1)
                found = _make(tok.doc, tok, rng, "prep", cues, quoted)
                # the preposition is part of the cue as written: "warned against" is not
                # "warned of", and the stance rules read the cue
                cue = found.cue if found is not None else None
                if (
                    cue is not None
                    and child.i >= cue[1]
                    and all(t.pos_ == "ADV" for t in tok.doc[cue[1] : child.i])
                ):
                    found.cue = (cue[0], child.i + 1)  # type: ignore[union-attr]
                return found
    return None


def _echoes_speech(verb: Token, cues: CueLexicon) -> bool:
    """ "She echoed that promise", "echoed the criticism": an echoing verb whose object is a
    speech noun says the words again, and the noun points back at them; a scheme that takes
    pointers as content (``pointer_statements``) reads the object. "Echoes the fighting of the
    1960s" names no speech, and the guide cannot recover what was echoed."""
    if not cues.pointer_statements or verb.lemma_.lower() not in cues.echoing_verbs:
        return False
    return any(
        c.dep_ == "dobj" and (c.lemma_.lower() in cues.nouns or c.lemma_.lower() in cues.prep_nouns)
        for c in verb.rights
    )


def runs_race(cue: Token, obj: Token, cues: CueLexicon, *, against: bool = False) -> bool:
    """Whether a cue with its object runs a race rather than takes a side: "campaigned for the
    nomination", "her campaign for governor", "seeking a third term", "campaigning against Jane
    Smith" (``against`` a rival), "on his behalf". The verb rules and the noun rules ask it."""
    if cue.lemma_.lower() not in cues.race_cues:
        return False
    lemma = obj.lemma_.lower()
    if lemma in cues.race_objects:
        return True
    if against and obj.ent_type_ == "PERSON":
        return True
    bare = not any(c.dep_ in ("det", "poss") for c in obj.children)
    return bare and obj.tag_ in ("NN", "NNP") and lemma in cues.race_titles


def _conversation(tok: Token, cues: CueLexicon) -> bool:
    """ "spoke with the minister about the tolls": talking *with* someone other than the press is
    a conversation, and what it was about is its topic, not something said ("spoke to reporters
    about", "spoke with journalists about" stay what the source told the press)."""
    if tok.lemma_.lower() not in cues.interview_words:
        return False
    partners = [
        obj
        for prep in tok.rights
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    return any(not _is_press(obj, cues) for obj in partners)


def _is_press(tok: Token, cues: CueLexicon) -> bool:
    return tok.lemma_.lower() in cues.audience or tok.lower_.rstrip("s") in cues.audience


def _indirect_question(clause: Token, cues: CueLexicon) -> bool:
    """A clause opened by a question word ("what makes a deal hold", "whether talks resume"): what
    a prepositional cue is about, which says nothing; "what he called a breach" names a thing."""
    first = clause.left_edge
    opens = first.tag_ in ("WP", "WRB", "WDT") or first.lower_ == "whether"
    return opens and is_verb(clause) and clause.lemma_.lower() not in cues.naming_verbs


def _main_verb_after_apposition(tok: Token) -> bool:
    """ "The party's spokeswoman, Ann Hale, pressed for a vote": with no verb left for the
    sentence, the parser may make the subject the root and hang the main verb on it as a
    participle; after the comma that closes the subject's apposition it is the main verb."""
    head = tok.head
    return (
        head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and tok.i > 0
        and tok.doc[tok.i - 1].text == ","
        and any(c.dep_ == "appos" and c.i < tok.i for c in head.children)
    )


def _is_passive(tok: Token) -> bool:
    """Passive voice, including reduced relatives ("eight men accused of ..." ) whose subject
    is the one spoken about, not the speaker."""
    if any(c.dep_ == "auxpass" for c in tok.children):
        return True
    if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD"):
        return not any(c.dep_ in SUBJECTS for c in tok.children) and not _main_verb_after_apposition(tok)
    return (
        tok.tag_ == "VBN"
        and tok.dep_ in ("amod", "advcl", "relcl")
        and not any(c.dep_ == "aux" for c in tok.children)
    )  # "who has campaigned" is active


def _has_verb(doc: Doc, rng: TokenRange) -> bool:
    return any(is_verb(t) for t in doc[rng[0] : rng[1]])


def verb_candidates(
    doc: Doc, cues: CueLexicon, quoted: Sequence[bool], sites: Sequence[Token] | None = None
) -> list[Candidate]:
    """Reporting, directive and stance verbs with their content, first matching rule wins;
    ``sites`` (``cue_sites``) limits the search to the tokens that can be cues."""
    out: list[Candidate] = []
    for tok in doc if sites is None else sites:
        if quoted[tok.i] or not is_verb(tok) or _attributive(tok, cues) or misread_noun(tok):
            continue
        if tok.dep_ in _CLAUSE and _inserted_participle(tok.head) == tok:
            continue  # "Peskov, asked about the plan, said": he was asked; the aside says nothing
        question = _put_question(tok, cues, quoted)
        if question is not None:
            out.append(question)
            continue
        kind = cues.verb_kind(tok.lemma_)
        cand = (
            _clausal(tok, kind, cues, quoted)
            or _hosted(tok, kind, cues, quoted)
            or _directive(tok, cues, quoted)
            or _raising(tok, cues, quoted)
            or _seen_as(tok, cues, quoted)
            or _object(tok, kind, cues, quoted)
            or _prep_object(tok, cues, quoted)
            or _comma_insert(tok, kind, cues, quoted)
            or _elided_copula(tok, kind, cues, quoted)
            or _after_dateline(tok, kind, quoted)
            or _conjoined_after(tok, kind, quoted)
            or _pro_form(tok, kind, cues, quoted)
        )
        if cand is not None and cand.source is None and not cues.sourceless_statements and _is_passive(tok):
            continue  # "it is noted that ...", "X was criticised for ...": no one is named as saying it
        if cand is not None and cand.source is None and _noun_read_as_verb(tok):
            continue
        if cand is not None and (
            _to_the_reader(tok) or _outlet_itself(doc, cand, cues) or _outlets_note(doc, cand, cues)
        ):
            continue
        if cand is not None and not _nobody_speaks(tok, cand, cues) and not _unsaid(tok, cues):
            cand = _and_that(tok, cand, kind)
            out.append(cand)
            if kind in ("speech", "writing"):
                out.extend(_continued(tok, cand, cues))
                out.extend(_fronted_part(tok, cand, cues))
    return out


_WH_WORDS = frozenset({"what", "who", "whom", "which", "why", "how", "when", "where", "whether", "if"})


def _put_question(tok: Token, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    """ "Asked whether the deal was dead, the minister said no", "when asked about the strike,
    ...": the question put to the speaker, no one named as asking. Only where words no one is
    named as saying count (PolNeAR); the guide reads the answer alone."""
    if (
        not cues.sourceless_statements
        or tok.tag_ != "VBN"
        or tok.lemma_.lower() not in cues.question_verbs
        or not (_asked_aside(tok) or _asked_passive(tok))
    ):
        return None
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "about":
            objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            rng = subtree_range(objs[0]) if objs else None
        elif c.dep_ in ("ccomp", "advcl") and c.left_edge.lower_ in _WH_WORDS:
            rng = subtree_range(c)
        else:
            continue
        return _make(tok.doc, tok, rng, "speech", cues, quoted, source=False)
    return None


def _asked_aside(tok: Token) -> bool:
    """ "Asked whether ..., the minister said": a participle clause with no subject of its own."""
    return tok.dep_ == "advcl" and not any(
        c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass", "dobj") for c in tok.children
    )


def _asked_passive(tok: Token) -> bool:
    """ "The minister was asked about the strike": the subject is the one asked; no one who asks
    is named (an agent would be the one who speaks)."""
    deps = {c.dep_ for c in tok.children}
    return "auxpass" in deps and "nsubjpass" in deps and not deps & {"agent", "dobj"}


def _and_that(tok: Token, cand: Candidate, kind: str | None) -> Candidate:
    """ "told reporters that the talks had been difficult, and that Brussels would not
    hesitate": the parser hangs the second "that" clause on the speech verb as a conjunct of it,
    yet both clauses are what was said; the content runs on to the end of the second."""
    if kind not in ("speech", "writing") or cand.content[0] <= tok.i:
        return cand
    doc = tok.doc
    end = cand.content[1]
    for clause in tok.rights:
        if clause.dep_ != "conj" or clause.i < end or not is_verb(clause):
            continue
        joiners = [t for t in doc[end : clause.left_edge.i + 1] if not (t.is_punct or t.is_space)]
        if [t.lower_ for t in joiners][-2:] != ["and", "that"] or len(joiners) > 2:
            continue
        rng = trim(doc, *clip_to_paragraph(doc, (cand.content[0], clause.right_edge.i + 1), tok.i))
        if rng is not None:
            return Candidate(rng, cand.cue, cand.source, cand.kind, cand.cue_token)
    return cand


def _elided_copula(
    tok: Token, kind: str | None, cues: CueLexicon, quoted: Sequence[bool]
) -> Candidate | None:
    """ "Kremlin says too early to discuss summit", "Zelensky says open to talks with Putin": a
    headline drops the "it is"/"he is" of what was said, and the parser hangs the bare predicate
    on the speech verb as a modifier. An adjective or adverb right after the verb that carries an
    infinitive or a prepositional phrase is the content."""
    if kind != "speech" or not any(c.dep_ in SUBJECTS and c.i < tok.i for c in tok.children):
        return None
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.pos_ not in ("ADJ", "ADV") or nxt.dep_ not in ("advmod", "acomp", "ccomp"):
        pred = next(
            (c for c in tok.rights if c.dep_ in ("advmod", "acomp") and c.pos_ in ("ADJ", "ADV")), None
        )
    else:
        pred = nxt
    while pred is not None and pred.head.i != tok.i:
        if pred.head.i == pred.i:  # the root, and the verb never reached: not its predicate
            return None
        pred = pred.head  # "too early": the head of the phrase hangs on the verb
    if pred is None or pred.i <= tok.i:
        return None
    carries = any(t.dep_ == "xcomp" for t in pred.subtree) or any(c.dep_ == "prep" for c in pred.children)
    if not carries:
        return None
    return _make(doc, tok, subtree_range(pred), kind, cues, quoted)


def _comma_insert(tok: Token, kind: str | None, cues: CueLexicon, quoted: Sequence[bool]) -> Candidate | None:
    """ "Back home, he said, the mood had changed", "These workers, Smith told the hearing, were well
    paid", "The difference now, he told me, is that ...": a speech verb with its subject, set off
    by commas after a fronted phrase that is no clause of its own, interrupts the clause it
    reports. The parser often hangs such an insert on the wrong word (the fronted noun, or the
    insert as the root), so the other rules find no content; the words after the insert, to the
    end of the sentence, are what was said (the guide's span: the fronted words are left out, as
    in "Following the talks, he said, those items were reorganised")."""
    if kind not in ("speech", "writing"):
        return None
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS and c.i < tok.i]
    if not subjects:
        return None
    doc = tok.doc
    opening = subjects[0].left_edge.i - 1
    sent = tok.sent
    if opening <= sent.start or doc[opening].text != ",":
        return None
    closing = next(
        (t.i for t in doc[tok.i + 1 : min(sent.end, tok.i + _MAX_HOSTED_CUE)] if t.text == ","), None
    )
    if closing is None or any(t.is_quote or quoted[t.i] or "\n" in t.text for t in doc[sent.start : closing]):
        return None
    if any(c.dep_ in _OWN_CONTENT and c.i < closing for c in tok.children):
        return None  # "agreed to lend $5 million, and ...": the verb has content of its own
    fronted = doc[sent.start : opening]
    if any(is_verb(t) for t in fronted):
        return None  # "The plan is dead, he said, ...": a clause of its own, the other rules' case
    nxt = doc[closing + 1] if closing + 1 < sent.end else None
    if nxt is None or nxt.dep_ in ("cc", "mark") or nxt.lower_ in RELATIVE_PRONOUNS:
        return None  # ", he said, and left" or ", he said, who ...": the narrator goes on
    after = trim(doc, *clip_to_paragraph(doc, (closing + 1, sent.end), tok.i))
    if after is None or not _has_verb(doc, after):
        return None
    return Candidate(after, _cue_range(tok), find_source(tok, cues, quoted), kind, tok.i)


def _hearers_name(tok: Token, comp: Token) -> bool:
    """ "told the newspaper Kommersant": a name right after the verb's object, which the parser
    made a clause of the verb, names the hearer; it is not what was said."""
    if comp.pos_ not in ("PROPN", "NOUN") or comp.dep_ != "ccomp":
        return False
    return any(c.dep_ == "dobj" and c.right_edge.i + 1 == comp.left_edge.i for c in tok.children)


_TELLING = frozenset({"tell"})  # whose object is the hearer ("told the newspaper"), not what was said


def _conjoined_after(tok: Token, kind: str | None, quoted: Sequence[bool]) -> Candidate | None:
    """ "Norway is ready to talk about the line but regards the fjord as its own, the deputy
    minister told the newspaper": a long content with a "but" of its own may lead the parser
    to take the cue for one more conjunct of the content's verb. With its subject set off by a
    comma right before it, the verb still reports the words from the sentence's start (past a
    dateline) to that comma."""
    if kind not in ("speech", "writing") or tok.dep_ != "conj" or tok.head.i > tok.i:
        return None
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in tok.children):
        return None  # "..., Russian forces will continue their offensive": no report of speech
    telling = tok.lemma_.lower() in _TELLING
    if not telling and any(
        c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > tok.i and not _hearers_name(tok, c)
        for c in tok.children
    ):
        return None  # the verb says something of its own after it
    doc = tok.doc
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS and c.i < tok.i]
    if len(subjects) > 1:
        return None
    if subjects:
        left, right = subjects[0].left_edge.i, subjects[0].right_edge.i + 1
    else:  # the name before the verb hung elsewhere ("..., Minister Arkady Sedov told")
        left = right = tok.i
        while left > 0 and doc[left - 1].pos_ == "PROPN":
            left -= 1
        if left == right:
            return None
    comma = left - 1
    start = tok.sent.start
    if comma <= start or doc[comma].text != ",":
        return None
    start = dateline_end(doc, start, left) or start
    if any(quoted[t.i] or "\n" in t.text for t in doc[start:comma]):
        return None
    content = trim(doc, start, comma)
    if content is None or not _has_verb(doc, content):
        return None
    return Candidate(content, _cue_range(tok), (left, right), kind, tok.i)


def _after_dateline(tok: Token, kind: str | None, quoted: Sequence[bool]) -> Candidate | None:
    """ "MOSCOW, Sept 2 - Russia is ready to talk, the minister said": the parser may take the
    dateline's place for a subject of the verb and hang the reported clause on it, so no rule
    finds content. The verb's last subject is the speaker; what stands between the dateline and
    the comma before that subject is what was said."""
    if kind not in ("speech", "writing"):
        return None
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS and c.i < tok.i]
    if len(subjects) < 2:
        return None
    doc = tok.doc
    speaker = subjects[-1]
    opened = dateline_end(doc, subjects[0].left_edge.i, speaker.left_edge.i)
    comma = speaker.left_edge.i - 1
    if opened is None or comma <= opened or doc[comma].text != ",":
        return None
    if any(quoted[t.i] or "\n" in t.text for t in doc[opened:comma]):
        return None
    content = trim(doc, opened, comma)
    if content is None or not _has_verb(doc, content):
        return None
    return Candidate(content, _cue_range(tok), (speaker.left_edge.i, speaker.right_edge.i + 1), kind, tok.i)


def _outlet_itself(doc: Doc, cand: Candidate, cues: CueLexicon) -> bool:
    """ "Our Moscow correspondent writes: ...", "our reporter was told": the outlet's own staff
    reporting is the writer's narration, as "UNN reports" in UNN's own story is; the guide
    annotates neither."""
    if cand.source is None:
        return False
    words = doc[cand.source[0] : cand.source[1]]
    if len(words) < 2 or words[0].lower_ != "our":
        return False
    # the phrase's head, so that "our correspondent at the venue" is staff as "our correspondent" is
    head = words.root if words.root.i > words[0].i else words[-1]
    return head.lemma_.lower() in cues.audience or head.lower_.rstrip("s") in cues.audience


def _outlets_note(doc: Doc, cand: Candidate, cues: CueLexicon) -> bool:
    """ "Correction, 8 May: ... We regret the error.": in a paragraph that opens with a
    correction's label, "we" is the outlet speaking of its own story, never a source."""
    if cand.source is None or doc[cand.source[0] : cand.source[1]].text.lower() not in ("we", "us"):
        return False
    start = cand.source[0]
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    first = doc[start]
    word = first.lower_ + ("'s" if start + 1 < len(doc) and doc[start + 1].lower_ in ("'s", "’s") else "")
    return word.replace("’", "'") in cues.correction_labels


def _to_the_reader(tok: Token) -> bool:
    """ "Do you know where his tax returns are?", "Ask yourself that question", "Imagine the
    spectacle": outside quotation marks, a cue whose subject is "you", or an imperative, is the
    writer addressing the reader; no one is reported as saying anything."""
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
    if subjects:
        return all(c.lower_ == "you" for c in subjects)
    return (
        # "Thank you for reading": the parser may tag a sentence-opening imperative VBP
        tok.tag_ in ("VB", "VBP")
        and tok.dep_ == "ROOT"
        and not any(c.dep_ in ("aux", "auxpass", "expl") for c in tok.children)
        and all(
            t.is_punct or t.is_space or t.pos_ in ("ADV", "INTJ") for t in tok.doc[tok.sent.start : tok.i]
        )
    )


def _nobody_speaks(tok: Token, cand: Candidate, cues: CueLexicon) -> bool:
    """Verb forms that name an act of saying nobody performs here.

    "Asked whether they would meet, Ushakov said": the reporter's question; "Accepting it would
    mean giving up land": a gerund subject, with no one to do it; "it would be impossible to hold
    anyone accountable": an infinitive extraposed after "it", whose doer is anyone.
    """
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
    if subjects:
        # "This underscores the urgency of ...": a pronoun that points at a fact or an event
        # (never at a person) is a thing that shows, not a source that says
        pointer = subjects[0]  # bare: "those close to him say" names people
        return (
            pointer.tag_ == "DT" and pointer.lower_ in DEMONSTRATIVE_PRONOUNS and not list(pointer.children)
        )
    if tok.tag_ in ("VBN", "VBD") and tok.lemma_.lower() in cues.question_verbs and _fronted_clause(tok):
        return True
    if tok.tag_ == "VBG" and cand.source is None and _gerund_subject(tok):
        return True
    if not marked_infinitive(tok) or tok.head.pos_ not in (
        "ADJ",
        "ADV",
    ):
        return False
    if cand.source is None and not any(c.dep_ in SUBJECTS for a in tok.ancestors for c in a.children):
        return True  # "Kremlin: too early to talk about a summit": whoever would talk, nobody did
    if tok.head.pos_ != "ADJ":
        return False
    holders = [*tok.head.children, *tok.head.head.children]
    return any(c.lower_ == "it" and c.dep_ in ("nsubj", "expl") for c in holders)


def _fronted_clause(tok: Token) -> bool:
    """A participle heading an adverbial clause: "Asked whether ..., she said", also where the
    parser made the clause opening the sentence a complement of the main verb after it ("Asked
    whether she expects a deal, she laughs"), or made the participle the root and the main clause
    hang on it ("Asked about the list, the minister said ...", "said" a parataxis)."""
    if tok.dep_ == "advcl":
        return True
    opens = tok.i == tok.sent.start or all(t.is_space or t.is_punct for t in tok.doc[tok.sent.start : tok.i])
    if tok.dep_ == "ROOT" and opens:
        return any(
            c.dep_ in ("parataxis", "ccomp") and c.i > tok.i and any(s.dep_ in SUBJECTS for s in c.children)
            for c in tok.children
        )
    return tok.dep_ == "ccomp" and tok.head.i > tok.i and opens


def _unsaid(tok: Token, cues: CueLexicon) -> bool:
    """Speech that the sentence says did not happen: "did not elaborate on X", "declined to
    confirm X", "were unable to agree on X", "without saying why", or a source's request to
    stay unnamed. A refusal said aloud is still a statement when the verb itself carries it ("did
    not rule out talks")."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in cues.unsaying_verbs:
        return True
    if tok.dep_ == "xcomp" and not cues.mental_states and tok.head.lemma_.lower() in cues.aim_verbs:
        return True  # "mediators hope to announce a deal": not said yet
    if not cues.mental_states and _awaited(tok, cues):
        return True  # "had expected the president to back her negotiator": not said at all
    if tok.dep_ == "xcomp" and not cues.sourceless_statements and _asked_of(tok.head, cues):
        # "when asked to comment on the report": what someone was asked to say (PolNeAR, which
        # counts words no one is named as saying, keeps the reporter's question)
        return True
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True  # "left without saying why", "it goes without saying that ..."
    if not cues.sourceless_statements and _asked_about(tok):
        # "declined to say whether Slovakia backed the text": a question, not a statement
        # (PolNeAR, which counts words no one is named as saying, keeps "it was unclear whether")
        return True
    if any(_asks_anonymity(c, cues) for c in tok.children):
        return True  # "an official who asked not to be named"
    negated = any(c.dep_ == "neg" for c in tok.children) or _none_given(tok, cues) or _no_one(tok, cues)
    if negated and tok.lemma_.lower() not in cues.negated_statements and not cues.unsaid_statements:
        return True
    # "has said little in public": an empty object and no clause is speech that carried nothing
    # ("proposed nothing that would raise his taxes" says what, through its relative clause)
    return any(
        c.dep_ == "dobj"
        and c.lower_ in cues.empty_objects
        and not any(d.dep_ in ("relcl", "acl") for d in c.children)
        for c in tok.rights
    ) and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)


def _awaited(tok: Token, cues: CueLexicon) -> bool:
    """An act only awaited of someone: the complement of an active verb of awaiting, in the
    infinitive or under a modal ("expect the board to reject the levy", "hoped the minister
    would back the strike"). Not an act reported as done ("hoped the board had rejected it")."""
    head = tok.head
    return (
        tok.dep_ in ("xcomp", "ccomp")
        and head.lemma_.lower() in cues.awaiting_verbs
        and not _is_passive(head)
        and any(c.dep_ == "aux" and c.tag_ in ("TO", "MD") for c in tok.children)
    )


def _no_one(verb: Token, cues: CueLexicon) -> bool:
    """ "Nobody in either capital will say when ...", "No official would comment": a subject that
    says no one spoke negates the act as "did not say" does. Not one the parser found on another
    line: a headline's quoted “no compromise” is no subject of the next line's verb."""
    doc = verb.doc
    empty = cues.empty_subjects
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (c.lower_ in empty or any(d.dep_ == "det" and d.lower_ in empty for d in c.children))
        and not any("\n" in t.text for t in doc[min(c.i, verb.i) : max(c.i, verb.i)])
        for c in verb.children
    )


def _asked_about(verb: Token) -> bool:
    """ "whether Slovakia backed the text", "wants to know if the council endorsed it": an
    embedded question puts the act of saying in doubt, so nobody is reported as saying it. Only
    an "if" clause that is a verb's object asks; one that is an adjunct sets a condition."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    return "whether" in marks or ("if" in marks and verb.dep_ == "ccomp")


def _none_given(verb: Token, cues: CueLexicon) -> bool:
    """ "offered no details", "gives no hint it will agree": an object with "no" negates a stance
    act as "did not offer details" does. A verb of saying still says something: "officials
    reported no agreement on the border"."""
    return cues.verb_kind(verb.lemma_.lower()) is None and any(
        c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in verb.rights
    )


def _asked_of(verb: Token, cues: CueLexicon) -> bool:
    """ "was asked to comment", "when urged to explain": a request verb in the passive puts the
    act of saying to its subject as a request, which the sentence does not say was met."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in cues.directive_verbs:
        return False
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps or not deps & {"aux", "dobj", "nsubj"}


def _asks_anonymity(clause: Token, cues: CueLexicon) -> bool:
    """ "asked not to be named", "requested not to be identified": a passive infinitive of
    naming under a request is the source asking to stay unnamed; so is a "that" clause in the
    subjunctive about the source's name ("asked that only his first name be used")."""
    if clause.dep_ == "xcomp":
        return clause.lemma_.lower() in cues.anonymity_verbs and any(
            c.dep_ == "auxpass" for c in clause.children
        )
    if clause.dep_ != "ccomp" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return False
    subjunctive = any(c.dep_ == "auxpass" and c.lower_ == "be" for c in clause.children) and not any(
        c.dep_ == "aux" for c in clause.children
    )
    named = clause.lemma_.lower() in cues.anonymity_verbs or any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in cues.anonymity_verbs for c in clause.children
    )
    return subjunctive and named


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
        subjects = [c for c in clause.children if c.dep_ in SUBJECTS or c.dep_ == "expl"]
        if not subjects or subjects[0].lower_ in source_words:
            continue  # "..., he said, and he left": the narrator goes on about the speaker
        between = doc[(tok.i if host is tok else tok.right_edge.i) + 1 : opening]
        joiners = [t for t in between if not t.is_punct]
        if len(joiners) != 1 or not (joiners[0].dep_ == "cc" or joiners[0].lower_ in cues.continuing_marks):
            continue
        rng = clip_to_paragraph(doc, (opening, clause.right_edge.i + 1), clause.i)
        trimmed = trim(doc, *rng)
        if trimmed is not None:
            out.append(Candidate(trimmed, cand.cue, cand.source, cand.kind, clause.i))
    return out


def quoted_clause(tok: Token) -> bool:
    """Whether the cue sits right after a closing quotation mark (the quote scanner's business)."""
    return tok.i >= 2 and tok.doc[tok.i - 2].is_quote and tok.doc[tok.i - 2].text in ("”", '"', "»")
