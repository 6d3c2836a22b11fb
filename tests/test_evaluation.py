"""The scorer's span matching and the fold deal, shared by `redline train` and the benchmarks.

Every text here is written for these tests.
"""

from __future__ import annotations

from datetime import date

from redline.evaluation import best_match, documents, folds, overlap, span_tokens

TEXT = "The envoy said the ferry would run again, and the mayor said it would not."


def _span(words: str) -> set[int]:
    start = TEXT.index(words)
    return span_tokens(TEXT, start, start + len(words))


def test_tokens_are_the_words_wholly_inside_the_span() -> None:
    start = TEXT.index("ferry")
    assert span_tokens(TEXT, start, start + len("ferry would ru")) == {start, TEXT.index("would")}


def test_overlap_counts_over_the_shorter_span() -> None:
    assert overlap(_span("the ferry would run again"), _span("ferry would")) == 1.0
    assert overlap(_span("the ferry would"), _span("ferry would run again")) == 2 / 3
    assert overlap(set(), _span("ferry")) == 0.0


def test_the_best_unused_gold_at_half_the_shorter_span() -> None:
    gold = [_span("the ferry would run again"), _span("it would not")]
    assert best_match(_span("ferry would run"), gold) == 0
    assert best_match(_span("ferry would run"), gold, used={0}) is None
    assert best_match(_span("again, and the mayor"), gold) is None  # 1 of 4 words shared
    assert best_match(_span("said it would not"), gold) == 1
    # a tie goes to the first gold item
    assert best_match(_span("ferry would run"), [_span("ferry would"), _span("would run")]) == 0
    assert best_match(_span("ferry would run"), [_span("would run"), _span("ferry would")]) == 0


def test_folds_deal_every_id_once_and_repeat_with_the_seed() -> None:
    ids = [f"doc{i:02d}" for i in range(12)]
    dealt = folds(ids, 5, 0)
    assert len(dealt) == 5
    assert sorted(i for fold in dealt for i in fold) == ids
    assert dealt == folds(ids, 5, 0)
    assert dealt != folds(ids, 5, 1)
    assert len(folds(ids[:3], 5, 0)) == 3  # no more folds than documents


def test_an_annotated_article_reads_as_a_document() -> None:
    plain, full = documents(
        [
            {"id": 7, "text": "The envoy said the ferry would run."},
            {"id": "b", "text": "No.", "published": "2031-04-02", "title": "Ferry", "outlet": "Lake Post"},
        ]
    )
    assert (plain.id, plain.published, plain.title) == ("7", None, None)
    assert (full.published, full.title, full.outlet) == (date(2031, 4, 2), "Ferry", "Lake Post")
