"""Attributions whose cue is not a reporting verb: "according to X", "X's support for Y",
"X is critical of Y", "the claim that ...", and "Name: statement" lines.

Like the verb rules, each looks at one cue token and its parse neighbourhood.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from redline.extract.english import RELATIVE_PRONOUNS, TIME_ENTS
from redline.extract.interviews import asking_names, interviewee, interviewer, presenter_names
from redline.extract.reported import find_source, marked_infinitive, names_source, speech_noun_owner
from redline.extract.token_ranges import (
    Candidate,
    TokenRange,
    clip_to_paragraph,
    fronted_statement,
    fronted_subject,
    is_verb,
    misread_noun,
    noun_phrase,
    subtree_range,
    trim,
    without,
)
from redline.knowledge.cues import CueLexicon


def prepositional_candidates(
    doc: Doc, cues: CueLexicon, quoted: Sequence[bool], sites: Sequence[Token] | None = None
) -> list[Candidate]:
    """ "according to X": X is the source, the clause the phrase attaches to is the content."""
    out: list[Candidate] = []
    firsts: dict[str, list[tuple[str, ...]]] = {}
    singles = (*cues.set_off_prepositional, *cues.survey_prepositions)
    for p in (*cues.prepositional, *((w,) for w in singles)):
        firsts.setdefault(p[0], []).append(p)
    for tok in doc if sites is None else sites:
        if quoted[tok.i]:
            continue
        found = next(
            (m for m in (_phrase_at(doc, tok, p) for p in firsts.get(tok.lower_, ())) if m is not None), None
        )
        if found is None:
            continue
        end, objs = found
        if tok.lower_ in cues.set_off_prepositional and not _cites(tok, objs[0], cues):
            continue
        if tok.lower_ in cues.survey_prepositions and not _cites_survey(tok, objs[0], cues):
            continue
        source = _maker(objs[0], cues) or noun_phrase(objs[0])
        sent = tok.sent
        trimmed = None
        # "according to a readout issued by the ministry, ...": the source's own modifiers are
        # no part of the content, so the whole object is cut out first
        whole = objs[0].right_edge.i + 1
        rest = [t for t in doc[whole : sent.end] if not (t.is_punct or t.is_space)]
        # "..., according to two people familiar with the talks, who spoke on condition of
        # anonymity": a relative clause that runs to the end of the sentence is the source's too
        trailing = not rest and any(t.dep_ == "relcl" for t in doc[source[1] : whole])
        if not trailing and (whole >= len(doc) or doc[whole].text != ","):
            whole = 0  # the parser ran the object on into the clause it frames
        survey = tok.lower_ in cues.survey_prepositions
        for src, hole in ((source, whole), (source, source[1]), (_up_to_comma(doc, objs[0], source), 0)):
            hole = max(hole, src[1], end)
            rng = without((sent.start, sent.end), [(tok.i, hole)], prefer_after=len(doc) + 1)
            if survey and _host_verb(tok).i < tok.i:
                # "The governor trails in the polls ahead of the vote": what the poll found is
                # the clause its phrase closes, not the words after it
                rng = (sent.start, tok.i)
            trimmed = trim(doc, *clip_to_paragraph(doc, rng, tok.i))
            if trimmed:
                source = src
                break
        if not trimmed:
            continue
        # "The sale, according to two officials, is a done deal": the guide counts the fronted
        # subject as a statement of its own and the rest after the phrase as another, even where
        # the side before is the longer; a scheme that merges split quotes one over the insert
        host = tok.head
        fronted = fronted_subject(host, tok.i) if is_verb(host) else None
        if fronted is not None and trimmed[0] < tok.i:
            after = trim(doc, *clip_to_paragraph(doc, (max(source[1], end), host.right_edge.i + 1), tok.i))
            if after is None or after[0] <= tok.i:
                fronted = None
            else:
                trimmed = after
        if fronted is not None and cues.merge_split_quotes:
            trimmed = (host.left_edge.i, trimmed[1])
        cand = Candidate(trimmed, (tok.i, end), source, "prepositional", tok.i)
        out.append(cand)
        part = fronted_statement(host, tok.i, cand) if fronted and not cues.merge_split_quotes else None
        if part is not None:
            out.append(part)
    return out


def _cites_survey(prep: Token, obj: Token, cues: CueLexicon) -> bool:
    """Whether "in" names a survey as the source of its clause: one survey ("in a CBS poll",
    "in the same survey"), or any that opens the sentence ("In national polls, ..."). "Leads in
    the polls" inside a clause is the usual way of telling a standing, seldom a finding cited."""
    if obj.lemma_.lower() not in cues.survey_nouns:
        return False
    return obj.tag_ != "NNS" or bool(prep.is_sent_start)


