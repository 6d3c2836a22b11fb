"""A verb whose prepositional object is what was said keeps the preposition in its cue:
"warned against" says the opposite of "warned of", and the stance rules read the cue.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The minister warned against a deal struck behind closed doors.", "a deal struck", "warned against"),
        ("The mayor warned strongly against a second vote.", "a second vote", "warned strongly against"),
        ("The envoy talked about the bridge project for an hour.", "the bridge project", "talked about"),
    ],
)
def test_the_preposition_belongs_to_the_cue(
    attributed: Attributed, text: str, content: str, cue: str
) -> None:
    found = [(a.content, a.cue) for a in attributed(text) if content in a.content]
    assert found and found[0][1] == cue, found
