"""Fingerprints: canonical URLs and near-duplicate similarity."""

from __future__ import annotations

from redline.store.dedup import NEAR_DUPLICATE, fingerprint, similarity

ARTICLE = (
    "Negotiators from both sides met in Geneva on Sunday to go through the revised draft point by point. "
    "The American delegation said the document now reflected most of the concerns raised by Kyiv. "
    "Russian officials said they had not received the new text and would study it once it arrived. "
    "European diplomats warned that any settlement imposed on Ukraine would not last. "
    "A further round of talks is expected before the end of the month, according to two officials."
)


def test_reprint_with_small_edits_is_similar_and_other_news_is_not() -> None:
    reprint = "GENEVA (Wire) - " + ARTICLE.replace("on Sunday", "at the weekend") + " (Editing by staff)"
    other = (
        "Air raid sirens sounded across the capital overnight as drones were shot down over several "
        "districts, the city administration said, adding that there were no casualties reported."
    )
    a, b, c = (fingerprint(t, None, str(i)) for i, t in enumerate((ARTICLE, reprint, other)))
    assert similarity(a.signature, b.signature) >= NEAR_DUPLICATE
    assert similarity(a.signature, c.signature) < 0.2
    assert len(set(a.bands) & set(b.bands)) > 0
    assert fingerprint(ARTICLE, None, "x") == fingerprint(ARTICLE, None, "x")
