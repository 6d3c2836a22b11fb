"""A cue whose sentence the parser ran over a paragraph break.

News text keeps one paragraph per line, yet spaCy sometimes parses the line before or after a
cue as one more clause of it. The clause across the break was then taken as the content (the
next paragraph's "X says ..." read as what the cue before it said) or left nothing with a verb
on the cue's side, and the cue's own clause was lost. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model

_AFTER = (
    "The mayor said on Monday her plans are in line with the county charter. The mayor noted that "
    'she once taught civics, and added: "I know a little about this."\n\n'
    "Lind says some limits on parking are needed to protect pedestrians."
)
_BEFORE = (
    "Residents lined up early. That's what I like and that's what the town likes.\"\n"
    "Moments earlier, in her opening remarks, Lind said she was well suited for the post.\n"
    '"I have the best record," she said.'
)


def _by_cue(attributed: Attributed, text: str) -> dict[str | None, list[str]]:
    out: dict[str | None, list[str]] = {}
    for a in attributed(text):
        out.setdefault(a.cue, []).append(a.content)
    return out


def test_a_clause_in_the_next_paragraph_is_not_the_cue_s_content(attributed: Attributed) -> None:
    found = _by_cue(attributed, _AFTER)
    assert found.get("noted") == ["she once taught civics"]
    assert found.get("says") == ["some limits on parking are needed to protect pedestrians"]


def test_a_clause_in_the_paragraph_before_does_not_hide_the_cue_s_own(attributed: Attributed) -> None:
    found = _by_cue(attributed, _BEFORE)
    assert "she was well suited for the post" in found.get("said", [])


def test_no_content_crosses_the_break(attributed: Attributed) -> None:
    for text in (_AFTER, _BEFORE):
        for a in attributed(text):
            assert "\n" not in a.content
