"""Names and titles: the person or body a source span names itself or names beside it.

A name inside the span is taken at its syntactic head, so that in "Zelensky's chief of staff
Andriy Yermak" the speaker is Yermak and never the possessor; a name in apposition beside the
span ("the Kremlin spokesman, Dmitry Peskov") speaks for it; coordinated states speak jointly.
Also how a mention becomes a salience candidate (its kind and gender from the name itself).
"""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from redline.extract.actors import span_head as _head
from redline.extract.speaker_index import PERSON, Candidate, DocumentIndex
from redline.extract.token_ranges import conjuncts
from redline.model import Mention

if TYPE_CHECKING:
    from redline.extract.speakers import SpeakerResolver


_RESPELT = 0.75  # share of letters in order that makes two surnames one name respelt


def candidate(resolver: SpeakerResolver, index: DocumentIndex, m: Mention) -> Candidate | None:
    span = index.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return None
    actor = resolver.kb.get(m.actor_id)
    head = index.head(span)
    plural = head.tag_ in {"NNS", "NNPS"}
    if actor is not None:
        kind = "person" if actor.type == "person" else "org"
        plural = plural or actor.type == "group"
    else:
        label = index.found.labels.get(m.span.start) or resolver.finder.label(span)
        kind = {"PERSON": "person", "ORG": "org", "GPE": "org", "NORP": "norp"}.get(label, "unknown")
        if kind == "org" and (titled_name(resolver, span) or _described_as_person(resolver, head)):
            kind = "person"  # "Opposition deputy Nadiia Sokyrko" tagged ORG is still a person
        # a person's name is one person whatever the tagger makes of a surname ending in -s
        # ("Olena Kravets", "Ann Williams" tagged NNPS), so that "she" can still stand for her
        plural = plural and kind != "person"
    gender = actor.gender if actor else None
    if kind == "person" and gender is None:
        gender = gender_from_text(resolver, index.doc, span, m.name)
    return Candidate(span.start, span.end, m.actor_id, m.name, kind, gender, plural, head.i)


def bodies_by_use(
    resolver: SpeakerResolver, index: DocumentIndex, candidates: list[Candidate]
) -> list[Candidate]:
    """A one-word name the tagger took for a person ("Rosatom", "Energoatom") is a body where
    the document uses it as one: a modifier of a person noun ("a Rosatom director") or what a
    named person is of ("Yurii Vdovychenko of Energoatom"). Read as a person, it wins a later
    "he" from the director it employs."""
    doc = index.doc
    used: set[str] = set()
    for t in doc:
        if t.pos_ != "PROPN" or t.ent_type_ == "PERSON":
            continue
        head = t.head
        modifier = t.dep_ == "compound" and head.pos_ == "NOUN" and resolver.kb.is_person_noun(head.lemma_)
        if modifier or (t.dep_ == "pobj" and head.lower_ == "of" and head.head.ent_type_ == "PERSON"):
            used.add(t.text)
    if not used:
        return candidates
    return [
        replace(c, kind="org", gender=None)
        if c.kind == "person" and c.actor_id is None and c.gender is None and c.name in used
        else c
        for c in candidates
    ]


def _described_as_person(resolver: SpeakerResolver, head: Token) -> bool:
    """ "Irina Zorina, a department director at the ministry,": a proper name with a person noun
    in apposition after it is a person's, whatever the tagger made of an unfamiliar surname."""
    return head.pos_ == "PROPN" and any(
        c.dep_ == "appos" and c.tag_ == "NN" and resolver.kb.is_person_noun(c.lemma_) for c in head.rights
    )


def gender_from_text(resolver: SpeakerResolver, doc: Doc, span: SpacySpan, name: str) -> str | None:
    """Gender from a given name ("Olena Marchenko", or "Melanie" alone) or an honorific ("Ms")."""
    if span.start > 0 and (gender := resolver.kb.word_gender(doc[span.start - 1].text)):
        return gender  # "Mrs. Clinton", whatever the fullest form of the name says
    words = name.split()
    for word in words[:-1] if len(words) > 1 else words:
        # a given name, or a gendered title the entity took in ("Councilwoman Tessa Brightwater")
        gender = resolver.kb.given_name_gender(word) or (
            resolver.kb.word_gender(word) if word[:1].isupper() else None
        )
        if gender:
            return gender
    return None


