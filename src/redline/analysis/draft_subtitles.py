"""A draft read aloud, as a subtitle file (SRT or WebVTT) holds it.

An envoy reading a plan on television leaves it in the subtitles: cue numbers, timestamps and
sound cues ("[MUSIC]") are no text, a cue's line breaks are the screen's, and a point runs over
as many cues as the speaker takes, while a cue may end one point and open the next ("within 60
days. Point 7."). The cues are joined into the running text they transcribe, each spoken label
("Point 4.", "Point 10, which is new.", "And point 11.") opening a line of its own as a written
label would, so that the text reader reads the points as in any draft.
"""

from __future__ import annotations

import re

from redline.knowledge.point_labels import point_labels

__all__ = ["subtitle_text"]

_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s+-->\s+(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\b.*$")
_CUE_NUMBER = re.compile(r"^\s*\d{1,6}\s*$")
_SOUND = re.compile(r"^\s*(?:\[[^\]]{1,40}\]|\([A-Z][A-Z ,']{1,40}\)|♪+[^♪]*♪*)\s*$")
_TAG = re.compile(r"</?[a-z][^>]{0,40}>|\{\\[^}]{0,20}\}")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")

_WORDS = "|".join(re.escape(w) for w in point_labels().words if not w.endswith("."))
_NUMBER = r"\d{1,3}|" + "|".join(point_labels().cardinals)
# a label as it is spoken: "Point 4.", "and point eleven.", "Point 10, which is new."
_SPOKEN_LABEL = (
    rf"(?i:and\s+)?(?P<word>(?i:{_WORDS}))\s+(?P<num>(?i:{_NUMBER}))\b(?:\s*,\s*[^.!?\n]{{1,40}})?[.:]"
)
_LABEL_START = re.compile(rf"(?<=[.!?])\s+(?={_SPOKEN_LABEL}(?:\s|$))")
_LABEL_LINE = re.compile(rf"^{_SPOKEN_LABEL}(?:\s+|$)", re.M)
_BARE_LABEL = re.compile(rf"(?:^|(?<=[.!?]\s)){_SPOKEN_LABEL}$")


def subtitle_text(text: str) -> str:
    """``text`` unchanged, or, when it is a subtitle file (three timed cues at least), the running
    text its cues transcribe: a new paragraph where a cue begins a new sentence (so that what the
    speaker says after the last point stands apart from it), and each spoken label at the start
    of a line, written as a label ("Point 10, which is new." is "Point 10.")."""
    lines = text.splitlines()
    timed = [k for k, line in enumerate(lines) if _TIMING.match(line)]
    if len(timed) < 3:
        return text
    skip = set(timed) | {k - 1 for k in timed if k and _CUE_NUMBER.match(lines[k - 1])}
    cues: list[list[str]] = [[]]
    for k, line in enumerate(lines[timed[0] :], start=timed[0]):
        if k in skip or not line.strip():
            if cues[-1]:
                cues.append([])
            continue
        said = _TAG.sub("", line).strip()
        if said and not _SOUND.match(said):
            cues[-1].append(said)
    stream = ""
    for cue in (" ".join(c) for c in cues if c):
        if not stream:
            stream = cue
        elif _SENTENCE_END.search(stream) and not _BARE_LABEL.search(stream):
            stream += "\n\n" + cue
        else:
            stream += " " + cue
    stream = _LABEL_START.sub("\n", stream)
    return _LABEL_LINE.sub(lambda m: f"{m.group('word').capitalize()} {m.group('num')}. ", stream) + "\n"
