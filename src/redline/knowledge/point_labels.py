"""Load and validate the words that label a draft's points (``point_labels.yaml``).

Drafts label points in the language they are written in ("Point 3", "Пункт 3", "Artikel 3"),
or with a letter on the number ("P3"); the plan reader takes the list from this file so that a
user can add a language's word without touching the parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from redline.errors import ConfigError
from redline.knowledge import packaged, read_yaml


@dataclass(frozen=True, slots=True)
class PointLabels:
    """Label words (lower case, every language together) and letters written onto a number."""

    words: tuple[str, ...]
    prefixes: tuple[str, ...]
    sections: tuple[str, ...] = ()
    annexes: frozenset[str] = frozenset()
    counters: tuple[str, ...] = ()  # "page", "slide": a counter line's word ("Slide 4 of 20")
    bullets: tuple[str, ...] = ()  # "•", "→": characters opening a point that has no number
    cardinals: tuple[str, ...] = ()  # "one", "two", ...: numbers in words, in order from one
    ordinals: tuple[str, ...] = ()  # "first", "second", ...
    alphabets: dict[str, str] = field(default_factory=dict)  # script -> its letters in order
    ordinal_suffixes: tuple[str, ...] = ()  # "st", "nd", "º": an ordinal's ending on its digits
    notes: tuple[str, ...] = ()  # "speaker notes": the label of a note line that is no text
    app_marks: tuple[str, ...] = ()  # "<This message was edited>": a chat app's words in a message
    struck: tuple[str, ...] = ()  # "repealed", "omitted": a point's whole text when it is no longer in force
    struck_by: tuple[str, ...] = ()  # "by", "with effect from": what may follow it ("Repealed by ...")
    inserted: tuple[str, ...] = ()  # "bis", "ter": a number's ending for a point put in after it ("4bis")
    alternatives: tuple[str, ...] = ()  # "alt", "option": label words of a point's alternative wordings
    closing: tuple[str, ...] = ()  # "para.": label words of a number given at a paragraph's end

    def cardinal(self, word: str) -> int | None:
        """The number a cardinal word says ("Two" is 2), None when it says none: the one reading
        of a number in words, for a point's label ("Point two") and a list's marker alike."""
        low = word.lower()
        return self.cardinals.index(low) + 1 if low in self.cardinals else None

    def ordinal(self, word: str) -> int | None:
        """The place an ordinal word says ("Second" is 2), None when it says none."""
        low = word.lower()
        return self.ordinals.index(low) + 1 if low in self.ordinals else None

    def latin_letter(self, letter: str) -> str:
        """The Latin letter at the same place of its alphabet ("б" is b, as Russian and Ukrainian
        drafts letter sub-points), so that a sub-point keeps its place across a translation. A
        letter placed past z ("ю", "я": the Cyrillic alphabet is longer) has no Latin twin and
        stays itself; so does a Latin letter or one of no listed alphabet."""
        low = letter.lower()
        for script, letters in self.alphabets.items():
            if script != "latin" and len(low) == 1 and low in letters:
                place = letters.index(low)
                return chr(ord("a") + place) if place < 26 else letter
        return letter


@cache
def point_labels(path: Path | None = None) -> PointLabels:
    """The point labels (default: the packaged file), read once per process."""
    path = path or packaged("point_labels.yaml")
    return parse_point_labels(read_yaml(path, "point labels"), str(path))


def parse_point_labels(raw: Any, where: str = "<point labels>") -> PointLabels:
    """Validate an already-parsed mapping of ``words`` and ``sections`` (by language),
    ``prefixes``, ``annexes``, ``counters``, ``bullets`` and the number words (``cardinals``,
    ``ordinals``, in order from one), ``alphabets``, ``ordinal_suffixes``, ``notes``, ``app_marks``,
    ``struck``, ``struck_by``, ``inserted``, ``alternatives`` and ``closing``."""
    keys = {
        *("words", "prefixes", "sections", "annexes", "counters", "bullets", "cardinals", "ordinals"),
        "alphabets",
        "ordinal_suffixes",
        "notes",
        "app_marks",
        "struck",
        "struck_by",
        "inserted",
        "alternatives",
        "closing",
    }
    if not isinstance(raw, dict) or set(raw) - keys:
        raise ConfigError(f"the point labels must be a mapping with keys {sorted(keys)}", where=where)
    words = _by_language(raw.get("words"), "words", where)
    sections = _by_language(raw.get("sections"), "sections", where)
    prefixes = raw.get("prefixes") or []
    if not isinstance(prefixes, list) or not all(isinstance(p, str) and p.isalpha() for p in prefixes):
        raise ConfigError("'prefixes' must be a list of letters", where=where)
    annexes = raw.get("annexes") or []
    if not isinstance(annexes, list) or not all(
        isinstance(a, str) and a.lower() in sections for a in annexes
    ):
        raise ConfigError("'annexes' must list words that 'sections' lists", where=where)
    counters = raw.get("counters") or []
    if not isinstance(counters, list) or not all(isinstance(c, str) and c.strip() for c in counters):
        raise ConfigError("'counters' must be a list of words", where=where)
    bullets = raw.get("bullets") or []
    if not isinstance(bullets, list) or not all(isinstance(b, str) and len(b) == 1 for b in bullets):
        raise ConfigError("'bullets' must be a list of single characters", where=where)
    numbers = {}
    for key in ("cardinals", "ordinals"):
        found = raw.get(key) or []
        if not isinstance(found, list) or not all(isinstance(w, str) and w.strip() for w in found):
            raise ConfigError(f"'{key}' must be a list of words in order from one", where=where)
        numbers[key] = tuple(w.strip().lower() for w in found)
    alphabets = raw.get("alphabets") or {}
    if not isinstance(alphabets, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in alphabets.items()
    ):
        raise ConfigError("'alphabets' must map each script to its letters in order", where=where)
    suffixes = raw.get("ordinal_suffixes") or []
    if not isinstance(suffixes, list) or not all(isinstance(x, str) and x.strip() for x in suffixes):
        raise ConfigError("'ordinal_suffixes' must be a list of endings", where=where)
    phrases = {}
    for key in ("notes", "app_marks", "struck", "struck_by", "inserted", "alternatives", "closing"):
        found = raw.get(key) or []
        if not isinstance(found, list) or not all(isinstance(w, str) and w.strip() for w in found):
            raise ConfigError(f"'{key}' must be a list of phrases", where=where)
        phrases[key] = tuple(w.strip() for w in found)
    return PointLabels(
        words,
        tuple(p.lower() for p in prefixes),
        sections,
        frozenset(a.lower() for a in annexes),
        tuple(sorted({c.strip().lower() for c in counters}, key=len, reverse=True)),
        tuple(bullets),
        numbers["cardinals"],
        numbers["ordinals"],
        {k: v.strip().lower() for k, v in alphabets.items()},
        tuple(sorted({x.strip().lower() for x in suffixes}, key=len, reverse=True)),
        tuple(w.lower() for w in phrases["notes"]),
        phrases["app_marks"],
        tuple(w.lower() for w in phrases["struck"]),
        tuple(w.lower() for w in phrases["struck_by"]),
        tuple(sorted((w.lower() for w in phrases["inserted"]), key=len, reverse=True)),
        tuple(w.lower() for w in phrases["alternatives"]),
        tuple(w.lower() for w in phrases["closing"]),
    )


def _by_language(value: Any, key: str, where: str) -> tuple[str, ...]:
    """The words of every language together, lower case, longest first (so that "article" is
    tried before "art.")."""
    value = value or {}
    if not isinstance(value, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) and w.strip() for w in v) for v in value.values()
    ):
        raise ConfigError(f"'{key}' must map each language to a list of words", where=where)
    found = dict.fromkeys(w.strip().lower() for v in value.values() for w in v)
    return tuple(sorted(found, key=len, reverse=True))
