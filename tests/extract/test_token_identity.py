"""spaCy makes a new Token object on every access, so two tokens are the same word only when
their positions are: a walk up the parse must know the root by position, not by identity."""

from __future__ import annotations

import threading
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


def test_a_predicate_hung_outside_the_cue_ends_the_climb_at_the_root(nlp: Any) -> None:
    """The word after a speech verb may hang on another clause entirely: the climb to the verb
    reaches the root and must stop there (it once looped for ever on a news article)."""
    from spacy.tokens import Doc

    words = ["Officials", "say", "early", "talks", "began"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 4, 3, 4, 4],  # "say" hangs on "began", the root; "early" on "talks"
        deps=["nsubj", "ccomp", "amod", "nsubj", "ROOT"],
        pos=["NOUN", "VERB", "ADJ", "NOUN", "VERB"],
    )
    say = doc[1]
    doc[2].dep_ = "advmod"  # as the parser sometimes labels it
    cues, found = load_cues(), []
    climb = threading.Thread(
        target=lambda: found.append(reported._elided_copula(say, "speech", cues, [False] * len(doc))),
        daemon=True,
    )
    climb.start()
    climb.join(10)
    assert not climb.is_alive(), "the climb never ended"
    assert found == [None]