def name_in_span(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    head = index.head(span)
    # a capitals span is a dateline ("KYIV (Agency) - ...") unless a colon follows it: then it
    # is a transcript's label ("MINISTER: No. Ms Hallberg knows ..."), whose words are its own
    dateline = all(t.is_punct or t.is_space or not t.is_alpha or t.is_upper for t in span) and not (
        span.end < len(span.doc) and span.doc[span.end].text == ":"
    )
    if (fronted := _past_fronted_place(index, span, head)) is not None:
        return fronted
    if not (dateline and span[0].text == "("):  # "(AGENCY) - Putin said": the outlet's own byline
        for c in index.candidates:
            if c.start <= head.i < c.end and c.kind != "norp" and not role_only(resolver, index.doc, c):
                holder = named_beside_title(resolver, index, span, c) or c
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
        key = resolver.kb.fold(head.text.title() if head.is_upper else head.text)  # not an acronym
        named = [
            c
            for c in index.candidates
            if c.kind == "person"
            and c.start < span.start
            and resolver.kb.fold(c.name.rsplit(" ", 1)[-1]) == key
        ]
        if named:
            return named[-1].actor_id, named[-1].name
    return None


def name_after_role(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "The representative of Chile, Deputy Ambassador Ana Ruiz", "the President of the
    Council, Jens Holm of Denmark", "Briefing the Council, the Under-Secretary-General, Sam
    Obi": a role set off by a comma with a full name closing the span names that person. The
    role alone would go to an earlier holder of a like office, the actor list's holder or an
    unnamed official, and a fronted participle clause is no speaker at all. A role the actor
    list gives a person is left to ``name_in_span``, which knows a respelt holder's name."""
    doc = index.doc
    commas = [t.i for t in span if t.text == ","]
    if not commas or not any(
        resolver.kb.is_person_noun(t.lemma_) or resolver.kb.fold(t.text) in resolver.title_words
        for t in doc[span.start : commas[-1]]
    ):
        return None
    head = index.head(span)
    held = index.covering(head.i, (PERSON,))
    if held is not None and held.actor_id is not None and head.i < commas[-1]:
        return None
    words = list(doc[commas[-1] + 1 : span.end])
    if words and words[-1].text == ",":
        words.pop()
    if any(t.lower_ == "of" for t in words):  # "Jens Holm of Denmark": the name is before "of"
        words = words[: next(i for i, t in enumerate(words) if t.lower_ == "of")]
    found = [c for c in index.candidates if c.kind == "person" and words and c.start >= words[0].i]
    for c in found:
        if c.start < words[-1].i + 1 and len([t for t in doc[c.start : c.end] if t.pos_ == "PROPN"]) >= 2:
            name = c.name.split(" of ")[0] if c.actor_id is None else c.name
            return c.actor_id, name
    # a name the tagger missed: the capitalised proper nouns that end the span, past any title
    while words and (
        words[0].lower_ == "the"
        or resolver.kb.fold(words[0].text) in resolver.title_words
        or resolver.kb.is_person_noun(words[0].lemma_)
    ):
        words.pop(0)
    if not 2 <= len(words) <= 4 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
        return None
    if resolver.kb.collective([t.text for t in words]) is not None:
        return None
    return None, " ".join(t.text for t in words)


def joint(index: DocumentIndex, span: SpacySpan) -> tuple[str | None, str] | None:
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


def named_beside_title(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan, title: Candidate
) -> Candidate | None:
    """The person a role names beside it, when the role alone would name someone else:
    in "Ukraine's chief negotiator, Bohdan Serhiienko," the role is the actor list's holder
    of that office but the name says who holds it now (offices change hands; a list made
    one month is stale the next). Only a full name the actor list gives to no one, in the
    same source phrase after the role, whose surname is not the holder's respelt ("the
    Kremlin spokesman, Dmitri Peskoff" stays the spokesman)."""
    holder = resolver.kb.get(title.actor_id)
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
            known = {resolver.kb.fold(w) for n in (holder.name, *holder.aliases) for w in n.split()}
        surname = resolver.kb.fold(words[-1].text)
        if not any(_similar(surname, k) for k in known):
            return c
    return None


def role_only(resolver: SpeakerResolver, doc: Doc, c: Candidate) -> bool:
    """An entity that is only a role ("Special Envoy"): the person it describes speaks."""
    return c.actor_id is None and all(
        resolver.kb.fold(t.text) in resolver.title_words for t in doc[c.start : c.end]
    )


def place_of(resolver: SpeakerResolver, token: Token) -> str | None:
    """The place actor a nationality word names ("Dutch" -> netherlands), None if none."""
    key = resolver.kb.key([token.text], places=True)
    return key[0][1:] if len(key) == 1 and key[0].startswith("@") else None


def fits(resolver: SpeakerResolver, place_id: str | None, actor_id: str | None) -> bool:
    """Whether a person belongs to a place: its country, or its side ("European" takes in
    the EU's people too)."""
    place, actor = resolver.kb.get(place_id), resolver.kb.get(actor_id)
    if place is None or actor is None:
        return False
    if place.country and place.country == actor.country:
        return True
    sides = {resolver.kb.party_of(place), resolver.kb.party_of(actor)}
    return (place.type == "group" and len(sides) == 1 and None not in sides) or sides == {"europe", "eu"}


def apposed_name(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """Appositions: in "the Kremlin spokesman, Dmitry Peskov," the name beside the span is the speaker."""
    head = index.head(span)
    if not head.dep_:
        return None  # no parse (walking an unparsed tree is unsafe in spaCy)
    near = [t for t in head.children if t.dep_ == "appos"]
    if head.dep_ == "appos":
        near.append(head.head)
    near.extend(apposed_past_owner(resolver, index, head))
    for t in near:
        if (c := index.covering(t.i, (PERSON,))) is not None:
            return c.actor_id, c.name
        for c in index.candidates:  # "The mediator, retired judge Helene Caradec,": the name
            if c.kind == "person" and t.left_edge.i < c.start and c.end == t.right_edge.i + 1:
                return c.actor_id, c.name  # that closes a titled apposition
    return None


def titled_name(resolver: SpeakerResolver, span: SpacySpan) -> bool:
    """Whether an entity the model tagged a body is a person's name right after a role
    ("Opposition deputy Nadiia Sokyrko", "the envoy, Ilse Renard", "Councilwoman Tessa
    Brightwater"): two to four capitalised proper nouns, none a title or a body's word, after a
    person noun or a gendered title, or in apposition to a person noun."""
    head = _head(span)
    before = span.doc[span.start - 1] if span.start > 0 else None
    titled = before is not None and before.pos_ == "NOUN" and resolver.kb.is_person_noun(before.lemma_)
    apposed = (
        head.dep_ == "appos" and head.head.pos_ == "NOUN" and resolver.kb.is_person_noun(head.head.lemma_)
    )
    words = span.doc[span.start : span.end]
    if len(words) > 2 and words[0].text[:1].isupper() and resolver.kb.word_gender(words[0].text):
        titled, words = True, words[1:]  # "Councilwoman Tessa Brightwater", one entity
    if not (titled or apposed):
        return False
    if not 2 <= len(words) <= 4:
        return False
    capitalised = all(t.text[:1].isupper() and not t.is_upper for t in words)  # not "NATO"
    if not capitalised or not all(t.pos_ == "PROPN" and t.is_alpha for t in words):
        return False
    if any(
        resolver.kb.fold(t.text) in resolver.title_words or resolver.kb.is_person_noun(t.lemma_)
        for t in words
    ):
        return False
    return resolver.kb.collective([t.text for t in words]) is None


def apposed_past_owner(resolver: SpeakerResolver, index: DocumentIndex, head: Token) -> list[Token]:
    """ "The agent of striker Leon Baptiste, Selma Varga, said": the parser hangs the name on
    the person the role is of, but one person named twice in a row with two full names is
    two people, so the second name belongs to the role noun. A state or body the role is of
    has no name of a person ("The representative of Chile, Ana Ruiz,"): the name is the role's."""
    if not resolver.kb.is_person_noun(head.lemma_):
        return []
    out = []
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "to"):
            continue
        for owner in prep.children:
            if owner.dep_ != "pobj":
                continue
            whose = index.covering(owner.i, (PERSON,))
            for t in owner.children:
                named = index.covering(t.i, (PERSON,)) if t.dep_ == "appos" else None
                if named is None or len(named.name.split()) < 2:
                    continue
                # the role's own name, unless it only names the person the role is of again
                body = whose is None and not resolver.kb.is_person_noun(owner.lemma_)
                if body or (whose is not None and named.name != whose.name):
                    out.append(t)
    return out


def _similar(a: str, b: str) -> bool:
    """Whether two folded surnames are one name respelt ("peskov", "peskoff"): at least 0.75
    of their letters in common order."""
    return SequenceMatcher(None, a, b).ratio() >= _RESPELT


def renamed_offices(resolver: SpeakerResolver, index: DocumentIndex) -> None:
    """Offices change holders and news names them: "Russia's deputy foreign minister, Anton
    Belykh," (or "Anton Belykh, Russia's deputy foreign minister") says who holds the office
    now, whoever the actor list gives it to. The role's candidate becomes the named person, so
    that a later "he" or a later bare "the deputy foreign minister" goes to that person, and so
    does the office named before the article names its holder ("Russia's chief negotiator had
    privately said ...", then "Russia's chief negotiator, Oleg Tiunov, denied"); an office the
    article never puts a name beside still goes to the list's holder."""
    doc = index.doc
    if not doc.has_annotation("DEP"):
        return
    # the office named, the list's holder, and the person named beside it there (if any)
    offices: list[tuple[Candidate, str, Candidate | None]] = []
    first: dict[str, Candidate] = {}  # holder id -> the person the article first names in the office
    for c in index.candidates:
        holder = resolver.kb.get(c.actor_id)
        if holder is None or holder.type != "person" or c.kind != "person":
            continue
        known = {resolver.kb.fold(w) for n in (holder.name, *holder.aliases) for w in n.split()}
        if any(resolver.kb.fold(t.text) in known for t in doc[c.start : c.end]):
            continue  # the holder named by name, not by office
        named = _apposed_person(resolver, index, c, known)
        offices.append((c, holder.id, named))
        if named is not None:
            first.setdefault(holder.id, named)
    given: dict[str, Candidate] = {}  # holder id -> the person last named in the office
    for c, holder_id, named in offices:
        named = named or given.get(holder_id) or first.get(holder_id)
        if named is None:
            continue
        given[holder_id] = named  # a newer name beside the office wins from there on
        c.actor_id, c.name, c.gender = named.actor_id, named.name, named.gender or c.gender


def _apposed_person(
    resolver: SpeakerResolver, index: DocumentIndex, title: Candidate, known: set[str]
) -> Candidate | None:
    """A full name the actor list gives to no one, in apposition to the role's head, whose
    surname is not the holder's respelt ("the Kremlin spokesman, Dmitri Peskoff" stays his)."""
    doc = index.doc
    head = title.head_token(doc)
    if head.dep_ == "pobj" and resolver.kb.is_person_noun(head.head.head.lemma_):
        return None  # "a spokesman for the special envoy, Mark Ellery": the name is the spokesman's
    for c in index.candidates:
        if c.kind != "person" or c.actor_id is not None or c is title:
            continue
        if abs(c.start - title.end) > 2 and abs(title.start - c.end) > 2:
            continue
        other = c.head_token(doc)
        if not (
            (other.dep_ == "appos" and other.head.i == head.i)
            or (head.dep_ == "appos" and head.head.i == other.i)
        ):
            continue
        words = [t for t in doc[c.start : c.end] if t.pos_ == "PROPN"]
        if len(words) < 2:
            continue
        if not any(_similar(resolver.kb.fold(words[-1].text), k) for k in known):
            return c
    return None


def nationality(resolver: SpeakerResolver, span: SpacySpan) -> tuple[str | None, str] | None:
    """A source that is a nationality word alone ("a Russian demand that ...", whose maker the
    adjective names): the country it names."""
    if len(span) != 1 or span[0].pos_ != "ADJ":
        return None
    place = resolver.kb.get(place_of(resolver, span[0]))
    return (place.id, place.name) if place is not None else None


def _past_fronted_place(index: DocumentIndex, span: SpacySpan, head: Token) -> tuple[str | None, str] | None:
    """ "In Kyiv, the head of the team, Taras Dovbush, said": the parser may leave "In" hanging
    and make the place the subject, with the speaker its apposition; a fronted place only sets
    the scene, so the person named in apposition to it speaks."""
    doc = span.doc
    if head.i != span.start or span.start == 0 or head.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    before = doc[span.start - 1]
    opening = all(t.is_space for t in doc[before.sent.start : before.i])
    if before.lower_ not in {"in", "at", "from"} or not opening:
        return None
    if any(t.dep_ == "pobj" for t in before.children):
        return None
    # the name before the role: "the head of the team, Taras Dovbush" is Dovbush, whoever
    # the actor list gives the role to
    apposed = sorted((t for t in head.children if t.dep_ == "appos"), key=lambda t: t.pos_ != "PROPN")
    for t in apposed:
        if (c := index.covering(t.i, (PERSON,))) is not None:
            return c.actor_id, c.name
        words = doc[t.left_edge.i : t.i + 1]
        if len(words) >= 2 and all(w.pos_ == "PROPN" and w.text[:1].isupper() for w in words):
            return None, words.text  # a full name the tagger did not mark
    return None
