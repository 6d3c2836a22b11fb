"""Output-identical, faster stand-ins for the two rule pipes of the English model.

On news text spaCy's ``attribute_ruler`` spends nearly all its time in a generic Matcher that tries
every one of its ~180 single-token rules at every token, and the rule ``lemmatizer`` builds a Token
object for every word, even when its cache already holds the lemma: together about a fifth of the
whole parse (issue 10's speed target is "no slower than the bare parse"). Here the ruler's rules are
looked up by the token's tag or lower-cased form instead of tried one by one, and cached lemmas are
written from arrays; the ruler's own ``set_annotations`` and the lemmatizer's own ``rule_lemmatize``
still do every write and every cache miss, so the annotations are the ones spaCy would set.
A model whose rules use anything else keeps its original pipes (``install`` then changes nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore
from spacy.tokens import Doc

__all__ = ["install"]

RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
FAST_RULER, FAST_LEMMATIZER = "redline_attribute_ruler", "redline_lemmatizer"
# the token attributes the matcher compares, in the column order of the arrays read below
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

# entries each memo keeps before it starts afresh: a long in-process ingest (one worker is not
# recycled) meets millions of distinct (tag, form, dep) rows and (form, POS, morphology) triples,
# while a few tens of thousands cover nearly every token of an article
MEMO_LIMIT = 200_000

Row = Sequence[int]
Check = Callable[[Row], bool]
Entry = tuple[int, list[list[Check]]]  # rule number, the checks of each of its tokens


class Unsupported(ValueError):
    """A rule uses a pattern feature this index does not reproduce exactly."""


def _check(key: str, value: Any, strings: StringStore) -> Check:
    """One token constraint of a Matcher pattern as a test on a row of the token array."""
    if key not in _COLUMNS:
        raise Unsupported(key)
    col = _COLUMNS[key]
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"{key}={value!r}")
        flag = int(value)
        return lambda row: row[col] == flag
    if isinstance(value, str):
        wanted = strings.add(value)
        return lambda row: row[col] == wanted
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            members = frozenset(strings.add(a) for a in arg)
            if op == "IN":
                return lambda row: row[col] in members
            return lambda row: row[col] not in members
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return lambda row: regex.search(strings[row[col]]) is not None
    raise Unsupported(f"{key}={value!r}")


def _index_key(token: dict[str, Any], strings: StringStore) -> list[tuple[int, int]]:
    """The (column, value) entries under which a pattern is filed: its first token's exact lower
    form or tag ([] when it has neither, so it is tried at every token)."""
    for key in ("LOWER", "TAG"):
        value = token.get(key)
        if isinstance(value, str):
            return [(_COLUMNS[key], strings.add(value))]
        if isinstance(value, dict) and list(value) == ["IN"]:
            return [(_COLUMNS[key], strings.add(v)) for v in value["IN"]]
    return []


class IndexedRules:
    """The attribute ruler's patterns filed by first-token tag or form: the same matches as its
    Matcher, found with a dict lookup per token instead of a test per rule."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.by_value: dict[tuple[int, int], list[Entry]] = {}
        self.everywhere: list[Entry] = []
        self.longer: dict[tuple[int, int], list[Entry]] = {}
        self.longer_everywhere: list[Entry] = []
        self.seen: dict[Row, tuple[list[int], list[Entry]]] = {}  # see match()
        self.match_keys: list[int] = []
        # the ruler files rule i under the string "i" and applies the rules in that order
        for attr_id, rule in enumerate(ruler.patterns):
            self.match_keys.append(strings.add(str(attr_id)))
            patterns: list[list[dict[str, Any]]] = rule["patterns"]  # type: ignore[assignment]
            for pattern in patterns:
                entry = (attr_id, _per_token(pattern, strings))
                one = len(pattern) == 1
                table, everywhere = (
                    (self.by_value, self.everywhere) if one else (self.longer, self.longer_everywhere)
                )
                filed = _index_key(pattern[0], strings)
                for slot in filed:
                    table.setdefault(slot, []).append(entry)
                if not filed:
                    everywhere.append(entry)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (rule, match id, start, end), sorted."""
        rows: list[tuple[int, ...]] = [tuple(r) for r in doc.to_array(_ARRAY_ATTRS).tolist()]
        n = len(rows)
        found: dict[int, list[tuple[int, int]]] = {}  # rule number -> (start, end) of its matches
        seen = self.seen
        if len(seen) > MEMO_LIMIT:
            seen.clear()
        for i, row in enumerate(rows):
            # a token's one-token matches depend on its row alone, and rows repeat across texts
            known = seen.get(row)
            if known is None:
                known = seen[row] = self._for_row(row)
            hits, longer = known
            for attr_id in hits:
                found.setdefault(attr_id, []).append((i, i + 1))
            for attr_id, per_token in longer:
                end = i + len(per_token)
                if end <= n and all(
                    all(c(rows[i + k]) for c in checks) for k, checks in enumerate(per_token)
                ):
                    found.setdefault(attr_id, []).append((i, end))
        keys = self.match_keys
        return [(a, keys[a], s, e) for a in sorted(found) for s, e in sorted(set(found[a]))]

    def _for_row(self, row: Row) -> tuple[list[int], list[Entry]]:
        """The one-token rules a row matches, and the longer rules whose first token it matches."""
        hits = [
            attr_id
            for attr_id, per_token in self._filed(self.by_value, row) + self.everywhere
            if all(c(row) for c in per_token[0])
        ]
        # a longer rule whose first token fails on this row cannot start here
        longer = [
            entry
            for entry in self._filed(self.longer, row) + self.longer_everywhere
            if all(c(row) for c in entry[1][0])
        ]
        return hits, longer

    @staticmethod
    def _filed(table: dict[tuple[int, int], list[Entry]], row: Row) -> list[Entry]:
        return table.get((0, row[0]), []) + table.get((1, row[1]), [])


def _per_token(pattern: list[dict[str, Any]], strings: StringStore) -> list[list[Check]]:
    return [[_check(key, value, strings) for key, value in token.items()] for token in pattern]


@Language.factory(FAST_RULER, requires=["token.tag", "token.dep"], assigns=["token.pos", "token.morph"])
def make_fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:  # noqa: ARG001
    ruler = nlp.get_pipe(RULER)
    if not isinstance(ruler, AttributeRuler):
        raise Unsupported(RULER)
    return FastAttributeRuler(ruler)


class FastAttributeRuler:
    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.rules = IndexedRules(ruler)

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.rules.match(doc))  # type: ignore[no-untyped-call]
        return doc


@Language.factory(FAST_LEMMATIZER, requires=["token.pos"], assigns=["token.lemma"])
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:  # noqa: ARG001
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    if (
        not isinstance(lemmatizer, Lemmatizer)
        or lemmatizer.mode != "rule"
        or lemmatizer.overwrite
        or type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize
        or type(lemmatizer).is_base_form not in _PURE_BASE_FORM_TESTS
    ):
        raise Unsupported(LEMMATIZER)
    return FastLemmatizer(lemmatizer)


# base-form tests that read only the token's part of speech and morphology: with them a rule
# lemma is a function of (form, part of speech, morphology), which FastLemmatizer memoises
_PURE_BASE_FORM_TESTS = (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)


class FastLemmatizer:
    """The rule lemmatizer, remembered per (form, part of speech, morphology) and read from token
    arrays. Two costs of the original go: its rules test each candidate lemma against a word list
    (57,000 nouns) by a linear scan, and its cache skips the commonest tokens (names, punctuation,
    base forms), so it builds a Token and reruns the rules for most words. Here the rules run on
    a copy whose word lists are sets, once per distinct triple; every other token is a lookup."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}
        self.rules = type(lemmatizer)(lemmatizer.vocab, None, name=lemmatizer.name, mode="rule")
        lookups = Lookups()
        for table_name in lemmatizer.lookups.tables:
            table = lemmatizer.lookups.get_table(table_name)
            if table_name == "lemma_index":  # only ever asked "is this form in the list?"
                lookups.add_table(table_name, {pos: frozenset(words) for pos, words in table.items()})
            else:
                lookups.set_table(table_name, table)
        self.rules.lookups = lookups

    def __call__(self, doc: Doc) -> Doc:
        lem = self.lemmatizer
        if not lem._validated:  # the check the original runs on its first Doc
            lem._validate_tables()
        known, strings = self.lemmas, doc.vocab.strings
        if len(known) > MEMO_LIMIT:  # the copy's own per-(form, POS) cache grows alongside
            known.clear()
            self.rules.cache.clear()
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma != 0:
                continue  # set by the attribute ruler: the lemmatizer keeps it
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = known[key] = strings.add(self.rules.rule_lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(numpy.uint64))  # type: ignore[arg-type]
        return doc


def install(nlp: Language) -> list[str]:
    """Swap the model's attribute ruler and rule lemmatizer for the stand-ins above, each only
    when it can reproduce the original; the originals stay in the pipeline, disabled (the
    stand-ins call into them). Returns the names of the pipes replaced."""
    replaced = []
    for original, fast in ((RULER, FAST_RULER), (LEMMATIZER, FAST_LEMMATIZER)):
        if original not in nlp.pipe_names:
            continue
        try:
            nlp.add_pipe(fast, after=original)
        except Unsupported:
            continue
        nlp.disable_pipe(original)
        replaced.append(original)
    return replaced
