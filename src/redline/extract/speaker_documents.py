"""Documents and media as sources: reports, statements, readouts and the outlets behind them.

GUIDE.md and NOTES.md count a document reported with a say-type verb as a source: it speaks for
the maker the text names for it ("a Kremlin readout", "Norway issued a statement", "X said in a
statement ... the statement said"), else for itself under its label ("statement"). A definite
media or report noun takes up the outlet named just before ("Reuters reported ... the agency
said"). A nearby speaker is never guessed as a maker beyond the sentence before (``issued``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from redline.extract import speaker_groups
from redline.extract.actors import span_head as _head
from redline.extract.english import (
    RELATIVE_PRONOUNS,
    SUBJECTS_OR_EXPLETIVE,
)
from redline.extract.speaker_index import (
    MAKER_ENTITIES,
    PERSON,
    SPEAKING,
    DocumentIndex,
    clean_name,
)
from redline.extract.token_ranges import dateline_end
from redline.model import Actor, Speaker

if TYPE_CHECKING:
    from redline.extract.speakers import SpeakerResolver


_REPORT_WINDOW = 2  # sentences back in which "the report" finds the body that put it out
# sentences back in which "the report" finds the outlet named for it: a story built on "a report
# by the Financial Times" keeps it in view a sentence longer (a crosshead may come between)
_OUTLET_WINDOW = 3
_ISSUING_PREPOSITIONS = frozenset({"with", "in", "through", "via"})


def maker_of_document(resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan) -> SpacySpan:
    """ "The Kremlin readout of a call between Putin and Orban said ...", "a White House
    statement after the meeting with Merz": a document speaks for its maker, named before its
    head noun or in a by-phrase ("the communique issued by France and Germany"), never for
    the people a phrase after the head mentions. The phrase is cut to the part that names
    the maker; a source that is no document, or names no maker before its head, is left
    whole."""
    head = index.head(span)
    if head.pos_ != "NOUN":
        return span
    found = resolver.kb.collective([head.text])
    if found is None or found.kind != "document":
        return span
    doc = span.doc
    issuing = resolver.kb.issuing_verbs([head.text])
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
    if any(t.pos_ == "PROPN" or t.ent_type_ in MAKER_ENTITIES or t.dep_ == "poss" for t in before):
        return doc[span.start : head.i + 1]
    return span  # "a document on the campaign's website": the maker may be named after it


def media(resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan) -> tuple[str | None, str] | None:
    """ "Reuters reported ... The agency said": a definite media noun takes up the outlet
    named last; "the coalition", "the group" take up the group named last whose name holds
    that noun (or, for "group" and "bloc", any group)."""
    head = index.head(span)
    lemma = head.lemma_.lower()
    if span[0].lower_ not in {"the", "this"} or head.tag_ != "NN":
        return None
    if lemma not in resolver.kb.media_nouns and lemma not in resolver.kb.group_nouns:
        return None
    word = resolver.kb.fold(lemma)
    # "the AFP news agency", "the US outlet Axios": an outlet named in the phrase itself takes
    # up no earlier one
    inside = [c for c in index.candidates if span.start <= c.start and c.end <= span.end]
    for c in inside:
        actor = resolver.kb.get(c.actor_id)
        if actor is not None and actor.type == "media":
            return actor.id, actor.name
        if actor is None and c.kind == "org":
            return None, c.name  # an outlet the actor list does not know, by its own name
    if any(t.pos_ == "PROPN" for t in span) and not inside:
        return None, clean_name(span)  # the same, where no mention was found

    def wanted(a: Actor) -> bool:
        if lemma in resolver.kb.media_nouns:
            return a.type == "media"
        return a.type == "group" and (
            lemma in resolver.kb.generic_group_nouns or word in resolver.kb.key(a.name.split())
        )

    before = [c for c in index.candidates if c.end <= span.start]
    after = [c for c in index.candidates if c.start >= span.end]  # a standfirst's "the agency"
    for c in [*reversed(before), *after]:
        actor = resolver.kb.get(c.actor_id)
        if actor is not None and wanted(actor):
            return actor.id, actor.name
    return named_with(index, span, lemma)


def named_with(index: DocumentIndex, span: SpacySpan, lemma: str) -> tuple[str | None, str] | None:
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


def report(resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan) -> tuple[str | None, str] | None:
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
        actor = resolver.kb.get(c.actor_id)
        if actor is not None and actor.type == "media":
            return actor.id, actor.name
    return report_maker(index, span)


def report_maker(index: DocumentIndex, span: SpacySpan) -> tuple[str | None, str] | None:
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
            if subject.dep_ == "nsubj" and (c := index.covering(subject.i, SPEAKING)) is not None:
                return c.actor_id, c.name
    return None


def owned_document(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "Ushakov's readout made clear ...": a document a named person owns speaks for them."""
    head = index.head(span)
    found = resolver.kb.collective([t.text for t in span], span.text)
    if found is None or found.kind != "document":
        return None
    for child in head.children:
        poss = child.dep_ == "poss" and span.start <= child.i < span.end
        if poss and (c := index.covering(child.i, (PERSON,))) is not None:
            return c.actor_id, c.name
    return None


