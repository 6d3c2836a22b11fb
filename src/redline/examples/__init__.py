"""The example corpus that ships inside the package.

An installed redline has no checkout next to it, yet its demo, its tests and its quality
benchmark all need the same small corpus: so a copy of ``examples/corpus`` travels as
package data and is found here through ``importlib.resources``. The copy in the
repository and this one are kept byte-identical by ``tests/test_examples.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from redline.errors import RedlineError

__all__ = [
    "EXAMPLE_PLAN",
    "ExamplePlan",
    "corpus_dir",
    "corpus_path",
    "example_plans",
    "expected_path",
    "gold_documents",
]

_PACKAGE = "redline.examples"


def _resource(*parts: str) -> Path:
    resource = files(_PACKAGE).joinpath(*parts)
    # Callers hand the path to file readers and to SQLite's ingest, which need a real
    # file; a zipped install (zipimport) cannot give one, so say so instead of failing later.
    if not isinstance(resource, Path) or not resource.is_file():
        raise RedlineError(
            f"the bundled example file {'/'.join(parts)} is missing from the installed package",
            where=_PACKAGE,
            hint="reinstall redline from a wheel or source tree (pip install --force-reinstall redline); "
            "zipped installs are not supported for the examples",
        )
    return resource


def corpus_path() -> Path:
    """Path of the bundled ``articles.jsonl`` (30 news-style articles, Nov-Dec 2025)."""
    return _resource("corpus", "articles.jsonl")


@dataclass(frozen=True, slots=True)
class ExamplePlan:
    """One bundled plan version and what to import it as."""

    path: Path
    plan: str
    label: str
    date: date


EXAMPLE_PLAN = "peace"


def example_plans() -> list[ExamplePlan]:
    """The two bundled versions of the example plan, oldest first (copies of examples/plans)."""
    return [
        ExamplePlan(_resource("plans", "draft-28-points.md"), EXAMPLE_PLAN, "28-point", date(2025, 11, 20)),
        ExamplePlan(_resource("plans", "revised-19-points.md"), EXAMPLE_PLAN, "19-point", date(2025, 11, 30)),
    ]


def expected_path() -> Path:
    """Path of ``expected.json``, the hand-annotated attributions for eight of the articles."""
    return _resource("corpus", "expected.json")


def corpus_dir() -> Path:
    """Directory holding the bundled corpus files, for commands that take a folder."""
    return corpus_path().parent


def gold_documents(corpus: Path | None = None, expected: Path | None = None) -> list[dict[str, Any]]:
    """The annotated documents of ``expected.json``, each with its article's ``text`` added.

    That is the shape of one gold file for the project's scorer (id, text, attributions), so
    a benchmark can write these out or score against them without knowing the corpus layout.
    ``corpus`` and ``expected`` name another pair of files in the same format (a held-out set
    kept with the benchmarks), which is read the same way.
    """
    corpus = corpus or corpus_path()
    expected = expected or expected_path()
    texts: dict[str, str] = {}
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                texts[str(record["id"])] = str(record["text"])
    gold = json.loads(expected.read_text(encoding="utf-8"))
    documents: list[dict[str, Any]] = []
    for document in gold["documents"]:
        if document["id"] not in texts:
            raise RedlineError(
                f"expected.json annotates {document['id']!r}, which is not in articles.jsonl",
                where=str(expected),
                hint="keep the two files of the example corpus in step",
            )
        documents.append({**document, "text": texts[document["id"]]})
    return documents
