"""Loader of the explicit-reversal cues (shift_cues.yaml) that let one statement make a shift."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml
from redline.knowledge.actors import load_actors, split_words


def _phrases(path: Path | None, section: str, required: bool) -> tuple[str, ...]:
    path = path or packaged("shift_cues.yaml")
    data = read_yaml(path, "shift cues")
    found = data.get(section) if isinstance(data, dict) else None
    if found is None and not required:
        return ()
    if not isinstance(found, list) or not all(isinstance(c, str) and c.strip() for c in found):
        raise ConfigError(f"expected a mapping with a {section!r} list of phrases", where=str(path))
    return tuple(" ".join(c.lower().split()) for c in found)


def load_reversal_cues(path: Path | None = None) -> tuple[str, ...]:
    """The reversal phrases at ``path`` (the packaged list by default), lower-cased."""
    return _phrases(path, "reversal", required=True)


def load_not_names(path: Path | None = None) -> frozenset[str]:
    """Capitalised words that name nobody before a cue (pronouns, determiners), lower-cased:
    a reversal is the speaker's own unless its clause names someone else."""
    return frozenset(_phrases(path, "not_names", required=False))


def load_party_names(actor_files: Sequence[Path] = ()) -> dict[str, tuple[str, ...]]:
    """The names each party's state goes by ("Moscow", "Kyiv", "Washington": the ``places``
    of ``actors.yaml`` and of the user's ``actor_files`` layered on it), keyed by party row: a
    cue whose subject is one of them is the party's own reversal."""
    return _party_names(load_actors(actor_files).places)


def _party_names(places: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for place, forms in places.items():
        out[place] = out[place.replace("-", "_")] = tuple(forms)
    return out


@dataclass(frozen=True, slots=True, eq=False)  # one per set of files: hashed by identity
class ShiftKnowledge:
    """What tells a statement that says its speaker's position changed, and a speaker who is no
    one voice, read from one set of actor files: the same files extraction read
    (``REDLINE_ACTORS``), so that another negotiation's places ("Marshbury") and collectives
    count as its extraction saw them. One object, passed down (the store holds one from
    ``Store.open``), not a setting of any module: two stores with different files in one process
    each test by their own."""

    cues: tuple[str, ...]
    not_names: frozenset[str]
    party_names: Mapping[str, tuple[str, ...]]
    collective: Callable[[str], bool]
    actor_files: tuple[Path, ...] = ()


def shift_knowledge(actor_files: Sequence[Path] = ()) -> ShiftKnowledge:
    """The reversal cues and the names of ``actors.yaml`` with ``actor_files`` layered on it
    (read once per set of files: the writer tests every statement)."""
    return _shift_knowledge(tuple(Path(p) for p in actor_files))


@cache
def _shift_knowledge(files: tuple[Path, ...]) -> ShiftKnowledge:
    kb = load_actors(files)
    heads = kb.collectives.heads

    # kept per name: a page of positions by actor asks it of some 3,400 quotes' speakers, a few
    # hundred names, on every call after a write (the answer depends on the name alone)
    @lru_cache(maxsize=50_000)
    def collective(name: str) -> bool:
        words = tuple(kb.fold(w) for w in split_words(name))
        return any(words[i:] in heads for i in range(len(words)))

    return ShiftKnowledge(load_reversal_cues(), load_not_names(), _party_names(kb.places), collective, files)
