"""Generated news-style articles and a CPU-realistic fake extractor for the benchmarks.

Articles recombine short sentences written for this project, with varying names, places and
numbers so that no two articles are near-duplicates of each other. Numbers come from a closed
range so the vocabulary (and the tokenizer's string store) stops growing, as real news does.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fakes import SaidExtractor
from redline.config import Settings
from redline.model import Document, Extraction

SPEAKERS = [
    "Vladimir Putin",
    "Volodymyr Zelensky",
    "Steve Witkoff",
    "Dmitry Peskov",
    "Andriy Yermak",
    "Marco Rubio",
    "Kaja Kallas",
    "Emmanuel Macron",
    "Sergei Lavrov",
    "Rustem Umerov",
]
CLAIMS = [
    "the plan could be a basis for talks",
    "Ukraine would not give up territory in Donbas",
    "NATO membership was not on the table",
    "sanctions relief should come only after a ceasefire",
    "security guarantees had to be written into the deal",
    "the draft had been changed with Kyiv",
    "a ceasefire was possible within weeks",
    "the army cap of 600,000 was dropped",
    "elections could follow a cessation of hostilities",
    "the nuclear plant would be run jointly",
    "prisoner exchanges would continue",
    "frozen assets would pay for reconstruction",
]
FILLER = [
    "Talks resumed in {place} on {weekday}.",
    "Delegations met for {n} hours behind closed doors.",
    "The meeting in {place} ended without a joint statement.",
    "Officials declined to give details.",
    "Air raid sirens sounded across {place} overnight.",
    "The {n}-point draft was circulated last week.",
    "Analysts expect further rounds in {place}.",
    "Markets reacted calmly to the news from {place}.",
    "A second delegation is due to arrive in {place} by {weekday}.",
    "No date for a summit has been set.",
]
PLACES = [
    "Geneva",
    "Abu Dhabi",
    "Moscow",
    "Kyiv",
    "Miami",
    "Istanbul",
    "Riyadh",
    "Berlin",
    "Brussels",
    "Paris",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["Wire", "Daily Herald", "Evening Post", "The Courier", "Morning Ledger", "Globe"]


def article(n: int, sentences: int = 14) -> Document:
    rnd = random.Random(n)
    parts = []
    for i in range(sentences):
        if i % 3 == 0:
            parts.append(
                f"{rnd.choice(SPEAKERS)} said {rnd.choice(CLAIMS)} in remarks no. {rnd.randrange(1000)}."
            )
        else:
            parts.append(
                rnd.choice(FILLER).format(
                    place=rnd.choice(PLACES), weekday=rnd.choice(WEEKDAYS), n=rnd.randrange(2, 60)
                )
                + f" Ref {rnd.randrange(1000)}."
            )
    day = date(2025, 11, 1) + timedelta(days=n % 120)
    return Document(
        id=f"gen-{n}",
        text=" ".join(parts),
        published=day,
        outlet=OUTLETS[n % len(OUTLETS)],
        url=f"https://news.example/{n}",
        title=f"Generated article {n}",
    )


def articles(count: int) -> Iterator[Document]:
    return (article(n) for n in range(count))


class BusyExtractor(SaidExtractor):
    """The fake extractor plus spaCy tokenisation and sentence splitting, and optionally extra
    CPU work per document (``cost_ms``) standing in for the statistical pipeline's cost."""

    def __init__(self, settings: Settings | None = None, cost_ms: float = 0.0) -> None:
        import spacy

        super().__init__(settings, version="busy/1")
        self._nlp = spacy.blank("en")
        self._nlp.add_pipe("sentencizer")
        self.cost = cost_ms / 1000

    def extract(self, docs: Iterable[Document]) -> Iterator[Extraction]:
        batch = list(docs)
        for _ in self._nlp.pipe(d.text for d in batch):
            if self.cost:
                end = time.process_time() + self.cost
                while time.process_time() < end:
                    pass
        yield from super().extract(batch)


def make_busy(settings: Settings, cost_ms: float = 0.0) -> BusyExtractor:
    return BusyExtractor(settings, cost_ms)
