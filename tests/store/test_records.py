"""The passage shown around a statement: its paragraph, cut to a width in unbroken text."""

from __future__ import annotations

from redline.store.records import passage


def test_passage_is_the_paragraph() -> None:
    text = "First paragraph here.\nShe said it was over. Nobody agreed.\nLast one."
    start = text.index("it was over")
    lo, hi = passage(text, start, start + len("it was over"))
    assert text[lo:hi] == "She said it was over. Nobody agreed."


def test_passage_is_cut_in_long_unbroken_text_but_keeps_the_statement() -> None:
    text = "a " * 1000 + "THE QUOTE" + " b" * 1000
    start = text.index("THE QUOTE")
    lo, hi = passage(text, start, start + 9, width=50)
    assert (start - lo, hi - start - 9) == (50, 50)
    assert "THE QUOTE" in text[lo:hi]


def test_passage_at_the_edges_of_the_text() -> None:
    assert passage("said yes", 5, 8) == (0, 8)
    assert passage("x", 0, 5) == (0, 1)
