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
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml
from redline.model import Actor

__all__ = [
    "PARTIES",
    "SKIPPED",
    "TYPES",
    "ActorBase",
    "Unit",
    "fold",
    "fold_token",
    "load_actors",
    "split_words",
]

TYPES = ("person", "organization", "state", "group")
PARTIES = ("russia", "ukraine", "united_states", "europe", "eu", "nato", "un", "china", "turkey", "other")
_FIELDS = {f for f in Actor.__dataclass_fields__}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?|[^\w\s'’]", re.UNICODE)
_NON_ALNUM = re.compile(r"[^a-z0-9]")
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
    s = _NON_ALNUM.sub("", s)
    if not s or s.isdigit():
        return s
    s = s.replace("w", "v").replace("kh", "h").replace("j", "y")
    s = s.replace("y", "i")
    if s.startswith("ie"):
        s = s[1:]
    s = _I_VOWEL.sub(r"\1", s)
    s = _SOFT_H.sub("g", s)
    s = _DOUBLE.sub(r"\1", s)
    return s


def split_words(text: str) -> list[str]:
    """Words of a knowledge-base string, split the way spaCy splits running text."""
    text = re.sub(r"['’]s\b", " 's", text)
    return [w for w in _WORD.findall(text) if w]


def fold(text: str) -> str:
    """Key of a name or phrase: its folded words joined by spaces, possessives and "the" dropped."""
    return " ".join(k for k in (fold_token(w) for w in split_words(text)) if k not in SKIPPED)


@dataclass(frozen=True, slots=True)
class Unit:
    """One step of a key sequence: a folded word or a place ("@russia"), and the words it covers."""

    key: str
    start: int
    end: int


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
    names: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    titles: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    place_forms: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    _folded: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def fold(self, word: str) -> str:
        """``fold_token`` remembered per word: news repeats the same few thousand words."""
        key = self._folded.get(word)
        if key is None:
            if len(self._folded) > 500_000:  # bound the memory of a long run
                self._folded.clear()
            key = self._folded[word] = fold_token(word)
        return key

    @classmethod
    def build(
        cls,
        actors: Sequence[Actor],
        places: Mapping[str, Sequence[str]] | None = None,
        given_names: Mapping[str, Sequence[str]] | None = None,
        gendered_words: Mapping[str, Sequence[str]] | None = None,
        person_nouns: Sequence[str] = (),
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
            place_forms=place_forms,
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
                for variant in base._title_variants(base.key(split_words(title), places=True)):
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
        folded = [self.fold(w) for w in words]
        out: list[Unit] = []
        i = 0
        longest = self._longest_place if places else 0
        starts = self._place_starts
        while i < len(folded):
            if folded[i] in SKIPPED:
                i += 1
                continue
            hit = None
            for n in range(min(longest, len(folded) - i) if folded[i] in starts else 0, 0, -1):
                span = tuple(k for k in folded[i : i + n] if k not in SKIPPED)
                if span and span in self.place_forms and folded[i + n - 1] not in SKIPPED:
                    hit = (self.place_forms[span], n)
                    break
            if hit:
                out.append(Unit(hit[0], i, i + hit[1]))
                i += hit[1]
            else:
                out.append(Unit(folded[i], i, i + 1))
                i += 1
        return out

    @functools.cached_property
    def _longest_place(self) -> int:
        return max(map(len, self.place_forms), default=0)

    @functools.cached_property
    def _place_starts(self) -> frozenset[str]:
        return frozenset(k[0] for k in self.place_forms)

    def key(self, words: Sequence[str], places: bool = False) -> tuple[str, ...]:
        return tuple(u.key for u in self.units(words, places))

    def _title_variants(self, key: tuple[str, ...]) -> list[tuple[str, ...]]:
        """ "Russian president" is also "president of Russia"; "Ukrainian X" also "X of Ukraine"."""
        variants = [key]
        if len(key) > 1 and key[0].startswith("@"):
            variants.append((*key[1:], "of", key[0]))
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
        wanted = {k for k in self.key(split_words(text), places=True) if k != "of"}
        if not wanted:
            return ()
        ids = {i for key, owners in self.titles.items() if wanted <= set(key) for i in owners}
        return tuple(self.actors[i] for i in sorted(ids))

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

    def is_person_noun(self, lemma: str) -> bool:
        """Whether a common noun names a person ("official", "spokeswoman"), or any title's head does."""
        return lemma.lower() in self.person_nouns

    def word_gender(self, word: str) -> str | None:
        return self.gendered_words.get(self.fold(word))


def _gender_map(groups: Mapping[str, Sequence[str]] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for gender, words in (groups or {}).items():
        for w in words:
            out[fold_token(w)] = gender
    return out


# -- loading -----------------------------------------------------------------------------------
def load_actors(extra: Sequence[Path] = ()) -> ActorBase:
    """The packaged actors with each user file layered on top (same id: the later entry wins)."""
    files = [packaged("actors.yaml"), *extra]
    actors: list[Actor] = []
    origin: dict[str, str] = {}
    places: dict[str, list[str]] = {}
    for path in files:
        data = _read_yaml(path)
        seen: set[str] = set()
        for i, entry in enumerate(data.get("actors") or []):
            actor = _actor(entry, path, i)
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
            places[str(pid)] = forms
    names = _read_yaml(packaged("names.yaml"))
    base = ActorBase.build(
        actors, places, names.get("given_names"), names.get("gendered_words"), names.get("person_nouns") or ()
    )
    for actor in base:
        if actor.affiliation and actor.affiliation not in base:
            raise ConfigError(
                f"affiliation {actor.affiliation!r} is not the id of any actor",
                where=origin[actor.id],
                hint="add that actor or correct the id",
            )
    for pid in places:
        if pid not in base:
            raise ConfigError(
                f"place {pid!r} is not the id of any actor", hint="places are keyed by actor id"
            )
    return base


def _read_yaml(path: Path) -> dict[str, Any]:
    data = read_yaml(
        Path(path), "actor file", missing_hint="check the path given in --actors or REDLINE_ACTORS"
    )
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping with an 'actors' list", where=str(path))
    unknown = set(data) - {"actors", "places", "given_names", "gendered_words", "person_nouns"}
    if unknown:
        raise ConfigError(
            f"unknown top-level key(s): {', '.join(sorted(map(str, unknown)))}",
            where=str(path),
            hint="expected 'actors' and optionally 'places'",
        )
    if "actors" in data and not isinstance(data["actors"], list | None):
        raise ConfigError("'actors' must be a list of entries", where=str(path))
    return data


def _actor(entry: object, path: Path, index: int) -> Actor:
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
        ("party", PARTIES, "one of " + ", ".join(PARTIES)),
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
