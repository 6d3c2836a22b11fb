"""Word-level normalisation and weighted phrase patterns for the lexicon-based steps.

Issue tagging and stance run on every statement, so they stay rule-based and fast: a light
English stemmer (enough to make "withdraws", "withdrawing" and "withdraw" meet, without
spaCy) and a small pattern language that the knowledge files use:

* words match normalised tokens; a trailing ``*`` matches any word with that prefix;
* ``...`` between words allows up to ``GAP`` words in between, within one clause;
* punctuation that ends a clause becomes the token ``|`` so that patterns never span clauses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from redline.memo import Memo

GAP = 4
BOUNDARY = "|"

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+|[,.;:!?()\[\]]", re.UNICODE)
_POSSESSIVE = re.compile(r"(?<=\w)'s\b", re.IGNORECASE)
_APOSTROPHES = ("’", "‘", "ʼ", "`")  # each read as "'"
_CONTRACTIONS = (
    (re.compile(r"\bcan't\b|\bcannot\b", re.IGNORECASE), "can not"),
    (re.compile(r"\bwon't\b", re.IGNORECASE), "will not"),
    (re.compile(r"\bshan't\b", re.IGNORECASE), "shall not"),
    (re.compile(r"n't\b", re.IGNORECASE), " not"),
)
# Irregular forms that matter for negotiation language; suffix rules cover the rest.
_IRREGULAR = {
    "gave": "give",
    "given": "give",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "met": "meet",
    "took": "take",
    "taken": "take",
    "made": "make",
    "held": "hold",
    "left": "leave",
    "froze": "freeze",
    "frozen": "freeze",
    "fought": "fight",
    "sought": "seek",
    "struck": "strike",
    "won": "win",
    "lost": "lose",
    "began": "begin",
    "begun": "begin",
    "chose": "choose",
    "chosen": "choose",
    "flew": "fly",
    "flown": "fly",
    "spoke": "speak",
    "spoken": "speak",
    "told": "tell",
    "brought": "bring",
    "went": "go",
    "gone": "go",
    "came": "come",
    "drew": "draw",
    "drawn": "draw",
    "wrote": "write",
    "written": "write",
    "rose": "rise",
    "fell": "fall",
    "sent": "send",
    "kept": "keep",
    "stood": "stand",
    "seen": "see",
    "saw": "see",
    "thought": "think",
    "felt": "feel",
    "hit": "hit",
    "cut": "cut",
    "put": "put",
    "set": "set",
    "let": "let",
    "lay": "lie",
    "led": "lead",
    "paid": "pay",
    "sold": "sell",
    "bought": "buy",
    "ran": "run",
    "got": "get",
    "gotten": "get",
    "broke": "break",
    "broken": "break",
    "shot": "shoot",
    "stole": "steal",
    "stolen": "steal",
    "swore": "swear",
    "sworn": "swear",
    "children": "child",
    "men": "man",
    "women": "woman",
}


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ENGLISH_MARKERS = _wordset(
    "the a an of to and in is are was were will would must should that this it on for with by be has have "
    "had not from as at he she they we said says more near after before two its their who which than"
)
# frequent function words of languages the news feeds also carry; English almost never uses them
_FOREIGN_MARKERS = _wordset(
    "der die das ist und nicht mit von zu den dem sich auf ein eine wird sind le la les est et une dans "
    "pour pas que qui sur du au el los las es y del por con una il gli che di della sono na nie jest"
)
_ASCII_CHAR = re.compile(r"[\x00-\x7f]")
_KEEP_S = ("ss", "us", "is", "os", "ys")
_DOUBLE_OK = ("ll", "ss", "zz", "ff")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Reduce an inflected English word to a stable key; not a linguistic lemma (cached: news
    repeats the same few thousand words)."""
    w = _IRREGULAR.get(word, word)
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(_KEEP_S):
        w = w[:-1]
    elif w.endswith("ing") and len(w) - 3 >= 3:
        w = _undouble(w[:-3])
    elif w.endswith("eed") and len(w) > 4:
        w = w[:-1]
    elif w.endswith("ed") and len(w) - 2 >= 3:
        w = _undouble(w[:-2])
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def _undouble(w: str) -> str:
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "aeiou" and not w.endswith(_DOUBLE_OK):
        return w[:-1]
    return w


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Normalised tokens with their character offsets in the *prepared* text (not the input)."""
    prepared = prepare(text)
    spans = [m.span() for m in _TOKEN.finditer(prepared)]
    return [(t, s, e) for t, (s, e) in zip(_normalised(prepared), spans, strict=True)]


def _normalised(prepared: str) -> list[str]:
    """The raw tokens of a prepared text normalised (``_normal_token`` of each): one C-level
    ``map`` over the cached normaliser, as every document is read this way (a comprehension
    ran a Python step per token)."""
    return list(map(_normal_token, _TOKEN.findall(prepared)))


@lru_cache(maxsize=1 << 16)
def _normal_token(raw: str) -> str:
    """One raw token of a prepared text normalised: a clause mark is ``BOUNDARY``, a number
    loses its thousands commas, a word is stemmed (cached: news repeats the same words, and a
    hit through ``map`` runs no Python)."""
    return BOUNDARY if not raw[0].isalnum() else raw.replace(",", "") if raw[0].isdigit() else stem(raw)


def prepare(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    # the apostrophes mapped are all non-ASCII but the backtick: most clauses have none. Each is
    # replaced in turn (none is replaced by another): ``str.translate`` with a mapping looks every
    # character of a non-ASCII text up in it, 18 us for a sentence with one curly quote, where
    # the four replacements take a fiftieth of that
    if not text.isascii() or "`" in text:
        for apostrophe in _APOSTROPHES:
            text = text.replace(apostrophe, "'")
    text = text.lower()
    # each pass runs only on a text it can change (most clauses hold no apostrophe): the
    # possessive needs "'s", every contraction but "cannot" holds "n't" (the text is lower case
    # and NFKC has folded the letters that match others regardless of case, such as the long s)
    if "'s" in text:
        text = _POSSESSIVE.sub("", text)
    if "n't" in text or "cannot" in text:
        for pattern, repl in _CONTRACTIONS:
            text = pattern.sub(repl, text)
    return text


def normalise(text: str) -> list[str]:
    """Normalised token list of a text (clause boundaries as ``|``): ``tokenize`` without the
    offsets, which only it needs (every document is read this way, clause by clause)."""
    return _normalised(prepare(text))


_CACHED_TEXT = 2000  # characters: statements and their sentences repeat, whole documents do not


def words(text: str) -> tuple[str, ...]:
    """``normalise`` for the texts read again and again (the content, its sentence and the cue
    are read by the issue rules, the stance rules and both models); a whole document is read
    once and would only fill the cache."""
    if len(text) > _CACHED_TEXT:
        return tuple(normalise(text))
    return _cached_words(text)


@lru_cache(maxsize=4096)
def _cached_words(text: str) -> tuple[str, ...]:
    return tuple(normalise(text))


def looks_english(tokens: Sequence[str]) -> bool:
    """Cheap guard so that lexicon words shared across languages ("NATO") do not tag foreign text."""
    # C-level passes (map, filter, one regex): it reads whole documents for their topic
    words = list(filter(BOUNDARY.__ne__, tokens))
    if not words:
        return False
    return english_signs(tokens, words).english


@dataclass(frozen=True, slots=True)
class EnglishSigns:
    """What ``looks_english`` weighs in a token list, as counts that add up: the signs of a
    text cut in pieces are the sum of the pieces' signs (``nearby.py`` reads a document's
    stretches once and judges any run of them without joining their tokens)."""

    words: int = 0
    ascii: bool = False  # some word holds an ASCII character
    markers: int = 0  # frequent English function words
    foreign: int = 0  # frequent function words of other languages

    def __add__(self, other: EnglishSigns) -> EnglishSigns:
        return EnglishSigns(
            self.words + other.words,
            self.ascii or other.ascii,
            self.markers + other.markers,
            self.foreign + other.foreign,
        )

    @classmethod
    def total(cls, parts: Iterable[EnglishSigns]) -> EnglishSigns:
        """The sum of ``parts`` (the signs of their tokens read one after the other), added up
        as plain counts: ``+`` builds an object per addition, and a statement's window adds up
        dozens of stretches."""
        words = markers = foreign = 0
        ascii = False
        for part in parts:
            words += part.words
            ascii = ascii or part.ascii
            markers += part.markers
            foreign += part.foreign
        return cls(words, ascii, markers, foreign)

    @property
    def english(self) -> bool:
        """``looks_english`` of the tokens these signs were counted in."""
        if not self.words or not self.ascii:
            return False
        return not (self.foreign >= 2 and self.foreign > self.markers)


def english_signs(tokens: Sequence[str], words: Sequence[str] | None = None) -> EnglishSigns:
    """The signs of a token list (``words``: its tokens less the boundaries, when at hand)."""
    if words is None:
        words = list(filter(BOUNDARY.__ne__, tokens))
    joined = "".join(words)
    return EnglishSigns(
        len(words),
        # a text all ASCII says so at once (``isascii`` reads a flag); only one with other
        # letters is searched for an ASCII one
        bool(joined) and (joined.isascii() or _ASCII_CHAR.search(joined) is not None),
        sum(map(_ENGLISH_MARKERS.__contains__, words)),
        sum(map(_FOREIGN_MARKERS.__contains__, words)),
    )


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled lexicon entry: a sequence of (word, is_prefix, gap_before) steps."""

    source: str
    steps: tuple[tuple[str, bool, bool], ...]
    weight: float = 1.0
    tag: str = ""

    @classmethod
    def compile(cls, source: str, weight: float = 1.0, tag: str = "") -> Pattern:
        steps: list[tuple[str, bool, bool]] = []
        gap = False
        for chunk in source.lower().split():
            if chunk == "...":
                gap = True
                continue
            prefix = chunk.endswith("*")
            words = normalise(chunk.rstrip("*"))
            words = [w for w in words if w != BOUNDARY] or [chunk.rstrip("*")]
            for i, word in enumerate(words):
                is_last = i == len(words) - 1
                steps.append((word, prefix and is_last, gap and i == 0))
            gap = False
        if not steps:
            raise ValueError(f"empty pattern {source!r}")
        return cls(source, tuple(steps), weight, tag)

    @property
    def negated(self) -> bool:
        """The pattern carries its own negation ("not withdraw", "never recognise")."""
        return self.steps[0][0] in NEGATORS

    def find(self, tokens: Sequence[str]) -> list[tuple[int, int]]:
        """Token spans ``[start, end)`` where the pattern matches, leftmost-shortest per start."""
        hits: list[tuple[int, int]] = []
        for start in range(len(tokens)):
            end = self._match_from(tokens, start)
            if end is not None:
                hits.append((start, end))
        return hits

    def _match_from(self, tokens: Sequence[str], start: int) -> int | None:
        pos = start
        size = len(tokens)
        for i, (word, prefix, gap) in enumerate(self.steps):
            if not gap or i == 0:
                # the next word must be the step's (most steps: read without a window loop)
                if pos >= size:
                    return None
                tok = tokens[pos]
                if tok == BOUNDARY or not (tok == word or (prefix and tok.startswith(word))):
                    return None
                pos += 1
                continue
            found = None
            for j in range(pos, min(pos + GAP + 1, size)):  # up to GAP words between, in one clause
                tok = tokens[j]
                if tok == BOUNDARY:
                    break
                if tok == word or (prefix and tok.startswith(word)):
                    found = j
                    break
            if found is None:
                return None
            pos = found + 1
        return pos


