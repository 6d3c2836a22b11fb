"""A plain-text article's headline line becomes its title; running text never does.

Texts are written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redline.config import Settings
from redline.model import Document
from redline.sources import read_sources
from redline.sources.headline import headline_of


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Harbour talks stall over ferry quotas\n\nTALLINN, March 3 - The talks stalled.",
            "Harbour talks stall over ferry quotas",
        ),
        (
            "\n\n# Ferry deal within reach, envoy says\n\nThe envoy said a deal was near.",
            "Ferry deal within reach, envoy says",
        ),
        ("Mayor backs toll plan\n", "Mayor backs toll plan"),
    ],
)
def test_a_headline_line_is_the_title(text: str, title: str) -> None:
    assert headline_of(text) == title


@pytest.mark.parametrize(
    "text",
    [
        "The envoy said a deal was near.\n\nHe left on Monday.",  # a sentence, not a headline
        "Harbour talks stall over ferry quotas\nTALLINN, March 3 - The talks stalled.",  # no blank line
        "By Staff Reporter\n\nThe envoy said a deal was near.",  # a byline
        "Published 3 March 2025\n\nThe envoy said a deal was near.",
        "Talks\n\nThe envoy said a deal was near.",  # one word
        "",
        "   \n\n",
        "The envoy, speaking in the port city after a long night of talks with the mayors of the three "
        "coastal towns and the heads of the two ferry companies that run the routes between them and the "
        "islands, said a deal was near and would be signed\n\nMore follows.",  # too long for a headline
    ],
)
def test_running_text_is_no_title(text: str) -> None:
    assert headline_of(text) is None


def test_a_text_file_gets_its_headline_as_title_and_keeps_its_text(tmp_path: Path) -> None:
    text = "Ferry deal within reach, envoy says\n\nThe envoy said on Monday that a deal was near.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (doc,) = [d for d in read_sources([str(tmp_path / "a.txt")], Settings()) if isinstance(d, Document)]
    assert doc.title == "Ferry deal within reach, envoy says"
    assert doc.text.startswith("Ferry deal within reach")  # the headline is still read for statements


def test_a_declared_title_wins(tmp_path: Path) -> None:
    text = "Ferry deal within reach, envoy says\n\nThe envoy said a deal was near."
    record = json.dumps({"text": text, "title": "Given"}) + "\n"
    (tmp_path / "a.jsonl").write_text(record, encoding="utf-8")
    (doc,) = [d for d in read_sources([str(tmp_path / "a.jsonl")], Settings()) if isinstance(d, Document)]
    assert doc.title == "Given"
