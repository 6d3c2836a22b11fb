"""Mixed content runs to the last quoted word, even where the parser hangs the quote's second
clause on the speech verb. Sentences written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


def test_a_quote_opened_in_the_content_ends_it(attributed: Attributed) -> None:
    text = 'Halvorsen told reporters the new text "is not ideal, but it is a working document."'
    (found,) = attributed(text)
    assert found.content == 'the new text "is not ideal, but it is a working document'


def test_a_quote_closed_inside_the_content_changes_nothing(attributed: Attributed) -> None:
    text = 'Halvorsen said the text was "not ideal", adding that the work would go on.'
    contents = [a.content for a in attributed(text)]
    assert 'the text was "not ideal"' in contents