def document(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan, previous: Sequence[Speaker] = ()
) -> tuple[str | None, str] | None:
    """ "The declaration said": a definite document noun with no owner takes up the last
    earlier phrase with that noun that names one ("the Paris declaration", "a US readout")."""
    head = index.head(span)
    if span[0].lower_ not in {"the", "this"} or head.pos_ != "NOUN":
        return None
    found = resolver.kb.collective([t.text for t in span], span.text)
    if found is None or found.kind != "document" or found.party is not None:
        return None
    doc = index.doc
    for t in reversed(doc[: span.start]):
        if t.lemma_.lower() != head.lemma_.lower() or t.pos_ not in {"NOUN", "PROPN"}:
            continue
        phrase = doc[t.left_edge.i : t.i + 1]
        earlier = resolver.kb.collective([w.text for w in phrase], phrase.text)
        if earlier is not None and earlier.party is not None:
            return None, clean_name(phrase)
        # "The letter, organised by the Lindenhof Circle, ... The letter says": the maker its
        # by-phrase named when the text brought it in
        if (maker := named_maker(resolver, index, t)) is not None:
            return maker
        # "Bessent said in a statement ... according to the statement": the statement's maker
        verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "in" else None
        for subject in verb.children if verb is not None else ():
            if subject.dep_ in SUBJECTS_OR_EXPLETIVE:
                if (c := index.covering(subject.i, SPEAKING)) is not None:
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
                    return speaker_groups.phrase_up_to(resolver, subject, placed=False)
    return None


def named_maker(
    resolver: SpeakerResolver, index: DocumentIndex, noun: Token
) -> tuple[str | None, str] | None:
    """The maker a document noun's own by-phrase names ("an open letter, organised by a circle
    of retired envoys"), so that a later "the letter says" or "it says" speaks for that maker;
    None when the phrase names none after its head."""
    doc = index.doc
    maker = maker_of_document(resolver, index, doc[noun.left_edge.i : noun.right_edge.i + 1])
    if maker.start <= noun.i:
        return None
    if (c := index.covering(_head(maker).i, SPEAKING)) is not None:
        return c.actor_id, c.name
    return None, clean_name(maker)


