"""Headlines and leads, which name people differently from the body below them.

A headline gives a state's name, a role, or a paraphrase to what one person in the lead said;
a lede may name someone by role alone and give the name a sentence later; a bare quote goes on
from the speaker before. These rules read the whole document's speakers at once (after each
statement is resolved), where the other modules resolve one source span.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from redline.extract.actors import span_head as _head
from redline.extract.english import SECOND_RANKS
from redline.extract.speaker_index import PERSON, ROLE_WORDS, DocumentIndex
from redline.model import Speaker

if TYPE_CHECKING:
    from redline.extract.speakers import SpeakerResolver


def headline_people(resolver: SpeakerResolver, speakers: list[Speaker | None], zone: int) -> None:
    """ "Russia says no compromise" over a story quoting one Russian official: the headline
    gives the state's or the institution's name to what that person said, so its speaker is
    the person (the annotation guide's rule), when the body quotes one person of that side,
    or one more often than any other; the same for an unnamed headline person ("Ukrainian
    official denies ...", "Slovak Premier applauds ..."). Unnamed sources in the body
    ("anonymous Russian official") are no one to name. Headlines are the opening lines
    without a final full stop."""
    if zone == 0:
        return
    body: dict[str, Counter[str]] = {}
    for sp in speakers:
        if sp is None or sp.mention.start < zone or sp.kind != "person" or not sp.party:
            continue
        if sp.actor_id is not None or not resolver.kb.affiliation(sp.name):  # not "anonymous ..."
            body.setdefault(sp.party, Counter())[sp.actor_id or sp.name] += 1
    # "Kremlin: no ceasefire ..." over "The Kremlin said ...": the body quotes the institution
    # itself, so the headline's words are the institution's, whoever else the body quotes
    itself = {sp.actor_id or sp.name for sp in speakers if sp is not None and sp.mention.start >= zone}
    for n, sp in enumerate(speakers):
        if sp is None or sp.mention.start >= zone:
            continue
        unnamed = sp.kind == "person" and sp.actor_id is None  # "Ukrainian official", "Slovak Premier"
        if sp.kind not in {"state", "organization"} and not unnamed:
            continue
        if not unnamed and (sp.actor_id or sp.name) in itself:
            continue
        who = _main_voice(body.get(sp.party or "", Counter())) or _main_voice(_members(speakers, sp, zone))
        if who is None:
            continue
        person = next(p for p in speakers if p is not None and (p.actor_id or p.name) == who)
        speakers[n] = replace(person, mention=sp.mention)


def headline_repeats(
    doc: Doc,
    statements: Sequence[tuple[tuple[int, int] | None, tuple[int, int] | None]],
    speakers: list[Speaker | None],
    zone: int,
) -> None:
    """ "Kyiv: “First the guns fall silent”" over "“First the guns fall silent,” Dzyuba said": a
    headline or sub-headline that gives a state's or a body's name to words the body quotes
    again is the quoted person's (the guide's rule for headline subjects): the body statement
    whose content holds the headline's words, said by a named person of no other side."""
    if zone == 0:
        return
    body = [
        (n, sp, words)
        for n, sp in enumerate(speakers)
        if sp is not None
        and sp.mention.start >= zone
        and sp.kind in (PERSON, None)
        and len(sp.name.split()) >= 2
        and (content := statements[n][1]) is not None
        and (words := _claim_words(doc, content))
    ]
    for n, sp in enumerate(speakers):
        content = statements[n][1]
        if sp is None or content is None or sp.mention.start >= zone or sp.kind in (PERSON, None):
            continue
        words = _claim_words(doc, content)
        if len(words) < _REPEATED_WORDS:
            continue
        people = {
            (p.actor_id or p.name): p
            for _, p, said in body
            if words <= said and not (p.party and sp.party and p.party != sp.party)
        }
        if len(people) == 1:
            speakers[n] = replace(next(iter(people.values())), mention=sp.mention)


def _members(speakers: Sequence[Speaker | None], body: Speaker, zone: int) -> Counter[str]:
    """The named people the story introduces by the headline body's name ("Kremlin urges
    patience" over "Kremlin aide Andrei Lapshin told reporters"), as ``_main_voice`` counts them:
    a person of a body whose role gives no side the knowledge base knows."""
    if body.kind != "organization":
        return Counter()
    named = _words(body.mention.text)
    out: Counter[str] = Counter()
    for sp in speakers:
        if sp is None or sp.mention.start < zone or sp.kind not in (PERSON, None) or len(sp.name.split()) < 2:
            continue
        if named and named <= _words(sp.mention.text):
            out[sp.actor_id or sp.name] += 1
    return out


def _words(text: str) -> set[str]:
    """The lower-case words of a mention, possessives and articles aside."""
    return {w.lower().removesuffix("'s").removesuffix("’s") for w in text.split()} - {"the", "a", "an"}


def headline_roles(resolver: SpeakerResolver, doc: Doc, speakers: list[Speaker | None], zone: int) -> None:
    """ "Trade Minister Says Draft Needs Work" over "Trade Minister Aino Lehtola said ...": a
    headline names by role alone the person the story's opening names in full, so the
    headline's speaker is the first person among the body's opening speakers whose mention,
    or the words just before it, hold the headline's role noun. A role no opening speaker
    holds stays as it is."""
    if zone == 0:
        return
    opening = sorted(
        (sp for sp in speakers if sp is not None and sp.mention.start >= zone),
        key=lambda sp: sp.mention.start,
    )[:_OPENING_SPEAKERS]
    for n, sp in enumerate(speakers):
        if sp is None or sp.mention.start >= zone or sp.actor_id is not None:
            continue
        span = doc.char_span(sp.mention.start, sp.mention.end, alignment_mode="expand")
        if span is None or len(span) == 0 or not resolver.kb.is_person_noun(span[-1].lemma_):
            continue
        role = span[-1].lower_
        # "vice chair Tomas Ilves" holds another office than the headline's "chair"
        rank = span[-2].lower_ if len(span) > 1 else ""
        for p in opening:
            there = doc.char_span(p.mention.start, p.mention.end, alignment_mode="expand")
            if there is None or p.name == p.mention.text or len(p.name.split()) < 2:
                continue  # a role again ("the mayor"), not a person the story names
            before = [
                *doc[max(there.sent.start, there.start - ROLE_WORDS) : there.end],
                *_apposed_role(doc, p, zone),
            ]
            if any(
                t.lower_ == role and (t.i == 0 or doc[t.i - 1].lower_ not in SECOND_RANKS - {rank})
                for t in before
            ):
                speakers[n] = replace(p, mention=sp.mention)
                break


def _apposed_role(doc: Doc, person: Speaker, zone: int) -> list[Token]:
    """The role the story sets beside the person's name where it first names them ("Anna Berg,
    the European Union's special envoy for trade, spent an hour with us", "The EU's special
    envoy for the talks, Margit Halvorsen, used a speech"), for a person whose statements name
    them by pronoun only ("She said ...")."""
    at = doc.text.find(person.name, zone)
    if at < 0:
        return []
    name = doc.char_span(at, at + len(person.name), alignment_mode="expand")
    if name is None or name.end >= len(doc):
        return []
    role = (
        []
        if name.start == 0 or doc[name.start - 1].text != ","
        else list(doc[max(name.sent.start, name.start - 2 * ROLE_WORDS) : name.start])
    )
    if doc[name.end].text == ",":
        role += doc[name.end : min(name.sent.end, name.end + 2 * ROLE_WORDS)]
    return role


def headline_claims(
    resolver: SpeakerResolver,
    doc: Doc,
    statements: Sequence[tuple[tuple[int, int] | None, tuple[int, int] | None]],
    speakers: list[Speaker | None],
    zone: int,
) -> None:
    """ "Former army chief says front line will not hold" over "Viktor Halan, who led the army
    until 2024, said the front line would not hold": a headline gives by role alone the person
    whose claim the lead reports, in other words than the role ``headline_roles`` finds. A
    headline speaker named by no name of its own takes the lead's named person when the two
    contents share most of the headline's words; a side named for both must be one."""
    if zone == 0:
        return
    body = [
        (sp.mention.start, n, sp)
        for n, sp in enumerate(speakers)
        if sp is not None and sp.mention.start >= zone
    ]
    if not body:
        return
    _, first, person = min(body, key=lambda x: x[0])
    lead_content = statements[first][1]
    if lead_content is None:
        return
    names = person.name.split()
    if (
        person.kind not in (PERSON, None)
        or len(names) < 2
        or not all(w[:1].isupper() for w in names)
        or resolver.kb.is_person_noun(names[-1])
    ):
        return  # the lead names no one in full ("a senior official said", "Deputy Mayor")
    there = doc.char_span(person.mention.start, person.mention.end, alignment_mode="expand")
    if there is None or len(there) == 0:
        return
    head = _head(there)
    near = [*doc[max(there.sent.start, there.start - ROLE_WORDS) : there.end], *head.children]
    # roles the lead gives its person ("Farmers' leader Aino Lehtola", "X, a Kremlin aide")
    own = {t.lower_ for t in near if t.pos_ == "NOUN" and resolver.kb.is_person_noun(t.lemma_)}
    lead_words = _claim_words(doc, lead_content)
    for n, sp in enumerate(speakers):
        content = statements[n][1]
        if sp is None or content is None or sp.mention.start >= zone or sp.kind not in (PERSON, None):
            continue
        role = sp.mention.text.split()
        if not role or not resolver.kb.is_person_noun(role[-1].removesuffix("'s").removesuffix("’s")):
            continue  # a role ("Kremlin aide", "Former army chief"), not a name ("Halan says")
        if own and role[-1].lower() not in own:
            continue  # the lead gives its person another role: someone else than the headline's
        if (sp.actor_id or sp.name) == (person.actor_id or person.name):
            continue
        if sp.party and person.party and sp.party != person.party:
            continue
        words = _claim_words(doc, content)
        shared = words & lead_words
        if len(shared) >= 2 and 2 * len(shared) >= len(words):
            speakers[n] = replace(person, mention=sp.mention)


def sentences_between(doc: Doc, a: int, b: int) -> int:
    """How many sentence breaks lie between character offsets a <= b (0 without a parse)."""
    if not doc.has_annotation("SENT_START"):
        return 0
    x = doc.char_span(a, a + 1, alignment_mode="expand")
    y = doc.char_span(b, b + 1, alignment_mode="expand")
    if x is None or y is None or len(x) == 0 or len(y) == 0:
        return 0
    return sum(1 for t in doc[x[0].i + 1 : y[0].i + 1] if t.is_sent_start)


def continued(doc: Doc, content: tuple[int, int], previous: Sequence[Speaker], window: int) -> Speaker | None:
    """A statement with no source of its own (a bare quote going on from the last one) is the
    last speaker's, when that speaker was named close before it; its mention is that speaker's."""
    before = [p for p in previous if p.mention.end <= content[0]]
    if not before:
        return None
    last = before[-1]
    here = doc.char_span(content[0], content[1], alignment_mode="expand")
    there = doc.char_span(last.mention.start, last.mention.end, alignment_mode="expand")
    if here is None or there is None or len(here) == 0 or len(there) == 0:
        return None
    if sentences_between(doc, there.start_char, here.start_char) > window:
        return None
    return last


def named_next(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "Turkey's deputy foreign minister said on Wednesday ...", then "Speaking at a news
    conference, Kerem Aydinli said ...": a wire lead gives a role, and the story names the
    person in the sentence or two after it, as the next person who speaks, with no role of
    their own (someone new would be introduced by one)."""
    doc = index.doc
    here = index.sent_of[span.start]
    nxt = next((c for c in index.candidates if c.start >= span.end and c.kind == PERSON), None)
    if nxt is None or index.sent_of[nxt.start] - here > _NAMED_NEXT or index.in_quote[nxt.start]:
        return None
    head = nxt.head_token(doc)
    if head.dep_ != "nsubj" or (
        resolver.cues is not None and resolver.cues.verb_kind(head.head.lemma_) is None
    ):
        return None
    sent_start = doc[nxt.start].sent.start
    if any(c.dep_ == "appos" for c in head.children) or any(
        not t.is_stop
        and (resolver.kb.is_person_noun(t.lemma_) or resolver.kb.fold(t.text) in resolver.title_words)
        for t in doc[max(sent_start, nxt.start - ROLE_WORDS) : nxt.start]
    ):
        return None  # "Defence lawyer Ana Ruiz said": another person, introduced by her role
    return nxt.actor_id, nxt.name


def before_anyone(index: DocumentIndex, span: SpacySpan) -> bool:
    """Whether no person is named before ``span`` (a headline, a standfirst, a lede that
    names people by role), the writer of a byline aside, and a dateline's credit in brackets
    ("ISTANBUL, May 6 (Bosphorus Wire) -"), which the tagger may take for a person."""
    doc = index.doc
    return not any(
        c.kind == PERSON
        and c.start < span.start
        and not index.writer(c)
        and not (c.start > 0 and doc[c.start - 1].text == "(")
        for c in index.candidates
    )


_REPEATED_WORDS = 3  # content words a headline must share with the body's quote to be that quote
_OPENING_SPEAKERS = 5  # the body's first speakers, among whom a headline's role is named in full
_NAMED_NEXT = 2  # sentences after a lead's role in which the person holding it is named


def _claim_words(doc: Doc, content: tuple[int, int]) -> set[str]:
    """The lemmas of the content words of a statement, which a headline and its lead share
    when they report one claim in other words."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None:
        return set()
    return {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop}


def _main_voice(people: Counter[str]) -> str | None:
    """The person a story of one side quotes: the only one, or the one quoted most often."""
    ranked = people.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def position(statement: tuple[tuple[int, int] | None, tuple[int, int] | None]) -> int:
    source, content = statement
    return min(x[0] for x in (source, content) if x is not None) if (source or content) else 0