def _host_verb(prep: Token) -> Token:
    """The verb a prepositional phrase belongs to, through a noun it may hang on ("a lead in
    the polls"); the preposition's head when there is none."""
    head = prep.head
    while not is_verb(head) and head.head.i != head.i:
        head = head.head
    return head if is_verb(head) else prep.head


def _phrase_at(doc: Doc, tok: Token, phrase: tuple[str, ...]) -> tuple[int, list[Token]] | None:
    """Where ``phrase`` starts at ``tok``: its end and the source it names. The source is the
    object after the phrase ("according to | the ministry"), or the possessor a ``*`` stands
    for ("in | his | words", "in | the minister's | words", "by | her | own | admission")."""
    if "*" in phrase:
        slot = phrase.index("*")
        noun = next((c for c in tok.children if c.dep_ == "pobj" and c.lower_ == phrase[-1]), None)
        owner = [c for c in noun.children if c.dep_ == "poss"] if noun is not None else []
        if noun is None or not owner or owner[0].left_edge.i != tok.i + slot:
            return None
        # the words between the possessor and the noun: "by | her | own | admission"
        between = tuple(t.lower_ for t in doc[owner[0].right_edge.i + 1 : noun.i])
        if between != phrase[slot + 1 : -1]:
            return None
        return noun.i + 1, owner[:1]
    end = tok.i + len(phrase)
    if end > len(doc) or tuple(t.lower_ for t in doc[tok.i : end]) != phrase:
        return None
    last = doc[end - 1]
    objs = [c for c in last.children if c.dep_ == "pobj"] or [
        t
        for t in doc[end : end + 1]
        if t.pos_ in ("PROPN", "NOUN", "PRON") or (misread_noun(t) and t.head.i == last.i)
    ]
    return (end, objs) if objs else None


def _cites(prep: Token, obj: Token, cues: CueLexicon) -> bool:
    """Whether a set-off preposition ("per") names a source: it opens the sentence or follows a
    comma, and its object is a name, an organisation or a source noun ("Per Reuters, ...", "...,
    per a person familiar with the talks"), not a unit ("per barrel", "per cent")."""
    doc = prep.doc
    set_off = prep.is_sent_start or (prep.i > 0 and doc[prep.i - 1].text == ",")
    named = obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")
    lemma = obj.lemma_.lower()
    return set_off and (named or lemma in cues.source_nouns or lemma in cues.nouns)


def _maker(noun: Token, cues: CueLexicon) -> TokenRange | None:
    """ "according to a readout issued by the ministry", "a statement released by the Kremlin",
    "a statement from the presidential office": a speech or document noun whose participle or
    "by"/"from" phrase names its maker speaks for that maker."""
    if noun.lemma_.lower() not in cues.nouns and noun.lemma_.lower() not in cues.document_nouns:
        return None
    for acl in noun.rights:
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in cues.document_makers:
            for agent in acl.children:
                objs = [c for c in agent.children if c.dep_ == "pobj"] if agent.dep_ == "agent" else []
                if objs:
                    return noun_phrase(objs[0])
        if acl.dep_ == "prep" and acl.lower_ in cues.passive_sources:  # "a statement from the office"
            objs = [c for c in acl.children if c.dep_ == "pobj"]
            if objs and objs[0].pos_ in ("NOUN", "PROPN"):
                return noun_phrase(objs[0])
    return None


def _up_to_comma(doc: Doc, head: Token, source: TokenRange) -> TokenRange:
    """ "According to radio host Tom Banks, the move reeks of fear": where the parser ran the
    source's noun phrase on over the comma into the clause it frames (leaving no content), the
    source ends at that comma."""
    comma = next((t.i for t in doc[head.i : source[1]] if t.text == ","), None)
    return (source[0], comma) if comma is not None else source


def _noun_source(noun: Token, cues: CueLexicon, quoted: Sequence[bool]) -> TokenRange | None:
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
    return light_verb_source(noun, cues, quoted)


