"""Mixed content runs to the end of the quotation it opened, closing mark included, even where the
parser hangs the quote's second clause on the speech verb: an analyst reads whole quotations, never
a dangling one. Sentences written for these tests."""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


def test_a_quote_opened_in_the_content_ends_it(attributed: Attributed) -> None:
    text = 'Halvorsen told reporters the new text "is not ideal, but it is a working document."'
    (found,) = attributed(text)
    assert found.content == 'the new text "is not ideal, but it is a working document."'


def test_a_quote_closed_inside_the_content_changes_nothing(attributed: Attributed) -> None:
    text = 'Halvorsen said the text was "not ideal", adding that the work would go on.'
    contents = [a.content for a in attributed(text)]
    assert 'the text was "not ideal"' in contents


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The minister called the proposal a "good start," officials said.', 'the proposal a "good start,"'),
        (
            "Ortiz said the offer was \u201ca basis for more work.\u201d",
            "the offer was \u201ca basis for more work.\u201d",
        ),
        ('Asked about the deadline, Ortiz said the offer "will have to do."', 'the offer "will have to do."'),
    ],
)
def test_content_that_stops_at_a_closing_mark_takes_it(
    attributed: Attributed, text: str, content: str
) -> None:
    assert content in [a.content for a in attributed(text)]


def test_a_quotation_that_goes_on_after_the_content_is_not_pulled_in(attributed: Attributed) -> None:
    # the quotation closes only after words the content does not have: no mark to take
    text = 'Ortiz said the offer "will do for now" before she left.'
    contents = [a.content for a in attributed(text)]
    assert all(not c.endswith("left.") for c in contents)
    assert all(c.count('"') % 2 == 0 for c in contents)


def test_direct_quotes_keep_the_marks_out(attributed: Attributed) -> None:
    (found,) = attributed('"We will sign nothing today," Ortiz said.')
    assert found.content == "We will sign nothing today"
