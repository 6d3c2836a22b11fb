"""Speakers the tenth held-out batch's first run got wrong (issue 10: a document, a relative
clause's object or a partitive must not become an actor): sentences written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from redline.model import Document

pytestmark = pytest.mark.model


def _speakers(extractor: Any, text: str) -> dict[str, str | None]:
    result = extractor.extract_one(Document(id="s", text=text, published=date(2025, 12, 1)))
    return {s.content.text: (s.speaker.name if s.speaker else None) for s in result.statements}


def _speaker_of(extractor: Any, text: str, content: str) -> str | None:
    got = _speakers(extractor, text)
    matches = [name for said, name in got.items() if said.startswith(content)]
    assert matches, got
    return matches[0]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "The Norwegian government has answered the vote in Brussels. In a statement, it said the "
            'levy was "a mistake." Oslo expects Brussels to drop the levy "once the accord is signed," '
            "the statement added.",
            "Oslo expects Brussels",
            "Norwegian government",
            id="the statement a pronoun made in speaks for whom the pronoun was read as",
        ),
        pytest.param(
            "Both sides have agreed to free 300 detainees. A statement from the foreign ministry in "
            'Bern called the swap "a step forward for both nations."',
            'the swap "a step forward',
            "foreign ministry in Bern",
            id="a statement from a body speaks for that body",
        ),
        pytest.param(
            "Two Baltic diplomats who have seen the text said their governments were uneasy about "
            "a clause on gas transit.",
            "their governments were uneasy",
            "anonymous official",
            id="the object of a relative clause on the subject is not the speaker",
        ),
        pytest.param(
            "Two Baltic diplomats who have seen the text said their governments were uneasy about "
            'a clause on gas transit. One of them called it "a loophole."',
            'it "a loophole."',
            "anonymous official",
            id="one of the unnamed diplomats is one of them",
        ),
        pytest.param(
            "Three Nordic diplomats who have read the draft said their capitals worried about a clause "
            'that would give Rosatom a seat on the board. "If this stays," the diplomat said, "the '
            'board is captured."',
            "If this stays",
            "anonymous official",
            id="the diplomat after unnamed diplomats is one of them, not an organisation",
        ),
        pytest.param(
            'Two French diplomats said the draft was weak. "It will fail," the diplomat said.',
            "It will fail",
            "anonymous French official",
            id="the diplomat takes the placed label of the diplomats before",
        ),
        pytest.param(
            "Some in Brussels argue that the waiver can be fixed later.",
            "the waiver can be fixed later",
            "anonymous EU official",
            id="some in a capital are unnamed officials there",
        ),
        pytest.param(
            "Poland has paid enough. A Polish colleague put it well when she told me that every waiver "
            'was "a loan to the next war."',
            "every waiver",
            "A Polish colleague",
            id="she takes up a colleague, a person noun",
        ),
    ],
)
def test_unseen10_speakers(extractor: Any, text: str, content: str, speaker: str) -> None:
    assert _speaker_of(extractor, text, content) == speaker


OPED = (
    "Opinion | Europe cannot wait\n\n"
    "By Ilse Varga\nMarch 2, 2026\n\n"
    "Estonia is ready to act. When I met my Polish counterpart in Tallinn, I told him that Estonia "
    "would send engineers to any monitoring mission.\n\n"
    'The minister of a neighbouring state told me: "I will not sign it."'
)


def test_an_oped_writer_speaks_as_i(extractor: Any) -> None:
    assert _speaker_of(extractor, OPED, "Estonia would send engineers") == "Ilse Varga"


def test_a_quoted_i_is_not_the_writer(extractor: Any) -> None:
    got = _speakers(extractor, OPED)
    assert all(name != "Ilse Varga" for said, name in got.items() if "will not sign" in said), got


def test_a_writer_named_by_an_outlet_is_no_i(extractor: Any) -> None:
    text = (
        "By Reuters\nMarch 2, 2026\n\n"
        "Estonia is ready to act, officials said. When I met the minister, I told him that Estonia "
        "would send engineers."
    )
    got = _speakers(extractor, text)
    assert all(name != "Reuters" for name in got.values()), got