def light_verb_source(noun: Token, cues: CueLexicon, quoted: Sequence[bool]) -> TokenRange | None:
    """ "The council made the case that ...", "they unveiled a proposal for ...": a speech noun
    that is the object of a light verb is said by the verb's subject. A negated verb ("did not
    make the case") reports no speech."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in cues.light_verbs:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    return find_source(verb, cues, quoted)


def noun_object_candidates(
    doc: Doc, cues: CueLexicon, quoted: Sequence[bool], sites: Sequence[Token] | None = None
) -> list[Candidate]:
    """ "Trump's attacks on the judge", "her support for the bill": the object of a stance noun."""
    out: list[Candidate] = []
    for tok in doc if sites is None else sites:
        if quoted[tok.i] or tok.pos_ != "NOUN":
            continue
        preps = cues.prep_nouns.get(tok.lemma_.lower())
        if not preps:
            continue
        for child in tok.rights:
            # "her pledge to resign": an infinitive stands where a "to" phrase would
            infinitive = "to" in preps and child.dep_ == "acl" and _to_infinitive(child)
            if not infinitive and (child.dep_ != "prep" or child.lower_ not in preps):
                continue
            objs = [child] if infinitive else [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if not objs or objs[0].ent_type_ in TIME_ENTS:
                continue  # "her remarks on Monday": when they were made, not what about
            rng = clip_to_paragraph(doc, (objs[0].left_edge.i, child.right_edge.i + 1), tok.i)
            trimmed = trim(doc, *rng)
            source = _noun_source(tok, cues, quoted)
            if trimmed and source:  # without a holder the noun is the writer's framing
                cue = (tok.i, tok.i + 1) if infinitive else (tok.i, child.i + 1)
                out.append(Candidate(trimmed, cue, source, "noun_object", tok.i))
            break
    return out


def _national(noun: Token) -> bool:
    """ "the central Russian demand that ...": a nationality names the maker, whom the speaker
    resolution reads as the country."""
    return any(c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE") for c in noun.lefts)


def _to_infinitive(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and marked_infinitive(verb)


def predicate_candidates(
    doc: Doc, cues: CueLexicon, quoted: Sequence[bool], sites: Sequence[Token] | None = None
) -> list[Candidate]:
    """ "X is critical of Y", "X was confident that Y", "X is an opponent of Y"."""
    out: list[Candidate] = []
    for tok in doc if sites is None else sites:
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
                if any(c.dep_ == "neg" for t in (tok, tok.head) for c in t.children):
                    break  # "is not convinced that the venue matters": the clause is not held
                rng = subtree_range(child)
            if rng:
                break
        copula = tok.head
        source = find_source(copula, cues, quoted)
        if rng is None or source is None:
            continue
        trimmed = trim(doc, *clip_to_paragraph(doc, rng, tok.i))
        if trimmed:
            cue = (min(copula.i, tok.i), max(copula.i, tok.i) + 1)
            out.append(Candidate(trimmed, cue, source, "predicate", tok.i))
    return out


_THAT_WITHIN = 12  # tokens from "made clear" to its "that": "made clear during talks with X that"


def verb_predicate_candidates(
    doc: Doc, cues: CueLexicon, quoted: Sequence[bool], sites: Sequence[Token] | None = None
) -> list[Candidate]:
    """ "X made clear that Y", "X made it clear that Y": the parser hangs the "that" clause
    anywhere (on the adjective, the verb, or a noun in between), so the content is read from
    the first "that" after the adjective to the end of the sentence."""
    out: list[Candidate] = []
    for tok in doc if sites is None else sites:
        verb = tok.head
        if quoted[tok.i] or tok.lower_ not in cues.verb_predicates.get(verb.lemma_.lower(), frozenset()):
            continue
        if not verb.i < tok.i <= verb.i + 2:
            continue  # "made clear", "made it clear": the adjective follows the verb
        sent_end = tok.sent.end
        that = next(
            (t for t in doc[tok.i + 1 : min(sent_end, tok.i + _THAT_WITHIN)] if t.lower_ == "that"),
            None,
        )
        source = find_source(verb, cues, quoted)
        if that is None or source is None:
            continue
        trimmed = trim(doc, *clip_to_paragraph(doc, (that.i + 1, sent_end), that.i))
        if trimmed:
            out.append(Candidate(trimmed, (verb.i, tok.i + 1), source, "speech", tok.i))
    return out


def hearsay_candidates(
    doc: Doc, cues: CueLexicon, quoted: Sequence[bool], sites: Sequence[Token] | None = None
) -> list[Candidate]:
    """ "The firm reportedly paid $2 million": a hearsay adverb makes the clause it modifies
    words no one is named as saying. A clause whose verb is a cue of its own ("reportedly said
    that ...") is left to that cue."""
    out: list[Candidate] = []
    for tok in doc if sites is None else sites:
        if quoted[tok.i] or tok.dep_ != "advmod" or tok.lower_ not in cues.hearsay_adverbs:
            continue
        clause = tok.head
        lemma = clause.lemma_.lower()
        if not is_verb(clause) or cues.verb_kind(lemma) or lemma in cues.object_verbs:
            continue
        start, end = subtree_range(clause)
        if doc[start].dep_ == "mark" and doc[start].head == clause:
            start += 1  # "after he allegedly took it": the subordinator is the writer's
        trimmed = trim(doc, *clip_to_paragraph(doc, (start, end), tok.i))
        if trimmed:
            out.append(Candidate(trimmed, (tok.i, tok.i + 1), None, "raising", tok.i))
    return out


def noun_candidates(
    doc: Doc, cues: CueLexicon, quoted: Sequence[bool], sites: Sequence[Token] | None = None
) -> list[Candidate]:
    """ "the claim that ...", "Trump's insistence that ...": a speech noun with a content clause."""
    out: list[Candidate] = []
    for tok in doc if sites is None else sites:
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
        owner = speech_noun_owner(tok, clauses[0].left_edge.i)
        source = None
        if owner is not None:
            source = noun_phrase(owner)
            if owner.i < tok.i and source[1] > tok.i:  # "Moscow's demand": the possessor alone
                source = (source[0], tok.i)
        if source is None:
            source = light_verb_source(tok, cues, quoted)
        if source is None and not cues.sourceless_statements and not _national(tok):
            continue  # "following reports that ...": no one is named as saying it
        trimmed = trim(doc, *subtree_range(clauses[0]))
        if trimmed:
            out.append(Candidate(trimmed, (tok.i, tok.i + 1), source, "noun", tok.i))
    return out


# a namer's pronoun and the tags of a clause subject it can stand for ("he" a singular name or noun)
_BOUND_PRONOUNS = {
    "he": frozenset({"NNP", "NN"}),
    "she": frozenset({"NNP", "NN"}),
    "they": frozenset({"NNS", "NNPS", "NNP"}),
}
# a line opening with a short capitalised label and a colon: "Sanders: Clinton must ...",
# "PENCE: Well, look ...", "Q: How did ...". The label holds no digits (times, scores).
# A live blog's timestamp may come first: "13:40 GMT — Kremlin: ...", "9.15am | Merz: ...".
# A transcript sets its labels in capitals and may put the whole title before the name
# ("DEPUTY MINISTER OF WATER AND ENVIRONMENT ANA SILVA:"): a label all in capitals may be longer.
# A note in lower case may stand between the label and its colon ("HALLBERG (recording):",
# "OKAFOR (through an interpreter):"): how the words reached the page, not who said them.
_TIMESTAMP = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*[—–\-|]\s*)?"
_CAPITALS_WORD = r"[A-Z][A-Z’'\-.]*"
_MAX_TITLE_CASE_LABEL = 4  # words
_LABEL = re.compile(
    r"^"
    + _TIMESTAMP
    + r"[\"“'‘]?(?P<label>(?:[A-Z]\.)*[A-Z][^\W\d_]*\.?(?:[ \-’'][A-Z][^\W\d_]*\.?){0,3}"
    + rf"|{_CAPITALS_WORD}(?: {_CAPITALS_WORD}){{4,11}})(?:[ \t]+\([a-z][a-z \-]{{0,29}}\))?:[ \t\xa0]+"
    r"(?P<content>\S[^\n]*)",
    re.MULTILINE,
)


