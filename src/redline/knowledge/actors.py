"""The actor knowledge base: loading, validation and lookup of actors by name or title.

News spells the same person many ways (Zelensky, Zelenskyy, Zelenskiy; Serhiy and Sergiy
Kyslytsya), so every lookup goes through ``fold``, which erases case, diacritics and the usual
Ukrainian/Russian transliteration differences. Titles ("the Russian leader") name an actor only
when a single actor carries them; shared titles are left to the document's context.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import not_
from pathlib import Path
from typing import Any, NamedTuple

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml
from redline.memo import Memo
from redline.model import Actor

__all__ = [
    "SKIPPED",
    "TYPES",
    "ActorBase",
    "Affiliation",
    "Collective",
    "Collectives",
    "Unit",
    "declared_parties",
    "fold",
    "fold_token",
    "load_actors",
    "name_key",
    "packaged_parties",
    "split_words",
]

TYPES = ("person", "organization", "state", "group", "media")
_PARTY_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_FIELDS = {f for f in Actor.__dataclass_fields__}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?|[^\w\s'’]", re.UNICODE)
_NON_ALNUM = re.compile(r"[^a-z0-9]")
_POSSESSIVE_S = re.compile(r"['’]s\b")  # split off as spaCy splits it ("Russia's" -> "Russia 's")
_I_VOWEL = re.compile(r"i([au])")
_SOFT_H = re.compile(r"(?<![sczt])h")
_DOUBLE = re.compile(r"(.)\1+")
# Tokens dropped when keys are built: possessive markers and "the", so that "Russia's president" and
# "the Kremlin" line up with the knowledge base entries "Russia president" and "Kremlin".
SKIPPED = frozenset({"", "s", "the"})
_PARTICLES = frozenset({"von", "der", "van", "de", "la", "le", "du", "jr", "sr", "ii", "iii"})


def fold_token(word: str) -> str:
    """Key of one word: lowercase ASCII, transliteration variants collapsed.

    The rules map the common romanisations of one Cyrillic name onto one key: y/i (Zelenskyy,
    Zelenskiy), ya/ia (Kyslytsya, Kyslytsia), ye/ie (Yermak, Iermak), h/g (Serhiy, Sergiy), kh/h,
    w/v and doubled letters. They are applied to both sides of every comparison, so a collision
    between two unrelated names is the only risk, and the knowledge base is small.
    """
    s = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    # each pattern runs only where it can change something (an ASCII word of letters and digits
    # has nothing to drop, one without "h" no soft h): the first sight of every word of a
    # document is folded here
    if not s.isalnum():
        s = _NON_ALNUM.sub("", s)
    if not s or s.isdigit():
        return s
    acronym = word.isupper() and len(s) > 1  # "UNN" is not "UN": no letter-doubling rule for acronyms
    s = s.replace("w", "v").replace("kh", "h").replace("j", "y")
    s = s.replace("y", "i")
    if s.startswith("ie"):
        s = s[1:]
    if "ia" in s or "iu" in s:
        s = _I_VOWEL.sub(r"\1", s)
    if "h" in s:
        s = _SOFT_H.sub("g", s)
    if not acronym:
        s = _DOUBLE.sub(r"\1", s)
    return s


def split_words(text: str) -> list[str]:
    """Words of a knowledge-base string, split the way spaCy splits running text."""
    text = _POSSESSIVE_S.sub(" 's", text)
    return [w for w in _WORD.findall(text) if w]


def fold(text: str) -> str:
    """Key of a name or phrase: its folded words joined by spaces, possessives and "the" dropped."""
    return " ".join(k for k in (fold_token(w) for w in split_words(text)) if k not in SKIPPED)


def name_key(text: str) -> str:
    """The one key under which two spellings of a name are one actor, in the extractor and the store.

    ``fold``, so "Serhiy Kyslytsya" and "Sergiy Kyslytsia" meet; a name ``fold`` cannot
    transliterate (another script) keeps its case-folded words rather than becoming empty,
    which would make every such name one actor.
    """
    return fold(text) or " ".join(w.casefold() for w in split_words(text) if any(c.isalnum() for c in w))


class Unit(NamedTuple):
    """One step of a key sequence: a folded word or a place ("@russia"), and the words it covers
    (a named tuple: one is built for every word of every document)."""

    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Affiliation:
    """Whom a source speaks for: its canonical name, party (None when no side) and kind.

    ``kind`` is the actor type (person, organization, state, group, media) or, for a phrase,
    the collective's kind (person, group, media, document). Media never have a party: a wire
    report is a source of its own kind, not a voice of any side.
    """

    name: str
    party: str | None
    kind: str | None
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Collective:
    """One kind of unnamed or collective source of the ``collectives`` section (see actors.yaml)."""

    heads: tuple[tuple[str, ...], ...]  # folded head words, singular and plural forms
    kind: str = "group"
    label: str | None = None  # "anonymous {place} official"; None: the phrase names the speaker
    unplaced: str | None = None  # name when no side is named
    after: frozenset[str] = frozenset()  # folded words one of which must follow the head
    possessor: bool = True  # whether "X's <head>" belongs to X
    issued: frozenset[str] = frozenset()  # lemmas of verbs whose subject made the document


@dataclass(frozen=True)
class Collectives:
    """Patterns that give unnamed and collective sources a side, indexed for phrase lookup."""

    groups: tuple[Collective, ...] = ()
    regions: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # folded word -> (party, word)
    near: frozenset[tuple[str, ...]] = frozenset()  # folded prepositions linking a later place
    offices: frozenset[tuple[str, ...]] = frozenset()  # folded role heads that speak for a state
    stops: frozenset[str] = frozenset()  # folded words that end a source's naming part
    boundaries: frozenset[str] = frozenset()  # folded words a place beside names a location
    bodies: frozenset[str] = frozenset()  # lower-case nouns that take up the body named before
    any_body: frozenset[str] = frozenset()  # those of them that take up a body of any kind
    heads: Mapping[tuple[str, ...], tuple[int, bool]] = field(default_factory=dict)  # head -> group, plural

    @functools.cached_property
    def longest(self) -> int:
        return max(map(len, self.heads), default=0)

    @functools.cached_property
    def longest_office(self) -> int:
        return max(map(len, self.offices), default=0)


_FOLDS_REMEMBERED = 500_000  # words whose fold an ActorBase keeps before it starts afresh
_NAMES_REMEMBERED = 100_000  # names whose ``fold`` an ActorBase keeps before it starts afresh


@dataclass(frozen=True)
class ActorBase:
    """Validated actors with indexes for lookup by alias, surname and title.

    Built once per run (``load_actors`` or ``ActorBase.build``) and shared read-only by the
    extractors; the matcher in ``redline.extract.actors`` reads ``names`` and ``titles``.
    """

    actors: Mapping[str, Actor]
    places: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    given_names: Mapping[str, str] = field(default_factory=dict)  # folded given name -> m|f
    gendered_words: Mapping[str, str] = field(default_factory=dict)  # folded word -> m|f
    person_nouns: frozenset[str] = frozenset()  # lowercase lemmas: official, spokesman, lawmaker
    non_speakers: frozenset[str] = frozenset()  # lowercase lemmas that name no source: turn, vote
    # lowercase lemmas by which news refers back to a source it named (names.yaml
    # ``back_references``): "the agency" takes up an outlet, "the coalition" a group, and a
    # generic group noun ("the bloc") any group
    media_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    generic_group_nouns: frozenset[str] = frozenset()
    speaks_for: frozenset[str] = frozenset()  # "a spokesperson for the trust" speaks as the trust
    # actor id -> the label a statement's speaker gets ("US government" for the United States, as
    # the annotation guide names it); the actor, its party and its matrix row keep their names
    speaker_labels: Mapping[str, str] = field(default_factory=dict)
    # long form of an office's name -> the short form a speaker label gets (names.yaml)
    short_names: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    titles: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    place_forms: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    collectives: Collectives = field(default_factory=Collectives)
    # word -> ``fold_token(word)``: news repeats the same few thousand words (a fold depends on
    # the word alone, so a ``dataclasses.replace`` copy may share it)
    _folded: Memo[str, str] = field(
        default_factory=lambda: Memo(fold_token, _FOLDS_REMEMBERED), repr=False, compare=False
    )
    # name -> ``fold(name)``: the pronoun rules compare each recent speaker's name with each
    # candidate's, over and over (a fold depends on the name alone, as for ``_folded``)
    _names_folded: Memo[str, str] = field(
        default_factory=lambda: Memo(fold, _NAMES_REMEMBERED), repr=False, compare=False
    )
    # (words, places) -> key: a Doc's names and titles are keyed again and again (init=False: a
    # ``dataclasses.replace`` copy with other place forms starts with a memo of its own)
    _keys: Memo[tuple[tuple[str, ...], bool], tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _KEYS_REMEMBERED = 200_000  # not a field: no annotation
    # source name -> ``affiliation``: a speaker is read again for each of its statements, and
    # what a name speaks for depends on the name alone (a copy starts afresh, as for ``_keys``)
    _affiliations: Memo[str, Affiliation | None] = field(init=False, repr=False, compare=False)
    _AFFILIATIONS_REMEMBERED = 100_000
    # (words, text) -> ``collective``: the resolver's rules read one source phrase in turn
    _collectives: Memo[tuple[tuple[str, ...], str | None], Affiliation | None] = field(
        init=False, repr=False, compare=False
    )

    # text -> ``by_alias``, and the words asked -> ``with_title``: the mention finder and the
    # resolver ask for the same names and roles again and again, and ``with_title`` reads every
    # title to answer (a copy starts afresh, as for ``_keys``)
    _aliases: Memo[str, tuple[Actor, ...]] = field(init=False, repr=False, compare=False)
    _titled: Memo[frozenset[str], tuple[Actor, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keys", Memo(self._unit_keys, self._KEYS_REMEMBERED))
        object.__setattr__(self, "_aliases", Memo(self._by_alias, self._AFFILIATIONS_REMEMBERED))
        object.__setattr__(self, "_titled", Memo(self._with_title, self._AFFILIATIONS_REMEMBERED))
        object.__setattr__(self, "_affiliations", Memo(self._affiliation, self._AFFILIATIONS_REMEMBERED))
        object.__setattr__(self, "_collectives", Memo(self._collective, self._AFFILIATIONS_REMEMBERED))

    def fold(self, word: str) -> str:
        """``fold_token`` remembered per word."""
        return self._folded[word]

    def fold_name(self, name: str) -> str:
        """``fold`` (of a whole name or phrase) remembered per name."""
        return self._names_folded[name]

    @classmethod
    def build(
        cls,
        actors: Sequence[Actor],
        places: Mapping[str, Sequence[str]] | None = None,
        given_names: Mapping[str, Sequence[str]] | None = None,
        gendered_words: Mapping[str, Sequence[str]] | None = None,
        person_nouns: Sequence[str] = (),
        collectives: Mapping[str, Any] | None = None,
        non_speakers: Sequence[str] = (),
        speaker_labels: Mapping[str, str] | None = None,
        short_names: Mapping[str, str] | None = None,
        back_references: Mapping[str, Sequence[str]] | None = None,
        speaks_for: Sequence[str] = (),
    ) -> ActorBase:
        """Index actors; later actors with the same id replace earlier ones."""
        by_id = {a.id: a for a in actors}
        place_forms: dict[tuple[str, ...], str] = {}
        for pid, forms in (places or {}).items():
            for form in forms:
                key = tuple(k for k in (fold_token(w) for w in split_words(form)) if k not in SKIPPED)
                if key:
                    place_forms[key] = "@" + pid
        base = cls(
            actors=by_id,
            places={k: tuple(v) for k, v in (places or {}).items()},
            given_names=_gender_map(given_names),
            gendered_words=_gender_map(gendered_words),
            person_nouns=frozenset(w.lower() for w in person_nouns),
            non_speakers=frozenset(w.lower() for w in non_speakers),
            speaker_labels=dict(speaker_labels or {}),
            short_names={str(k): str(v) for k, v in (short_names or {}).items()},
            media_nouns=_lowered((back_references or {}).get("media")),
            group_nouns=_lowered((back_references or {}).get("group")),
            generic_group_nouns=_lowered((back_references or {}).get("generic_group")),
            speaks_for=_lowered(speaks_for),
            place_forms=place_forms,
            collectives=_collectives(collectives or {}),
        )
        names: dict[tuple[str, ...], set[str]] = {}
        titles: dict[tuple[str, ...], set[str]] = {}
        for actor in by_id.values():
            for alias in (actor.name, *actor.aliases):
                words = split_words(alias)
                names.setdefault(base.key(words), set()).add(actor.id)
                if actor.type == "person" and len(words) > 1 and words[-1].lower() not in _PARTICLES:
                    names.setdefault(base.key(words[-1:]), set()).add(actor.id)
            for title in actor.titles:
                key = base.key(split_words(title), places=True)
                for variant in base._title_variants(key, seated=actor.type == "organization"):
                    titles.setdefault(variant, set()).add(actor.id)
        names.pop((), None)
        titles.pop((), None)
        object.__setattr__(base, "names", {k: frozenset(v) for k, v in names.items()})
        object.__setattr__(base, "titles", {k: frozenset(v) for k, v in titles.items()})
        return base

    # -- keys -------------------------------------------------------------------------------
    def units(self, words: Sequence[str], places: bool = False) -> list[Unit]:
        """Key sequence of a run of words: folded, skipped words dropped.

        With ``places`` (titles), the forms of a state merge into one unit, so that "Russian",
        "Russia's" and "Moscow's" in a title all read "@russia". Names keep their words: the
        adjective "Russian" is not a mention of Russia.
        """
        return list(map(Unit, *self.unit_columns(words, places)))

    def unit_columns(
        self, words: Sequence[str], places: bool = False
    ) -> tuple[list[str], list[int], list[int]]:
        """``units`` as three parallel lists (keys, first words, ends): what a scan over a whole
        document reads, without a named tuple built for every word of it."""
        # runs over every word of every document: the remembered folds are read by a C-level map
        folded = list(map(self._folded.__getitem__, words))
        if not places:  # a unit per kept word (picked out and read by C-level passes)
            kept = list(compress(range(len(folded)), map(not_, map(SKIPPED.__contains__, folded))))
            return list(map(folded.__getitem__, kept)), kept, list(map((1).__add__, kept))
        keys: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        i, size = 0, len(folded)
        longest = self._longest_place
        starts_place = self._place_starts
        forms = self.place_forms
        while i < size:
            word = folded[i]
            if word in SKIPPED:
                i += 1
                continue
            hit = None
            if word in starts_place:
                for n in range(min(longest, size - i), 0, -1):
                    span = tuple(k for k in folded[i : i + n] if k not in SKIPPED)
                    if span and span in forms and folded[i + n - 1] not in SKIPPED:
                        hit = (forms[span], n)
                        break
            keys.append(hit[0] if hit else word)
            starts.append(i)
            i += hit[1] if hit else 1
            ends.append(i)
        return keys, starts, ends

    @functools.cached_property
    def _longest_place(self) -> int:
        return max(map(len, self.place_forms), default=0)

    @functools.cached_property
    def _short_name_patterns(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """``short_names`` as whole-word patterns, compiled once (``short_name`` reads every
        speaker's name with each of them)."""
        return tuple(
            (re.compile(r"(?<!\w)" + re.escape(long) + r"(?!\w)", re.IGNORECASE), short)
            for long, short in self.short_names.items()
        )

    @functools.cached_property
    def _place_starts(self) -> frozenset[str]:
        return frozenset(k[0] for k in self.place_forms)

    def key(self, words: Sequence[str], places: bool = False) -> tuple[str, ...]:
        """``unit_columns``' keys, remembered per run of words (bounded like ``fold``)."""
        return self._keys[tuple(words), places]

    def _unit_keys(self, asked: tuple[tuple[str, ...], bool]) -> tuple[str, ...]:
        return tuple(self.unit_columns(*asked)[0])

    def _title_variants(self, key: tuple[str, ...], *, seated: bool = False) -> list[tuple[str, ...]]:
        """ "Russian president" is also "president of Russia"; "Ukrainian X" also "X of Ukraine".

        A ``seated`` title (an organisation's) is also named by the capital it sits in: "the
        presidential office in Kyiv" is Ukraine's, as "the foreign ministry in Moscow" is Russia's.
        A person's is not: "the ambassador in Moscow" is another state's envoy there."""
        variants = [key]
        if len(key) > 1 and key[0].startswith("@"):
            variants.append((*key[1:], "of", key[0]))
            if seated:
                variants.append((*key[1:], "in", key[0]))
        return variants

    # -- lookups ----------------------------------------------------------------------------
    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def get(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id) if actor_id else None

    def by_alias(self, text: str) -> tuple[Actor, ...]:
        """Actors whose name, alias or (persons) surname folds to the same key as ``text``."""
        return self._aliases[text]

    def _by_alias(self, text: str) -> tuple[Actor, ...]:
        ids = self.names.get(self.key(split_words(text)), frozenset())
        return tuple(self.actors[i] for i in sorted(ids))

    def by_surname(self, text: str) -> tuple[Actor, ...]:
        """Persons known by this one word ("Kyslytsya", "Kislitsa"); several when it is shared."""
        words = split_words(text)
        if len(words) != 1:
            return ()
        return tuple(a for a in self.by_alias(text) if a.type == "person")

    def by_title(self, text: str) -> Actor | None:
        """The actor carrying this exact title, if exactly one does ("the Russian leader")."""
        ids = self.titles.get(self.key(split_words(text), places=True), frozenset())
        return self.actors[next(iter(ids))] if len(ids) == 1 else None

    def with_title(self, text: str) -> tuple[Actor, ...]:
        """Actors one of whose titles contains every word of ``text`` ("the envoy" -> all envoys)."""
        wanted = frozenset(k for k in self.key(split_words(text), places=True) if k != "of")
        if not wanted:
            return ()
        return self._titled[wanted]

    def _with_title(self, wanted: frozenset[str]) -> tuple[Actor, ...]:
        ids = {i for words, owners in self._title_words if wanted <= words for i in owners}
        return tuple(self.actors[i] for i in sorted(ids))

    @functools.cached_property
    def _title_words(self) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
        """Each title's words as a set, with the actors carrying it (``with_title`` compares
        the words asked with every title's)."""
        return tuple((frozenset(key), owners) for key, owners in self.titles.items())

    def lookup(self, text: str) -> Actor | None:
        """One actor for a name or title, or None when unknown or ambiguous."""
        found = self.by_alias(text)
        if len(found) == 1:
            return found[0]
        return None if found else self.by_title(text)

    def gender(self, actor_id: str | None) -> str | None:
        actor = self.get(actor_id)
        return actor.gender if actor else None

    def given_name_gender(self, word: str) -> str | None:
        return self.given_names.get(self.fold(word))

    def short_name(self, name: str) -> str:
        """``name`` with an office's long form put in its short form ("UAE Ministry of Foreign
        Affairs" -> "UAE Foreign Ministry"); unchanged when it holds none."""
        for pattern, short in self._short_name_patterns:
            found = pattern.search(name)
            if found:
                return (name[: found.start()] + short + name[found.end() :]).strip()
        return name

    def is_person_noun(self, lemma: str) -> bool:
        """Whether a common noun names a person ("official", "spokeswoman"), or any title's head does."""
        return lemma.lower() in self.person_nouns

    def word_gender(self, word: str) -> str | None:
        return self.gendered_words.get(self.fold(word))

    # -- sides: parties of actors, unnamed sources and groups ---------------------------------
    def state_names(self) -> dict[str, frozenset[str]]:
        """Party id -> the lower-cased one-word forms that name its state ("ukraine" -> "kyiv",
        "ukrainian", ...), from ``places`` (packaged and the user's): a state's own capital said
        by its officials ("Kyiv had turned down ...") is the speaker's side, as "we" is. The
        "other" party is no side and has none."""
        out: dict[str, set[str]] = {}
        for pid, forms in self.places.items():
            party = self.party_of(self.get(pid))
            if party is None or party == "other":
                continue
            out.setdefault(party, set()).update(f.lower() for f in forms if " " not in f)
        return {k: frozenset(v) for k, v in out.items()}

    def party_of(self, actor: Actor | None) -> str | None:
        """The actor's party, else that of the state or body it belongs to; media have none."""
        seen: set[str] = set()
        while actor is not None and actor.id not in seen and actor.type != "media":
            if actor.party:
                return actor.party
            seen.add(actor.id)
            actor = self.get(actor.affiliation)
        return None

    def adjective(self, actor_id: str) -> str | None:
        """The adjective of a place ("Russian" for russia), following affiliations to a state."""
        seen: set[str] = set()
        actor = self.get(actor_id)
        while actor is not None and actor.id not in seen:
            if self.places.get(actor.id):
                return self.places[actor.id][0]
            seen.add(actor.id)
            actor = self.get(actor.affiliation)
        return None

    def affiliation(self, text: str) -> Affiliation | None:
        """Whom a source name speaks for: an actor of the base, a joint label whose parts share
        one side ("France, Germany and the United Kingdom"), or an unnamed or collective source
        ("anonymous US official", "European leaders", "unnamed media reports"). None when unknown.

        The same rules read the system's speakers and canonical labels, so that a label the
        extractor writes ("anonymous Ukrainian official") reads back to the same party.
        """
        return self._affiliations[text]

    def _affiliation(self, text: str) -> Affiliation | None:
        actor = self.lookup(text)
        if actor is not None:
            return Affiliation(actor.name, self.party_of(actor), actor.type, actor.id)
        words = split_words(text)
        parts = _joint_parts(words)
        if len(parts) > 1:
            found = [self.affiliation(" ".join(p)) for p in parts]
            known = [f for f in found if f is not None]
            if len(known) == len(found):
                if all(f.kind == "media" for f in known):
                    return Affiliation(text, None, "media")
                parties = {f.party for f in known}
                if len(parties) == 1 and None not in parties:
                    return Affiliation(text, parties.pop(), "group")
        return self.collective(words, text)

    def issuing_verbs(self, words: Sequence[str]) -> frozenset[str]:
        """The verbs whose subject made a document of this phrase's kind ("Kyiv issued a
        statement"): only a document that is its maker's own words has them (a statement, a
        readout), not one a maker drafts for others to weigh (a plan, a draft); empty too for a
        phrase that is no document."""
        c = self.collectives
        if not c.groups or not words:
            return frozenset()
        head = _collective_head(c, [u.key for u in self.units(words, places=True)])
        return c.groups[head[2]].issued if head is not None else frozenset()

    def collective(self, words: Sequence[str], text: str | None = None) -> Affiliation | None:
        """The side of an unnamed or collective source phrase ("two senior US officials", "sources
        in Kyiv", "European leaders", "local media"), by the ``collectives`` patterns; None when
        its head is not one of theirs. ``text`` is the phrase as written (default: the words)."""
        return self._collectives[tuple(words), text]

    def _collective(self, asked: tuple[tuple[str, ...], str | None]) -> Affiliation | None:
        words, text = asked
        c = self.collectives
        if not c.groups or not words:
            return None
        units = self.units(words, places=True)
        keys = [u.key for u in units]
        if any(k in _FORMER for k in keys) and "curent" not in keys:
            return None  # "a former US official" speaks for no government ("current and former" do)
        head = _collective_head(c, keys)
        if head is None:
            return None
        start, end, g, plural = self._head_outside_names(units, words, keys, head)
        group = c.groups[g]
        if group.after and (end >= len(keys) or keys[end] not in group.after):
            return None
        if group.kind == "media" and (source := self._reported_by(units, words, keys, end)) is not None:
            return source
        scope = self._collective_scope(units, words, start, end, group)
        parties, adjectives, media = self._collective_sides(units, scope, words)
        phrase = _phrase(text if text is not None else " ".join(words))
        if group.kind == "media" or (group.kind == "document" and media):
            return Affiliation(group.label or phrase, None, "media")
        kind = "group" if group.kind == "person" and plural else group.kind
        if len(parties) == 1:
            party = parties.pop()
            name = phrase
            # a group label names many ("European leaders"); one "Dutch leader" keeps the phrase
            if group.label and len(set(adjectives)) == 1 and (plural or group.kind != "group"):
                name = group.label.format(place=adjectives[0])
            return Affiliation(name, party, kind)
        if not parties and group.unplaced:
            return Affiliation(group.unplaced, None, kind)
        if group.label and plural and len(places := list(dict.fromkeys(adjectives))) > 1:
            # "US and Ukrainian officials": one joint label of the guide's kind, whatever the
            # spelling ("U.S. and Ukrainian"), so that one group is one actor; no single side
            joined = ", ".join(places[:-1]) + " and " + places[-1]
            return Affiliation(_plural(group.label.format(place=joined)), None, kind)
        return Affiliation(phrase, None, kind)

    def _reported_by(
        self, units: Sequence[Unit], words: Sequence[str], keys: Sequence[str], end: int
    ) -> Affiliation | None:
        """The people a report comes from, when it names them: "reports from Ukrainian officials"
        are the officials' word, not the media's; "a report from Kyiv" (a place alone) and "a
        report from the BBC" (an outlet) stay media. ("by" links no place, so "a report by US
        officials" is headed by the officials already.)"""
        if end + 1 >= len(keys) or keys[end] != "from":
            return None
        found = self.collective(words[units[end + 1].start :])
        if found is None or found.kind not in ("person", "group") or found.party is None:
            return None
        return found

    def _head_outside_names(
        self,
        units: Sequence[Unit],
        words: Sequence[str],
        keys: list[str],
        head: tuple[int, int, int, bool],
    ) -> tuple[int, int, int, bool]:
        """The collective head again, when the one found is a word of an actor's longer name:
        in "Coalition of the Willing leaders" the head is "leaders", not the "coalition" of the
        name, which is the side the leaders speak for (and "of" there links no place). Without
        this the label the extractor writes for "leaders from the Coalition of the Willing"
        would not read back to the coalition's party."""
        named = self._actors_in(units, range(len(units)), words)
        inside = [run for _, run in named if len(run) > 1 and head[0] in run]
        if not inside:
            return head
        masked = list(keys)
        for run in inside:
            for j in run:
                masked[j] = ""
        # no other head: the name's word stays the head ("news organizations, including The
        # Associated Press" is media by the "press" of the outlet's name)
        return _collective_head(self.collectives, masked) or head

    def _collective_scope(
        self, units: Sequence[Unit], words: Sequence[str], start: int, end: int, group: Collective
    ) -> list[int]:
        """The units of a collective phrase that may name its side: the premodifiers, and a place
        linked after the head ("sources in Kyiv"); a possessor only when the group allows it."""
        c = self.collectives
        keys = [u.key for u in units]
        scope = list(range(start))
        # "European diplomats in Moscow" are Europe's: a side named before the head is whom the
        # group speaks for, and a place after it only where they are
        placed = any(keys[j].startswith("@") or keys[j] in c.regions for j in scope)
        for n in sorted({len(k) for k in c.near}, reverse=True):
            if not placed and tuple(keys[end : end + n]) in c.near:
                scope += range(end + n, min(len(keys), end + n + 5))
                break
        if not group.possessor:  # "Ukraine's allies" are not Ukraine
            scope = [
                j
                for j in scope
                if not (j < start and units[j].end < len(words) and self.fold(words[units[j].end]) == "s")
            ]
        return scope

    def _collective_sides(
        self, units: Sequence[Unit], scope: Sequence[int], words: Sequence[str]
    ) -> tuple[set[str], list[str], bool]:
        """The parties the scope names, the place adjectives that named them, and whether a media
        outlet is among the actors named there."""
        c = self.collectives
        parties: set[str] = set()
        adjectives: list[str] = []
        # an actor whose name holds a place form is that actor, not the place ("European
        # Commission" is the EU's, "US State Department" the US's)
        named = self._actors_in(units, scope, words)
        media = any(actor.type == "media" for actor, _ in named)
        covered: set[int] = set()
        for actor, run in named:
            if any(units[j].key.startswith("@") for j in run) and (party := self.party_of(actor)):
                parties.add(party)
                adjectives.append(self.adjective(actor.id) or actor.name)
                covered.update(run)
        keys = [u.key for u in units]
        for j in scope:
            u = units[j]
            if j in covered or _located(c, keys, j):
                continue
            if u.key.startswith("@"):
                party = self.party_of(self.get(u.key[1:]))
                if party:
                    parties.add(party)
                    adjectives.append(self.places[u.key[1:]][0])
            elif u.key in c.regions:
                party, word = c.regions[u.key]
                parties.add(party)
                adjectives.append(word)
        if not parties:  # no place: an actor named beside the head ("Kremlin officials", "NATO allies")
            for actor, _ in named:
                if actor.type != "media" and (party := self.party_of(actor)):
                    parties.add(party)
                    adjectives.append(self.adjective(actor.id) or actor.name)
        return parties, adjectives, media

    def role_party(self, words: Sequence[str]) -> str | None:
        """The party a role gives its holder: "Slovak prime minister" -> europe; an analyst's or a
        journalist's role gives none (their nationality is no side), nor a former office."""
        return self.role_party_keys(self.key(words, places=True))

    def role_party_keys(self, keys: Sequence[str]) -> str | None:
        """``role_party`` of a role already keyed (places merged), as descriptions hold it."""
        c = self.collectives
        if any(k in _FORMER for k in keys):
            return None
        spans = (tuple(keys[i : i + n]) for i in range(len(keys)) for n in range(1, c.longest_office + 1))
        if not any(k in c.offices for k in spans):
            return None
        parties = {
            p
            for j, k in enumerate(keys)
            if k.startswith("@") and not _located(c, keys, j) and (p := self.party_of(self.get(k[1:])))
        }
        return parties.pop() if len(parties) == 1 else None

    def _actors_in(
        self, units: Sequence[Unit], scope: Sequence[int], words: Sequence[str]
    ) -> list[tuple[Actor, list[int]]]:
        """Actors named by runs of words in the scope units ("Kremlin", "White House", "NATO"),
        each with the units its name covers."""
        if not scope:
            return []
        out: list[tuple[Actor, list[int]]] = []
        runs: list[list[int]] = []
        for j in scope:
            if runs and runs[-1][-1] == j - 1:
                runs[-1].append(j)
            else:
                runs.append([j])
        for run in runs:
            first = units[run[0]].start
            run_words = list(words[first : units[run[-1]].end])
            a = 0
            while a < len(run_words):
                for b in range(len(run_words), a, -1):
                    ids = self.names.get(self.key(run_words[a:b]), frozenset())
                    if len(ids) == 1:
                        hit = [j for j in run if first + a <= units[j].start < first + b]
                        out.append((self.actors[next(iter(ids))], hit))
                        a = b
                        break
                else:
                    a += 1
        return out


_FORMER = frozenset({"former", "ex", "late", "then", "previous"})
_JOINERS = frozenset({"and", ",", "&"})
_LEADING = frozenset({"the", "a", "an"})
# words after which a source phrase no longer names the source ("sources | cited by TASS")
_STOPS = ("familiar", "cited", "quoted", "speaking", "according", "who", "which", "that", "briefed", "said")


def _joint_parts(words: Sequence[str]) -> list[list[str]]:
    """ "France, Germany and the United Kingdom" -> its three parts."""
    parts: list[list[str]] = [[]]
    for w in words:
        if w.lower() in _JOINERS:
            if parts[-1]:
                parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


def _collective_head(c: Collectives, keys: Sequence[str]) -> tuple[int, int, int, bool] | None:
    """The head of a collective phrase as (start, end) in units, group index and plural: the last
    head word before a post-modifier ("sources | familiar with ..."); None when there is none."""
    head: tuple[int, int, int, bool] | None = None
    i = 0
    while i < len(keys):
        if head is not None and (keys[i] in c.stops or _starts(keys, i, c.near)):
            break
        hit = None
        for n in range(min(c.longest, len(keys) - i), 0, -1):
            found = c.heads.get(tuple(keys[i : i + n]))
            if found is not None:
                hit = (i, i + n, found[0], found[1])
                break
        if hit is not None:
            head = hit
            i = hit[1]
        else:
            i += 1
    return head


def _located(c: Collectives, keys: Sequence[str], j: int) -> bool:
    """Whether the place at ``j`` names where someone is, not whom they speak for: a place
    beside a boundary word ("mayors along the Russian border", "villages near the border with
    Belarus") locates the people; it does not make them Russia's or Belarus's."""
    if not keys[j].startswith("@"):
        return False
    if j + 1 < len(keys) and keys[j + 1] in c.boundaries:
        return True
    return j >= 2 and keys[j - 2] in c.boundaries and keys[j - 1] in _WITH


_WITH = frozenset({fold_token("with")})


def _starts(keys: Sequence[str], i: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(tuple(keys[i : i + len(p)]) == p for p in phrases)


def _plural(label: str) -> str:
    """A label read for a group: its last word in the plural ("anonymous ... official" ->
    "... officials"; "European leaders" stays)."""
    return label if label.endswith("s") else label + "s"


def _phrase(text: str) -> str:
    """A phrase as a speaker name: without a leading article."""
    words = text.strip().split()
    while len(words) > 1 and words[0].lower() in _LEADING:
        words = words[1:]
    return " ".join(words)


def _plurals(word: str) -> set[str]:
    w = word.lower()
    out = {w}
    if w.endswith(("s", "x", "ch", "sh")):
        out.add(w + "es")
    elif w.endswith("y") and w[-2:-1] not in set("aeiou"):
        out.add(w[:-1] + "ies")
    elif w.endswith("person"):
        out.add(w[: -len("person")] + "people")
    elif w.endswith("man"):
        out.add(w[:-3] + "men")
    else:
        out.add(w + "s")
    return out


def _head_keys(phrase: str) -> list[tuple[tuple[str, ...], bool]]:
    """Folded keys of a head phrase, singular and plural (plural on the last word, and on the
    first of "head of state": "heads of state")."""
    words = split_words(phrase)
    if not words:
        return []
    out: list[tuple[tuple[str, ...], bool]] = []
    for plural in sorted(_plurals(words[-1])):
        keys = tuple(fold_token(w) for w in [*words[:-1], plural])
        out.append((keys, plural != words[-1].lower() and plural not in {"media", "people"}))
    if len(words) > 2 and words[1].lower() == "of":
        for plural in sorted(_plurals(words[0]) - {words[0].lower()}):
            out.append((tuple(fold_token(w) for w in [plural, *words[1:]]), True))
    return [(tuple(k for k in keys if k not in SKIPPED), p) for keys, p in out]


def _collectives(data: Mapping[str, Any]) -> Collectives:
    """Index the ``collectives`` section of the actor files (validated in ``load_actors``)."""
    groups: list[Collective] = []
    heads: dict[tuple[str, ...], tuple[int, bool]] = {}
    for entry in data.get("groups") or []:
        keys = [k for h in entry.get("heads") or [] for k in _head_keys(str(h))]
        group = Collective(
            heads=tuple(k for k, _ in keys),
            kind=str(entry.get("kind") or "group"),
            label=entry.get("label"),
            unplaced=entry.get("unplaced"),
            after=frozenset(fold_token(w) for w in entry.get("after") or []),
            possessor=bool(entry.get("possessor", True)),
            issued=frozenset(str(v).lower() for v in entry.get("issued") or []),
        )
        for key, plural in keys:
            if key:
                heads.setdefault(key, (len(groups), plural))
        groups.append(group)
    regions = {fold_token(str(w)): (str(p), str(w)) for w, p in (data.get("regions") or {}).items()}
    stops = {fold_token(w) for g in groups for w in g.after} | {fold_token(w) for w in _STOPS}
    return Collectives(
        stops=frozenset(stops),
        groups=tuple(groups),
        regions=regions,
        near=frozenset(tuple(fold_token(w) for w in split_words(str(p))) for p in data.get("near") or []),
        offices=frozenset(k for o in data.get("offices") or [] for k, _ in _head_keys(str(o)) if k),
        boundaries=frozenset(fold_token(str(w)) for w in data.get("boundaries") or []),
        bodies=frozenset(
            str(w).lower() for w in [*(data.get("bodies") or []), *(data.get("any_body") or [])]
        ),
        any_body=frozenset(str(w).lower() for w in data.get("any_body") or []),
        heads={k: (g, p) for k, (g, p) in heads.items()},
    )


def _gender_map(groups: Mapping[str, Sequence[str]] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for gender, words in (groups or {}).items():
        for w in words:
            out[fold_token(w)] = gender
    return out


# -- loading -----------------------------------------------------------------------------------
# the packaged actors a user's actor file keeps: knowledge of the world, not of the 2025 talks
# (states, which places and user files name, and news outlets); the talks' people and bodies go
GENERIC_ACTOR_TYPES = frozenset({"state", "media"})
KEEP_PACKAGED = "keep_packaged_actors"  # a user file's key: true keeps every packaged actor


def load_actors(extra: Sequence[Path] = ()) -> ActorBase:
    """The packaged actors with each user file layered on top (same id: the later entry wins).

    A user's file is another negotiation: it replaces the packaged negotiation's people and
    bodies (Putin, the Kremlin, NATO), so that a quote of one of them in the user's coverage is
    nobody the user declared and ``actors --all`` lists the user's actors, not the 2025 talks'.
    What stays is knowledge of the world (``GENERIC_ACTOR_TYPES``: states, news outlets), the
    packaged actors the places, labels and the user's affiliations name, and every generic role
    (collectives, names). A user file with ``keep_packaged_actors: true`` keeps them all."""
    files = [packaged("actors.yaml"), *extra]
    actors: list[Actor] = []
    origin: dict[str, str] = {}
    places: dict[str, list[str]] = {}
    collectives: dict[str, Any] = {}
    labels: dict[str, str] = {}
    documents = [(path, _read_yaml(path)) for path in files]
    parties: dict[str, str] = {}
    for path, data in documents:  # every file's parties first: an actor may use a later file's
        parties.update(_parties(data.get("parties"), path))
    kept = _kept_packaged(documents)
    for k, (path, data) in enumerate(documents):
        seen: set[str] = set()
        for i, entry in enumerate(data.get("actors") or []):
            if k == 0 and kept is not None and isinstance(entry, dict) and entry.get("id") not in kept:
                continue
            actor = _actor(entry, path, i, parties)
            if actor.id in seen:
                raise ConfigError(
                    f"actor #{i + 1}: id {actor.id!r} appears twice in this file",
                    where=str(path),
                    hint="merge the entries; to replace a packaged actor, reuse its id in your own file once",
                )
            seen.add(actor.id)
            actors.append(actor)
            origin[actor.id] = f"{path}: actor {actor.id!r}"
        for pid, forms in (data.get("places") or {}).items():
            if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
                raise ConfigError(f"place {pid!r} must map to a list of strings", where=str(path))
            if k == 0 and kept is not None and pid not in kept:
                continue
            places[str(pid)] = forms
        section = data.get("collectives") or {}
        if not isinstance(section, dict) or not all(
            isinstance(g, dict) and isinstance(g.get("heads"), list) for g in section.get("groups") or []
        ):
            raise ConfigError(
                "'collectives' must be a mapping whose 'groups' each give a list of 'heads'", where=str(path)
            )
        collectives.update(section)  # a user file's section replaces the packaged one's part
        section = data.get("speaker_labels") or {}
        if not isinstance(section, dict) or not all(isinstance(v, str) and v for v in section.values()):
            raise ConfigError("'speaker_labels' must map actor ids to labels", where=str(path))
        labels.update({str(k): v for k, v in section.items()})
    names = _read_yaml(packaged("names.yaml"))
    base = ActorBase.build(
        actors,
        places,
        names.get("given_names"),
        names.get("gendered_words"),
        names.get("person_nouns") or (),
        collectives,
        names.get("non_speakers") or (),
        labels,
        names.get("short_names"),
        _back_references(names.get("back_references"), packaged("names.yaml")),
        names.get("speaks_for") or (),
    )
    for actor in base:
        if actor.affiliation and actor.affiliation not in base:
            raise ConfigError(
                f"affiliation {actor.affiliation!r} is not the id of any actor",
                where=origin[actor.id],
                hint="add that actor or correct the id",
            )
    for pid in [*places, *labels]:
        if pid not in base:
            raise ConfigError(
                f"{pid!r} (under places or speaker_labels) is not the id of any actor",
                hint="places and speaker labels are keyed by actor id",
            )
    return base


@functools.cache
def packaged_parties() -> dict[str, str]:
    """The packaged parties, id -> the name a reader is shown ("united_states" -> "United States")."""
    return _parties(_read_yaml(packaged("actors.yaml")).get("parties"), packaged("actors.yaml"))


def declared_parties(files: Sequence[Path] = ()) -> dict[str, str]:
    """The packaged parties with those ``files`` (a user's actor files, the settings' ``actors``)
    declare layered on top, id -> the name a reader is shown: another negotiation's sides
    ("mediator: Riverine Council") are named as their file says, not by their id with capitals.

    The files are an argument, not a setting of this module: two apps with different actor
    files in one process each name the parties their own way."""
    return dict(_declared(tuple(files)))


@functools.cache
def _declared(files: tuple[Path, ...]) -> dict[str, str]:
    out = dict(packaged_parties())
    for path in files:  # only the parties sections: a reader needs no actor base
        out.update(_parties(_read_yaml(path).get("parties"), path))
    return out


def _parties(section: Any, path: Path) -> dict[str, str]:
    if section is None:
        return {}
    if not isinstance(section, dict) or not all(
        isinstance(k, str) and _PARTY_ID.match(k) and isinstance(v, str) and v.strip()
        for k, v in section.items()
    ):
        raise ConfigError(
            "'parties' must map party ids to the names a reader is shown",
            where=str(path),
            hint="ids are lower_snake_case, e.g. 'parties: {united_states: United States, hamas: Hamas}'",
        )
    return {k: v.strip() for k, v in section.items()}


def _lowered(words: Sequence[str] | None) -> frozenset[str]:
    return frozenset(w.lower() for w in words or ())


_BACK_REFERENCES = ("media", "group", "generic_group")


def _back_references(section: Any, path: Path) -> dict[str, list[str]]:
    if section is None:
        return {}
    if (
        not isinstance(section, dict)
        or set(section) - set(_BACK_REFERENCES)
        or not all(isinstance(v, list) and all(isinstance(w, str) for w in v) for v in section.values())
    ):
        raise ConfigError(
            "'back_references' must map media, group and generic_group to lists of nouns",
            where=str(path),
        )
    return section


def _kept_packaged(documents: Sequence[tuple[Path, dict[str, Any]]]) -> set[str] | None:
    """The ids of the packaged actors kept under the user's files (None: all of them, as
    without a user file): the generic ones, those the packaged places and labels key, and
    those a user's actor names as its affiliation, with the affiliations they name in turn."""
    if len(documents) == 1 or any(data.get(KEEP_PACKAGED) is True for _, data in documents[1:]):
        return None
    base = documents[0][1]
    entries = {e.get("id"): e for e in base.get("actors") or [] if isinstance(e, dict)}
    kept = {i for i, e in entries.items() if e.get("type") in GENERIC_ACTOR_TYPES}
    kept |= set(base.get("places") or {}) | set(base.get("speaker_labels") or {})
    todo = [
        e.get("affiliation")
        for _, data in documents[1:]
        for e in data.get("actors") or []
        if isinstance(e, dict)
    ]
    todo += [entries[i].get("affiliation") for i in list(kept) if i in entries]
    while todo:
        aid = todo.pop()
        if isinstance(aid, str) and aid in entries and aid not in kept:
            kept.add(aid)
            todo.append(entries[aid].get("affiliation"))
    return {i for i in kept if isinstance(i, str)}


def _read_yaml(path: Path) -> dict[str, Any]:
    data = read_yaml(
        Path(path), "actor file", missing_hint="check the path given in --actors or REDLINE_ACTORS"
    )
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping with an 'actors' list", where=str(path))
    unknown = set(data) - {
        "actors",
        "places",
        "collectives",
        "given_names",
        "gendered_words",
        "person_nouns",
        "non_speakers",
        "speaker_labels",
        "parties",
        "short_names",
        "back_references",
        "speaks_for",
        KEEP_PACKAGED,
    }
    if unknown:
        raise ConfigError(
            f"unknown top-level key(s): {', '.join(sorted(map(str, unknown)))}",
            where=str(path),
            hint="expected 'actors' and optionally 'places'",
        )
    if "actors" in data and not isinstance(data["actors"], list | None):
        raise ConfigError("'actors' must be a list of entries", where=str(path))
    return data


def _actor(entry: object, path: Path, index: int, parties: Mapping[str, str]) -> Actor:
    where = f"{path}: actor #{index + 1}"
    if not isinstance(entry, dict):
        raise ConfigError("each actor must be a mapping with at least 'id' and 'name'", where=where)
    if isinstance(entry.get("id"), str):
        where += f" ({entry['id']!r})"

    def fail(message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(message, where=where, hint=hint)

    unknown = set(entry) - _FIELDS
    if unknown:
        raise fail(
            f"unknown field(s): {', '.join(sorted(map(str, unknown)))}",
            hint=f"known fields: {', '.join(sorted(_FIELDS))}",
        )
    for key in ("id", "name"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise fail(f"'{key}' is required and must be a non-empty string")
    if not _SLUG.match(entry["id"]):
        raise fail("'id' must be a lowercase slug such as 'vladimir-putin'")
    for key in ("aliases", "titles"):
        value = entry.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(f"'{key}' must be a list of non-empty strings")
    checks: list[tuple[str, tuple[str, ...] | re.Pattern[str], str]] = [
        ("type", TYPES, "one of " + ", ".join(TYPES)),
        ("party", tuple(parties), "one of the parties declared under 'parties': " + ", ".join(parties)),
        ("gender", ("m", "f"), "'m' or 'f'"),
        ("country", _ISO3, "an ISO 3166-1 alpha-3 code such as 'UKR'"),
        ("wikidata", _QID, "a Wikidata id such as 'Q7747', or null when unsure"),
        ("affiliation", _SLUG, "the id of another actor"),
    ]
    for key, allowed, what in checks:
        value = entry.get(key)
        if value is None:
            continue
        ok = isinstance(value, str) and (
            value in allowed if isinstance(allowed, tuple) else bool(allowed.match(value))
        )
        if not ok:
            raise fail(f"'{key}' is {value!r}; it must be {what}")
    if entry.get("gender") and entry.get("type", "person") != "person":
        raise fail("'gender' applies to persons only")
    return Actor(
        id=entry["id"],
        name=entry["name"].strip(),
        type=entry.get("type") or "person",
        aliases=[a.strip() for a in entry.get("aliases") or []],
        titles=[t.strip() for t in entry.get("titles") or []],
        affiliation=entry.get("affiliation"),
        party=entry.get("party"),
        country=entry.get("country"),
        wikidata=entry.get("wikidata"),
        gender=entry.get("gender"),
    )


def negotiating_names(files: Sequence[Path] = ()) -> frozenset[str]:
    """The words by which ``files`` (a user's actor files) name the negotiation's sides and
    people, lower-cased: their parties' names, place forms, and the names and aliases of their
    states and persons. A draft names the parties in its opening point ("between Kestria,
    Dovland and the Sundar Customs Union") and in many others; like the packaged talks' names
    in ``link_terms.yaml``, they say who speaks, not which point a statement is about."""
    return _negotiating(tuple(files))


@functools.cache
def _negotiating(files: tuple[Path, ...]) -> frozenset[str]:
    texts: list[str] = []
    for path in files:
        data = _read_yaml(path)
        texts += _parties(data.get("parties"), path).values()
        for forms in (data.get("places") or {}).values():
            texts += [f for f in forms if isinstance(f, str)] if isinstance(forms, list) else []
        for entry in data.get("actors") or []:
            if isinstance(entry, dict) and entry.get("type") in ("person", "state"):
                texts += [str(entry.get("name") or "")]
                texts += [a for a in entry.get("aliases") or () if isinstance(a, str)]
    return frozenset(w.lower() for text in texts for w in split_words(text))
