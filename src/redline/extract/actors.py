"""Mentions of actors in a parsed document, and what the document itself says about them.

Three passes, each linear in the document: knowledge-base names (aliases, surnames), knowledge-base
titles ("the Russian leader"), and the named entities of the spaCy model for everyone else. A
person outside the knowledge base is named by the fullest form the document gives ("Kyslytsya"
becomes "Sergiy Kyslytsya"). Appositions and title-name sequences ("Kremlin spokesman Dmitry
Peskov", "Dmitry Peskov, the Kremlin spokesman") are collected as ``Description`` records so that a
later "the Kremlin spokesman" can be resolved even for people the knowledge base does not know.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from spacy.attrs import ENT_TYPE, ORTH, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from redline.extract.english import DETERMINERS, POSSESSIVE_MARKS, PREMODIFIERS
from redline.extract.token_columns import StringColumn
from redline.knowledge.actors import ActorBase
from redline.model import Mention, Span

__all__ = [
    "ENTITY_LABELS",
    "FORMER",
    "Description",
    "DocActors",
    "MentionFinder",
    "find_mentions",
    "span_head",
]

ENTITY_LABELS = ("PERSON", "ORG", "NORP", "GPE")
# words that make a title someone's past or future role, not the holder's: "a former US president"
FORMER = frozenset(
    {"former", "ex", "ex-", "late", "then", "previous", "future", "next", "incoming", "acting"}
)
# words that make a title a second office under it: "the deputy head of the delegation" is not its head
UNDER = frozenset({"deputy", "vice", "assistant", "associate"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORDS_REMEMBERED = 500_000  # distinct token texts whose string is kept before starting afresh


@dataclass(frozen=True, slots=True)
class Description:
    """A role the document gives an actor: "Kremlin spokesman" for Dmitry Peskov."""

    key: tuple[str, ...]  # title units, places merged ("@russia", "spokesman")
    actor_id: str | None
    name: str
    start: int  # character offset where the description occurs


@dataclass(slots=True)
class DocActors:
    """Everything found about actors in one document."""

    mentions: list[Mention]
    descriptions: list[Description]
    labels: dict[int, str] = field(default_factory=dict)  # entity label by mention start (corrected)


@dataclass(slots=True)
class _Match:
    start: int  # token indexes, end exclusive
    end: int
    ids: frozenset[str]
    kind: str  # name | title | entity
    label: str = ""


class MentionFinder:
    """Finds actor mentions; build once per knowledge base and reuse for every document."""

    def __init__(self, kb: ActorBase) -> None:
        self.kb = kb
        self._name_prefixes = frozenset(k[:n] for k in kb.names for n in range(1, len(k) + 1))
        self._title_prefixes = frozenset(k[:n] for k in kb.titles for n in range(1, len(k) + 1))
        # the words a name or a title can start with: most words of a text start none
        self._name_firsts = frozenset(k[0] for k in kb.names if k)
        self._title_firsts = frozenset(k[0] for k in kb.titles if k)
        # words that may precede a name inside a PERSON entity without making it another person
        # ("Kremlin spokesman", "Ukrainian", "Slovak Prime Minister")
        self._title_words = (
            frozenset(w for key in kb.titles for w in key)
            | frozenset(kb.gendered_words)
            | frozenset(kb.fold(w) for forms in kb.places.values() for form in forms for w in form.split())
            | frozenset(w for key in kb.collectives.offices for w in key)
        )
        self._last: tuple[Doc, DocActors] | None = None
        self._words = StringColumn(str, _WORDS_REMEMBERED)  # each token's text (``_analyse``)

    def find(self, doc: Doc) -> list[Mention]:
        return list(self.analyse(doc).mentions)

    def analyse(self, doc: Doc) -> DocActors:
        """Mentions and descriptions of ``doc``; the last result is kept for the resolver's use."""
        if self._last is not None and self._last[0] is doc:
            return self._last[1]
        found = self._analyse(doc)
        self._last = (doc, found)  # holding the doc keeps its id from being reused while cached
        return found

    def _analyse(self, doc: Doc) -> DocActors:
        words = self._words.column(doc, ORTH)  # each token's text, read once for every pass below
        ents = {ent.start: ent for ent in doc.ents}
        names = self._scan(
            self.kb.unit_columns(words), self.kb.names, self._name_prefixes, self._name_firsts, "name"
        )
        names = [m for m in names if self._is_name(doc, m, ents) and _one_stretch(doc, m)]
        titles = self._scan(
            self.kb.unit_columns(words, places=True),
            self.kb.titles,
            self._title_prefixes,
            self._title_firsts,
            "title",
        )
        titles = [m for m in titles if _one_stretch(doc, m)]
        entities = self._entities(doc, names, ents.values())
        # a surname the model tagged ORG or GPE ("Lynch said") after the full PERSON name
        surnames = {
            self.kb.fold(_name_words(doc, m.start, m.end)[-1])
            for m in entities
            if m.label == "PERSON" and m.end - m.start > 1
        }
        for m in entities:
            # "Lynch", or a hyphenated surname whole ("Lvova-Belova")
            if (
                m.label in {"ORG", "GPE"}
                and len(_name_words(doc, m.start, m.end)) == 1
                and self.kb.fold(doc[m.start : m.end].text) in surnames
            ):
                m.label = "PERSON"
        if surnames:
            entities += self._untagged_surnames(doc, words, names, entities, surnames)
        persons = sorted(names + entities, key=lambda m: m.start)
        starts = {m.start: m for m in persons}
        descriptions: list[Description] = []
        kept_titles: list[_Match] = []
        for t in titles:
            if t.end in starts:
                continue  # "Russian President Vladimir Putin": the title belongs to the name
            if len(t.ids) == 1 and not (t.start > 0 and doc[t.start - 1].lower_ in FORMER | UNDER):
                kept_titles.append(t)  # but "a former US president" is not the current one, nor
                # "the deputy head of the delegation" its head
        found = sorted(persons + kept_titles, key=lambda m: (m.start, -m.end))
        full = self._fullest_forms(doc, entities)
        mentions = [self._mention(doc, m, full) for m in found]
        for m, mention in zip(found, mentions, strict=True):
            if not self._is_person(m):
                continue
            for d_start, d_end in _descriptions_of(doc, m.start, m.end):
                key = tuple(u.key for u in self.kb.units(words[d_start:d_end], places=True) if u.key != "of")
                if key:
                    descriptions.append(Description(key, mention.actor_id, mention.name, doc[d_start].idx))
        labels = {doc[m.start].idx: m.label for m in entities if m.label}
        return DocActors(mentions, descriptions, labels)

    def _untagged_surnames(
        self, doc: Doc, words: list[str], names: list[_Match], entities: list[_Match], surnames: set[str]
    ) -> list[_Match]:
        """ "Petra Lind ... Lind, speaking on radio, struck a harder tone": a capitalised word that
        repeats the surname of a person named in full before it is that person, though the model
        tagged it as nothing. (``words``: each token's text. Only the proper nouns are looked at,
        found in the Doc's arrays: a walk over the rest of the document built a Token per word.)"""
        taken = {i for m in (*names, *entities) for i in range(m.start, m.end)}
        first = min(
            (m.end for m in entities if m.label == "PERSON" and m.end - m.start > 1), default=len(doc)
        )
        tags = doc.to_array([POS, ENT_TYPE])
        nouns = tags[:, 0] == PROPN
        proper = [*nouns.tolist(), False]  # (past the last token: none)
        return [
            _Match(i, i + 1, frozenset(), "entity", "PERSON")
            for i in nouns.nonzero()[0].tolist()
            if i >= first
            and i not in taken
            and not tags[i, 1]
            and words[i][:1].isupper()
            and self.kb.fold(words[i]) in surnames
            and not proper[i + 1]
            and not proper[i - 1]
        ]

    def _is_person(self, m: _Match) -> bool:
        if m.kind == "title":
            return False
        if m.ids:
            return all(self.kb.actors[i].type == "person" for i in m.ids)
        return m.label == "PERSON"

    # -- passes -----------------------------------------------------------------------------
    @staticmethod
    def _scan(
        units: tuple[list[str], list[int], list[int]],
        table: Mapping[tuple[str, ...], frozenset[str]],
        prefixes: frozenset[tuple[str, ...]],
        firsts: frozenset[str],
        kind: str,
    ) -> list[_Match]:
        """Longest match at each position of the key sequence, left to right (a walk over prefixes;
        ``firsts``, the one-word prefixes, lets a word that starts none be passed at once).
        ``units`` is ``ActorBase.unit_columns``: keys, first words and ends."""
        keys, starts, ends = units
        out: list[_Match] = []
        i = 0
        size = len(keys)
        while i < size:
            if keys[i] not in firsts:
                i += 1
                continue
            hit, n = 0, 1
            while i + n <= size and (key := tuple(keys[i : i + n])) in prefixes:
                if key in table:
                    hit = n
                n += 1
            if hit:
                out.append(_Match(starts[i], ends[i + hit - 1], table[tuple(keys[i : i + hit])], kind))
            i += hit or 1
        return out

    def _is_name(self, doc: Doc, m: _Match, ents: Mapping[int, SpacySpan]) -> bool:
        """Names are capitalised ("Trump", not "trump card") and not part of another person's name."""
        first = doc[m.start]
        if not first.text[:1].isupper():
            return False
        if m.end - m.start == 1 and first.pos_ == "PRON":
            return False  # "I" is no surname, however a name folds ("Yi")
        ent = _entity_at(doc, m.start, ents)
        if ent is None or ent.label_ != "PERSON":
            return True
        extra = [
            t for t in ent if not (m.start <= t.i < m.end) and t.text not in POSSESSIVE_MARKS and t.is_alpha
        ]
        if m.end - m.start > 1 and all(t.i < m.start for t in extra):
            return True  # a full name after its title: "Secretary of the Treasury Scott Bessent"
        # "Melania Trump" is not Donald Trump; "President Trump" is
        return not any(t.text[:1].isupper() and self.kb.fold(t.text) not in self._title_words for t in extra)

    def _entities(self, doc: Doc, names: list[_Match], ents: Iterable[SpacySpan]) -> list[_Match]:
        """The model's entities of the kinds that name actors (``ents``: ``doc.ents``, which
        spaCy builds afresh on each access, as the caller read them)."""
        taken = {i for m in names for i in range(m.start, m.end)}
        out = []
        for ent in _joined_compounds(doc, ents):
            if ent.label_ not in ENTITY_LABELS and self.label(ent) != "PERSON":
                continue  # "Ines Marrow" tagged a place is still a person: a given name opens it
            # the small model sometimes runs "Kharkiv, Ihor Terekhov" into one entity: split at commas
            cuts = [ent.start - 1] + [t.i for t in ent if t.text == ","] + [ent.end]
            for a, b in itertools.pairwise(cuts):
                start, end = _trim(doc, a + 1, b)
                if end <= start or any(i in taken for i in range(start, end)):
                    continue
                span = doc[start:end]
                ids = frozenset(a.id for a in self.kb.by_alias(span.text))
                label = self.label(span)
                if not ids and (titled := self._after_title(doc, start, end, label)) is not None:
                    start, label = titled, "PERSON"
                    span = doc[start:end]
                    ids = frozenset(a.id for a in self.kb.by_alias(span.text))
                if (
                    not ids
                    and label == "PERSON"
                    and (given := self._given_before(doc, start, end)) is not None
                ):
                    start, span = given, doc[given:end]
                    ids = frozenset(a.id for a in self.kb.by_alias(span.text))
                if not ids and label == "PERSON":
                    start, end, ids = self._name_then_words(doc, start, end)
                    end = _before_verb(doc, start, end)
                    if end <= start:
                        continue  # "Strike Will Go": a title-case clause the model took for a name
                out.append(_Match(start, end, ids if len(ids) == 1 else frozenset(), "entity", label))
        return out

    def _after_title(self, doc: Doc, start: int, end: int, label: str) -> int | None:
        """ "Councillor Dolores Reyes", which the model may tag as one ORG: a capitalised person
        noun opening an entity is the title of the name after it, so the name starts past it and
        names a person. A PERSON entity keeps any name after its title ("Judge Okafor"); another
        entity must hold a full name of capitalised words, none a person or body word of its
        own, so that "General Motors" and "Member States" stay what they are."""
        title = doc[start]
        if not (title.text[:1].isupper() and self.kb.is_person_noun(title.lemma_)) or end - start < 2:
            return None
        rest = doc[start + 1 : end]
        if label == "PERSON":
            return rest.start
        if len(rest) < 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in rest):
            return None
        if any(self.kb.is_person_noun(t.lemma_) for t in rest) or self.kb.collective([t.text for t in rest]):
            return None
        return rest.start

    def _given_before(self, doc: Doc, start: int, end: int) -> int | None:
        """ "Anders Holm, the commissioner, said": the small model may tag the surname alone as a
        person and leave the given name before it untagged (most often at a sentence's start); a
        listed given name the parse makes a compound of the name is its first word."""
        if start == 0:
            return None
        given = doc[start - 1]
        if (
            given.ent_iob_ not in {"", "O"}
            or given.dep_ != "compound"
            or not start <= given.head.i < end
            or not (given.is_alpha and given.text[:1].isupper())
            or self.kb.given_name_gender(given.text) is None
        ):
            return None
        return given.i

    def _name_then_words(self, doc: Doc, start: int, end: int) -> tuple[int, int, frozenset[str]]:
        """A known person's name run into the next capitalised words of a title-case headline
        ("Zelensky Warns Europe"): the name alone, when the words after it name no one."""
        for k in range(end - start - 1, 0, -1):
            found = self.kb.by_alias(doc[start : start + k].text)
            rest = doc[start + k : end]
            if (
                len(found) == 1
                and found[0].type == "person"
                and all(t.is_alpha and t.text[:1].isupper() for t in rest)
                and not any(self.kb.given_name_gender(t.text) or t.lower_ in _SUFFIXES for t in rest)
                and not self.kb.by_alias(rest.text)
            ):
                return start, start + k, frozenset({found[0].id})
        return start, end, frozenset()

    def label(self, span: SpacySpan) -> str:
        """The entity label, corrected to PERSON when a multi-word name starts with a given name."""
        label = span[0].ent_type_ or span[-1].ent_type_
        looks_named = len(span) > 1 and span[0].text[:1].isupper() and span[-1].text[:1].isupper()
        if label != "PERSON" and looks_named and self.kb.given_name_gender(span[0].text):
            return "PERSON"
        if label != "PERSON" and looks_named and self._person_apposed(span):
            return "PERSON"
        return label

    def _person_apposed(self, span: SpacySpan) -> bool:
        """ "Annelies Verhoeven, the tribunal's acting chief prosecutor": a name the model tagged
        as a work of art or a body, set beside a person noun in apposition, names a person."""
        if not all(t.is_alpha and t.text[:1].isupper() for t in span):
            return False  # the tagger may read an unfamiliar given name as a verb ("Annelies")
        head = span_head(span)
        return any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and self.kb.is_person_noun(c.lemma_) for c in head.rights
        )

    def _fullest_forms(self, doc: Doc, entities: list[_Match]) -> dict[int, str]:
        """Token start -> the fullest form of that person's name in the document.

        A surname alone ("Kyslytsya") takes the full name met before it (or else after it); a
        longer form extends a shorter one with the same first and last name ("Keith Scott" ->
        "Keith Lamont Scott"), but "Rakeyia Scott" stays herself.
        """
        persons = [m for m in entities if m.label == "PERSON" and not m.ids]
        keyed = [(m, [self.kb.fold(w) for w in _name_words(doc, m.start, m.end)]) for m in persons]
        full: dict[int, str] = {}
        for m, keys in keyed:
            text = doc[m.start : m.end].text
            if len(keys) == 1:
                honorific = self.kb.word_gender(doc[m.start - 1].text) if m.start > 0 else None
                same = [
                    o
                    for o, k in keyed
                    if len(k) > 1
                    and k[-1] == keys[0]
                    and _agree(honorific, self.kb.given_name_gender(doc[o.start].text))
                ]
                before = [o for o in same if o.start < m.start]
                pick = before[-1] if before else (same[0] if same else None)
                if pick is not None:
                    text = doc[pick.start : pick.end].text
                elif honorific:  # "Mrs. Clinton" when the document names no woman Clinton in full
                    text = doc[m.start - 1 : m.end].text
                full[m.start] = text
            else:
                longer = [o for o, k in keyed if len(k) > len(keys) and k[0] == keys[0] and k[-1] == keys[-1]]
                full[m.start] = doc[longer[0].start : longer[0].end].text if longer else text
        return full

    def _mention(self, doc: Doc, m: _Match, full: dict[int, str]) -> Mention:
        start, end = m.start, m.end
        if m.kind == "title" and start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        span = doc[start:end]
        if len(m.ids) == 1:
            actor_id = next(iter(m.ids))
            actor = self.kb.actors[actor_id]
            return Mention(Span(span.text, span.start_char, span.end_char), actor_id, actor.name)
        words = span.text
        text = full.get(m.start)
        if text is None:  # the name as written (the span itself unless a "the" was taken in)
            text = words if start == m.start else doc[m.start : m.end].text
        return Mention(Span(words, span.start_char, span.end_char), None, text)


