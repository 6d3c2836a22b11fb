"""A consolidated text, read as the agreement it states today.

Legislation databases and treaty offices print an agreement as amended: the words a protocol
changed or inserted stand in brackets with a reference ("[F1 30 kilometres]", "[F2 4A. ...]"),
a repealed point keeps its number over dots and a bare reference ("5. . . . [F3]"), and blocks
of notes after the points say what changed ("Textual Amendments" over "F1 Words in point 2
substituted ..."). The brackets and references are no words of the agreement, nor are the
notes; the words inside the brackets are. This module takes them away before the lines are
read, keeping the line count, so that errors still name the lines of the file.
"""

from __future__ import annotations

import re

__all__ = ["consolidated_text"]

# "[F1 " opening an amended passage, "[F3]" standing for a repealed one
_OPENER = re.compile(r"\[(?P<ref>[A-Z]\d{1,4})(?:[ \t]+|(?P<bare>\]))")
# a note opens with its reference ("F1 Words in point 2 substituted", "C1 Point 9: ...")
_NOTE = re.compile(r"^\s*(?P<ref>[A-Z]\d{1,4})\s+\S")


def consolidated_text(text: str) -> str:
    """``text`` without its amendment brackets and its notes blocks when it is a consolidated
    text: its brackets carry references that notes in the text explain ("[F1 ...]" and a line
    "F1 ..."). Any other text is returned as it is."""
    refs = {m.group("ref") for m in _OPENER.finditer(text)}
    lines = text.splitlines()
    if not refs or not any((m := _NOTE.match(line)) and m.group("ref") in refs for line in lines):
        return text
    lines = _without_notes(lines)
    return _without_brackets("\n".join(lines))


def _without_notes(lines: list[str]) -> list[str]:
    """``lines`` with each block of notes blank: a paragraph of note lines and the short titles
    over them ("Textual Amendments", "Annotations:", "Modifications etc. (not altering text)")."""
    out = list(lines)
    k = 0
    while k < len(lines):
        if not lines[k].strip():
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].strip():
            end += 1
        block = lines[k:end]
        notes = [bool(_NOTE.match(line)) for line in block]
        if any(notes) and all(n or _title(line) for n, line in zip(notes, block, strict=True)):
            out[k:end] = [""] * (end - k)
        k = end
    return out


def _title(line: str) -> bool:
    """A few words that title a block of notes: no number before them, no stop after them."""
    words = line.split()
    return 0 < len(words) <= 6 and not line.strip()[0].isdigit() and not line.rstrip().endswith(".")


def _without_brackets(text: str) -> str:
    """``text`` without the amendment brackets: "[F1 " and its closing "]" go, the words
    between them stay; a bare "[F3]" goes."""
    drop: set[int] = set()
    for m in _OPENER.finditer(text):
        drop.update(range(m.start(), m.end()))
        if not m.group("bare") and (j := _closing(text, m.end())) >= 0:
            drop.add(j)
    return "".join(c for j, c in enumerate(text) if j not in drop)


def _closing(text: str, start: int) -> int:
    """The index of the "]" closing a bracket opened just before ``start`` (-1 if none)."""
    depth = 1
    for j in range(start, len(text)):
        if text[j] == "[":
            depth += 1
        elif text[j] == "]":
            depth -= 1
            if depth == 0:
                return j
    return -1
