"""A participle right after a ", he said," insert ("The city will stay neutral, he said, speaking
to reporters") tells what the speaker did, not what was said: the content is the clause the
insert interrupts, whichever side is longer; and such a participle is no insert of its own.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The city will stay neutral, he said, speaking to reporters in the capital.",
        "The city will stay neutral, he said, responding to questions about the strike.",
    ],
)
def test_the_insert_reports_the_clause_it_interrupts(attributed: Attributed, text: str) -> None:
    found = [(a.content, a.cue, a.source) for a in attributed(text)]
    assert ("The city will stay neutral", "said", "he") in found, found
    assert all(cue == "said" or content != "The city will stay neutral" for content, cue, _ in found), found


def test_a_clause_after_the_insert_is_still_reported(attributed: Attributed) -> None:
    found = [
        (a.content, a.cue) for a in attributed("Officials, he said, were speaking to the unions all week.")
    ]
    assert ("were speaking to the unions all week", "said") in found, found