_STOPS = frozenset({".", "!", "?", ";"})


def _joined_compounds(doc: Doc, ents: Iterable[SpacySpan]) -> list[SpacySpan]:
    """ "Galina Teterina" tagged as two places side by side: the model split one name into two
    entities of one kind although the parse joins them (the first a compound of the second), and a
    reader sees one name."""
    out: list[SpacySpan] = []
    for ent in ents:
        last = out[-1] if out else None
        if (
            last is not None
            and last.end == ent.start
            and last.label == ent.label
            and doc[last.end - 1].dep_ == "compound"
            and ent.start <= doc[last.end - 1].head.i < ent.end
        ):
            out[-1] = SpacySpan(doc, last.start, ent.end, label=ent.label)
        else:
            out.append(ent)
    return out


def _one_stretch(doc: Doc, m: _Match) -> bool:
    """Keys skip punctuation, so "... as Russian. The Head of State noted" would read as the
    title "Russian head of state": a name or title never runs over a full stop or a line."""
    return not any(t.text in _STOPS or "\n" in t.text for t in doc[m.start : m.end])


def find_mentions(doc: Doc, kb: ActorBase) -> list[Mention]:
    """Actor mentions in ``doc``. For many documents, build one ``MentionFinder`` and reuse it."""
    return MentionFinder(kb).find(doc)


