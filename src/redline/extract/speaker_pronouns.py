"""Pronoun sources ("he said", "his spokesman said", "..., who said") resolved to an actor.

A pronoun takes the most salient earlier mention that agrees with it in gender, number and
animacy, excluding names its own clause governs ("He said Witkoff ..."); an "it" can be a
statement just issued, a possessive gives a role to its owner. Kept apart from the noun-phrase
rules because its reach (a window of sentences, the speakers before) and its agreement checks
are its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from redline.extract import (
    speaker_descriptions,
    speaker_documents,
    speaker_groups,
    speaker_names,
    speaker_profiles,
    speaker_salience,
)
from redline.extract.english import (
    RELATIVE_PRONOUNS,
    SUBJECTS_OR_EXPLETIVE,
)
from redline.extract.speaker_index import WINDOW, Candidate, DocumentIndex, clean_name
from redline.extract.speaker_salience import is_main_subject
from redline.extract.token_ranges import asks_someone
from redline.knowledge.actors import SKIPPED
from redline.model import Speaker

if TYPE_CHECKING:
    from redline.extract.speakers import SpeakerResolver


# pronoun -> (what it can refer to, gender)
PRONOUNS: dict[str, tuple[str, str | None]] = {
    "he": ("person", "m"),
    "him": ("person", "m"),
    "his": ("person", "m"),
    "she": ("person", "f"),
    "her": ("person", "f"),
    "it": ("org", None),
    "its": ("org", None),
    "they": ("plural", None),
    "them": ("plural", None),
    "their": ("plural", None),
    "i": ("self", None),
    "we": ("self", None),
    "me": ("self", None),
    "us": ("self", None),
}
_OWNING_PRONOUNS = frozenset({"his", "her", "their"})  # "its" bodies: speaker_groups.owned_body
_WRITER_PRONOUNS = frozenset({"i", "me"})  # the writer's own voice, never "we" (a body's)


def relative(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan
) -> tuple[str | None, str] | None:
    """ "..., who said": a relative pronoun speaks for the noun its clause hangs on."""
    words = [t for t in span if not t.is_punct]
    if len(words) != 1 or words[0].lower_ not in RELATIVE_PRONOUNS or not words[0].dep_:
        return None
    clause = words[0]
    while clause.dep_ != "relcl" and clause.head.i != clause.i:
        clause = clause.head
        if clause.i >= span.end + 12:
            return None
    if clause.dep_ != "relcl":
        return None
    antecedent = clause.head
    for c in index.candidates:
        if c.start <= antecedent.i < c.end and c.kind != "norp":
            return c.actor_id, c.name
    return speaker_groups.phrase_up_to(resolver, antecedent, placed=False)


def pronoun(
    resolver: SpeakerResolver,
    index: DocumentIndex,
    span: SpacySpan,
    content: tuple[int, int] | None,
    previous: Sequence[Speaker],
) -> tuple[str | None, str] | None:
    words = [t for t in span if t.lower_ not in SKIPPED]
    if len(words) != 1 or words[0].lower_ not in PRONOUNS:
        return None
    pron = words[0]
    want = PRONOUNS[pron.lower_][0]
    doc = index.doc
    here = index.sent_of[pron.i]
    recent = [p for p in previous if p.mention.end <= span.start_char][-3:]
    if pron.lower_ in _WRITER_PRONOUNS and not index.in_quote[pron.i]:
        writer = speaker_profiles.byline_writer(resolver, index)
        if writer is not None:  # an op-ed's "I argued": its author, named in the byline
            return writer
    if want == "org":
        issuer = issuer_of_it(resolver, index, pron)
        if issuer is not None:
            return issuer
    candidates = pronoun_candidates(resolver, index, pron, want, recent)
    bound = bound_names(index, pron) | _other_gender(pron, previous)
    scored = score_pronoun_candidates(resolver, index, pron, candidates, bound, content, recent)
    # the last main-clause subject before this sentence is the centre of attention
    centre = [c for _, c in scored if index.sent_of[c.start] < here and is_main_subject(c.head_token(doc))]
    focus = max(centre, key=lambda c: c.start, default=None)
    # best first; on ties the one found later
    ranked = sorted(
        (
            (score + (resolver.weights.centre if c is focus else 0.0), n)
            for n, (score, c) in enumerate(scored)
        ),
        reverse=True,
    )
    gender = PRONOUNS[pron.lower_][1]
    if not ranked:
        if want == "self" and recent:
            return recent[-1].actor_id, recent[-1].name
        earlier = earlier_speaker_for(resolver, index, pron, previous)
        if earlier is None and gender is not None:
            # "She has told colleagues ..." paragraphs after a profile last named her
            subject = speaker_profiles.protagonist(index, pron, gender, bound)
            return None if subject is None else who_is(resolver, index, subject, previous)
        return earlier
    best = scored[ranked[0][1]][1]
    if (
        gender is not None
        and best.kind in {"nominal", "unknown"}
        and best.gender is None
        and "\n" in index.text[doc[best.end - 1].idx : pron.idx]
    ):
        # a profile's "she" in a new paragraph, after an unnamed official quoted in between:
        # the one woman the story has been about, not someone whose gender it never gave
        subject = speaker_profiles.protagonist(index, pron, gender, bound)
        if subject is not None:
            return who_is(resolver, index, subject, previous)
    for _, n in ranked:
        who = who_is(resolver, index, scored[n][1], previous)
        # "Russia's envoy, Yegor Lavrentyev, ... He repeated ... sent Olena Kravets. Who, she
        # asked": a role stands for the person named beside it, whom the clause or an earlier
        # pronoun of the other gender may have ruled out; the next best is then meant
        if (who[0], who[1] if who[0] is None else "") not in bound:
            return who
    return who_is(resolver, index, scored[ranked[0][1]][1], previous)


def who_is(
    resolver: SpeakerResolver, index: DocumentIndex, chosen: Candidate, previous: Sequence[Speaker]
) -> tuple[str | None, str]:
    """The actor a pronoun's chosen antecedent names: a role or a description is the person
    it describes."""
    doc = index.doc
    if speaker_names.role_only(
        resolver, doc, chosen
    ):  # "US Special Envoy, Steve Witkoff, said ... He": the name
        return speaker_names.apposed_name(resolver, index, doc[chosen.start : chosen.end]) or (
            chosen.actor_id,
            chosen.name,
        )
    if chosen.kind == "nominal":  # "the president appeared cowed ... he": who the president is
        nominal = doc[chosen.start : chosen.end]
        return (
            # "The farm minister, Jana Holt, toured the port. She said": the name beside the role
            speaker_names.apposed_name(resolver, index, nominal)
            or speaker_descriptions.description_holder(resolver, index, nominal)
            or speaker_descriptions.definite_person(resolver, index, nominal, None, previous)
            # "The economist points out ... The economist is not convinced ... she says": the
            # earlier speaker the same description named, out of the window by now
            or speaker_descriptions.repeated(resolver, index, nominal, previous)
            # "A French diplomat was more relaxed: the amnesty, he said": the unnamed source's
            # label, as if the phrase itself were the source
            or speaker_groups.unnamed_on_request(resolver, index, nominal)
            or speaker_groups.collective(resolver, nominal, placed=True)
            or (None, chosen.name)
        )
    if chosen.kind == "thing" and chosen.actor_id is None:
        # "The letter, organised by a circle of envoys, ... It says": the letter's maker
        maker = speaker_documents.named_maker(resolver, index, doc[chosen.head])
        if maker is not None:
            return maker
    return chosen.actor_id, chosen.name


def issuer_of_it(
    resolver: SpeakerResolver, index: DocumentIndex, pron: Token
) -> tuple[str | None, str] | None:
    """ "The mediator, Judge Caradec, issued a short statement. “...,” it reads.": "it" as a
    source is the statement issued in this sentence or the one before, and a statement's
    words are its issuer's (the rule ``speaker_documents.issued`` applies to "the statement said")."""
    doc = index.doc
    for t in index.back(pron.i, 1):
        if t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN") and not index.in_quote[t.i]:
            return None  # "... issued a statement. The union met. “...,” it said": the union
        if t.pos_ != "NOUN" or t.dep_ != "dobj":
            continue
        verbs = resolver.kb.issuing_verbs([t.text])
        if not verbs or t.head.lemma_.lower() not in verbs:
            continue
        subjects = [c for c in t.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        if not subjects:
            return None
        phrase = doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1]
        return (
            speaker_names.name_in_span(resolver, index, phrase)
            or speaker_names.apposed_name(resolver, index, phrase)
            or (None, clean_name(phrase))
        )
    return None