def as_candidates(
    doc: Doc, cues: CueLexicon, quoted: Sequence[bool], sites: Sequence[Token]
) -> list[Candidate]:
    """ "what he described as a reckless budget", "guarantees described by the minister as
    binding", "framing the result as a warning": what follows "as" is the speaker's word for the
    thing. Where the thing is named ("framed the result as a warning") the content is the whole
    "X as Y", as for the object verbs, which read it already. A naming verb without "as" reads
    the same way when the thing is a relative or left out: "what he called a 'brazen breach'"."""
    out: list[Candidate] = []
    for tok in sites:
        lemma = tok.lemma_.lower()
        if quoted[tok.i] or tok.pos_ not in ("VERB", "AUX"):
            continue
        preps = (
            [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "as"] if lemma in cues.as_verbs else []
        )
        named = [c for c in tok.rights if c.dep_ == "oprd"] if lemma in cues.naming_verbs else []
        if not preps and not named:
            continue
        source = _as_source(tok)
        if source is None:
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        plain_object = objs and objs[0].pos_ in ("NOUN", "PROPN") and objs[0].lower_ not in RELATIVE_PRONOUNS
        if plain_object and tok.lemma_.lower() in cues.object_verbs:
            continue
        if named and objs and objs[0].lower_ not in RELATIVE_PRONOUNS and objs[0].tag_ != "WP":
            continue  # "called the plan a giveaway", "called it a day": the object verb rule's
        start, end = subtree_range((preps or named)[0])
        if preps:
            start = objs[0].left_edge.i if plain_object else start + 1  # "framed the result as a warning"
        content = trim(doc, start, end, words=False)
        if content is not None:
            out.append(Candidate(content, (tok.i, tok.i + 1), source, "object", tok.i))
    return out