NEGATORS = frozenset({"not", "no", "never", "without", "neither", "nor", "refus", "refuse"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A pattern found in a token list."""

    pattern: Pattern
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


class PatternSet:
    """Patterns indexed by their first word, so a statement is matched in one pass over its
    tokens instead of once per pattern (lexicons hold a thousand entries).

    Whether a pattern can start at a token depends on that token alone (its first step is
    never a gap), so the patterns that start with each word are worked out the first time the
    word is met and remembered (``_starting``): most words start none and cost one lookup.

    A set may hold several named groups of patterns (``grouped``): the stance rules ask a dozen
    lists (negation, condition, threat, ...) about the same statement, and one pass over its
    words with each hit filed under its group costs one memo lookup per word, where a set per
    list costs one per word and list (and fills a memo per list on a cold start). A group's
    hits come out as the group's own set would find them, in the same order: the candidates
    at a word are tried exact first words, then prefixes, then short prefixes, each in the
    order the patterns were given, and the groups are given one after the other."""

    _PREFIX_KEY = 3
    _REMEMBERED = 100_000  # words whose starting patterns are kept before the memo starts afresh

    def __init__(
        self, patterns: Iterable[Pattern], groups: Sequence[str] = ("",), group_of: Sequence[int] = ()
    ) -> None:
        self.patterns = tuple(patterns)
        self.groups = tuple(groups)
        # the group of each pattern (by position in ``groups``): all in the one group by default
        of = tuple(group_of) or (0,) * len(self.patterns)
        if len(of) != len(self.patterns):
            raise ValueError("one group per pattern")
        self._exact: dict[str, list[tuple[Pattern, int]]] = {}
        self._prefix: dict[str, list[tuple[Pattern, int]]] = {}
        self._short: list[tuple[Pattern, int]] = []
        for p, g in zip(self.patterns, of, strict=True):
            word, prefix, _ = p.steps[0]
            if not prefix:
                self._exact.setdefault(word, []).append((p, g))
            elif len(word) >= self._PREFIX_KEY:
                self._prefix.setdefault(word[: self._PREFIX_KEY], []).append((p, g))
            else:
                self._short.append((p, g))
        # word -> the patterns whose first step it matches, in the order they are tried, each
        # with whether that first step is all of it (the match then ends right after the word)
        # and its group
        self._starting = Memo(self._starting_with, self._REMEMBERED)
        # (word, next word) -> those of the word's patterns that the next word does not rule
        # out: nearly every longer pattern tried ("not ...", "in ...") fails at its second word
        self._before = Memo(self._starting_before, self._REMEMBERED)

    @classmethod
    def grouped(cls, groups: Mapping[str, Iterable[Pattern]]) -> PatternSet:
        """One set over named groups of patterns, read in one pass by ``find_grouped``."""
        patterns: list[Pattern] = []
        group_of: list[int] = []
        for g, members in enumerate(groups.values()):
            for p in members:
                patterns.append(p)
                group_of.append(g)
        return cls(patterns, tuple(groups), group_of)

    def find(self, tokens: Sequence[str]) -> list[Hit]:
        """Every hit of every pattern (of every group), by start, then in the order tried."""
        return [hit for _, hit in self._scan(tokens)]

    def find_grouped(self, tokens: Sequence[str]) -> dict[str, list[Hit]]:
        """Each group's hits (``find`` of the group's patterns alone), every group a key."""
        by_group: list[list[Hit]] = [[] for _ in self.groups]
        for group, hit in self._scan(tokens):
            by_group[group].append(hit)
        return dict(zip(self.groups, by_group, strict=True))

    def _scan(self, tokens: Sequence[str]) -> Iterator[tuple[int, Hit]]:
        """Each hit with its group's position, by start, then in the order tried."""
        found = list(map(self._starting.__getitem__, tokens))  # C-level: most words are known
        last = len(tokens) - 1
        # only the positions where some pattern starts, in order (an empty tuple is passed over)
        for start, candidates in compress(enumerate(found), found):
            if len(candidates) > 1:  # those the next word leaves in play, in the same order
                candidates = self._before[tokens[start], tokens[start + 1] if start < last else None]
            for p, whole, group in candidates:
                end = start + 1 if whole else p._match_from(tokens, start)
                if end is not None:
                    yield group, Hit(p, start, end)

    def _starting_before(self, pair: tuple[str, str | None]) -> tuple[tuple[Pattern, bool, int], ...]:
        """``_starting[word]`` less the patterns whose second step must be the next word and is
        not (``next`` None: the word ends the text): ``_match_from`` would fail on them there."""
        tok, nxt = pair
        return tuple(c for c in self._starting[tok] if c[1] or _may_follow(c[0].steps[1], nxt))

    def _starting_with(self, tok: str) -> tuple[tuple[Pattern, bool, int], ...]:
        """The patterns whose first step matches ``tok``: the exact first words, then the
        prefixes filed under its first letters, then the short prefixes (the order ``find``
        has always tried them in, so hits come out in the same order)."""
        if tok == BOUNDARY:
            return ()
        exact, prefixed = self._exact.get(tok), self._prefix.get(tok[: self._PREFIX_KEY])
        if exact is None and prefixed is None and not self._short:
            return ()  # most words of a text, met once per set the first time
        out: list[tuple[Pattern, bool, int]] = []
        for candidates in (exact, prefixed, self._short):
            for p, g in candidates or ():
                word, prefix, _ = p.steps[0]
                if tok == word or (prefix and tok.startswith(word)):
                    out.append((p, len(p.steps) == 1, g))
        return tuple(out)


def _may_follow(step: tuple[str, bool, bool], nxt: str | None) -> bool:
    """Whether a pattern's second step can match with ``nxt`` the word after its first (as
    ``Pattern._match_from`` reads it): a step after a gap may match further on."""
    word, prefix, gap = step
    if gap:
        return True
    if nxt is None or nxt == BOUNDARY:
        return False
    return nxt == word or (prefix and nxt.startswith(word))


def find_all(patterns: Iterable[Pattern] | PatternSet, tokens: Sequence[str]) -> list[Hit]:
    """Every match of every pattern, in no particular order."""
    if isinstance(patterns, PatternSet):
        return patterns.find(tokens)
    return [Hit(p, s, e) for p in patterns for s, e in p.find(tokens)]


def longest_first(hits: Iterable[Hit], rank: Callable[[Hit], int] | None = None) -> list[Hit]:
    """Drop hits overlapping a longer (then earlier-listed) hit, so one word counts once.

    ``rank`` breaks ties between hits of one length before position does (lower wins), so a
    caller with its own preference (stance: issue-specific cues over general ones) keeps
    the one overlap rule instead of a copy of it.
    """
    chosen: list[Hit] = []
    taken: set[int] = set()
    by = rank or (lambda _: 0)
    for hit in sorted(hits, key=lambda h: (-h.length, by(h), h.start)):
        span = set(range(hit.start, hit.end))
        if span & taken:
            continue
        chosen.append(hit)
        taken |= span
    return sorted(chosen, key=lambda h: h.start)


__all__ = [
    "BOUNDARY",
    "EnglishSigns",
    "Hit",
    "Pattern",
    "PatternSet",
    "english_signs",
    "find_all",
    "longest_first",
    "looks_english",
    "normalise",
    "stem",
    "tokenize",
]
