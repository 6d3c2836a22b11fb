"""Output-identical, faster stand-ins for the two rule pipes of the English model.

On news text spaCy's ``attribute_ruler`` spends nearly all its time in a generic Matcher that tries
every one of its ~180 single-token rules at every token, and the rule ``lemmatizer`` builds a Token
object for every word, even when its cache already holds the lemma: together about a fifth of the
whole parse (issue 10's speed target is "no slower than the bare parse"). Here the ruler's rules are
looked up by the token's tag or lower-cased form instead of tried one by one, worked out once per
kind of token, and written, like cached lemmas, through the Doc's attribute arrays (``from_array``
sets the same token fields as the ruler's ``set_token_attrs``); the lemmatizer's own
``rule_lemmatize`` still does every cache miss, so the annotations are the ones spaCy would set.
A model whose rules use anything else keeps its original pipes (``install`` then changes nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from redline.extract.stand_ins import Unsupported, swap_in
from redline.memo import Memo

__all__ = ["install"]

RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
FAST_RULER, FAST_LEMMATIZER = "redline_attribute_ruler", "redline_lemmatizer"
# the token attributes the matcher compares, in the column order of the arrays read below
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
# the token attributes a rule may set here: spaCy's ``set_token_attrs`` writes them on the token
# alone (never on the lexeme), exactly as ``Doc.from_array`` does
_WRITABLE = (TAG, POS, MORPH, LEMMA, DEP)

# entries each memo keeps before it starts afresh: a long in-process ingest (one worker is not
# recycled) meets millions of distinct (tag, form, dep) rows and (form, POS, morphology) triples,
# while a few tens of thousands cover nearly every token of an article
MEMO_LIMIT = 200_000

Row = Sequence[int]
Check = Callable[[Row], bool]
Entry = tuple[int, list[list[Check]]]  # rule number, the checks of each of its tokens
# one-token rules matched, longer rules that may start there, (column, value, rule) written
Known = tuple[list[int], list[Entry], list[tuple[int, int, int]]]


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
    Matcher, found with a dict lookup per token instead of a test per rule, and what they write.

    A token's one-token matches depend only on its tag, its dependency label, whether it is
    space, and which of the rules' forms it is (a form no rule names stands for what the rules'
    regular expressions say of it): so they are worked out once per such kind of token (924 on
    the 84 PolNeAR dev articles, against 17,405 distinct rows of tag, form, label and space)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = self.strings = ruler.vocab.strings
        self.by_value: dict[tuple[int, int], list[Entry]] = {}
        self.everywhere: list[Entry] = []
        self.longer: dict[tuple[int, int], list[Entry]] = {}
        self.longer_everywhere: list[Entry] = []
        self.seen: dict[Hashable, Known] = {}  # see _known()
        # lower-case form -> number of what the rules see of it
        self.form_keys = Memo(self._form_number, MEMO_LIMIT)
        self.form_ids: dict[Hashable, int] = {}  # what the rules see of a form, numbered (a few hundred)
        self.forms: set[int] = set()  # the forms the rules name
        self.form_patterns: list[re.Pattern[str]] = []  # the rules' expressions over forms
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
                for token in pattern:
                    self._note_forms(token.get("LOWER"))
                if not -len(pattern) <= rule["index"] < len(pattern):  # type: ignore[operator]
                    raise Unsupported(f"index {rule['index']}")  # the original raises on a match
        self.indices: list[int] = list(ruler.indices)
        # what each rule writes: (column in ``columns``, value), on the token at its index
        self.columns = [a for a in _WRITABLE if any(a in attrs for attrs in ruler.attrs)]
        if any(set(attrs) - set(self.columns) for attrs in ruler.attrs):
            raise Unsupported("an attribute other than " + ", ".join(map(str, _WRITABLE)))
        self.writes = [[(self.columns.index(a), int(v)) for a, v in attrs.items()] for attrs in ruler.attrs]

    def _note_forms(self, value: Any) -> None:
        if isinstance(value, str):
            self.forms.add(self.strings.add(value))
        elif isinstance(value, dict):
            for op, arg in value.items():
                if op == "REGEX":
                    self.form_patterns.append(re.compile(arg))
                else:  # IN, NOT_IN (anything else is Unsupported already)
                    self.forms.update(self.strings.add(a) for a in arg)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (rule, match id, start, end), sorted."""
        array = doc.to_array(_ARRAY_ATTRS)
        found: dict[int, list[tuple[int, int]]] = {}  # rule number -> (start, end) of its matches
        if len(array):
            known, kind_of = self._kinds(array)
            rows: list[Row] = array.tolist()
            for i, kind in enumerate(kind_of.tolist()):
                hits, longer, _ = known[kind]
                for attr_id in hits:
                    found.setdefault(attr_id, []).append((i, i + 1))
                for attr_id, end in _longer_matches(rows, i, longer):
                    found.setdefault(attr_id, []).append((i, end))
        keys = self.match_keys
        return [(a, keys[a], s, e) for a in sorted(found) for s, e in sorted(set(found[a]))]

    def annotate(self, doc: Doc) -> None:
        """Set what ``AttributeRuler.set_annotations`` sets for the matches: each token gets,
        per attribute, the value of the last rule that writes it there (rules apply in order).
        The one-token rules are written per kind of token, for all tokens of a kind at once."""
        array = doc.to_array(_ARRAY_ATTRS)
        if not len(array) or not self.columns:
            return
        known, kind_of = self._kinds(array)
        written = numpy.zeros((len(known), len(self.columns)), dtype=numpy.uint64)
        sets = numpy.zeros(written.shape, dtype=bool)
        for kind, (_, _, effect) in enumerate(known):
            for col, value, _ in effect:
                written[kind, col], sets[kind, col] = value, True
        before = doc.to_array(self.columns)
        values = numpy.where(sets[kind_of], written[kind_of], before)
        starts = [kind for kind, (_, longer, _) in enumerate(known) if longer]
        if starts:  # the longer rules (a handful, on rare words) in rule order, token by token
            rows: list[Row] = array.tolist()
            late: list[tuple[int, int]] = []  # (rule, token written)
            for i in numpy.flatnonzero(numpy.isin(kind_of, starts)).tolist():
                for attr_id, end in _longer_matches(rows, i, known[kind_of[i]][1]):
                    index = self.indices[attr_id]
                    late.append((attr_id, i + index if index >= 0 else end + index))
            for attr_id, at in sorted(late):
                one_token = {col: rule for col, _, rule in known[kind_of[at]][2]}
                for col, value in self.writes[attr_id]:
                    if one_token.get(col, -1) < attr_id:  # a later rule than the one-token ones
                        values[at, col] = value
        changed = [col for col in range(len(self.columns)) if (values[:, col] != before[:, col]).any()]
        if changed:
            columns = [self.columns[col] for col in changed]
            doc.from_array(columns, values[:, changed])  # type: ignore[arg-type]

    def _kinds(self, array: numpy.ndarray) -> tuple[list[Known], numpy.ndarray]:
        """The kinds of token in a Doc's ``_ARRAY_ATTRS`` rows, with what the rules do to each
        (from the memo, worked out on a kind's first row), and each token's kind."""
        seen = self.seen
        if len(seen) > MEMO_LIMIT:
            seen.clear()
        lowers, lower_of = numpy.unique(array[:, 1], return_inverse=True)
        numbered = list(map(self.form_keys.__getitem__, lowers.tolist()))
        form_of = numpy.array(numbered, dtype=numpy.int64)[lower_of.reshape(-1)]
        _, tag_of = numpy.unique(array[:, 0], return_inverse=True)
        deps, dep_of = numpy.unique(array[:, 2], return_inverse=True)
        code = (tag_of.reshape(-1) * len(self.form_ids) + form_of) * len(deps) + dep_of.reshape(-1)
        code = code * 2 + array[:, 3].astype(numpy.int64)
        _, first, kind_of = numpy.unique(code, return_index=True, return_inverse=True)
        known = []
        # each kind's first row and form, read in one call each (not an array index per kind)
        for row, form in zip(array[first].tolist(), form_of[first].tolist(), strict=True):
            tag, _, dep, space = row
            key = (tag, form, dep, space)
            found = seen.get(key)
            if found is None:
                found = seen[key] = self._for_row(row)
            known.append(found)
        return known, kind_of.reshape(-1)

    def _form_number(self, lower: int) -> int:
        return self.form_ids.setdefault(self._form_key(lower), len(self.form_ids))

    def _form_key(self, lower: int) -> Hashable:
        """A form the rules name stands for itself; any other, for what their regular
        expressions say of it (every other test on a form is then the same for all of them)."""
        if lower in self.forms:
            return lower
        text = self.strings[lower]
        return tuple(p.search(text) is not None for p in self.form_patterns)

    def _for_row(self, row: Row) -> Known:
        """The one-token rules a row matches, the longer rules whose first token it matches, and
        the one-token rules' writes: per column, the last rule's (value, rule)."""
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
        last: dict[int, tuple[int, int]] = {}
        for attr_id in sorted(hits):
            for col, value in self.writes[attr_id]:
                last[col] = (value, attr_id)
        return hits, longer, [(col, value, rule) for col, (value, rule) in last.items()]

    @staticmethod
    def _filed(table: dict[tuple[int, int], list[Entry]], row: Row) -> list[Entry]:
        return table.get((0, row[0]), []) + table.get((1, row[1]), [])


