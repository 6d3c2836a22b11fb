"""Loads the attribution cue lexicon (``cues.yaml``) into a frozen, typed object.

The NLP core never reads files: it receives a ``CueLexicon`` built here, so the rules stay
pure functions of (Doc, lexicon) and a user can swap the lexicon without touching code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from redline.errors import ConfigError
from redline.knowledge import read_yaml

DEFAULT_CUES = Path(__file__).with_name("cues.yaml")

_VERB_KINDS = ("speech", "writing", "belief", "evidence")
_CONFIDENCE_KINDS = (
    *_VERB_KINDS,
    "quote",
    "prepositional",
    "noun",
    "directive",
    "object",
    "raising",
    "prep",
    "colon",
    "report_object",
    "noun_object",
    "predicate",
    "signature",
    "headline",
)


def _empty_mapping() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Every word the attribution rules react to, grouped by how the rules read it.

    ``verb_kinds`` maps a reporting-verb lemma to its kind (speech, writing, belief,
    evidence); a lemma listed under several kinds keeps the first, in that order.
    ``prepositional`` holds multi-word cues as lower-cased token tuples.
    """

    verb_kinds: Mapping[str, str] = field(default_factory=_empty_mapping)
    object_verbs: frozenset[str] = frozenset()
    as_verbs: frozenset[str] = frozenset()
    as_it_verbs: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    directive_verbs: frozenset[str] = frozenset()
    directive_particles: frozenset[str] = frozenset()
    raising_verbs: frozenset[str] = frozenset()
    passive_raising_verbs: frozenset[str] = frozenset()
    # adverbs that say a clause is hearsay with no one named ("the firm reportedly paid $2
    # million"); read, like the raising verbs, only when sourceless words count
    hearsay_adverbs: frozenset[str] = frozenset()
    # passives of seeing whose subject with its "as" label is the content ("is seen as a moderate")
    passive_view_verbs: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    not_object_verbs: frozenset[str] = frozenset()
    carried_object_verbs: frozenset[str] = frozenset()
    attributive_participles: frozenset[str] = frozenset()
    question_verbs: frozenset[str] = frozenset()
    # verbs whose "if" clause after the one asked is the question, not a condition ("asked the
    # mayor if the bridge would reopen")
    if_question_verbs: frozenset[str] = frozenset()
    frame_verbs: frozenset[str] = frozenset()
    continuing_marks: frozenset[str] = frozenset()
    condition_marks: frozenset[str] = frozenset()
    only_condition_marks: frozenset[str] = frozenset()
    prep_verbs: Mapping[str, frozenset[str]] = field(default_factory=_empty_mapping)
    prep_nouns: Mapping[str, frozenset[str]] = field(default_factory=_empty_mapping)
    predicates: Mapping[str, frozenset[str]] = field(default_factory=_empty_mapping)
    verb_predicates: Mapping[str, frozenset[str]] = field(default_factory=_empty_mapping)
    nouns: frozenset[str] = frozenset()
    clause_nouns: frozenset[str] = frozenset()
    prepositional: tuple[tuple[str, ...], ...] = ()
    # one-word prepositions that cite a source only when set off ("Per Reuters, ...", "..., per
    # a person familiar with the talks"); "$80 per barrel" cites nobody
    set_off_prepositional: frozenset[str] = frozenset()
    # prepositions that cite a survey when their object is one of the ``survey_nouns`` ("In a
    # CBS poll, she led by 20 points", "Trump leads in the polls"): the survey is the source of
    # the clause. Read only under ``survey_statements``
    survey_prepositions: frozenset[str] = frozenset()
    survey_nouns: frozenset[str] = frozenset()
    audience: frozenset[str] = frozenset()
    # words that open an outlet's note on its own story ("Correction, 8 May: ...", "Editor's
    # note: ..."): its "we" is the outlet ("We regret the error"), never a source
    correction_labels: frozenset[str] = frozenset()
    citing_verbs: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    passive_sources: frozenset[str] = frozenset()
    label_exclusions: frozenset[str] = frozenset()
    question_labels: frozenset[str] = frozenset()
    asking_writers: frozenset[str] = frozenset()
    answer_labels: frozenset[str] = frozenset()
    interview_words: frozenset[str] = frozenset()
    quote_pairs: tuple[tuple[str, str], ...] = ()
    document_nouns: frozenset[str] = frozenset()
    document_verbs: frozenset[str] = frozenset()
    document_makers: frozenset[str] = frozenset()  # "a readout issued by the ministry"
    # verbs that do a speech act through their object noun ("made the case that", "unveiled a
    # proposal for"): their subject is the noun's speaker
    light_verbs: frozenset[str] = frozenset()
    unsaying_verbs: frozenset[str] = frozenset()
    # object verbs that take a side or do a deed rather than say something ("backs the plan",
    # "invoked the Fifth"), whatever the policy on attitudes: the attitude verbs and the
    # ``stance_object_verbs`` of the file. Inside someone else's report they are part of it
    stance_object_verbs: frozenset[str] = frozenset()
    aim_verbs: frozenset[str] = frozenset()
    # verbs of awaiting another's act ("expected the president to back ...", "hoped the
    # minister would back ..."): the act awaited is no statement of the one awaited
    awaiting_verbs: frozenset[str] = frozenset()
    anonymity_verbs: frozenset[str] = frozenset()
    anonymity_words: frozenset[str] = frozenset()
    negated_statements: frozenset[str] = frozenset()
    empty_objects: frozenset[str] = frozenset()
    # cue words that also name running a race ("campaign"), the contests and offices run for
    # with or without an article ("the nomination", "the Senate"), and the titles run for bare
    # ("for governor"): see ``race_cues`` in the cue file
    # verbs whose speech-noun object is words said again ("echoed that promise"): see the file
    echoing_verbs: frozenset[str] = frozenset()
    race_cues: frozenset[str] = frozenset()
    race_objects: frozenset[str] = frozenset()
    race_titles: frozenset[str] = frozenset()
    empty_subjects: frozenset[str] = frozenset()
    confidence: Mapping[str, float] = field(default_factory=_empty_mapping)
    # an annotation policy, not a word list: whether a quotation split by its cue ("“If ...,”
    # he said, “then ...”") is one statement (PolNeAR) or two (the redline guide, the default)
    merge_split_quotes: bool = False
    # an annotation policy too: whether thoughts and attitudes ("believes", "fears", "supports",
    # "agreed to meet") are statements (PolNeAR) or not (the redline guide: they report no speech).
    # When false, the belief verbs and the ``attitude_verbs`` are no cues at all
    mental_states: bool = False
    # and whether words with no one named as saying them ("X is expected to", "it is noted
    # that", "X was criticised for") are statements (PolNeAR) or not (the guide)
    sourceless_statements: bool = False
    # and whether a statement reported inside another's words ("the aide told reporters that the
    # mayor had promised to scrap the plan") is a statement of its own (the guide: two) or part
    # of the other's content (PolNeAR, where each word has one role in one attribution: one)
    nested_statements: bool = True
    # and whether speech the sentence says did not happen ("has not said when", "did not comment
    # on the report") is a statement (PolNeAR, which annotates the cue with its negation) or not
    # (the guide: nothing was said)
    unsaid_statements: bool = False
    # and whether what someone spoke about ("referred to the strike", "mentioned the mayor",
    # "discussed the budget") is content (PolNeAR) or a topic, no statement (the guide): true
    # reads the ``topic_prep_verbs`` and ``topic_object_verbs`` of the file
    topic_statements: bool = False
    # and whether a report whose content is only a word pointing back ("denounced him", "which
    # the senator opposes", "endorsed it") is a statement (PolNeAR, which annotates the pronoun as
    # content) or not (the guide: no content a reader can recover, see ``anaphoric.py``)
    pointer_statements: bool = False
    # and whether a survey's finding is a statement with the survey as source ("In a CBS poll,
    # she led by 20 points": PolNeAR) or the writer's (the guide: no one speaks)
    survey_statements: bool = False
    # subjects whose "find" reports a finding with its object as content (under survey_statements)
    finding_nouns: frozenset[str] = frozenset()
    # and whether a deed done to something ("promoted the bill", "nominated the judge", "imposed
    # sanctions") is a statement with the deed's object as content (PolNeAR) or not (the guide:
    # a deed says nothing); true reads the ``deed_object_verbs`` of the file
    deed_statements: bool = False
    # every word a cue rule can start from (verb, noun and adjective lemmas, first words of
    # phrases): a token with neither lemma nor lower-case form among them cannot open a cue,
    # so the rules visit only the tokens that can
    trigger_words: tuple[str, ...] = ()

    def verb_kind(self, lemma: str) -> str | None:
        return self.verb_kinds.get(lemma.lower())

    def confidence_of(self, kind: str) -> float:
        return float(self.confidence.get(kind, 1.0))

    def press_asks(self, verb_lemma: str, subject_lemma: str, *, someone_asked: bool = False) -> bool:
        """Whether a subject asking with this verb is the press ("One reporter asked whether
        ..."): at a news conference the question is no one's position in the story, and the
        reporter is not who the answer after it ("she replied") comes from. Attribution and
        speaker resolution both ask it. The writer's "we" asks for the press when the question
        is put to someone (``someone_asked``: "We asked her ...")."""
        if verb_lemma.lower() not in self.question_verbs:
            return False
        subject = subject_lemma.lower()
        return subject in self.question_labels or (someone_asked and subject in self.asking_writers)