def _as_source(verb: Token) -> TokenRange | None:
    """The subject, the agent of a passive ("described by the minister as"), or the subject of
    the clause a participle hangs on ("..., framing the result as")."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            return noun_phrase(_binder(verb, c) or c)
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            return noun_phrase(objs[0]) if objs else None
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        return noun_phrase(subjects[0]) if subjects else None
    return None


def _binder(verb: Token, subject: Token) -> Token | None:
    """The clause subject a pronoun namer stands for: in "Smith condemned what he called a
    breach" the free relative's "he" is Smith, who is then the source, by name, rather than a
    pronoun left to be resolved across sentences (and PolNeAR marks the name as the source)."""
    if subject.lower_ not in _BOUND_PRONOUNS or not any(
        c.dep_ == "dobj" and c.tag_ == "WP" for c in verb.children
    ):
        return None
    if verb.dep_ not in ("ccomp", "dobj", "pcomp", "relcl"):
        return None
    subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < subject.i]
    if not subjects:
        return None
    if subjects[0].tag_ not in _BOUND_PRONOUNS[subject.lower_] and subjects[0].lower_ != subject.lower_:
        return None  # "He condemned what he called ..." binds too
    return subjects[0]


def label_candidates(doc: Doc, cues: CueLexicon, text: str) -> list[Candidate]:
    """ "Name: statement" lines: the label is the source, the colon the cue, the rest the content."""
    out: list[Candidate] = []
    answers: list[TokenRange | None] = []  # the interviewee, looked up at the first answer
    # who the lead says asks, looked up at the first label: the outlet ("She spoke to the
    # Courier"), the names it gives an asking role ("presenter Hanna Roos"), and the names it
    # has talk to the guests ("Sara Quist talked to ..."), who ask if their turns do
    lead: list[tuple[str | None, frozenset[str]]] = []
    matches = list(_LABEL.finditer(text))
    questioners = {m.group("label").lower() for m in matches if m.group("content").rstrip().endswith("?")}
    for m in matches:
        label = m.group("label")
        if label.lower() in cues.label_exclusions or label.lower() in cues.question_labels:
            continue  # an editorial word, or an interviewer's question: nobody's position
        if _excluded_within(label, cues):
            continue  # "EDITOR'S NOTE ON THIS STORY:": a long capitals label that is an editorial one
        if not lead:
            presenters = presenter_names(doc, cues, m.start()) & questioners
            lead.append((interviewer(doc, cues, m.start()), asking_names(doc, cues, m.start()) | presenters))
        outlet, askers = lead[0]
        if label.lower() in askers:
            continue  # "ROOS: Will Finland take part?" after "spoke to presenter Hanna Roos"
        if outlet is not None and " ".join(w for w in label.lower().split() if w not in _ARTICLES) == outlet:
            continue  # "The Courier: Why?" after "She spoke to the Courier": the outlet asks
        src = doc.char_span(m.start("label"), m.end("label"), alignment_mode="expand")
        body = doc.char_span(m.start("content"), m.end("content"), alignment_mode="expand")
        if src is None or body is None or len(body) < 2:
            continue
        if label.lower() in cues.answer_labels:
            if not answers:
                answers.append(interviewee(doc, cues, m.start()))
            content = trim(doc, body.start, body.end, words=False)
            if answers[0] is not None and content is not None:
                out.append(Candidate(content, (src.end, src.end + 1), answers[0], "colon", src.end))
            continue
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in src) and (
            len(src) > 1 or cues.verb_kind(src[0].lemma_) is not None
        ):
            continue  # "He said: ..." is a cue verb, handled with the quotes; a lone name the
            # tagger reads as a verb ("LAVROV: ...", capitals look like a participle) is a label
        # a title and name in capitals ("MINISTER ... ANA MENDES") may end in a word the tagger
        # takes for a plural; only the capitals form of a label runs past four words
        last = src[-1]
        plural = 1 < len(src) <= _MAX_TITLE_CASE_LABEL and last.tag_ in ("NNS", "NNPS") and not last.ent_type_
        if (
            plural
            or _clause_heading(src)
            or _phrase_heading(src)
            or all(t.ent_type_ in ("GPE", "LOC") for t in src)
        ):
            continue  # "Harbour Talks: ...", "Norway: ...": a section heading or a place, no speaker
            # (one plural word is left alone: a surname may be tagged as one, "Sanders: ...")
        # the colon, past any note after the label ("HALLBERG (recording):")
        at = text.rindex(":", m.end("label"), m.start("content"))
        mark = doc.char_span(at, at + 1, alignment_mode="expand")
        colon = src.end if mark is None else mark.start
        content = trim(doc, body.start, _writer_resumes(doc, cues, body.start, body.end), words=False)
        if content is None or not doc[colon].text.endswith(":"):  # "):" is one token
            continue
        if _tally(doc[content[0] : content[1]]):
            continue  # "Ruiz: 4,512.": a line of results or a count, no one's words
        out.append(Candidate(content, (colon, colon + 1), (src.start, src.end), "colon", colon))
    return out


def _tally(content: Span) -> bool:
    """Whether a labelled line gives only a figure ("Ruiz: 4,512.", "Ortega: 38%"), as a results
    table or a delegate count lists them: a count, not words anyone said."""
    return all(t.like_num or t.is_punct or t.is_space or t.text in ("%", "$") for t in content)


def _excluded_within(label: str, cues: CueLexicon) -> bool:
    """Whether a label past four words (the capitals form: title and name) holds an editorial
    label of one or two words ("EDITOR'S NOTE ON THIS STORY"): a speaker's title never does."""
    words = label.lower().split()
    if len(words) <= _MAX_TITLE_CASE_LABEL:
        return False
    grams = words + [" ".join(pair) for pair in itertools.pairwise(words)]
    return any(g in cues.label_exclusions for g in grams)