def pronoun_owner(
    resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan, previous: Sequence[Speaker]
) -> tuple[str | None, str] | None:
    """ "Putin met the envoy. His spokesman said ...", "a member of her team said": a role a
    possessive pronoun gives to an actor is read as if the text had named the actor ("Putin's
    spokesman"): the one holder of that title, else the role named for its owner, which
    gives it the owner's side ("member of Putin's team"). Without this the pronoun left the
    role to no one ("His chief", "anonymous official" without a side)."""
    head = index.head(span)
    if head.pos_ != "NOUN" or any(t.pos_ == "PROPN" for t in span):
        return None  # "his counterpart Donald Trump" is named: the name decides
    if not resolver.kb.is_person_noun(head.lemma_.lower()):
        return None  # "His comments suggested": words, not a speaker (the possessor may be one)
    end = head.i + 1
    for child in head.rights:  # "chief of staff", "member of his team": the role's of-phrase
        if child.i != end or child.dep_ != "prep" or child.lower_ != "of":
            break
        if child.right_edge.i >= span.end:
            break
        end = child.right_edge.i + 1
    doc = span.doc
    owned = [t for t in doc[span.start : end] if t.dep_ == "poss" and t.lower_ in _OWNING_PRONOUNS]
    if not owned or owned[0].i + 1 >= end:
        return None
    pron = owned[0]
    # the phrase's own words cannot own it ("a member of his team" is not the member's)
    owner = pronoun(resolver, index, doc[pron.i : pron.i + 1], (span.start_char, span.end_char), previous)
    actor = resolver.kb.get(owner[0]) if owner is not None else None
    if actor is None:
        return None
    role = doc[pron.i + 1 : end].text
    names = sorted({actor.name, *actor.aliases}, key=len)
    if pron.i == span.start:
        for name in names:
            holder = resolver.kb.by_title(f"{name}'s {role}")
            if holder is not None:
                return holder.id, holder.name
    start = span.start + 1 if doc[span.start].lower_ in {"a", "an", "the"} else span.start
    return None, " ".join(x for x in (doc[start : pron.i].text, f"{names[0]}'s {role}") if x)