def _words(data: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(
            f"'{key}' must be a list of non-empty strings",
            where=where,
            hint="write it as a YAML list, one word or phrase per line",
        )
    return [v.strip().lower() for v in value]


def _quote_pairs(data: Mapping[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in data.get("quote_pairs", []) or []:
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(q, str) and q for q in item)):
            raise ConfigError(
                f"quote_pairs entry {item!r} is not a pair of marks",
                where=where,
                hint='write each pair as ["opening", "closing"]',
            )
        pairs.append((item[0], item[1]))
    return tuple(pairs)


def _prep_map(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, frozenset[str]]:
    raw = data.get(key, {}) or {}
    if not isinstance(raw, dict):
        raise ConfigError(
            f"'{key}' must map lemmas to lists of prepositions", where=where, hint="e.g. talk: [about, of]"
        )
    out: dict[str, frozenset[str]] = {}
    for lemma, preps in raw.items():
        out[str(lemma).lower()] = frozenset(_words({"p": preps}, "p", f"{where}: {key}.{lemma}"))
    return MappingProxyType(out)


def _confidence(data: Mapping[str, Any], where: str) -> Mapping[str, float]:
    raw = data.get("confidence", {}) or {}
    if not isinstance(raw, dict):
        raise ConfigError("'confidence' must map cue kinds to numbers", where=where)
    out: dict[str, float] = {}
    for kind, value in raw.items():
        if kind not in _CONFIDENCE_KINDS:
            raise ConfigError(
                f"unknown cue kind {kind!r} under 'confidence'",
                where=where,
                hint=f"use one of: {', '.join(_CONFIDENCE_KINDS)}",
            )
        if not isinstance(value, int | float) or not 0.0 <= float(value) <= 1.0:
            raise ConfigError(f"confidence for {kind!r} must be a number in [0, 1]", where=where)
        out[kind] = float(value)
    return MappingProxyType(out)


def parse_cues(data: Any, where: str = "cues") -> CueLexicon:
    """Validate an already-parsed YAML mapping and build the lexicon from it."""
    if not isinstance(data, dict):
        raise ConfigError(
            "the cue lexicon must be a YAML mapping",
            where=where,
            hint="see the packaged redline/knowledge/cues.yaml for the layout",
        )
    verbs = data.get("verbs", {}) or {}
    if not isinstance(verbs, dict):
        raise ConfigError("'verbs' must map kinds to lists of lemmas", where=where)
    unknown = set(verbs) - set(_VERB_KINDS)
    if unknown:
        raise ConfigError(
            f"unknown verb kinds: {', '.join(sorted(unknown))}",
            where=where,
            hint=f"use {', '.join(_VERB_KINDS)}",
        )
    # a file that does not set them keeps every cue it lists (the packaged lexicon sets both false)
    mental_states = _flag(data, "mental_states", where, default=True)
    sourceless = _flag(data, "sourceless_statements", where, default=True)
    attitudes = set() if mental_states else set(_words(data, "attitude_verbs", where))
    topics = _flag(data, "topic_statements", where)
    deed_statements = _flag(data, "deed_statements", where)
    deeds = frozenset(_words(data, "deed_object_verbs", where) if deed_statements else ())
    surveys = _flag(data, "survey_statements", where)
    verb_kinds: dict[str, str] = {}
    for kind in _VERB_KINDS:
        for lemma in _words(verbs, kind, where):
            verb_kinds.setdefault(lemma, kind)
    if not mental_states:
        verb_kinds = {lemma: kind for lemma, kind in verb_kinds.items() if kind != "belief"}
        attitudes |= {lemma for lemma in _words(verbs, "belief", where) if lemma not in verb_kinds}
    for lemma in attitudes:
        verb_kinds.pop(lemma, None)
    lexicon = CueLexicon(
        verb_kinds=MappingProxyType(verb_kinds),
        object_verbs=frozenset(_words(data, "object_verbs", where)) - attitudes
        | frozenset(_words(data, "topic_object_verbs", where) if topics else ())
        | deeds,
        as_verbs=frozenset(_words(data, "as_verbs", where)),
        as_it_verbs=frozenset(_words(data, "as_it_verbs", where)),
        naming_verbs=frozenset(_words(data, "naming_verbs", where)),
        directive_verbs=frozenset(_words(data, "directive_verbs", where)) - attitudes
        | frozenset(_words(data, "attitude_directive_verbs", where) if mental_states else ()),
        directive_particles=frozenset(_words(data, "directive_particles", where)),
        raising_verbs=frozenset(_words(data, "raising_verbs", where) if sourceless else ()),
        passive_raising_verbs=frozenset(_words(data, "passive_raising_verbs", where) if sourceless else ()),
        hearsay_adverbs=frozenset(_words(data, "hearsay_adverbs", where) if sourceless else ()),
        passive_view_verbs=frozenset(_words(data, "passive_view_verbs", where) if sourceless else ()),
        copulas=frozenset(_words(data, "copulas", where)),
        not_object_verbs=frozenset(_words(data, "not_object_verbs", where)),
        carried_object_verbs=frozenset(_words(data, "carried_object_verbs", where)),
        attributive_participles=frozenset(_words(data, "attributive_participles", where)),
        question_verbs=frozenset(_words(data, "question_verbs", where)),
        if_question_verbs=frozenset(_words(data, "if_question_verbs", where)),
        frame_verbs=frozenset(_words(data, "frame_verbs", where)),
        continuing_marks=frozenset(_words(data, "continuing_marks", where)),
        condition_marks=frozenset(_words(data, "condition_marks", where)),
        only_condition_marks=frozenset(_words(data, "only_condition_marks", where)),
        prep_verbs=MappingProxyType(
            {k: v for k, v in _prep_map(data, "prep_verbs", where).items() if k not in attitudes}
            | (dict(_prep_map(data, "topic_prep_verbs", where)) if topics else {})
        ),
        prep_nouns=MappingProxyType(
            dict(_prep_map(data, "prep_nouns", where))
            | (dict(_prep_map(data, "attitude_prep_nouns", where)) if mental_states else {})
        ),
        predicates=_prep_map(data, "predicates", where),
        verb_predicates=_prep_map(data, "verb_predicates", where),
        nouns=frozenset(_words(data, "nouns", where)),
        clause_nouns=frozenset(_words(data, "clause_nouns", where)),
        prepositional=tuple(tuple(p.split()) for p in _words(data, "prepositional", where)),
        set_off_prepositional=frozenset(_words(data, "set_off_prepositional", where)),
        survey_prepositions=frozenset(_words(data, "survey_prepositions", where) if surveys else ()),
        survey_nouns=frozenset(_words(data, "survey_nouns", where)),
        audience=frozenset(_words(data, "audience", where)),
        correction_labels=frozenset(_words(data, "correction_labels", where)),
        citing_verbs=frozenset(_words(data, "citing_verbs", where)),
        source_nouns=frozenset(_words(data, "source_nouns", where)),
        passive_sources=frozenset(_words(data, "passive_sources", where)),
        label_exclusions=frozenset(_words(data, "label_exclusions", where)),
        question_labels=frozenset(_words(data, "question_labels", where)),
        asking_writers=frozenset(_words(data, "asking_writers", where)),
        answer_labels=frozenset(_words(data, "answer_labels", where)),
        interview_words=frozenset(_words(data, "interview_words", where)),
        quote_pairs=_quote_pairs(data, where),
        document_nouns=frozenset(_words(data, "document_nouns", where)),
        document_makers=frozenset(_words(data, "document_makers", where)),
        document_verbs=frozenset(_words(data, "document_verbs", where)),
        light_verbs=frozenset(_words(data, "light_verbs", where)),
        unsaying_verbs=frozenset(_words(data, "unsaying_verbs", where)),
        stance_object_verbs=frozenset(
            _words(data, "stance_object_verbs", where) + _words(data, "attitude_verbs", where)
        )
        | deeds,
        aim_verbs=frozenset(_words(data, "aim_verbs", where)),
        awaiting_verbs=frozenset(_words(data, "awaiting_verbs", where)),
        anonymity_verbs=frozenset(_words(data, "anonymity_verbs", where)),
        anonymity_words=frozenset(_words(data, "anonymity_words", where)),
        negated_statements=frozenset(_words(data, "negated_statements", where)),
        empty_objects=frozenset(_words(data, "empty_objects", where)),
        echoing_verbs=frozenset(_words(data, "echoing_verbs", where)),
        race_cues=frozenset(_words(data, "race_cues", where)),
        race_objects=frozenset(_words(data, "race_objects", where)),
        race_titles=frozenset(_words(data, "race_titles", where)),
        empty_subjects=frozenset(_words(data, "empty_subjects", where)),
        confidence=_confidence(data, where),
        merge_split_quotes=_flag(data, "merge_split_quotes", where),
        mental_states=mental_states,
        finding_nouns=frozenset(_words(data, "finding_nouns", where) if surveys else ()),
        sourceless_statements=sourceless,
        nested_statements=_flag(data, "nested_statements", where, default=True),
        unsaid_statements=_flag(data, "unsaid_statements", where),
        topic_statements=topics,
        pointer_statements=_flag(data, "pointer_statements", where),
        survey_statements=surveys,
        deed_statements=deed_statements,
    )
    return replace(lexicon, trigger_words=_trigger_words(lexicon))


def _trigger_words(lex: CueLexicon) -> tuple[str, ...]:
    words = (
        set(lex.verb_kinds)
        | lex.object_verbs
        | lex.as_verbs
        | lex.as_it_verbs
        | lex.naming_verbs
        | lex.directive_verbs
        | lex.raising_verbs
        | lex.passive_raising_verbs
        | lex.hearsay_adverbs
        | set(lex.prep_verbs)
        | set(lex.prep_nouns)
        | set(lex.predicates)
        | {w for words in lex.verb_predicates.values() for w in words}
        | lex.clause_nouns
        | {p[0] for p in lex.prepositional}
        | lex.set_off_prepositional
        | lex.survey_prepositions
    )
    return tuple(sorted(words))


def _flag(data: Mapping[str, Any], key: str, where: str, default: bool = False) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"'{key}' must be true or false", where=where)
    return value


