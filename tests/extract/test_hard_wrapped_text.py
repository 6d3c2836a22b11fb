"""Hard-wrapped text (an e-mail, wire copy, a text file cut at 70 characters): a line end inside
a sentence is read as a space by the parser, and the text redline stores and points into keeps
its line ends. Sentences are the project's own."""

from __future__ import annotations

from typing import Any

import pytest

from redline.extract.nlp import unwrapped
from redline.model import Document

WRAPPED = (
    "The harbour minister, Delia Ostrova, said on Tuesday that the draft\n"
    "agreement was unacceptable in its present form and that the port\n"
    "would stay closed until the operators made a better offer.\n"
)


@pytest.mark.model
def test_a_wrapped_sentence_reads_as_one(extractor: Any) -> None:
    found = extractor.extract_one(Document(id="d", text=WRAPPED)).statements
    # the wrapped line once came out as a headline signed "on Tuesday that the draft"
    assert [(s.speaker.name if s.speaker else None) for s in found] == ["Delia Ostrova"]
    (st,) = found
    assert st.content.text.startswith("the draft\nagreement was unacceptable")
    assert WRAPPED[st.content.start : st.content.end] == st.content.text


def test_only_line_ends_inside_a_sentence_are_unwrapped() -> None:
    assert unwrapped(WRAPPED) == WRAPPED.replace("draft\nagreement", "draft agreement").replace(
        "port\nwould", "port would"
    )
    assert len(unwrapped(WRAPPED)) == len(WRAPPED)
    # negative: a paragraph, a headline or a transcript turn opens in capitals
    lines = "Talks stall\nThe minister said no.\nKILEY: Will it reopen?\nOSTROVA: in May.\n"
    assert unwrapped(lines) == lines
    assert unwrapped("The port closed.\nopen letters follow") == "The port closed.\nopen letters follow"
