"""A speech act whose object is a gerund is a statement: "ruled out raising the tolls".

The parser makes the gerund a clausal complement, not a direct object, so verbs that make a
statement of their object (``object_verbs``) found none. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


def _found(attributed: Attributed, text: str) -> list[tuple[str, str | None]]:
    return [(a.content, a.cue) for a in attributed(text)]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "The port authority ruled out raising the tolls this year.",
            "raising the tolls this year",
            "ruled out",
        ),
        ("The mayor rejected holding a second vote.", "holding a second vote", "rejected"),
        ("The envoy denied meeting the rebel commanders.", "meeting the rebel commanders", "denied"),
    ],
)
def test_a_gerund_object_is_the_content(attributed: Attributed, text: str, content: str, cue: str) -> None:
    assert _found(attributed, text) == [(content, cue)]


def test_a_topic_verb_with_a_gerund_is_still_no_statement(attributed: Attributed) -> None:
    assert _found(attributed, "The two delegations discussed raising the tolls.") == []
