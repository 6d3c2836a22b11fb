"""Definite descriptions ("the Kremlin spokesman", "the president", "the diplomat") resolved to a holder.

A description names whom the document gave that role, else the one knowledge-base actor with
that exact title, else the most salient holder; a definite noun phrase repeating an earlier one
("a senior official ... the official") takes that one up; a person noun with no title takes the
most salient person its affiliation allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from redline.extract import speaker_groups, speaker_headlines, speaker_names, speaker_salience
from redline.extract.actors import FORMER
from redline.extract.english import (
    INDEFINITE_QUANTIFIERS,
    RANK_WORDS,
    SECOND_RANKS,
    SUBJECTS_OR_EXPLETIVE,
)
from redline.extract.speaker_index import (
    BODY,
    PERSON,
    ROLE_WORDS,
    WINDOW,
    Candidate,
    DocumentIndex,
    is_plural,
    name_end,
)
from redline.knowledge.actors import SKIPPED
from redline.model import Speaker

if TYPE_CHECKING:
    from redline.extract.speakers import SpeakerResolver


def description_holder(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    head = index.head(span)
    if head.pos_ != "NOUN" and not (
        head.pos_ == "PROPN" and resolver.kb.fold(head.text) in resolver.role_words
    ):
        return None  # a name is not a description ("Lynch", though "Lynch's chief of staff" is)
    if head.tag_ in {"NNS", "NNPS"}:
        return None
    if not (resolver.kb.is_person_noun(head.lemma_) or resolver.kb.fold(head.text) in resolver.role_words):
        return None  # "the union", "the coalition": a body, not the person whose title names it
    words = list(span.doc[span.start : name_end(span)])
    if words and words[0].lower_ in INDEFINITE_QUANTIFIERS:
        return None  # "a senior official" introduces someone new
    if not resolver.kb.is_person_noun(head.lemma_):
        body = resolver.kb.collective([t.text for t in words])
        if body is not None and body.kind == BODY:
            return None  # "the Russian delegation" is the body, not the "head of the Russian delegation"
    if any(t.lower_ in FORMER for t in words):
        return None  # "the former Ukrainian president" is not today's holder of the title
    wanted = {u.key for u in resolver.kb.units([t.text for t in words], places=True)} - {"of"} - SKIPPED
    if not wanted:
        return None
    phrase = " ".join(t.text for t in words)
    # 1. whom the document itself gave this role ("Ivan Fedorov, the regional governor")
    described = {
        (d.actor_id, d.name)
        for d in index.found.descriptions
        if d.start < span.start_char and wanted <= set(d.key)
    }
    if not described and (named := _holder_named_later(resolver, index, span, head, wanted)) is not None:
        return named
    latest_start = max(
        (d.start for d in index.found.descriptions if (d.actor_id, d.name) in described), default=0
    )
    if described and speaker_groups.introduced_since(span, head, latest_start):
        described = set()  # "... a NATO official said. The official added": the newer one
    if described:
        best = speaker_salience.most_salient(
            resolver, index, span, lambda c: (c.actor_id, c.name) in described
        )
        if best is not None:
            return best
        latest = max(  # the described person is out of the window: take the latest
            (d for d in index.found.descriptions if (d.actor_id, d.name) in described),
            key=lambda d: d.start,
        )
        return latest.actor_id, latest.name
    # 2. a title only one actor holds ("the Russian leader")
    actor = resolver.kb.by_title(phrase)
    if actor is not None:
        return actor.id, actor.name
    # 3. a shared title ("the president"): the most salient holder in the document
    roles = {a.id for a in resolver.kb.with_title(phrase)}
    best = speaker_salience.most_salient(resolver, index, span, lambda c: c.actor_id in roles)
    if best is not None:
        return best
    # a standfirst names the role before the story names the person ("Putin's aide says ...",
    # then "Yuri Ushakov, Putin's foreign policy adviser, said"): the holder named next
    later = [c for c in index.candidates if c.start >= span.end and c.actor_id in roles]
    if later:
        return later[0].actor_id, later[0].name
    if len(roles) == 1:
        actor = resolver.kb.actors[next(iter(roles))]
        return actor.id, actor.name
    if not described and speaker_headlines.before_anyone(index, span):
        return speaker_headlines.named_next(resolver, index, span)
    return None


def _holder_named_later(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan, head: Token, wanted: set[str]
) -> tuple[str | None, str] | None:
    """The person a role no one was given before is given later in the story."""
    role = _given_the_role(resolver, index, head, wanted)  # all later: none was given it before
    if speaker_headlines.before_anyone(index, span) and resolver.kb.is_person_noun(head.lemma_):
        # the role before the story names anyone ("..., the defence secretary told MPs.
        # Opening the debate, defence secretary Rowena Pike said"): the one person the
        # document gives that very role, named later (a name beside a role is who holds it now)
        if len(role) == 1:
            return next(iter(role))
        last = resolver.kb.units([head.text], places=True)
        if not role and last and wanted == {last[-1].key}:
            # the bare noun ("The prosecutor preparing the cases says", then "Lena Broek, the
            # court's chief prosecutor"): the one person the document gives that head noun
            # (a second rank makes another office: "the chair" is not the "vice chair")
            seconds = {u.key for u in resolver.kb.units(sorted(SECOND_RANKS))}
            bare = {
                (d.actor_id, d.name)
                for d in index.found.descriptions
                if d.key[-1:] == (last[-1].key,) and not seconds & set(d.key)
            }
            if len(bare) == 1:
                return bare.pop()
    if span[0].lower_ == "the" and len(role) == 1:
        # a definite role the story names only later, after others have spoken ("The chair told
        # reporters ...", then "The chair, Elisabeth Gruber, said"): the one person the document
        # gives that very role is who it was all along, not the person last in focus
        return next(iter(role))
    return None


def _given_the_role(
    resolver: SpeakerResolver, index: DocumentIndex, head: Token, wanted: set[str]
) -> set[tuple[str | None, str]]:
    """Those the document gives this very role anywhere (a name beside a role: "The chair,
    Elisabeth Gruber"): the same head word and every word asked for; ranks aside ("deputy",
    "acting"), a description with other words ("the foreign minister") is another office."""
    last = resolver.kb.units([head.text], places=True)
    if not last:
        return set()
    ranks = {u.key for u in resolver.kb.units(sorted(RANK_WORDS))}
    return {
        (d.actor_id, d.name)
        for d in index.found.descriptions
        if d.key[-1:] == (last[-1].key,) and wanted <= set(d.key) and set(d.key) - wanted <= ranks
    }


def repeated(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan, previous: Sequence[Speaker]
) -> tuple[str | None, str] | None:
    """ "a senior Ukrainian official said ... The official added": a definite noun phrase takes
    up an earlier one with the same head noun, preferably an earlier speaker; so does a bare
    plural ("European Union leaders agreed ... Leaders said"), which news uses the same way."""
    head = index.head(span)
    definite = span[0].lower_ in {"the", "this", "that", "these", "those"}
    bare_plural = len(span) == 1 and is_plural(head)
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
        if earlier.lemma_ == head.lemma_ and is_plural(earlier) == is_plural(head):
            same.append((p, pspan))
    # "three people familiar with the talks ... two people who attended ... the people familiar
    # with the talks": the earlier phrase that repeats the words after the head, else the last
    after = next((t.lower_ for t in span if t.i > head.i and t.is_alpha), None)
    for p, pspan in same:
        if after is None or any(t.lower_ == after and t.i > index.head(pspan).i for t in pspan):
            return p.actor_id, p.name
    if same:
        return same[0][0].actor_id, same[0][0].name
    if (
        definite
        and not is_plural(head)
        and (unnamed := speaker_groups.one_of_unnamed(resolver, index, span, previous))
    ):
        return unnamed
    if resolver.kb.is_person_noun(head.lemma_) and definite_person(resolver, index, span, None, previous):
        return None  # "the Dutch leader" twice: both are the person in focus, resolved next
    for t in index.back(span.start, WINDOW):
        if t.lemma_ == head.lemma_ and t.pos_ == "NOUN" and t.dep_ in SUBJECTS_OR_EXPLETIVE:
            if bare_plural and not is_plural(t):
                continue  # "A veteran said ... veterans say": one is not the many
            return speaker_groups.phrase_up_to(resolver, t, placed=True)
    return None


def definite_person(
    resolver: SpeakerResolver,
    index: DocumentIndex,
    span: SpacySpan,
    content: tuple[int, int] | None,
    previous: Sequence[Speaker],
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
    if not resolver.kb.is_person_noun(head.lemma_):
        return None
    modifiers = [
        t
        for t in span.doc[span.start + 1 : head.i]
        if not t.is_punct and t.lower_ not in FORMER and t.head.i == head.i
    ]
    # "the Dutch leader": a nationality narrows the person in focus to that country's people
    countries = {speaker_names.place_of(resolver, t) for t in modifiers if t.ent_type_ in {"NORP", "GPE"}}
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
    sides = affiliation_sides(resolver, index, span, head, former)
    if sides is None:
        return None  # an affiliation the phrase names but no side can be read from
    roles: set[str] = set()
    if former:  # the holder of the role today is not its former holder
        words = [t.text for t in span if t.lower_ not in FORMER and t.i != span.start and not t.is_punct]
        roles = {a.id for a in resolver.kb.with_title(" ".join(words))}
    gender = resolver.kb.word_gender(head.text)
    here = index.sent_of[span.start]
    recent = [p for p in previous if p.mention.end <= span.start_char][-3:]
    best: tuple[float, Candidate] | None = None
    for c in index.candidates:
        if c.kind != "person" or c.end > span.start or here - index.sent_of[c.start] > WINDOW:
            continue
        if content and index.doc[c.start].idx >= content[0] and index.doc[c.end - 1].idx < content[1]:
            continue
        if index.writer(c):
            continue
        if gender and c.gender and c.gender != gender:
            continue
        if countries and not any(speaker_names.fits(resolver, place, c.actor_id) for place in countries):
            continue
        if c.actor_id in roles:
            continue
        if sides and resolver.kb.party_of(resolver.kb.get(c.actor_id)) not in sides:
            continue
        score = speaker_salience.salience(resolver, index, c, here, recent)
        if best is None or score >= best[0]:
            best = (score, c)
    return (best[1].actor_id, best[1].name) if best else None


def affiliation_sides(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan, head: Token, former: bool
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
                party = resolver.kb.party_of(resolver.kb.get(found[0].actor_id))
                if party is None and not (former and found[0].actor_id is None):
                    return None
                sides.update({party} if party else set())
            elif obj.pos_ == "NOUN" and any(d.lower_ in {"the", "this"} for d in obj.children):
                continue  # "the alliance", "the ministry": named before
            elif former and obj.pos_ == "PROPN" and obj.ent_type_ == "ORG":
                continue
            else:
                placed = (t for t in obj.subtree if t.ent_type_ in {"NORP", "GPE"})
                place = next((speaker_names.place_of(resolver, t) for t in placed), None)
                party = resolver.kb.party_of(resolver.kb.get(place)) if place else None
                if party is None:
                    return None
                sides.add(party)
    return sides


def named_after(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "A senior American negotiator told European ministers ...", then "the officials said the
    American, deputy envoy Garrett Moule, had ...": a source the story brings in by an indefinite
    role and names in the next sentences, where a definite phrase that repeats a word of the
    role ("the American", "the negotiator") stands before the name, set off by a comma, is that
    person (the guide gives a speaker named later the name). With no such phrase the role is
    someone unnamed: "a senior official ... John Smith, the mayor" are two people."""
    head = index.head(span)
    if span[0].lower_ not in ("a", "an") or head.pos_ != "NOUN" or is_plural(head):
        return None
    if not resolver.kb.is_person_noun(head.lemma_):
        return None
    role = {t.lower_ for t in span[1:] if t.is_alpha and t.i <= head.i}
    doc = index.doc
    here = index.sent_of[span.start]
    for c in index.candidates:
        if c.start < span.end or c.kind != PERSON or c.actor_id is not None:
            continue
        if index.sent_of[c.start] - here > _NAMED_AFTER:
            break
        if index.in_quote[c.start] or sum(1 for t in doc[c.start : c.end] if t.pos_ == "PROPN") < 2:
            continue
        i = c.start - 1
        while i > c.start - ROLE_WORDS and i > 0 and doc[i].is_lower and doc[i].is_alpha:
            i -= 1  # the name's own role after the comma ("deputy envoy")
        if i >= 2 and doc[i].text == "," and doc[i - 1].lower_ in role and doc[i - 2].lower_ == "the":
            return c.actor_id, c.name
    return None


_NAMED_AFTER = 2  # sentences after an indefinite role in which the story may name its holder
