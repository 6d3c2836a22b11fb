"""A speaker mention never carries the dateline's date: "TALLINN, March 3 - Estonian Foreign
Minister ... said". The parser leaves the place out of the subject but keeps the date, so the
dateline is found from the start of the line, not the start of the mention. Sentences are
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from redline.model import Document

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "TALLINN, March 3 - Estonian Foreign Minister Margus Tsahkna said the sanctions would stay.",
            "Estonian Foreign Minister Margus Tsahkna",
        ),
        (
            "VILNIUS, Jan 5 (Wire) - Lithuanian President Gitanas Nauseda told reporters "
            "that the ferry deal was dead.",
            "Lithuanian President Gitanas Nauseda",
        ),
        (
            "Earlier coverage.\nRIGA, Nov 28 - Latvian Prime Minister Evika Silina said on Friday that any "
            "border change would need a referendum.",
            "Latvian Prime Minister Evika Silina",
        ),
    ],
)
def test_the_mention_starts_after_the_dateline(extractor: Any, text: str, mention: str) -> None:
    statements = extractor.extract_one(Document(id="d", text=text)).statements
    assert statements, "no statement"
    speaker = statements[0].speaker
    assert speaker is not None and speaker.mention.text == mention


def test_a_name_in_capitals_mid_line_is_not_a_dateline(extractor: Any) -> None:
    statements = extractor.extract_one(
        Document(id="d", text="On Monday NATO said the drills, planned since May, would go ahead.")
    ).statements
    assert statements and statements[0].speaker is not None
    assert statements[0].speaker.mention.text == "NATO"
