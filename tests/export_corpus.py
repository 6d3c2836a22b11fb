"""A small corpus for the export tests, built with the fake extractor (no spaCy model).

Four articles written for these tests: two originals with speakers on several issues, a
near-duplicate reprint of the first, and a fourth with a speaker whose statements are
corrected. Corrections: Putin's plan statement becomes conditional, Rubio's is rejected,
Macron's plan statement becomes neutral.
"""

from __future__ import annotations

from pathlib import Path

from fakes import doc, make_fake
from redline.config import Settings
from redline.ingest import ingest
from redline.store import Correction, StatementFilter, Store

FIRST = (
    "Vladimir Putin said the plan could be a basis for a settlement. "
    "Delegations met for six hours in a hotel by the lake on Sunday. "
    "Volodymyr Zelensky said Ukraine would never give up territory. "
    "Marco Rubio said the ceasefire talks were going well. "
    "No date has been set for the next round, according to people briefed on the talks."
)
REPRINT = FIRST.replace("on Sunday", "over the weekend") + " Reporting by staff in Geneva."
SECOND = (
    "Putin said territory in Donbas must be handed over. "
    "Volodymyr Zelensky said NATO membership should not be ruled out. "
    "Putin said sanctions must be lifted before any ceasefire."
)
FOURTH = (
    "Emmanuel Macron said the ceasefire must come first. "
    "Emmanuel Macron said the plan was still being discussed."
)


def _find(store: Store, outlet: str, words: str) -> str:
    rows = store.statements(StatementFilter(outlet=outlet, limit=None))
    return next(r["id"] for r in rows if words in r["content"])


def build_corpus(where: Path | str) -> str:
    """Ingest the four articles into a new database (a SQLite file path or a URL), apply the
    corrections, return the URL."""
    url = where if isinstance(where, str) else f"sqlite:///{where}"
    with Store.open(url) as store:
        ingest(
            [
                doc(1, FIRST, outlet="Wire", url="https://wire.example/a1", day=20),
                doc(2, SECOND, outlet="Post", url="https://post.example/a2", day=21),
                doc(3, REPRINT, outlet="Daily", url="https://daily.example/a3", day=22),
                doc(4, FOURTH, outlet="Globe", url="https://globe.example/a4", day=23),
            ],
            store,
            Settings(),
            extractor_factory=make_fake,
        )
        store.correct(_find(store, "Wire", "basis"), Correction(stance="conditional", who="ana"))
        store.correct(_find(store, "Wire", "going well"), Correction(reject=True, who="ana"))
        store.correct(_find(store, "Globe", "discussed"), Correction(stance="neutral", who="ana"))
    return url