# PolNeAR's annotation policy as the cue file's flags: a quotation split by its cue is one
# attribution (the guide: two); attitudes ("believes", "wants to"), words no one is named as saying
# ("is expected to"), speech said not to have happened ("has not said when") and what someone spoke
# about ("referred to the strike"), reports whose content is a pronoun ("denounced him") and
# what a poll found ("in a CBS poll, she led") and deeds done to something ("nominated the judge")
# are attributions; and each word has one role in one
# attribution, so nothing is nested inside another's content
POLNEAR_POLICY: Mapping[str, bool] = {
    "merge_split_quotes": True,
    "mental_states": True,
    "sourceless_statements": True,
    "nested_statements": False,
    "unsaid_statements": True,
    "topic_statements": True,
    "pointer_statements": True,
    "survey_statements": True,
    "deed_statements": True,
}


def load_cues(path: Path | None = None, *, policy: Mapping[str, bool] | None = None) -> CueLexicon:
    """Read a cue lexicon file; ``None`` reads the one packaged with redline. ``policy``
    overrides the file's annotation-policy flags (``merge_split_quotes``, ``mental_states``,
    ``sourceless_statements``, ``nested_statements``, ``unsaid_statements``, ``topic_statements``,
    ``pointer_statements``, ``survey_statements``, ``deed_statements``;
    ``POLNEAR_POLICY`` is PolNeAR's), so that a corpus annotated by other rules is read by its
    own rules, the word lists unchanged."""
    source = path or DEFAULT_CUES
    data = read_yaml(
        source, "cue lexicon", missing_hint="pass an existing YAML file, or none for the packaged lexicon"
    )
    if policy and isinstance(data, dict):
        data = {**data, **policy}
    return parse_cues(data, where=str(source))