def issued_with(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "The negotiators ended the day with a joint statement saying ...": a statement the
    clause's subject put out by a preposition ("with", "in", "through") is that subject's
    words, as when it issued the statement outright ("The trust issued a statement urging
    ...": the statement whose words follow is the object of the issuing verb)."""
    head = index.head(span)
    verbs = resolver.kb.issuing_verbs([t.text for t in span])
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
    return issuer_of(resolver, index, verb, (*SPEAKING, "group"))


def issuer_of(
    resolver: SpeakerResolver, index: DocumentIndex, verb: Token, kinds: Collection[str] | None = None
) -> tuple[str | None, str] | None:
    """Who a verb that put out a statement names as its subject: the mention there (of one
    of ``kinds`` when given), else the subject's collective label; None without a subject."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            subject = _past_dateline(index.doc, child)
            if subject is None:
                continue  # "RIGA - The ministers ... issued": the place is no one
            if (c := index.covering(subject.i, kinds)) is not None:
                return c.actor_id, c.name
            if (body := _body_of_members(resolver, index, subject)) is not None:
                return body
            return speaker_groups.collective(
                resolver, index.doc[subject.left_edge.i : subject.i + 1], placed=False
            )
    return None


def issued(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan, previous: Sequence[Speaker]
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
    verbs = resolver.kb.issuing_verbs([t.text for t in span])
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
        return issuer_of(resolver, index, t.head)
    before = [p for p in previous if p.mention.end <= span.start_char and p.kind != "document"]
    if not before:
        return None
    last = max(before, key=lambda p: p.mention.start)
    there = doc.char_span(last.mention.start, last.mention.end, alignment_mode="expand")
    if there is None or here - index.sent_of[there.start] > 1:
        return None
    return last.actor_id, last.name


def outlet_named(resolver: SpeakerResolver, span: SpacySpan) -> str | None:
    """The outlet a media phrase names in a phrase of its own ("an earlier report from Axios
    that said") or right after it, where the source span stopped short ("American media
    outlet | Axios reported"): its name, else None."""
    index = resolver._last[2] if resolver._last is not None and resolver._last[0] is span.doc else None
    if index is None:
        return None
    head = _head(span)
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in {"from", "by", "in", "of"} and prep.i < span.end:
            for c in index.candidates:
                if c.kind == "org" and span.start <= c.start and c.end <= span.end and c.start > prep.i:
                    actor = resolver.kb.get(c.actor_id)
                    if prep.lower_ != "of" or (actor is not None and actor.type == "media"):
                        return c.name  # "the organ of the Central Committee" is not the committee
    for c in index.candidates:
        actor = resolver.kb.get(c.actor_id)
        if c.start == span.end and actor is not None and actor.type == "media":
            return c.name
    return None


def _past_dateline(doc: Doc, subject: Token) -> Token | None:
    """ "RIGA - The ministers of ... issued": the parser may make the filing place the subject
    and the real one its apposition or a second subject; a dateline is never a speaker, so
    the apposition is, else None (the next subject)."""
    cut = dateline_end(doc, subject.i, len(doc))
    if cut is None or subject.i >= cut:
        return subject
    later = [t for t in subject.children if t.dep_ == "appos" and t.i >= cut]
    return later[0] if later else None


def _body_of_members(
    resolver: SpeakerResolver, index: DocumentIndex, subject: Token
) -> tuple[str | None, str] | None:
    """ "The foreign ministers of the Nordic-Baltic Eight issued a joint statement": people
    named only as the members of one body speak for it; the statement is the body's, not a
    member country's. A state is no body of members: "the ministers of Russia
    and China" are two governments, left to the collective label."""
    if subject.pos_ != "NOUN" or subject.tag_ != "NNS":
        return None
    for prep in subject.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for body in prep.children:
            # a body the tagger may not call an organisation ("the Nordic-Baltic Eight")
            c = index.covering(body.i, ("org", "group", "unknown")) if body.dep_ == "pobj" else None
            actor = resolver.kb.get(c.actor_id) if c is not None else None
            if c is not None and (actor is None or actor.type in {"group", "organization"}):
                return c.actor_id, c.name
            if (
                c is None
                and body.dep_ == "pobj"
                and body.pos_ == "PROPN"
                and body.ent_type_ not in {"GPE", "PERSON", "NORP"}
            ):
                # a body no mention was found for: its name as the article gives it
                return None, clean_name(index.doc[body.left_edge.i : body.i + 1])
    return None