_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP"})
_ARTICLES = frozenset({"the", "a", "an"})


def _clause_heading(label: Span) -> bool:
    """ "The Money Runs Out: ...": a label that is a clause (a noun, then a finite verb) is a
    section heading; a speaker's label is a name or a title, which has no verb of its own (a
    lone capitalised name the tagger reads as a verb is not a clause)."""
    return any(
        t.tag_ in _FINITE_TAGS and t.i > label.start and t.nbor(-1).pos_ in ("NOUN", "PROPN") for t in label
    )


# the tagger reads a Title Case preposition as part of a name ("Over" as NNP): by the word
_HEADING_PREPOSITIONS = frozenset(
    {
        "over",
        "in",
        "with",
        "against",
        "after",
        "before",
        "amid",
        "under",
        "without",
        "behind",
        "versus",
    }
)


def _phrase_heading(label: Span) -> bool:
    """ "Big Win For Harbour Workers: ...", "Stealth Over Health: ...": a Title Case label with a
    preposition between its words is a headline's phrase; a speaker's title joins its words with
    "of" or "for" ("Minister For Fisheries"), not with "over" or "against"."""
    if len(label) > _MAX_TITLE_CASE_LABEL or label.text.isupper():
        return False  # the capitals form of a long title ("MINISTER FOR FISHERIES ... MENDES")
    return any(t.lower_ in _HEADING_PREPOSITIONS for t in label[1:-1])


_THIRD_PERSON = frozenset({"he", "she", "they"})


def _writer_resumes(doc: Doc, cues: CueLexicon, start: int, end: int) -> int:
    """Where a labelled line stops being the speaker's words: "Merz: Europe must be at the table.
    “No deal without us,” he told reporters." A transcript's speaker never reports himself in
    the third person, so a later sentence that quotes someone and tells, outside its quote marks,
    who said it ("he told", "the chancellor added") is the writer's again, and a statement of its
    own."""
    # only the sentences that open inside the body: a transcript has a label on every turn
    for first in range(start + 1, end):
        if not doc[first].is_sent_start:
            continue
        sent = doc[first].sent
        if not any(t.is_quote for t in sent):
            continue
        inside = False
        for t in sent:
            if t.is_quote:
                inside = not inside
            elif not inside and t.pos_ == "VERB" and cues.verb_kind(t.lemma_) is not None:
                subjects = [c for c in t.children if c.dep_ == "nsubj"]
                if any(c.lower_ in _THIRD_PERSON or c.pos_ in ("PROPN", "NOUN") for c in subjects):
                    return int(sent.start)
    return end


# "Talks will resume next week – Kremlin": a headline signed after a dash (or a colon: "Talks
# will resume: Kremlin") with its source, or with a speech verb put before the source ("...,
# says Kremlin"). The headline runs from a line start (a newline, two spaces, or the start of
# the text) to the sign; the signature is a short capitalised name that ends the line.
_SIGN = r"(?P<label>[A-Z\w][\w’'.\-]*(?: [A-Za-z][\w’'.\-]*){0,5})(?=\s{2}|\s*\n|\s*$|\s+[-–—|]\s)"
_HEADLINE = r"(?:^|\n|\s{2})(?P<content>[A-Z“\"‘«\[][^\n]{15,240}?)"
# two patterns, not one: a comma inside a dash-signed headline ("Ready to work, but causes must
# go - Lavrov") would otherwise be read as ", VERB SOURCE", and its rejection hid the dash
_SIGNED = (
    re.compile(_HEADLINE + r"(?:[\s,]+[–—-]{1,2}|:)\s+" + _SIGN),
    re.compile(_HEADLINE + r",\s+(?P<verb>[a-z]+)\s+" + _SIGN),
)
# "Deal close, Kremlin says" / "No land for peace, Ukrainian negotiator says": a headline whose
# source and speech verb close the line. The parser makes little of headline-ese (a dropped
# copula leaves "deal close" without a verb), so the line's shape decides: it starts a line, has
# no stop, and ends on "SOURCE VERB".
_SAYS_LAST = re.compile(
    r"(?:^|\n|\s{2})(?P<content>[A-Z“\"‘«\[][^\n.]{6,240}?),\s+"
    r"(?P<label>[A-Z\w][\w’'\-]*(?: [A-Za-z][\w’'\-]*){0,5})\s+(?P<verb>[A-Za-z][a-z]+)(?P<stop>\.?)"
    r"(?=\s{2}|\s*\n|\s*$)"
)
_MAX_SIGNED_WORDS = 4
_NOT_IN_LABEL = frozenset({"VERB", "AUX", "CCONJ", "SCONJ", "PRON"})  # a source is a noun phrase
_MAX_SAID_BY_WORDS = 6  # "..., says bloc's foreign policy chief Kallas": a title may come first
MAX_HEADLINE_WORDS = 16  # news headlines run to a dozen words or so; longer is running text


