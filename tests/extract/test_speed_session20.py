"""Session 20's speed paths give what the readings they replace gave (issue 10): each check runs
the old computation beside the new one, or the remembered reading beside a fresh one. Sentences
written for these tests."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from spacy.tokens import Token

from attribution_spans import Attributed
from redline.extract.actors import span_head
from redline.extract.english import SUBJECTS_OR_EXPLETIVE
from redline.extract.speaker_index import DocumentIndex
from redline.extract.speaker_pronouns import PRONOUNS, bound_names
from redline.extract.speakers import SpeakerResolver
from redline.knowledge.actors import ActorBase, Collectives, load_actors

TEXTS = [
    "Zelensky met Macron in Paris on Monday. He said Macron would visit Kyiv before the summit.",
    "Trump, he said, had promised a deal. The envoy told reporters that he would return to Moscow.",
    "The Qatari Ministry of Foreign Affairs said it had passed the list on. It added that they "
    "would meet again, and two senior US officials said they expected a reply by Friday.",
]


@pytest.fixture(scope="module")
def kb() -> ActorBase:
    return load_actors()


@pytest.fixture(scope="module")
def resolver(kb: ActorBase) -> SpeakerResolver:
    return SpeakerResolver(kb)


def _index(resolver: SpeakerResolver, nlp: Any, text: str) -> DocumentIndex:
    doc = nlp(text)
    return resolver._index(doc, resolver.finder.find(doc))


def _old_short_name(kb: ActorBase, name: str) -> str:
    """``short_name`` as it built a pattern for every office on every call (before session 20)."""
    for long, short in kb.short_names.items():
        found = re.search(r"(?<!\w)" + re.escape(long) + r"(?!\w)", name, re.IGNORECASE)
        if found:
            return (name[: found.start()] + short + name[found.end() :]).strip()
    return name


@pytest.mark.parametrize(
    "name",
    [
        "Qatari Ministry of Foreign Affairs",
        "the qatari ministry of defence",
        "Qatari Foreign Ministry",
        "Ministry of Foreign Affairsx",  # no whole-word match: unchanged
        "a spokesperson",
    ],
)
def test_short_name_reads_as_a_pattern_built_per_call(kb: ActorBase, name: str) -> None:
    assert kb.short_names  # the test needs offices to shorten
    assert kb.short_name(name) == _old_short_name(kb, name)


@pytest.mark.parametrize(
    "text",
    [
        "anonymous US official",
        "European leaders",
        "France, Germany and the United Kingdom",
        "Putin",
        "a truce",
    ],
)
def test_an_affiliation_is_remembered_as_read(kb: ActorBase, text: str) -> None:
    first = kb.affiliation(text)
    assert first == kb._affiliation(text)  # the reading itself, not remembered
    assert kb.affiliation(text) is first  # the second asking reads the memo


def test_a_collective_reading_is_remembered_per_words_and_text(kb: ActorBase) -> None:
    words = ["two", "senior", "US", "officials"]
    plain = kb.collective(words)
    written = kb.collective(words, "two senior U.S. officials")
    assert plain is not None and written is not None
    assert plain == kb._collective((tuple(words), None))
    assert written == kb._collective((tuple(words), "two senior U.S. officials"))
    assert kb.collective(tuple(words)) is plain  # a tuple of the words is the same question
    assert kb.collective(["a", "truce"]) is None


def test_a_copy_with_other_knowledge_does_not_share_the_memos(kb: ActorBase) -> None:
    assert kb.collective(["European", "leaders"]) is not None
    assert kb.affiliation("European leaders") is not None
    copy = replace(kb, collectives=Collectives())
    assert copy.collective(["European", "leaders"]) is None
    assert copy.affiliation("European leaders") is None


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_the_index_head_of_a_span_is_span_head(resolver: SpeakerResolver, nlp: Any, text: str) -> None:
    index = _index(resolver, nlp, text)
    doc = index.doc
    spans = [doc[a:b] for a in range(len(doc)) for b in range(a + 1, min(len(doc), a + 8) + 1)]
    assert [index.head(s).i for s in spans] == [span_head(s).i for s in spans]
    assert [index.head(s).i for s in spans] == [span_head(s).i for s in spans]  # remembered


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_candidate_heads_are_read_from_each_candidate(resolver: SpeakerResolver, nlp: Any, text: str) -> None:
    index = _index(resolver, nlp, text)
    assert index.candidates
    expected = []
    for c in index.candidates:
        head = span_head(index.doc[c.start : c.end])
        expected.append((head.dep_, head.head.i, head.head.head.i))
    assert index.candidate_heads() == expected


def _old_bound_names(index: DocumentIndex, pron: Token) -> set[tuple[str | None, str]]:
    """``bound_names`` as it compared Token objects for every candidate (before session 20)."""
    doc = index.doc
    bound: set[tuple[str | None, str]] = set()
    if pron.dep_ in SUBJECTS_OR_EXPLETIVE:
        for c in index.candidates:
            if c.start > pron.i and c.kind == "person" and not index.in_quote[c.start]:
                head = c.head_token(doc)
                if head.dep_ != "poss" and pron.head in (head.head, head.head.head):
                    bound.add((c.actor_id, c.name if c.actor_id is None else ""))
        if pron.head.dep_ == "parataxis":
            for c in index.candidates:
                head = c.head_token(doc)
                subject = head.dep_ in SUBJECTS_OR_EXPLETIVE
                if c.start < pron.i and subject and head.head == pron.head.head:
                    bound.add((c.actor_id, c.name if c.actor_id is None else ""))
    return bound


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_bound_names_are_those_the_token_comparisons_found(
    resolver: SpeakerResolver, nlp: Any, text: str
) -> None:
    index = _index(resolver, nlp, text)
    pronouns = [t for t in index.doc if t.lower_ in PRONOUNS]
    assert pronouns
    assert [bound_names(index, p) for p in pronouns] == [_old_bound_names(index, p) for p in pronouns]


@pytest.mark.model
def test_a_clause_governed_name_is_still_bound(resolver: SpeakerResolver, nlp: Any) -> None:
    index = _index(resolver, nlp, "He said Witkoff would be welcome in Kyiv.")
    he = index.doc[0]
    assert any("Witkoff" in name or actor for actor, name in bound_names(index, he))
    it = _index(resolver, nlp, "Witkoff arrived in Kyiv. He said the talks went well.")
    assert not bound_names(it, it.doc[5])  # Witkoff comes before "He": not bound by its clause


@pytest.mark.model
def test_a_speakers_side_is_read_once_per_name(resolver: SpeakerResolver, nlp: Any) -> None:
    index = _index(resolver, nlp, TEXTS[2])
    for actor_id, name in [(None, "two senior US officials"), (None, "a Slovak analyst"), (None, "Qatar")]:
        side = resolver._side(index, actor_id, name)
        assert index.sides[actor_id, name] == side == resolver._read_side(index, actor_id, name)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("“We will not give up the land,” according to the foreign minister.", "the foreign minister"),
        ("“The deal is dead,” in the words of a senior diplomat.", "a senior diplomat"),
    ],
)
def test_a_prepositional_frame_still_names_the_source(attributed: Attributed, text: str, source: str) -> None:
    found = [a for a in attributed(text) if a.source is not None]
    assert found and found[0].source == source, found


@pytest.mark.model
def test_a_frame_with_only_the_first_word_of_a_cue_names_no_source(attributed: Attributed) -> None:
    # "according" alone, and "in the" without "words of": no prepositional cue
    text = "“We will not give up the land,” and in the end, according as things go, nothing changed."
    assert all(a.source is None or "according" not in (a.cue or "") for a in attributed(text))
