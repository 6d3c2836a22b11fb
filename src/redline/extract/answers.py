"""A short reply to a yes/no question takes its proposition from the question.

News English reports an answer apart from its question: "Asked whether Kyiv would give up the
east, the president replied: 'Never.'" or "Asked if Moscow would accept a truce, Peskov said it
would not." The reply alone ("Never.", "it would not") names no issue and takes no side; the
side is the question's proposition, affirmed or denied. ``answered`` finds that proposition
in the sentence around the reply and says which way the reply goes; the stance rules then read
the question's words as if the speaker had said them, and turn the result round for a no.

Text only (no parse): the question is the clause after "asked whether/if" (or "asked about")
that ends before the reply, and the reply is one of the closed answer forms in ``english.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from redline.extract.english import (
    ANSWER_AUXILIARIES,
    ANSWER_FILLERS,
    ANSWER_NO,
    ANSWER_SUBJECTS,
    ANSWER_YES,
)

# "asked whether", "was asked if", "when asked whether", "pressed on whether", "questioned whether"
_QUESTION = re.compile(
    r"\b(?:asked|pressed|questioned)\s+(?:\w+\s+){0,3}?(?:on\s+)?(?:whether|if)\s+(?P<q>[^;:?“”\"]+)",
    re.IGNORECASE,
)
_MAX_REPLY_WORDS = 5
_WORD = re.compile(r"[\w’']+")
# the fillers dropped from a reply, longest first ("absolutely not": the "not" answers), each
# compiled once (every statement is asked whether it is a bare reply)
_FILLERS = tuple(re.compile(rf"\b{fill}\b") for fill in sorted(ANSWER_FILLERS, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Answer:
    """The question a reply answers and whether the reply denies it."""

    question: str
    negative: bool


def answered(content: str, context: str) -> Answer | None:
    """The yes/no question ``content`` answers in ``context`` (its sentence), or None when the
    content is more than a bare reply or no question stands before it."""
    polarity = _reply(content)
    if polarity is None:
        return None
    at = context.find(content)
    before = context[: at if at >= 0 else len(context)]
    found = list(_QUESTION.finditer(before))
    if not found:
        return None
    question = found[-1].group("q")
    # the question runs to the clause that reports the reply: "..., the president replied"
    question = question.split(",")[0].strip()
    if len(_WORD.findall(question)) < 2:
        return None
    return Answer(question, polarity)


def _reply(content: str) -> bool | None:
    """True for a bare no ("Never.", "absolutely not", "it would not"), False for a bare yes,
    None for anything longer or else."""
    text = content.lower().replace("’", "'")
    text = text.replace("won't", "will not").replace("can't", "can not").replace("n't", " not")
    # one word past the most a reply holds tells a longer statement (not read to its end)
    tokens = [m.group() for m in islice(_WORD.finditer(text), _MAX_REPLY_WORDS + 1)]
    if not tokens or len(tokens) > _MAX_REPLY_WORDS:
        return None
    joined = " ".join(tokens)
    if joined in ANSWER_YES:  # "of course" is a yes, not a filler
        return False
    for fill in _FILLERS:
        joined = fill.sub(" ", joined)
    rest = joined.split()
    if not rest:  # "Absolutely." is a yes
        return False
    joined = " ".join(rest)
    if joined in ANSWER_YES:
        return False
    if joined in ANSWER_NO or all(t in ANSWER_NO for t in rest):
        return True
    # elliptical: "it would not", "we will", "they did not"
    if rest[0] in ANSWER_SUBJECTS and len(rest) >= 2 and rest[1] in ANSWER_AUXILIARIES:
        tail = rest[2:]
        if not tail:
            return False
        if tail == ["not"]:
            return True
    return None


__all__ = ["Answer", "answered"]