def signature_candidates(doc: Doc, cues: CueLexicon, quoted: Sequence[bool], text: str) -> list[Candidate]:
    """Headlines signed with their source after a dash: the headline is the content, no cue."""
    out: list[Candidate] = []
    for m in (m for pattern in _SIGNED for m in pattern.finditer(text)):
        body = m.group("content")
        label = m.group("label")
        if (
            ". " in body
            or label.lower() in cues.label_exclusions
            or not 4 <= len(body.split()) <= MAX_HEADLINE_WORDS
        ):
            continue  # a sentence of running text, not a headline
        verb = m.groupdict().get("verb")
        if len(label.split()) > (_MAX_SAID_BY_WORDS if verb else _MAX_SIGNED_WORDS):
            continue
        if not (verb or label[0].isupper()):
            continue
        if verb and label.endswith("."):
            continue  # "..., he said, reported TASS.": a sentence of running text ends on a stop
        cue: TokenRange | None = None
        if verb:
            said = doc.char_span(m.start("verb"), m.end("verb"))
            if said is None or cues.verb_kind(said[0].lemma_) != "speech":
                continue
            cue = (said.start, said.end)
        src = doc.char_span(m.start("label"), m.end("label"), alignment_mode="expand")
        span = doc.char_span(m.start("content"), m.end("content"), alignment_mode="expand")
        if src is None or span is None or any(quoted[t.i] for t in src):
            continue
        if not any(t.pos_ == "PROPN" or t.ent_type_ for t in src):
            continue  # "... - read more": the signature must name someone
        content = trim(doc, span.start, span.end, words=False)
        if content is None:
            continue
        out.append(Candidate(content, cue, (src.start, src.end), "signature", src.start))
    return out


# "Mayor to Tenants: Rents Will Not Rise", "Ortega on the Levy: It Is Fair", "Former Judge at Hearing:
# Delay Is Costly": a headline line that opens with a name, says to whom, about what or where, and
# gives the words after a colon (the quoted form is linked by the quote rule)
_TOPIC_HEADLINE = re.compile(
    r"(?:^|\n)[ \t]*(?P<label>[A-Z][\w’'.\-]*(?: (?!(?:On|To|At|About) )[A-Z][\w’'.\-]*){0,3}) "
    r"(?P<prep>[Oo]n|[Tt]o|[Aa]t|[Aa]bout) "
    r"(?P<topic>[^:\n]{1,80}?)(?P<colon>:)[ \t]+(?P<content>[^\n]+?)[ \t]*(?=\n|$)"
)
_EXPLAINER_WORDS = frozenset({"what", "how", "why", "who", "where", "when", "which"})


def topic_headline_candidates(
    doc: Doc, cues: CueLexicon, quoted: Sequence[bool], text: str
) -> list[Candidate]:
    """A headline that names its speaker, an addressee, topic or place, then the words after a
    colon ("Mayor to Tenants: Rents Will Not Rise"): the words are the name's. "Mayor to Visit
    Port: What to Expect" plans a deed (a verb after "to") and asks the reader's question."""
    out: list[Candidate] = []
    for m in _TOPIC_HEADLINE.finditer(text):
        body = m.group("content")
        if (
            not 2 <= len(body.split()) <= MAX_HEADLINE_WORDS
            or len(m.group(0).split()) > MAX_HEADLINE_WORDS + 4
        ):
            continue
        if m.group("label").lower() in cues.label_exclusions or body.split()[0].lower() in _EXPLAINER_WORDS:
            continue
        src = doc.char_span(m.start("label"), m.end("label"), alignment_mode="expand")
        topic = doc.char_span(m.start("topic"), m.end("topic"), alignment_mode="expand")
        colon = doc.char_span(m.start("colon"), m.end("colon"), alignment_mode="expand")
        span = doc.char_span(m.start("content"), m.end("content"), alignment_mode="expand")
        if src is None or topic is None or colon is None or span is None or any(quoted[t.i] for t in src):
            continue
        if body[:1] in "“\"‘'«" or quoted[span[0].i]:
            continue  # "Putin to Witkoff: “No compromise” on the regions": the quote rule links it
        if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in src):
            continue
        if m.group("prep").lower() == "to" and topic[0].tag_ == "VB":
            continue  # "Mayor to Visit Port": a plan, not an addressee
        if src[0].tag_ == "VB" or src[0].lower_ in cues.label_exclusions or body.startswith("@"):
            continue  # "Follow Dana Ortega on Twitter: @dortega": the page asks the reader
        content = trim(doc, span.start, span.end, words=False)
        if content is None:
            continue
        out.append(
            Candidate(content, (colon[-1].i, colon[-1].i + 1), (src.start, src.end), "signature", src.start)
        )
    return out


