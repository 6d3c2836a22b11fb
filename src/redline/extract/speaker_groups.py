"""Bodies, groups and unnamed sources: who speaks when no one is named.

A spokesperson speaks for the body named for them; one member of a delegation is a person; a
counted plural ("the three governments") takes up the coordination it counts; "the source",
"one of them", "some" take up the phrase they repeat; an unnamed source takes its side from its
own words or the story's. These are the rules for sources that name a group, not a person.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from redline.extract import speaker_documents, speaker_names, speaker_pronouns
from redline.extract.actors import span_head as _head
from redline.extract.english import (
    MEMBER_PRONOUNS,
    NOMINAL_SUBJECTS,
    PARTITIVE_PRONOUNS,
)
from redline.extract.speaker_index import (
    ARTICLES,
    BODY,
    MAKER_ENTITIES,
    PERSON,
    PLACE_ENTITIES,
    SPEAKING,
    WINDOW,
    Candidate,
    DocumentIndex,
    clean_name,
    is_plural,
)
from redline.model import Speaker

if TYPE_CHECKING:
    from redline.extract.speakers import SpeakerResolver
    from redline.knowledge.cues import CueLexicon


def spoken_for(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "A spokesperson for the Millbrook Library Friends", "a Halden Freight spokesman": an
    unnamed spokesperson of an organisation speaks as the organisation, named in a for- or
    of-phrase or before the noun. A place there gives a side instead ("a Russian spokesman",
    the collective step), and a named spokesperson is the person (an earlier step)."""
    head = index.head(span)
    if head.lemma_.lower() not in resolver.kb.speaks_for:
        return None
    bodies = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i >= span.start]
    owners = [t for t in head.lefts if t.dep_ == "poss" and t.i >= span.start]  # "the guild's spokesman"
    bodies += [t for t in owners if t.pos_ == "PROPN"]
    # "the union's spokesman", "a company spokeswoman": the body named shortly before
    nouns = [
        t for t in head.lefts if t.dep_ in {"poss", "compound"} and t.pos_ == "NOUN" and t.i >= span.start
    ]
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "at"} and prep.i < span.end:
            bodies += [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
            for o in prep.children:  # "a spokesperson for the Swiss foreign ministry"
                if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.right_edge.i < span.end:
                    placed = placed_body(resolver, span.doc[o.left_edge.i : o.i + 1])
                    if placed is not None:
                        return None, placed
                    nouns.append(o)  # "a spokesperson for the union"
    for noun in nouns:
        words = [t for t in span.doc[noun.left_edge.i : noun.i + 1] if not (t.is_punct or t.is_space)]
        if (len(words) == 1 and noun.dep_ == "compound") or (len(words) == 2 and words[0].lower_ == "the"):
            taken = body_before(resolver, index, noun)
            if taken is not None:
                return taken
    for body in bodies:
        found = index.covering(body.i, ("org",))
        if found is not None and found.actor_id is None and body.ent_type_ not in {"GPE", "NORP", "LOC"}:
            return None, found.name
        unnamed = index.covering(body.i) is None  # a body the parser names but no candidate covers
        if unnamed and body in owners and body.ent_type_ not in {"GPE", "NORP", "LOC", "PERSON"}:
            phrase = span.doc[body.left_edge.i : body.i + 1]
            if all(t.pos_ == "PROPN" or t.lower_ == "the" or t.is_punct for t in phrase):
                return None, clean_name(phrase)
        # "a spokesperson for the European Commission": a body the actor list knows (not a
        # state, whose spokesperson is an official of its side: the collective step)
        actor = resolver.kb.get(found.actor_id) if found is not None else None
        if actor is not None and actor.type == "organization":
            return actor.id, actor.name
        named = [c for c in index.candidates if c.kind == "org" and c.name.split()[0] == body.text]
        if body.ent_type_ == "" and named and named[0].actor_id is None:
            return None, named[0].name  # "Brisk Mobile ... a Brisk spokesperson"
    return None


def body_again(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "Brenlo Air grounded its fleet. The airline said ...": a definite body noun of the
    knowledge base's ``bodies`` ("the airline", "the group", "the union") takes up the last
    organisation named in its sentence or the few before (the reach of a pronoun), never a
    state or an outlet."""
    head = index.head(span)
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if len(words) != 2 or words[0].lower_ not in {"the", "this"} or head.i != words[1].i:
        return None
    return body_before(resolver, index, head)


def body_by_its_noun(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "The State Department ... The department said", "the International Atomic Energy
    Agency ... the agency said": "the" and a singular noun that ends the name of a body the
    document named before (its own name or one of its names in the actor list) is that body,
    however far back, and ahead of a role the noun also ends ("US defence department") or
    another body named since."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if len(words) != 2 or words[0].lower_ != "the" or words[1].tag_ != "NN":
        return None
    noun = words[1].lower_
    for c in reversed(index.candidates):
        if c.end > span.start or c.kind != "org" or index.in_quote[c.start]:
            continue
        actor = resolver.kb.get(c.actor_id)
        if actor is not None and actor.type != "organization":
            continue
        names = (actor.name, *actor.aliases) if actor is not None else (c.name,)
        if any(len(n.split()) > 1 and n.split()[-1].lower() == noun for n in names):
            return (actor.id, actor.name) if actor is not None else (None, c.name)
    return None


def body_before(
    resolver: SpeakerResolver, index: DocumentIndex, head: Token
) -> tuple[str | None, str] | None:
    """The organisation a body noun (``bodies``: "union", "airline", "office") takes up: the last
    one named before it in its sentence or the few before, of its kind, never a state or an
    outlet. What "the union said" and "a spokesperson for the union" both speak as."""
    if head.tag_ != "NN" or head.lower_ not in resolver.kb.collectives.bodies:
        return None
    here = index.sent_of[head.i]
    doc = index.doc
    for c in reversed(index.candidates):
        if c.end > head.i:
            continue
        if here - index.sent_of[c.start] > WINDOW:
            return None
        if c.kind != "org" or index.in_quote[c.start]:
            continue
        if c.name.lower() == head.lower_:
            continue  # "Bank" alone names no body
        last = c.name.split()[-1].lower()
        bodies = resolver.kb.collectives
        if last in bodies.bodies and last != head.lower_ and head.lower_ not in bodies.any_body:
            continue  # "the airline" after "the Pilots' Association": another kind of body
        actor = resolver.kb.get(c.actor_id)
        if actor is not None:
            if actor.type not in {"organization", "group"}:
                continue  # a state, an outlet: "the company" is neither
            return actor.id, actor.name
        if doc[c.head if c.head >= 0 else c.start].ent_type_ in {"GPE", "LOC", "NORP"}:
            continue
        return None, c.name
    return None


def one_member(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "A member of the Ukrainian delegation", "a union member": one member of a body is a
    person, not the body. One of a side's delegation or government is an unnamed official of
    that side; one of a body that names no side (a union, a board, "the guild's team") is an
    unnamed source, as the guide names people who are no officials. "The delegation" with no
    side takes up the side of the one named just before ("Ukraine's delegation stayed away.
    A member of the delegation said")."""
    head = _head(span)
    if head.lemma_.lower() != "member" or head.tag_ != "NN":
        return None
    words: list[Token] = [t for t in head.lefts if t.dep_ in {"compound", "nmod"} and t.i >= span.start]
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.right_edge.i < span.end:
            words += [t for t in prep.subtree if t.i != prep.i]
    if not words:
        return None
    placed = _placed(words) or _placed_before(index, words)
    if placed:
        found = resolver.kb.collective([*(t.text for t in placed), "official"])
        if found is not None and found.kind == "person":
            return None, found.name
    found = resolver.kb.collective(["source"])
    return (None, found.name) if found is not None else None


def _placed(words: Sequence[Token]) -> list[Token]:
    """The words of a phrase that may name a side: places, and capitalised names."""
    return [t for t in words if t.ent_type_ in PLACE_ENTITIES or (t.pos_ == "PROPN" and t.text[:1].isupper())]


def _placed_before(index: DocumentIndex, words: Sequence[Token]) -> list[Token]:
    """The side words of the body a definite phrase with no side ("the delegation") takes up:
    the same noun named with its side in this sentence or the one before."""
    body = next((t for t in words if t.pos_ == "NOUN" and t.dep_ == "pobj"), None)
    if body is None or not any(t.lower_ == "the" for t in body.lefts):
        return []
    for t in index.back(words[0].i, 1):
        if t.lemma_ == body.lemma_ and t.pos_ == "NOUN":
            return _placed([x for x in t.subtree if x.i < t.i])
    return []


def unnamed_on_request(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "A senior Ukrainian commander, speaking on condition of anonymity", "a general who asked
    not to be named": a holder of an office (``collectives.offices``: roles that speak for a
    state) whom the reporter leaves unnamed at their own request is an unnamed official of the
    side their words name, whatever the office (NOTES.md: unnamed officials take the guide's
    anonymous labels). A farmer or an analyst so left unnamed is no official: the phrase stays."""
    head = _head(span)
    if head.pos_ != "NOUN" or (resolver.kb.fold(head.lemma_),) not in resolver.kb.collectives.offices:
        return None
    if resolver.cues is None or not _asked_anonymity(resolver.cues, index, head):
        return None
    before = [t.text for t in span if t.i < head.i and not t.is_punct]
    found = resolver.kb.collective([*before, "officials" if is_plural(head) else "official"])
    if found is None or found.kind != "person":
        return None
    return None, found.name


def _asked_anonymity(cues: CueLexicon, index: DocumentIndex, head: Token) -> bool:
    """Whether the phrase of ``head`` or the verb it is the subject of carries the formula of an
    unnamed source ("speaking on condition of anonymity", "who asked not to be named", "said
    anonymously"), outside any quotation."""
    scopes = [head]
    if head.dep_ in NOMINAL_SUBJECTS:
        scopes += [c for c in head.head.children if c.dep_ in {"prep", "advcl", "advmod", "npadvmod"}]
    for scope in scopes:
        for t in scope.subtree:
            if index.in_quote[t.i] or t.sent != head.sent:
                continue
            if t.lower_ in cues.anonymity_words:
                return True
            if (
                t.lemma_.lower() in cues.anonymity_verbs
                and any(c.dep_ == "auxpass" for c in t.children)
                and any(c.dep_ == "neg" for c in t.children)
            ):
                return True
    return False


def placed_body(resolver: SpeakerResolver, phrase: SpacySpan) -> str | None:
    """The name of a body a phrase gives with its state or maker ("the Swiss foreign
    ministry", "the Dunmoor parliament"): a collective of the kind named by its own words
    (no label), with a proper name or nationality among them; else None ("the ministry")."""
    found = resolver.kb.collective([t.text for t in phrase], phrase.text)
    if found is None or found.kind != "group" or found.actor_id is not None:
        return None
    if not any(t.pos_ == "PROPN" or t.ent_type_ in MAKER_ENTITIES for t in phrase):
        return None
    return clean_name(phrase)


def owned_body(resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan, name: str) -> str:
    """ "The UAE welcomed the swap, with its Foreign Ministry saying ...": a body that "its"
    gives to a state or organisation is named for it ("UAE Foreign Ministry")."""
    first = span[0]
    if first.lower_ != "its" or not name.lower().startswith("its "):
        return name
    owner = speaker_pronouns.pronoun(resolver, index, span.doc[first.i : first.i + 1], None, ())
    if owner is None or owner[0] is None:
        return name
    return f"{resolver.kb.adjective(owner[0]) or owner[1]} {name[4:]}"


def possessor_speaks(index: DocumentIndex, span: SpacySpan) -> tuple[str | None, str] | None:
    """ "Putin's refusal", "China's intention": the possessor of a non-speaker noun speaks."""
    head = index.head(span)
    owners = [c for c in head.children if c.dep_ == "poss"]
    for prep in head.children:  # "the information from the Financial Times"
        if prep.dep_ == "prep" and prep.lower_ in {"from", "by", "of"}:
            owners += [c for c in prep.children if c.dep_ == "pobj"]
    for child in owners:
        if span.start <= child.i < span.end and (c := index.covering(child.i, SPEAKING)) is not None:
            return c.actor_id, c.name
    return None


def phrase_up_to(resolver: SpeakerResolver, noun: Token, placed: bool) -> tuple[str | None, str]:
    """The source an earlier phrase names, cut after its head ``noun`` ("Saudi and American
    mediators", not the clause after them): its collective label, else the words as written."""
    phrase = noun.doc[noun.left_edge.i : noun.i + 1]
    found = collective(resolver, phrase, placed=placed)
    if found is not None:
        return found
    while len(phrase) > 1 and phrase[0].lower_ in ARTICLES:  # "A joint statement ... the
        phrase = phrase[1:]  # statement added": "joint statement", as the first was named
    return None, clean_name(phrase)


def collective(resolver: SpeakerResolver, span: SpacySpan, placed: bool) -> tuple[str | None, str] | None:
    """An unnamed or collective source ("two senior US officials", "sources in Kyiv", "local
    media") named by its canonical label. With ``placed``, only when the phrase names a side
    or is media, so that a definite "the official" can still take up an earlier speaker."""
    head = _head(span)
    if head.pos_ == "NOUN" and head.lemma_.lower() in resolver.kb.non_speakers:
        return None  # "the Foreign Office's Spanish-language account": its owner speaks, not an office
    found = resolver.kb.collective([t.text for t in span], span.text)
    # "the Dutch leader" takes up someone named before (steps 5 and 6 first); "the US
    # delegation" names its side: that body, not the delegation named before it
    sided_body = found is not None and found.kind == BODY and found.party is not None
    if placed and span[0].lower_ in {"the", "this", "that"} and _head(span).tag_ == "NN" and not sided_body:
        return None
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if found is None and after is not None and speaker_pronouns.modifies(after, _head(span)):
        # "three people briefed on the talks", "two people who attended": the mention stops
        # before the participle or relative clause that makes "people" a source
        found = resolver.kb.collective([t.text for t in span] + [after.text], span.text)
    if found is None or (placed and found.party is None and found.kind != "media"):
        return None
    if found.kind == "media" and (outlet := speaker_documents.outlet_named(resolver, span)) is not None:
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


def counted_group(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "France, Germany and Britain called ... The three governments urged": a plural that
    counts its members ("both sides", "the three governments", "all parties", "both outlets")
    takes up the last states, bodies or outlets named together, with that many members;
    "Trump and Putin spoke ... The two leaders agreed": named people so taken up each speak,
    the first here, the others as co-speakers (``counted_people``)."""
    members = counted_members(resolver, index, span)
    if members is None:
        return None
    if members[0].kind == PERSON:
        return members[0].actor_id, members[0].name
    names = list(dict.fromkeys(m.name for m in members))
    return None, ", ".join(names[:-1]) + " and " + names[-1]


def counted_members(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> list[Candidate] | None:
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
    found = resolver.kb.collective([t.text for t in span], span.text)
    # "both delegations": a body of each side counts its sides, as "both governments" does
    people = resolver.kb.is_person_noun(head.lemma_) or (found is not None and found.kind in {"group", BODY})
    if (found is None or found.kind not in {"group", "media", BODY}) and not people:
        return None
    want = counts[0]
    for t in index.back(span.start, WINDOW):
        if t.dep_ == "conj" or not any(c.dep_ == "conj" for c in t.children):
            continue
        members = [t]
        stack = [t]
        while stack:
            for c in stack.pop().children:
                if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "ADJ"}:
                    members.append(c)
                    stack.append(c)
        named: list[Candidate] = []
        for member in sorted(members, key=lambda m: m.i):
            cand = as_state(resolver, index, member)
            if cand is None or cand.kind not in ("org", PERSON) or (named and cand.kind != named[0].kind):
                named = []
                break
            if cand.kind == PERSON and (not people or (cand.actor_id is None and member.pos_ != "PROPN")):
                named = []
                break
            if all(n.name != cand.name for n in named):
                named.append(cand)
        if len(named) >= 2 and (want == 0 or len(named) == want):
            return named
    return None


def as_state(resolver: SpeakerResolver, index: DocumentIndex, token: Token) -> Candidate | None:
    """The candidate a member of a coordination names; a nationality word ("American and
    Ukrainian negotiators") names its state, so that "both sides" can take the two up."""
    cand = index.covering(token.i)
    if cand is None or (cand.kind != "norp" and token.pos_ != "ADJ"):
        return cand
    place = speaker_names.place_of(resolver, token)
    actor = resolver.kb.get(place) if place else None
    if actor is None:
        return None
    return Candidate(cand.start, cand.end, actor.id, actor.name, "org", None, False)


def source_again(
    index: DocumentIndex, span: SpacySpan, previous: Sequence[Speaker]
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
        if there is None or here - index.sent_of[there.start] > WINDOW:
            return None
        if p.actor_id is None and p.kind == "person":
            return None, p.name
    return None


def one_of_unnamed(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan, previous: Sequence[Speaker]
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
        if index.sent_of[span.start] - index.sent_of[pspan.start] > WINDOW:
            return None
        earlier = index.head(pspan)
        if earlier.lemma_ != head.lemma_ or not is_plural(earlier):
            continue
        # read in the singular: a label for people one at a time, not a group's ("leaders")
        one = [t.lemma_ if t.i == earlier.i else t.text for t in pspan]
        found = resolver.kb.collective(one, " ".join(one))
        if found is not None and found.kind == "person" and found.name == p.name:
            return p.actor_id, p.name
        return None
    return None


def partitive(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan, previous: Sequence[Speaker]
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
            if not resolver.kb.is_person_noun(t.lemma_.lower()):
                return None  # "Some" of the "efforts" named before say nothing
            return phrase_up_to(resolver, t, placed=True)
    return None


def placed_quantifier(resolver: SpeakerResolver, span: SpacySpan) -> tuple[str | None, str] | None:
    """ "Some in Washington argue", "many in Brussels fear": a quantifier placed in a
    capital (a government by metonymy), with no group before it, is unnamed officials there,
    read as "officials in Washington" would be."""
    words = [t for t in span if not t.is_punct]
    if len(words) < 3 or words[0].lower_ not in PARTITIVE_PRONOUNS or words[1].lower_ != "in":
        return None
    if not all(t.pos_ == "PROPN" or t.ent_type_ == "GPE" for t in words[2:]):
        return None
    found = resolver.kb.collective(["officials", *(t.text for t in words[1:])])
    if found is None or found.party is None:
        return None  # a place the knowledge base gives no side: the words as written
    return None, found.name


def unplaced_side(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """An unnamed source whose own words name no side ("officials", "one senior official")
    takes the side the story has just given it: a place fronted on its verb ("In Kyiv,
    officials said", read as "officials in Kyiv"), else the one placed group of the same noun
    named in this sentence or the one before ("Ukrainian officials were less diplomatic. One
    senior official said"). Two groups of that noun with different sides give none."""
    found = resolver.kb.collective([t.text for t in span], span.text)
    if found is None or found.party is not None or found.name not in resolver.unplaced:
        return None
    head = index.head(span)
    words = [t.text for t in span]
    if head.dep_ in NOMINAL_SUBJECTS:
        for prep in head.head.children:
            if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i > span.start:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                there = resolver.kb.collective([*words, "in", *(t.text for t in obj.subtree)])
                if there is not None and there.party is not None:
                    return None, there.name
    doc = index.doc
    sides: set[tuple[str | None, str]] = set()
    for t in index.back(span.start, 1):
        if t.lemma_ != head.lemma_ or t.tag_ not in {"NNS", "NNPS"}:
            continue
        named = collective(resolver, doc[t.left_edge.i : t.i + 1], placed=True)
        if named is not None:
            sides.add(named)
    return sides.pop() if len(sides) == 1 else None


# words that count the members of a group named before ("both sides"; 0: any number, "all parties")
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "all": 0}


def introduced_since(span: SpacySpan, head: Token, since: int) -> bool:
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