def earlier_speaker_for(
    resolver: SpeakerResolver, index: DocumentIndex, pron: Token, previous: Sequence[Speaker]
) -> tuple[str | None, str] | None:
    """A pronoun with no mention in reach ("As for Russia, he maintains ..." after a long
    quotation): the latest earlier speaker it agrees with, within twice the window, since a
    story keeps its speaker in focus while it quotes them."""
    want, gender = PRONOUNS[pron.lower_]
    here = index.sent_of[pron.i]
    for p in reversed(previous):
        if p.mention.end > pron.idx or p.mention.start == pron.idx:
            continue
        c = speaker_candidate(resolver, index, p)
        if c is None or here - index.sent_of[c.start] > 2 * WINDOW:
            continue
        if c.kind in {"person", "org"} and _agrees(c, want, gender) is not None:
            return p.actor_id, p.name
    return None


def pronoun_candidates(
    resolver: SpeakerResolver, index: DocumentIndex, pron: Token, want: str, recent: Sequence[Speaker]
) -> list[Candidate]:
    """Who a pronoun may stand for: the mentions, plus recent speakers and nominal subjects the
    mention list does not hold (a separate step so ``pronoun`` reads as find, score, choose)."""
    doc = index.doc
    candidates = list(index.candidates)
    for p in recent:  # earlier speakers the mention list does not hold ("a senior official", "he")
        c = speaker_candidate(resolver, index, p)
        if c is None:
            continue
        head = c.head_token(doc).i  # once, not once per mention compared
        if not any(o.start <= head < o.end for o in candidates):
            candidates.append(c)
    if want in {"plural", "org", "person"}:
        candidates += nominal_subjects(resolver, index, pron.i, want)
    return candidates


