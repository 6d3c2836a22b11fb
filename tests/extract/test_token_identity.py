"""spaCy makes a new Token object on every access, so two tokens are the same word only when
their positions are: a walk up the parse must know the root by position, not by identity."""

from __future__ import annotations

from typing import Any

from redline.extract import reported
from redline.knowledge.cues import load_cues


def test_the_walk_out_of_a_quotation_stops_at_the_root(nlp: Any) -> None:
    doc = nlp("The minister said the harbour would reopen in May.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.head is not root  # why identity cannot be used
    assert reported._outside_quote(root, [False] * len(doc)) is None
    word = doc[1]  # "minister", outside any quotation: its head is the root
    assert reported._outside_quote(word, [False] * len(doc)).i == root.i


def test_a_cue_at_the_root_has_no_host_clause(nlp: Any) -> None:
    doc = nlp("The minister said the harbour would reopen in May.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert reported._host_content(root, load_cues()) is None
