"""A window read from the document's stretches equals the same text read alone."""

from __future__ import annotations

import random

import pytest

from redline.extract.classify import StatementClassifier
from redline.extract.features import StatementInput
from redline.extract.issues import IssueTagger
from redline.extract.lexicon import english_signs, normalise
from redline.extract.nearby import NearbyTerms
from redline.knowledge.issues import load_issues

# written for these tests: clause marks of every kind, numbers with separators, abbreviations,
# contractions and possessives across the places a window may be cut
DOCUMENT = (
    "KYIV (Wire) - The U.S. envoy met the delegation on Tuesday; the army cap of 600,000 troops "
    'and the frozen assets were on the table. "We won\'t cede the east," the minister said, '
    "adding that sanctions must stay (until a ceasefire holds). Moscow's reply: no NATO "
    "membership, ever! Officials said the 3.5 billion in assets could fund reconstruction, "
    "but Kyiv can't accept a cap on its army.\n\nIn Brussels, leaders said security guarantees "
    "[like NATO's Article 5] were essential, and that elections within 100 days were too soon? "
    "The Zaporizhzhia nuclear plant was not discussed."
)


@pytest.fixture(scope="module")
def tagger() -> IssueTagger:
    return IssueTagger(load_issues())


def test_a_window_has_the_tokens_and_hits_of_its_text_read_alone(tagger: IssueTagger) -> None:
    nearby = NearbyTerms(tagger, DOCUMENT)
    rng = random.Random(7)
    bounds = [(0, len(DOCUMENT)), (0, 0), (5, 5)]
    bounds += [tuple(sorted(rng.sample(range(len(DOCUMENT) + 1), 2))) for _ in range(400)]
    for start, end in bounds:
        window = nearby.window(start, end)
        alone = normalise(DOCUMENT[start:end])
        assert list(window.tokens) == alone, (start, end)
        assert window.signs == english_signs(alone), (start, end)
        pieces = nearby.pieces(start, end)
        assert [t for piece in pieces for t in piece.tokens] == alone, (start, end)
        expected = [(h.pattern.tag, h.pattern.weight, h.start) for h in tagger.term_hits(alone)]
        got = [(h.issue, h.weight, h.start) for h in window.hits]
        assert sorted(got) == sorted(expected), (start, end)


def test_the_whole_document_finds_the_terms_it_names(tagger: IssueTagger) -> None:
    issues = {h.issue for h in NearbyTerms(tagger, DOCUMENT).window(0, len(DOCUMENT)).hits}
    assert {"military_limits", "sanctions_economy", "nato"} <= issues


def test_near_follows_the_document_it_is_asked_about() -> None:
    """The classifier reads each document once, and never answers from the previous one."""
    classifier = StatementClassifier(load_issues())
    first = 'The army cap was the sticking point. "We will see," he said. Talks go on.'
    second = 'Sanctions relief was the sticking point. "We will see," he said. Talks go on.'
    assert classifier.near(StatementInput("We will see", document=first)) == ("military_limits",)
    assert classifier.near(StatementInput("We will see", document=second)) == ("sanctions_economy",)


def test_the_topic_read_from_the_stretches_is_the_whole_text_read_at_once(tagger: IssueTagger) -> None:
    classifier = StatementClassifier(load_issues())
    frames = {i.id for i in load_issues().issues if i.generic}
    floor = load_issues().min_score
    for document in (DOCUMENT, DOCUMENT.replace("army", "navy"), "Sanctions. Sanctions, and the army cap."):
        evidence = tagger.evidence(document)
        ranked = sorted(
            (s for s in evidence.values() if s.issue not in frames and s.terms >= floor),
            key=lambda s: (-s.terms, s.first),
        )
        expected = tuple(s.issue for s in ranked[:2])
        assert classifier.topic(StatementInput("x", document=document)) == expected


def test_a_window_widens_to_whole_stretches_within_the_slack_only(tagger: IssueTagger) -> None:
    text = "First clause here, second clause there. Third sentence runs on for a while."
    nearby = NearbyTerms(tagger, text)
    inside_second = text.index("clause there") + 3
    start, end = nearby.widen(inside_second, text.index("runs") + 2, slack=50)
    assert text[start:].startswith("second clause")
    assert text[:end].endswith("a while.")
    # beyond the slack, the edges stay where they were asked
    assert nearby.widen(inside_second, text.index("runs") + 2, slack=2) == (
        inside_second,
        text.index("runs") + 2,
    )
    # an edge already between stretches does not move
    gap = text.index(" second")
    assert nearby.widen(gap, gap + 1, slack=50)[0] == gap
