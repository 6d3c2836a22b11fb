"""One shape of a draft point while a text is read, whichever reader found it.

The line reader (``draft_lines``) and the run of markers (``point_sequence``) each find a
draft's points their own way, and the points of prose (``draft_layout``) are made one too; they
hand the rest of the text reader (numbering by section, titles, marks) the same record, so that
the plan reader chooses between two readers' points without converting one into the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DraftPoint", "is_title"]


@dataclass(slots=True)
class DraftPoint:
    """A point as read from a draft's lines: its number, first line (1-based), title and lines."""

    number: str
    line: int
    lines: list[str] = field(default_factory=list)
    heading: str | None = None
    section: str = ""  # the label of the section it is in ("II", "B"; "S3" for the third unlabelled)
    breaks: list[int] = field(default_factory=list)  # indices of ``lines`` that follow a blank line
    closed: bool = False  # takes no continuation lines (a table row, a point a heading ended)
    bare: bool = False  # its label stood alone on its line ("Article 3"): a title may follow
    annex: bool = False  # in an annex after the plan's points ("Annex A: Timetable")
    numbered: bool = True  # False for a point a bullet opens: its place in the list is its number


def is_title(text: str) -> bool:
    """Whether ``text`` names a point rather than says it ("Island Assembly", "Withdrawal of the
    Republic's forces"): a few words with no closing punctuation."""
    words = text.split()
    return (
        0 < len(words) <= 10
        and text.rstrip()[-1] not in ".;:,!?"
        and (text[0].isupper() or text[0].isdigit())
    )