def _longer_matches(rows: list[Row], i: int, longer: list[Entry]) -> Iterator[tuple[int, int]]:
    """(rule, end) of the longer rules that match from token ``i`` (their first token does)."""
    for attr_id, per_token in longer:
        end = i + len(per_token)
        if end <= len(rows) and all(
            all(c(rows[i + k]) for c in checks) for k, checks in enumerate(per_token)
        ):
            yield attr_id, end


def _per_token(pattern: list[dict[str, Any]], strings: StringStore) -> list[list[Check]]:
    return [[_check(key, value, strings) for key, value in token.items()] for token in pattern]


@Language.factory(FAST_RULER, requires=["token.tag", "token.dep"], assigns=["token.pos", "token.morph"])
def make_fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:  # noqa: ARG001
    ruler = nlp.get_pipe(RULER)
    if not isinstance(ruler, AttributeRuler):
        raise Unsupported(RULER)
    return FastAttributeRuler(ruler)


class FastAttributeRuler:
    """The ruler's rules, matched and written by ``IndexedRules``: one ``to_array`` and one
    ``from_array`` per Doc instead of a Matcher run and a Span and a Token built per match."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.rules = IndexedRules(ruler)

    def __call__(self, doc: Doc) -> Doc:
        self.rules.annotate(doc)
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
    a copy whose word lists are sets, once per distinct triple; every other token is a lookup.
    Its lemmas are the original's but for the forms given to ``add_exceptions`` (``lemmas.yaml``:
    "hoping" is "hope", where the original's rules say "hop")."""

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
        self.exceptions: dict[tuple[str, str], str] = {}  # (part of speech, form) -> lemma

    def add_exceptions(self, exceptions: Mapping[str, Mapping[str, str]]) -> None:
        """Forms to take to a given lemma whatever the rules say ("hoping" -> "hope", where the
        rules put the rarer "hop" first; the model's own exception table cannot reorder forms
        the rules found)."""
        self.exceptions.update(
            {(pos, form.lower()): lemma for pos, forms in exceptions.items() for form, lemma in forms.items()}
        )
        self.lemmas.clear()

    def _lemma(self, token: Token) -> str:
        fixed = self.exceptions.get((token.pos_.lower(), token.lower_))
        return fixed if fixed is not None else self.rules.rule_lemmatize(token)[0]

    def __call__(self, doc: Doc) -> Doc:
        lem = self.lemmatizer
        if not lem._validated:  # the check the original runs on its first Doc
            lem._validate_tables()
        known, strings = self.lemmas, doc.vocab.strings
        if len(known) > MEMO_LIMIT:  # the copy's own per-(form, POS) cache grows alongside
            known.clear()
            self.rules.cache.clear()
        orths, poss, morphs, lemmas = doc.to_array([ORTH, POS, MORPH, LEMMA]).T.tolist()
        keys = list(zip(orths, poss, morphs, strict=True))
        # every token's remembered lemma in one C-level pass; the rules then run, in token
        # order as before, for the tokens the attribute ruler left without one (lemma 0) whose
        # triple is new
        found = list(map(known.get, keys))
        for i in [
            i for i, (f, lemma) in enumerate(zip(found, lemmas, strict=True)) if f is None and lemma == 0
        ]:
            key = keys[i]
            f = known.get(key)  # an earlier token of this Doc may have had the triple
            if f is None:
                f = known[key] = strings.add(self._lemma(doc[i]))
            found[i] = f
        # a lemma the attribute ruler set is kept
        written = [lemma if lemma != 0 else f for lemma, f in zip(lemmas, found, strict=True)]
        doc.from_array([LEMMA], numpy.array(written, dtype=numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]
        return doc


def add_lemma_exceptions(nlp: Language, exceptions: Mapping[str, Mapping[str, str]]) -> bool:
    """Give the stand-in lemmatizer ``exceptions`` (part of speech -> form -> lemma); False
    when the model's own lemmatizer runs (a model the stand-in cannot reproduce)."""
    if FAST_LEMMATIZER not in nlp.pipe_names:
        return False
    pipe = nlp.get_pipe(FAST_LEMMATIZER)
    assert isinstance(pipe, FastLemmatizer)
    pipe.add_exceptions(exceptions)
    return True


def install(nlp: Language) -> list[str]:
    """Swap the model's attribute ruler and rule lemmatizer for the stand-ins above, each only
    when it can reproduce the original; the originals stay in the pipeline, disabled (the
    stand-ins call into them). Returns the names of the pipes replaced."""
    pairs = ((RULER, FAST_RULER), (LEMMATIZER, FAST_LEMMATIZER))
    return [original for original, fast in pairs if swap_in(nlp, original, fast)]