# -- helpers -------------------------------------------------------------------------------------
def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _entity_at(doc: Doc, i: int, ents: Mapping[int, SpacySpan]) -> SpacySpan | None:
    if doc[i].ent_iob_ in {"", "O"}:
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return ents.get(start)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Entity bounds without a leading "the" or trailing possessive or punctuation."""
    while start < end and (
        doc[start].lower_ in DETERMINERS
        or doc[start].is_punct
        or doc[start].is_space
        or doc[start].text in POSSESSIVE_MARKS
    ):
        start += 1
    while end > start and (
        doc[end - 1].text in POSSESSIVE_MARKS or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    return start, end


_TITLE_REACH = 8  # words from a bare title to the name it stands before


def _titles_next_name(doc: Doc, appos: Token) -> bool:
    """ "... envoy Steve Witkoff, Ukrainian Ambassador to the US Olga Stefanishina said": a bare
    title (no article) that runs on, with no comma, into another person's name is that person's
    title, though the parser hung it on the name before as an apposition."""
    if any(c.dep_ == "det" for c in appos.children):
        return False
    for tok in doc[appos.i + 1 : appos.right_edge.i + 1 + _TITLE_REACH]:
        if tok.is_punct or tok.pos_ in {"VERB", "AUX"}:
            return False
        if tok.ent_type_ == "PERSON":
            return True
    return False


def _descriptions_of(doc: Doc, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Token ranges that describe the name at [start, end): premodifiers and appositions."""
    head = _head(doc, start, end)
    if not head.dep_:
        return  # no parse: walking an unparsed tree is unsafe in spaCy
    # "Kremlin spokesman Dmitry Peskov", "Zelensky's chief of staff Andriy Yermak"
    left = start
    for child in head.lefts:
        if child.i < start and child.dep_ in PREMODIFIERS and child.right_edge.i == start - 1:
            left = min(left, child.left_edge.i)
    if left == start:  # the parser attached nothing: take the run of title-like words
        i = start - 1
        while (
            i >= 0 and doc[i].pos_ in {"NOUN", "PROPN", "ADJ"} and doc[i].ent_type_ not in {"PERSON", "DATE"}
        ):
            i -= 1
        left = i + 1
    while left < start and (doc[left].lower_ in DETERMINERS or doc[left].is_punct):
        left += 1
    if left < start and any(t.pos_ == "NOUN" or t.text.istitle() for t in doc[left:start]):
        yield left, start
    # "Dmitry Peskov, the Kremlin spokesman," and "the Kremlin spokesman, Dmitry Peskov,"
    for child in head.rights:
        if (
            child.dep_ == "appos"
            and child.i >= end
            and child.pos_ in {"NOUN", "PROPN"}
            and not _titles_next_name(doc, child)
        ):
            yield _strip(doc, child.left_edge.i, child.right_edge.i + 1)
    if head.dep_ == "appos" and head.head.i < start:
        owner = head.head  # "The mayor of Kharkiv, Ihor Terekhov,": climb from Kharkiv to mayor
        while owner.pos_ != "NOUN" and owner.dep_ in {"pobj", "prep"} and owner.head.i < owner.i:
            owner = owner.head
        if owner.pos_ == "NOUN":
            yield _strip(doc, owner.left_edge.i, start)
    elif end < len(doc) - 2 and doc[end].text == "," and doc[end + 1].lower_ in {"the", "a", "an"}:
        j = end + 1
        while j < len(doc) and j < end + 12 and not doc[j].is_punct and doc[j].pos_ not in {"VERB", "AUX"}:
            j += 1
        if j < len(doc) and doc[j].text == ",":
            yield _strip(doc, end + 1, j)


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return start, end