def score_pronoun_candidates(
    resolver: SpeakerResolver,
    index: DocumentIndex,
    pron: Token,
    candidates: Sequence[Candidate],
    bound: set[tuple[str | None, str]],
    content: tuple[int, int] | None,
    recent: Sequence[Speaker],
) -> list[tuple[float, Candidate]]:
    """The candidates a pronoun can agree with, each with its score: only earlier ones within
    the window, not bound by the pronoun's clause and not inside the statement's own content."""
    doc = index.doc
    want, gender = PRONOUNS[pron.lower_]
    here = index.sent_of[pron.i]
    owners = _relative_owners(pron)
    scored: list[tuple[float, Candidate]] = []
    for c in candidates:
        if c.end > pron.i or here - index.sent_of[c.start] > WINDOW:
            continue
        if (c.actor_id, c.name if c.actor_id is None else "") in bound:
            continue
        if content and doc[c.start].idx >= content[0] and doc[c.end - 1].idx < content[1]:
            continue
        if index.writer(c) or asking_reporter(resolver, c.head_token(doc)):
            continue
        fit = _agrees(c, want, gender)
        if fit is not None and want == "plural" and c.kind == "person":
            head = c.head_token(doc)  # "Obama and Clinton ... they": the pair, not one of them
            if head.dep_ == "conj" or any(t.dep_ == "conj" for t in head.children):
                fit = None
        if fit is not None:
            score = fit + speaker_salience.salience(resolver, index, c, here, recent)
            if _fronted(c.head_token(doc), pron):
                score += resolver.weights.fronted
            if c.head_token(doc).i in owners:
                score += resolver.weights.relative_owner
            scored.append((score, c))
    return scored


def asking_reporter(resolver: SpeakerResolver, head: Token) -> bool:
    return (
        resolver.cues is not None
        and head.dep_ == "nsubj"
        and resolver.cues.press_asks(head.head.lemma_, head.lemma_, someone_asked=asks_someone(head.head))
    )


