"""A cue set off by commas inside the clause it reports: "Back home, he said, the mood had
changed", "as one diplomat put it, ...".

spaCy often hangs such an insert on the wrong word (the fronted noun, or the insert as the
sentence root), and "put it" is no reporting verb on its own, so these statements were lost.
Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from attribution_spans import Attributed

pytestmark = pytest.mark.model


def _found(attributed: Attributed, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(a.content, a.cue, a.source) for a in attributed(text)]


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            # the clause after the insert has a reporting verb of its own: still Mr. Ozols's words
            "Back in Riga, Mr. Ozols said, he warned the board that the mill would close.",
            "he warned the board that the mill would close",
            "said",
            "Mr. Ozols",
        ),
        (
            "The difference now, he told me on Friday, is that he runs a news program.",
            "is that he runs a news program",
            "told",
            "he",
        ),
        (
            'These workers, Smith explained earlier in the hearing, were "well paid," earning a decent wage.',
            'were "well paid," earning a decent wage',
            "explained",
            "Smith",
        ),
    ],
)
def test_an_insert_after_a_fronted_phrase_reports_the_rest_of_the_sentence(
    attributed: Attributed, text: str, content: str, cue: str, source: str
) -> None:
    assert (content, cue, source) in _found(attributed, text), _found(attributed, text)


@pytest.mark.parametrize(
    "text",
    [
        # the verb has content of its own before the comma: "and ..." is the narrator's
        "In the end, the firm agreed to lend Mr. Jones $5 million, and the union also stepped in.",
        # the narrator goes on about the speaker
        "Back home, Mr. Jones said, and then he left the room for good.",
    ],
)
def test_a_verb_with_its_own_content_is_no_insert(attributed: Attributed, text: str) -> None:
    found = _found(attributed, text)
    assert not any(c.startswith(("the union", "then he left", "he left")) for c, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "As Ms. Petrova put it in a statement to reporters in July, the channel gives a view you "
            "won't get elsewhere.",
            "the channel gives a view you won't get elsewhere",
            "Ms. Petrova",
        ),
        (
            "As one diplomat put it, the talks are going nowhere.",
            "the talks are going nowhere",
            "one diplomat",
        ),
        (
            'The main test for the scheme is a "clean record of income," as a ministry memo put it.',
            "clean record of income",
            "a ministry memo",
        ),
    ],
)
def test_as_someone_put_it_reports_the_clause_it_interrupts(
    attributed: Attributed, text: str, content: str, source: str
) -> None:
    assert (content, "put", source) in _found(attributed, text), _found(attributed, text)


@pytest.mark.parametrize(
    "text",
    [
        "As they put it on hold, the talks stalled.",
        "As they put it aside, the talks stalled.",
        "They put it to a vote, and the talks stalled.",
    ],
)
def test_putting_something_somewhere_says_nothing(attributed: Attributed, text: str) -> None:
    assert _found(attributed, text) == []


def test_according_to_keeps_its_clause_when_the_parse_runs_the_source_on(attributed: Attributed) -> None:
    # the parser reads "the move reeks" as an apposition of the name, swallowing the content
    found = _found(attributed, 'According to radio host Tom Banks, the move reeks of "fear" and desperation.')
    assert ('the move reeks of "fear" and desperation', "According to", "radio host Tom Banks") in found, (
        found
    )


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            '"We need change," the businessman said, arguing that he will bring jobs back.',
            "We need change",
            "the businessman",
        ),
        ('"Not yet," said the minister, before leaving the hall for the airport.', "Not yet", "the minister"),
    ],
)
def test_a_short_quotation_tagged_by_its_cue_is_a_statement(
    attributed: Attributed, text: str, content: str, source: str
) -> None:
    assert (content, "said", source) in _found(attributed, text), _found(attributed, text)


@pytest.mark.parametrize(
    "text",
    [
        'On this week\'s broadcast of "Sunday Live," the mayor said the plan was dead.',
        'In an interview on "Face the Week," the speaker said the bill would pass.',
    ],
)
def test_a_title_in_quote_marks_before_the_cue_is_no_statement(attributed: Attributed, text: str) -> None:
    assert not any(c in ("Sunday Live", "Face the Week") for c, _, _ in _found(attributed, text))


@pytest.mark.parametrize(
    "text",
    [
        "For weeks, the senators have tried to warn voters about the missing files.",
        "The union is seeking to condemn the new pay deal at its congress.",
        "The new rule requires every candidate to disclose their assets and sources of income.",
    ],
)
def test_an_act_of_saying_only_tried_sought_or_required_is_no_statement(
    attributed: Attributed, text: str
) -> None:
    assert _found(attributed, text) == []


def test_going_on_to_say_is_still_saying(attributed: Attributed) -> None:
    found = _found(attributed, "The minister went on to say that the deal was dead.")
    assert ("the deal was dead", "to say", "The minister") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Do you know where your candidate's tax returns are?",
        "Seriously, please ask yourself that question before you vote.",
        "Imagine the spectacle if the court sues a sitting president.",
        "Now tell us this isn't a witch hunt of the highest order!",
    ],
)
def test_the_writer_addressing_the_reader_reports_no_statement(attributed: Attributed, text: str) -> None:
    assert _found(attributed, text) == []


def test_a_named_speaker_after_a_note_to_the_reader_still_speaks(attributed: Attributed) -> None:
    found = _found(attributed, "Note that the minister said the talks would resume next week.")
    assert ("the talks would resume next week", "said", "the minister") in found, found


def test_the_that_clause_after_the_verb_is_its_content(attributed: Attributed) -> None:
    # the parser hangs the fronted participle's clause on "noted" as well
    found = _found(
        attributed,
        "Writing for a newspaper panel that all agreed Jones won the debate, Mark Hill noted that "
        "the way Jones carried himself was critical to his success.",
    )
    assert ("the way Jones carried himself was critical to his success", "noted", "Mark Hill") in found, found