def _head(doc: Doc, start: int, end: int) -> Token:
    return span_head(doc[start:end])


def span_head(span: SpacySpan) -> Token:
    """The syntactic head of a span: the token whose head lies outside it, the highest in the tree
    if several do ("a problem that demands": "problem", not "that"), the last among equals."""
    # every step reads a token's head once: spaCy builds a new Token object on each ``.head``
    # (this runs for every mention and candidate, over every word of the span)
    start, end = span.start, span.end
    heads = []
    for t in span:
        h = t.head.i
        if not start <= h < end or h == t.i:
            heads.append(t)
    if len(heads) < 2:
        return heads[0] if heads else span[-1]

    def depth(token: Token) -> int:
        n = 0
        while n < 100:
            head = token.head
            if head.i == token.i:
                break
            token, n = head, n + 1
        return n

    return min(reversed(heads), key=depth)


# dependencies only a noun takes: a word in one of them is a noun whatever its tag says
_NOUN_ROLES = frozenset({"appos", "compound", "poss", "pobj", "dobj"})


def _before_verb(doc: Doc, start: int, end: int) -> int:
    """Where a person's name the model found ends: before the first word the parser reads as a
    verb (in a title-case headline the model runs a name into the clause after it, or takes the
    clause for a name: "Strike Will Go Ahead"); ``start`` when no proper noun comes before it.
    A word the parser reads as a verb but attaches as a noun ("Joaquim Ferres", Ferres an
    apposition) is a surname the tagger misread (-es, -ed), not the clause after the name."""
    for i in range(start, end):
        if doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ not in _NOUN_ROLES:
            return i if any(doc[k].pos_ == "PROPN" for k in range(start, i)) else start
    return end


def _name_words(doc: Doc, start: int, end: int) -> list[str]:
    """A name's words as written, a hyphenated one whole ("Maria Lvova-Belova": two words, the
    tokenizer's five tokens), so that a surname alone matches the full name's last word."""
    out: list[str] = []
    joined = False
    for t in doc[start:end]:
        if out and (joined or t.text == "-") and not doc[t.i - 1].whitespace_:
            out[-1] += t.text
        else:
            out.append(t.text)
        joined = t.text == "-"
    return out