def speaker_candidate(resolver: SpeakerResolver, index: DocumentIndex, p: Speaker) -> Candidate | None:
    span = index.doc.char_span(p.mention.start, p.mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = index.head(span)
    plural = head.tag_ in {"NNS", "NNPS"}
    actor = resolver.kb.get(p.actor_id)
    speaks_for_body = actor is not None and actor.type != "person" and head.pos_ == "NOUN"
    if speaks_for_body and resolver.kb.is_person_noun(head.lemma_):
        # "A spokeswoman for the Commission said ... she added": a person speaking for a body
        kind, gender = "person", resolver.kb.word_gender(head.text)
    elif actor is not None:
        kind = "person" if actor.type == "person" else "org"
        gender, plural = actor.gender, actor.type == "group"
    elif head.lower_ in PRONOUNS:  # an unresolved pronoun keeps what the pronoun says
        want, gender = PRONOUNS[head.lower_]
        kind, plural = ("unknown", True) if want == "plural" else (want, False)
    elif head.pos_ == "NOUN":  # "a senior official" can be "he"; "the network" cannot
        kind = "nominal" if resolver.kb.is_person_noun(head.lemma_) else "thing"
        gender = resolver.kb.word_gender(head.text)
    elif head.pos_ == "PROPN":
        kind, gender = "unknown", resolver.kb.word_gender(head.text)
    else:
        kind, gender = "thing", None
    c = Candidate(span.start, span.end, p.actor_id, p.name, kind, gender, plural)
    c.head = head.i
    return c


def nominal_subjects(
    resolver: SpeakerResolver, index: DocumentIndex, before: int, want: str
) -> list[Candidate]:
    """Subjects no mention covers: plural ones for "they" ("Ukrainian negotiators", "Moscow and
    Washington"), person nouns for "he"/"she" ("the president"), other nouns for "it"."""
    out = []
    doc = index.doc
    first = before
    while first > 0 and index.sent_of[before] - index.sent_of[first - 1] <= WINDOW:
        first -= 1
    for t in doc[first:before]:
        if t.pos_ not in {"NOUN", "PROPN"}:
            continue
        if t.dep_ not in SUBJECTS_OR_EXPLETIVE and not (want == "person" and _asked_person(resolver, t)):
            continue
        coordinated = any(c.dep_ == "conj" for c in t.children)
        span = doc[t.left_edge.i : t.i + 1]
        if want == "plural" and coordinated:
            span = doc[t.left_edge.i : t.right_edge.i + 1]
            c = Candidate(span.start, span.end, None, span.text, "group", None, True)
        elif want == "plural" and t.tag_ in {"NNS", "NNPS"}:
            c = Candidate(span.start, span.end, None, clean_name(span), "unknown", None, True)
        elif want in {"org", "plural"} and not coordinated and unlisted_body(resolver, index, span):
            # "the Emirati Foreign Ministry ... It": a body the mention list does not hold
            c = Candidate(span.start, span.end, None, clean_name(span), "org", None, False)
        elif coordinated or not common_or_role(resolver, t) or t.ent_type_ or want == "plural":
            continue
        elif want == "person" and resolver.kb.is_person_noun(t.lemma_):
            gender = resolver.kb.word_gender(t.text)
            c = Candidate(span.start, span.end, None, clean_name(span), "nominal", gender, False)
        elif want == "org" and not resolver.kb.is_person_noun(t.lemma_):
            c = Candidate(span.start, span.end, None, clean_name(span), "thing", None, False)
        else:
            continue
        c.head = t.i
        out.append(c)
    return out


def _asked_person(resolver: SpeakerResolver, t: Token) -> bool:
    """ "When I asked a senior negotiator what Kyiv would make of it, she did not hesitate": the
    one a question is put to is who answers it, so the object of a verb of asking may be taken
    up by "he" or "she" as a subject would."""
    return (
        resolver.cues is not None
        and t.dep_ in {"dobj", "dative"}
        and t.head.lemma_.lower() in resolver.cues.question_verbs
    )


def common_or_role(resolver: SpeakerResolver, t: Token) -> bool:
    """A common singular noun, or a role capitalised as one ("The Prime Minister briefed
    her. He noted"): either may be taken up by a pronoun when no mention covers it."""
    return t.tag_ == "NN" or (t.tag_ == "NNP" and resolver.kb.fold(t.text) in resolver.role_words)


def unlisted_body(resolver: SpeakerResolver, index: DocumentIndex, span: SpacySpan) -> bool:
    """Whether a proper-noun subject names an organisation that no mention covers ("the
    Coordination Headquarters", "the Emirati Foreign Ministry"): an ORG entity, or a name
    headed by a word of a body ("ministry", "office")."""
    head = index.head(span)
    if head.tag_ != "NNP" or index.covering(head.i) is not None:
        return False
    if head.ent_type_ == "ORG":
        return True
    found = resolver.kb.collective([t.text for t in span], span.text)
    return found is not None and found.kind == "group" and not head.ent_type_


def _agrees(c: Candidate, want: str, gender: str | None) -> float | None:
    """How well a candidate fits a pronoun: None when it cannot, else a bonus or penalty."""
    if want == "person":
        if c.kind not in {"person", "unknown", "nominal"} or c.plural:
            return None
        if c.gender is not None and c.gender != gender:
            return None
        penalty = {"unknown": 1.0, "nominal": 0.5}.get(c.kind, 0.0)
        return (0.5 if c.gender == gender else 0.0) - penalty
    if want == "org":
        if c.plural:
            return None
        return 0.0 if c.kind == "org" else -0.5 if c.kind == "thing" else None
    if want == "plural":
        if c.plural:
            return 1.0 if c.kind == "group" else 0.0
        if c.kind == "org":
            return -1.0 if c.actor_id and c.name and c.name[:1].isupper() else 0.0
        return -1.0 if c.kind in {"person", "unknown"} and c.gender is None else None
    return 0.0 if c.kind in {"person", "org", "unknown"} else None  # I, we


def bound_names(index: DocumentIndex, pron: Token) -> set[tuple[str | None, str]]:
    """Who a subject pronoun cannot be, as (actor id, name) keys: a name its own clause governs
    ("He said Witkoff would be welcome"), or the subject an inserted "he said" interrupts."""
    # only close arguments: news prose does say "He said there was an issue with Trump's audio"
    bound: set[tuple[str | None, str]] = set()
    if pron.dep_ in SUBJECTS_OR_EXPLETIVE:
        heads = index.candidate_heads()
        verb = pron.head
        for c, (dep, governor, above) in zip(index.candidates, heads, strict=True):
            bound_here = dep != "poss" and verb.i in (governor, above)
            if bound_here and c.start > pron.i and c.kind == "person" and not index.in_quote[c.start]:
                bound.add((c.actor_id, c.name if c.actor_id is None else ""))
        # "Trump, he said, had promised ...": the subject the insert interrupts is someone else
        if verb.dep_ == "parataxis":
            interrupted = verb.head.i
            for c, (dep, governor, _) in zip(index.candidates, heads, strict=True):
                subject = dep in SUBJECTS_OR_EXPLETIVE
                if c.start < pron.i and subject and governor == interrupted:
                    bound.add((c.actor_id, c.name if c.actor_id is None else ""))
    return bound


def _relative_owners(pron: Token) -> set[int]:
    """Possessors of the noun phrase a relative clause hangs on, and the subject of the verb
    that governs it: in "Zelensky's plan to hold a referendum on any arrangement, which he says
    would need a truce", "he" is Zelensky."""
    if pron.dep_ not in SUBJECTS_OR_EXPLETIVE or pron.head.dep_ != "relcl":
        return set()
    owners: set[int] = set()
    tok = pron.head.head
    for _ in range(6):
        owners.update(c.i for c in tok.children if c.dep_ == "poss")
        if tok.dep_ not in ("pobj", "prep", "acl", "dobj", "compound") or tok.head.i == tok.i:
            break
        tok = tok.head
    noun = pron.head.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head.head  # "a list of points, which": the list
    if noun.dep_ == "dobj" and noun.head.pos_ in {"VERB", "AUX"}:
        # "Honcharenko published a list, which he claimed was the plan": the one who acted on it
        # (not the subject of a verb the noun hangs on through a preposition: "come for talks")
        owners.update(c.i for c in noun.head.children if c.dep_ == "nsubj")
    return owners


def _fronted(head: Token, pron: Token) -> bool:
    """ "Despite Putin's openness, he insisted": a possessor in a phrase fronted before the
    pronoun's own verb is the topic that subject picks up (not one in another clause)."""
    if head.dep_ != "poss" or head.i > pron.i or pron.dep_ not in SUBJECTS_OR_EXPLETIVE:
        return False
    t = head
    for _ in range(8):
        if t.head.i == t.i:
            return False
        if t.dep_ not in {"poss", "pobj", "prep", "compound", "amod", "npadvmod", "nmod"}:
            return False
        t = t.head
        if t.i == pron.head.i:
            return True
    return False


def modifies(after: Token, head: Token) -> bool:
    """Whether the word after a mention opens a participle or relative clause on its head."""
    if after.dep_ == "acl" and after.head == head:
        return True
    return after.lower_ in RELATIVE_PRONOUNS and after.head.dep_ == "relcl" and after.head.head == head


def _other_gender(pron: Token, previous: Sequence[Speaker]) -> set[tuple[str | None, str]]:
    """Speakers an earlier pronoun of the other gender stood for ("The President ... She
    underscored ... The Prime Minister briefed her. He noted"): a name the knowledge base cannot
    sex keeps the gender the document gave it. Keys as ``bound_names`` gives them."""
    gender = PRONOUNS[pron.lower_][1]
    if gender is None:
        return set()
    out: set[tuple[str | None, str]] = set()
    for p in previous:
        said = PRONOUNS.get(p.mention.text.lower())
        if said is not None and said[1] is not None and said[1] != gender:
            out.add((p.actor_id, p.name if p.actor_id is None else ""))
    return out


def bare_pronoun(span: SpacySpan) -> bool:
    """ "she", "They": a source that is one pronoun and nothing else."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return len(words) == 1 and words[0].lower_ in PRONOUNS


def one_kind_per_person(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates with a person's surname read as that person: the tagger may take a bare
    surname for a nationality or a body ("Orrin rejected that criticism" after "Felix Orrin"),
    and a "he" after it then found no one. Only a surname one person of the document has."""
    people: dict[str, list[Candidate]] = {}
    for c in candidates:
        # a full name, or a lone surname the document tells is a person's ("Zorina, a director")
        if c.kind == "person" and c.actor_id is None:
            people.setdefault(c.name.split()[-1], []).append(c)
    out = []
    for c in candidates:
        known = people.get(c.name, [])
        if c.kind in {"norp", "org", "unknown"} and c.actor_id is None and len({k.name for k in known}) == 1:
            c = replace(
                c, name=known[0].name, kind="person", gender=c.gender or known[0].gender, plural=False
            )
        out.append(c)
    return out
