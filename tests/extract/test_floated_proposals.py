"""A proposal "floated" in public is a statement ("The mayor has floated the idea of a
referendum"), as "proposed" is; the verb was missing from the cue lexicon (issue 10, verbs
missing from the lexicon). A boat that floats says nothing. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


def test_a_floated_proposal_is_a_statement(attributed: Attributed) -> None:
    found = [
        (a.content, a.cue, a.source)
        for a in attributed("The mayor has floated the idea of a referendum on the tolls.")
    ]
    assert found == [("the idea of a referendum on the tolls", "has floated", "The mayor")], found


def test_floating_with_no_object_says_nothing(attributed: Attributed) -> None:
    assert attributed("The old ferry floated down the river for an hour.") == []