def _signed_by(verb: Token, stop: bool, cues: CueLexicon) -> bool:
    """Whether a headline's last word is its speech verb: "says"/"said" as tagged, or in a Title
    Case headline ("..., Former Aide Says.", which may end on a full stop) the capitalised form of
    one, whatever the tagger made of it."""
    word = verb.text.lower()
    if not verb.text[:1].isupper():
        # "..., Kremlin says", "..., lawyers say" (a plural source's VBP), "..., aide said"
        return not stop and cues.verb_kind(verb.lemma_) == "speech" and verb.tag_ in ("VBZ", "VBP", "VBD")
    stem = "say" if word == "said" else word[:-1] if word.endswith("s") else ""
    return cues.verb_kind(stem) == "speech"


def said_last_candidates(doc: Doc, cues: CueLexicon, quoted: Sequence[bool], text: str) -> list[Candidate]:
    """Headlines closed by their source and a speech verb ("Talks productive, Kremlin says"):
    the part before the comma is the content, whatever the parser made of it."""
    out: list[Candidate] = []
    for m in _SAYS_LAST.finditer(text):
        if not 2 <= len(m.group("content").split()) <= MAX_HEADLINE_WORDS:
            continue
        said = doc.char_span(m.start("verb"), m.end("verb"))
        src = doc.char_span(m.start("label"), m.end("label"), alignment_mode="expand")
        span = doc.char_span(m.start("content"), m.end("content"), alignment_mode="expand")
        if said is None or src is None or span is None or any(quoted[t.i] for t in src):
            continue
        if not _signed_by(said[0], bool(m.group("stop")), cues):
            continue  # "..., but Ukrainians must have their say": not a signed headline
        if any(t.pos_ in _NOT_IN_LABEL for t in src):
            continue
        # an editorial word ("Update", "Video") signs no headline, but "sources" as a line's
        # label ("Sources: ...") is still a source noun in "..., sources say"
        if src.text.lower() in cues.label_exclusions and src[-1].lemma_.lower() not in cues.source_nouns:
            continue
        if not any(names_source(t, cues) for t in src):
            continue  # "..., the report says" is caught elsewhere; the source must be someone
        content = trim(doc, span.start, span.end, words=False)
        if content is None:
            continue
        out.append(Candidate(content, (said.start, said.end), (src.start, src.end), "signature", src.start))
    return out


# a speech verb's sentence ending on a colon, and the next paragraph unquoted: "The ministry said
# in a statement:" / "The talks were constructive ..."
_INTRODUCED = re.compile(r":[ \t\xa0]*\n\s*(?P<content>[^\s\"“‘'«„—–\-][^\n]*)")


def introduced_candidates(doc: Doc, cues: CueLexicon, quoted: Sequence[bool], text: str) -> list[Candidate]:
    """ "The foreign ministry said in a statement on Tuesday:" followed by the statement as a
    paragraph of its own, without quote marks (a blockquote on the page): the paragraph is what
    was said. Only a speech or writing verb with a source, and nothing but its object, medium or
    time between it and the colon, introduces one; a labelled line ("RUBIO: ...") is a
    transcript turn, and "The key points of the plan:" introduces no one's words."""
    out: list[Candidate] = []
    for m in _INTRODUCED.finditer(text):
        colon = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        body = doc.char_span(m.start("content"), m.end("content"), alignment_mode="expand")
        if colon is None or body is None or quoted[colon.start] or _LABEL.match(m.group("content")):
            continue
        line = doc[colon.start].sent
        verbs = [
            t
            for t in doc[line.start : colon.start]
            if is_verb(t) and not quoted[t.i] and cues.verb_kind(t.lemma_) in ("speech", "writing")
        ]
        if not verbs or any(is_verb(t) for t in doc[verbs[-1].i + 1 : colon.start]):
            continue
        verb = verbs[-1]
        source = find_source(verb, cues, quoted)
        content = trim(doc, body.start, body.end, words=False)
        if source is None or content is None or not any(is_verb(t) for t in doc[content[0] : content[1]]):
            continue
        out.append(
            Candidate(content, (verb.i, verb.i + 1), source, cues.verb_kind(verb.lemma_) or "speech", verb.i)
        )
    return out
