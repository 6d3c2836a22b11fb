"""How an output-identical stand-in takes the place of one of the model's pipes.

The stand-ins (``rule_pipes``, ``fast_ner``) reproduce a pipe only for the configurations they
were checked against; on anything else their factory raises ``Unsupported`` and the model's own
pipe keeps running. Where a stand-in is made, the original stays in the pipeline, disabled: the
stand-in reads its tables and weights, and hands it what it does not cover.
"""

from __future__ import annotations

from spacy.language import Language

__all__ = ["Unsupported", "swap_in"]


class Unsupported(ValueError):
    """The original pipe uses something its stand-in does not reproduce exactly."""


def swap_in(nlp: Language, original: str, stand_in: str) -> bool:
    """Put the ``stand_in`` factory's pipe in ``original``'s place when it can reproduce it."""
    if original not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe(stand_in, after=original)
    except Unsupported:
        return False
    nlp.disable_pipe(original)
    return True
